import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.js';
import { members, orgEventLinks, orgEvents, orgs, orgVersions } from '../../db/schema.js';
import type { Scope } from '../../context.js';
import { pathInScope } from '../../scope.js';
import type { Decision, OrgEventKind, OrgKind, OrgListItem, UnitType } from '../../../shared/org.js';

export type OrgRow = typeof orgs.$inferSelect;

export async function findOrg(db: DbOrTx, id: number): Promise<OrgRow | undefined> {
  const [row] = await db.select().from(orgs).where(eq(orgs.id, id));
  return row;
}

export async function findOrgs(db: DbOrTx, ids: number[]): Promise<OrgRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(orgs).where(inArray(orgs.id, ids));
}

export async function findOrgByCode(db: DbOrTx, code: string): Promise<OrgRow | undefined> {
  const [row] = await db.select().from(orgs).where(eq(orgs.code, code));
  return row;
}

export interface NewOrg {
  code: string;
  name: string;
  kind: OrgKind;
  unitType: UnitType | null;
  parent: { id: number; path: string; depth: number } | null;
  foundedOn: string | null;
  foundingDecision: Decision | null;
}

/** Inserts the organisation and its first dated version; the path needs the new id, hence two statements. */
export async function insertOrg(db: DbOrTx, org: NewOrg, eventId: number | null): Promise<OrgRow> {
  const [inserted] = await db
    .insert(orgs)
    .values({
      code: org.code,
      name: org.name,
      kind: org.kind,
      unitType: org.unitType,
      parentId: org.parent?.id ?? null,
      path: '',
      depth: org.parent ? org.parent.depth + 1 : 0,
      foundedOn: org.foundedOn,
      foundingDecision: org.foundingDecision,
    })
    .returning({ id: orgs.id });
  const path = `${org.parent?.path ?? '/'}${inserted.id}/`;
  const [row] = await db.update(orgs).set({ path }).where(eq(orgs.id, inserted.id)).returning();
  await db.insert(orgVersions).values({
    orgId: row.id,
    name: row.name,
    kind: row.kind,
    unitType: row.unitType,
    parentId: row.parentId,
    validFrom: org.foundedOn ?? '1930-02-03',
    eventId,
  });
  return row;
}

export async function updateOrgRow(db: DbOrTx, id: number, expectedVersion: number, values: Partial<OrgRow>): Promise<OrgRow | undefined> {
  const [row] = await db
    .update(orgs)
    .set({ ...values, version: sql`${orgs.version} + 1`, updatedAt: new Date() })
    .where(and(eq(orgs.id, id), eq(orgs.version, expectedVersion)))
    .returning();
  return row;
}

/** Closes the open version on `date` and opens a new one with the changed attributes. */
export async function openOrgVersion(db: DbOrTx, org: OrgRow, date: string, eventId: number, ended = false): Promise<void> {
  await db
    .update(orgVersions)
    .set({ validTo: date })
    .where(and(eq(orgVersions.orgId, org.id), isNull(orgVersions.validTo)));
  if (!ended)
    await db
      .insert(orgVersions)
      .values({ orgId: org.id, name: org.name, kind: org.kind, unitType: org.unitType, parentId: org.parentId, validFrom: date, eventId });
}

/** Re-roots a subtree's paths after a re-parenting, on organisations and on the members' copies. */
export async function movePaths(db: DbOrTx, oldPath: string, newPath: string, depthDelta: number): Promise<void> {
  const from = oldPath.length + 1;
  await db.execute(sql`UPDATE orgs SET path = ${newPath} || substr(path, ${from}), depth = depth + ${depthDelta} WHERE path LIKE ${`${oldPath}%`}`);
  await db.execute(sql`UPDATE members SET org_path = ${newPath} || substr(org_path, ${from}) WHERE org_path LIKE ${`${oldPath}%`}`);
}

export async function insertOrgEvent(
  db: DbOrTx,
  event: { kind: OrgEventKind; occurredOn: string; decision: Decision | null; details?: Record<string, unknown>; createdBy: number | null },
  links: { orgId: number; role: 'predecessor' | 'successor' }[],
): Promise<number> {
  const [row] = await db
    .insert(orgEvents)
    .values({ kind: event.kind, occurredOn: event.occurredOn, decision: event.decision, details: event.details ?? {}, createdBy: event.createdBy })
    .returning({ id: orgEvents.id });
  if (links.length) await db.insert(orgEventLinks).values(links.map((l) => ({ ...l, eventId: row.id })));
  return row.id;
}

export async function linkOrgEvent(db: DbOrTx, eventId: number, orgId: number, role: 'predecessor' | 'successor'): Promise<void> {
  await db.insert(orgEventLinks).values({ eventId, orgId, role });
}

export type OrgListRow = OrgListItem;

const counts = sql`
  (SELECT count(*)::int FROM orgs c WHERE c.parent_id = orgs.id AND c.active) AS "childCount",
  (SELECT count(*)::int FROM members m WHERE m.org_path LIKE orgs.path || '%' AND m.status IN ('probationary','full')) AS "memberCount"`;

/**
 * The names of an organisation's ancestors, nearest first: what tells apart two cells of the same name. Only those
 * inside the scope, and neither the scope's own organisation nor a root, which every organisation listed shares.
 * The ids come from the path itself, so each is a primary-key lookup.
 */
export function ancestorNamesSql(path: SQL, scope: Scope): SQL {
  const notScopeTop = scope.kind === 'subtree' ? sql`AND a.id <> ${scope.orgId}` : sql``;
  return sql`ARRAY(SELECT a.name FROM orgs a
    WHERE a.id = ANY(string_to_array(trim(both '/' from ${path}), '/')::int[]) AND a.path <> ${path} AND a.depth > 0
      AND ${pathInScope(scope, sql`a.path`)} ${notScopeTop}
    ORDER BY a.depth DESC)`;
}

/** Active organisations under `parentId` (or the scope's top when null), with child and member counts. */
export async function listOrgRows(db: DbOrTx, scope: Scope, options: { parentId: number | null; q?: string; includeDissolved?: boolean; limit: number }) {
  const where = [pathInScope(scope, orgs.path)];
  if (!options.includeDissolved) where.push(sql`orgs.active`);
  if (options.q) where.push(sql`vn_fold(orgs.name) LIKE '%' || vn_fold(${options.q}) || '%'`);
  else if (options.parentId !== null) where.push(sql`orgs.parent_id = ${options.parentId}`);
  else if (scope.kind === 'subtree') where.push(sql`orgs.id = ${scope.orgId}`);
  else where.push(sql`orgs.parent_id IS NULL`);
  return queryRows<OrgListRow>(
    db,
    sql`SELECT orgs.id, orgs.code, orgs.name, orgs.kind, orgs.unit_type AS "unitType", orgs.parent_id AS "parentId", orgs.path, orgs.depth,
          orgs.active, orgs.dissolved_on AS "dissolvedOn", ${counts}, ${ancestorNamesSql(sql`orgs.path`, scope)} AS "ancestorNames"
        FROM orgs WHERE ${sql.join(where, sql` AND `)} ORDER BY orgs.path LIMIT ${options.limit}`,
  );
}

/** The tree as it stood on `date`, read from the dated versions; scope is applied by the caller on current paths. */
export async function orgVersionsAsOf(db: DbOrTx, date: string, parentId: number | null) {
  return queryRows<{
    orgId: number;
    name: string;
    kind: OrgKind;
    unitType: UnitType | null;
    parentId: number | null;
    validFrom: string;
    validTo: string | null;
  }>(
    db,
    sql`SELECT org_id AS "orgId", name, kind, unit_type AS "unitType", parent_id AS "parentId", valid_from AS "validFrom", valid_to AS "validTo"
        FROM org_versions
        WHERE valid_from <= ${date} AND (valid_to IS NULL OR valid_to > ${date})
          AND ${parentId === null ? sql`parent_id IS NULL` : sql`parent_id = ${parentId}`}
        ORDER BY org_id`,
  );
}

export async function orgVersionAsOf(db: DbOrTx, orgId: number, date: string) {
  const rows = await queryRows<{ orgId: number; name: string; parentId: number | null }>(
    db,
    sql`SELECT org_id AS "orgId", name, parent_id AS "parentId" FROM org_versions
        WHERE org_id = ${orgId} AND valid_from <= ${date} AND (valid_to IS NULL OR valid_to > ${date})`,
  );
  return rows[0];
}

export async function orgEventsOf(db: DbOrTx, orgId: number) {
  return queryRows<{
    id: number;
    kind: OrgEventKind;
    occurredOn: string;
    decision: Decision | null;
    details: Record<string, unknown>;
    predecessorIds: number[];
    successorIds: number[];
  }>(
    db,
    sql`SELECT e.id, e.kind, e.occurred_on AS "occurredOn", e.decision, e.details,
          coalesce((SELECT array_agg(l.org_id ORDER BY l.org_id) FROM org_event_links l WHERE l.event_id = e.id AND l.role = 'predecessor'), '{}') AS "predecessorIds",
          coalesce((SELECT array_agg(l.org_id ORDER BY l.org_id) FROM org_event_links l WHERE l.event_id = e.id AND l.role = 'successor'), '{}') AS "successorIds"
        FROM org_events e
        WHERE EXISTS (SELECT 1 FROM org_event_links l WHERE l.event_id = e.id AND l.org_id = ${orgId})
        ORDER BY e.occurred_on, e.id`,
  );
}

export async function activeMemberIdsIn(db: DbOrTx, orgId: number): Promise<number[]> {
  const rows = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.orgId, orgId), inArray(members.status, ['probationary', 'full'])))
    .orderBy(asc(members.id));
  return rows.map((r) => r.id);
}

export async function activeChildren(db: DbOrTx, orgId: number): Promise<OrgRow[]> {
  return db
    .select()
    .from(orgs)
    .where(and(eq(orgs.parentId, orgId), eq(orgs.active, true)));
}

/** The whole subtree under a path, in tree order, with each organisation's own active members (for exports). */
export async function orgsUnderPath(db: DbOrTx, path: string, includeDissolved: boolean) {
  return queryRows<OrgListRow & { foundedOn: string | null; foundingDecision: Decision | null; ownMembers: number }>(
    db,
    sql`SELECT o.id, o.code, o.name, o.kind, o.unit_type AS "unitType", o.parent_id AS "parentId", o.path, o.depth, o.active,
          o.dissolved_on AS "dissolvedOn", o.founded_on AS "foundedOn", o.founding_decision AS "foundingDecision",
          coalesce(m.n, 0)::int AS "ownMembers"
        FROM orgs o
        LEFT JOIN (SELECT org_id, count(*) AS n FROM members WHERE status IN ('probationary', 'full') GROUP BY org_id) m ON m.org_id = o.id
        WHERE o.path LIKE ${`${path}%`} ${includeDissolved ? sql`` : sql`AND o.active`}
        ORDER BY o.path`,
  );
}
