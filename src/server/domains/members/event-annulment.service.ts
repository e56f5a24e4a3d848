import { inTransaction, type Ctx } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { conflict, invalidField, notFound, staleVersion } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrg } from '../orgs/orgs.queries.js';
import { eventHistoryOf, eventsOf, insertAnnulment, updateMemberRow, withdrawPeriod } from './members.queries.js';
import { annulmentRefusal } from './members.rules.js';
import { memberInScopeOr404, presentMember } from './members.service.js';
import { activeStatuses, type EventAnnulmentInput } from '../../../shared/member.js';
import { todayIso } from '../../../shared/dates.js';

const EVENT = 'biến động';

/**
 * Annuls the member's latest standing event, entered by mistake: a dated annulment row (who, when, why, the decision
 * if any) is added, nothing is deleted. The period the event opened stops counting, the one before it is open again,
 * and the member's status and organisation go back to it, so every "as of" read gives what it gave before the event.
 */
export async function annulMembershipEvent(ctx: Ctx, memberId: number, eventId: number, input: EventAnnulmentInput) {
  assertCan(ctx, 'members.write');
  return annulEventOf(ctx, memberId, eventId, input);
}

/**
 * The annulment itself, for a workflow that checked its own permission: an appeal that annuls an expulsion undoes the
 * expulsion event this way (discipline.service).
 */
export async function annulEventOf(ctx: Ctx, memberId: number, eventId: number, input: EventAnnulmentInput) {
  if (ctx.actor.scope.kind === 'self') throw notFound('đảng viên');
  return inTransaction(ctx, async (tx) => {
    const member = await memberInScopeOr404(tx, memberId);
    const events = await eventsOf(tx.db, memberId);
    const event = events.find((e) => e.id === eventId);
    if (!event) {
      const annulled = (await eventHistoryOf(tx.db, memberId)).find((e) => e.id === eventId && e.annulment);
      if (annulled) throw conflict('Biến động này đã được hủy.', 'eventId');
      throw notFound(EVENT);
    }
    if (member.version !== input.version) throw staleVersion('Hồ sơ đảng viên');
    const refusal = annulmentRefusal(event.kind);
    if (refusal) throw conflict(refusal, 'eventId');
    if (events.at(-1)!.id !== event.id) throw conflict('Chỉ hủy được biến động gần nhất của đảng viên; hãy hủy các biến động ghi sau nó trước.', 'eventId');
    if (events.length < 2) throw conflict('Không hủy được biến động duy nhất của hồ sơ.', 'eventId');

    const today = todayIso(tx.now());
    if (input.decision && input.decision.date < event.occurredOn)
      throw invalidField('decision.date', 'Ngày quyết định hủy không được trước ngày của biến động bị hủy.');
    const annulmentId = await insertAnnulment(tx.db, {
      eventId,
      memberId,
      annulledOn: today,
      reason: input.reason,
      decision: input.decision ?? null,
      createdBy: tx.actor.userId,
    });
    const previous = await withdrawPeriod(tx.db, memberId, eventId, annulmentId);
    if (!previous) throw conflict('Không tìm thấy giai đoạn sinh hoạt trước biến động này; không hủy được.', 'eventId');
    const org = await findOrg(tx.db, previous.orgId);
    if (!org) throw conflict('Không tìm thấy tổ chức đảng trước biến động này.', 'eventId');
    if (activeStatuses.includes(previous.status) && !org.active)
      throw conflict(`${org.name} không còn hoạt động; không đưa đảng viên về đó được. Hãy ghi biến động mới thay vì hủy.`, 'eventId');

    const confirmation = events.slice(0, -1).findLast((e) => e.kind === 'confirmation');
    const earlierConfirmation = confirmation ? ((confirmation.details.fullFrom as string | undefined) ?? confirmation.occurredOn) : null;
    // Kept on the event since confirmations keep it; for older ones, the earlier confirmation's date if any.
    const confirmedBefore = 'previousConfirmedOn' in event.details ? (event.details.previousConfirmedOn as string | null) : earlierConfirmation;
    const after = await updateMemberRow(tx.db, memberId, member.version, {
      status: previous.status,
      orgId: org.id,
      orgPath: org.path,
      ...(event.kind === 'confirmation' ? { confirmedOn: confirmedBefore } : {}),
    });
    if (!after) throw staleVersion('Hồ sơ đảng viên');
    await recordAudit(tx, [
      {
        entity: 'member',
        entityId: memberId,
        action: 'annul_event',
        before: { status: member.status, orgId: member.orgId, confirmedOn: member.confirmedOn },
        after: {
          status: after.status,
          orgId: after.orgId,
          confirmedOn: after.confirmedOn,
          // The annulled event (its id identifies the annulment too): keys the history screens already label.
          eventId,
          kind: event.kind,
          occurredOn: event.occurredOn,
          decision: input.decision ?? null,
        },
        reason: input.reason,
      },
    ]);
    return { annulmentId, eventId, member: presentMember({ ...after, orgName: org.name }) };
  });
}
