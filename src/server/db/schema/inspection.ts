import { boolean, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Decision } from '../../../shared/org.js';
import type {
  CaseState,
  CaseStepKind,
  DenunciationKind,
  DenunciationStage,
  HandlingBody,
  InspectionCaseKind,
  PlanKind,
  SubjectKind,
} from '../../../shared/inspection.js';
import { byteText, timestamps, version } from './columns.js';

/** A committee's (or its inspection commission's) yearly programme of inspection or supervision. */
export const inspectionPlans = pgTable(
  'inspection_plans',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    handlingOrgId: integer('handling_org_id').notNull(),
    handlingBody: text('handling_body').$type<HandlingBody>().notNull(),
    kind: text('kind').$type<PlanKind>().notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** The approving decision; null while the plan is a draft. */
    decision: jsonb('decision').$type<Decision>(),
    version: version(),
    ...timestamps,
  },
  (t) => [index('inspection_plans_org_idx').on(t.handlingOrgId, t.year)],
);

/** One subject of a plan: who, what, when, by whom. */
export const inspectionPlanItems = pgTable(
  'inspection_plan_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id').notNull(),
    subjectKind: text('subject_kind').$type<SubjectKind>().notNull(),
    subjectOrgId: integer('subject_org_id'),
    subjectMemberId: integer('subject_member_id'),
    subjectName: text('subject_name').notNull(),
    caseKind: text('case_kind').$type<InspectionCaseKind>().notNull(),
    content: text('content').notNull(),
    plannedFrom: date('planned_from').notNull(),
    plannedTo: date('planned_to').notNull(),
    team: text('team').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('inspection_plan_items_plan_idx').on(t.planId)],
);

/**
 * A case of inspection or supervision. The subject's organisation path is copied when the case opens (for a member:
 * the path of their organisation on the decision date), so figures count it where the tree stood then.
 */
export const inspectionCases = pgTable(
  'inspection_cases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    handlingOrgId: integer('handling_org_id').notNull(),
    handlingBody: text('handling_body').$type<HandlingBody>().notNull(),
    kind: text('kind').$type<InspectionCaseKind>().notNull(),
    subjectKind: text('subject_kind').$type<SubjectKind>().notNull(),
    subjectOrgId: integer('subject_org_id'),
    subjectMemberId: integer('subject_member_id'),
    subjectName: text('subject_name').notNull(),
    subjectPath: byteText('subject_path').notNull(),
    content: text('content').notNull(),
    periodFrom: date('period_from'),
    periodTo: date('period_to'),
    team: jsonb('team').$type<{ name: string; role: string }[]>().notNull().default([]),
    planItemId: integer('plan_item_id'),
    decision: jsonb('decision').$type<Decision>().notNull(),
    openedOn: date('opened_on').notNull(),
    timetable: jsonb('timetable').$type<Record<string, string | null>>().notNull().default({}),
    state: text('state').$type<CaseState>().notNull().default('open'),
    concludedOn: date('concluded_on'),
    findings: text('findings'),
    conclusion: text('conclusion'),
    violation: boolean('violation'),
    recommendations: jsonb('recommendations').$type<{ text: string }[]>().notNull().default([]),
    suspended: boolean('suspended').notNull().default(false),
    /** Where the papers are signed and by whom (the decision to inspect, the notice of conclusion). */
    paper: jsonb('paper').$type<{ place: string; signer: { authority: string; title: string; name: string } }>(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    index('inspection_cases_handling_idx').on(t.handlingOrgId, t.openedOn),
    index('inspection_cases_subject_path_idx').on(t.subjectPath),
    index('inspection_cases_member_idx').on(t.subjectMemberId),
    index('inspection_cases_org_idx').on(t.subjectOrgId),
  ],
);

/** The dated steps of a case, each citing its decision; appended, never changed. */
export const inspectionCaseSteps = pgTable(
  'inspection_case_steps',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id').notNull(),
    kind: text('kind').$type<CaseStepKind>().notNull(),
    occurredOn: date('occurred_on').notNull(),
    decision: jsonb('decision').$type<Decision>().notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdBy: integer('created_by'),
  },
  (t) => [index('inspection_case_steps_case_idx').on(t.caseId, t.occurredOn)],
);

/**
 * The register of denunciations and complaints: confidential. Seen only by the handling organisation's inspection
 * staff and the admin; who denounced, only by the accounts in `handlerUserIds`. Its stages are appended to `entries`.
 */
export const denunciations = pgTable(
  'denunciations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    handlingOrgId: integer('handling_org_id').notNull(),
    kind: text('kind').$type<DenunciationKind>().notNull(),
    receivedOn: date('received_on').notNull(),
    denouncer: jsonb('denouncer').$type<{ fullName: string; address: string; contact: string }>(),
    aboutKind: text('about_kind').$type<SubjectKind>().notNull(),
    aboutOrgId: integer('about_org_id'),
    aboutMemberId: integer('about_member_id'),
    aboutName: text('about_name').notNull(),
    content: text('content').notNull(),
    stage: text('stage').$type<DenunciationStage>().notNull().default('received'),
    caseId: integer('case_id').references(() => inspectionCases.id),
    handlerUserIds: jsonb('handler_user_ids').$type<number[]>().notNull().default([]),
    entries: jsonb('entries').$type<{ stage: DenunciationStage; occurredOn: string; text: string; by: string }[]>().notNull().default([]),
    version: version(),
    ...timestamps,
  },
  (t) => [index('denunciations_handling_idx').on(t.handlingOrgId, t.receivedOn)],
);
