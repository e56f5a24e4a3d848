import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Actor, Ctx } from '../../context.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { decision, makeMember, makeTree, officialOf } from '../../test/factories.js';
import { refusal } from '../../test/refusals.js';
import { committeeSizeFlags, createTerm, listReforms, recordReform } from './committee-terms.service.js';
import { appointToCommittee } from './committees.service.js';
import { insertSeat } from './committees.queries.js';
import { listAttention } from '../radar/radar.service.js';
import { computeMetric, metricRecords } from '../metrics/metrics.service.js';

const TODAY = '2026-06-30';
let database: Database;
let drop: () => Promise<void>;
let tree: Awaited<ReturnType<typeof makeTree>>;
let ctx: Ctx;
const at = (actor?: Actor) => ctxFor(database, actor, () => new Date(`${TODAY}T03:00:00Z`));

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  ctx = at();
  tree = await makeTree(ctx);
});
afterAll(() => drop());

const termInput = (term = '2025–2030', congressOn = '2025-06-20') => ({
  term,
  congressOn,
  delegates: 85,
  electedCount: 9,
  decision: decision('2025-07-01'),
  note: null,
});

describe('committee terms and re-forming', () => {
  it('records a term with its congress and re-formings citing decisions; a duplicate term is refused', async () => {
    const term = await createTerm(ctx, tree.a.id, termInput());
    expect(term).toMatchObject({ term: '2025–2030', delegates: 85 });
    expect(await refusal(createTerm(ctx, tree.a.id, termInput('2025-2030')))).toMatchObject({ code: 'CONFLICT', field: 'term' });
    expect(await refusal(createTerm(ctx, tree.a.id, termInput('2030–2035', '2025-06-20')))).toMatchObject({ field: 'congressOn' });
    const reform = await recordReform(ctx, tree.a.id, {
      kind: 'supplement',
      occurredOn: '2026-03-10',
      decision: decision('2026-03-05'),
      note: 'Bổ sung 2 đồng chí',
    });
    expect(reform).toMatchObject({ termId: term.id, term: '2025–2030', kind: 'supplement' });
    expect((await listReforms(ctx, tree.a.id)).items).toHaveLength(1);
    const sibling = at(await officialOf(ctx, tree.b.id));
    await expect(
      recordReform(sibling, tree.a.id, { kind: 'reform', occurredOn: '2026-03-10', decision: decision('2026-03-05'), note: null }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('counts the organisations re-formed or supplemented in a period, each once, with drill-down', async () => {
    await recordReform(ctx, tree.b.id, { kind: 'supplement', occurredOn: '2026-02-10', decision: decision('2026-02-01'), note: null });
    await recordReform(ctx, tree.b.id, { kind: 'reform', occurredOn: '2026-04-10', decision: decision('2026-04-01'), note: null });
    await recordReform(ctx, tree.b1.id, { kind: 'reform', occurredOn: '2025-04-10', decision: decision('2025-04-01'), note: null });
    // B's subtree only (B and B1): another test records a re-forming of A, and tests run in any order.
    const metric = await computeMetric(ctx, 'committee_reform_orgs', { orgId: tree.b.id, from: '2026-01-01', to: '2026-06-30' });
    expect(metric.total).toBe(1);
    expect(metric.parts.filter((part) => part.value > 0)).toEqual([{ key: 'reform', label: 'Kiện toàn cấp ủy', value: 1 }]);
    const records = await metricRecords(ctx, 'committee_reform_orgs', {
      orgId: tree.b.id,
      from: '2026-01-01',
      to: '2026-06-30',
      key: 'reform',
      page: 1,
      pageSize: 50,
    });
    expect(records.items.map((r) => r.id)).toEqual([tree.b.id]);
  });

  it('puts organisations without a secretary and cells whose seats contradict the size rule on the radar', async () => {
    const holder = await makeMember(ctx, tree.a1.id, { fullName: 'Điêu Văn Bí' });
    await appointToCommittee(ctx, tree.a1.id, {
      memberId: holder.id,
      position: 'secretary',
      term: '2025–2030',
      startOn: '2025-08-01',
      decision: decision('2025-07-30'),
    });
    // A seat taken over from old files: a committee member in a cell of two full members.
    const other = await makeMember(ctx, tree.a1.id, { fullName: 'Điêu Văn Ủy' });
    await insertSeat(database.db, {
      orgId: tree.a1.id,
      memberId: other.id,
      position: 'committee_member',
      term: '2025–2030',
      startOn: '2025-08-01',
      decision: decision('2025-07-30'),
    });
    const flags = await committeeSizeFlags(ctx, tree.a.id);
    expect(flags.items).toMatchObject([{ orgId: tree.a1.id, fullMembers: 2, committeeSeats: 1 }]);
    expect(flags.items[0].message).toContain('Điều lệ Đảng');
    const radar = (await listAttention(ctx, { orgId: tree.a.id })).items;
    const noSecretary = radar.filter((i) => i.kind === 'no_secretary').map((i) => i.orgId);
    expect(noSecretary).toContain(tree.a2.id);
    expect(noSecretary).not.toContain(tree.a1.id);
    expect(radar.filter((i) => i.kind === 'committee_size').map((i) => i.orgId)).toEqual([tree.a1.id]);
    const sibling = at(await officialOf(ctx, tree.b.id));
    expect((await listAttention(sibling, {})).items.map((i) => i.orgId)).not.toContain(tree.a2.id);
  });
});
