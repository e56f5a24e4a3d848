import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates.js';
import { addWorkingDays, isWithinWorkingDays, isWorkingDay, workingDaysBetween } from './calendar.rules.js';
import { shippedHolidays, shippedMakeUpWorkdays } from './holidays.seed.js';

const holidays: ReadonlySet<string> = new Set(shippedHolidays.map((holiday) => holiday.date));
const makeUpWorkdays: ReadonlySet<string> = new Set(shippedMakeUpWorkdays.map((day) => day.date));
const none: ReadonlySet<string> = new Set();

describe('isWorkingDay', () => {
  it.each([
    ['2026-03-10', true, 'an ordinary Tuesday'],
    ['2026-03-14', false, 'a Saturday'],
    ['2026-03-15', false, 'a Sunday'],
    ['2026-02-17', false, 'mùng 1 Tết Bính Ngọ'],
    ['2025-09-01', false, 'the day next to Quốc khánh 2025'],
    ['2026-04-27', false, 'the compensation day for Giỗ Tổ on a Sunday'],
    ['2026-01-02', false, 'a weekday swapped for a Saturday'],
  ])('%s is a working day: %s (%s)', (iso, expected) => {
    expect(isWorkingDay(iso, holidays)).toBe(expected);
  });

  it('counts a make-up Saturday as a working day only when told about it', () => {
    expect(isWorkingDay('2026-01-10', holidays)).toBe(false);
    expect(isWorkingDay('2026-01-10', holidays, makeUpWorkdays)).toBe(true);
  });
});

describe('addWorkingDays', () => {
  // Expected dates were counted by hand on a printed calendar, not with the function under test.
  it.each([
    ['across Tết 2026', '2026-02-10', 30, '2026-03-31'],
    ['across Tết 2025', '2025-01-20', 30, '2025-03-10'],
    ['across 30/4–1/5 2025, from a Sunday', '2025-04-20', 30, '2025-06-04'],
    ['across Giỗ Tổ, 30/4 and 1/5 2026', '2026-04-20', 30, '2026-06-04'],
    ['across 2/9 2025', '2025-08-25', 30, '2025-10-08'],
    ['across 2/9 2026', '2026-08-17', 30, '2026-10-01'],
    ['from a Saturday', '2026-03-07', 1, '2026-03-09'],
    ['from a holiday', '2026-02-17', 1, '2026-02-23'],
    ['with n = 0 on a working day', '2026-03-10', 0, '2026-03-10'],
    ['with n = 0 on a Saturday', '2026-02-14', 0, '2026-02-14'],
    ['backwards across Tết 2026', '2026-02-23', -1, '2026-02-13'],
  ])('counts %s', (_case, start, n, expected) => {
    expect(addWorkingDays(start, n, holidays)).toBe(expected);
  });

  it.each([
    ['across 30/4–1/5 2025 with the make-up Saturday 26/4', '2025-04-20', 30, '2025-06-03'],
    ['across 2/9 2026 with the make-up Saturday 22/8', '2026-08-17', 30, '2026-09-30'],
  ])('counts %s', (_case, start, n, expected) => {
    expect(addWorkingDays(start, n, holidays, makeUpWorkdays)).toBe(expected);
  });

  it('skips only weekends when there are no holidays', () => {
    expect(addWorkingDays('2026-02-10', 30, none)).toBe('2026-03-24');
  });

  it('refuses a fractional count', () => {
    expect(() => addWorkingDays('2026-02-10', 1.5, holidays)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-02-10', '2026-03-31', 30],
    ['2026-02-10', '2026-03-30', 29],
    ['2026-02-13', '2026-02-22', 0],
    ['2026-02-13', '2026-02-23', 1],
    ['2026-03-10', '2026-03-10', 0],
    ['2025-08-29', '2025-09-03', 1],
    ['2026-03-31', '2026-02-10', -30],
  ])('from %s to %s counts %i working days', (from, to, expected) => {
    expect(workingDaysBetween(from, to, holidays)).toBe(expected);
  });

  it('is the inverse of addWorkingDays over the shipped years', () => {
    const startIso = fc.integer({ min: 0, max: 365 * 10 }).map((offset) => addDays('2020-01-01', offset));
    fc.assert(
      fc.property(startIso, fc.integer({ min: 0, max: 120 }), fc.boolean(), (from, n, withMakeUp) => {
        const extra = withMakeUp ? makeUpWorkdays : none;
        const due = addWorkingDays(from, n, holidays, extra);
        expect(workingDaysBetween(from, due, holidays, extra)).toBe(n);
        if (n > 0) expect(isWorkingDay(due, holidays, extra)).toBe(true);
      }),
    );
  });
});

describe('isWithinWorkingDays', () => {
  it.each([
    ['on the last allowed day', '2026-02-10', '2026-03-31', 30, true],
    ['one working day late', '2026-02-10', '2026-04-01', 30, false],
    ['on the Saturday after a Friday deadline', '2026-02-10', '2026-03-28', 28, false],
    ['on the Friday deadline itself', '2026-02-10', '2026-03-27', 28, true],
    ['on the start day', '2026-02-10', '2026-02-10', 30, true],
    ['before the start day', '2026-02-10', '2026-02-01', 30, true],
    ['within zero days only on the start day', '2026-03-10', '2026-03-11', 0, false],
  ])('judges an act %s', (_case, start, actual, n, expected) => {
    expect(isWithinWorkingDays(start, actual, n, holidays)).toBe(expected);
  });
});
