import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryOne, type Database } from '../../db/client.js';
import { clockAt, createTestDatabase, ctxFor } from '../../test/test-database.js';
import { decision, makeMember, makeTree, officialOf } from '../../test/factories.js';
import { refusal } from '../../test/refusals.js';
import { docxText } from '../../test/documents.js';
import { casesOfMember, getCase, listCases, openCase, recordCaseStep } from './inspection.service.js';
import { addPlanItem, approvePlan, createPlan, getPlan } from './plans.service.js';
import { getDenunciation, listDenunciations, recordDenunciationEntry, registerDenunciation } from './denunciations.service.js';
import { caseInput, openAndWalk, stepBody } from './inspection.test-helper.js';
import { renderCaseDecision, renderConclusionNotice } from './inspection.documents.js';
import { casePaper } from './inspection.service.js';
import { computeMetric, metricRecords } from '../metrics/metrics.service.js';
import { listAttention } from '../radar/radar.service.js';
import type { Ctx } from '../../context.js';
import { createUser } from '../users/users.service.js';
import { PASSWORD } from '../../test/http-client.js';

let database: Database;
let drop: () => Promise<void>;
let tree: Awaited<ReturnType<typeof makeTree>>;
let ctx: Ctx;
/** The inspection staff of A (its inspection commission) and of B. */
let staffA: Ctx;
let staffB: Ctx;
beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  ctx = clockAt(ctxFor(database), '2026-11-27');
  tree = await makeTree(ctx);
  staffA = clockAt(ctxFor(database, await officialOf(ctx, tree.a.id, 'inspection_staff')), '2026-11-27');
  staffB = clockAt(ctxFor(database, await officialOf(ctx, tree.b.id, 'inspection_staff')), '2026-11-27');
});
afterAll(() => drop());

describe('a case and its steps', () => {
  it('goes from the decision to the notice of conclusion, with a timeline of dated steps, each citing its decision', async () => {
    const member = await makeMember(ctx, tree.a1.id, { fullName: 'Vi Văn Thanh' });
    const opened = await openCase(staffA, caseInput(tree.a.id, { kind: 'member', memberId: member.id }, '2026-03-02'));
    expect(opened).toMatchObject({ state: 'open', subjectName: 'Vi Văn Thanh', nextStep: 'announcement', nextDueOn: '2026-03-02' });
    const done = await openAndWalk(staffA, caseInput(tree.a.id, { kind: 'org', orgId: tree.a1.id }, '2026-04-01'), '2026-04-03');
    expect(done.steps.map((s) => s.kind)).toEqual(['decision', 'announcement', 'subject_report', 'conclusion', 'conclusion_notice']);
    expect(done.steps.every((s) => s.decision.number.length > 0)).toBe(true);
    expect(done).toMatchObject({ state: 'closed', violation: true, concludedOn: '2026-04-17', nextStep: null });
    const followed = await recordCaseStep(staffA, done.id, stepBody('follow_up', done.version, '2026-06-01'));
    expect(followed.steps.at(-1)?.kind).toBe('follow_up');
  });

  it('refuses a step out of order, a repeated step, a step dated before the last, naming the rule and its source; nothing written', async () => {
    const c = await openCase(staffA, caseInput(tree.a.id, { kind: 'org', orgId: tree.a2.id }, '2026-05-04'));
    const before = await queryOne<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM inspection_case_steps WHERE case_id = ${c.id}`);
    const early = await refusal(recordCaseStep(staffA, c.id, stepBody('conclusion', c.version, '2026-05-10')));
    expect(early).toMatchObject({ code: 'RULE_VIOLATION', rule: 'inspection_step_order', source: '296-QĐ/TW (30/5/2025)', field: 'kind' });
    expect(early.message).toContain('Công bố quyết định');
    const announced = await recordCaseStep(staffA, c.id, stepBody('announcement', c.version, '2026-05-06'));
    expect(await refusal(recordCaseStep(staffA, c.id, stepBody('announcement', announced.version, '2026-05-07')))).toMatchObject({
      rule: 'inspection_step_order',
      message: expect.stringContaining('đã được ghi'),
    });
    expect(await refusal(recordCaseStep(staffA, c.id, stepBody('subject_report', announced.version, '2026-05-05')))).toMatchObject({
      rule: 'inspection_step_order',
      field: 'occurredOn',
    });
    expect(await refusal(recordCaseStep(staffA, c.id, stepBody('follow_up', announced.version, '2026-05-08')))).toMatchObject({ field: 'kind' });
    expect(await refusal(recordCaseStep(staffA, c.id, stepBody('subject_report', c.version, '2026-05-08')))).toMatchObject({ code: 'CONFLICT' });
    const after = await queryOne<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM inspection_case_steps WHERE case_id = ${c.id}`);
    expect(after!.n).toBe(before!.n + 1);
    // A conclusion must say whether there were violations.
    const reported = await recordCaseStep(staffA, c.id, stepBody('subject_report', announced.version, '2026-05-12'));
    expect(await refusal(recordCaseStep(staffA, c.id, { ...stepBody('conclusion', reported.version, '2026-05-20'), violation: null }))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'violation',
    });
  });

  it('suspends a subject only in a case on signs of violation, and ends the suspension by a dated step', async () => {
    const member = await makeMember(ctx, tree.a2.id, { fullName: 'Hoàng Văn Đình' });
    const regular = await openCase(staffA, caseInput(tree.a.id, { kind: 'member', memberId: member.id }, '2026-06-01'));
    expect(await refusal(recordCaseStep(staffA, regular.id, stepBody('suspension', regular.version, '2026-06-02')))).toMatchObject({
      rule: 'inspection_step_order',
      message: expect.stringContaining('dấu hiệu vi phạm'),
    });
    const signs = await openCase(staffA, caseInput(tree.a.id, { kind: 'member', memberId: member.id }, '2026-06-01', 'violation_inspection'));
    const suspended = await recordCaseStep(staffA, signs.id, stepBody('suspension', signs.version, '2026-06-03'));
    expect(suspended.suspended).toBe(true);
    const ended = await recordCaseStep(staffA, signs.id, stepBody('suspension_end', suspended.version, '2026-07-03'));
    expect(ended.suspended).toBe(false);
    expect(ended.steps.map((s) => s.kind)).toEqual(['decision', 'suspension', 'suspension_end']);
  });

  it('refuses a subject outside the handling organisation (404 as if absent) and a member who was not one on the decision date', async () => {
    const outsider = await makeMember(ctx, tree.b1.id, { fullName: 'Lục Văn Ngoài' });
    const outside = await refusal(openCase(staffA, caseInput(tree.a.id, { kind: 'member', memberId: outsider.id })));
    const absent = await refusal(openCase(staffA, caseInput(tree.a.id, { kind: 'member', memberId: 2_000_000_000 })));
    expect(outside).toEqual(absent);
    expect(outside).toMatchObject({ code: 'NOT_FOUND', field: 'subject.memberId' });
    const late = await makeMember(ctx, tree.a1.id, {
      fullName: 'Mới Vào Đảng',
      admittedOn: '2026-01-10',
      confirmedOn: null,
      status: 'probationary',
      cardNumber: null,
      decision: decision('2026-01-10'),
    });
    expect(await refusal(openCase(staffA, caseInput(tree.a.id, { kind: 'member', memberId: late.id }, '2025-12-01')))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'subject.memberId',
      message: expect.stringContaining('không là đảng viên'),
    });
    // Another organisation's staff cannot handle for A.
    expect(await refusal(openCase(staffB, caseInput(tree.a.id, { kind: 'org', orgId: tree.a1.id })))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'handlingOrgId',
    });
  });

  it('prints the decision to inspect and the notice of conclusion in the party layout', async () => {
    const c = await openAndWalk(staffA, caseInput(tree.a.id, { kind: 'org', orgId: tree.a1.id }, '2026-02-02'), '2026-02-04');
    const decisionText = await docxText(await renderCaseDecision(await casePaper(staffA, c.id, 'decision')));
    expect(decisionText).toContain('QUYẾT ĐỊNH');
    expect(decisionText).toContain('Kiểm tra thường xuyên đối với Chi bộ Văn phòng Sở');
    expect(decisionText).toContain('Đinh Văn Kiểm, Trưởng đoàn');
    const notice = await docxText(await renderConclusionNotice(await casePaper(staffA, c.id, 'notice')));
    expect(notice).toContain('THÔNG BÁO');
    expect(notice).toContain('Chấp hành chưa nghiêm quy chế làm việc');
    const open = await openCase(staffA, caseInput(tree.a.id, { kind: 'org', orgId: tree.a2.id }, '2026-02-02'));
    expect(await refusal(casePaper(staffA, open.id, 'notice'))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('plans', () => {
  it('lists subjects with their progress: an item is done once a case on it is concluded', async () => {
    const plan = await createPlan(staffA, {
      handlingOrgId: tree.a.id,
      handlingBody: 'commission',
      kind: 'inspection',
      year: 2026,
      title: 'Chương trình kiểm tra năm 2026',
    });
    const item = {
      subject: { kind: 'org' as const, orgId: tree.a2.id, memberId: null },
      caseKind: 'thematic_inspection' as const,
      content: 'Công tác phát triển đảng viên',
      plannedFrom: '2026-08-01',
      plannedTo: '2026-08-31',
      team: 'Tổ 1',
    };
    const withItem = await addPlanItem(staffA, plan.id, { ...item, version: plan.version });
    expect(await refusal(addPlanItem(staffA, plan.id, { ...item, caseKind: 'regular_supervision', version: withItem.version }))).toMatchObject({
      field: 'caseKind',
    });
    const approved = await approvePlan(staffA, plan.id, { version: withItem.version, decision: decision('2026-01-05') });
    expect(approved).toMatchObject({ approved: true, itemCount: 1, doneCount: 0 });
    expect(await refusal(addPlanItem(staffA, plan.id, { ...item, version: approved.version }))).toMatchObject({ code: 'CONFLICT' });
    await openAndWalk(
      staffA,
      { ...caseInput(tree.a.id, { kind: 'org', orgId: tree.a2.id }, '2026-08-03', 'thematic_inspection'), planItemId: approved.items[0].id },
      '2026-08-05',
      ['announcement', 'subject_report', 'conclusion'],
    );
    expect(await getPlan(staffA, plan.id)).toMatchObject({ doneCount: 1, items: [{ done: true }] });
    expect(await refusal(getPlan(staffB, plan.id))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('confidentiality', () => {
  it('shows a case only to the handling organisation’s inspection staff and the admin: 404 alike to everyone else', async () => {
    const member = await makeMember(ctx, tree.a1.id, { fullName: 'Bạc Văn Kín' });
    const c = await openCase(staffA, caseInput(tree.a.id, { kind: 'member', memberId: member.id }, '2026-09-01'));
    expect((await getCase(staffA, c.id)).id).toBe(c.id);
    expect((await getCase(ctx, c.id)).id).toBe(c.id);
    const absent = await refusal(getCase(staffA, 2_000_000_000));
    for (const role of ['org_staff', 'secretary', 'office_staff'] as const) {
      const official = ctxFor(database, await officialOf(ctx, tree.a.id, role));
      expect(await refusal(getCase(official, c.id))).toEqual(absent);
      expect(await refusal(listCases(official, { page: 1, pageSize: 50 }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await refusal(casesOfMember(official, member.id))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await refusal(computeMetric(official, 'inspected_members', { from: '2026-01-01', to: '2026-12-31' }))).toMatchObject({ code: 'NOT_FOUND' });
    }
    // The upper committee's inspection staff and a sibling's do not see A's cases either.
    const upperStaff = ctxFor(database, await officialOf(ctx, tree.upper.id, 'inspection_staff'));
    expect(await refusal(getCase(upperStaff, c.id))).toEqual(absent);
    expect((await listCases(upperStaff, { page: 1, pageSize: 50 })).items.map((i) => i.id)).not.toContain(c.id);
    expect(await refusal(getCase(staffB, c.id))).toEqual(absent);
    expect((await computeMetric(staffB, 'inspected_members', { from: '2026-01-01', to: '2026-12-31' })).total).toBe(0);
    const member2 = { ...(await officialOf(ctx, tree.a.id, 'member')), scope: { kind: 'self' as const, memberId: member.id } };
    expect(await refusal(getCase(ctxFor(database, member2), c.id))).toEqual(absent);
    // The radar names the case only to those who see it.
    const radarOf = async (who: Ctx) => (await listAttention(who, { date: '2026-12-01' })).items.filter((i) => i.inspectionCaseId === c.id);
    expect(await radarOf(staffA)).toHaveLength(1);
    expect(await radarOf(ctxFor(database, await officialOf(ctx, tree.a.id, 'org_staff')))).toEqual([]);
    expect(await radarOf(staffB)).toEqual([]);
  });

  it('keeps the register of denunciations to its organisation, and who denounced to those handling it', async () => {
    const member = await makeMember(ctx, tree.a2.id, { fullName: 'Tống Văn Bị' });
    const account = await createUser(ctx, {
      username: 'kiem.tra.a',
      displayName: 'Cán bộ kiểm tra A',
      role: 'inspection_staff',
      orgId: tree.a.id,
      memberId: null,
      password: PASSWORD,
    });
    const handler = { ...staffA, actor: { ...staffA.actor, userId: account.user.id } };
    const d = await registerDenunciation(handler, {
      handlingOrgId: tree.a.id,
      kind: 'denunciation',
      receivedOn: '2026-10-01',
      denouncer: { fullName: 'Người Tố Cáo', address: 'Tổ 5, phường Phương Lâm', contact: '0912 000 000' },
      about: { kind: 'member', orgId: null, memberId: member.id },
      content: 'Sử dụng tài sản công vào việc riêng',
      handlerUserIds: [],
    });
    expect(d).toMatchObject({ handler: true, denouncer: { fullName: 'Người Tố Cáo' }, identityHidden: false });
    // Another reader of the register (the admin, or a colleague not handling it) sees the denunciation but not who made it.
    const colleague = await getDenunciation(staffA, d.id);
    expect(colleague).toMatchObject({ denouncer: null, identityHidden: true, handler: false });
    expect(await getDenunciation(ctx, d.id)).toMatchObject({ denouncer: null, identityHidden: true });
    const absent = await refusal(getDenunciation(staffA, 2_000_000_000));
    expect(await refusal(getDenunciation(staffB, d.id))).toEqual(absent);
    expect((await listDenunciations(staffB)).items.map((i) => i.id)).not.toContain(d.id);
    for (const role of ['org_staff', 'secretary', 'office_staff'] as const) {
      const official = ctxFor(database, await officialOf(ctx, tree.a.id, role));
      expect(await refusal(getDenunciation(official, d.id))).toEqual(absent);
      expect(await refusal(listDenunciations(official))).toMatchObject({ code: 'NOT_FOUND' });
    }
    const verifying = await recordDenunciationEntry(handler, d.id, {
      version: d.version,
      stage: 'verifying',
      occurredOn: '2026-10-05',
      text: 'Giao tổ thẩm tra',
    });
    expect(verifying.entries.map((e) => e.stage)).toEqual(['received', 'verifying']);
    // The audit trail (read by the admin) never holds who denounced.
    const audit = await queryOne<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE (coalesce(after::text, '') || coalesce(before::text, '')) LIKE '%Người Tố Cáo%'`,
    );
    expect(audit!.n).toBe(0);
  });
});

describe('figures', () => {
  it('counts organisations and members inspected by kind, each once, and cases with violations; parts add up; drill-down lists them', async () => {
    {
      // A tree of its own: the staff of its A see only the cases below.
      const c0 = ctx;
      const t = await makeTree(c0);
      const staff = clockAt(ctxFor(database, await officialOf(c0, t.a.id, 'inspection_staff')), '2026-11-27');
      const m1 = await makeMember(c0, t.a1.id, { fullName: 'Một' });
      const m2 = await makeMember(c0, t.a2.id, { fullName: 'Hai' });
      await openAndWalk(staff, caseInput(t.a.id, { kind: 'org', orgId: t.a1.id }, '2026-02-02'), '2026-02-04');
      await openAndWalk(staff, caseInput(t.a.id, { kind: 'org', orgId: t.a1.id }, '2026-05-04', 'thematic_inspection'), '2026-05-06', undefined, false);
      await openAndWalk(staff, caseInput(t.a.id, { kind: 'org', orgId: t.a2.id }, '2026-03-02', 'thematic_inspection'), '2026-03-04', undefined, false);
      await openAndWalk(staff, caseInput(t.a.id, { kind: 'member', memberId: m1.id }, '2026-03-02', 'violation_inspection'), '2026-03-04');
      await openCase(staff, caseInput(t.a.id, { kind: 'member', memberId: m2.id }, '2026-04-01', 'regular_supervision'));
      await openCase(staff, caseInput(t.a.id, { kind: 'org', orgId: t.a2.id }, '2025-04-01'));
      const year = { from: '2026-01-01', to: '2026-12-31' };
      const orgs = await computeMetric(staff, 'inspected_orgs', year);
      expect(orgs.total).toBe(2);
      expect(orgs.parts.find((p) => p.key === 'regular_inspection')?.value).toBe(1);
      expect(orgs.parts.find((p) => p.key === 'thematic_inspection')?.value).toBe(1);
      expect(orgs.parts.reduce((s, p) => s + p.value, 0)).toBe(orgs.total);
      expect((await computeMetric(staff, 'inspected_members', year)).total).toBe(1);
      expect((await computeMetric(staff, 'supervised_members', year)).total).toBe(1);
      expect((await computeMetric(staff, 'supervised_orgs', year)).total).toBe(0);
      const violations = await computeMetric(staff, 'inspection_cases_with_violations', year);
      expect(violations.total).toBe(2);
      const records = await metricRecords(staff, 'inspection_cases_with_violations', { ...year, page: 1, pageSize: 50 });
      expect(records.recordKind).toBe('inspection_case');
      expect(records.items.map((r) => r.subjectName).sort()).toEqual(['Chi bộ Văn phòng Sở', 'Một']);
      // Per organisation: only subjects under A2.
      expect((await computeMetric(staff, 'inspected_orgs', { ...year, orgId: t.a2.id })).total).toBe(1);
    }
  });
});
