import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { makeMember, makeOrg, officialOf } from '../../test/factories.js';
import { listMembers } from '../members/members.service.js';
import { listOrgs } from './orgs.service.js';
import { orgPathLabel, type OrgListItem } from '../../../shared/org.js';

let database: Database;
let drop: () => Promise<void>;
type Made = { id: number; name: string; path: string; depth: number };
const orgs: Made[] = [];
let cells: Made[] = [];

/**
 * A province with two hospitals that each have a "Chi bộ Khoa Nhi" (one inside a section), and three
 * "Chi bộ Phòng Tổ chức - Hành chính" under three grassroots committees of two upper committees.
 */
beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  const ctx = ctxFor(database);
  const keep = (o: Made) => (orgs.push(o), o);
  const province = keep(await makeOrg(ctx, 'provincial', null, { name: 'Đảng bộ tỉnh Thử Nghiệm' }));
  const blocA = keep(await makeOrg(ctx, 'upper', province.id, { name: 'Đảng bộ Khối các cơ quan tỉnh' }));
  const blocB = keep(await makeOrg(ctx, 'upper', province.id, { name: 'Đảng bộ Khối doanh nghiệp tỉnh' }));
  const hospital = keep(await makeOrg(ctx, 'grassroots_committee', blocA.id, { name: 'Đảng bộ Bệnh viện tỉnh', unitType: 'public_service' }));
  const children = keep(await makeOrg(ctx, 'grassroots_committee', blocA.id, { name: 'Đảng bộ Bệnh viện Nhi', unitType: 'public_service' }));
  const company = keep(await makeOrg(ctx, 'grassroots_committee', blocB.id, { name: 'Đảng bộ Công ty Điện lực', unitType: 'enterprise' }));
  const section = keep(await makeOrg(ctx, 'section', hospital.id, { name: 'Đảng bộ bộ phận Khối Nội' }));
  cells = [
    keep(await makeOrg(ctx, 'cell', section.id, { name: 'Chi bộ Khoa Nhi' })),
    keep(await makeOrg(ctx, 'cell', children.id, { name: 'Chi bộ Khoa Nhi' })),
    keep(await makeOrg(ctx, 'cell', hospital.id, { name: 'Chi bộ Phòng Tổ chức - Hành chính' })),
    keep(await makeOrg(ctx, 'cell', children.id, { name: 'Chi bộ Phòng Tổ chức - Hành chính' })),
    keep(await makeOrg(ctx, 'cell', company.id, { name: 'Chi bộ Phòng Tổ chức - Hành chính' })),
  ];
  for (const cell of cells) await makeMember(ctx, cell.id, { fullName: 'Trịnh Văn Khoa' });
});
afterAll(() => drop());

const byId = (id: number) => orgs.find((o) => o.id === id)!;

/** What the actor should be told about where `org` sits: its ancestors in scope, nearest first, minus what all share. */
function expectedAncestors(org: Made, actor: Actor): string[] {
  const ids = org.path
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((id) => id !== org.id);
  return ids
    .map(byId)
    .filter((a) => a.depth > 0)
    .filter((a) => (actor.scope.kind === 'subtree' ? a.path.startsWith(actor.scope.path) && a.id !== actor.scope.orgId : actor.scope.kind === 'all'))
    .reverse()
    .map((a) => a.name);
}

async function actors(): Promise<Actor[]> {
  const ctx = ctxFor(database);
  const scopes = orgs.filter((o) => o.depth <= 2);
  return [ctx.actor, ...(await Promise.all(scopes.map((o) => officialOf(ctx, o.id, 'secretary'))))];
}

describe('ancestor names beside an organisation', () => {
  it('list every organisation with its ancestors inside the scope, nearest first, for every scope', async () => {
    for (const actor of await actors()) {
      const ctx = ctxFor(database, actor);
      for (const org of orgs) {
        const found = ((await listOrgs(ctx, { q: org.name })) as { items: OrgListItem[] }).items.find((o) => o.id === org.id);
        const visible = actor.scope.kind === 'all' || (actor.scope.kind === 'subtree' && org.path.startsWith(actor.scope.path));
        if (!visible) {
          expect(found).toBeUndefined();
          continue;
        }
        expect(found?.ancestorNames).toEqual(expectedAncestors(org, actor));
      }
    }
  });

  it('tell apart every two same-named cells a user can see, in organisation and member lists alike', async () => {
    for (const actor of await actors()) {
      const ctx = ctxFor(database, actor);
      const listed = ((await listOrgs(ctx, { q: 'Chi bộ' })) as { items: OrgListItem[] }).items.filter((o) => cells.some((c) => c.id === o.id));
      const labels = listed.map((o) => orgPathLabel(o.name, o.ancestorNames));
      expect(new Set(labels).size).toBe(listed.length);
      const members = await listMembers(ctx, { q: 'Trịnh Văn Khoa', page: 1, pageSize: 50 });
      expect(members.items.map((m) => m.orgId).sort()).toEqual(listed.map((o) => o.id).sort());
      for (const m of members.items) expect(m.orgAncestorNames).toEqual(expectedAncestors(byId(m.orgId), actor));
    }
  });

  it('name no ancestor outside the scope, even when the list is narrowed to an organisation', async () => {
    const actor = await officialOf(ctxFor(database), orgs.find((o) => o.name === 'Đảng bộ Bệnh viện tỉnh')!.id, 'secretary');
    const ctx = ctxFor(database, actor);
    const section = orgs.find((o) => o.name === 'Đảng bộ bộ phận Khối Nội')!;
    const page = await listMembers(ctx, { q: 'Trịnh Văn Khoa', orgId: section.id, page: 1, pageSize: 50 });
    expect(page.items.map((m) => m.orgAncestorNames)).toEqual([['Đảng bộ bộ phận Khối Nội']]);
  });
});
