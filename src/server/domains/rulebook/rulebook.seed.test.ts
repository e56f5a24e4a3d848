import { describe, expect, it } from 'vitest';
import { isValidIso } from '../../../shared/dates.js';
import { ruleVersionInput } from '../../../shared/rulebook.js';
import { ADMISSION_AGE_READING } from '../../../shared/admissions.js';
import { pickVersion } from './rulebook.rules.js';
import { ruleDefinitions, ruleUnits, seedRuleVersions } from './rulebook.seed.js';

const definitionNames = ruleDefinitions.map((definition) => definition.name);
const unitOf = new Map(ruleDefinitions.map((definition) => [definition.name, definition.unit]));

/** The seed in the order the service inserts it, so a row's position stands for its id. */
function inForce(name: string, date: string) {
  const versions = seedRuleVersions.map((version, index) => ({ ...version, createdAt: index })).filter((version) => version.name === name);
  return pickVersion(versions, date);
}

describe('ruleDefinitions', () => {
  it('names each rule once, in snake_case, with a Vietnamese label and description', () => {
    expect(new Set(definitionNames).size).toBe(definitionNames.length);
    for (const definition of ruleDefinitions) {
      expect(definition.name).toMatch(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/);
      expect(ruleUnits).toContain(definition.unit);
      expect(definition.label.trim(), definition.name).not.toBe('');
      expect(definition.description.trim(), definition.name).not.toBe('');
    }
  });

  it('gives every definition at least one version', () => {
    const versioned = new Set(seedRuleVersions.map((version) => version.name));
    expect(definitionNames.filter((name) => !versioned.has(name))).toEqual([]);
  });

  it('marks exactly the (?) items of RULES.md, and the values RULES.md does not give, as unconfirmed', () => {
    const unconfirmed = ruleDefinitions.filter((definition) => definition.unconfirmed).map((definition) => definition.name);
    expect(unconfirmed.sort()).toEqual(
      [
        'awareness_certificate_validity_years',
        'dossier_paper_validity_months',
        'discipline_limitation_reprimand_years',
        'discipline_limitation_warning_dismissal_years',
        // Discipline rules not in RULES.md at all, read from the documents but not confirmed from their text.
        'discipline_no_limitation_offence_groups',
        'discipline_appeal_filing_months',
        'discipline_appeal_decision_days',
        'sanction_record_months',
        'dues_uninsured_min_wage_percent',
        'dues_uninsured_retired_min_wage_percent',
        // Dues (dues domain): not in RULES.md, so unconfirmed.
        'dues_rounding_vnd',
        'regional_minimum_wage_vnd',
        'dues_retained_percent',
        'rating_excellent_quota_percent',
        // inspection: the step order is read from the list of steps, not from a (?) line of RULES.md
        'inspection_step_order',
        // meetings: RULES.md gives no grace and no scoring sheet ("Provinces score meeting quality")
        'meeting_compliance_grace_working_days',
        'meeting_quality_score_sheet',
        // ratings: a member disciplined in the year cannot be rated excellent or good (?)
        'rating_grade_caps',
        // ratings: RULES.md gives no number of months for "newly admitted"
        'rating_newly_admitted_excuse_months',
      ].sort(),
    );
  });
});

describe('seedRuleVersions', () => {
  it('names only defined rules', () => {
    expect(seedRuleVersions.filter((version) => !unitOf.has(version.name)).map((version) => version.name)).toEqual([]);
  });

  it('cites a source and a valid start date for every version', () => {
    for (const version of seedRuleVersions) {
      expect(version.source.trim(), version.name).not.toBe('');
      expect(isValidIso(version.effectiveFrom), `${version.name} ${version.effectiveFrom}`).toBe(true);
    }
  });

  it('has no two versions of a rule from the same day', () => {
    const keys = seedRuleVersions.map((version) => `${version.name}@${version.effectiveFrom}`);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  it('passes the same validation an administrator’s new version does', () => {
    for (const version of seedRuleVersions) {
      const parsed = ruleVersionInput.safeParse({ value: version.value, effectiveFrom: version.effectiveFrom, source: version.source });
      expect(parsed.success, version.name).toBe(true);
    }
  });

  it('shapes each value by its unit', () => {
    for (const { name, value } of seedRuleVersions) {
      const unit = unitOf.get(name);
      if (unit === 'list') {
        expect(Array.isArray(value) && value.every((item) => typeof item === 'number'), name).toBe(true);
      } else if (unit === 'ratio') {
        const ratio = value as { numerator: unknown; denominator: unknown };
        expect(Number.isInteger(ratio.numerator) && Number.isInteger(ratio.denominator) && (ratio.denominator as number) > 0, name).toBe(true);
      } else if (unit === 'object') {
        expect(typeof value === 'object' && value !== null && !Array.isArray(value), name).toBe(true);
      } else {
        expect(typeof value === 'number' && Number.isFinite(value) && value >= 0, name).toBe(true);
        if (unit !== 'percent') expect(Number.isInteger(value), name).toBe(true);
      }
    }
  });

  it.each([
    ['probation_months', 12],
    ['admission_min_age_months', 216],
    ['admission_max_age_months', 720],
    ['introducer_known_months', 12],
    ['admission_vote_ratio', { numerator: 2, denominator: 3 }],
    ['admission_decision_due_working_days', 60],
    ['ceremony_deadline_working_days', 30],
    ['confirmation_review_working_days', 30],
    ['awareness_certificate_validity_years', 5],
    ['transfer_letter_deadline_working_days', 60],
    ['transfer_present_deadline_working_days', 30],
    ['temporary_transfer_min_months', 3],
    ['temporary_transfer_max_months', 12],
    ['temporary_transfer_study_max_months', 24],
    ['readmission_min_months', 36],
    ['badge_milestones_years', [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]],
    ['cell_min_full_members', 3],
    ['cell_committee_min_full_members', 9],
    ['dues_student_vnd', 5000],
  ])('has %s in force in March 2026 with the value the workflows expect', (name, value) => {
    expect(inForce(name, '2026-03-01')?.value).toEqual(value);
  });

  it.each([
    ['2025-12-31', '342-QĐ/TW (2010)'],
    ['2026-02-02', '342-QĐ/TW (2010)'],
    ['2026-02-03', '01-QĐ/TW (3/2/2026)'],
  ])('cites the dues regulation in force on %s', (date, source) => {
    expect(inForce('dues_insured_salary_percent', date)?.source).toBe(source);
  });

  it.each([
    ['2016-07-24', undefined],
    ['2016-07-25', '29-QĐ/TW (25/7/2016)'],
    ['2021-07-29', '29-QĐ/TW (25/7/2016)'],
    ['2021-07-30', '24-QĐ/TW (30/7/2021)'],
    ['2025-01-19', '24-QĐ/TW (30/7/2021)'],
    ['2025-01-20', '232-QĐ/TW (20/1/2025)'],
    ['2025-06-30', '232-QĐ/TW (20/1/2025)'],
    ['2025-07-01', '294-QĐ/TW'],
  ])('keeps each implementing regulation apart with its own date: on %s the admission decision deadline cites %s', (date, source) => {
    expect(inForce('admission_decision_due_working_days', date)?.source).toBe(source);
    if (source) expect(inForce('ceremony_deadline_working_days', date)?.source).toBe(source);
  });

  it('cites 294-QĐ/TW for a transfer from 1/7/2025 and 232-QĐ/TW before', () => {
    expect(inForce('transfer_letter_deadline_working_days', '2025-06-30')?.source).toMatch(/^232-QĐ\/TW/);
    expect(inForce('transfer_letter_deadline_working_days', '2025-07-01')?.source).toBe('294-QĐ/TW, mục 6.3.1');
  });

  it('states one reading of the admission age in months, in the rulebook text as in the code', () => {
    const text = (name: string) => ruleDefinitions.find((d) => d.name === name)!.description;
    expect(text('admission_min_age_months')).toContain(ADMISSION_AGE_READING);
    expect(text('admission_max_age_months')).toContain(ADMISSION_AGE_READING);
    expect(text('admission_max_age_months')).toContain('cấp ủy trực thuộc Trung ương');
  });

  it('has the Charter rules in force from 2011', () => {
    expect(inForce('probation_months', '2011-01-01')).toMatchObject({ value: 12, source: 'Điều lệ Đảng 2011, Điều 5' });
    expect(inForce('probation_months', '2010-12-31')?.source).toContain('trước 2011');
    expect(inForce('ceremony_deadline_working_days', '2010-12-31')).toBeUndefined();
  });
});
