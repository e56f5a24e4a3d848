import { addMonths, compareIso } from '../../../shared/dates.js';
import { type RuleParam, type RuleViolation, viDate, viMonths, violation } from '../rulebook/rule-violation.rules.js';

export const confirmationOutcomes = ['confirmed', 'struck_off'] as const;
export type ConfirmationOutcome = (typeof confirmationOutcomes)[number];

/** A probationary member ends either confirmed as a full member or struck off the probationary list. */
export const confirmationTransitions = {
  probationary: ['confirmed', 'struck_off'],
  confirmed: [],
  struck_off: [],
} as const satisfies Record<'probationary' | ConfirmationOutcome, readonly ConfirmationOutcome[]>;

/**
 * The day probation ends, counted from the ceremony (Điều lệ Đảng Đ.5), not from the decision.
 * A ceremony on 29 February ends a 12-month probation on 28 February of the next year: a period in
 * months ends on the same day of the last month, or on that month's last day when it has no such day
 * (Bộ luật Dân sự 2015, Điều 148), so the twelve months end inside February instead of spilling into March.
 */
export function probationEnd(ceremonyDate: string, probationMonths: number): string {
  return addMonths(ceremonyDate, probationMonths);
}

/** The cell may review the member only once probation has ended. */
export function checkConfirmationTiming(ceremonyDate: string, consideredOn: string, months: RuleParam): RuleViolation[] {
  const end = probationEnd(ceremonyDate, months.value);
  if (compareIso(consideredOn, end) < 0) {
    return [
      violation(
        'probation_months',
        months,
        'consideredOn',
        `Ngày xét chuyển đảng chính thức: đảng viên dự bị phải qua ${viMonths(months.value)} dự bị kể từ ngày kết nạp (${viDate(ceremonyDate)}), tức đến ngày ${viDate(end)}; chi bộ chưa được xét vào ngày ${viDate(consideredOn)}`,
      ),
    ];
  }
  return [];
}

export type ConfirmationEffect = { outcome: 'confirmed'; status: 'full'; fullFrom: string } | { outcome: 'struck_off'; status: 'struck_off'; fullFrom: null };

/** Full membership counts from the end of probation, whatever day the upper committee decides. */
export function confirmationEffect(outcome: ConfirmationOutcome, ceremonyDate: string, probationMonths: number): ConfirmationEffect {
  return outcome === 'confirmed'
    ? { outcome, status: 'full', fullFrom: probationEnd(ceremonyDate, probationMonths) }
    : { outcome, status: 'struck_off', fullFrom: null };
}
