import { addDays, compareIso, daysBetween, fullMonthsBetween } from '../../../shared/dates.js';
import { type RuleParam, type RuleViolation, viDate, viMonths, violation } from '../rulebook/rule-violation.rules.js';

/** A gap in membership: from the day it stopped (strike-off, expulsion, loss of contact) to the day it resumed. */
export interface Interruption {
  from: string;
  to: string;
}

export interface PartyAge {
  years: number;
  months: number;
  totalMonths: number;
}

/**
 * Party age on `asOf`: full months from the admission decision, net of interruptions.
 * Interruptions are clipped to [admittedOn, asOf] and merged where they overlap, then the start is moved
 * forward by the days they cover and full months are counted from there: a part-month of a gap is never
 * rounded in the member's favour, so a badge cannot come before the years are really served.
 */
export function partyAge(input: { admittedOn: string; interruptions: readonly Interruption[]; asOf: string }): PartyAge {
  const { admittedOn, asOf } = input;
  if (compareIso(asOf, admittedOn) <= 0) return { years: 0, months: 0, totalMonths: 0 };
  const gaps = input.interruptions
    .map((gap) => {
      if (compareIso(gap.from, gap.to) > 0) throw new RangeError(`An interruption ends before it starts: ${gap.from} → ${gap.to}`);
      return { from: compareIso(gap.from, admittedOn) < 0 ? admittedOn : gap.from, to: compareIso(gap.to, asOf) > 0 ? asOf : gap.to };
    })
    .filter((gap) => compareIso(gap.from, gap.to) < 0)
    .sort((a, b) => compareIso(a.from, b.from));
  let coveredUntil = admittedOn;
  let gapDays = 0;
  for (const gap of gaps) {
    const from = compareIso(gap.from, coveredUntil) < 0 ? coveredUntil : gap.from;
    if (compareIso(from, gap.to) < 0) gapDays += daysBetween(from, gap.to);
    if (compareIso(gap.to, coveredUntil) > 0) coveredUntil = gap.to;
  }
  const start = addDays(admittedOn, gapDays);
  const totalMonths = Math.max(0, fullMonthsBetween(start, asOf));
  return { years: Math.trunc(totalMonths / 12), months: totalMonths % 12, totalMonths };
}

export interface ReadmissionInput {
  /** The day the person left the party (struck off, expelled, withdrew). */
  leftOn: string;
  consideredOn: string;
  /** How many times the person has already been readmitted. */
  previousReadmissions: number;
  minMonths: RuleParam;
  /** readmission_max_count: how many readmissions a person may have in all. */
  maxCount: RuleParam;
}

/** Readmission is allowed a limited number of times (once), and only after the minimum time since leaving. */
export function checkReadmission(input: ReadmissionInput): RuleViolation[] {
  const problems: RuleViolation[] = [];
  if (input.previousReadmissions >= input.maxCount.value) {
    problems.push(
      violation(
        'readmission_max_count',
        input.maxCount,
        'previousReadmissions',
        `Số lần kết nạp lại: chỉ được kết nạp lại tối đa ${input.maxCount.value} lần; người này đã được kết nạp lại ${input.previousReadmissions} lần`,
      ),
    );
  }
  const away = fullMonthsBetween(input.leftOn, input.consideredOn);
  if (away < input.minMonths.value) {
    problems.push(
      violation(
        'readmission_min_months',
        input.minMonths,
        'leftOn',
        `Ngày ra khỏi Đảng: chỉ được xét kết nạp lại sau ít nhất ${viMonths(input.minMonths.value)} kể từ ngày ra khỏi Đảng (${viDate(input.leftOn)}); đến ngày ${viDate(input.consideredOn)} mới được ${viMonths(Math.max(away, 0))}`,
      ),
    );
  }
  return problems;
}
