/**
 * Party badges (huy hiệu Đảng): milestones of party age, early awards for serious illness, and award dates
 * (RULES.md "Party age and badges"; values from the rulebook).
 */

export interface BadgeDue {
  milestoneYears: number;
  early: boolean;
}

/** Early months allowed for a milestone: the 30–65 rule below 70 years, the 70–90 rule from 70. */
export function earlyMonthsFor(milestoneYears: number, early30to65: number, early70to90: number): number {
  return milestoneYears >= 70 ? early70to90 : early30to65;
}

/**
 * The badge a member is due on an award date: the highest milestone reached (party age net of interruptions, in
 * months) above every badge already awarded; a seriously ill member reaches it up to the rulebook's months early.
 */
export function badgeDue(input: {
  partyAgeMonths: number;
  milestones: readonly number[];
  awarded: readonly number[];
  seriouslyIll: boolean;
  early30to65: number;
  early70to90: number;
}): BadgeDue | null {
  const highestAwarded = Math.max(0, ...input.awarded);
  const open = [...input.milestones].filter((m) => m > highestAwarded).sort((a, b) => b - a);
  for (const milestone of open) if (input.partyAgeMonths >= milestone * 12) return { milestoneYears: milestone, early: false };
  if (input.seriouslyIll)
    for (const milestone of [...open].reverse())
      if (input.partyAgeMonths >= milestone * 12 - earlyMonthsFor(milestone, input.early30to65, input.early70to90))
        return { milestoneYears: milestone, early: true };
  return null;
}

export interface AwardDaysValue {
  /** 'MM-DD' every year: 02-03, 05-19, 09-02, 11-07. */
  monthDays: string[];
  /** Anniversary dates an administrator adds as a new rulebook version ('YYYY-MM-DD'). */
  dates?: string[];
}

/** The award dates of a year, in order. */
export function awardDatesOf(year: number, value: AwardDaysValue): string[] {
  const yearly = value.monthDays.map((md) => `${year}-${md}`);
  const extra = (value.dates ?? []).filter((d) => d.startsWith(`${year}-`));
  return [...new Set([...yearly, ...extra])].sort();
}

/** The first award date on or after `today` (this year's, else next year's). */
export function nextAwardDate(today: string, value: AwardDaysValue): string {
  const year = Number(today.slice(0, 4));
  return [...awardDatesOf(year, value), ...awardDatesOf(year + 1, value)].find((d) => d >= today)!;
}
