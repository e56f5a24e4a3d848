import type { MembershipEventKind } from '../../../shared/member.js';
import type { TransferAction, TransferDirection, TransferKind, TransferSide, TransferState } from '../../../shared/transfers.js';
import { canTransferTransition, type TransferState as RuleState } from '../membership/transfer.rules.js';

// The shared unions (for the web) and the membership rules' unions must stay the same set.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _statesMatch: Same<TransferState, RuleState> = true;
void _statesMatch;

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

/** The buttons to show: steps that are possible now and belong to a side the viewer stands on. */
export function allowedActions(transfer: TransferShape, sides: readonly TransferSide[]): TransferAction[] {
  return (Object.keys(actionTargets) as TransferAction[]).filter((action) => {
    const target = actionTargets[action] as Exclude<TransferState, 'pending'>;
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
export function membershipEventFor(transfer: Pick<TransferShape, 'kind' | 'direction'> & { state: TransferState }, target: Exclude<TransferState, 'pending'>): MembershipEventKind | null {
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
