import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awardDatesOf, badgeDue, nextAwardDate } from './badges.rules.js';

const milestones = [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90];
const due = (partyAgeMonths: number, awarded: number[] = [], seriouslyIll = false) =>
  badgeDue({ partyAgeMonths, milestones, awarded, seriouslyIll, early30to65: 12, early70to90: 24 });

describe('badgeDue', () => {
  it.each([
    [30 * 12 - 1, [], false, null],
    [30 * 12, [], false, { milestoneYears: 30, early: false }],
    [36 * 12, [], false, { milestoneYears: 30, early: false }],
    [36 * 12, [30], false, null],
    [46 * 12, [30], false, { milestoneYears: 45, early: false }],
    [29 * 12, [], true, { milestoneYears: 30, early: true }],
    [29 * 12 - 1, [], true, null],
    [68 * 12, [65], true, { milestoneYears: 70, early: true }],
    [68 * 12 - 1, [65], true, null],
  ])('at %i months with %j awarded (ill: %s) is due %j', (months, awarded, ill, expected) => {
    expect(due(months, awarded, ill)).toEqual(expected);
  });

  it('never proposes a milestone at or below one already awarded, nor one not reached', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 * 12 }), fc.subarray(milestones), fc.boolean(), (months, awarded, ill) => {
        const result = due(months, awarded, ill);
        if (!result) return;
        expect(result.milestoneYears).toBeGreaterThan(Math.max(0, ...awarded));
        expect(months).toBeGreaterThanOrEqual(result.milestoneYears * 12 - (result.early ? (result.milestoneYears >= 70 ? 24 : 12) : 0));
      }),
    );
  });
});

describe('award dates', () => {
  it('lists the four days and an added anniversary, and finds the next one', () => {
    const value = { monthDays: ['02-03', '05-19', '09-02', '11-07'], dates: ['2030-12-19'] };
    expect(awardDatesOf(2030, value)).toEqual(['2030-02-03', '2030-05-19', '2030-09-02', '2030-11-07', '2030-12-19']);
    expect(nextAwardDate('2026-11-08', value)).toBe('2027-02-03');
    expect(nextAwardDate('2026-09-02', value)).toBe('2026-09-02');
  });
});
