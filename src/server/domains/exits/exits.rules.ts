import { compareIso } from '../../../shared/dates.js';
import type { MemberStatus, MembershipEventKind } from '../../../shared/member.js';
import type { ExitInput, InterruptionKind, PartyAgeInterruption } from '../../../shared/exits.js';

/** Statuses in which a person is out of the party and their party age stands still. */
export const leftStatuses = ['struck_off', 'expelled', 'withdrawn'] as const satisfies readonly MemberStatus[];
const leavingEvents: readonly MembershipEventKind[] = ['strike_off', 'expulsion', 'withdrawal'];

interface PeriodLike {
  status: MemberStatus;
  validFrom: string;
  validTo: string | null;
}

interface EventLike {
  kind: MembershipEventKind;
  occurredOn: string;
  details: Record<string, unknown> | null;
}

function isGap(value: unknown): value is { from: string; to: string } {
  const gap = value as { from?: unknown; to?: unknown } | null;
  return typeof gap?.from === 'string' && typeof gap.to === 'string';
}

/** Events that end an open loss of contact: contact restored, or the member no longer active here. */
const contactEnds: readonly MembershipEventKind[] = ['contact_restored', ...leavingEvents, 'death', 'transfer_out'];

/** The open loss of contact after these events, if any: the day it began. */
export function openContactLoss(events: readonly Pick<EventLike, 'kind' | 'occurredOn'>[]): string | null {
  let from: string | null = null;
  for (const event of events) {
    if (event.kind === 'contact_lost') from ??= event.occurredOn;
    else if (contactEnds.includes(event.kind)) from = null;
  }
  return from;
}

/**
 * Interruptions of party life from the membership history: each period spent struck off, expelled or withdrawn
 * (until readmission, or still open), each loss of contact (until contact is restored or the member leaves; RULES.md
 * "Party age"), and each late transfer — the days between the presentation deadline and the
 * day the letter was presented, kept on the event that completed the transfer. Time spent as a member of another
 * deployment is not an interruption: the member was active there.
 */
export function interruptionsFrom(periods: readonly PeriodLike[], events: readonly EventLike[]): PartyAgeInterruption[] {
  const list: PartyAgeInterruption[] = [];
  for (const period of periods) {
    if ((leftStatuses as readonly string[]).includes(period.status))
      list.push({ kind: period.status as InterruptionKind, from: period.validFrom, to: period.validTo });
  }
  let lostSince: string | null = null;
  for (const event of events) {
    if (event.kind === 'contact_lost') lostSince ??= event.occurredOn;
    else if (lostSince && contactEnds.includes(event.kind)) {
      list.push({ kind: 'lost_contact', from: lostSince, to: event.occurredOn });
      lostSince = null;
    }
  }
  if (lostSince) list.push({ kind: 'lost_contact', from: lostSince, to: null });
  for (const event of events) {
    const gap = event.details?.gap;
    if (isGap(gap)) list.push({ kind: 'transfer_gap', from: gap.from, to: gap.to });
  }
  return list.sort((a, b) => compareIso(a.from, b.from));
}

/**
 * Party age is shown once the member is confirmed (RULES.md "Party age"): never for one still on probation, nor for a
 * readmitted member until confirmed again, nor for one who left before ever being confirmed.
 */
export function partyAgeShown(member: { status: MemberStatus; confirmedOn: string | null }): boolean {
  return member.status !== 'probationary' && member.confirmedOn !== null;
}

/** Party age stops at death; otherwise it runs to today. */
export function partyAgeEndsOn(periods: readonly PeriodLike[], today: string): string {
  const death = periods.find((p) => p.status === 'deceased');
  return death && compareIso(death.validFrom, today) < 0 ? death.validFrom : today;
}

/** The last time the person left the party, and how often they were readmitted already. */
export function leavingOf(events: readonly EventLike[]): { leftOn: string; previousReadmissions: number } | null {
  const left = events.filter((e) => leavingEvents.includes(e.kind));
  if (left.length === 0) return null;
  return { leftOn: left[left.length - 1].occurredOn, previousReadmissions: events.filter((e) => e.kind === 'readmission').length };
}

/**
 * What a strike-off must carry (Điều lệ Đảng 2011, Điều 8): the ground, the cell's resolution that proposed it, dated no
 * later than the upper committee's decision, and a vote that adds up. Other exits carry none of it. Returns the field
 * at fault and the Vietnamese message, or null.
 */
export function strikeOffProblem(input: Pick<ExitInput, 'kind' | 'decision' | 'strikeOff'>): { field: string; message: string } | null {
  if (input.kind !== 'strike_off')
    return input.strikeOff ? { field: 'strikeOff', message: 'Chỉ xóa tên mới ghi căn cứ xóa tên và nghị quyết của chi bộ.' } : null;
  const s = input.strikeOff;
  if (!s)
    return {
      field: 'strikeOff.ground',
      message: 'Xóa tên phải ghi căn cứ (Điều 8 Điều lệ Đảng), nghị quyết của chi bộ đề nghị xóa tên và kết quả biểu quyết.',
    };
  if (compareIso(s.cellResolution.date, input.decision.date) > 0)
    return {
      field: 'strikeOff.cellResolution.date',
      message:
        'Ngày nghị quyết chi bộ: chi bộ đề nghị xóa tên trước, cấp ủy có thẩm quyền mới quyết định; nghị quyết không thể sau ngày quyết định xóa tên (Điều lệ Đảng, Điều 8).',
    };
  if (s.vote.inFavour + s.vote.against > s.vote.eligible)
    return {
      field: 'strikeOff.vote.eligible',
      message: `Kết quả biểu quyết: ${s.vote.inFavour} tán thành và ${s.vote.against} không tán thành vượt quá ${s.vote.eligible} đảng viên chính thức của chi bộ.`,
    };
  return null;
}
