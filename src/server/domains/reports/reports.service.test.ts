import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Actor } from '../../context.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { makeMember, makeTree, officialOf } from '../../test/factories.js';
import { docxText } from '../../test/documents.js';
import { refusal } from '../../test/refusals.js';
import { writeXlsx } from '../../export/xlsx-export.js';
import { createDocument } from '../study/study.service.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { changeTarget, createTarget } from '../targets/targets.service.js';
import { createTask } from '../targets/tasks.service.js';
import { answerProposal, createProposal } from '../proposals/proposals.service.js';
import {
  changeReport,
  createReport,
  getReport,
  issueReport,
  listReports,
  returnReport,
  reviewReport,
  listSubmissions,
  reportAttention,
  reportChanges,
  rollUpReports,
  submitReport,
} from './reports.service.js';
import { reportDocx } from './reports.documents.js';
import { exportReport } from './reports.export.js';
import { canonicalJson, reportFigures, snapshotHash } from './reports.rules.js';
import { figureCounts, figureCountsMany } from './reports.queries.js';
import { metricCatalog } from '../metrics/metrics.catalog.js';
import { auditHistoryOf } from '../audit/audit.service.js';
import type { ReportCreate } from '../../../shared/reports.js';
import type { TargetCreate } from '../../../shared/targets.js';

let database: Database;
let drop: () => Promise<void>;
const TODAY = '2026-11-27';
const at = (actor?: Actor, day = TODAY) => ctxFor(database, actor, () => new Date(`${day}T03:00:00Z`));

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
});
afterAll(() => drop());

const draft = (orgId: number, over: Partial<ReportCreate> = {}): ReportCreate => ({
  orgId,
  year: 2026,
  place: 'Hòa Bình',
  signerTitle: 'BÍ THƯ',
  signerName: 'Nguyễn Văn Bí',
  recipients: ['Ban Thường vụ Đảng ủy Khối'],
  ...over,
});

/** Issuing goes through the review: the version the review leaves. */
const reviewed = async (ctx: ReturnType<typeof at>, id: number, version: number) => (await reviewReport(ctx, id, { version })).version;

const thematic = (orgId: number, code: string, issuedOn: string) => ({
  orgId,
  kind: 'thematic_resolution' as const,
  code,
  issuerLevel: 'own_committee' as const,
  issuerOrgId: null,
  issuerName: 'Đảng ủy Sở Tài chính',
  issuedOn,
  title: 'Nghị quyết chuyên đề về công tác cán bộ',
  summary: null,
});

const figure = (report: { figures: { key: string }[] }, key: string) => {
  const found = report.figures.find((f) => f.key === key);
  if (!found) throw new Error(`no figure ${key}`);
  return found as Awaited<ReturnType<typeof getReport>>['figures'][number];
};

describe('the figures panel', () => {
  it('computes each figure from the records: a new record changes it, parts add up, and a module without records is "chưa ghi nhận", not 0', async () => {
    const ctx = at();
    const tree = await makeTree(ctx);
    await makeMember(ctx, tree.a1.id, { fullName: 'Lò Văn Một' });
    await makeMember(ctx, tree.a2.id, { fullName: 'Lò Thị Hai', status: 'probationary', admittedOn: '2026-03-01', confirmedOn: null, cardNumber: null });
    const report = await createReport(
      ctx,
      draft(tree.a.id, {
        sections: [
          { heading: 'I. Kết quả', body: 'Có {{members}} đảng viên, dự bị {{members.probationary}}; ban hành {{thematic_resolutions}} nghị quyết chuyên đề.' },
        ],
      }),
    );
    const members = figure(report, 'members');
    expect(members).toMatchObject({ recorded: true, total: 2, reconciled: true, partsSum: 2 });
    expect(members.parts).toEqual([
      { key: 'full', label: expect.any(String), value: 1 },
      { key: 'probationary', label: expect.any(String), value: 1 },
    ]);
    // Last year's value is the same metric on 31/12/2025; the change is the difference.
    expect(members.previous.recorded).toBe(true);
    expect(members.change).toBe(2 - members.previous.total);
    expect(members.drill).toBe(`/so-lieu/members_by_status?orgId=${tree.a.id}&date=2026-12-31`);
    // Nothing of the study module was ever recorded under A: not a 0.
    expect(figure(report, 'thematic_resolutions')).toMatchObject({ recorded: false, change: null });
    expect(report.rendered[0].text).toBe('Có 2 đảng viên, dự bị 1; ban hành chưa ghi nhận nghị quyết chuyên đề.');
    // Every figure reconciles: the separately counted total equals the sum of its parts.
    for (const f of report.figures) expect(f.total, f.key).toBe(f.parts.reduce((s, p) => s + p.value, 0));

    await createDocument(ctx, thematic(tree.a.id, '01-NQ/ĐU', '2026-03-10'));
    await makeMember(ctx, tree.a1.id, { fullName: 'Lò Văn Ba' });
    const again = await getReport(ctx, report.id);
    expect(figure(again, 'members')).toMatchObject({ total: 3, partsSum: 3 });
    expect(figure(again, 'thematic_resolutions')).toMatchObject({ recorded: true, total: 1, previous: { recorded: false, total: 0 }, change: null });
    expect(again.rendered[0].text).toBe('Có 3 đảng viên, dự bị 1; ban hành 1 nghị quyết chuyên đề.');
    // A module with records, none of them in the period, gives a true 0.
    const next = await createReport(ctx, draft(tree.a.id, { year: 2027 }));
    expect(figure(next, 'thematic_resolutions')).toMatchObject({ recorded: true, total: 0, previous: { recorded: true, total: 1 }, change: -1 });
  });

  it('flags a number written by hand that the records do not give, and refuses to issue it', async () => {
    const ctx = at();
    const tree = await makeTree(ctx);
    await makeMember(ctx, tree.a1.id, { fullName: 'Đinh Văn Tay' });
    const report = await createReport(ctx, draft(tree.a.id, { sections: [{ heading: 'I', body: 'Đảng bộ có {{members=4.200}} đảng viên.' }] }));
    expect(report.flags).toEqual([expect.objectContaining({ section: 0, figure: 'members', written: 4200, computed: 1 })]);
    expect(report.rendered[0].text).toBe('Đảng bộ có 4.200 [khác số liệu: 1] đảng viên.');
    const refused = await refusal(reviewReport(ctx, report.id, { version: report.version }));
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', fields: ['sections.0.body'] });
    expect(refused.message).toMatch(/4\.200/);
    const fixed = await changeReport(ctx, report.id, { version: report.version, sections: [{ heading: 'I', body: 'Đảng bộ có {{members=1}} đảng viên.' }] });
    expect(fixed.flags).toEqual([]);
    expect(fixed.title).toBe(report.title);
    expect(
      (await issueReport(ctx, report.id, { number: 1, issuerCode: 'ĐU', issuedOn: TODAY, version: await reviewed(ctx, report.id, fixed.version) })).status,
    ).toBe('issued');
  });
});

const targetOf = (orgId: number, over: Partial<TargetCreate>): TargetCreate => ({
  orgId,
  year: 2026,
  title: 'Chỉ tiêu',
  source: 'manual',
  metricName: null,
  partKeys: null,
  measure: 'count',
  comparison: 'gte',
  value: 1,
  adoptedBy: null,
  notes: null,
  manualValue: null,
  manualAsOf: null,
  evidence: null,
  ...over,
});

describe('the statistical tables of member quality', () => {
  it('places every member in one row of each table (gender, age, ethnicity, religion, education, professional and theory level), rows adding up', async () => {
    const ctx = at();
    const tree = await makeTree(ctx);
    await makeMember(ctx, tree.a1.id, { fullName: 'Bùi Thị Một', gender: 'female', birthDate: '1996-12-28', ethnicity: 'Mường', religion: 'Công giáo' });
    await makeMember(ctx, tree.a1.id, {
      fullName: 'Bùi Văn Hai',
      birthDate: '1950-01-01',
      education: '7/10',
      professionalQualification: 'Thạc sĩ Quản lý kinh tế',
    });
    await makeMember(ctx, tree.a2.id, { fullName: 'Bùi Văn Ba', education: '', professionalQualification: '', theoryLevel: 'advanced' });
    await makeMember(ctx, tree.a2.id, { fullName: 'Bùi Văn Bốn', education: 'Biết đọc, biết viết', professionalQualification: 'Trung cấp Kế toán' });
    const report = await createReport(ctx, draft(tree.a.id));
    const parts = (key: string) => Object.fromEntries(figure(report, key).parts.map((p) => [p.key, p.value]));
    for (const key of [
      'members_gender',
      'members_age',
      'members_ethnicity',
      'members_religion',
      'members_education',
      'members_professional',
      'members_theory',
    ]) {
      const table = figure(report, key);
      expect(table, key).toMatchObject({ recorded: true, total: 4, partsSum: 4, reconciled: true });
      expect(table.drill, key).toMatch(new RegExp(`^/so-lieu/${table.metric}\\?orgId=${tree.a.id}&date=2026-12-31$`));
    }
    expect(parts('members_gender')).toMatchObject({ male: 3, female: 1 });
    // On 31/12/2026 the member born 28/12/1996 is 30; the one born in 1950 is 76.
    expect(parts('members_age')).toMatchObject({ '18_30': 1, '41_50': 2, over_70: 1, '31_40': 0 });
    expect(parts('members_ethnicity')).toMatchObject({ Kinh: 3, Mường: 1, not_recorded: 0 });
    expect(parts('members_religion')).toMatchObject({ Không: 3, 'Công giáo': 1 });
    // "7/10" of the old ten-year system completes lower secondary; words the product cannot place are "khác".
    expect(parts('members_education')).toMatchObject({ upper_secondary: 1, lower_secondary: 1, primary: 0, not_recorded: 1, other: 1 });
    expect(parts('members_professional')).toMatchObject({ university: 1, master: 1, intermediate: 1, not_recorded: 1 });
    expect(parts('members_theory')).toMatchObject({ intermediate: 3, advanced: 1 });
    expect(figure(report, 'members_education').parts.find((p) => p.key === 'not_recorded')?.label).toBe('Chưa ghi nhận');
  });
});

describe('the plan: targets with what was achieved, next year, tasks, proposals and answers', () => {
  it('compares each target with its achieved value, lists next year and the answered proposals, and freezes them on issue', async () => {
    const ctx = at();
    const tree = await makeTree(ctx);
    await makeMember(ctx, tree.a1.id, { fullName: 'Quách Văn Tiêu' });
    await makeMember(ctx, tree.a2.id, { fullName: 'Quách Thị Chí' });
    const bound = await createTarget(
      ctx,
      targetOf(tree.a.id, { title: 'Có ít nhất 3 đảng viên', source: 'metric', metricName: 'members_by_status', comparison: 'gte', value: 3 }),
    );
    const manual = await createTarget(
      ctx,
      targetOf(tree.a.id, {
        title: '90% đảng viên hoàn thành tốt nhiệm vụ',
        measure: 'percent',
        value: 90,
        manualValue: 92,
        manualAsOf: '2026-11-20',
        evidence: 'Biên bản hội nghị đánh giá',
      }),
    );
    await createTarget(ctx, targetOf(tree.a.id, { year: 2027, title: 'Kết nạp 5 đảng viên', value: 5 }));
    await createTarget(ctx, targetOf(tree.a1.id, { title: 'Chỉ tiêu của chi bộ, không phải của đảng bộ' }));
    await createTask(ctx, {
      orgId: tree.a.id,
      year: 2027,
      text: 'Đổi mới nội dung sinh hoạt chi bộ',
      owner: 'Ban Tuyên giáo',
      dueOn: '2027-06-30',
      status: 'not_started',
      notes: null,
    });
    const proposal = await createProposal(ctx, {
      fromOrgId: tree.a.id,
      toOrgId: tree.upper.id,
      content: 'Đề nghị hướng dẫn sinh hoạt chuyên đề',
      sentOn: '2026-05-10',
      addressee: 'Ban Thường vụ Đảng ủy Khối',
      meetingId: null,
      meetingText: null,
      notes: null,
    });
    await answerProposal(ctx, proposal.id, {
      status: 'accepted',
      answeredOn: '2026-06-01',
      answerDocument: null,
      answerText: 'Đồng ý, sẽ hướng dẫn',
      version: proposal.version,
    });
    const report = await createReport(ctx, draft(tree.a.id));
    expect(report.plan.targets).toEqual([
      expect.objectContaining({ id: bound.id, value: 3, actual: 2, met: false, drill: expect.stringContaining('/so-lieu/members_by_status?orgId=') }),
      expect.objectContaining({ id: manual.id, measure: 'percent', value: 90, actual: 92, met: true, drill: null }),
    ]);
    expect(report.plan.nextTargets).toEqual([expect.objectContaining({ year: 2027, title: 'Kết nạp 5 đảng viên', actual: null })]);
    expect(report.plan.tasks).toEqual([expect.objectContaining({ text: 'Đổi mới nội dung sinh hoạt chi bộ', status: 'not_started' })]);
    expect(report.plan.proposals).toEqual([
      expect.objectContaining({ sentOn: '2026-05-10', status: 'accepted', answeredOn: '2026-06-01', answerText: 'Đồng ý, sẽ hướng dẫn' }),
    ]);

    const issued = await issueReport(ctx, report.id, { number: 4, issuerCode: 'ĐU', issuedOn: TODAY, version: await reviewed(ctx, report.id, report.version) });
    await changeTarget(ctx, manual.id, { version: manual.version, manualValue: 70 });
    await makeMember(ctx, tree.a1.id, { fullName: 'Quách Văn Sau' });
    const later = await getReport(ctx, report.id);
    expect(later.plan).toEqual(issued.plan);
    expect(later.plan.targets.map((t) => [t.actual, t.met])).toEqual([
      [2, false],
      [92, true],
    ]);
    expect(later.snapshotIntact).toBe(true);
    // What changed since the issue covers the plan: both targets' achieved values, and a task added afterwards.
    await createTask(ctx, { orgId: tree.a.id, year: 2027, text: 'Nhiệm vụ thêm sau ban hành', owner: null, dueOn: null, status: 'not_started', notes: null });
    expect((await reportChanges(ctx, report.id)).planChanged).toEqual([
      { section: 'targets', id: bound.id, label: 'Có ít nhất 3 đảng viên', change: 'changed', fields: ['actual', 'met'] },
      { section: 'targets', id: manual.id, label: '90% đảng viên hoàn thành tốt nhiệm vụ', change: 'changed', fields: ['actual', 'met'] },
      expect.objectContaining({ section: 'tasks', label: 'Nhiệm vụ thêm sau ban hành', change: 'added', fields: [] }),
    ]);

    const text = await docxText((await reportDocx(ctx, report.id)).content);
    expect(text).toContain('Chỉ tiêu năm 2026 và kết quả thực hiện');
    expect(text).toContain('≥ 90%');
    expect(text).toContain('Không đạt');
    expect(text).toContain('Đồng ý, sẽ hướng dẫn');
    const sheets = await exportReport(ctx, report.id);
    const targetsSheet = sheets.find((sheet) => sheet.name.includes('Chỉ tiêu năm 2026'));
    expect([...(targetsSheet!.rows as Iterable<Record<string, unknown>>)].map((r) => [r.c0, r.c2, r.c3])).toEqual([
      ['Có ít nhất 3 đảng viên', '2', 'Không đạt'],
      ['90% đảng viên hoàn thành tốt nhiệm vụ', '92%', 'Đạt'],
    ]);
  });
});

describe('issuing', () => {
  it('freezes every figure with its records and a hash; later records never change it, and the changes are listed', async () => {
    const ctx = at();
    const tree = await makeTree(ctx);
    await makeMember(ctx, tree.a1.id, { fullName: 'Hà Văn Cũ' });
    const report = await createReport(ctx, draft(tree.a.id, { sections: [{ heading: 'I', body: '{{members}} đảng viên' }] }));
    await expect(reportChanges(ctx, report.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    const version = await reviewed(ctx, report.id, report.version);
    await expect(issueReport(ctx, report.id, { number: 12, issuerCode: 'ĐU', issuedOn: TODAY, version: version + 1 })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const issued = await issueReport(ctx, report.id, { number: 12, issuerCode: 'ĐU', issuedOn: TODAY, version });
    expect(issued).toMatchObject({ status: 'issued', number: '12-BC/ĐU', issuedOn: TODAY, snapshotIntact: true });
    expect(issued.snapshotHash).toMatch(/^[0-9a-f]{64}$/);
    expect(figure(issued, 'members').total).toBe(1);
    expect(await reportChanges(ctx, report.id)).toMatchObject({ changed: [], planChanged: [] });

    await makeMember(ctx, tree.a2.id, { fullName: 'Hà Thị Mới' });
    const later = await getReport(ctx, report.id);
    expect(figure(later, 'members').total).toBe(1);
    expect(later.rendered[0].text).toBe('1 đảng viên');
    expect(later.snapshotHash).toBe(issued.snapshotHash);
    expect(later.snapshotIntact).toBe(true);
    const changes = await reportChanges(ctx, report.id);
    expect(changes.changed.find((c) => c.key === 'members')).toMatchObject({ frozenTotal: 1, currentTotal: 2, added: 1, removed: 0, partsChanged: ['full'] });
    expect(changes.changed.map((c) => c.key)).not.toContain('thematic_resolutions');
    // An issued report is not edited.
    await expect(changeReport(ctx, report.id, { version: later.version, title: 'Báo cáo sửa lại sau khi ban hành' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('hashes a canonical JSON: the same snapshot in any key order gives the same hash', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
    expect(snapshotHash({ b: 1, a: 'x' })).toBe(snapshotHash({ a: 'x', b: 1 }));
    expect(snapshotHash({ a: 1 })).not.toBe(snapshotHash({ a: 2 }));
  });
});

describe('scope and roles', () => {
  it('shows a report only in the scope; a sibling or a parent target is 404, a member role 403', async () => {
    const ctx = at();
    const tree = await makeTree(ctx);
    const a = at(await officialOf(ctx, tree.a.id));
    const b = at(await officialOf(ctx, tree.b.id));
    const own = await createReport(a, draft(tree.a.id));
    await expect(getReport(b, own.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listReports(b, {})).items.map((r) => r.id)).not.toContain(own.id);
    expect((await listReports(a, {})).items.map((r) => r.id)).toContain(own.id);
    await expect(createReport(a, draft(tree.upper.id))).rejects.toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'orgId' }] });
    await expect(createReport(a, draft(tree.b.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(issueReport(b, own.id, { number: 3, issuerCode: 'ĐU', issuedOn: TODAY, version: own.version })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const member = await makeMember(ctx, tree.a1.id, { fullName: 'Vi Văn Viên' });
    const self = at({ userId: null, name: 'Đảng viên', role: 'member', scope: { kind: 'self', memberId: member.id } });
    await expect(createReport(self, draft(tree.a.id))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getReport(self, own.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const office = at(await officialOf(ctx, tree.a.id, 'office_staff'));
    await expect(createReport(office, draft(tree.a.id, { year: 2025 }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await getReport(office, own.id)).id).toBe(own.id);
  });
});

describe('submission upward', () => {
  it('submits an issued report to the parent; the parent sees who submitted and who is late, and the radar lists the late', async () => {
    const ctx = at();
    const tree = await makeTree(ctx);
    const report = await createReport(ctx, draft(tree.a.id));
    await expect(submitReport(ctx, report.id, { submittedOn: TODAY, version: report.version })).rejects.toMatchObject({ code: 'CONFLICT' });
    const issued = await issueReport(ctx, report.id, {
      number: 7,
      issuerCode: 'ĐU',
      issuedOn: '2026-11-20',
      version: await reviewed(ctx, report.id, report.version),
    });
    await expect(submitReport(ctx, report.id, { submittedOn: '2026-11-19', version: issued.version })).rejects.toMatchObject({
      fields: [{ field: 'submittedOn' }],
    });
    const submitted = await submitReport(ctx, report.id, { submittedOn: TODAY, version: issued.version });
    expect(submitted).toMatchObject({ submittedOn: TODAY, submittedToOrgId: tree.upper.id });
    await expect(submitReport(ctx, report.id, { submittedOn: TODAY, version: submitted.version })).rejects.toMatchObject({ code: 'CONFLICT' });

    const before = await listSubmissions(ctx, { orgId: tree.upper.id, year: 2026 });
    expect(before.dueOn).toBe('2026-12-15');
    expect(before.items).toEqual([
      expect.objectContaining({ orgId: tree.a.id, state: 'submitted', number: '7-BC/ĐU', submittedOn: TODAY, late: false }),
      expect.objectContaining({ orgId: tree.b.id, state: 'none', late: false }),
    ]);
    const after = at(undefined, '2026-12-20');
    expect((await listSubmissions(after, { orgId: tree.upper.id, year: 2026 })).items.find((i) => i.orgId === tree.b.id)).toMatchObject({ late: true });
    const upperStaff = at(await officialOf(ctx, tree.upper.id), '2026-12-20');
    // The radar lists the subordinates of an organisation that is collecting reports (it has one of its own that year).
    // A (which has a report) is owed its cells' reports; the upper committee, without one, is not yet collecting.
    expect((await reportAttention(upperStaff, '2026-12-20', await loadCalendar(upperStaff))).map((i) => i.orgId).sort()).toEqual(
      [tree.a1.id, tree.a2.id].sort(),
    );
    await createReport(ctx, draft(tree.upper.id));
    const radar = await reportAttention(upperStaff, '2026-12-20', await loadCalendar(upperStaff));
    // B has not submitted to the upper committee, nor A's cells to A (which has a report); B's cells are not asked yet.
    expect(radar.map((i) => i.orgId).sort()).toEqual([tree.b.id, tree.a1.id, tree.a2.id].sort());
    expect(radar[0]).toMatchObject({ severity: 'overdue', dueOn: '2026-12-15' });
    // A's own staff cannot see the upper committee's view.
    await expect(listSubmissions(at(await officialOf(ctx, tree.a.id)), { orgId: tree.upper.id, year: 2026 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe("the upper committee's roll-up", () => {
  it("puts the subordinates' submitted figures side by side, sums them and flags where the committee's own live figure differs", async () => {
    const ctx = at();
    const tree = await makeTree(ctx);
    await makeMember(ctx, tree.a1.id, { fullName: 'Mai Văn Một' });
    await makeMember(ctx, tree.a2.id, { fullName: 'Mai Văn Hai' });
    await makeMember(ctx, tree.b1.id, { fullName: 'Mai Văn Ba' });
    const a = await createReport(ctx, draft(tree.a.id));
    const issued = await issueReport(ctx, a.id, { number: 2, issuerCode: 'ĐU', issuedOn: '2026-11-25', version: await reviewed(ctx, a.id, a.version) });
    await submitReport(ctx, a.id, { submittedOn: TODAY, version: issued.version });
    // B has a draft, not submitted: it has no column of figures.
    await createReport(ctx, draft(tree.b.id));

    const view = await rollUpReports(ctx, { orgId: tree.upper.id, year: 2026 });
    expect(view.subordinates).toEqual([
      expect.objectContaining({ orgId: tree.a.id, reportId: a.id, number: '2-BC/ĐU', submittedOn: TODAY }),
      expect.objectContaining({ orgId: tree.b.id, reportId: null, submittedOn: null }),
    ]);
    const members = view.figures.find((f) => f.key === 'members')!;
    expect(members).toMatchObject({ values: [2, null], rollUp: 2, missing: 1, own: 3, difference: 1, flagged: true });
    expect(members.note).toContain('1 đơn vị chưa gửi báo cáo');
    // A module nobody recorded is not a difference.
    expect(view.figures.find((f) => f.key === 'thematic_resolutions')).toMatchObject({ values: [null, null], own: null, flagged: false });

    // Once B submits, the sum matches; a record added under A after it issued is a flagged difference again.
    const b = (await listReports(ctx, { orgId: tree.b.id, year: 2026 })).items[0];
    const bIssued = await issueReport(ctx, b.id, { number: 1, issuerCode: 'ĐU', issuedOn: '2026-11-26', version: await reviewed(ctx, b.id, b.version) });
    await submitReport(ctx, b.id, { submittedOn: TODAY, version: bIssued.version });
    expect((await rollUpReports(ctx, { orgId: tree.upper.id, year: 2026 })).figures.find((f) => f.key === 'members')).toMatchObject({
      values: [2, 1],
      rollUp: 3,
      own: 3,
      difference: 0,
      flagged: false,
      note: null,
    });
    await makeMember(ctx, tree.a1.id, { fullName: 'Mai Văn Bốn' });
    const after = (await rollUpReports(ctx, { orgId: tree.upper.id, year: 2026 })).figures.find((f) => f.key === 'members')!;
    expect(after).toMatchObject({ rollUp: 3, own: 4, difference: 1, flagged: true });
    expect(after.note).toContain('thay đổi sau khi cấp dưới ban hành');
    // Outside the scope: not found.
    await expect(rollUpReports(at(await officialOf(ctx, tree.a.id)), { orgId: tree.upper.id, year: 2026 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('papers', () => {
  it('writes the .docx in the party layout with number, narrative and tables, and the .xlsx with one sheet per table and per drill-down', async () => {
    const ctx = at();
    const tree = await makeTree(ctx);
    await makeMember(ctx, tree.a1.id, { fullName: 'Bạc Văn Giấy' });
    const report = await createReport(ctx, draft(tree.a.id, { sections: [{ heading: 'I. Kết quả', body: 'Tổng số {{members}} đảng viên.' }] }));
    await issueReport(ctx, report.id, { number: 15, issuerCode: 'ĐU', issuedOn: TODAY, version: await reviewed(ctx, report.id, report.version) });
    const text = await docxText((await reportDocx(ctx, report.id)).content);
    expect(text).toContain('Số 15-BC/ĐU');
    expect(text).toContain('Hòa Bình, ngày 27 tháng 11 năm 2026');
    expect(text).toContain('Tổng số 1 đảng viên.');
    expect(text).toContain('chưa ghi nhận');
    expect(text).toContain('Nơi nhận:');
    const sheets = await exportReport(ctx, report.id);
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    await writeXlsx(stream, sheets);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    // One sheet per table of figures, then one per table of the plan (targets, next year, tasks, proposals), then one
    // per drill-down: the records behind each recorded figure.
    const tables = new Set(report.figures.map((f) => f.group)).size + 4;
    const recorded = report.figures.filter((f) => f.recorded);
    expect(book.worksheets.length).toBe(tables + recorded.length);
    expect(book.worksheets[0].getRow(2).getCell(1).value).toBe(report.figures[0].label);
    const membersSheet = book.worksheets[tables + recorded.findIndex((f) => f.key === 'members')];
    expect(membersSheet.name).toContain('DS Đảng viên');
    expect(membersSheet.getRow(1).getCell(1).value).toBe('Họ và tên');
    expect(membersSheet.getRow(2).getCell(1).value).toBe('Bạc Văn Giấy');
    expect(membersSheet.rowCount).toBe(2);
    expect(new Set(book.worksheets.map((w) => w.name)).size).toBe(book.worksheets.length);
  });
});

describe('figures counted together', () => {
  it('gives every figure exactly what it gives alone, from one scan per record set', async () => {
    const ctx = at();
    const tree = await makeTree(ctx);
    await makeMember(ctx, tree.a1.id, { fullName: 'Hà Văn Một', gender: 'female', ethnicity: 'Tày', professionalQualification: 'Thạc sĩ Luật' });
    await makeMember(ctx, tree.a2.id, { fullName: 'Hà Thị Hai', status: 'probationary', admittedOn: '2026-03-01', confirmedOn: null, cardNumber: null });
    await makeMember(ctx, tree.b1.id, { fullName: 'Hà Văn Ba', education: '9/12', religion: '', birthDate: '1950-01-02' });
    const metrics = reportFigures.map((f) => metricCatalog.find((m) => m.name === f.metric)!);
    const p = { scopePath: tree.upper.path, date: '2026-12-31', from: '2026-01-01', to: '2026-12-31', handlerOrgId: null };
    const together = await figureCountsMany(database.db, metrics, p);
    const sorted = (c: { total: number; parts: { key: string; value: number }[] }) => ({
      total: c.total,
      parts: [...c.parts].sort((x, y) => (x.key < y.key ? -1 : 1)),
    });
    expect(together.find((_c, i) => metrics[i].name === 'members_by_status')!.total).toBe(3);
    for (const [i, metric] of metrics.entries())
      expect([metric.name, sorted(together[i])]).toEqual([metric.name, sorted(await figureCounts(database.db, metric, p))]);
  });
});

describe('review', () => {
  it('goes draft → reviewed → issued, with a return to draft; each step by its role, on the version read, audited', async () => {
    const ctx = at();
    const tree = await makeTree(ctx);
    await makeMember(ctx, tree.a1.id, { fullName: 'Mè Văn Duyệt' });
    const staff = at(await officialOf(ctx, tree.a.id));
    const secretary = at(await officialOf(ctx, tree.a.id, 'secretary'));
    const other = at(await officialOf(ctx, tree.b.id, 'secretary'));
    const report = await createReport(staff, draft(tree.a.id, { sections: [{ heading: 'I', body: '{{members}} đảng viên' }] }));
    const issue = (c: typeof ctx, version: number) => issueReport(c, report.id, { number: 21, issuerCode: 'ĐU', issuedOn: TODAY, version });
    const notReviewed = await refusal(issue(staff, report.version));
    expect(notReviewed).toMatchObject({ code: 'CONFLICT', fields: ['status'] });
    expect(notReviewed.message).toMatch(/chưa được duyệt/);
    const forbidden = await refusal(reviewReport(staff, report.id, { version: report.version }));
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(forbidden.message).toMatch(/duyệt hoặc trả lại dự thảo báo cáo năm/);
    await expect(reviewReport(other, report.id, { version: report.version })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(reviewReport(secretary, report.id, { version: report.version + 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    const checked = await reviewReport(secretary, report.id, { version: report.version });
    expect(checked).toMatchObject({ status: 'reviewed', version: report.version + 1 });
    expect((await refusal(changeReport(staff, report.id, { version: checked.version, place: 'Hà Nội' }))).message).toMatch(/trả lại dự thảo/);
    await expect(reviewReport(secretary, report.id, { version: checked.version })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await refusal(returnReport(staff, report.id, { version: checked.version, reason: 'Sửa số liệu' }))).code).toBe('FORBIDDEN');
    const back = await returnReport(secretary, report.id, { version: checked.version, reason: 'Bổ sung phần hạn chế' });
    expect(back).toMatchObject({ status: 'draft', version: checked.version + 1 });
    await expect(returnReport(secretary, report.id, { version: back.version, reason: 'Lần nữa' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const edited = await changeReport(staff, report.id, { version: back.version, place: 'Hà Nội' });
    const again = await reviewReport(secretary, report.id, { version: edited.version });
    const issued = await issue(staff, again.version);
    expect(issued).toMatchObject({ status: 'issued', place: 'Hà Nội', number: '21-BC/ĐU' });
    await expect(returnReport(secretary, report.id, { version: issued.version, reason: 'Quá muộn' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const steps = (await auditHistoryOf(ctx, 'report', report.id)).map((e) => e.action);
    expect(steps).toEqual(expect.arrayContaining(['create', 'report:review', 'report:return', 'update', 'issue']));
    expect(steps.filter((s) => s === 'report:review')).toHaveLength(2);
  });
});
