import { inTransaction, type Ctx } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { AppError, conflict, invalidField, notFound, notFoundField, staleVersion } from '../../errors.js';
import { isPathInScope } from '../../scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { findMember } from '../members/members.queries.js';
import { getOrgInScope } from '../orgs/orgs.service.js';
import { findOrg } from '../orgs/orgs.queries.js';
import { endSeat, findSeat, fullMemberCountOn, insertSeat, openSeatsOf, seatsOf } from './committees.queries.js';
import { checkSeatForCellSize } from './committees.rules.js';
import { ruleAt } from '../rulebook/rulebook.service.js';
import { committeePositionLabels, type CommitteeAppointment, type CommitteeEnd } from '../../../shared/committees.js';

/** Positions held by one person at a time in a committee. */
const singleSeats = new Set(['secretary']);

export async function listCommittee(ctx: Ctx, orgId: number, history: boolean) {
  if (ctx.actor.scope.kind === 'self') throw notFound('tổ chức đảng');
  await getOrgInScope(ctx, orgId);
  return seatsOf(ctx.db, orgId, { history });
}

/** Records a seat from its decision: the holder must be an active member of the organisation. */
export async function appointToCommittee(ctx: Ctx, orgId: number, input: CommitteeAppointment) {
  assertCan(ctx, 'committees.write');
  return inTransaction(ctx, async (tx) => {
    const org = await getOrgInScope(tx, orgId);
    if (!org.active) throw invalidField('orgId', `${org.name} đã kết thúc hoạt động.`);
    const member = await findMember(tx.db, input.memberId);
    // Absent and outside the actor's scope read the same (404); inside the scope, the rule names what is wrong.
    if (!member || !isPathInScope(tx.actor.scope, member.orgPath)) throw notFoundField('memberId', 'đảng viên');
    if (!['probationary', 'full'].includes(member.status) || !isPathInScope({ kind: 'subtree', orgId: org.id, path: org.path }, member.orgPath))
      throw invalidField('memberId', 'Cấp ủy viên phải là đảng viên đang sinh hoạt trong tổ chức này.');
    if (member.status !== 'full')
      throw invalidField(
        'memberId',
        'Cấp ủy viên phải là đảng viên chính thức: đảng viên dự bị không có quyền ứng cử vào cơ quan lãnh đạo của Đảng (Điều lệ Đảng 2011, Điều 5).',
      );
    if (input.decision.date > input.startOn) throw invalidField('startOn', 'Ngày nhận nhiệm vụ không được trước ngày quyết định.');
    const committeeMin = await ruleAt<number>(tx, 'cell_committee_min_full_members', input.startOn);
    const sizeProblems = checkSeatForCellSize({
      orgKind: org.kind,
      position: input.position,
      fullMembers: await fullMemberCountOn(tx.db, orgId, input.startOn),
      committeeMin,
    });
    const [problem] = sizeProblems;
    if (problem)
      throw new AppError('RULE_VIOLATION', problem.message, [{ field: problem.field, message: problem.message }], {
        name: problem.rule,
        source: problem.source,
      });
    const open = await openSeatsOf(tx.db, orgId);
    if (open.some((s) => s.memberId === input.memberId && s.position === input.position))
      throw conflict('Đảng viên này đang giữ chức vụ đó trong cấp ủy.', 'memberId');
    if (singleSeats.has(input.position) && open.some((s) => s.position === input.position))
      throw conflict(`${committeePositionLabels[input.position]} hiện tại chưa kết thúc nhiệm vụ: hãy ghi ngày kết thúc trước khi ghi người mới.`, 'position');
    const row = await insertSeat(tx.db, {
      orgId,
      memberId: input.memberId,
      position: input.position,
      term: input.term.replace(/\s*[–-]\s*/, '–'),
      startOn: input.startOn,
      decision: input.decision,
    });
    await recordAudit(tx, [{ entity: 'org', entityId: orgId, action: 'committee:appoint', after: row }]);
    return row;
  });
}

/** Ends a seat on a date citing its decision; the seat stays in the committee's history. */
export async function endCommitteeSeat(ctx: Ctx, seatId: number, input: CommitteeEnd) {
  assertCan(ctx, 'committees.write');
  return inTransaction(ctx, async (tx) => {
    const seat = await findSeat(tx.db, seatId);
    const org = seat ? await findOrg(tx.db, seat.orgId) : undefined;
    // A seat outside the scope answers exactly as one that does not exist.
    if (!seat || !org || !isPathInScope(tx.actor.scope, org.path)) throw notFound('chức vụ trong cấp ủy');
    if (seat.endOn) throw conflict('Chức vụ này đã kết thúc.');
    if (seat.version !== input.version) throw staleVersion('Cấp ủy');
    if (input.endOn < seat.startOn) throw invalidField('endOn', 'Ngày kết thúc không được trước ngày nhận nhiệm vụ.');
    const after = await endSeat(tx.db, seatId, input.version, { endOn: input.endOn, endDecision: input.decision, endReason: input.reason ?? null });
    if (!after) throw staleVersion('Cấp ủy');
    await recordAudit(tx, [{ entity: 'org', entityId: seat.orgId, action: 'committee:end', before: seat, after, reason: input.reason }]);
    return after;
  });
}
