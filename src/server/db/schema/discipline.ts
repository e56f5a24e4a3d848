import { date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type {
  AppealOutcome,
  NoticeIssuerKind,
  OffenceGroup,
  SanctionEffectKind,
  SanctionForm,
  SanctionState,
  SanctionSubjectKind,
} from '../../../shared/discipline-kinds.js';
import type { Decision } from '../../../shared/org.js';
import { byteText, timestamps, version } from './columns.js';
import { inspectionCases } from './inspection.js';

/**
 * A discipline record (kỷ luật): proposed, then decided by a body, for an organisation or a member. Never deleted:
 * a withdrawn proposal keeps its row, an appeal's outcome is a row of `sanction_appeals`.
 */
export const sanctions = pgTable(
  'sanctions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    subjectKind: text('subject_kind').$type<SanctionSubjectKind>().notNull(),
    /** The organisation disciplined, or the member's organisation on the offence date: the record's scope. */
    orgId: integer('org_id').notNull(),
    orgPath: byteText('org_path').notNull(),
    memberId: integer('member_id'),
    /** The inspection case it came from (issue #12 point 1); the foreign key is added when both land. */
    caseId: integer('case_id').references(() => inspectionCases.id),
    offenceGroup: text('offence_group').$type<OffenceGroup>().notNull(),
    offence: text('offence').notNull(),
    offenceOn: date('offence_on').notNull(),
    /** A later offence restarts the limitation clock (69-QĐ/TW). */
    laterOffenceOn: date('later_offence_on'),
    state: text('state').$type<SanctionState>().notNull(),
    proposedForm: text('proposed_form').$type<SanctionForm>().notNull(),
    proposedOn: date('proposed_on').notNull(),
    proposedBy: text('proposed_by').notNull(),
    /** The deciding body: an organisation of the tree (its committee or inspection commission). */
    decidingOrgId: integer('deciding_org_id'),
    decidingBody: text('deciding_body'),
    form: text('form').$type<SanctionForm>(),
    decision: jsonb('decision').$type<Decision>(),
    effectiveOn: date('effective_on'),
    /** The limitation rule the decision was checked against (name, value, source), kept with the record. */
    limitationCheck: jsonb('limitation_check').$type<Record<string, unknown>>(),
    withdrawnOn: date('withdrawn_on'),
    withdrawnReason: text('withdrawn_reason'),
    version: version(),
    ...timestamps,
  },
  (t) => [
    index('sanctions_scope_idx').on(t.orgPath, t.effectiveOn),
    index('sanctions_member_idx').on(t.memberId),
    index('sanctions_org_idx').on(t.orgId),
    index('sanctions_case_idx').on(t.caseId),
  ],
);

/** What a sanction did to other records, each as that workflow's dated event, and what undid it. */
export const sanctionEffects = pgTable(
  'sanction_effects',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sanctionId: integer('sanction_id').notNull(),
    kind: text('kind').$type<SanctionEffectKind>().notNull(),
    occurredOn: date('occurred_on').notNull(),
    /** The membership event, committee seat or organisation event written. */
    refId: integer('ref_id').notNull(),
    /** The effect that undid this one (an annulment's). */
    undoneByEffectId: integer('undone_by_effect_id'),
    appealId: integer('appeal_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdBy: integer('created_by'),
  },
  (t) => [index('sanction_effects_sanction_idx').on(t.sanctionId)],
);

/** An appeal against a decided sanction (khiếu nại kỷ luật): received, due, decided. */
export const sanctionAppeals = pgTable(
  'sanction_appeals',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sanctionId: integer('sanction_id').notNull(),
    orgPath: byteText('org_path').notNull(),
    receivedOn: date('received_on').notNull(),
    appellant: text('appellant').notNull(),
    content: text('content').notNull(),
    /** Filed within the period the rulebook allows after the decision (checked at receipt). */
    filingDeadlineOn: date('filing_deadline_on').notNull(),
    /** By when the body handling it must decide. */
    dueOn: date('due_on').notNull(),
    handlingBody: text('handling_body').notNull(),
    rulesApplied: jsonb('rules_applied').$type<Record<string, unknown>>().notNull().default({}),
    outcome: text('outcome').$type<AppealOutcome>(),
    decidedOn: date('decided_on'),
    decision: jsonb('decision').$type<Decision>(),
    /** The form that replaces the sanction's when the outcome is `changed`. */
    newForm: text('new_form').$type<SanctionForm>(),
    outcomeReason: text('outcome_reason'),
    version: version(),
    ...timestamps,
  },
  (t) => [index('sanction_appeals_sanction_idx').on(t.sanctionId), index('sanction_appeals_scope_idx').on(t.orgPath, t.receivedOn)],
);

/** A state body's or mass organisation's discipline of a party member, reported to the party (296-QĐ/TW, 5 days). */
export const disciplineNotices = pgTable(
  'discipline_notices',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id').notNull(),
    orgId: integer('org_id').notNull(),
    orgPath: byteText('org_path').notNull(),
    issuerKind: text('issuer_kind').$type<NoticeIssuerKind>().notNull(),
    issuer: text('issuer').notNull(),
    measure: text('measure').notNull(),
    decision: jsonb('decision').$type<Decision>().notNull(),
    /** Due within the rulebook's days of the decision; late ones go on the radar until received. */
    dueOn: date('due_on').notNull(),
    receivedOn: date('received_on'),
    rulesApplied: jsonb('rules_applied').$type<Record<string, unknown>>().notNull().default({}),
    note: text('note'),
    version: version(),
    ...timestamps,
  },
  (t) => [index('discipline_notices_scope_idx').on(t.orgPath, t.dueOn), index('discipline_notices_member_idx').on(t.memberId)],
);
