import { addMonths, compareIso, daysBetween, fullMonthsBetween } from '../../../shared/dates.js';
import { type RuleParam, type RuleViolation, viDate, viMonths, violation } from '../rulebook/rule-violation.rules.js';

/** A gap in membership: from the day it stopped (strike-off, expulsion, loss of contact, a late transfer) to the day it resumed. */
export interface Interruption {
  from: string;
  to: string;
}

export interface PartyAge {
  years: number;
  months: number;
  totalMonths: number;
}

/** A calendar period: whole months as `fullMonthsBetween` counts them, and the days left over. */
export function calendarPeriod(from: string, to: string): { months: number; days: number } {
  const months = Math.max(0, fullMonthsBetween(from, to));
  return { months, days: daysBetween(addMonths(from, months), to) };
}

/** Days of gap part-months that make up one month: the part-months of different gaps have no calendar of their own. */
const DAYS_PER_PART_MONTH = 30;

/**
 * Party age on `asOf`: full months from the admission decision, net of interruptions, each subtracted as a calendar
 * period (RULES.md "Party age": a gap of exactly one month is one month, whatever the month's length).
 * Interruptions are clipped to [admittedOn, asOf] and merged where they overlap. The time from the decision to
 * `asOf` and each gap are counted in whole calendar months plus days left over; the gaps' leftover days are added
 * up, 30 to a month, and any days still outstanding take one more month off: a part-month of a gap is never rounded
 * in the member's favour, so a badge cannot come before the years are really served.
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
  const merged: Interruption[] = [];
  for (const gap of gaps) {
    const last = merged[merged.length - 1];
    if (last && compareIso(gap.from, last.to) <= 0) {
      if (compareIso(gap.to, last.to) > 0) last.to = gap.to;
    } else merged.push({ ...gap });
  }
  let gapMonths = 0;
  let gapDays = 0;
  for (const gap of merged) {
    const period = calendarPeriod(gap.from, gap.to);
    gapMonths += period.months;
    gapDays += period.days;
  }
  gapMonths += Math.floor(gapDays / DAYS_PER_PART_MONTH);
  gapDays %= DAYS_PER_PART_MONTH;
  const served = calendarPeriod(admittedOn, asOf);
  const totalMonths = Math.max(0, served.months - gapMonths - (served.days < gapDays ? 1 : 0));
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
