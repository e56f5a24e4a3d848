import { describe, expect, it } from 'vitest';
import { pickVersion } from '../rulebook/rulebook.rules.js';
import { seedRuleVersions } from '../rulebook/rulebook.seed.js';
import type { RuleParam } from '../rulebook/rule-violation.rules.js';
import { checkReadmissionCase, isTimeRule, type ReadmissionCaseInput } from './readmission.rules.js';

function ruleOn(name: string, date: string): RuleParam {
  const version = pickVersion(
    seedRuleVersions.filter((v) => v.name === name),
    date,
  );
  if (!version) throw new Error(`no ${name} on ${date}`);
  return { value: version.value as number, source: version.source };
}

const on = '2026-01-10';
const params = {
  minMonths: ruleOn('readmission_min_months', on),
  minMonthsAfterExpungement: ruleOn('readmission_min_months_after_expungement', on),
  maxCount: ruleOn('readmission_max_count', on),
};
const clean = { conviction: 'none', convictionExpungedOn: null, familyHardship: false, seriousDisunity: false } as const;
const struckOff = { kind: 'strike_off', leftOn: '2022-01-10', strikeOffGround: 'unpaid_dues' } as const;

type Case = Omit<Partial<ReadmissionCaseInput>, 'request'> & { request?: Partial<ReadmissionCaseInput['request']> };

function check(overrides: Case) {
  const { request, ...rest } = overrides;
  return checkReadmissionCase({ leaving: struckOff, previousReadmissions: 0, consideredOn: on, ...params, ...rest, request: { ...clean, ...request } }).map(
    (p) => p.rule,
  );
}

describe('checkReadmissionCase', () => {
  it.each<[string, Case, string[]]>([
    ['struck off for unpaid dues 48 months ago', {}, []],
    ['36 months to the day', { leaving: { ...struckOff, leftOn: '2023-01-10' } }, []],
    ['a day short of 36 months', { leaving: { ...struckOff, leftOn: '2023-01-11' } }, ['readmission_min_months']],
    ['already readmitted once', { previousReadmissions: 1 }, ['readmission_max_count']],
    ['withdrew of their own will', { leaving: { kind: 'withdrawal', leftOn: '2020-01-10', strikeOffGround: null } }, ['readmission_exclusions']],
    [
      'withdrew for special family hardship',
      { leaving: { kind: 'withdrawal', leftOn: '2020-01-10', strikeOffGround: null }, request: { familyHardship: true } },
      [],
    ],
    ['struck off for abandoning party life', { leaving: { ...struckOff, strikeOffGround: 'absent_from_party_life' } }, ['readmission_exclusions']],
    ['expelled', { leaving: { kind: 'expulsion', leftOn: '2020-01-10', strikeOffGround: null } }, []],
    ['convicted of corruption', { request: { conviction: 'corruption' } }, ['readmission_exclusions']],
    ['convicted of a serious crime', { request: { conviction: 'serious_crime' } }, ['readmission_exclusions']],
    ['caused serious disunity', { request: { seriousDisunity: true } }, ['readmission_exclusions']],
    ['convicted of another crime, expunged 60 months ago', { request: { conviction: 'other', convictionExpungedOn: '2021-01-10' } }, []],
    [
      'convicted of another crime, expunged 59 months ago',
      { request: { conviction: 'other', convictionExpungedOn: '2021-02-10' } },
      ['readmission_min_months_after_expungement'],
    ],
    ['convicted of another crime with no expungement date', { request: { conviction: 'other' } }, ['readmission_min_months_after_expungement']],
    ['never left', { leaving: null }, ['readmission_exclusions']],
  ])('%s → %j', (_case, input, rules) => {
    expect(check(input)).toEqual(rules);
  });

  it('cites the implementing regulation and keeps the waiting times for the cell’s day', () => {
    const [problem] = checkReadmissionCase({
      leaving: { ...struckOff, leftOn: '2025-01-10' },
      previousReadmissions: 0,
      consideredOn: on,
      ...params,
      request: clean,
    });
    expect(problem.source).toContain('294-QĐ/TW');
    expect(isTimeRule(problem)).toBe(true);
    expect(problem.message).not.toContain('readmission_min_months');
  });
});
