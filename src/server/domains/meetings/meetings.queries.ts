import { and, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { queryOne, queryRows, type DbOrTx } from '../../db/client.js';
import { meetingAttendance, meetingCalendarFeeds, meetingDocuments, meetings, orgs, partyDocuments } from '../../db/schema.js';
import { notAnnulled } from '../members/members.queries.js';
import { pathInScope } from '../../scope.js';
import { readTogether, type Scope } from '../../context.js';
import type { AttendanceStatus, MeetingKind, MeetingListQuery, MeetingStatus } from '../../../shared/meetings.js';
import type { ExpectedAttendee } from './meetings.rules.js';

export type MeetingRow = typeof meetings.$inferSelect;
export type NewMeeting = typeof meetings.$inferInsert;

export async function insertMeeting(db: DbOrTx, row: NewMeeting): Promise<MeetingRow> {
  const [inserted] = await db.insert(meetings).values(row).returning();
  return inserted!;
}

export async function findMeeting(db: DbOrTx, id: number): Promise<(MeetingRow & { orgPath: string; orgName: string; orgKind: string }) | null> {
  const [row] = await db
    .select({ ...getTableColumns(meetings), orgPath: orgs.path, orgName: orgs.name, orgKind: orgs.kind })
    .from(meetings)
    .innerJoin(orgs, eq(orgs.id, meetings.orgId))
    .where(eq(meetings.id, id));
  return row ?? null;
}

/** Changes a meeting only at the version the writer read; null when it changed meanwhile. */
export async function updateMeetingAt(db: DbOrTx, id: number, version: number, patch: Partial<NewMeeting>): Promise<MeetingRow | null> {
  const [row] = await db
    .update(meetings)
    .set({ ...patch, version: sql`${meetings.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(meetings.id, id), eq(meetings.version, version)))
    .returning();
  return row ?? null;
}

export async function replaceMeetingDocuments(db: DbOrTx, meetingId: number, documentIds: readonly number[]): Promise<void> {
  await db.delete(meetingDocuments).where(eq(meetingDocuments.meetingId, meetingId));
  const unique = [...new Set(documentIds)];
  if (unique.length > 0) await db.insert(meetingDocuments).values(unique.map((documentId) => ({ meetingId, documentId })));
}

/** The documents discussed at a meeting as a reader names them: number and code, date, title (by date, then id). */
export async function documentsOf(db: DbOrTx, meetingId: number): Promise<{ id: number; code: string; issuedOn: string; title: string }[]> {
  return db
    .select({ id: partyDocuments.id, code: partyDocuments.code, issuedOn: partyDocuments.issuedOn, title: partyDocuments.title })
    .from(meetingDocuments)
    .innerJoin(partyDocuments, eq(partyDocuments.id, meetingDocuments.documentId))
    .where(eq(meetingDocuments.meetingId, meetingId))
    .orderBy(partyDocuments.issuedOn, partyDocuments.id);
}

export async function insertAttendance(
  db: DbOrTx,
  rows: { meetingId: number; memberId: number; status: AttendanceStatus; reason: string | null }[],
): Promise<void> {
  if (rows.length > 0) await db.insert(meetingAttendance).values(rows);
}

export async function attendanceOf(db: DbOrTx, meetingId: number) {
  return queryRows<{ memberId: number; fullName: string; status: AttendanceStatus; reason: string | null }>(
    db,
    sql`SELECT a.member_id AS "memberId", m.full_name AS "fullName", a.status, a.reason
        FROM meeting_attendance a JOIN members m ON m.id = a.member_id
        WHERE a.meeting_id = ${meetingId} ORDER BY a.status = 'away', m.name_sort_key, a.member_id`,
  );
}

const awayOn = (date: string) => sql`coalesce((SELECT e.kind = 'temporary_transfer' FROM membership_events e
   WHERE e.member_id = p.member_id AND e.kind IN ('temporary_transfer', 'temporary_return') AND e.occurred_on <= ${date} AND ${notAnnulled('e')}
   ORDER BY e.occurred_on DESC, e.id DESC LIMIT 1), false)`;

/** The members of the organisation on `date` (full and probationary, from the membership periods), each marked when away. */
export async function membersExpectedOn(db: DbOrTx, orgId: number, date: string): Promise<ExpectedAttendee[]> {
  return queryRows<ExpectedAttendee>(
    db,
    sql`SELECT p.member_id AS "memberId", m.full_name AS "fullName", ${awayOn(date)} AS away
        FROM membership_periods p JOIN members m ON m.id = p.member_id
        WHERE p.org_id = ${orgId} AND p.status IN ('full', 'probationary') AND p.annulment_id IS NULL
          AND p.valid_from <= ${date} AND (p.valid_to IS NULL OR p.valid_to > ${date})
        ORDER BY m.name_sort_key, p.member_id`,
  );
}

/** A committee meeting expects the committee: the seat holders on `date`, marked when away. */
export async function committeeExpectedOn(db: DbOrTx, orgId: number, date: string): Promise<ExpectedAttendee[]> {
  return queryRows<ExpectedAttendee>(
    db,
    sql`SELECT DISTINCT ON (m.name_sort_key, p.member_id) p.member_id AS "memberId", m.full_name AS "fullName", ${awayOn(date)} AS away
        FROM committee_seats p JOIN members m ON m.id = p.member_id
        WHERE p.org_id = ${orgId} AND p.start_on <= ${date} AND (p.end_on IS NULL OR p.end_on > ${date})
        ORDER BY m.name_sort_key, p.member_id`,
  );
}

export async function memberNames(db: DbOrTx, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: number; fullName: string }>(
    db,
    sql`SELECT id, full_name AS "fullName" FROM members WHERE id IN (${sql.join(
      [...new Set(ids)].map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

/** Another regular meeting of the organisation in the same month (not cancelled), other than `exceptId`. */
export async function regularMeetingInMonth(db: DbOrTx, orgId: number, date: string, exceptId: number | null) {
  return queryOne<{ id: number; meetingOn: string }>(
    db,
    sql`SELECT id, meeting_on AS "meetingOn" FROM meetings
        WHERE org_id = ${orgId} AND kind = 'regular' AND status <> 'cancelled'
          AND date_trunc('month', meeting_on) = date_trunc('month', ${date}::date) ${exceptId ? sql`AND id <> ${exceptId}` : sql``}
        LIMIT 1`,
  );
}

export interface MeetingListRow {
  id: number;
  orgId: number;
  orgName: string;
  kind: MeetingKind;
  status: MeetingStatus;
  meetingOn: string;
  startTime: string;
  place: string;
  topic: string;
  qualityScore: number | null;
  hasMinutes: boolean;
  version: number;
  present: number;
  excused: number;
  absent: number;
  away: number;
}

const listColumns = sql`m.id, m.org_id AS "orgId", o.name AS "orgName", m.kind, m.status, m.meeting_on AS "meetingOn", m.start_time AS "startTime",
  m.place, m.topic, m.quality_score AS "qualityScore", m.minutes_file_id IS NOT NULL AS "hasMinutes", m.version,
  m.present_count AS present, m.excused_count AS excused, m.absent_count AS absent, m.away_count AS away`;

export async function listMeetingRows(db: DbOrTx, scope: Scope, query: MeetingListQuery): Promise<{ items: MeetingListRow[]; total: number }> {
  const where = sql.join(
    [
      pathInScope(scope, sql`o.path`),
      query.kind ? sql`m.kind = ${query.kind}` : null,
      query.status ? sql`m.status = ${query.status}` : null,
      query.from ? sql`m.meeting_on >= ${query.from}` : null,
      query.to ? sql`m.meeting_on <= ${query.to}` : null,
    ].filter((c): c is SQL => c !== null),
    sql` AND `,
  );
  const [items, count] = await readTogether(db, [
    () =>
      queryRows<MeetingListRow>(
        db,
        sql`SELECT ${listColumns} FROM meetings m JOIN orgs o ON o.id = m.org_id
          WHERE ${where} ORDER BY m.meeting_on DESC, m.id DESC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      ),
    () => queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM meetings m JOIN orgs o ON o.id = m.org_id WHERE ${where}`),
  ]);
  return { items, total: count?.n ?? 0 };
}

// ---- Compliance ------------------------------------------------------------------------------------------------

export interface ComplianceOrgRow {
  id: number;
  name: string;
  kind: string;
  foundedOn: string | null;
  dissolvedOn: string | null;
}

/** The meeting-holding organisations under a path prefix that existed at some time in [from, to]. */
export async function complianceOrgs(db: DbOrTx, pathPrefix: string, from: string, to: string): Promise<ComplianceOrgRow[]> {
  return queryRows<ComplianceOrgRow>(
    db,
    sql`SELECT o.id, o.name, o.kind, o.founded_on AS "foundedOn", o.dissolved_on AS "dissolvedOn"
        FROM orgs o
        WHERE o.path LIKE ${`${pathPrefix}%`} AND o.kind IN ('cell', 'grassroots_cell', 'grassroots_committee')
          AND (o.founded_on IS NULL OR o.founded_on <= ${to}) AND (o.dissolved_on IS NULL OR o.dissolved_on > ${from})
        ORDER BY o.path`,
  );
}

/**
 * Held meetings in [from, to] under a path prefix, one row per organisation and kind: the months (bit 0 = January)
 * with at least one, how many, and the attendance tallies kept on each meeting. One scan of the year's meetings,
 * about a row per organisation returned (not one per month): the compliance table reads nothing else.
 */
export async function heldMeetingSummary(db: DbOrTx, pathPrefix: string, from: string, to: string) {
  return queryRows<{ orgId: number; kind: MeetingKind; months: number; n: number; present: number; excused: number; absent: number; away: number }>(
    db,
    sql`SELECT m.org_id AS "orgId", m.kind, bit_or(1 << (extract(month FROM m.meeting_on)::int - 1))::int AS months, count(*)::int AS n,
          sum(m.present_count)::int AS present, sum(m.excused_count)::int AS excused, sum(m.absent_count)::int AS absent,
          sum(m.away_count)::int AS away
        FROM meetings m JOIN orgs o ON o.id = m.org_id
        WHERE o.path LIKE ${`${pathPrefix}%`} AND m.status = 'held' AND m.meeting_on >= ${from} AND m.meeting_on <= ${to}
        GROUP BY 1, 2`,
  );
}

// ---- Self-service and the calendar feed -------------------------------------------------------------------------

export interface MyMeetingRow {
  id: number;
  orgName: string;
  kind: MeetingKind;
  status: MeetingStatus;
  meetingOn: string;
  startTime: string;
  place: string;
  topic: string;
  agenda: string;
  attendance: AttendanceStatus | null;
  reason: string | null;
}

/** A member's meetings: those recorded with their attendance, and the planned ones of their organisation from `from`. */
export async function meetingsOfMember(db: DbOrTx, memberId: number, orgId: number, from: string): Promise<MyMeetingRow[]> {
  return queryRows<MyMeetingRow>(
    db,
    sql`SELECT m.id, o.name AS "orgName", m.kind, m.status, m.meeting_on AS "meetingOn", m.start_time AS "startTime", m.place, m.topic, m.agenda,
          a.status AS attendance, a.reason
        FROM meetings m JOIN orgs o ON o.id = m.org_id
        LEFT JOIN meeting_attendance a ON a.meeting_id = m.id AND a.member_id = ${memberId}
        WHERE a.member_id IS NOT NULL OR (m.org_id = ${orgId} AND m.status = 'planned' AND m.meeting_on >= ${from} AND m.kind <> 'committee')
        ORDER BY m.meeting_on DESC, m.id DESC LIMIT 500`,
  );
}

export async function activeFeedOf(db: DbOrTx, memberId: number) {
  return queryOne<{ id: number; createdAt: Date }>(
    db,
    sql`SELECT id, created_at AS "createdAt" FROM meeting_calendar_feeds WHERE member_id = ${memberId} AND revoked_at IS NULL ORDER BY id DESC LIMIT 1`,
  );
}

export async function revokeFeeds(db: DbOrTx, memberId: number, at: Date): Promise<number> {
  const rows = await db
    .update(meetingCalendarFeeds)
    .set({ revokedAt: at })
    .where(and(eq(meetingCalendarFeeds.memberId, memberId), sql`${meetingCalendarFeeds.revokedAt} IS NULL`))
    .returning({ id: meetingCalendarFeeds.id });
  return rows.length;
}

export async function insertFeed(db: DbOrTx, memberId: number, tokenHash: string, at: Date) {
  const [row] = await db.insert(meetingCalendarFeeds).values({ memberId, tokenHash, createdAt: at }).returning();
  return row!;
}

export async function feedByTokenHash(db: DbOrTx, tokenHash: string) {
  return queryOne<{ memberId: number; orgId: number; status: string }>(
    db,
    sql`SELECT f.member_id AS "memberId", mb.org_id AS "orgId", mb.status FROM meeting_calendar_feeds f JOIN members mb ON mb.id = f.member_id
        WHERE f.token_hash = ${tokenHash} AND f.revoked_at IS NULL`,
  );
}

/** The organisation's planned and held meetings from `from` on (members' meetings only), for the feed. */
export async function feedMeetings(db: DbOrTx, orgId: number, from: string) {
  return queryRows<{
    id: number;
    kind: MeetingKind;
    status: MeetingStatus;
    meetingOn: string;
    startTime: string;
    place: string;
    topic: string;
    agenda: string;
    orgName: string;
    updatedAt: Date;
  }>(
    db,
    sql`SELECT m.id, m.kind, m.status, m.meeting_on AS "meetingOn", m.start_time AS "startTime", m.place, m.topic, m.agenda, o.name AS "orgName", m.updated_at AS "updatedAt"
        FROM meetings m JOIN orgs o ON o.id = m.org_id
        WHERE m.org_id = ${orgId} AND m.meeting_on >= ${from} AND m.kind <> 'committee'
        ORDER BY m.meeting_on, m.id LIMIT 200`,
  );
}

export async function orgOfMember(db: DbOrTx, memberId: number): Promise<number | null> {
  const row = await queryOne<{ orgId: number }>(db, sql`SELECT org_id AS "orgId" FROM members WHERE id = ${memberId}`);
  return row?.orgId ?? null;
}
