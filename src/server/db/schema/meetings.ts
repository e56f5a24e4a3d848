import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { AttendanceStatus, MeetingKind, MeetingStatus } from '../../../shared/meetings.js';
import { timestamps, version } from './columns.js';
import { storedFiles } from './files.js';
import { partyDocuments } from './study.js';

/**
 * A meeting of a cell or a committee (sinh hoạt chi bộ, họp cấp ủy): planned, then recorded as held (with its
 * attendance) or cancelled; never deleted. Scope reads join `orgs` (whose path follows re-parenting).
 */
export const meetings = pgTable(
  'meetings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id').notNull(),
    kind: text('kind').$type<MeetingKind>().notNull(),
    status: text('status').$type<MeetingStatus>().notNull(),
    meetingOn: date('meeting_on').notNull(),
    /** 'HH:MM', local time; '' when not set. */
    startTime: text('start_time').notNull().default(''),
    place: text('place').notNull().default(''),
    chairMemberId: integer('chair_member_id'),
    minuteTakerMemberId: integer('minute_taker_member_id'),
    agenda: text('agenda').notNull().default(''),
    /** The topic of a thematic meeting. */
    topic: text('topic').notNull().default(''),
    conclusions: text('conclusions').notNull().default(''),
    /** Guests by name (members temporarily attending from elsewhere, invited leaders). */
    guests: jsonb('guests').$type<string[]>().notNull().default([]),
    minutesFileId: integer('minutes_file_id').references(() => storedFiles.id),
    /** Self-assessed points per criterion of the rulebook's sheet in force on the meeting date, and their sum. */
    qualityScores: jsonb('quality_scores').$type<Record<string, number>>(),
    qualityScore: integer('quality_score'),
    qualitySheetSource: text('quality_sheet_source'),
    cancelReason: text('cancel_reason'),
    /** The attendance tally, written with the attendance rows (they never change after): compliance sums meetings only. */
    presentCount: integer('present_count').notNull().default(0),
    excusedCount: integer('excused_count').notNull().default(0),
    absentCount: integer('absent_count').notNull().default(0),
    awayCount: integer('away_count').notNull().default(0),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }),
    version: version(),
    ...timestamps,
  },
  (t) => [
    index('meetings_org_idx').on(t.orgId, t.meetingOn),
    // One regular meeting per organisation and month (a cancelled one does not count).
    uniqueIndex('meetings_regular_month_key')
      .on(t.orgId, sql`(date_trunc('month', ${t.meetingOn}::timestamp))`)
      .where(sql`${t.kind} = 'regular' AND ${t.status} <> 'cancelled'`),
  ],
);

/** Each member expected at a held meeting and how they attended; members away on temporary transfer are `away`. */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    memberId: integer('member_id').notNull(),
    status: text('status').$type<AttendanceStatus>().notNull(),
    reason: text('reason'),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] }), index('meeting_attendance_member_idx').on(t.memberId)],
);

/** Party documents discussed at a meeting (the library's `party_documents`; the foreign key is added where both exist). */
export const meetingDocuments = pgTable(
  'meeting_documents',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    documentId: integer('document_id')
      .notNull()
      .references(() => partyDocuments.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.documentId] })],
);

/** A member's secret iCalendar address: only its SHA-256 is kept; revoking ends it, a new one is a new row. */
export const meetingCalendarFeeds = pgTable(
  'meeting_calendar_feeds',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('meeting_calendar_feeds_token_key').on(t.tokenHash), index('meeting_calendar_feeds_member_idx').on(t.memberId)],
);
