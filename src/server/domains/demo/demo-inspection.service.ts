import type { Ctx } from '../../context.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  demoGrassroots,
  demoHandlingOrgs,
  demoMembers,
  insertCaseRows,
  insertDenunciation,
  insertPlan,
  insertPlanItemRows,
  insertStepRows,
} from '../inspection/inspection.queries.js';
import type { CaseStepKind, InspectionCaseKind } from '../../../shared/inspection.js';
import type { DemoOptions } from './demo.generator.js';

/** mulberry32, seeded: the same options give the same year of inspection. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    let t = (s = (s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The seed article's bloc: 73 grassroots organisations; its committee inspected 71 of them and 73 members in the year. */
const BLOC_GRASSROOTS = 73;
const BLOC_ORGS_INSPECTED = 71;
const BLOC_MEMBERS_INSPECTED = 73;
const BLOC_MEMBERS = 4200;

interface Pick {
  kind: 'org' | 'member';
  id: number;
  name: string;
  path: string;
}

/**
 * A year of inspection and supervision for every upper committee of the demo tree: its commission's two plans
 * (issued in January), the cases on them, each through its dated steps (the last few still open, some overdue), and
 * a few denunciations. The bloc of the seed article inspects 71 organisations and 73 members, as the article says;
 * other committees in proportion. Runs at the end of the demo load, on the loader's transaction.
 */
export async function loadDemoInspection(ctx: Ctx, options: DemoOptions): Promise<{ cases: number }> {
  const today = options.today ?? '2026-11-27';
  const year = Number(today.slice(0, 4));
  const random = rng((options.seed ?? 20221122) ^ 0x5eed);
  const pick = <T>(items: readonly T[], n: number) => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, Math.max(0, Math.min(n, copy.length)));
  };
  let total = 0;
  for (const handling of await demoHandlingOrgs(ctx.db)) {
    const grassroots = await demoGrassroots(ctx.db, handling.path);
    if (grassroots.length === 0) continue;
    const members = await demoMembers(ctx.db, handling.path, `${year}-01-01`);
    const bloc = grassroots.length === BLOC_GRASSROOTS;
    const orgCount = bloc ? BLOC_ORGS_INSPECTED : Math.round((grassroots.length * BLOC_ORGS_INSPECTED) / BLOC_GRASSROOTS);
    const memberCount = bloc ? BLOC_MEMBERS_INSPECTED : Math.round((members.length * BLOC_MEMBERS_INSPECTED) / BLOC_MEMBERS);
    const orgs: Pick[] = pick(grassroots, orgCount).map((o) => ({ kind: 'org', id: o.id, name: o.name, path: o.path }));
    const people: Pick[] = pick(members, memberCount).map((m) => ({ kind: 'member', id: m.id, name: m.fullName, path: m.orgPath }));
    const supervisedOrgs: Pick[] = pick(grassroots, Math.round(grassroots.length * 0.4)).map((o) => ({ kind: 'org', id: o.id, name: o.name, path: o.path }));
    const supervisedPeople: Pick[] = pick(members, Math.round(memberCount * 0.4)).map((m) => ({ kind: 'member', id: m.id, name: m.fullName, path: m.orgPath }));

    const issuer = `Ủy ban kiểm tra ${handling.name}`;
    const plans = {
      inspection: await insertPlan(ctx.db, {
        handlingOrgId: handling.id,
        handlingBody: 'commission',
        kind: 'inspection',
        year,
        title: `Chương trình kiểm tra năm ${year}`,
        decision: { number: '01-CTr/UBKT', date: `${year}-01-03`, issuer },
      }),
      supervision: await insertPlan(ctx.db, {
        handlingOrgId: handling.id,
        handlingBody: 'commission',
        kind: 'supervision',
        year,
        title: `Chương trình giám sát năm ${year}`,
        decision: { number: '02-CTr/UBKT', date: `${year}-01-03`, issuer },
      }),
    };

    const plannedKind = (subject: Pick, supervision: boolean): InspectionCaseKind => {
      const r = random();
      if (supervision) return r < 0.7 ? 'regular_supervision' : 'thematic_supervision';
      if (subject.kind === 'org') return r < 0.6 ? 'regular_inspection' : r < 0.95 ? 'thematic_inspection' : 'violation_inspection';
      return r < 0.4 ? 'regular_inspection' : r < 0.6 ? 'thematic_inspection' : 'violation_inspection';
    };
    const work = [...orgs.map((s) => ({ s, supervision: false })), ...people.map((s) => ({ s, supervision: false }))];
    work.push(...supervisedOrgs.map((s) => ({ s, supervision: true })), ...supervisedPeople.map((s) => ({ s, supervision: true })));

    // Decisions spread from mid-January to a little before today; the last ones are still open.
    const span = Math.max(30, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${year}-01-15T00:00:00Z`)) / 86_400_000) - 10);
    const planned = work.map((w) => ({ ...w, kind: plannedKind(w.s, w.supervision), openedOn: addDays(`${year}-01-15`, Math.floor(random() * span)) }));
    const itemIds = await insertPlanItemRows(
      ctx.db,
      planned.map((p) => ({
        planId: p.supervision ? plans.supervision.id : plans.inspection.id,
        subjectKind: p.s.kind,
        subjectOrgId: p.s.kind === 'org' ? p.s.id : null,
        subjectMemberId: p.s.kind === 'member' ? p.s.id : null,
        subjectName: p.s.name,
        caseKind: p.kind,
        content: p.supervision ? 'Việc thực hiện nghị quyết, chỉ thị của Đảng' : 'Việc chấp hành Điều lệ Đảng, nguyên tắc tập trung dân chủ, quy chế làm việc',
        plannedFrom: p.openedOn,
        plannedTo: addDays(p.openedOn, 45),
        team: 'Tổ kiểm tra số 1',
      })),
    );
    const schedule: [CaseStepKind, number][] = [
      ['announcement', 3],
      ['subject_report', 14],
      ['conclusion', 30],
      ['conclusion_notice', 37],
    ];
    const rows = planned.map((p, i) => {
      const decision = { number: `${i + 10}-QĐ/UBKT`, date: p.openedOn, issuer };
      const steps = schedule.filter(([, d]) => addDays(p.openedOn, d) <= today).map(([kind, d]) => ({ kind, on: addDays(p.openedOn, d) }));
      const concluded = steps.some((s) => s.kind === 'conclusion');
      const violation = concluded ? random() < (p.kind === 'violation_inspection' ? 0.6 : 0.1) : null;
      return { p, i, decision, steps, concluded, violation };
    });
    const ids = await insertCaseRows(
      ctx.db,
      rows.map(({ p, i, decision, steps, concluded, violation }) => ({
        handlingOrgId: handling.id,
        handlingBody: 'commission' as const,
        kind: p.kind,
        subjectKind: p.s.kind,
        subjectOrgId: p.s.kind === 'org' ? p.s.id : null,
        subjectMemberId: p.s.kind === 'member' ? p.s.id : null,
        subjectName: p.s.name,
        subjectPath: p.s.path,
        content: itemContent(p.supervision),
        periodFrom: `${year - 1}-01-01`,
        periodTo: `${year - 1}-12-31`,
        team: [
          { name: 'Đinh Văn Kiểm', role: 'Trưởng đoàn' },
          { name: 'Hà Thị Tra', role: 'Thành viên' },
        ],
        planItemId: itemIds[i],
        decision,
        openedOn: p.openedOn,
        // The decision's timetable; a case whose next step has passed its date shows on the radar.
        timetable: Object.fromEntries(schedule.map(([kind, d]) => [kind, addDays(p.openedOn, d + 5)])),
        state: steps.some((s) => s.kind === 'conclusion_notice') ? ('closed' as const) : concluded ? ('concluded' as const) : ('open' as const),
        concludedOn: steps.find((s) => s.kind === 'conclusion')?.on ?? null,
        findings: concluded ? 'Đã thẩm tra báo cáo, hồ sơ, sổ sách của đối tượng' : null,
        conclusion: concluded ? (violation ? 'Có vi phạm, khuyết điểm như đã nêu; đề nghị xem xét xử lý' : 'Chấp hành tốt, không có vi phạm') : null,
        violation,
        recommendations: violation ? [{ text: 'Kiểm điểm, làm rõ trách nhiệm và khắc phục khuyết điểm' }] : [],
      })),
    );
    await insertStepRows(
      ctx.db,
      rows.flatMap(({ decision, steps }, index) => [
        { caseId: ids[index], kind: 'decision' as const, occurredOn: decision.date, decision },
        ...steps.map((s) => ({
          caseId: ids[index],
          kind: s.kind,
          occurredOn: s.on,
          decision: { number: `${index + 10}-${s.kind === 'conclusion_notice' ? 'TB' : 'BB'}/UBKT`, date: s.on, issuer },
        })),
      ]),
    );
    for (let n = 0; n < Math.max(1, Math.round(grassroots.length / 18)); n++) {
      const about = people[n % Math.max(1, people.length)] ?? orgs[0];
      await insertDenunciation(ctx.db, {
        handlingOrgId: handling.id,
        kind: n % 3 === 2 ? 'complaint' : 'denunciation',
        receivedOn: addDays(`${year}-02-01`, Math.floor(random() * (span - 20))),
        denouncer: n % 2 === 0 ? null : { fullName: 'Người gửi đơn (dữ liệu mẫu)', address: '', contact: '' },
        aboutKind: about.kind,
        aboutOrgId: about.kind === 'org' ? about.id : null,
        aboutMemberId: about.kind === 'member' ? about.id : null,
        aboutName: about.name,
        content: 'Phản ánh việc kê khai tài sản, thu nhập chưa trung thực (dữ liệu mẫu)',
        entries: [],
      });
    }
    total += ids.length;
  }
  await recordAudit(ctx, [
    { entity: 'inspection_case', entityId: `bulk:${total}`, action: 'bulk_create', after: { count: total, seed: options.seed ?? null } },
  ]);
  return { cases: total };
}

const itemContent = (supervision: boolean) =>
  supervision ? 'Việc thực hiện nghị quyết, chỉ thị của Đảng' : 'Việc chấp hành Điều lệ Đảng, nguyên tắc tập trung dân chủ, quy chế làm việc';
