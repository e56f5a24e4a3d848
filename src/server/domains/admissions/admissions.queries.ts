import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryOne, queryRows, type DbOrTx } from '../../db/client.js';
import { candidateEvents, candidates, membershipEvents, probationReviews } from '../../db/schema.js';
import type { Scope } from '../../context.js';
import { pathInScope } from '../../scope.js';
import { notAnnulled } from '../members/members.queries.js';
import type { CandidateState, Dossier } from '../../../shared/admissions.js';
import type { Decision, OrgKind } from '../../../shared/org.js';
import type { MemberStatus } from '../../../shared/member.js';

export type CandidateRow = typeof candidates.$inferSelect;
export type NewCandidateRow = typeof candidates.$inferInsert;
export type CandidateEventRow = typeof candidateEvents.$inferSelect;
export type ProbationReviewRow = typeof probationReviews.$inferSelect;

/** The candidate with the cell it belongs to: name, kind and current path (for the scope check). */
export type CandidateWithOrg = CandidateRow & { orgName: string; orgKind: OrgKind; orgPath: string; orgActive: boolean };

export async function insertCandidate(db: DbOrTx, values: NewCandidateRow): Promise<CandidateRow> {
  const [row] = await db.insert(candidates).values(values).returning();
  return row;
}

export async function findCandidate(db: DbOrTx, id: number): Promise<CandidateWithOrg | undefined> {
  const row = await queryOne<{ id: number; orgName: string; orgKind: OrgKind; orgPath: string; orgActive: boolean }>(
    db,
    sql`SELECT c.id, o.name AS "orgName", o.kind AS "orgKind", o.path AS "orgPath", o.active AS "orgActive"
        FROM candidates c JOIN orgs o ON o.id = c.org_id WHERE c.id = ${id}`,
  );
  if (!row) return undefined;
  const [candidate] = await db.select().from(candidates).where(eq(candidates.id, id));
  return { ...candidate, orgName: row.orgName, orgKind: row.orgKind, orgPath: row.orgPath, orgActive: row.orgActive };
}

/** Writes only if nobody changed the row since `expectedVersion` was read; undefined otherwise. */
export async function updateCandidateRow(db: DbOrTx, id: number, expectedVersion: number, values: Partial<NewCandidateRow>): Promise<CandidateRow | undefined> {
  const [row] = await db
    .update(candidates)
    .set({ ...values, version: sql`${candidates.version} + 1`, updatedAt: new Date() })
    .where(and(eq(candidates.id, id), eq(candidates.version, expectedVersion)))
    .returning();
  return row;
}

/** The dates the next step's deadline runs from: the cell's resolution and the day the decision was received. */
const timelineColumns = sql`
  (SELECT e.occurred_on FROM candidate_events e WHERE e.candidate_id = c.id AND e.kind = 'cell_resolved' ORDER BY e.id DESC LIMIT 1) AS "cellResolvedOn",
  (SELECT coalesce(e.details->>'receivedOn', e.occurred_on::text) FROM candidate_events e WHERE e.candidate_id = c.id AND e.kind = 'decided' ORDER BY e.id DESC LIMIT 1) AS "decisionReceivedOn"`;

export interface CandidateListRow {
  id: number;
  fullName: string;
  gender: 'male' | 'female';
  birthDate: string;
  orgId: number;
  orgName: string;
  orgKind: OrgKind;
  state: CandidateState;
  memberId: number | null;
  youthUnionMember: boolean;
  dossier: Dossier;
  updatedAt: string;
  cellResolvedOn: string | null;
  decisionReceivedOn: string | null;
}

export function candidateConditions(scope: Scope, filter: { orgPath?: string; states?: readonly CandidateState[] }): SQL[] {
  const where: SQL[] = [pathInScope(scope, sql`o.path`)];
  if (filter.orgPath) where.push(sql`o.path LIKE ${`${filter.orgPath}%`}`);
  if (filter.states)
    where.push(
      sql`c.state IN (${sql.join(
        filter.states.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  return where;
}

export async function listCandidateRows(db: DbOrTx, where: SQL[], limit: number, offset: number): Promise<CandidateListRow[]> {
  return queryRows<CandidateListRow>(
    db,
    sql`SELECT c.id, c.full_name AS "fullName", c.gender, c.birth_date AS "birthDate", c.org_id AS "orgId", o.name AS "orgName", o.kind AS "orgKind",
          c.state, c.member_id AS "memberId", c.youth_union_member AS "youthUnionMember", c.dossier, c.updated_at AS "updatedAt",
          ${timelineColumns}
        FROM candidates c
        JOIN orgs o ON o.id = c.org_id
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY c.name_sort_key, c.id
        LIMIT ${limit} OFFSET ${offset}`,
  );
}

export interface OpenCandidateStep {
  id: number;
  fullName: string;
  orgId: number;
  orgName: string;
  state: CandidateState;
  cellResolvedOn: string | null;
  decisionReceivedOn: string | null;
}

/** Candidates in scope waiting for the upper committee's decision or for their ceremony. */
export async function openCandidateSteps(db: DbOrTx, scope: Scope): Promise<OpenCandidateStep[]> {
  return queryRows<OpenCandidateStep>(
    db,
    sql`SELECT c.id, c.full_name AS "fullName", c.org_id AS "orgId", o.name AS "orgName", c.state, ${timelineColumns}
        FROM candidates c JOIN orgs o ON o.id = c.org_id
        WHERE c.state IN ('cell_resolved', 'committee_resolved', 'decided') AND ${pathInScope(scope, sql`o.path`)}`,
  );
}

export async function countCandidateRows(db: DbOrTx, where: SQL[]): Promise<number> {
  const row = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM candidates c JOIN orgs o ON o.id = c.org_id WHERE ${sql.join(where, sql` AND `)}`,
  );
  return row?.n ?? 0;
}

export async function insertCandidateEvent(db: DbOrTx, values: typeof candidateEvents.$inferInsert): Promise<number> {
  const [row] = await db.insert(candidateEvents).values(values).returning({ id: candidateEvents.id });
  return row.id;
}

export async function candidateEventsOf(db: DbOrTx, candidateId: number): Promise<CandidateEventRow[]> {
  // The record's opening comes first even when the steps were entered afterwards with earlier dates.
  return db
    .select()
    .from(candidateEvents)
    .where(eq(candidateEvents.candidateId, candidateId))
    .orderBy(sql`${candidateEvents.kind} <> 'created'`, asc(candidateEvents.occurredOn), asc(candidateEvents.id));
}

/** Full members registered in the organisation on `date`: those entitled to vote in the cell. */
export async function countFullMembersOn(db: DbOrTx, orgId: number, date: string): Promise<number> {
  const row = await queryOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM membership_periods p
        WHERE p.org_id = ${orgId} AND p.status = 'full' AND p.annulment_id IS NULL AND p.valid_from <= ${date} AND (p.valid_to IS NULL OR p.valid_to > ${date})`,
  );
  return row?.n ?? 0;
}

export interface MemberBrief {
  id: number;
  fullName: string;
  status: MemberStatus;
  orgName: string;
  orgPath: string;
}

export async function membersBrief(db: DbOrTx, ids: readonly number[]): Promise<MemberBrief[]> {
  if (ids.length === 0) return [];
  return queryRows<MemberBrief>(
    db,
    sql`SELECT m.id, m.full_name AS "fullName", m.status, o.name AS "orgName", m.org_path AS "orgPath"
        FROM members m JOIN orgs o ON o.id = m.org_id WHERE m.id IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
}

/** The organisations above `path`, nearest first (the cell itself excluded). */
export async function ancestorsOf(db: DbOrTx, path: string): Promise<{ id: number; name: string; kind: OrgKind; path: string }[]> {
  return queryRows(db, sql`SELECT id, name, kind, path FROM orgs WHERE ${path} LIKE path || '%' AND path <> ${path} ORDER BY depth DESC`);
}

export interface AdmissionRecord {
  occurredOn: string;
  decision: Decision | null;
  details: Record<string, unknown>;
}

/** The member's admission event, which holds the ceremony date; none for records taken over from paper. */
export async function admissionEventOf(db: DbOrTx, memberId: number): Promise<AdmissionRecord | undefined> {
  const [row] = await db
    .select({ occurredOn: membershipEvents.occurredOn, decision: membershipEvents.decision, details: membershipEvents.details })
    .from(membershipEvents)
    .where(and(eq(membershipEvents.memberId, memberId), inArray(membershipEvents.kind, ['admission', 'readmission']), sql`${notAnnulled('membership_events')}`))
    .orderBy(desc(membershipEvents.occurredOn), desc(membershipEvents.id))
    .limit(1);
  return row;
}

/** The upper committee's decision that ended the probation, if any. */
export async function probationOutcomeOf(
  db: DbOrTx,
  memberId: number,
): Promise<(AdmissionRecord & { kind: 'confirmation' | 'strike_off'; id: number }) | undefined> {
  return queryOne(
    db,
    sql`SELECT id, kind, occurred_on AS "occurredOn", decision, details FROM membership_events e
        WHERE member_id = ${memberId} AND ${notAnnulled('e')}
          AND (kind = 'confirmation' OR (kind = 'strike_off' AND details->>'fromProbation' = 'true'))
        ORDER BY occurred_on DESC, id DESC LIMIT 1`,
  );
}

export async function candidateOfMember(db: DbOrTx, memberId: number): Promise<number | null> {
  const [row] = await db.select({ id: candidates.id }).from(candidates).where(eq(candidates.memberId, memberId)).limit(1);
  return row?.id ?? null;
}

export async function insertProbationReview(db: DbOrTx, values: typeof probationReviews.$inferInsert): Promise<ProbationReviewRow> {
  const [row] = await db.insert(probationReviews).values(values).returning();
  return row;
}

export async function probationReviewsOf(db: DbOrTx, memberId: number): Promise<ProbationReviewRow[]> {
  return db.select().from(probationReviews).where(eq(probationReviews.memberId, memberId)).orderBy(asc(probationReviews.occurredOn), asc(probationReviews.id));
}

export interface ProbationerRow {
  memberId: number;
  fullName: string;
  orgId: number;
  orgName: string;
  admittedOn: string | null;
  ceremonyDate: string | null;
  /** The cell's latest passed review: the upper committee's decision is due a number of working days after it. */
  cellReviewedOn: string | null;
}

/** Probationary members in scope, with the ceremony date from their admission event when the workflow recorded one. */
export async function probationersInScope(db: DbOrTx, scope: Scope): Promise<ProbationerRow[]> {
  const scopeCondition = scope.kind === 'self' ? sql`m.id = ${scope.memberId}` : pathInScope(scope, sql`m.org_path`);
  return queryRows<ProbationerRow>(
    db,
    sql`SELECT m.id AS "memberId", m.full_name AS "fullName", m.org_id AS "orgId", o.name AS "orgName", m.admitted_on AS "admittedOn",
          (SELECT coalesce(e.details->>'ceremonyDate', e.occurred_on::text) FROM membership_events e
            WHERE e.member_id = m.id AND e.kind IN ('admission', 'readmission') AND ${notAnnulled('e')} ORDER BY e.occurred_on DESC, e.id DESC LIMIT 1) AS "ceremonyDate",
          (SELECT r.occurred_on FROM probation_reviews r
            WHERE r.member_id = m.id AND r.kind = 'cell' AND coalesce(r.details->>'result', 'passed') <> 'failed' ORDER BY r.occurred_on DESC, r.id DESC LIMIT 1) AS "cellReviewedOn"
        FROM members m JOIN orgs o ON o.id = m.org_id
        WHERE m.status = 'probationary' AND ${scopeCondition}`,
  );
}

// ---- Facts as of a step's date (issue #10): statuses, voters and seats from the dated records ----------------

/** Each member's status on `date` from the membership periods (none: not yet or no longer on record that day). */
export async function memberStatusesOn(db: DbOrTx, ids: readonly number[], date: string): Promise<Map<number, MemberStatus>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ memberId: number; status: MemberStatus }>(
    db,
    sql`SELECT p.member_id AS "memberId", p.status FROM membership_periods p
        WHERE p.member_id IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )}) AND p.annulment_id IS NULL
          AND p.valid_from <= ${date} AND (p.valid_to IS NULL OR p.valid_to > ${date})`,
  );
  return new Map(rows.map((row) => [row.memberId, row.status]));
}

export interface VoterRow {
  memberId: number;
  fullName: string;
  /** On temporary transfer elsewhere that day: the latest temporary event on or before it opened an absence. */
  away: boolean;
}

/** The full members of the organisation on `date`, each marked when on temporary transfer elsewhere that day. */
export async function fullMembersOn(db: DbOrTx, orgId: number, date: string): Promise<VoterRow[]> {
  return queryRows<VoterRow>(
    db,
    sql`SELECT p.member_id AS "memberId", m.full_name AS "fullName",
          coalesce((SELECT e.kind = 'temporary_transfer' FROM membership_events e
                    WHERE e.member_id = p.member_id AND e.kind IN ('temporary_transfer', 'temporary_return') AND e.occurred_on <= ${date} AND ${notAnnulled('e')}
                    ORDER BY e.occurred_on DESC, e.id DESC LIMIT 1), false) AS away
        FROM membership_periods p JOIN members m ON m.id = p.member_id
        WHERE p.org_id = ${orgId} AND p.status = 'full' AND p.annulment_id IS NULL AND p.valid_from <= ${date} AND (p.valid_to IS NULL OR p.valid_to > ${date})
        ORDER BY m.name_sort_key, p.member_id`,
  );
}

/** The distinct members holding a seat of the organisation's committee on `date`. */
export async function seatHoldersOn(db: DbOrTx, orgId: number, date: string): Promise<{ memberId: number; fullName: string }[]> {
  return queryRows(
    db,
    sql`SELECT DISTINCT s.member_id AS "memberId", m.full_name AS "fullName", m.name_sort_key
        FROM committee_seats s JOIN members m ON m.id = s.member_id
        WHERE s.org_id = ${orgId} AND s.start_on <= ${date} AND (s.end_on IS NULL OR s.end_on > ${date})
        ORDER BY m.name_sort_key, s.member_id`,
  );
}
