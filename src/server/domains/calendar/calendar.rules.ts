import { addDays, compareIso, dayOfWeek } from '../../../shared/dates.js';

/**
 * Deadlines counted in working days (RULES.md, "Working days"): Saturdays, Sundays and public holidays
 * do not count. `makeUpWorkdays` are Saturdays worked in exchange for a bridge day; callers that do
 * not load them get a deadline at most one day late around a swap, never early.
 */

const noDays: ReadonlySet<string> = new Set();

export function isWorkingDay(iso: string, holidays: ReadonlySet<string>, makeUpWorkdays: ReadonlySet<string> = noDays): boolean {
  if (holidays.has(iso)) return false;
  if (makeUpWorkdays.has(iso)) return true;
  const weekday = dayOfWeek(iso);
  return weekday !== 0 && weekday !== 6;
}

/**
 * The n-th working day after `startIso`; the start day itself never counts, so a deadline of
 * "30 working days from receiving the decision" is addWorkingDays(receivedOn, 30).
 * n = 0 gives `startIso` unchanged; a negative n counts backwards.
 */
export function addWorkingDays(startIso: string, n: number, holidays: ReadonlySet<string>, makeUpWorkdays: ReadonlySet<string> = noDays): string {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number: ${n}`);
  const step = n < 0 ? -1 : 1;
  let day = addDays(startIso, 0);
  for (let left = Math.abs(n); left > 0;) {
    day = addDays(day, step);
    if (isWorkingDay(day, holidays, makeUpWorkdays)) left -= 1;
  }
  return day;
}

/** Working days after `fromIso` up to and including `toIso`; negative when `toIso` is earlier. */
export function workingDaysBetween(fromIso: string, toIso: string, holidays: ReadonlySet<string>, makeUpWorkdays: ReadonlySet<string> = noDays): number {
  const order = compareIso(fromIso, toIso);
  if (order > 0) return -workingDaysBetween(toIso, fromIso, holidays, makeUpWorkdays);
  let count = 0;
  for (let day = addDays(fromIso, 1); day <= toIso; day = addDays(day, 1)) {
    if (isWorkingDay(day, holidays, makeUpWorkdays)) count += 1;
  }
  return count;
}

/**
 * Whether `actualIso` is on or before the n-th working day after `startIso`. A weekend or holiday
 * after that day is already late, even though no further working day has passed.
 */
export function isWithinWorkingDays(
  startIso: string,
  actualIso: string,
  n: number,
  holidays: ReadonlySet<string>,
  makeUpWorkdays: ReadonlySet<string> = noDays,
): boolean {
  return compareIso(actualIso, addWorkingDays(startIso, n, holidays, makeUpWorkdays)) <= 0;
}
