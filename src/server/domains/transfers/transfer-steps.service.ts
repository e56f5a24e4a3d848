import { duesPaidThroughOf } from '../dues/dues.service.js'; // dues
import { inTransaction, type Ctx } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { conflict, forbidden, invalidField, staleVersion } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { createMember } from '../members/members.service.js';
import { recordMembershipEvent } from '../members/membership-events.service.js';
import {
  checkLetterDate,
  checkPresentation,
  letterCountsFrom,
  membershipEventFor,
  presentationDeadline,
  presentationGap,
  sideFor,
  stepRefusal,
} from './transfers.rules.js';
import { lockTransfer, unpresentedTransfersOf, updateTransferRow, type NewTransferRow, type TransferWithContext } from './transfers.queries.js';
import { addStep, forBothSides, getTransfer, letterDecision, letterIssuerInScope, refuseOn, ruleParam, transferInScopeOr404 } from './transfers.service.js';
import type { MembershipEventKind } from '../../../shared/member.js';
import type { Decision } from '../../../shared/org.js';
import type { TransferCancel, TransferLetterIssue, TransferReceipt, TransferReturn, TransferSide, TransferState } from '../../../shared/transfers.js';
import { todayIso } from '../../../shared/dates.js';

/**
 * The steps of a transfer after it is recorded: the letter, its presentation, a temporary member's return,
 * cancellation. Each belongs to one side (transfers.rules `sideFor`) and records its membership event, if any.
 */

const sideNames: Record<TransferSide, string> = { sending: 'tổ chức đảng nơi đi', receiving: 'tổ chức đảng nơi đến' };

function assertStep(t: TransferWithContext, sides: TransferSide[], target: Exclude<TransferState, 'pending'>, version: number) {
  const refusal = stepRefusal(t, target);
  if (refusal) throw conflict(refusal, 'state');
  const side = sideFor(t.direction, target);
  if (!sides.includes(side)) throw forbidden(`Bước này do ${sideNames[side]} thực hiện.`);
  if (t.version !== version) throw staleVersion('Thủ tục chuyển sinh hoạt');
}

async function saveStep(
  ctx: Ctx,
  t: TransferWithContext,
  values: Partial<NewTransferRow>,
  step: TransferState,
  occurredOn: string,
  details: Record<string, unknown> = {},
) {
  const after = await updateTransferRow(ctx.db, t.id, t.version, values);
  if (!after) throw staleVersion('Thủ tục chuyển sinh hoạt');
  await addStep(ctx, t.id, step, occurredOn, details);
  await recordAudit(ctx, [{ entity: 'transfer', entityId: t.id, action: step, before: { state: t.state }, after: values }]);
  return after;
}

/** The sending organisation issues the letter: within the deadline counted from the moving decision, or late with a reason. */
export async function issueTransferLetter(ctx: Ctx, id: number, input: TransferLetterIssue) {
  assertCan(ctx, 'transfers.step');
  await inTransaction(ctx, async (tx) => {
    await lockTransfer(tx.db, id);
    const { t, sides } = await transferInScopeOr404(tx, id);
    assertStep(t, sides, 'letter_issued', input.version);
    if (!(await letterIssuerInScope(tx, t)))
      throw forbidden(
        'Giấy giới thiệu cho đảng viên chuyển sinh hoạt ra ngoài Đảng bộ do cấp ủy cấp trên trực tiếp của tổ chức cơ sở đảng cấp (294-QĐ/TW, mục 6.3.1).',
      );
    const calendar = await loadCalendar(tx);
    const decidedOn = t.movingDecision!.date;
    let late = false;
    if (t.kind === 'permanent') {
      const problems = checkLetterDate({
        movingDecisionOn: decidedOn,
        effectiveOn: t.movingDecision!.effectiveOn,
        letterOn: input.letterOn,
        workingDays: await ruleParam(tx, 'transfer_letter_deadline_working_days', letterCountsFrom(t.movingDecision!)),
        holidays: calendar.holidays,
        makeUpWorkdays: calendar.workdays,
      });
      late = problems.length > 0 && input.letterOn >= decidedOn;
      // A late letter is still the member's only way to move: it is accepted once the reason is on record.
      if (problems.length > 0 && (!late || !input.lateReason))
        refuseOn(problems.map((p) => (late ? { ...p, field: 'lateReason', message: `${p.message} Ghi rõ lý do cấp giấy muộn để tiếp tục.` } : p)));
    } else if (input.letterOn < decidedOn) {
      throw invalidField('letterOn', 'Ngày cấp giấy giới thiệu không thể trước ngày quyết định cử đi.');
    }
    // dues: "paid up to" comes from the dues records; the typed month only where there are none.
    const duesPaidThrough = (t.memberId ? await duesPaidThroughOf(tx, t.memberId) : null) ?? input.duesPaidThrough;
    if (!duesPaidThrough)
      throw invalidField('duesPaidThrough', 'Đã đóng đảng phí đến tháng: chưa có sổ đảng phí của đảng viên, hãy nhập tháng (294-QĐ/TW, mục 6.3.1).');
    const presentDays = await ruleParam(tx, 'transfer_present_deadline_working_days', input.letterOn);
    const presentDueOn = presentationDeadline(input.letterOn, presentDays.value, calendar.holidays, calendar.workdays);
    const values = {
      state: 'letter_issued' as const,
      letterNumber: input.letterNumber,
      letterOn: input.letterOn,
      cardNumber: input.cardNumber ?? t.memberCardNumber,
      profileNumber: input.profileNumber,
      cellListNumber: input.cellListNumber,
      transferRegisterNumber: input.transferRegisterNumber,
      duesPaidThrough,
      letterLateReason: late ? input.lateReason : null,
      place: input.place,
      signer: input.signer,
      presentDueOn,
    };
    await saveStep(tx, t, values, 'letter_issued', input.letterOn, { letterNumber: input.letterNumber, presentDueOn, lateReason: values.letterLateReason });
    const kind = membershipEventFor(t, 'letter_issued');
    if (kind) {
      const withLetter = { ...t, ...values };
      await recordEvent(tx, withLetter, kind, input.letterOn, await letterDecision(tx, withLetter), values.letterLateReason);
    }
  });
  return getTransfer(ctx, id);
}

async function recordEvent(
  ctx: Ctx,
  t: TransferWithContext,
  kind: MembershipEventKind,
  occurredOn: string,
  decision: Decision,
  reason: string | null,
  details: Record<string, unknown> = {},
) {
  await recordMembershipEvent(forBothSides(ctx), t.memberId!, {
    kind,
    occurredOn,
    decision,
    toOrgId: kind === 'transfer' || kind === 'transfer_in' ? t.receivingOrgId : null,
    reason: reason ?? undefined,
    details: {
      transferId: t.id,
      ...(t.receivingOrgId ? { receivingOrgId: t.receivingOrgId } : {}),
      ...(t.externalOrgName ? { externalOrgName: t.externalOrgName } : {}),
      ...details,
    },
  });
}

/**
 * The letter was presented: the receiving organisation confirms it (for a member leaving the deployment, the
 * sending one records the acknowledgement). A late presentation needs its reason; the days past the deadline
 * are kept on the event as a gap in party life.
 */
export async function confirmTransferReceipt(ctx: Ctx, id: number, input: TransferReceipt) {
  assertCan(ctx, 'transfers.step');
  await inTransaction(ctx, async (tx) => {
    await lockTransfer(tx.db, id);
    const { t, sides } = await transferInScopeOr404(tx, id);
    assertStep(t, sides, 'received', input.version);
    const calendar = await loadCalendar(tx);
    // The deadline belongs to the letter: read as of the letter's date, as when it was printed on it.
    const problems = checkPresentation({
      letterOn: t.letterOn!,
      presentedOn: input.presentedOn,
      lateReason: input.lateReason,
      workingDays: await ruleParam(tx, 'transfer_present_deadline_working_days', t.letterOn!),
      holidays: calendar.holidays,
      makeUpWorkdays: calendar.workdays,
    });
    refuseOn(problems);
    const gap = presentationGap(t.presentDueOn, input.presentedOn);
    const lateReason = gap ? input.lateReason : null;
    let memberId = t.memberId;
    const kind = membershipEventFor(t, 'received');
    const decision = kind ? await letterDecision(tx, t) : null;
    const details = gap ? { gap } : {};
    if (kind === 'transfer_in' && memberId === null) {
      memberId = (await createIncomingRecord(tx, t, input.presentedOn, decision!, details)).id;
    } else if (kind === 'transfer_in') {
      await recordEvent(tx, t, kind, input.presentedOn, decision!, lateReason, { ...details, status: t.person!.status });
    } else if (kind) {
      await recordEvent(tx, t, kind, input.presentedOn, decision!, lateReason, details);
    }
    await saveStep(tx, t, { state: 'received', presentedOn: input.presentedOn, lateReason, memberId }, 'received', input.presentedOn, { lateReason, gap });
  });
  return getTransfer(ctx, id);
}

/** A member from outside gets a record here, opened by `transfer_in` on the day they presented the letter. */
async function createIncomingRecord(ctx: Ctx, t: TransferWithContext, presentedOn: string, decision: Decision, details: Record<string, unknown>) {
  const person = t.person!;
  return createMember(
    ctx,
    {
      fullName: person.fullName,
      gender: person.gender,
      birthDate: person.birthDate,
      placeOfOrigin: null,
      residence: null,
      ethnicity: 'Kinh',
      religion: 'Không',
      education: '',
      professionalQualification: '',
      theoryLevel: 'none',
      job: '',
      position: '',
      nationalId: person.nationalId,
      cardNumber: t.cardNumber,
      profileNumber: t.profileNumber,
      orgId: t.receivingOrgId!,
      status: person.status,
      admittedOn: person.admittedOn,
      confirmedOn: person.confirmedOn,
      decision,
      reason: `Chuyển sinh hoạt đến từ ${t.externalOrgName}`,
      /** The receipt step has no one to ask; the letter and card number identify the person. */
      confirmDuplicate: true,
    },
    { kind: 'transfer_in', occurredOn: presentedOn, details: { transferId: t.id, externalOrgName: t.externalOrgName, ...details } },
  );
}

/** The end of a temporary transfer: the member is back (or, for a visitor from outside, has left). */
export async function recordTransferReturn(ctx: Ctx, id: number, input: TransferReturn) {
  assertCan(ctx, 'transfers.step');
  await inTransaction(ctx, async (tx) => {
    await lockTransfer(tx.db, id);
    const { t, sides } = await transferInScopeOr404(tx, id);
    assertStep(t, sides, 'returned', input.version);
    if (t.presentedOn && input.returnedOn < t.presentedOn) throw invalidField('returnedOn', 'Ngày trở về không thể trước ngày xuất trình giấy giới thiệu.');
    await saveStep(tx, t, { state: 'returned', returnedOn: input.returnedOn }, 'returned', input.returnedOn, { decision: input.decision });
    const kind = membershipEventFor(t, 'returned');
    if (kind && t.memberId) await recordEvent(tx, t, kind, input.returnedOn, input.decision, null);
  });
  return getTransfer(ctx, id);
}

export async function cancelTransfer(ctx: Ctx, id: number, input: TransferCancel) {
  assertCan(ctx, 'transfers.step');
  await inTransaction(ctx, async (tx) => {
    await lockTransfer(tx.db, id);
    const { t, sides } = await transferInScopeOr404(tx, id);
    assertStep(t, sides, 'cancelled', input.version);
    const today = todayIso(tx.now());
    await saveStep(tx, t, { state: 'cancelled', cancelReason: input.reason }, 'cancelled', today, { reason: input.reason });
    // A temporary absence already marked by the letter ends today, citing the letter it undoes.
    const kind = membershipEventFor(t, 'cancelled');
    if (kind && t.memberId) await recordEvent(tx, t, kind, today, await letterDecision(tx, t), input.reason);
  });
  return getTransfer(ctx, id);
}

/**
 * A member who leaves the party (strike-off, withdrawal, death) has no transfer to finish: the ones not yet
 * presented are cancelled in the exit's transaction.
 */
export async function cancelTransfersOnExit(ctx: Ctx, memberId: number, occurredOn: string, reason: string): Promise<number> {
  const open = await unpresentedTransfersOf(ctx.db, memberId);
  for (const t of open) {
    const after = await updateTransferRow(ctx.db, t.id, t.version, { state: 'cancelled', cancelReason: reason });
    if (!after) throw staleVersion('Thủ tục chuyển sinh hoạt');
    await addStep(ctx, t.id, 'cancelled', occurredOn, { reason });
    await recordAudit(ctx, [
      { entity: 'transfer', entityId: t.id, action: 'cancelled', before: { state: t.state }, after: { state: 'cancelled', cancelReason: reason } },
    ]);
  }
  return open.length;
}
