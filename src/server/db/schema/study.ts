import { date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { PartyDocumentIssuerLevel, PartyDocumentKind, StudySessionKind } from '../../../shared/study.js';
import type { Decision } from '../../../shared/org.js';
import { timestamps, version } from './columns.js';
import { storedFiles } from './files.js';
import { meetings } from './meetings.js';

/**
 * The documents library (nghị quyết, chỉ thị, …): registered by an organisation (`org_id`, its scope), issued by the
 * Centre, the province, that organisation's own committee or another organisation of the tree. A thematic resolution
 * of the organisation itself is kind `thematic_resolution` (the seed's "7 thematic resolutions").
 */
export const partyDocuments = pgTable(
  'party_documents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id').notNull(),
    kind: text('kind').$type<PartyDocumentKind>().notNull(),
    code: text('code').notNull(),
    issuerLevel: text('issuer_level').$type<PartyDocumentIssuerLevel>().notNull(),
    issuerOrgId: integer('issuer_org_id'),
    issuerName: text('issuer_name').notNull(),
    issuedOn: date('issued_on').notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    /** The document's file (PDF or .docx) in the stored-files module; attached once, after registering. */
    fileId: integer('file_id').references(() => storedFiles.id),
    version: version(),
    ...timestamps,
  },
  (t) => [index('party_documents_org_idx').on(t.orgId, t.issuedOn), uniqueIndex('party_documents_code_idx').on(t.orgId, t.code, t.issuedOn)],
);

/** A document to be studied by every member under `org_id` by `deadline`. */
export const studyRequirements = pgTable(
  'study_requirements',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    documentId: integer('document_id')
      .notNull()
      .references(() => partyDocuments.id),
    orgId: integer('org_id').notNull(),
    deadline: date('deadline').notNull(),
    note: text('note'),
    ...timestamps,
  },
  (t) => [index('study_requirements_org_idx').on(t.orgId, t.deadline), uniqueIndex('study_requirements_doc_org_idx').on(t.documentId, t.orgId)],
);

/** A study session: a conference or a cell meeting (then `meeting_id`, a meeting of the meetings module). */
export const studySessions = pgTable(
  'study_sessions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id').notNull(),
    kind: text('kind').$type<StudySessionKind>().notNull(),
    heldOn: date('held_on').notNull(),
    /** The cell meeting it was held at; the meetings table was not in the merged branch yet: the lead adds the FK. */
    meetingId: integer('meeting_id').references(() => meetings.id),
    title: text('title').notNull(),
    place: text('place'),
    ...timestamps,
  },
  (t) => [index('study_sessions_org_idx').on(t.orgId, t.heldOn)],
);

export const studySessionDocuments = pgTable(
  'study_session_documents',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => studySessions.id),
    documentId: integer('document_id')
      .notNull()
      .references(() => partyDocuments.id),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.documentId] }), index('study_session_documents_doc_idx').on(t.documentId)],
);

/** Who attended a study session (only those present are recorded: they studied the session's documents). */
export const studyAttendance = pgTable(
  'study_attendance',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => studySessions.id),
    memberId: integer('member_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.memberId] }), index('study_attendance_member_idx').on(t.memberId)],
);

/** Self-study confirmed by the member themself (signed in), kept apart from session attendance. */
export const selfStudyConfirmations = pgTable(
  'self_study_confirmations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id').notNull(),
    documentId: integer('document_id')
      .notNull()
      .references(() => partyDocuments.id),
    studiedOn: date('studied_on').notNull(),
    userId: integer('user_id'),
    ...timestamps,
  },
  (t) => [uniqueIndex('self_study_member_doc_idx').on(t.memberId, t.documentId), index('self_study_doc_idx').on(t.documentId)],
);

/** A committee's term (nhiệm kỳ) at an organisation, opened by its congress (đại hội). */
export const committeeTerms = pgTable(
  'committee_terms',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id').notNull(),
    /** '2025–2030', as on committee seats. */
    term: text('term').notNull(),
    congressOn: date('congress_on').notNull(),
    delegates: integer('delegates').notNull(),
    /** How many were elected to the committee at the congress (the seats list who). */
    electedCount: integer('elected_count').notNull(),
    decision: jsonb('decision').$type<Decision>().notNull(),
    note: text('note'),
    version: version(),
    ...timestamps,
  },
  (t) => [uniqueIndex('committee_terms_org_term_idx').on(t.orgId, t.term)],
);

/** Filling (bổ sung) or re-forming (kiện toàn) a committee within a term: a dated event citing its decision. */
export const committeeReforms = pgTable(
  'committee_reforms',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id').notNull(),
    termId: integer('term_id').references(() => committeeTerms.id),
    kind: text('kind').$type<'supplement' | 'reform'>().notNull(),
    occurredOn: date('occurred_on').notNull(),
    decision: jsonb('decision').$type<Decision>().notNull(),
    note: text('note'),
    ...timestamps,
  },
  (t) => [index('committee_reforms_org_idx').on(t.orgId, t.occurredOn), index('committee_reforms_date_idx').on(t.occurredOn)],
);
