import { addMonths, compareIso } from '../../../shared/dates.js';
import { addWorkingDays } from '../calendar/calendar.rules.js';
import { type RuleParam, type RuleViolation, viDate, viMonths, violation } from '../rulebook/rule-violation.rules.js';
import type { MembershipEventKind } from '../../../shared/member.js';
import type { TransferAction, TransferDirection, TransferKind as SharedKind, TransferSide, TransferState as SharedState } from '../../../shared/transfers.js';

export const transferKinds = ['permanent', 'temporary'] as const;
export type TransferKind = (typeof transferKinds)[number];

export const transferStates = ['pending', 'letter_issued', 'received', 'returned', 'cancelled'] as const;
export type TransferState = (typeof transferStates)[number];

/**
 * pending (the decision that moves the member is recorded) → letter_issued (the sending organisation
 * issues the letter) → received (the member presents it). Only a temporary transfer goes on to
 * returned, when the member comes back to the sending organisation.
 */
export const transferTransitions = {
  pending: ['letter_issued', 'cancelled'],
  letter_issued: ['received', 'cancelled'],
  received: ['returned'],
  returned: [],
  cancelled: [],
} as const satisfies Record<TransferState, readonly TransferState[]>;

export function canTransferTransition(kind: TransferKind, from: TransferState, to: TransferState): boolean {
  if (to === 'returned' && kind !== 'temporary') return false;
  return (transferTransitions[from] as readonly TransferState[]).includes(to);
}

export interface WorkingCalendar {
  holidays: ReadonlySet<string>;
  makeUpWorkdays?: ReadonlySet<string>;
}

/**
 * The last day the sending organisation may issue the letter: 60 working days from the day the decision that
 * moves the member takes effect, not from its signing (294-QĐ/TW §6.3.1).
 */
export function letterDeadline(effectiveOn: string, workingDays: number, holidays: ReadonlySet<string>, makeUpWorkdays?: ReadonlySet<string>): string {
  return addWorkingDays(effectiveOn, workingDays, holidays, makeUpWorkdays);
}

/** The last day the member may present the letter to the receiving organisation, counted from the letter's date. */
export function presentationDeadline(letterOn: string, workingDays: number, holidays: ReadonlySet<string>, makeUpWorkdays?: ReadonlySet<string>): string {
  return addWorkingDays(letterOn, workingDays, holidays, makeUpWorkdays);
}

export interface MovingDecisionDates {
  /** The day the decision was signed. */
  date: string;
  /** The day it takes effect; null or absent when it takes effect on signing. */
  effectiveOn?: string | null;
}

/** The day the letter deadline counts from: the decision's effective date, or its signing date when it has none. */
export function letterCountsFrom(decision: MovingDecisionDates): string {
  return decision.effectiveOn ?? decision.date;
}

/** A decision cannot take effect before it is signed; the field is named for the form. */
export function checkMovingDecision(decision: MovingDecisionDates): { field: string; message: string } | null {
  if (decision.effectiveOn && compareIso(decision.effectiveOn, decision.date) < 0)
    return {
      field: 'movingDecision.effectiveOn',
      message: `Ngày quyết định có hiệu lực (${viDate(decision.effectiveOn)}) không thể trước ngày ký quyết định (${viDate(decision.date)}).`,
    };
  return null;
}

export interface LetterInput extends WorkingCalendar {
  /** The day the decision moving the member (new job, retirement, leaving work, new residence) was signed. */
  movingDecisionOn: string;
  /** The day it takes effect; the deadline counts from it. Defaults to the signing date. */
  effectiveOn?: string | null;
  letterOn: string;
  workingDays: RuleParam;
}

export function checkLetterDate(input: LetterInput): RuleViolation[] {
  const rule = 'transfer_letter_deadline_working_days';
  if (compareIso(input.letterOn, input.movingDecisionOn) < 0) {
    return [
      violation(
        rule,
        input.workingDays,
        'letterOn',
        `Ngày cấp giấy giới thiệu: giấy (${viDate(input.letterOn)}) không thể cấp trước ngày quyết định điều động, nghỉ hưu, thôi việc hoặc thay đổi nơi cư trú (${viDate(input.movingDecisionOn)})`,
      ),
    ];
  }
  const from = letterCountsFrom({ date: input.movingDecisionOn, effectiveOn: input.effectiveOn });
  const deadline = letterDeadline(from, input.workingDays.value, input.holidays, input.makeUpWorkdays);
  if (compareIso(input.letterOn, deadline) > 0) {
    return [
      violation(
        rule,
        input.workingDays,
        'letterOn',
        `Ngày cấp giấy giới thiệu: phải cấp trong ${input.workingDays.value} ngày làm việc kể từ ngày quyết định có hiệu lực (${viDate(from)}), tức chậm nhất ngày ${viDate(deadline)}; ngày ${viDate(input.letterOn)} là quá hạn`,
      ),
    ];
  }
  return [];
}

export interface PresentationInput extends WorkingCalendar {
  letterOn: string;
  presentedOn: string;
  workingDays: RuleParam;
  /** Why the member presented the letter late; a late presentation is accepted once its reason is recorded. */
  lateReason: string | null;
}

export function checkPresentation(input: PresentationInput): RuleViolation[] {
  const rule = 'transfer_present_deadline_working_days';
  if (compareIso(input.presentedOn, input.letterOn) < 0) {
    return [
      violation(
        rule,
        input.workingDays,
        'presentedOn',
        `Ngày xuất trình giấy giới thiệu (${viDate(input.presentedOn)}) không thể trước ngày cấp giấy (${viDate(input.letterOn)})`,
      ),
    ];
  }
  const deadline = presentationDeadline(input.letterOn, input.workingDays.value, input.holidays, input.makeUpWorkdays);
  if (compareIso(input.presentedOn, deadline) > 0 && !input.lateReason?.trim()) {
    return [
      violation(
        rule,
        input.workingDays,
        'lateReason',
        `Lý do xuất trình chậm: giấy giới thiệu phải xuất trình trong ${input.workingDays.value} ngày làm việc kể từ ngày cấp (${viDate(input.letterOn)}), tức chậm nhất ngày ${viDate(deadline)}; xuất trình ngày ${viDate(input.presentedOn)} phải ghi rõ lý do`,
      ),
    ];
  }
  return [];
}

export interface TemporaryDurationInput {
  from: string;
  /** The expected day of return. */
  to: string;
  /** Work or posting away, or full-time study: study may last longer. */
  purpose: 'work' | 'study';
  minMonths: RuleParam;
  /** temporary_transfer_max_months: work away must end before this many months (under 1 year). */
  maxMonths: RuleParam;
  /** temporary_transfer_study_max_months: full-time study may last up to and including this many months. */
  studyMaxMonths: RuleParam;
}

/** Shorter absences need no transfer; longer ones need a permanent transfer. */
export function checkTemporaryDuration(input: TemporaryDurationInput): RuleViolation[] {
  const { from, to } = input;
  if (compareIso(to, addMonths(from, input.minMonths.value)) < 0) {
    return [
      violation(
        'temporary_transfer_min_months',
        input.minMonths,
        'to',
        `Thời gian sinh hoạt tạm thời: từ ${viDate(from)} đến ${viDate(to)} chưa đủ ${viMonths(input.minMonths.value)}; vắng ngắn hơn thì không chuyển sinh hoạt tạm thời`,
      ),
    ];
  }
  if (input.purpose === 'work' && compareIso(to, addMonths(from, input.maxMonths.value)) >= 0) {
    return [
      violation(
        'temporary_transfer_max_months',
        input.maxMonths,
        'to',
        `Thời gian sinh hoạt tạm thời: đi công tác, làm việc từ ${viDate(from)} đến ${viDate(to)} từ ${viMonths(input.maxMonths.value)} trở lên thì phải chuyển sinh hoạt đảng chính thức`,
      ),
    ];
  }
  if (input.purpose === 'study' && compareIso(to, addMonths(from, input.studyMaxMonths.value)) > 0) {
    return [
      violation(
        'temporary_transfer_study_max_months',
        input.studyMaxMonths,
        'to',
        `Thời gian sinh hoạt tạm thời: đi học tập trung từ ${viDate(from)} đến ${viDate(to)} quá ${viMonths(input.studyMaxMonths.value)} thì phải chuyển sinh hoạt đảng chính thức`,
      ),
    ];
  }
  return [];
}

// The shared unions (for the web) and the unions above must stay the same set.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _statesMatch: Same<SharedState, TransferState> = true;
const _kindsMatch: Same<SharedKind, TransferKind> = true;
void _statesMatch;
void _kindsMatch;

export interface TransferShape {
  kind: TransferKind;
  direction: TransferDirection;
  state: TransferState;
}

const actionTargets: Record<TransferAction, TransferState> = {
  issue_letter: 'letter_issued',
  confirm_receipt: 'received',
  record_return: 'returned',
  cancel: 'cancelled',
};

/**
 * Which side takes each step. The sending organisation issues the letter and, for a member leaving the
 * deployment, records the receiving organisation's acknowledgement itself; the receiving organisation confirms
 * that the letter was presented. A temporary member's return is recorded by the side that holds their record.
 */
const stepSide: Record<TransferDirection, Record<Exclude<TransferState, 'pending'>, TransferSide>> = {
  within: { letter_issued: 'sending', received: 'receiving', returned: 'sending', cancelled: 'sending' },
  out: { letter_issued: 'sending', received: 'sending', returned: 'sending', cancelled: 'sending' },
  in: { letter_issued: 'receiving', received: 'receiving', returned: 'receiving', cancelled: 'receiving' },
};

export function sideFor(direction: TransferDirection, target: Exclude<TransferState, 'pending'>): TransferSide {
  return stepSide[direction][target];
}

/**
 * Who issues the letter. A member leaving the deployment gets it from the committee directly above the
 * grassroots organisation (or the province's organisation board), not from the grassroots organisation
 * (294-QĐ/TW §6.3.1); every other letter comes from the grassroots organisation.
 */
export function letterIssuerLevel(transfer: Pick<TransferShape, 'kind' | 'direction'>): 'grassroots' | 'upper_committee' {
  return transfer.direction === 'out' && transfer.kind === 'permanent' ? 'upper_committee' : 'grassroots';
}

/** Why a step cannot be taken now, in Vietnamese; null when it can. */
export function stepRefusal(transfer: TransferShape, target: Exclude<TransferState, 'pending'>): string | null {
  if (!canTransferTransition(transfer.kind, transfer.state, target)) {
    if (target === 'returned' && transfer.kind !== 'temporary') return 'Chỉ chuyển sinh hoạt tạm thời mới có bước trở về.';
    return 'Bước này không phù hợp với trạng thái hiện tại của thủ tục chuyển sinh hoạt.';
  }
  // The member is already recorded as gone from the deployment; their return is a new incoming transfer.
  if (target === 'cancelled' && transfer.state === 'letter_issued' && transfer.direction === 'out' && transfer.kind === 'permanent')
    return 'Giấy giới thiệu đã cấp và đảng viên đã được ghi chuyển đi khỏi Đảng bộ; nếu đảng viên trở lại, hãy lập thủ tục chuyển sinh hoạt đến.';
  return null;
}

/**
 * The buttons to show: steps that are possible now and belong to a side the viewer stands on. A letter issued
 * by the upper committee (`letterIssuerLevel`) also needs that committee in the viewer's scope.
 */
export function allowedActions(transfer: TransferShape, sides: readonly TransferSide[], letterIssuerInScope = true): TransferAction[] {
  return (Object.keys(actionTargets) as TransferAction[]).filter((action) => {
    const target = actionTargets[action] as Exclude<TransferState, 'pending'>;
    if (target === 'letter_issued' && !letterIssuerInScope) return false;
    return stepRefusal(transfer, target) === null && sides.includes(sideFor(transfer.direction, target));
  });
}

/**
 * The membership event a step records on the member's record, if any.
 * - A permanent move inside the deployment changes the organisation when the letter is presented (`transfer`):
 *   until then the member stays counted where they were, so an upper committee covering both sides never loses them.
 * - Leaving the deployment (`transfer_out`) happens when the letter is issued: nobody here will confirm the receipt.
 * - A temporary transfer never changes the organisation: the member stays counted at home (294-QĐ/TW §6.3); the
 *   events only mark the absence, from the letter to the return (or to a cancellation after the letter).
 * - An arrival from outside opens or resumes a record on receipt (`transfer_in`), except a temporary one, which
 *   never gets a record here and so is never counted by the receiving organisation.
 */
export function membershipEventFor(
  transfer: Pick<TransferShape, 'kind' | 'direction'> & { state: TransferState },
  target: Exclude<TransferState, 'pending'>,
): MembershipEventKind | null {
  const { kind, direction } = transfer;
  if (direction === 'in') return target === 'received' && kind === 'permanent' ? 'transfer_in' : null;
  switch (target) {
    case 'letter_issued':
      if (kind === 'temporary') return 'temporary_transfer';
      return direction === 'out' ? 'transfer_out' : null;
    case 'received':
      return kind === 'permanent' && direction === 'within' ? 'transfer' : null;
    case 'returned':
      return 'temporary_return';
    case 'cancelled':
      return kind === 'temporary' && transfer.state === 'letter_issued' ? 'temporary_return' : null;
  }
}

/** Still has a step to do: the member cannot start another transfer meanwhile. */
export function isOpen(transfer: Pick<TransferShape, 'kind' | 'state'>): boolean {
  if (transfer.state === 'pending' || transfer.state === 'letter_issued') return true;
  return transfer.state === 'received' && transfer.kind === 'temporary';
}

/** Days the member had no party life: from the presentation deadline to the late presentation. */
export function presentationGap(presentDueOn: string | null, presentedOn: string): { from: string; to: string } | null {
  if (!presentDueOn || presentedOn <= presentDueOn) return null;
  return { from: presentDueOn, to: presentedOn };
}
