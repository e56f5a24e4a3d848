import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, type Database } from '../../db/client.js';
import { clockAt, createTestDatabase, ctxFor } from '../../test/test-database.js';
import { decision, makeMember, makeOrg, makeTree, officialOf } from '../../test/factories.js';
import { recordOrgEvent } from '../orgs/orgs.service.js';
import { changeTarget, closeTarget, createTarget, getTarget, listCultureStandard, listTargets, recordCultureStandard } from './targets.service.js';
import { changeTask, createTask, listTasks } from './tasks.service.js';
import type { TargetCreate } from '../../../shared/targets.js';

let database: Database;
let drop: () => Promise<void>;
let tree: Awaited<ReturnType<typeof makeTree>>;
const TODAY = '2026-11-27';
const ctx = () => clockAt(ctxFor(database), TODAY);

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  tree = await makeTree(ctx());
});
afterAll(() => drop());

const bound = (orgId: number, over: Partial<TargetCreate> = {}): TargetCreate => ({
  orgId,
  year: 2026,
  title: '80% cơ quan, đơn vị đạt chuẩn văn hóa',
  source: 'metric',
  metricName: 'culture_standard',
  partKeys: ['met'],
  measure: 'percent',
  comparison: 'gte',
  value: 80,
  adoptedBy: null,
  notes: null,
  manualValue: null,
  manualAsOf: null,
  evidence: null,
  ...over,
});

const count = async (table: string) => (await queryOne<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))!.n;

describe('targets bound to a metric', () => {
  it('computes the share of agencies meeting the culture standard from their yearly records, live', async () => {
    const target = await createTarget(ctx(), bound(tree.upper.id));
    // The tree's grassroots organisations (A and B, and any another test of this file added under the upper committee).
    const agencies = target.progress.denominator!;
    expect(agencies).toBeGreaterThanOrEqual(2);
    expect(target.progress).toMatchObject({ actual: 0, numerator: 0, met: false });
    const a = await recordCultureStandard(ctx(), { orgId: tree.a.id, year: 2026, met: true, evidence: 'QĐ công nhận 12/QĐ-UBND', recordedOn: '2026-10-01' });
    await recordCultureStandard(ctx(), { orgId: tree.b.id, year: 2026, met: false, evidence: 'Biên bản đánh giá', recordedOn: '2026-10-01' });
    expect((await getTarget(ctx(), target.id)).progress).toMatchObject({ numerator: 1, denominator: agencies, met: false });
    // A second record for the same year without the version read is refused; with it, it corrects the record.
    await expect(
      recordCultureStandard(ctx(), { orgId: tree.b.id, year: 2026, met: true, evidence: 'Bổ sung', recordedOn: '2026-11-01' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const b = (await listCultureStandard(ctx(), { orgId: tree.upper.id, year: 2026 })).items.find((u) => u.orgId === tree.b.id)!;
    await recordCultureStandard(ctx(), {
      orgId: tree.b.id,
      year: 2026,
      met: true,
      evidence: 'QĐ công nhận 30/QĐ-UBND',
      recordedOn: '2026-11-01',
      version: b.record!.version,
    });
    const progress = (await getTarget(ctx(), target.id)).progress;
    expect(progress).toMatchObject({ numerator: 2, denominator: agencies, met: 200 / agencies >= 80, to: TODAY });
    expect(progress.actual).toBeCloseTo(200 / agencies, 1);
    expect(progress.drill).toMatchObject({ metricName: 'culture_standard', orgId: tree.upper.id, key: 'met' });
    expect(a.met).toBe(true);
    // Only grassroots organisations stand for an agency.
    await expect(recordCultureStandard(ctx(), { orgId: tree.a1.id, year: 2026, met: true, evidence: 'Thử', recordedOn: '2026-10-01' })).rejects.toMatchObject({
      fields: [{ field: 'orgId' }],
    });
  });

  it('counts members of the chosen parts, and says whether the target is met', async () => {
    const org = await makeOrg(ctx(), 'grassroots_cell', tree.upper.id);
    await makeMember(ctx(), org.id, { fullName: 'Lường Văn Chính' });
    await makeMember(ctx(), org.id, { fullName: 'Lường Thị Dự', status: 'probationary', confirmedOn: null, cardNumber: null, admittedOn: '2026-03-01' });
    const full = await createTarget(
      ctx(),
      bound(org.id, { title: 'Ít nhất 2 đảng viên chính thức', metricName: 'members_by_status', partKeys: ['full'], measure: 'count', value: 2 }),
    );
    expect(full.progress).toMatchObject({ actual: 1, met: false });
    const all = await createTarget(
      ctx(),
      bound(org.id, { title: 'Tổng số đảng viên', metricName: 'members_by_status', partKeys: null, measure: 'count', value: 2 }),
    );
    expect(all.progress).toMatchObject({ actual: 2, met: true });
    const list = await listTargets(ctx(), { orgId: org.id, year: 2026 });
    expect(list.items.map((t) => t.title)).toEqual(['Ít nhất 2 đảng viên chính thức', 'Tổng số đảng viên']);
    expect((await listTargets(ctx(), { orgId: org.id, year: 2025 })).items).toEqual([]);
  });

  it('refuses a metric that does not exist, a part it does not have and a share over 100%, in Vietnamese, writing nothing', async () => {
    const before = [await count('targets'), await count('audit_log')];
    await expect(createTarget(ctx(), bound(tree.a.id, { metricName: 'study_coverage_khong_co' }))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ field: 'metricName' }],
      message: expect.stringContaining('không có trong danh mục chỉ số'),
    });
    await expect(createTarget(ctx(), bound(tree.a.id, { partKeys: ['excellent'] }))).rejects.toMatchObject({
      fields: [{ field: 'partKeys', message: expect.stringContaining('Đạt chuẩn văn hóa') }],
    });
    await expect(createTarget(ctx(), bound(tree.a.id, { value: 120 }))).rejects.toMatchObject({ fields: [{ field: 'value' }] });
    await expect(createTarget(ctx(), bound(tree.a.id, { manualValue: 90, evidence: 'Báo cáo' }))).rejects.toMatchObject({ fields: [{ field: 'manualValue' }] });
    expect([await count('targets'), await count('audit_log')]).toEqual(before);
  });
});

describe('hand-entered targets', () => {
  it('needs its evidence and the day of the figure; the figure is compared with the target', async () => {
    const manual = bound(tree.a.id, {
      title: '100% đảng viên được học tập, quán triệt nghị quyết',
      source: 'manual',
      metricName: null,
      partKeys: null,
      value: 100,
    });
    await expect(createTarget(ctx(), { ...manual, manualValue: 97, manualAsOf: '2026-11-01' })).rejects.toMatchObject({ fields: [{ field: 'evidence' }] });
    const target = await createTarget(ctx(), manual);
    expect(target.progress).toMatchObject({ actual: null, met: null });
    const changed = await changeTarget(ctx(), target.id, {
      version: target.version,
      manualValue: 97.5,
      manualAsOf: '2026-11-01',
      evidence: 'Báo cáo 45-BC/ĐU',
    });
    expect(changed.progress).toMatchObject({ actual: 97.5, met: false, to: '2026-11-01' });
    await expect(changeTarget(ctx(), target.id, { version: target.version, notes: 'Cũ' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(changeTarget(ctx(), target.id, { version: changed.version, evidence: null })).rejects.toMatchObject({ fields: [{ field: 'evidence' }] });
    const closed = await closeTarget(ctx(), target.id, { version: changed.version, closedOn: '2026-11-20', reason: 'Gộp vào chỉ tiêu của Đảng ủy Khối' });
    expect(closed).toMatchObject({ endKind: 'closed', endedOn: '2026-11-20' });
    await expect(changeTarget(ctx(), target.id, { version: closed.version, notes: 'Sau khi đóng' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('reorganisation', () => {
  it('carries the year’s targets and open tasks to the successor of a merger; last year’s stay; a split closes them', async () => {
    const source = await makeOrg(ctx(), 'grassroots_cell', tree.upper.id, { name: 'Chi bộ Sở Công Thương' });
    const successor = await makeOrg(ctx(), 'grassroots_cell', tree.upper.id, { name: 'Chi bộ Sở Kế hoạch' });
    const member = await makeMember(ctx(), source.id, { fullName: 'Đinh Văn Sáp' });
    const counted = { metricName: 'members_by_status', partKeys: ['full'], measure: 'count' as const, value: 1, title: 'Đảng viên chính thức' };
    const thisYear = await createTarget(ctx(), bound(source.id, counted));
    const lastYear = await createTarget(ctx(), bound(source.id, { ...counted, year: 2025 }));
    const task = await createTask(ctx(), {
      orgId: source.id,
      year: 2026,
      text: 'Nâng cao chất lượng sinh hoạt chi bộ',
      owner: 'Ban Tuyên giáo',
      dueOn: '2026-12-15',
      status: 'in_progress',
      notes: null,
    });
    await recordOrgEvent(ctx(), { kind: 'merged', occurredOn: '2026-06-01', decision: decision('2026-05-20'), sourceIds: [source.id], targetId: successor.id });

    const old = await getTarget(ctx(), thisYear.id);
    expect(old).toMatchObject({ endKind: 'carried', endedOn: '2026-06-01' });
    expect(old.endEventId).toBeGreaterThan(0);
    const carried = await getTarget(ctx(), old.carriedToId!);
    expect(carried).toMatchObject({ orgId: successor.id, carriedFromId: thisYear.id, endKind: null, title: 'Đảng viên chính thức' });
    expect(carried.progress).toMatchObject({ actual: 1, met: true });
    expect(await getTarget(ctx(), lastYear.id)).toMatchObject({ endKind: null, orgId: source.id, version: lastYear.version });
    const tasks = await listTasks(ctx(), { orgId: successor.id, year: 2026 });
    expect(tasks.items.map((t) => [t.text, t.carriedFromId, t.status])).toEqual([['Nâng cao chất lượng sinh hoạt chi bộ', task.id, 'in_progress']]);
    await expect(changeTask(ctx(), task.id, { version: task.version + 1, status: 'done' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const moved = await changeTask(ctx(), tasks.items[0].id, { version: tasks.items[0].version, status: 'done', notes: 'Đã xong' });
    expect(moved).toMatchObject({ status: 'done', notes: 'Đã xong', owner: 'Ban Tuyên giáo' });

    const split = await createTarget(ctx(), bound(successor.id, { ...counted, title: 'Trước chia tách' }));
    await recordOrgEvent(ctx(), {
      kind: 'split',
      occurredOn: '2026-09-01',
      decision: decision('2026-08-25'),
      sourceId: successor.id,
      successors: [
        {
          org: { code: `S1${successor.id}`, name: 'Chi bộ Sở mới một', kind: 'grassroots_cell', unitType: 'administrative', parentId: tree.upper.id },
          memberIds: [member.id],
        },
        {
          org: { code: `S2${successor.id}`, name: 'Chi bộ Sở mới hai', kind: 'grassroots_cell', unitType: 'administrative', parentId: tree.upper.id },
          memberIds: [],
        },
      ],
    });
    expect(await getTarget(ctx(), split.id)).toMatchObject({ endKind: 'closed', endedOn: '2026-09-01', carriedToId: null });
    expect(await getTarget(ctx(), carried.id)).toMatchObject({ endKind: 'closed' });
  });
});

describe('scope', () => {
  it('keeps a sibling’s targets and tasks out of reach', async () => {
    const target = await createTarget(ctx(), bound(tree.a.id));
    const official = clockAt(ctxFor(database, await officialOf(ctxFor(database), tree.b.id)), TODAY);
    await expect(getTarget(official, target.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(listTargets(official, { orgId: tree.a.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createTarget(official, bound(tree.a.id))).rejects.toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'orgId' }] });
    expect((await listTargets(official, {})).items.every((t) => t.orgId === tree.b.id)).toBe(true);
  });
});
