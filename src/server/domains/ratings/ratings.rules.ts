import { ratingGradeLabels, ratingGrades, type RatingGrade } from '../../../shared/ratings.js';
import { type RuleParam, type RuleViolation, violation, viDate } from '../rulebook/rule-violation.rules.js';
import { addMonths } from '../../../shared/dates.js';

/** `rating_score_thresholds`: the lowest score of each band on the 100-point scale. */
export interface ScoreThresholds {
  excellent: number;
  good: number;
  complete: number;
}
/** `rating_grade_caps`: the best grade allowed under each capping condition. */
export interface GradeCaps {
  sanctioned: RatingGrade;
  tasks_not_done: RatingGrade;
  disciplined_sub_unit_or_leader: RatingGrade;
}

/** A sanction of the year as the discipline records give it (see ratings.queries `sanctionsInYear`). */
export interface SanctionInYear {
  /** Vietnamese name of the sanction, e.g. "Khiển trách". */
  label: string;
  decidedOn: string;
}

const rank = (grade: RatingGrade) => ratingGrades.indexOf(grade);
/** Whether `grade` is better than `cap` (excellent is the best). */
export const isBetterThan = (grade: RatingGrade, cap: RatingGrade) => rank(grade) < rank(cap);
const quoted = (grade: RatingGrade) => `«${ratingGradeLabels[grade]}»`;

/** The band a score falls in (366-QĐ/TW): excellent ≥ 90, good ≥ 70, complete ≥ 50, otherwise incomplete. */
export function gradeForScore(score: number, thresholds: ScoreThresholds): RatingGrade {
  if (score >= thresholds.excellent) return 'excellent';
  if (score >= thresholds.good) return 'good';
  if (score >= thresholds.complete) return 'complete';
  return 'incomplete';
}

/** The score lies on the 100-point scale. */
export function checkScore(score: number, thresholds: RuleParam<ScoreThresholds>, field = 'score'): RuleViolation[] {
  if (score >= 0 && score <= 100) return [];
  return [violation('rating_score_thresholds', thresholds, field, `Điểm: ${score} nằm ngoài thang điểm 100 (từ 0 đến 100)`)];
}

export interface GradeCheck {
  score: number;
  grade: RatingGrade;
  excellentConditionsMet: boolean;
  tasksNotDone: boolean;
  /** Members: sanctions of the year from the discipline records. */
  sanctions?: readonly SanctionInYear[];
  /** Organisations: a sub-unit or a leader disciplined in the year. */
  disciplinedSubUnitOrLeader?: boolean;
  thresholds: RuleParam<ScoreThresholds>;
  caps: RuleParam<GradeCaps>;
  exceedingPercent: RuleParam;
}

/**
 * A grade must not be better than the score's band, nor than any capping condition allows; excellent also needs its
 * conditions (all tasks on time, the share exceeding requirements, shortcomings fixed). Each broken rule is named.
 */
export function checkGrade(input: GradeCheck, field = 'grade'): RuleViolation[] {
  const problems = checkScore(input.score, input.thresholds);
  if (problems.length > 0) return problems;
  const band = gradeForScore(input.score, input.thresholds.value);
  const { grade } = input;
  if (isBetterThan(grade, band))
    problems.push(
      violation(
        'rating_score_thresholds',
        input.thresholds,
        field,
        `Mức xếp loại: ${input.score} điểm chỉ đạt mức ${quoted(band)}, không xếp được ${quoted(grade)}`,
      ),
    );
  if (grade === 'excellent' && !input.excellentConditionsMet)
    problems.push(
      violation(
        'rating_excellent_min_exceeding_percent',
        input.exceedingPercent,
        field,
        `Mức xếp loại: ${quoted('excellent')} cần hoàn thành mọi nhiệm vụ đúng hạn, ít nhất ${input.exceedingPercent.value}% nhiệm vụ vượt yêu cầu và đã khắc phục hạn chế trước đó`,
      ),
    );
  const caps = input.caps.value;
  const sanction = input.sanctions?.[0];
  if (sanction && isBetterThan(grade, caps.sanctioned))
    problems.push(
      violation(
        'rating_grade_caps',
        input.caps,
        field,
        `Mức xếp loại: đảng viên bị kỷ luật ${sanction.label.toLowerCase()} trong năm (quyết định ngày ${sanction.decidedOn.split('-').reverse().join('/')}) chỉ được xếp từ ${quoted(caps.sanctioned)} trở xuống`,
      ),
    );
  if (input.tasksNotDone && isBetterThan(grade, caps.tasks_not_done))
    problems.push(
      violation(
        'rating_grade_caps',
        input.caps,
        field,
        `Mức xếp loại: còn nhiệm vụ không hoàn thành nên chỉ được xếp từ ${quoted(caps.tasks_not_done)} trở xuống`,
      ),
    );
  if (input.disciplinedSubUnitOrLeader && isBetterThan(grade, caps.disciplined_sub_unit_or_leader))
    problems.push(
      violation(
        'rating_grade_caps',
        input.caps,
        field,
        `Mức xếp loại: có tổ chức trực thuộc hoặc cán bộ chủ chốt bị kỷ luật trong năm nên chỉ được xếp từ ${quoted(caps.disciplined_sub_unit_or_leader)} trở xuống`,
      ),
    );
  return problems;
}

/** How many members may be excellent: the quota's share of those rated good or better (rounded down). */
export function allowedExcellent(goodOrAbove: number, quotaPercent: number): number {
  return Math.floor((goodOrAbove * quotaPercent) / 100 + 1e-9);
}

/**
 * The excellent quota of one grassroots organisation, counted after the change: excellent members at most
 * `rating_excellent_quota_percent` of those rated good, the excellent ones included (they are chosen among them).
 */
export function checkExcellentQuota(
  input: { grassrootsOrgName: string; goodOrAbove: number; excellent: number; quota: RuleParam },
  field = 'grade',
): RuleViolation[] {
  const allowed = allowedExcellent(input.goodOrAbove, input.quota.value);
  if (input.excellent <= allowed) return [];
  return [
    violation(
      'rating_excellent_quota_percent',
      input.quota,
      field,
      `Mức xếp loại: ${input.grassrootsOrgName} đã có ${input.excellent - 1} đảng viên được đề xuất hoặc xếp loại ${quoted('excellent')}; với ${input.goodOrAbove} đảng viên từ ${quoted('good')} trở lên chỉ được tối đa ${allowed} đảng viên ${quoted('excellent')} (${input.quota.value}%)`,
    ),
  ];
}

/**
 * "Newly admitted" excuses only a member admitted less than `rating_newly_admitted_excuse_months` before the round
 * opened; anyone else is reviewed (or excused for another reason).
 */
export function checkNewlyAdmittedExcuse(input: { admittedOn: string | null; openedOn: string; months: RuleParam }, field = 'reason'): RuleViolation[] {
  if (input.admittedOn !== null && addMonths(input.admittedOn, input.months.value) > input.openedOn) return [];
  const admitted = input.admittedOn ? ` (đảng viên này được kết nạp ngày ${viDate(input.admittedOn)})` : '';
  return [
    violation(
      'rating_newly_admitted_excuse_months',
      input.months,
      field,
      `Lý do không đánh giá: chỉ đảng viên được kết nạp chưa đủ ${input.months.value} tháng đến ngày mở đợt đánh giá (${viDate(input.openedOn)}) mới được miễn vì mới kết nạp${admitted}`,
    ),
  ];
}
