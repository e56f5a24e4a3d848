import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Decision } from '../../../shared/org.js';
import type { PlanEndKind, ProposalStatus, TargetComparison, TargetMeasure, TargetSource, TaskStatus } from '../../../shared/targets.js';
import { timestamps, version } from './columns.js';
import { meetings } from './meetings.js';

/** How a target or task left its organisation: carried to a successor or closed, on a day, by an org event or by hand. */
const planEnd = {
  endKind: text('end_kind').$type<PlanEndKind>(),
  endedOn: date('ended_on'),
  endReason: text('end_reason'),
  /** The organisation's lifecycle event (merge, split…) that ended it, when it did. */
  endEventId: integer('end_event_id'),
  carriedFromId: integer('carried_from_id'),
  carriedToId: integer('carried_to_id'),
};

/** A year's target of an organisation (chỉ tiêu): bound to a metric of the catalogue, or entered by hand. */
export const targets = pgTable(
  'targets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    source: text('source').$type<TargetSource>().notNull(),
    metricName: text('metric_name'),
    partKeys: jsonb('part_keys').$type<string[]>(),
    measure: text('measure').$type<TargetMeasure>().notNull(),
    comparison: text('comparison').$type<TargetComparison>().notNull(),
    value: doublePrecision('value').notNull(),
    adoptedBy: text('adopted_by'),
    notes: text('notes'),
    manualValue: doublePrecision('manual_value'),
    manualAsOf: date('manual_as_of'),
    evidence: text('evidence'),
    /** Organisations whose records still count after a carry (the predecessors), besides `org_id`. */
    scopeOrgIds: jsonb('scope_org_ids').$type<number[]>().notNull().default([]),
    ...planEnd,
    version: version(),
    ...timestamps,
  },
  (t) => [index('targets_org_year_idx').on(t.orgId, t.year)],
);

/** Tasks and solutions (nhiệm vụ, giải pháp) of an organisation's year. */
export const tasks = pgTable(
  'tasks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id').notNull(),
    year: integer('year').notNull(),
    text: text('text').notNull(),
    owner: text('owner'),
    dueOn: date('due_on'),
    status: text('status').$type<TaskStatus>().notNull(),
    notes: text('notes'),
    ...planEnd,
    version: version(),
    ...timestamps,
  },
  (t) => [index('tasks_org_year_idx').on(t.orgId, t.year)],
);

/** Whether an agency unit (its grassroots organisation) met the culture standard in a year. */
export const cultureStandardRecords = pgTable(
  'culture_standard_records',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id').notNull(),
    year: integer('year').notNull(),
    met: boolean('met').notNull(),
    evidence: text('evidence').notNull(),
    recordedOn: date('recorded_on').notNull(),
    version: version(),
    ...timestamps,
  },
  (t) => [uniqueIndex('culture_standard_records_org_year_key').on(t.orgId, t.year)],
);

/**
 * A proposal sent to the upper level (kiến nghị, đề xuất) and its answer. The meeting that agreed it is an id without
 * a foreign key (meetings are recorded by their own module) and/or free text.
 */
export const proposals = pgTable(
  'proposals',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    fromOrgId: integer('from_org_id').notNull(),
    toOrgId: integer('to_org_id'),
    content: text('content').notNull(),
    sentOn: date('sent_on').notNull(),
    addressee: text('addressee').notNull(),
    meetingId: integer('meeting_id').references(() => meetings.id),
    meetingText: text('meeting_text'),
    notes: text('notes'),
    status: text('status').$type<ProposalStatus>().notNull().default('sent'),
    answeredOn: date('answered_on'),
    answerDocument: jsonb('answer_document').$type<Decision>(),
    answerText: text('answer_text'),
    version: version(),
    ...timestamps,
  },
  (t) => [index('proposals_from_idx').on(t.fromOrgId, t.sentOn), index('proposals_to_idx').on(t.toOrgId, t.sentOn)],
);
