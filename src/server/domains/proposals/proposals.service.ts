import { inTransaction, type Ctx } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { invalidField, notFound, notFoundField, staleVersion } from '../../errors.js';
import { isPathInScope } from '../../scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrg } from '../orgs/orgs.queries.js';
import { findMeeting } from '../meetings/meetings.queries.js';
import { findProposal, insertProposal, proposalsOf, updateProposal, type ProposalView } from './proposals.queries.js';
import type { ProposalAnswer, ProposalCreate, ProposalListQuery, ProposalUpdate } from '../../../shared/targets.js';

const PROPOSAL = 'kiến nghị';

function present(row: ProposalView) {
  const { fromOrgPath: _f, toOrgPath: _t, ...rest } = row;
  return rest;
}

const seenFrom = (ctx: Ctx, row: ProposalView) =>
  isPathInScope(ctx.actor.scope, row.fromOrgPath) || (row.toOrgPath !== null && isPathInScope(ctx.actor.scope, row.toOrgPath));

/** Proposals sent by the organisation's subtree and/or received from below, as its scope sees them. */
export async function listProposals(ctx: Ctx, query: ProposalListQuery) {
  const scope = ctx.actor.scope;
  if (scope.kind === 'self') throw notFound(PROPOSAL);
  let path: string | null = scope.kind === 'subtree' ? scope.path : null;
  if (query.orgId) {
    const org = await findOrg(ctx.db, query.orgId);
    if (!org || !isPathInScope(scope, org.path)) throw notFoundField('orgId', 'tổ chức đảng');
    path = org.path;
  }
  const rows = await proposalsOf(ctx.db, scope, { path, direction: query.direction ?? 'all', year: query.year });
  return { items: rows.map(present) };
}

export async function getProposal(ctx: Ctx, id: number) {
  if (ctx.actor.scope.kind === 'self') throw notFound(PROPOSAL);
  const row = await findProposal(ctx.db, id);
  if (!row || !seenFrom(ctx, row)) throw notFound(PROPOSAL);
  return present(row);
}

/**
 * The meeting that agreed a proposal: one the writer may see (else refused as if it did not exist), of the sending
 * organisation, held, and on or before the day the proposal was sent.
 */
async function checkAgreeingMeeting(ctx: Ctx, meetingId: number, from: { id: number; name: string }, sentOn: string): Promise<void> {
  const meeting = await findMeeting(ctx.db, meetingId);
  if (!meeting || !isPathInScope(ctx.actor.scope, meeting.orgPath)) throw notFoundField('meetingId', 'cuộc họp');
  if (meeting.orgId !== from.id) throw invalidField('meetingId', `Cuộc họp thống nhất kiến nghị phải là cuộc họp của ${from.name}.`);
  if (meeting.status !== 'held') throw invalidField('meetingId', 'Cuộc họp thống nhất kiến nghị phải là cuộc họp đã được ghi nhận là đã họp.');
  if (meeting.meetingOn > sentOn) throw invalidField('meetingId', 'Cuộc họp thống nhất kiến nghị phải diễn ra trước hoặc trong ngày gửi kiến nghị.');
}

/** A proposal goes up: the addressee in the deployment is one of the sender's upper organisations. */
export async function createProposal(ctx: Ctx, input: ProposalCreate) {
  assertCan(ctx, 'proposals.write');
  return inTransaction(ctx, async (tx) => {
    const from = await findOrg(tx.db, input.fromOrgId);
    if (!from || !isPathInScope(tx.actor.scope, from.path)) throw notFoundField('fromOrgId', 'tổ chức đảng');
    if (input.toOrgId !== null) {
      // The sender's upper organisations are named by its path: an id outside it is refused without saying what it is.
      if (input.toOrgId === from.id || !from.path.includes(`/${input.toOrgId}/`))
        throw invalidField('toOrgId', 'Kiến nghị gửi lên cấp trên: nơi nhận phải là một tổ chức đảng cấp trên của tổ chức gửi.');
    }
    if (input.meetingId !== null) await checkAgreeingMeeting(tx, input.meetingId, from, input.sentOn);
    const row = await insertProposal(tx.db, { ...input, status: 'sent' });
    await recordAudit(tx, [{ entity: 'proposal', entityId: row.id, action: 'create', after: row }]);
    return getProposal(tx, row.id);
  });
}

/** The sender corrects what it sent (content, date, addressee, meeting, notes): exactly the fields given. */
export async function changeProposal(ctx: Ctx, id: number, input: ProposalUpdate) {
  assertCan(ctx, 'proposals.write');
  return inTransaction(ctx, async (tx) => {
    const before = await findProposal(tx.db, id);
    if (!before || !isPathInScope(tx.actor.scope, before.fromOrgPath)) throw notFound(PROPOSAL);
    if (before.version !== input.version) throw staleVersion('Kiến nghị');
    const { version, ...changes } = input;
    if (changes.sentOn && before.answeredOn && changes.sentOn > before.answeredOn)
      throw invalidField('sentOn', 'Ngày gửi kiến nghị không được sau ngày trả lời.');
    const meetingId = changes.meetingId === undefined ? before.meetingId : changes.meetingId;
    if (meetingId !== null && (changes.meetingId !== undefined || changes.sentOn !== undefined))
      await checkAgreeingMeeting(tx, meetingId, { id: before.fromOrgId, name: before.fromOrgName }, changes.sentOn ?? before.sentOn);
    const after = await updateProposal(tx.db, id, version, changes);
    if (!after) throw staleVersion('Kiến nghị');
    await recordAudit(tx, [{ entity: 'proposal', entityId: id, action: 'update', before, after }]);
    return getProposal(tx, id);
  });
}

/** The answer (or a later stage: accepted, declined, in progress), recorded by the receiving side or by the sender. */
export async function answerProposal(ctx: Ctx, id: number, input: ProposalAnswer) {
  assertCan(ctx, 'proposals.write');
  return inTransaction(ctx, async (tx) => {
    const before = await findProposal(tx.db, id);
    if (!before || !seenFrom(tx, before)) throw notFound(PROPOSAL);
    if (before.version !== input.version) throw staleVersion('Kiến nghị');
    if (input.answeredOn < before.sentOn) throw invalidField('answeredOn', 'Ngày trả lời không được trước ngày gửi kiến nghị.');
    if (input.answerDocument && input.answerDocument.date > input.answeredOn)
      throw invalidField('answerDocument.date', 'Văn bản trả lời không được ký sau ngày trả lời.');
    const after = await updateProposal(tx.db, id, input.version, {
      status: input.status,
      answeredOn: input.answeredOn,
      answerDocument: input.answerDocument,
      answerText: input.answerText,
    });
    if (!after) throw staleVersion('Kiến nghị');
    await recordAudit(tx, [{ entity: 'proposal', entityId: id, action: `answer:${input.status}`, before, after }]);
    return getProposal(tx, id);
  });
}
