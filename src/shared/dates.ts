/**
 * Calendar arithmetic on plain ISO dates ('YYYY-MM-DD'). A date here is a day on the Vietnamese
 * calendar, not an instant, so every computation runs on UTC fields and never reads the host's zone.
 */

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;
/** Vietnam has kept UTC+7 without daylight saving since 1975. */
const vietnamOffsetMs = 7 * 3_600_000;

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function parse(iso: string): Ymd {
  const match = isoPattern.exec(iso);
  if (match) {
    const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    if (date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= daysInMonth(date.year, date.month)) return date;
  }
  throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
}

/** setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999. */
function utcDate(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

function format(date: Date): string {
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of the proleptic Gregorian calendar, as Date counts them, without building a Date: dates are parsed by the million in province lists. */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return monthLengths[month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

export function isValidIso(iso: string): boolean {
  const match = isoPattern.exec(iso);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Today's date in Vietnam (UTC+7), whatever the server's time zone. */
export function todayIso(now: Date = new Date()): string {
  return format(new Date(now.getTime() + vietnamOffsetMs));
}

export function addDays(iso: string, n: number): string {
  const { year, month, day } = parse(iso);
  return format(utcDate(year, month - 1, day + n));
}

/** Clamps to the last day of the target month (Bộ luật Dân sự 2015, Điều 148: no matching day → last day of the month). */
export function addMonths(iso: string, n: number): string {
  const { year, month, day } = parse(iso);
  const total = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(total / 12);
  const targetMonth = total - targetYear * 12 + 1;
  return format(utcDate(targetYear, targetMonth - 1, Math.min(day, daysInMonth(targetYear, targetMonth))));
}

export function compareIso(a: string, b: string): -1 | 0 | 1 {
  parse(a);
  parse(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Completed months from `fromIso` to `toIso`: the largest k with addMonths(from, k) ≤ to, so a month
 * ends on the same clamped day addMonths gives (born 2008-03-15 → 216 months on 2026-03-15).
 * Negative when `toIso` is earlier.
 */
export function fullMonthsBetween(fromIso: string, toIso: string): number {
  if (compareIso(toIso, fromIso) < 0) return -fullMonthsBetween(toIso, fromIso);
  const from = parse(fromIso);
  const to = parse(toIso);
  const months = (to.year - from.year) * 12 + (to.month - from.month);
  return addMonths(fromIso, months) <= toIso ? months : months - 1;
}

/** Completed years, on the same terms as fullMonthsBetween. */
export function fullYearsBetween(fromIso: string, toIso: string): number {
  return Math.trunc(fullMonthsBetween(fromIso, toIso) / 12);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(iso: string): number {
  const { year, month, day } = parse(iso);
  return utcDate(year, month - 1, day).getUTCDay();
}

export function isoYear(iso: string): number {
  return parse(iso).year;
}

/** Whole days from `fromIso` to `toIso` (negative when `toIso` is earlier). */
export function daysBetween(fromIso: string, toIso: string): number {
  const from = parse(fromIso);
  const to = parse(toIso);
  return Math.round((utcDate(to.year, to.month - 1, to.day).getTime() - utcDate(from.year, from.month - 1, from.day).getTime()) / dayMs);
}
