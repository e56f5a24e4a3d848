import { describe, expect, it } from 'vitest';
import {
  allowedExcellent,
  checkExcellentQuota,
  checkGrade,
  checkNewlyAdmittedExcuse,
  gradeForScore,
  type GradeCaps,
  type ScoreThresholds,
} from './ratings.rules.js';
import type { RuleParam } from '../rulebook/rule-violation.rules.js';

const source = '366-QĐ/TW (30/8/2025); 43-HD/BTCTW (31/10/2025)';
const thresholds: RuleParam<ScoreThresholds> = { value: { excellent: 90, good: 70, complete: 50 }, source };
const caps: RuleParam<GradeCaps> = { value: { sanctioned: 'complete', tasks_not_done: 'good', disciplined_sub_unit_or_leader: 'good' }, source };
const exceedingPercent: RuleParam = { value: 30, source };
const base = { thresholds, caps, exceedingPercent, excellentConditionsMet: true, tasksNotDone: false };

describe('the 100-point scale', () => {
  it('puts a score in its band', () => {
    expect([95, 90, 89.5, 70, 69, 50, 49.9, 0].map((s) => gradeForScore(s, thresholds.value))).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'complete',
      'complete',
      'incomplete',
      'incomplete',
    ]);
  });

  it('refuses a score off the scale, and a grade above the band', () => {
    expect(checkGrade({ ...base, score: -1, grade: 'incomplete' })).toEqual([expect.objectContaining({ rule: 'rating_score_thresholds', source })]);
    expect(checkGrade({ ...base, score: 101, grade: 'good' })[0].message).toContain('thang điểm 100');
    expect(checkGrade({ ...base, score: 69, grade: 'good' })[0].message).toContain('«Hoàn thành nhiệm vụ»');
    expect(checkGrade({ ...base, score: 69, grade: 'complete' })).toEqual([]);
  });
});

describe('the conditions that cap a grade', () => {
  // A fixture sanction, as the discipline records will give it (ratings.queries `sanctionsInYear`).
  const sanctions = [{ label: 'Khiển trách', decidedOn: '2025-06-10' }];

  it('keeps a member disciplined in the year at complete or below', () => {
    const [problem] = checkGrade({ ...base, score: 85, grade: 'good', sanctions });
    expect(problem).toMatchObject({ rule: 'rating_grade_caps', source, field: 'grade' });
    expect(problem.message).toContain('khiển trách');
    expect(problem.message).toContain('10/06/2025');
    expect(checkGrade({ ...base, score: 85, grade: 'complete', sanctions })).toEqual([]);
  });

  it('needs the excellent conditions, and caps tasks not done and a disciplined sub-unit at good', () => {
    expect(checkGrade({ ...base, score: 95, grade: 'excellent', excellentConditionsMet: false })[0].rule).toBe('rating_excellent_min_exceeding_percent');
    expect(checkGrade({ ...base, score: 95, grade: 'excellent', tasksNotDone: true })[0].rule).toBe('rating_grade_caps');
    expect(checkGrade({ ...base, score: 95, grade: 'excellent', disciplinedSubUnitOrLeader: true })[0].rule).toBe('rating_grade_caps');
    expect(checkGrade({ ...base, score: 95, grade: 'good', disciplinedSubUnitOrLeader: true, tasksNotDone: true })).toEqual([]);
  });
});

describe('the excellent quota', () => {
  const quota: RuleParam = { value: 20, source: '21-HD/BTCTW (2019)' };
  it('allows 20% of those rated good or better, rounded down', () => {
    expect([0, 4, 5, 9, 10, 11, 15].map((n) => allowedExcellent(n, 20))).toEqual([0, 0, 1, 1, 2, 2, 3]);
  });
  it('refuses the excellent member past the quota, naming the organisation and the numbers', () => {
    expect(checkExcellentQuota({ grassrootsOrgName: 'Đảng bộ Sở Tài chính', goodOrAbove: 10, excellent: 2, quota })).toEqual([]);
    const [problem] = checkExcellentQuota({ grassrootsOrgName: 'Đảng bộ Sở Tài chính', goodOrAbove: 10, excellent: 3, quota });
    expect(problem).toMatchObject({ rule: 'rating_excellent_quota_percent', source: '21-HD/BTCTW (2019)' });
    expect(problem.message).toContain('Đảng bộ Sở Tài chính');
    expect(problem.message).toContain('tối đa 2');
  });
});

describe('the newly admitted excuse', () => {
  const months: RuleParam = { value: 6, source: `${source} (?)` };
  it.each([
    ['2025-06-02', true],
    ['2025-06-01', false],
    ['2025-11-30', true],
    ['2010-05-19', false],
    [null, false],
  ] as const)('admitted %s, round opened 01/12/2025: excused = %s', (admittedOn, excused) => {
    const problems = checkNewlyAdmittedExcuse({ admittedOn, openedOn: '2025-12-01', months });
    expect(problems.length === 0).toBe(excused);
    if (!excused) expect(problems[0]).toMatchObject({ rule: 'rating_newly_admitted_excuse_months', field: 'reason', source: months.source });
  });
});
