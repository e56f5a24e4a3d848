import { and, eq, sql, type SQL } from 'drizzle-orm';
import { queryOne, queryRows, type DbOrTx } from '../../db/client.js';
import { denunciations, inspectionCases, inspectionCaseSteps, inspectionPlanItems, inspectionPlans } from '../../db/schema.js';
import type { CaseStepKind } from '../../../shared/inspection.js';

export type CaseRow = typeof inspectionCases.$inferSelect;
export type PlanRow = typeof inspectionPlans.$inferSelect;
export type DenunciationRow = typeof denunciations.$inferSelect;

/**
 * Which records of inspection an actor sees: those handled by the organisation whose inspection staff they are
 * (`handlerOrgId`), or all of them (null: the admin). The service decides the value; every read here takes it.
 */
export const handledBy = (column: SQL, handlerOrgId: number | null): SQL => (handlerOrgId === null ? sql`TRUE` : sql`${column} = ${handlerOrgId}`);

// Cases

export async function findCase(db: DbOrTx, id: number): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(inspectionCases).where(eq(inspectionCases.id, id));
  return row;
}

/** Of the ids, the cases handled by `handlerOrgId` (null: all that exist). */
export async function caseIdsHandledBy(db: DbOrTx, ids: number[], handlerOrgId: number | null): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`SELECT id FROM inspection_cases c WHERE c.id IN ${ids} AND ${handledBy(sql`c.handling_org_id`, handlerOrgId)}`,
  );
  return rows.map((r) => r.id);
}

export async function insertCase(db: DbOrTx, values: typeof inspectionCases.$inferInsert): Promise<CaseRow> {
  const [row] = await db.insert(inspectionCases).values(values).returning();
  return row;
}

export async function updateCase(db: DbOrTx, id: number, version: number, values: Partial<typeof inspectionCases.$inferInsert>): Promise<CaseRow | undefined> {
  const [row] = await db
    .update(inspectionCases)
    .set({ ...values, version: sql`${inspectionCases.version} + 1`, updatedAt: new Date() })
    .where(and(eq(inspectionCases.id, id), eq(inspectionCases.version, version)))
    .returning();
  return row;
}

export async function insertStep(db: DbOrTx, values: typeof inspectionCaseSteps.$inferInsert) {
  const [row] = await db.insert(inspectionCaseSteps).values(values).returning();
  return row;
}

export async function stepsOf(db: DbOrTx, caseId: number) {
  return db
    .select({
      id: inspectionCaseSteps.id,
      kind: inspectionCaseSteps.kind,
      occurredOn: inspectionCaseSteps.occurredOn,
      decision: inspectionCaseSteps.decision,
      note: inspectionCaseSteps.note,
      createdAt: inspectionCaseSteps.createdAt,
    })
    .from(inspectionCaseSteps)
    .where(eq(inspectionCaseSteps.caseId, caseId))
    .orderBy(inspectionCaseSteps.occurredOn, inspectionCaseSteps.id);
}

export interface CaseListRow {
  id: number;
  handlingOrgId: number;
  handlingOrgName: string;
  handlingBody: CaseRow['handlingBody'];
  kind: CaseRow['kind'];
  subjectKind: CaseRow['subjectKind'];
  subjectOrgId: number | null;
  subjectMemberId: number | null;
  subjectName: string;
  content: string;
  openedOn: string;
  concludedOn: string | null;
  state: CaseRow['state'];
  violation: boolean | null;
  timetable: Record<string, string | null>;
  doneSteps: CaseStepKind[];
  version: number;
}

const caseListColumns = sql`c.id, c.handling_org_id AS "handlingOrgId", ho.name AS "handlingOrgName", c.handling_body AS "handlingBody", c.kind,
  c.subject_kind AS "subjectKind", c.subject_org_id AS "subjectOrgId", c.subject_member_id AS "subjectMemberId", c.subject_name AS "subjectName",
  c.content, c.opened_on AS "openedOn", c.concluded_on AS "concludedOn", c.state, c.violation, c.timetable, c.version,
  coalesce((SELECT array_agg(s.kind ORDER BY s.id) FROM inspection_case_steps s WHERE s.case_id = c.id), ARRAY[]::text[]) AS "doneSteps"`;

export interface CaseFilter {
  handlerOrgId: number | null;
  /** The subject's organisation path (as the tree stood when the case opened) lies under this prefix. */
  subjectPath?: string;
  memberId?: number;
  subjectOrgId?: number;
  kind?: string;
  state?: string;
  year?: number;
}

function caseConditions(f: CaseFilter): SQL {
  const where: SQL[] = [handledBy(sql`c.handling_org_id`, f.handlerOrgId)];
  if (f.subjectPath !== undefined) where.push(sql`c.subject_path LIKE ${`${f.subjectPath}%`}`);
  if (f.memberId) where.push(sql`c.subject_member_id = ${f.memberId}`);
  if (f.subjectOrgId) where.push(sql`c.subject_org_id = ${f.subjectOrgId}`);
  if (f.kind) where.push(sql`c.kind = ${f.kind}`);
  if (f.state) where.push(sql`c.state = ${f.state}`);
  if (f.year) where.push(sql`c.opened_on >= ${`${f.year}-01-01`} AND c.opened_on <= ${`${f.year}-12-31`}`);
  return sql.join(where, sql` AND `);
}

export async function listCaseRows(db: DbOrTx, filter: CaseFilter, limit: number, offset: number): Promise<{ items: CaseListRow[]; total: number }> {
  const condition = caseConditions(filter);
  const items = await queryRows<CaseListRow>(
    db,
    sql`SELECT ${caseListColumns} FROM inspection_cases c JOIN orgs ho ON ho.id = c.handling_org_id
        WHERE ${condition} ORDER BY c.opened_on DESC, c.id DESC LIMIT ${limit} OFFSET ${offset}`,
  );
  const count = await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM inspection_cases c WHERE ${condition}`);
  return { items, total: count?.n ?? 0 };
}

/** Open cases of the actor's sight, with the steps done: the radar's source. */
export async function openCaseRows(db: DbOrTx, filter: CaseFilter): Promise<CaseListRow[]> {
  return queryRows<CaseListRow>(
    db,
    sql`SELECT ${caseListColumns} FROM inspection_cases c JOIN orgs ho ON ho.id = c.handling_org_id
        WHERE c.state <> 'closed' AND ${caseConditions(filter)} ORDER BY c.id`,
  );
}

/** The organisation a member belonged to on a day (from the dated periods), with its path. */
export async function memberOrgOn(db: DbOrTx, memberId: number, date: string) {
  return queryOne<{ orgId: number; path: string; status: string }>(
    db,
    sql`SELECT p.org_id AS "orgId", o.path, p.status FROM membership_periods p JOIN orgs o ON o.id = p.org_id
        WHERE p.member_id = ${memberId} AND p.annulment_id IS NULL AND p.valid_from <= ${date} AND (p.valid_to IS NULL OR p.valid_to > ${date})
        ORDER BY p.valid_from DESC LIMIT 1`,
  );
}

// Plans

export async function insertPlan(db: DbOrTx, values: typeof inspectionPlans.$inferInsert): Promise<PlanRow> {
  const [row] = await db.insert(inspectionPlans).values(values).returning();
  return row;
}

export async function findPlan(db: DbOrTx, id: number): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(inspectionPlans).where(eq(inspectionPlans.id, id));
  return row;
}

export async function bumpPlan(db: DbOrTx, id: number, version: number, values: Partial<typeof inspectionPlans.$inferInsert>): Promise<PlanRow | undefined> {
  const [row] = await db
    .update(inspectionPlans)
    .set({ ...values, version: sql`${inspectionPlans.version} + 1`, updatedAt: new Date() })
    .where(and(eq(inspectionPlans.id, id), eq(inspectionPlans.version, version)))
    .returning();
  return row;
}

export async function insertPlanItem(db: DbOrTx, values: typeof inspectionPlanItems.$inferInsert) {
  const [row] = await db.insert(inspectionPlanItems).values(values).returning();
  return row;
}

export async function findPlanItem(db: DbOrTx, id: number) {
  const [row] = await db.select().from(inspectionPlanItems).where(eq(inspectionPlanItems.id, id));
  return row;
}

const planColumns = sql`p.id, p.handling_org_id AS "handlingOrgId", ho.name AS "handlingOrgName", p.handling_body AS "handlingBody", p.kind, p.year,
  p.title, p.decision IS NOT NULL AS approved, p.decision, p.version,
  (SELECT count(*)::int FROM inspection_plan_items i WHERE i.plan_id = p.id) AS "itemCount",
  (SELECT count(*)::int FROM inspection_plan_items i WHERE i.plan_id = p.id
     AND EXISTS (SELECT 1 FROM inspection_cases c WHERE c.plan_item_id = i.id AND c.state <> 'open')) AS "doneCount"`;

export async function planRows(db: DbOrTx, filter: { handlerOrgId: number | null; year?: number; id?: number }) {
  const where: SQL[] = [handledBy(sql`p.handling_org_id`, filter.handlerOrgId)];
  if (filter.year) where.push(sql`p.year = ${filter.year}`);
  if (filter.id) where.push(sql`p.id = ${filter.id}`);
  return queryRows<Record<string, unknown> & { id: number }>(
    db,
    sql`SELECT ${planColumns} FROM inspection_plans p JOIN orgs ho ON ho.id = p.handling_org_id
        WHERE ${sql.join(where, sql` AND `)} ORDER BY p.year DESC, p.id DESC`,
  );
}

export async function planItemsOf(db: DbOrTx, planId: number) {
  return queryRows<Record<string, unknown>>(
    db,
    sql`SELECT i.id, i.subject_kind AS "subjectKind", i.subject_org_id AS "subjectOrgId", i.subject_member_id AS "subjectMemberId",
          i.subject_name AS "subjectName", i.case_kind AS "caseKind", i.content, i.planned_from AS "plannedFrom", i.planned_to AS "plannedTo", i.team,
          coalesce((SELECT array_agg(c.id ORDER BY c.id) FROM inspection_cases c WHERE c.plan_item_id = i.id), ARRAY[]::int[]) AS "caseIds",
          EXISTS (SELECT 1 FROM inspection_cases c WHERE c.plan_item_id = i.id AND c.state <> 'open') AS done
        FROM inspection_plan_items i WHERE i.plan_id = ${planId} ORDER BY i.planned_from, i.id`,
  );
}

// Denunciations

export async function insertDenunciation(db: DbOrTx, values: typeof denunciations.$inferInsert): Promise<DenunciationRow> {
  const [row] = await db.insert(denunciations).values(values).returning();
  return row;
}

export async function findDenunciation(db: DbOrTx, id: number): Promise<DenunciationRow | undefined> {
  const [row] = await db.select().from(denunciations).where(eq(denunciations.id, id));
  return row;
}

export async function updateDenunciation(
  db: DbOrTx,
  id: number,
  version: number,
  values: Partial<typeof denunciations.$inferInsert>,
): Promise<DenunciationRow | undefined> {
  const [row] = await db
    .update(denunciations)
    .set({ ...values, version: sql`${denunciations.version} + 1`, updatedAt: new Date() })
    .where(and(eq(denunciations.id, id), eq(denunciations.version, version)))
    .returning();
  return row;
}

export async function denunciationRows(db: DbOrTx, handlerOrgId: number | null) {
  return queryRows<Record<string, unknown>>(
    db,
    sql`SELECT d.id, d.handling_org_id AS "handlingOrgId", d.kind, d.received_on AS "receivedOn", d.denouncer IS NULL AS anonymous,
          d.about_kind AS "aboutKind", d.about_name AS "aboutName", d.stage, d.version
        FROM denunciations d WHERE ${handledBy(sql`d.handling_org_id`, handlerOrgId)} ORDER BY d.received_on DESC, d.id DESC`,
  );
}

/** Of the accounts named, those that may handle the organisation's denunciations: its inspection staff, or an admin. */
export async function handlerAccounts(db: DbOrTx, orgId: number, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ id: number }>(
    db,
    sql`SELECT id FROM users WHERE id IN ${ids} AND NOT disabled AND (role = 'admin' OR (role = 'inspection_staff' AND org_id = ${orgId}))`,
  );
  return rows.map((r) => r.id);
}

// Demo data (demo/demo-inspection.ts)

/** Committees with grassroots organisations below them, the subjects a demo year of inspection is drawn from. */
export async function demoHandlingOrgs(db: DbOrTx) {
  return queryRows<{ id: number; name: string; path: string }>(
    db,
    sql`SELECT o.id, o.name, o.path FROM orgs o WHERE o.kind = 'upper' AND o.active ORDER BY o.path`,
  );
}

export async function demoGrassroots(db: DbOrTx, path: string) {
  return queryRows<{ id: number; name: string; path: string }>(
    db,
    sql`SELECT id, name, path FROM orgs WHERE path LIKE ${`${path}%`} AND kind IN ('grassroots_committee', 'grassroots_cell') AND active ORDER BY path`,
  );
}

export async function demoMembers(db: DbOrTx, path: string, admittedBefore: string) {
  return queryRows<{ id: number; fullName: string; orgPath: string }>(
    db,
    sql`SELECT id, full_name AS "fullName", org_path AS "orgPath" FROM members
        WHERE org_path LIKE ${`${path}%`} AND status IN ('full', 'probationary') AND admitted_on < ${admittedBefore} ORDER BY id`,
  );
}

export async function insertCaseRows(db: DbOrTx, values: (typeof inspectionCases.$inferInsert)[]): Promise<number[]> {
  if (values.length === 0) return [];
  return (await db.insert(inspectionCases).values(values).returning({ id: inspectionCases.id })).map((r) => r.id);
}

export async function insertStepRows(db: DbOrTx, values: (typeof inspectionCaseSteps.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < values.length; i += 1000) await db.insert(inspectionCaseSteps).values(values.slice(i, i + 1000));
}

export async function insertPlanItemRows(db: DbOrTx, values: (typeof inspectionPlanItems.$inferInsert)[]): Promise<number[]> {
  if (values.length === 0) return [];
  return (await db.insert(inspectionPlanItems).values(values).returning({ id: inspectionPlanItems.id })).map((r) => r.id);
}
