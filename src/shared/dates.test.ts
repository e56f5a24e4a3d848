import { describe, expect, it } from 'vitest';
import { addDays, addMonths, compareIso, dayOfWeek, daysBetween, fullMonthsBetween, fullYearsBetween, isoYear, isValidIso, todayIso } from './dates.js';

describe('todayIso', () => {
  it.each([
    ['2026-03-14T16:59:59Z', '2026-03-14'],
    ['2026-03-14T17:00:00Z', '2026-03-15'],
    ['2025-12-31T17:00:00Z', '2026-01-01'],
    ['2026-01-01T06:59:59Z', '2026-01-01'],
  ])('gives the Vietnamese date for the instant %s', (instant, expected) => {
    expect(todayIso(new Date(instant))).toBe(expected);
  });

  it('defaults to the current instant', () => {
    expect(isValidIso(todayIso())).toBe(true);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-15', 0, '2026-03-15'],
    ['2024-01-01', 366, '2025-01-01'],
  ])('%s + %i days is %s', (iso, n, expected) => {
    expect(addDays(iso, n)).toBe(expected);
  });

  it('refuses a date that does not exist', () => {
    expect(() => addDays('2025-02-29', 1)).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it.each([
    ['2024-02-29', 12, '2025-02-28'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2025-11-15', 2, '2026-01-15'],
    ['2026-01-15', -13, '2024-12-15'],
    ['2008-03-15', 216, '2026-03-15'],
    ['2025-08-31', 0, '2025-08-31'],
  ])('%s + %i months is %s', (iso, n, expected) => {
    expect(addMonths(iso, n)).toBe(expected);
  });
});

describe('fullMonthsBetween', () => {
  it.each([
    ['2008-03-15', '2026-03-14', 215],
    ['2008-03-15', '2026-03-15', 216],
    ['2025-01-31', '2025-02-27', 0],
    ['2025-01-31', '2025-02-28', 1],
    ['2024-02-29', '2025-02-28', 12],
    ['2024-02-29', '2025-02-27', 11],
    ['2026-03-15', '2026-03-15', 0],
    ['2026-03-15', '2008-03-15', -216],
    ['2026-03-15', '2008-03-16', -215],
  ])('from %s to %s is %i completed months', (from, to, expected) => {
    expect(fullMonthsBetween(from, to)).toBe(expected);
  });
});

describe('fullYearsBetween', () => {
  it.each([
    ['2008-03-15', '2026-03-14', 17],
    ['2008-03-15', '2026-03-15', 18],
    ['2000-02-29', '2001-02-28', 1],
    ['1965-05-20', '2026-05-19', 60],
    ['2026-03-15', '2008-03-16', -17],
  ])('from %s to %s is %i completed years', (from, to, expected) => {
    expect(fullYearsBetween(from, to)).toBe(expected);
  });
});

describe('compareIso', () => {
  it.each([
    ['2025-12-31', '2026-01-01', -1],
    ['2026-01-01', '2026-01-01', 0],
    ['2026-01-02', '2026-01-01', 1],
  ])('orders %s against %s as %i', (a, b, expected) => {
    expect(compareIso(a, b)).toBe(expected);
  });

  it('refuses a malformed date', () => {
    expect(() => compareIso('2026-1-1', '2026-01-01')).toThrow(RangeError);
  });
});

describe('isValidIso', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-01', false],
    ['2026-01-01T00:00:00Z', false],
    ['', false],
  ])('judges %j valid: %s', (iso, expected) => {
    expect(isValidIso(iso)).toBe(expected);
  });
});

describe('dayOfWeek', () => {
  it.each([
    ['2026-02-17', 2],
    ['2025-09-02', 2],
    ['2026-03-15', 0],
    ['2026-03-14', 6],
    ['1975-04-30', 3],
  ])('%s falls on weekday %i', (iso, expected) => {
    expect(dayOfWeek(iso)).toBe(expected);
  });
});

describe('isoYear', () => {
  it('reads the calendar year', () => {
    expect(isoYear('2026-12-31')).toBe(2026);
    expect(isoYear('2027-01-01')).toBe(2027);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-01-01', '2026-01-01', 0],
    ['2025-12-31', '2026-01-01', 1],
    ['2024-01-01', '2025-01-01', 366],
    ['2026-03-01', '2026-02-28', -1],
  ])('from %s to %s is %i days', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});
