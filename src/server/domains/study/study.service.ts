import { inTransaction, type Ctx } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { conflict, forbidden, invalidField, notFound, notFoundField } from '../../errors.js';
import { isPathInScope } from '../../scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { findMember } from '../members/members.queries.js';
import { findOrg } from '../orgs/orgs.queries.js';
import { orgInScope } from '../members/members.service.js';
import { findMeeting } from '../meetings/meetings.queries.js';
import {
  coverageMembers,
  documentsFor,
  documentWithOrg,
  insertDocument,
  insertRequirement,
  insertSelfStudy,
  insertSession,
  setDocumentFile,
  membersUnderOn,
  myStudy,
  requirementById,
  requirementOf,
  requirementsForDocument,
  sessionById,
  sessionsUnder,
} from './study.queries.js';
import { checkDocumentIssuer, checkRequirementDeadline, checkSessionDate, summariseCoverage } from './study.rules.js';
import type {
  PartyDocumentCreate,
  PartyDocumentListQuery,
  SelfStudyCreate,
  StudyCoverage,
  StudyRequirementCreate,
  StudySessionCreate,
  StudyStatus,
} from '../../../shared/study.js';
import { todayIso } from '../../../shared/dates.js';
import { getStoredFile, storeFile, type FileUpload } from '../files/files.service.js';
import { staleVersion } from '../../errors.js';

const DOCUMENT = 'văn bản';

/** The path documents are read from: the scope's organisation, or the member's own organisation. */
async function readerPath(ctx: Ctx): Promise<string> {
  const scope = ctx.actor.scope;
  if (scope.kind === 'all') return '';
  if (scope.kind === 'subtree') return scope.path;
  const member = await findMember(ctx.db, scope.memberId);
  // A member reads the documents registered above their organisation only (never a sibling's): the path's own prefix.
  return member?.orgPath ?? '/none/';
}

/** A document the actor may read (registered in the scope or above it), or 404. */
async function visibleDocument(ctx: Ctx, id: number, field?: string) {
  const document = await documentWithOrg(ctx.db, id);
  const path = await readerPath(ctx);
  const visible = document && (path === '' || (ctx.actor.scope.kind !== 'self' && document.orgPath.startsWith(path)) || path.startsWith(document.orgPath));
  if (!document || !visible) throw field ? notFoundField(field, DOCUMENT) : notFound(DOCUMENT);
  return document;
}

/**
 * Documents another record links to (a meeting's documents discussed): each must be one the actor may read, or the
 * whole request is refused with a 404 naming the field (the same answer as an id that does not exist).
 */
export async function assertDocumentsReadable(ctx: Ctx, ids: readonly number[], field = 'documentIds'): Promise<void> {
  for (const id of new Set(ids)) await visibleDocument(ctx, id, field);
}

export async function listDocuments(ctx: Ctx, query: PartyDocumentListQuery) {
  let path = await readerPath(ctx);
  if (query.orgId) path = (await orgInScope(ctx, query.orgId)).path;
  const { items, total } = await documentsFor(ctx.db, { path, selfOnly: ctx.actor.scope.kind === 'self', kind: query.kind, year: query.year }, query);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function getDocument(ctx: Ctx, id: number) {
  const { orgPath: _path, ...document } = await visibleDocument(ctx, id);
  return document;
}

/** Registers a document in the library of an organisation in scope. */
export async function createDocument(ctx: Ctx, input: PartyDocumentCreate) {
  assertCan(ctx, 'documents.write');
  return inTransaction(ctx, async (tx) => {
    const org = await orgInScope(tx, input.orgId);
    const issuer = input.issuerOrgId ? await findOrg(tx.db, input.issuerOrgId) : undefined;
    if (input.issuerOrgId && !issuer) throw notFoundField('issuerOrgId', 'tổ chức ban hành');
    const [problem] = checkDocumentIssuer({ kind: input.kind, issuerLevel: input.issuerLevel, issuerOrgId: input.issuerOrgId, orgId: org.id });
    if (problem) throw invalidField(problem.field, problem.message);
    if (input.issuedOn > todayIso(tx.now())) throw invalidField('issuedOn', 'Ngày ban hành: văn bản chưa thể ban hành sau ngày hôm nay.');
    const row = await insertDocument(tx.db, {
      ...input,
      issuerOrgId: input.issuerLevel === 'own_committee' ? org.id : input.issuerOrgId,
    });
    await recordAudit(tx, [{ entity: 'party_document', entityId: row.id, action: 'create', after: row }]);
    return getDocument(tx, row.id);
  });
}

/**
 * Attaches the document's file (PDF or .docx, checked by content and size in the stored-files module). Once only: the
 * file is part of the record, so a wrong one is corrected by registering the document again, not by overwriting.
 */
export async function attachDocumentFile(ctx: Ctx, id: number, version: number, upload: Omit<FileUpload, 'purpose'>) {
  assertCan(ctx, 'documents.write');
  const document = await visibleDocument(ctx, id);
  // Writing needs the registering organisation in the scope (reading reaches the documents above it too).
  if (!isPathInScope(ctx.actor.scope, document.orgPath)) throw notFound(DOCUMENT);
  if (document.fileId !== null) throw conflict(`Văn bản ${document.code} đã có tệp đính kèm.`, 'file');
  if (document.version !== version) throw staleVersion('Văn bản');
  return inTransaction(ctx, async (tx) => {
    const file = await storeFile(tx, { ...upload, purpose: 'party_document' });
    const after = await setDocumentFile(tx.db, id, version, file.id);
    if (!after) throw staleVersion('Văn bản');
    await recordAudit(tx, [{ entity: 'party_document', entityId: id, action: 'attach_file', after: { fileId: file.id, sha256: file.sha256 } }]);
    return getDocument(tx, id);
  });
}

/** The document's stored file, for download: readable wherever the document is. */
export async function documentFile(ctx: Ctx, id: number) {
  const document = await visibleDocument(ctx, id);
  if (document.fileId === null) throw notFound('tệp của văn bản');
  return { row: await getStoredFile(ctx, document.fileId), downloadName: document.fileName ?? `${document.code}` };
}

export async function listRequirements(ctx: Ctx, documentId: number) {
  await visibleDocument(ctx, documentId);
  // Requirements set in the scope, or above it (which the scope's members must meet).
  const rows = await requirementsForDocument(ctx.db, documentId, await readerPath(ctx), ctx.actor.scope.kind === 'self');
  return { items: rows.map(({ orgPath: _p, ...r }) => r) };
}

/** Every member under `orgId` is to study the document by the deadline. */
export async function createRequirement(ctx: Ctx, documentId: number, input: StudyRequirementCreate) {
  assertCan(ctx, 'documents.write');
  return inTransaction(ctx, async (tx) => {
    const document = await visibleDocument(tx, documentId);
    const org = await orgInScope(tx, input.orgId);
    if (!org.path.startsWith(document.orgPath))
      throw invalidField('orgId', `Tổ chức đảng: văn bản ${document.code} được đăng ký tại ${document.orgName}, chỉ yêu cầu học tập trong phạm vi tổ chức đó.`);
    const [problem] = checkRequirementDeadline({ issuedOn: document.issuedOn, deadline: input.deadline });
    if (problem) throw invalidField(problem.field, problem.message);
    if (await requirementOf(tx.db, documentId, org.id)) throw conflict(`Đã có yêu cầu học tập văn bản ${document.code} cho ${org.name}.`, 'orgId');
    const row = await insertRequirement(tx.db, { documentId, orgId: org.id, deadline: input.deadline, note: input.note });
    await recordAudit(tx, [{ entity: 'party_document', entityId: documentId, action: 'study:require', after: row }]);
    const { orgPath: _p, ...requirement } = (await requirementById(tx.db, row.id))!;
    return requirement;
  });
}

export async function listSessions(ctx: Ctx, query: { orgId?: number; documentId?: number }) {
  const scope = ctx.actor.scope;
  if (scope.kind === 'self') throw notFound('hội nghị học tập');
  const path = query.orgId ? (await orgInScope(ctx, query.orgId)).path : scope.kind === 'subtree' ? scope.path : '';
  return { items: await sessionsUnder(ctx.db, path, query.documentId) };
}

/**
 * A study session with its documents and who attended. Attendees must be members under the organisation on the
 * session's day (from the membership periods): anyone else is refused by name, nothing written.
 */
export async function createSession(ctx: Ctx, input: StudySessionCreate) {
  assertCan(ctx, 'study.record');
  return inTransaction(ctx, async (tx) => {
    const org = await orgInScope(tx, input.orgId);
    if (input.meetingId !== null) await checkSessionMeeting(tx, input.meetingId, org);
    const documents = [];
    for (const id of new Set(input.documentIds)) documents.push(await visibleDocument(tx, id, 'documentIds'));
    const [problem] = checkSessionDate({ heldOn: input.heldOn, today: todayIso(tx.now()), documents });
    if (problem) throw invalidField(problem.field, problem.message);
    const attendeeIds = [...new Set(input.attendeeIds)];
    const members = await membersUnderOn(tx.db, attendeeIds, org.path, input.heldOn);
    const strangers = attendeeIds.filter((id) => !members.has(id));
    if (strangers.length > 0) {
      const names = [];
      for (const id of strangers.slice(0, 5)) {
        const member = await findMember(tx.db, id);
        // Outside the scope a member is not named: the same 404 as one that does not exist.
        if (!member || !isPathInScope(tx.actor.scope, member.orgPath)) throw notFoundField('attendeeIds', 'đảng viên');
        names.push(member.fullName);
      }
      throw invalidField(
        'attendeeIds',
        `Người dự: ${names.join(', ')}${strangers.length > 5 ? '…' : ''} không phải đảng viên của ${org.name} vào ngày ${input.heldOn.split('-').reverse().join('/')} (theo quá trình sinh hoạt đảng).`,
      );
    }
    const row = await insertSession(
      tx.db,
      { orgId: org.id, kind: input.kind, heldOn: input.heldOn, meetingId: input.meetingId, title: input.title, place: input.place },
      documents.map((d) => d.id),
      attendeeIds,
    );
    await recordAudit(tx, [{ entity: 'org', entityId: org.id, action: 'study:session', after: { ...row, documentIds: input.documentIds, attendeeIds } }]);
    return (await sessionById(tx.db, row.id))!;
  });
}

/**
 * A session held at a cell meeting links that meeting: one in the actor's scope (else 404, as if it did not exist),
 * of the session's organisation or one under it, and held (a planned or cancelled meeting studied nothing).
 */
async function checkSessionMeeting(ctx: Ctx, meetingId: number, org: { path: string; name: string }) {
  const meeting = await findMeeting(ctx.db, meetingId);
  if (!meeting || !isPathInScope(ctx.actor.scope, meeting.orgPath)) throw notFoundField('meetingId', 'cuộc họp');
  if (!meeting.orgPath.startsWith(org.path))
    throw invalidField('meetingId', `Cuộc họp: buổi họp của ${meeting.orgName} không thuộc ${org.name}, tổ chức của hội nghị học tập.`);
  if (meeting.status !== 'held') throw invalidField('meetingId', 'Cuộc họp: chỉ gắn hội nghị học tập với buổi sinh hoạt đã được ghi nhận là đã họp.');
}

/** Self-study is confirmed by the member themself, signed in: nobody confirms it for them. */
export async function confirmSelfStudy(ctx: Ctx, input: SelfStudyCreate) {
  const scope = ctx.actor.scope;
  if (scope.kind !== 'self') throw forbidden('Chỉ đảng viên tự xác nhận việc tự học tập nghị quyết của mình (tài khoản đảng viên).');
  return inTransaction(ctx, async (tx) => {
    const document = await visibleDocument(tx, input.documentId, 'documentId');
    if (input.studiedOn < document.issuedOn) throw invalidField('studiedOn', 'Ngày tự học: không được trước ngày ban hành văn bản.');
    if (input.studiedOn > todayIso(tx.now())) throw invalidField('studiedOn', 'Ngày tự học: không được sau ngày hôm nay.');
    const already = await myStudy(tx.db, scope.memberId, todayIso(tx.now()));
    if (already.some((r) => r.documentId === input.documentId && r.status === 'self')) throw conflict('Bạn đã xác nhận tự học văn bản này.', 'documentId');
    const row = await insertSelfStudy(tx.db, { memberId: scope.memberId, documentId: input.documentId, studiedOn: input.studiedOn, userId: tx.actor.userId });
    await recordAudit(tx, [{ entity: 'member', entityId: scope.memberId, action: 'study:self', after: row }]);
    return row;
  });
}

export async function listMyStudy(ctx: Ctx) {
  const scope = ctx.actor.scope;
  if (scope.kind !== 'self') return { items: [] };
  return { items: await myStudy(ctx.db, scope.memberId, todayIso(ctx.now())) };
}

/** Coverage of one requirement, within the actor's scope: who is required, who studied (and how), who has not. */
export async function requirementCoverage(ctx: Ctx, requirementId: number, query: { asOf?: string; status?: StudyStatus }): Promise<StudyCoverage> {
  if (ctx.actor.scope.kind === 'self') throw notFound('yêu cầu học tập');
  const found = await requirementById(ctx.db, requirementId);
  const path = ctx.actor.scope.kind === 'all' ? '' : ctx.actor.scope.path;
  // Readable when set in the scope or above it: the scope's members are then required.
  if (!found || !(found.orgPath.startsWith(path) || path.startsWith(found.orgPath))) throw notFound('yêu cầu học tập');
  const { orgPath, ...requirement } = found;
  const today = todayIso(ctx.now());
  const asOf = query.asOf ?? (today < requirement.deadline ? today : requirement.deadline);
  const members = await coverageMembers(ctx.db, requirementId, asOf, orgPath.startsWith(path) ? orgPath : path);
  const summary = summariseCoverage(members);
  return { requirement, asOf, ...summary, members: query.status ? members.filter((m) => m.status === query.status) : members };
}
