import { describe, expect, it } from 'vitest';
import { pickVersion } from '../rulebook/rulebook.rules.js';
import { seedRuleVersions } from '../rulebook/rulebook.seed.js';
import { checkConfirmationTiming, confirmationEffect, confirmationTransitions, probationEnd } from './confirmation.rules.js';
import type { RuleParam } from '../rulebook/rule-violation.rules.js';

function ruleOn(name: string, date: string): RuleParam {
  const version = pickVersion(
    seedRuleVersions.filter((v) => v.name === name),
    date,
  );
  if (!version) throw new Error(`no ${name} on ${date}`);
  return { value: version.value as number, source: version.source };
}

const months = ruleOn('probation_months', '2024-02-29');

describe('probationEnd', () => {
  it.each([
    ['a ceremony on 29 February ends on 28 February', '2024-02-29', 12, '2025-02-28'],
    ['an ordinary day ends on the same day a year later', '2023-11-22', 12, '2024-11-22'],
    ['28 February in a year before a leap year stays 28 February', '2023-02-28', 12, '2024-02-28'],
    ['31 March with an 11-month probation ends on the last day of February', '2023-03-31', 11, '2024-02-29'],
  ])('%s (%s + %i months → %s)', (_case, ceremonyDate, probationMonths, end) => {
    expect(probationEnd(ceremonyDate, probationMonths)).toBe(end);
  });
});

describe('checkConfirmationTiming', () => {
  it.each([
    ['the day before probation ends', '2025-02-27', false],
    ['the day probation ends', '2025-02-28', true],
    ['a month later', '2025-03-28', true],
  ])('a review %s (%s) is accepted: %s', (_case, consideredOn, accepted) => {
    expect(checkConfirmationTiming('2024-02-29', consideredOn, months)).toHaveLength(accepted ? 0 : 1);
  });

  it('refuses before 12 months of probation, naming the day it ends', () => {
    const [problem] = checkConfirmationTiming('2024-02-29', '2025-02-27', months);
    expect(problem).toMatchObject({ rule: 'probation_months', source: 'Điều lệ Đảng 2011, Điều 5', field: 'consideredOn' });
    expect(problem.message).toContain('đến ngày 28/02/2025');
    expect(problem.message).toContain('Thời gian dự bị');
  });
});

describe('confirmationEffect', () => {
  it('makes a confirmed member full from the end of probation, not from the decision', () => {
    expect(confirmationEffect('confirmed', '2024-02-29', 12)).toEqual({ outcome: 'confirmed', status: 'full', fullFrom: '2025-02-28' });
  });

  it('strikes an unsuitable member off with no date of full membership', () => {
    expect(confirmationEffect('struck_off', '2024-02-29', 12)).toEqual({ outcome: 'struck_off', status: 'struck_off', fullFrom: null });
  });

  it('ends probation in exactly one of the two outcomes', () => {
    expect(confirmationTransitions.probationary).toEqual(['confirmed', 'struck_off']);
    expect(confirmationTransitions.confirmed).toEqual([]);
    expect(confirmationTransitions.struck_off).toEqual([]);
  });
});
