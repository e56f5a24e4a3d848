import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { decision, makeMember, makeOrg, makeTree } from '../../test/factories.js';
import { memberHistory } from '../members/members.service.js';
import { createOrg, listOrgs, orgHistory, recordOrgEvent } from './orgs.service.js';
import { AppError } from '../../errors.js';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => ({ database, drop } = await createTestDatabase()));
afterAll(() => drop());

describe('createOrg', () => {
  it('refuses a cell directly under an upper committee, naming the rule', async () => {
    const ctx = ctxFor(database);
    const upper = await makeOrg(ctx, 'upper', null);
    const attempt = makeOrg(ctx, 'cell', upper.id);
    await expect(attempt).rejects.toMatchObject({ code: 'INVALID_INPUT', fields: [{ field: 'kind' }] });
  });

  it('requires a unit type for a grassroots organisation and gives cells their parent’s', async () => {
    const ctx = ctxFor(database);
    const upper = await makeOrg(ctx, 'upper', null);
    await expect(makeOrg(ctx, 'grassroots_cell', upper.id, { unitType: null })).rejects.toBeInstanceOf(AppError);
    const committee = await makeOrg(ctx, 'grassroots_committee', upper.id, { unitType: 'press' });
    const cell = await makeOrg(ctx, 'cell', committee.id);
    expect(cell.unitType).toBe('press');
    expect(cell.path).toBe(`${committee.path}${cell.id}/`);
  });
});

describe('recordOrgEvent', () => {
  it('merges cells: members move by dated events citing the decision, and the as-of tree shows both sides of the date', async () => {
    const ctx = ctxFor(database);
    const t = await makeTree(ctx);
    const moved = await makeMember(ctx, t.a2.id, { fullName: 'Trần Thị Bình' });
    const mergeDecision = decision('2024-07-01');
    await recordOrgEvent(ctx, { kind: 'merged', decision: mergeDecision, occurredOn: '2024-07-01', sourceIds: [t.a2.id], targetId: t.a1.id });

    const before = await listOrgs(ctx, { parentId: t.a.id, asOf: '2024-06-30' });
    const after = await listOrgs(ctx, { parentId: t.a.id, asOf: '2024-07-01' });
    expect(before.items.map((o) => o.id).sort()).toEqual([t.a1.id, t.a2.id].sort());
    expect(after.items.map((o) => o.id)).toEqual([t.a1.id]);

    const history = await memberHistory(ctx, moved.id);
    const event = history.events.at(-1)!;
    expect(event).toMatchObject({ kind: 'reorganisation', fromOrgId: t.a2.id, toOrgId: t.a1.id, occurredOn: '2024-07-01' });
    expect(event.decision).toEqual(mergeDecision);
    expect(history.periods.map((p) => [p.orgId, p.validFrom, p.validTo])).toEqual([
      [t.a2.id, '2015-01-01', '2024-07-01'],
      [t.a1.id, '2024-07-01', null],
    ]);

    const links = await orgHistory(ctx, t.a2.id);
    expect(links.at(-1)).toMatchObject({ kind: 'merged', predecessorIds: [t.a2.id], successorIds: [t.a1.id] });
  });

  it('renames with a dated version: the old name stays on earlier dates', async () => {
    const ctx = ctxFor(database);
    const t = await makeTree(ctx);
    await recordOrgEvent(ctx, {
      kind: 'renamed',
      decision: decision('2025-07-01'),
      occurredOn: '2025-07-01',
      orgId: t.b.id,
      name: 'Đảng bộ Sở Y tế tỉnh Phú Thọ',
    });
    const old = await listOrgs(ctx, { parentId: t.upper.id, asOf: '2025-06-30' });
    const now = await listOrgs(ctx, { parentId: t.upper.id, asOf: '2025-07-02' });
    expect(old.items.find((o) => o.id === t.b.id)?.name).toBe('Đảng bộ Sở Y tế');
    expect(now.items.find((o) => o.id === t.b.id)?.name).toBe('Đảng bộ Sở Y tế tỉnh Phú Thọ');
  });

  it('re-parents a subtree, moving the paths of its organisations and members', async () => {
    const ctx = ctxFor(database);
    const t = await makeTree(ctx);
    const member = await makeMember(ctx, t.a1.id);
    const section = await createOrg(ctx, {
      code: `S${Date.now()}`,
      name: 'Đảng bộ bộ phận Khối Văn phòng',
      kind: 'section',
      unitType: null,
      parentId: t.b.id,
      foundingDecision: decision('2020-01-02'),
    });
    await recordOrgEvent(ctx, { kind: 'reparented', decision: decision('2025-01-02'), occurredOn: '2025-01-02', orgId: t.a1.id, parentId: section.id });
    const list = (await listOrgs(ctx, { parentId: section.id })) as { items: import('./orgs.queries.js').OrgListRow[] };
    expect(list.items.map((o) => o.id)).toEqual([t.a1.id]);
    expect(list.items[0].path).toBe(`${section.path}${t.a1.id}/`);
    expect(list.items[0].memberCount).toBe(1);
    const { findMember } = await import('../members/members.queries.js');
    expect((await findMember(ctx.db, member.id))!.orgPath).toBe(`${section.path}${t.a1.id}/`);
  });

  it('refuses to dissolve an organisation that still has members without saying where they go', async () => {
    const ctx = ctxFor(database);
    const t = await makeTree(ctx);
    await makeMember(ctx, t.b2.id);
    await expect(
      recordOrgEvent(ctx, { kind: 'dissolved', decision: decision('2025-03-01'), occurredOn: '2025-03-01', orgId: t.b2.id, membersTo: null }),
    ).rejects.toMatchObject({
      fields: [{ field: 'membersTo' }],
    });
  });
});
