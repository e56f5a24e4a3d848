import { and, asc, eq, getTableColumns, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.js';
import { cultureStandardRecords, orgs, targets, tasks } from '../../db/schema.js';
import { pathInScope } from '../../scope.js';
import type { Scope } from '../../context.js';

export type TargetRow = typeof targets.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;
export type CultureStandardRow = typeof cultureStandardRecords.$inferSelect;

/** The rows of a year, for one organisation or (without it) every organisation in the scope; open ones first. */
export async function targetsOf(
  db: DbOrTx,
  scope: Scope,
  filter: { orgId?: number; year: number },
): Promise<(TargetRow & { orgName: string; orgPath: string })[]> {
  return db
    .select({ ...getTableColumns(targets), orgName: orgs.name, orgPath: orgs.path })
    .from(targets)
    .innerJoin(orgs, eq(orgs.id, targets.orgId))
    .where(and(eq(targets.year, filter.year), filter.orgId ? eq(targets.orgId, filter.orgId) : undefined, pathInScope(scope, orgs.path)))
    .orderBy(sql`${targets.endKind} IS NOT NULL`, asc(orgs.path), asc(targets.id));
}

export async function findTarget(db: DbOrTx, id: number): Promise<(TargetRow & { orgName: string; orgPath: string }) | undefined> {
  const [row] = await db
    .select({ ...getTableColumns(targets), orgName: orgs.name, orgPath: orgs.path })
    .from(targets)
    .innerJoin(orgs, eq(orgs.id, targets.orgId))
    .where(eq(targets.id, id));
  return row;
}

export async function insertTarget(db: DbOrTx, values: typeof targets.$inferInsert): Promise<TargetRow> {
  const [row] = await db.insert(targets).values(values).returning();
  return row;
}

export async function updateTarget(db: DbOrTx, id: number, version: number, values: Partial<TargetRow>): Promise<TargetRow | undefined> {
  const [row] = await db
    .update(targets)
    .set({ ...values, version: sql`${targets.version} + 1`, updatedAt: new Date() })
    .where(and(eq(targets.id, id), eq(targets.version, version)))
    .returning();
  return row;
}

export async function orgPathsOf(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: orgs.id, path: orgs.path }).from(orgs).where(inArray(orgs.id, ids));
  return new Map(rows.map((r) => [r.id, r.path]));
}

// ---- Tasks ---------------------------------------------------------------------------------------------

export async function tasksOf(db: DbOrTx, scope: Scope, filter: { orgId?: number; year: number }): Promise<(TaskRow & { orgName: string; orgPath: string })[]> {
  return db
    .select({ ...getTableColumns(tasks), orgName: orgs.name, orgPath: orgs.path })
    .from(tasks)
    .innerJoin(orgs, eq(orgs.id, tasks.orgId))
    .where(and(eq(tasks.year, filter.year), filter.orgId ? eq(tasks.orgId, filter.orgId) : undefined, pathInScope(scope, orgs.path)))
    .orderBy(sql`${tasks.endKind} IS NOT NULL`, asc(orgs.path), sql`${tasks.dueOn} NULLS LAST`, asc(tasks.id));
}

export async function findTask(db: DbOrTx, id: number): Promise<(TaskRow & { orgName: string; orgPath: string }) | undefined> {
  const [row] = await db
    .select({ ...getTableColumns(tasks), orgName: orgs.name, orgPath: orgs.path })
    .from(tasks)
    .innerJoin(orgs, eq(orgs.id, tasks.orgId))
    .where(eq(tasks.id, id));
  return row;
}

export async function insertTask(db: DbOrTx, values: typeof tasks.$inferInsert): Promise<TaskRow> {
  const [row] = await db.insert(tasks).values(values).returning();
  return row;
}

export async function updateTask(db: DbOrTx, id: number, version: number, values: Partial<TaskRow>): Promise<TaskRow | undefined> {
  const [row] = await db
    .update(tasks)
    .set({ ...values, version: sql`${tasks.version} + 1`, updatedAt: new Date() })
    .where(and(eq(tasks.id, id), eq(tasks.version, version)))
    .returning();
  return row;
}

// ---- Carrying on reorganisation ------------------------------------------------------------------------

/** The event's kind and the organisations it produced or kept (successors). */
export async function orgEventOutcome(db: DbOrTx, eventId: number): Promise<{ kind: string; successorIds: number[] } | undefined> {
  const rows = await queryRows<{ kind: string; org_id: number | null }>(
    db,
    sql`SELECT e.kind, l.org_id FROM org_events e LEFT JOIN org_event_links l ON l.event_id = e.id AND l.role = 'successor' WHERE e.id = ${eventId}`,
  );
  if (rows.length === 0) return undefined;
  return { kind: rows[0].kind, successorIds: rows.flatMap((r) => (r.org_id === null ? [] : [r.org_id])) };
}

/** Open targets and tasks of an organisation from a year on (earlier years stay as they were). */
export async function openPlansOf(db: DbOrTx, orgId: number, fromYear: number): Promise<{ targets: TargetRow[]; tasks: TaskRow[] }> {
  const open = (t: typeof targets | typeof tasks): SQL => and(eq(t.orgId, orgId), sql`${t.year} >= ${fromYear}`, isNull(t.endKind))!;
  return {
    targets: await db.select().from(targets).where(open(targets)).orderBy(asc(targets.id)),
    tasks: await db.select().from(tasks).where(open(tasks)).orderBy(asc(tasks.id)),
  };
}

// ---- Culture standard ----------------------------------------------------------------------------------

/** The grassroots organisations (agency units) active in the year under an organisation, with their year's record. */
export async function cultureUnitsOf(db: DbOrTx, path: string, year: number) {
  return queryRows<{ orgId: number; orgName: string; record: CultureStandardRow | null }>(
    db,
    sql`SELECT o.id AS "orgId", o.name AS "orgName",
          CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object('id', c.id, 'orgId', c.org_id, 'year', c.year, 'met', c.met, 'evidence', c.evidence,
            'recordedOn', c.recorded_on, 'version', c.version) END AS record
        FROM orgs o LEFT JOIN culture_standard_records c ON c.org_id = o.id AND c.year = ${year}
        WHERE o.path LIKE ${`${path}%`} AND o.kind IN ('grassroots_committee', 'grassroots_cell')
          AND (o.founded_on IS NULL OR o.founded_on <= ${`${year}-12-31`}) AND (o.dissolved_on IS NULL OR o.dissolved_on >= ${`${year}-01-01`})
        ORDER BY o.path`,
  );
}

export async function findCultureRecord(db: DbOrTx, orgId: number, year: number): Promise<CultureStandardRow | undefined> {
  const [row] = await db
    .select()
    .from(cultureStandardRecords)
    .where(and(eq(cultureStandardRecords.orgId, orgId), eq(cultureStandardRecords.year, year)));
  return row;
}

export async function insertCultureRecord(db: DbOrTx, values: typeof cultureStandardRecords.$inferInsert): Promise<CultureStandardRow> {
  const [row] = await db.insert(cultureStandardRecords).values(values).returning();
  return row;
}

export async function updateCultureRecord(db: DbOrTx, id: number, version: number, values: Partial<CultureStandardRow>) {
  const [row] = await db
    .update(cultureStandardRecords)
    .set({ ...values, version: sql`${cultureStandardRecords.version} + 1`, updatedAt: new Date() })
    .where(and(eq(cultureStandardRecords.id, id), eq(cultureStandardRecords.version, version)))
    .returning();
  return row;
}
