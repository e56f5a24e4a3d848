import { ratingGradeLabels, ratingGrades } from '../../../shared/ratings';

/** The four grades for a select, best first. */
export const gradeOptions = ratingGrades.map((g) => ({ value: g, label: ratingGradeLabels[g] }));

/** '85,5' or '85.5' as a number; anything else is passed on for the schema to refuse. */
export function scoreOf(text: string | boolean | null): number {
  if (typeof text !== 'string' || text.trim() === '') return Number.NaN;
  return Number(text.trim().replace(',', '.'));
}
