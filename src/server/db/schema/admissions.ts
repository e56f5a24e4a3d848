import { boolean, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Decision } from '../../../shared/org.js';
import type { Address, Gender, TheoryLevel } from '../../../shared/member.js';
import type {
  AwarenessCertificate,
  CandidateState,
  Dossier,
  IntroducerInput,
  LowerSecondary,
  ProbationProposal,
  ProbationReviewKind,
  UnionResolution,
} from '../../../shared/admissions.js';
import type { ReadmissionRequest } from '../../../shared/readmission.js';
import { byteText, timestamps, version } from './columns.js';

/** A person the cell prepares for admission; becomes a member record at the ceremony (`member_id`). */
export const candidates = pgTable(
  'candidates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    fullName: text('full_name').notNull(),
    familyName: text('family_name').notNull(),
    middleName: text('middle_name').notNull(),
    givenName: text('given_name').notNull(),
    nameSortKey: byteText('name_sort_key').notNull(),
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
    /** The cell that prepares the candidate; scope joins its current path, so re-parenting needs no copy here. */
    orgId: integer('org_id').notNull(),
    youthUnionMember: boolean('youth_union_member').notNull().default(false),
    awarenessCertificate: jsonb('awareness_certificate').$type<AwarenessCertificate>(),
    introducers: jsonb('introducers').$type<IntroducerInput[]>().notNull().default([]),
    specialAgeDecision: jsonb('special_age_decision').$type<Decision>(),
    dossier: jsonb('dossier').$type<Dossier>().notNull().default({}),
    /** The Youth Union's (or trade union's) resolution standing in for one introducer. */
    unionResolution: jsonb('union_resolution').$type<UnionResolution>(),
    /** Lower-secondary diploma or the recorded exception; null until entered. */
    lowerSecondary: jsonb('lower_secondary').$type<LowerSecondary>(),
    /** Written only by the step service, from the transition table; the steps themselves are `candidate_events`. */
    state: text('state').$type<CandidateState>().notNull().default('candidate'),
    memberId: integer('member_id'),
    /** Kết nạp lại: the person's old member record and the consent; the ceremony re-opens that record. */
    readmission: jsonb('readmission').$type<ReadmissionRequest>(),
    version: version(),
    ...timestamps,
  },
  (t) => [index('candidates_org_idx').on(t.orgId), index('candidates_state_idx').on(t.state), index('candidates_member_idx').on(t.memberId)],
);

/** A step that moves the file, its opening, or a failed vote (a fact that leaves the state as it was). */
export type CandidateEventKind = CandidateState | 'created' | 'vote_failed';

/** Each admission step, dated and citing its decision; `details` keeps the votes and dates the step used. */
export const candidateEvents = pgTable(
  'candidate_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    candidateId: integer('candidate_id').notNull(),
    kind: text('kind').$type<CandidateEventKind>().notNull(),
    occurredOn: date('occurred_on').notNull(),
    decision: jsonb('decision').$type<Decision>(),
    stateAfter: text('state_after').$type<CandidateState>().notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdBy: integer('created_by'),
  },
  (t) => [index('candidate_events_candidate_idx').on(t.candidateId, t.occurredOn), index('candidate_events_kind_date_idx').on(t.kind, t.occurredOn)],
);

/** The cell's and the grassroots committee's reviews of a probationary member; the decision is a membership event. */
export const probationReviews = pgTable(
  'probation_reviews',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id').notNull(),
    kind: text('kind').$type<ProbationReviewKind>().notNull(),
    proposal: text('proposal').$type<ProbationProposal>().notNull(),
    occurredOn: date('occurred_on').notNull(),
    decision: jsonb('decision').$type<Decision>().notNull(),
    inFavour: integer('in_favour').notNull(),
    against: integer('against').notNull(),
    eligible: integer('eligible').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdBy: integer('created_by'),
  },
  (t) => [index('probation_reviews_member_idx').on(t.memberId, t.occurredOn)],
);
