import { and, eq, sql, type SQL } from 'drizzle-orm';
import { queryOne, queryRows, type DbOrTx } from '../../db/client.js';
import { disciplineNotices, sanctionAppeals, sanctionEffects, sanctions } from '../../db/schema.js';
import type { Scope } from '../../context.js';
import { pathInScope } from '../../scope.js';
import { latestAppealJoin, standingFormSql } from './sanctions-in-year.queries.js';
import type { MemberStatus } from '../../../shared/member.js';
import type { AppealView, NoticeView, SanctionView } from '../../../shared/discipline.js';

export type SanctionRow = typeof sanctions.$inferSelect;
export type AppealRow = typeof sanctionAppeals.$inferSelect;
export type NoticeRow = typeof disciplineNotices.$inferSelect;
export type SanctionEffectRow = typeof sanctionEffects.$inferSelect;

/** The member's status and organisation on a day, from the dated periods (annulled ones span no day). */
export async function membershipOn(db: DbOrTx, memberId: number, date: string): Promise<{ status: MemberStatus; orgId: number; orgPath: string } | undefined> {
  return queryOne(
    db,
    sql`SELECT p.status, p.org_id AS "orgId", o.path AS "orgPath" FROM membership_periods p JOIN orgs o ON o.id = p.org_id
        WHERE p.member_id = ${memberId} AND p.valid_from <= ${date} AND (p.valid_to IS NULL OR p.valid_to > ${date})
        ORDER BY p.valid_from DESC, p.id DESC LIMIT 1`,
  );
}

export async function insertSanction(db: DbOrTx, values: typeof sanctions.$inferInsert): Promise<SanctionRow> {
  const [row] = await db.insert(sanctions).values(values).returning();
  return row;
}

export async function findSanction(db: DbOrTx, id: number): Promise<SanctionRow | undefined> {
  const [row] = await db.select().from(sanctions).where(eq(sanctions.id, id));
  return row;
}

export async function updateSanction(db: DbOrTx, id: number, version: number, values: Partial<SanctionRow>): Promise<SanctionRow | undefined> {
  const [row] = await db
    .update(sanctions)
    .set({ ...values, version: sql`${sanctions.version} + 1`, updatedAt: new Date() })
    .where(and(eq(sanctions.id, id), eq(sanctions.version, version)))
    .returning();
  return row;
}

export async function insertEffect(db: DbOrTx, values: typeof sanctionEffects.$inferInsert): Promise<SanctionEffectRow> {
  const [row] = await db.insert(sanctionEffects).values(values).returning();
  return row;
}

export async function markEffectUndone(db: DbOrTx, id: number, undoneBy: number): Promise<void> {
  await db.update(sanctionEffects).set({ undoneByEffectId: undoneBy }).where(eq(sanctionEffects.id, id));
}

export async function effectsOf(db: DbOrTx, sanctionId: number): Promise<SanctionEffectRow[]> {
  return db.select().from(sanctionEffects).where(eq(sanctionEffects.sanctionId, sanctionId)).orderBy(sanctionEffects.id);
}

export interface SanctionFilter {
  scope: Scope;
  /** Drafts (proposed, withdrawn) are read only by those who record discipline. */
  withDrafts: boolean;
  memberId?: number;
  state?: string;
  form?: string;
  subjectKind?: string;
  orgPath?: string;
  year?: number;
}

function sanctionWhere(f: SanctionFilter): SQL {
  const parts: SQL[] = [f.scope.kind === 'self' ? sql`s.member_id = ${f.scope.memberId}` : pathInScope(f.scope, sql`s.org_path`)];
  if (!f.withDrafts) parts.push(sql`s.state = 'decided'`);
  if (f.memberId !== undefined) parts.push(sql`s.member_id = ${f.memberId}`);
  if (f.state) parts.push(sql`s.state = ${f.state}`);
  if (f.form) parts.push(sql`coalesce(s.form, s.proposed_form) = ${f.form}`);
  if (f.subjectKind) parts.push(sql`s.subject_kind = ${f.subjectKind}`);
  if (f.orgPath) parts.push(sql`s.org_path LIKE ${`${f.orgPath}%`}`);
  if (f.year) parts.push(sql`coalesce(s.effective_on, s.proposed_on) BETWEEN ${`${f.year}-01-01`} AND ${`${f.year}-12-31`}`);
  return sql.join(parts, sql` AND `);
}

const sanctionColumns = sql`s.id, s.subject_kind AS "subjectKind", s.org_id AS "orgId", o.name AS "orgName", s.member_id AS "memberId",
  m.full_name AS "memberName", s.case_id AS "caseId", s.offence_group AS "offenceGroup", s.offence, s.offence_on::text AS "offenceOn",
  s.later_offence_on::text AS "laterOffenceOn", s.state, s.proposed_form AS "proposedForm", s.proposed_on::text AS "proposedOn",
  s.proposed_by AS "proposedBy", s.deciding_org_id AS "decidingOrgId", s.deciding_body AS "decidingBody", s.form,
  CASE WHEN s.state = 'decided' THEN ${standingFormSql} END AS "standingForm", s.decision, s.effective_on::text AS "effectiveOn",
  s.limitation_check AS "limitationCheck", s.withdrawn_on::text AS "withdrawnOn", s.withdrawn_reason AS "withdrawnReason", s.version`;

type SanctionListRow = Omit<SanctionView, 'onRecordUntil'>;

export async function listSanctionRows(db: DbOrTx, f: SanctionFilter, limit: number, offset: number): Promise<SanctionListRow[]> {
  return queryRows<SanctionListRow>(
    db,
    sql`SELECT ${sanctionColumns} FROM sanctions s JOIN orgs o ON o.id = s.org_id LEFT JOIN members m ON m.id = s.member_id ${latestAppealJoin}
        WHERE ${sanctionWhere(f)} ORDER BY coalesce(s.effective_on, s.proposed_on) DESC, s.id DESC LIMIT ${limit} OFFSET ${offset}`,
  );
}

export async function countSanctionRows(db: DbOrTx, f: SanctionFilter): Promise<number> {
  const row = await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM sanctions s WHERE ${sanctionWhere(f)}`);
  return row?.n ?? 0;
}

export async function sanctionViewRow(db: DbOrTx, id: number): Promise<SanctionListRow | undefined> {
  return queryOne<SanctionListRow>(
    db,
    sql`SELECT ${sanctionColumns} FROM sanctions s JOIN orgs o ON o.id = s.org_id LEFT JOIN members m ON m.id = s.member_id ${latestAppealJoin}
        WHERE s.id = ${id}`,
  );
}

export async function insertAppeal(db: DbOrTx, values: typeof sanctionAppeals.$inferInsert): Promise<AppealRow> {
  const [row] = await db.insert(sanctionAppeals).values(values).returning();
  return row;
}

export async function findAppeal(db: DbOrTx, id: number): Promise<AppealRow | undefined> {
  const [row] = await db.select().from(sanctionAppeals).where(eq(sanctionAppeals.id, id));
  return row;
}

export async function updateAppeal(db: DbOrTx, id: number, version: number, values: Partial<AppealRow>): Promise<AppealRow | undefined> {
  const [row] = await db
    .update(sanctionAppeals)
    .set({ ...values, version: sql`${sanctionAppeals.version} + 1`, updatedAt: new Date() })
    .where(and(eq(sanctionAppeals.id, id), eq(sanctionAppeals.version, version)))
    .returning();
  return row;
}

const appealColumns = sql`a.id, a.sanction_id AS "sanctionId", a.received_on::text AS "receivedOn", a.appellant, a.content,
  a.filing_deadline_on::text AS "filingDeadlineOn", a.due_on::text AS "dueOn", a.handling_body AS "handlingBody", a.rules_applied AS "rulesApplied",
  a.outcome, a.decided_on::text AS "decidedOn", a.decision, a.new_form AS "newForm", a.outcome_reason AS "outcomeReason", a.version,
  coalesce(m.full_name, o.name) AS "subjectName", s.org_id AS "orgId"`;

/** Appeals of sanctions in the scope (only decided sanctions are appealed, so none is a draft). */
export async function listAppealRows(db: DbOrTx, scope: Scope, options: { sanctionId?: number; open?: boolean }): Promise<AppealView[]> {
  const where: SQL[] = [pathInScope(scope, sql`a.org_path`)];
  if (options.sanctionId !== undefined) where.push(sql`a.sanction_id = ${options.sanctionId}`);
  if (options.open) where.push(sql`a.outcome IS NULL`);
  return queryRows<AppealView>(
    db,
    sql`SELECT ${appealColumns} FROM sanction_appeals a JOIN sanctions s ON s.id = a.sanction_id JOIN orgs o ON o.id = s.org_id
          LEFT JOIN members m ON m.id = s.member_id
        WHERE ${sql.join(where, sql` AND `)} ORDER BY a.received_on DESC, a.id DESC LIMIT 500`,
  );
}

export async function openAppealOf(db: DbOrTx, sanctionId: number): Promise<AppealRow | undefined> {
  const [row] = await db
    .select()
    .from(sanctionAppeals)
    .where(and(eq(sanctionAppeals.sanctionId, sanctionId), sql`${sanctionAppeals.outcome} IS NULL`));
  return row;
}

export async function insertNotice(db: DbOrTx, values: typeof disciplineNotices.$inferInsert): Promise<NoticeRow> {
  const [row] = await db.insert(disciplineNotices).values(values).returning();
  return row;
}

export async function findNotice(db: DbOrTx, id: number): Promise<NoticeRow | undefined> {
  const [row] = await db.select().from(disciplineNotices).where(eq(disciplineNotices.id, id));
  return row;
}

export async function updateNotice(db: DbOrTx, id: number, version: number, values: Partial<NoticeRow>): Promise<NoticeRow | undefined> {
  const [row] = await db
    .update(disciplineNotices)
    .set({ ...values, version: sql`${disciplineNotices.version} + 1`, updatedAt: new Date() })
    .where(and(eq(disciplineNotices.id, id), eq(disciplineNotices.version, version)))
    .returning();
  return row;
}

/** Notices in the scope; `lateOn`: only those not received by their due day and still missing on that day. */
export async function listNoticeRows(db: DbOrTx, scope: Scope, today: string, options: { missingOn?: string } = {}): Promise<NoticeView[]> {
  const where: SQL[] = [pathInScope(scope, sql`n.org_path`)];
  if (options.missingOn) where.push(sql`n.received_on IS NULL AND n.due_on < ${options.missingOn}`);
  return queryRows<NoticeView>(
    db,
    sql`SELECT n.id, n.member_id AS "memberId", m.full_name AS "memberName", n.org_id AS "orgId", o.name AS "orgName",
          n.issuer_kind AS "issuerKind", n.issuer, n.measure, n.decision, n.due_on::text AS "dueOn", n.received_on::text AS "receivedOn",
          (coalesce(n.received_on, ${today}::date) > n.due_on) AS late, n.rules_applied AS "rulesApplied", n.note, n.version
        FROM discipline_notices n JOIN members m ON m.id = n.member_id JOIN orgs o ON o.id = n.org_id
        WHERE ${sql.join(where, sql` AND `)} ORDER BY n.due_on DESC, n.id DESC LIMIT 500`,
  );
}

/** Every committee seat the member holds now, in any organisation: what a dismissal ends. */
export async function openSeatsOfMember(db: DbOrTx, memberId: number) {
  return queryRows<{ id: number; orgId: number; position: string; term: string; version: number; startOn: string }>(
    db,
    sql`SELECT id, org_id AS "orgId", position, term, version, start_on::text AS "startOn" FROM committee_seats
        WHERE member_id = ${memberId} AND end_on IS NULL ORDER BY id`,
  );
}

/**
 * Demo: full members confirmed before `fullBefore`, still active, spread over the bloc (every `stride`-th by id), with
 * the grassroots organisation above their cell (the deciding body).
 */
export async function demoSanctionSubjects(db: DbOrTx, fullBefore: string, count: number) {
  return queryRows<{ id: number; orgId: number; decidingOrgId: number; decidingName: string }>(
    db,
    sql`WITH eligible AS (
          SELECT m.id, m.org_id, row_number() OVER (ORDER BY m.id) AS n, count(*) OVER () AS total
          FROM members m WHERE m.status = 'full' AND m.confirmed_on < ${fullBefore})
        SELECT e.id, e.org_id AS "orgId", coalesce(p.id, o.id) AS "decidingOrgId", coalesce(p.name, o.name) AS "decidingName"
        FROM eligible e JOIN orgs o ON o.id = e.org_id LEFT JOIN orgs p ON p.id = o.parent_id
        WHERE (e.n - 1) % greatest(e.total / ${count}, 1) = 0 ORDER BY e.id LIMIT ${count}`,
  );
}
