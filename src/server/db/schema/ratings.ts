import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Decision } from '../../../shared/org.js';
import type { OrgTitle, RatingExcuse, RatingGrade, RatingRoundKind } from '../../../shared/ratings.js';
import { byteText, timestamps, version } from './columns.js';

/**
 * A review round (đánh giá, xếp loại chất lượng) of one year, or of a committee's term, for an organisation and its
 * subtree. Rounds of the same kind and year (or term) never overlap (one organisation's subtree is reviewed by one
 * round), so yearly figures, which count yearly rounds only, count each member once.
 */
export const ratingRounds = pgTable(
  'rating_rounds',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id').notNull(),
    /** The organisation's path when the round opened: the subtree it covers. */
    orgPath: byteText('org_path').notNull(),
    /** `year` (the yearly review) or `term` (the review of a committee's term, where the rules ask). */
    kind: text('kind').$type<RatingRoundKind>().notNull().default('year'),
    /** A term's round: the term it reviews, '2020–2025' as on committee seats; null for a yearly round. */
    term: text('term'),
    /** The year the round is held in (a term's round: a year of the term, usually its last). */
    year: integer('year').notNull(),
    openedOn: date('opened_on').notNull(),
    dueOn: date('due_on').notNull(),
    closedOn: date('closed_on'),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('rating_rounds_org_year_key')
      .on(t.orgId, t.year)
      .where(sql`${t.kind} = 'year'`),
    uniqueIndex('rating_rounds_org_term_key')
      .on(t.orgId, t.term)
      .where(sql`${t.kind} = 'term'`),
    index('rating_rounds_path_idx').on(t.orgPath, t.year),
  ],
);

/**
 * One member in a round: self-assessment → the cell's proposal → the competent committee's decision, or excused.
 * The organisation (and its grassroots organisation) is the one the member belonged to when the round opened.
 */
export const memberRatings = pgTable(
  'member_ratings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id').notNull(),
    year: integer('year').notNull(),
    memberId: integer('member_id').notNull(),
    orgId: integer('org_id').notNull(),
    orgPath: byteText('org_path').notNull(),
    grassrootsOrgId: integer('grassroots_org_id'),
    selfScore: doublePrecision('self_score'),
    selfGrade: text('self_grade').$type<RatingGrade>(),
    selfNote: text('self_note'),
    selfAssessedOn: date('self_assessed_on'),
    proposedScore: doublePrecision('proposed_score'),
    proposedGrade: text('proposed_grade').$type<RatingGrade>(),
    excellentConditionsMet: boolean('excellent_conditions_met'),
    tasksNotDone: boolean('tasks_not_done'),
    proposedOn: date('proposed_on'),
    proposalNote: text('proposal_note'),
    decidedGrade: text('decided_grade').$type<RatingGrade>(),
    decidedOn: date('decided_on'),
    decision: jsonb('decision').$type<Decision>(),
    excuse: text('excuse').$type<RatingExcuse>(),
    excuseNote: text('excuse_note'),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('member_ratings_round_member_key').on(t.roundId, t.memberId),
    index('member_ratings_path_idx').on(t.orgPath, t.year),
    index('member_ratings_grassroots_idx').on(t.roundId, t.grassrootsOrgId),
    index('member_ratings_member_idx').on(t.memberId, t.year),
  ],
);

/** One organisation in a round: its self-assessment → the upper committee's decision (grade and title). */
export const orgRatings = pgTable(
  'org_ratings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id').notNull(),
    year: integer('year').notNull(),
    orgId: integer('org_id').notNull(),
    orgPath: byteText('org_path').notNull(),
    orgKind: text('org_kind').notNull(),
    selfScore: doublePrecision('self_score'),
    selfGrade: text('self_grade').$type<RatingGrade>(),
    selfNote: text('self_note'),
    selfAssessedOn: date('self_assessed_on'),
    decidedScore: doublePrecision('decided_score'),
    decidedGrade: text('decided_grade').$type<RatingGrade>(),
    excellentConditionsMet: boolean('excellent_conditions_met'),
    tasksNotDone: boolean('tasks_not_done'),
    disciplinedSubUnitOrLeader: boolean('disciplined_sub_unit_or_leader'),
    title: text('title').$type<OrgTitle>(),
    decidedOn: date('decided_on'),
    decision: jsonb('decision').$type<Decision>(),
    version: version(),
    ...timestamps,
  },
  (t) => [uniqueIndex('org_ratings_round_org_key').on(t.roundId, t.orgId), index('org_ratings_path_idx').on(t.orgPath, t.year)],
);
