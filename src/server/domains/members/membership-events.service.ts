import { inTransaction, type Ctx } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { conflict, invalidField, notFoundField, staleVersion } from '../../errors.js';
import { isPathInScope } from '../../scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrg } from '../orgs/orgs.queries.js';
import { eventsOf, insertMembershipEvent, lastEventDate, startPeriod, updateMemberRow } from './members.queries.js';
import { applyTransition } from './members.rules.js';
import { openContactLoss } from '../exits/exits.rules.js';
import { viDate } from '../rulebook/rule-violation.rules.js';
import { assertMemberHoldingOrg, memberInScopeOr404, presentMember } from './members.service.js';
import { memberStatuses, type DirectMembershipEventInput, type MemberStatus, type MembershipEventInput } from '../../../shared/member.js';

export interface RecordEventOptions {
  /** The version the caller saw; a stale one is a conflict (two confirmations at once: one wins). */
  expectedVersion?: number;
  /** Reorganisation moves members into an organisation the actor's scope already covers by the event itself. */
  skipTargetScopeCheck?: boolean;
}

/**
 * The only way a member's status or organisation changes: a dated event citing its decision, which closes
 * the current membership period and opens the next. Workflows (admission, transfer, exit) call this.
 */
export async function recordMembershipEvent(ctx: Ctx, memberId: number, input: MembershipEventInput, options: RecordEventOptions = {}) {
  return inTransaction(ctx, async (tx) => {
    const member = await memberInScopeOr404(tx, memberId);
    if (options.expectedVersion !== undefined && member.version !== options.expectedVersion) throw staleVersion('Hồ sơ đảng viên');
    const returning = input.details.status as MemberStatus | undefined;
    if (returning !== undefined && !memberStatuses.includes(returning)) throw invalidField('details.status', 'Tình trạng không hợp lệ.');
    const transition = applyTransition(input.kind, member.status, returning);
    if (!transition.ok) throw conflict(transition.message, 'kind');
    const last = await lastEventDate(tx.db, memberId);
    if (last && input.occurredOn < last) throw invalidField('occurredOn', 'Ngày biến động không được sớm hơn biến động gần nhất của đảng viên.');
    if (input.decision.date > input.occurredOn && input.kind !== 'death') throw invalidField('decision.date', 'Ngày quyết định không được sau ngày biến động.');

    let toOrg = null;
    if (transition.movesOrg) {
      if (!input.toOrgId) throw invalidField('toOrgId', 'Phải chọn tổ chức đảng nơi đảng viên chuyển đến.');
      toOrg = await findOrg(tx.db, input.toOrgId);
      // Absent and outside the scope read the same, whatever the kind of event.
      if (!toOrg || (!options.skipTargetScopeCheck && !isPathInScope(tx.actor.scope, toOrg.path)))
        throw notFoundField('toOrgId', 'tổ chức đảng nơi chuyển đến');
      await assertMemberHoldingOrg(toOrg, 'toOrgId');
      // Coming back (from outside, or readmitted after leaving) may well be into the cell the member left.
      const returning = input.kind === 'transfer_in' || input.kind === 'readmission';
      if (toOrg.id === member.orgId && !returning) throw invalidField('toOrgId', 'Tổ chức chuyển đến trùng với tổ chức hiện tại.');
    }

    const eventId = await insertMembershipEvent(tx.db, {
      memberId,
      kind: input.kind,
      occurredOn: input.occurredOn,
      decision: input.decision,
      fromOrgId: member.orgId,
      toOrgId: toOrg?.id ?? null,
      statusAfter: transition.status,
      reason: input.reason ?? null,
      // A confirmation overwrites the confirmation date (a readmitted member keeps the old one until then): keep it, so
      // that annulling the confirmation gives it back.
      details: input.kind === 'confirmation' ? { ...input.details, previousConfirmedOn: member.confirmedOn } : input.details,
      createdBy: tx.actor.userId,
    });
    const changesState = toOrg !== null || transition.status !== member.status;
    if (changesState) await startPeriod(tx.db, memberId, { orgId: toOrg?.id ?? member.orgId, status: transition.status, validFrom: input.occurredOn, eventId });

    const after = await updateMemberRow(tx.db, memberId, member.version, {
      status: transition.status,
      ...(toOrg ? { orgId: toOrg.id, orgPath: toOrg.path } : {}),
      ...(input.kind === 'confirmation' ? { confirmedOn: (input.details.fullFrom as string | undefined) ?? input.occurredOn } : {}),
    });
    if (!after) throw staleVersion('Hồ sơ đảng viên');
    await recordAudit(tx, [
      {
        entity: 'member',
        entityId: memberId,
        action: `event:${input.kind}`,
        before: { status: member.status, orgId: member.orgId },
        after: { status: after.status, orgId: after.orgId, eventId, decision: input.decision, occurredOn: input.occurredOn },
        reason: input.reason,
      },
    ]);
    return { eventId, member: presentMember({ ...after, orgName: toOrg?.name ?? member.orgName }) };
  });
}

/**
 * The membership events no workflow records (loss of contact and its end), through `POST /members/{id}/events`.
 * Admission, confirmation, transfers, reorganisation, strike-off, withdrawal, death, readmission and expulsion (a
 * discipline decision: discipline.service) each have their own route with their own rules; this route does not take them.
 */
export async function recordDirectMembershipEvent(ctx: Ctx, memberId: number, input: DirectMembershipEventInput) {
  assertCan(ctx, 'members.write');
  return inTransaction(ctx, async (tx) => {
    // The scope check comes first: a member outside it answers 404 before any rule.
    await memberInScopeOr404(tx, memberId);
    const lostSince = openContactLoss(await eventsOf(tx.db, memberId));
    if (input.kind === 'contact_lost' && lostSince)
      throw conflict(`Đảng viên đang được ghi mất liên lạc từ ngày ${viDate(lostSince)}; hãy ghi liên lạc lại trước.`, 'kind');
    if (input.kind === 'contact_restored' && !lostSince) throw conflict('Đảng viên không có lần mất liên lạc nào đang mở để ghi liên lạc lại.', 'kind');
    const { version, ...event } = input;
    return recordMembershipEvent(tx, memberId, { ...event, toOrgId: null }, { expectedVersion: version });
  });
}
