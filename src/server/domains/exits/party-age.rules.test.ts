import { describe, expect, it } from 'vitest';
import { pickVersion } from '../rulebook/rulebook.rules.js';
import { seedRuleVersions } from '../rulebook/rulebook.seed.js';
import type { RuleParam } from '../rulebook/rule-violation.rules.js';
import { type Interruption, checkReadmission, partyAge } from './party-age.rules.js';

function ruleOn(name: string, date: string): RuleParam {
  const version = pickVersion(
    seedRuleVersions.filter((v) => v.name === name),
    date,
  );
  if (!version) throw new Error(`no ${name} on ${date}`);
  return { value: version.value as number, source: version.source };
}

describe('partyAge', () => {
  const admittedOn = '1996-02-03';
  const gap = { from: '2000-01-01', to: '2003-07-01' };

  it.each<[string, Interruption[], string, [number, number, number]]>([
    ['30 years on the anniversary of the decision', [], '2026-02-03', [30, 0, 360]],
    ['29 years 11 months the day before', [], '2026-02-02', [29, 11, 359]],
    ['net of a gap of 3 years 6 months', [gap], '2026-02-03', [26, 6, 318]],
    [
      'net of overlapping gaps counted once',
      [
        { from: '2000-01-01', to: '2002-01-01' },
        { from: '2001-01-01', to: '2003-07-01' },
      ],
      '2026-02-03',
      [26, 6, 318],
    ],
    ['net of two separate gaps', [gap, { from: '2010-02-03', to: '2011-02-03' }], '2026-02-03', [25, 6, 306]],
    ['with a gap still open on the day counted', [gap], '2002-01-01', [3, 10, 46]],
    ['ignoring a gap before admission', [{ from: '1990-01-01', to: '1995-01-01' }], '2026-02-03', [30, 0, 360]],
    ['zero before the admission decision', [], '1995-01-01', [0, 0, 0]],
  ])('%s', (_case, interruptions, asOf, [years, months, totalMonths]) => {
    expect(partyAge({ admittedOn, interruptions, asOf })).toEqual({ years, months, totalMonths });
  });

  it('does not round a part-month of a gap in the member’s favour', () => {
    // One day away the month before the 30th anniversary: the badge waits a day.
    const oneDay = [{ from: '2025-01-10', to: '2025-01-11' }];
    expect(partyAge({ admittedOn, interruptions: oneDay, asOf: '2026-02-03' }).totalMonths).toBe(359);
    expect(partyAge({ admittedOn, interruptions: oneDay, asOf: '2026-02-04' }).totalMonths).toBe(360);
  });

  it.each<[string, string, Interruption, string, number]>([
    // Over 20 years, a gap of exactly January costs one month, whatever February's length after the admission day.
    ['exactly January, admitted on 1 February', '2006-02-01', { from: '2010-01-01', to: '2010-02-01' }, '2026-03-01', 240],
    ['exactly January, admitted on 1 March', '2006-03-01', { from: '2010-01-01', to: '2010-02-01' }, '2026-03-01', 239],
    ['exactly February of a leap year', '2006-02-01', { from: '2024-02-01', to: '2024-03-01' }, '2026-03-01', 240],
    ['exactly February of a common year', '2006-02-01', { from: '2023-02-01', to: '2023-03-01' }, '2026-03-01', 240],
    ['from the last day of January to the last of February', '2006-02-01', { from: '2023-01-31', to: '2023-02-28' }, '2026-03-01', 240],
  ])('subtracts a gap of %s as one calendar month', (_case, admitted, gap, asOf, totalMonths) => {
    expect(partyAge({ admittedOn: admitted, interruptions: [gap], asOf }).totalMonths).toBe(totalMonths);
    expect(partyAge({ admittedOn: admitted, interruptions: [], asOf }).totalMonths).toBe(totalMonths + 1);
  });

  it('adds the part-months of separate gaps as days, and takes a month for what is left over', () => {
    // Two gaps of 15 days each make one month; one more day on top costs a second month until a day more is served.
    const halves = [
      { from: '2010-03-01', to: '2010-03-16' },
      { from: '2012-03-01', to: '2012-03-16' },
    ];
    expect(partyAge({ admittedOn: '2006-02-01', interruptions: halves, asOf: '2026-03-01' }).totalMonths).toBe(240);
    const more = [...halves, { from: '2014-03-01', to: '2014-03-02' }];
    expect(partyAge({ admittedOn: '2006-02-01', interruptions: more, asOf: '2026-03-01' }).totalMonths).toBe(239);
    expect(partyAge({ admittedOn: '2006-02-01', interruptions: more, asOf: '2026-03-02' }).totalMonths).toBe(240);
  });

  it('refuses a gap that ends before it starts', () => {
    expect(() => partyAge({ admittedOn, interruptions: [{ from: '2003-01-01', to: '2002-01-01' }], asOf: '2026-02-03' })).toThrow(RangeError);
  });
});

describe('checkReadmission', () => {
  const minMonths = ruleOn('readmission_min_months', '2026-01-10');
  const maxCount = ruleOn('readmission_max_count', '2026-01-10');

  it.each([
    ['35 months after leaving', '2023-01-09', 0, ['leftOn']],
    ['36 months after leaving', '2023-01-10', 0, []],
    ['a second readmission', '2026-01-10', 1, ['previousReadmissions']],
    ['a second readmission too early', '2021-01-10', 1, ['previousReadmissions', 'leftOn']],
  ])('%s (considered %s, %i earlier readmissions) is refused on %j', (_case, consideredOn, previousReadmissions, fields) => {
    const problems = checkReadmission({ leftOn: '2020-01-10', consideredOn, previousReadmissions, minMonths, maxCount });
    expect(problems.map((p) => p.field)).toEqual(fields);
  });

  it('cites the implementing regulation in force on the day', () => {
    const [problem] = checkReadmission({ leftOn: '2020-01-10', consideredOn: '2026-01-10', previousReadmissions: 1, minMonths, maxCount });
    expect(problem).toMatchObject({ rule: 'readmission_max_count', source: '294-QĐ/TW' });
    expect(problem.message).toContain('Số lần kết nạp lại');
    expect(problem.message).toContain('294-QĐ/TW');
  });
});
