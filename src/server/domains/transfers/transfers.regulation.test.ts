import { describe, expect, it } from 'vitest';
import { shippedHolidays } from '../calendar/holidays.seed.js';
import { pickVersion } from '../rulebook/rulebook.rules.js';
import { seedRuleVersions } from '../rulebook/rulebook.seed.js';
import type { RuleParam } from '../rulebook/rule-violation.rules.js';
import {
  type TransferKind,
  type TransferState,
  canTransferTransition,
  checkLetterDate,
  checkPresentation,
  checkTemporaryDuration,
  checkMovingDecision,
  letterCountsFrom,
  letterIssuerLevel,
  letterDeadline,
  presentationDeadline,
} from './transfers.rules.js';

function ruleOn(name: string, date: string): RuleParam {
  const version = pickVersion(
    seedRuleVersions.filter((v) => v.name === name),
    date,
  );
  if (!version) throw new Error(`no ${name} on ${date}`);
  return { value: version.value as number, source: version.source };
}

const holidays: ReadonlySet<string> = new Set(shippedHolidays.map((h) => h.date));
const on = '2026-03-01';
const letterDays = ruleOn('transfer_letter_deadline_working_days', on);
const presentDays = ruleOn('transfer_present_deadline_working_days', on);

describe('canTransferTransition', () => {
  it.each<[TransferKind, TransferState, TransferState, boolean]>([
    ['permanent', 'pending', 'letter_issued', true],
    ['permanent', 'letter_issued', 'received', true],
    ['permanent', 'received', 'returned', false],
    ['temporary', 'received', 'returned', true],
    ['temporary', 'pending', 'received', false],
    ['permanent', 'received', 'cancelled', false],
    ['temporary', 'returned', 'received', false],
  ])('%s: %s → %s is %s', (kind, from, to, allowed) => {
    expect(canTransferTransition(kind, from, to)).toBe(allowed);
  });
});

describe('letterDeadline and presentationDeadline', () => {
  it('gives the sending organisation 60 working days, not counting Tết 2026', () => {
    expect(letterDeadline('2026-01-12', letterDays.value, holidays)).toBe('2026-04-13');
  });

  it('gives the member 30 working days from the letter, not counting Giỗ Tổ, 30/4 and 1/5 2026', () => {
    expect(presentationDeadline('2026-04-20', presentDays.value, holidays)).toBe('2026-06-04');
  });
});

describe('checkLetterDate', () => {
  it.each([
    ['on the last day', '2026-04-13', []],
    ['a day late', '2026-04-14', ['letterOn']],
    ['before the moving decision', '2026-01-09', ['letterOn']],
  ])('a letter %s (%s) is refused on %j', (_case, letterOn, fields) => {
    const problems = checkLetterDate({ movingDecisionOn: '2026-01-12', letterOn, workingDays: letterDays, holidays });
    expect(problems.map((p) => p.field)).toEqual(fields);
  });

  it('cites 294-QĐ/TW §6.3.1 for a late letter', () => {
    const [problem] = checkLetterDate({ movingDecisionOn: '2026-01-12', letterOn: '2026-04-14', workingDays: letterDays, holidays });
    expect(problem.source).toBe('294-QĐ/TW, mục 6.3.1');
    expect(problem.message).toContain('chậm nhất ngày 13/04/2026');
  });
});

describe('checkPresentation', () => {
  it.each([
    ['on the last day', '2026-06-04', null, []],
    ['a day late with no reason', '2026-06-05', null, ['lateReason']],
    ['a day late with a blank reason', '2026-06-05', '  ', ['lateReason']],
    ['a day late with its reason recorded', '2026-06-05', 'Nằm viện điều trị', []],
    ['before the letter was issued', '2026-04-19', null, ['presentedOn']],
  ])('presenting the letter %s (%s) is refused on %j', (_case, presentedOn, lateReason, fields) => {
    const problems = checkPresentation({ letterOn: '2026-04-20', presentedOn, lateReason, workingDays: presentDays, holidays });
    expect(problems.map((p) => p.field)).toEqual(fields);
  });
});

describe('checkTemporaryDuration', () => {
  const limits = {
    minMonths: ruleOn('temporary_transfer_min_months', on),
    maxMonths: ruleOn('temporary_transfer_max_months', on),
    studyMaxMonths: ruleOn('temporary_transfer_study_max_months', on),
  };

  it.each([
    ['work away one day short of 3 months', 'work', '2026-05-31', 'temporary_transfer_min_months'],
    ['work away 3 months', 'work', '2026-06-01', null],
    ['work away one day short of a year', 'work', '2027-02-28', null],
    ['work away a full year', 'work', '2027-03-01', 'temporary_transfer_max_months'],
    ['study for 18 months', 'study', '2027-09-01', null],
    ['study for 2 years exactly', 'study', '2028-03-01', null],
    ['study for 2 years and a day', 'study', '2028-03-02', 'temporary_transfer_study_max_months'],
    ['study for 2 months', 'study', '2026-05-01', 'temporary_transfer_min_months'],
  ] as const)('%s (%s until %s) → refused by %s', (_case, purpose, to, refusedBy) => {
    const problems = checkTemporaryDuration({ from: on, to, purpose, ...limits });
    expect(problems.map((p) => p.rule)).toEqual(refusedBy ? [refusedBy] : []);
  });

  it('tells the member to transfer permanently when the work lasts a year', () => {
    const [problem] = checkTemporaryDuration({ from: on, to: '2027-03-01', purpose: 'work', ...limits });
    expect(problem.message).toContain('chuyển sinh hoạt đảng chính thức');
    expect(problem.field).toBe('to');
  });
});

describe('the moving decision’s effective date', () => {
  // A retirement signed on 12/01/2026 that takes effect on 01/07/2026.
  const retirement = { date: '2026-01-12', effectiveOn: '2026-07-01' };

  it('counts the letter deadline from the effect, or from the signing when there is no effective date', () => {
    expect(letterCountsFrom(retirement)).toBe('2026-07-01');
    expect(letterCountsFrom({ date: '2026-01-12', effectiveOn: null })).toBe('2026-01-12');
    expect(letterCountsFrom({ date: '2026-01-12' })).toBe('2026-01-12');
  });

  it.each([
    ['in August, before 60 working days from the effect', '2026-08-14', []],
    ['between the signing and the effect', '2026-03-02', []],
    ['before the signing', '2026-01-09', ['letterOn']],
    ['60 working days after the effect and one more', letterDeadlineAfter('2026-07-01', 1), ['letterOn']],
  ])('a letter for that retirement %s (%s) is refused on %j', (_case, letterOn, fields) => {
    const problems = checkLetterDate({ movingDecisionOn: retirement.date, effectiveOn: retirement.effectiveOn, letterOn, workingDays: letterDays, holidays });
    expect(problems.map((p) => p.field)).toEqual(fields);
  });

  it('the same August letter counted from the signing would be late', () => {
    expect(checkLetterDate({ movingDecisionOn: retirement.date, letterOn: '2026-08-14', workingDays: letterDays, holidays })).toHaveLength(1);
  });

  it('refuses an effective date before the signing', () => {
    expect(checkMovingDecision(retirement)).toBeNull();
    expect(checkMovingDecision({ date: '2026-01-12', effectiveOn: '2026-01-12' })).toBeNull();
    expect(checkMovingDecision({ date: '2026-01-12', effectiveOn: '2026-01-11' })).toMatchObject({ field: 'movingDecision.effectiveOn' });
  });
});

describe('letterIssuerLevel', () => {
  it.each([
    ['permanent', 'out', 'upper_committee'],
    ['permanent', 'within', 'grassroots'],
    ['temporary', 'out', 'grassroots'],
    ['temporary', 'within', 'grassroots'],
    ['permanent', 'in', 'grassroots'],
  ] as const)('a %s transfer %s the deployment gets its letter from the %s level', (kind, direction, level) => {
    expect(letterIssuerLevel({ kind, direction })).toBe(level);
  });
});

function letterDeadlineAfter(from: string, extraDays: number): string {
  const due = letterDeadline(from, letterDays.value, holidays);
  const day = new Date(`${due}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + extraDays);
  return day.toISOString().slice(0, 10);
}
