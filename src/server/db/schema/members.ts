import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Decision } from '../../../shared/org.js';
import type { Address, Gender, MemberStatus, MembershipEventKind, TheoryLevel } from '../../../shared/member.js';
import { byteText, timestamps, version } from './columns.js';

export const members = pgTable(
  'members',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    fullName: text('full_name').notNull(),
    familyName: text('family_name').notNull(),
    middleName: text('middle_name').notNull(),
    givenName: text('given_name').notNull(),
    /** Vietnamese order (given, middle, family name) as bytes: PGlite has no Vietnamese collation. */
    nameSortKey: byteText('name_sort_key').notNull(),
    /** lower(unaccent(full_name)), stored so that search never runs unaccent row by row. */
    nameFolded: text('name_folded').generatedAlwaysAs(sql`vn_fold(full_name)`),
    gender: text('gender').$type<Gender>().notNull(),
    birthDate: date('birth_date').notNull(),
    placeOfOrigin: jsonb('place_of_origin').$type<Address>(),
    residence: jsonb('residence').$type<Address>(),
    ethnicity: text('ethnicity').notNull().default('Kinh'),
    religion: text('religion').notNull().default('Không'),
    education: text('education').notNull().default(''),
    professionalQualification: text('professional_qualification').notNull().default(''),
    theoryLevel: text('theory_level').$type<TheoryLevel>().notNull().default('none'),
    job: text('job').notNull().default(''),
    position: text('position').notNull().default(''),
    nationalId: text('national_id'),
    cardNumber: text('card_number'),
    profileNumber: text('profile_number'),
    admittedOn: date('admitted_on'),
    confirmedOn: date('confirmed_on'),
    /** Current organisation and status are derived from membership events; only the event service writes them. */
    orgId: integer('org_id').notNull(),
    /** The organisation's path, copied so that scope filters need no join. */
    orgPath: byteText('org_path').notNull(),
    status: text('status').$type<MemberStatus>().notNull(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('members_national_id_key').on(t.nationalId),
    uniqueIndex('members_card_number_key').on(t.cardNumber),
    index('members_scope_sort_idx').on(t.orgPath, t.nameSortKey),
    index('members_sort_idx').on(t.nameSortKey, t.id),
    index('members_org_idx').on(t.orgId),
    index('members_status_scope_idx').on(t.status, t.orgPath),
    /** Whole words of the folded name: short search words (1–2 letters) match name words by prefix through it. */
    index('members_name_word_list_idx').using('gin', sql`string_to_array(${t.nameFolded}, ' ')`),
    /**
     * The badge list's candidates (full or deceased members admitted long enough ago), read by admission date from the
     * index alone: every column the list needs is a key, so the province's list reads a few MB instead of the table.
     */
    index('members_badge_candidates_idx')
      .on(t.admittedOn, t.status, t.orgPath, t.id, t.orgId, t.nameSortKey, t.fullName, t.birthDate, t.confirmedOn)
      .where(sql`${t.status} IN ('full', 'deceased')`),
  ],
);

export const membershipEvents = pgTable(
  'membership_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id').notNull(),
    kind: text('kind').$type<MembershipEventKind>().notNull(),
    occurredOn: date('occurred_on').notNull(),
    decision: jsonb('decision').$type<Decision>(),
    fromOrgId: integer('from_org_id'),
    toOrgId: integer('to_org_id'),
    statusAfter: text('status_after').$type<MemberStatus>().notNull(),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdBy: integer('created_by'),
  },
  (t) => [
    index('membership_events_member_idx').on(t.memberId, t.occurredOn),
    index('membership_events_kind_date_idx').on(t.kind, t.occurredOn),
    // Events carrying a gap, a handful: the badge list reads them with the exit kinds by a bitmap OR instead of a scan
    // of all events (keyed by date, not member, so the planner reads the whole small index rather than probing it per id).
    index('membership_events_gap_idx')
      .on(t.occurredOn)
      .where(sql`${t.details} ? 'gap'`),
  ],
);

/** Where a member was and in which status, from one event to the next: the dated membership history. */
export const membershipPeriods = pgTable(
  'membership_periods',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id').notNull(),
    orgId: integer('org_id').notNull(),
    status: text('status').$type<MemberStatus>().notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    eventId: integer('event_id'),
    /**
     * Set when the event that opened the period was annulled: the period then spans no day (valid_to = valid_from)
     * and is kept, never deleted, while the period before it is open again.
     */
    annulmentId: integer('annulment_id'),
  },
  (t) => [
    index('membership_periods_member_idx').on(t.memberId, t.validFrom),
    index('membership_periods_org_idx').on(t.orgId, t.validFrom),
    // The standing exit periods (the badge list's interruptions), a few per thousand periods.
    index('membership_periods_exit_idx')
      .on(t.validFrom)
      .where(sql`${t.annulmentId} IS NULL AND ${t.status} IN ('struck_off', 'expelled', 'withdrawn', 'deceased')`),
  ],
);

/**
 * A membership event entered by mistake, annulled: a dated row with who, when, why and the decision if any. The
 * event stays in `membership_events` (shown struck through in the history); every reader of events skips it.
 */
export const membershipEventAnnulments = pgTable(
  'membership_event_annulments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    eventId: integer('event_id').notNull(),
    memberId: integer('member_id').notNull(),
    annulledOn: date('annulled_on').notNull(),
    reason: text('reason').notNull(),
    decision: jsonb('decision').$type<Decision>(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdBy: integer('created_by'),
  },
  (t) => [uniqueIndex('membership_event_annulments_event_key').on(t.eventId), index('membership_event_annulments_member_idx').on(t.memberId)],
);

/**
 * Every distinct word of the folded member names (a few thousand, even nationally), kept by a statement
 * trigger. A mistyped search word is corrected against this small table instead of the whole member list.
 */
export const nameWords = pgTable('name_words', {
  word: text('word').primaryKey(),
  /** How many member records use the word: lets search tell a common term from a rare one. */
  uses: integer('uses').notNull().default(0),
  /** How many use it as the given name: given names cluster in the Vietnamese sort order, other words spread. */
  givenUses: integer('given_uses').notNull().default(0),
});
