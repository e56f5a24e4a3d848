import { ruleDefinitions } from '../rulebook/rulebook.seed.js';

/**
 * What the membership workflows share: a rule parameter as the rulebook hands it over, and the
 * violation a check returns instead of throwing.
 */

/** A rulebook value in force on the step's date, with the document that sets it (the shape of rulebook `ruleAt`). */
export interface RuleParam<T = number> {
  value: T;
  source: string;
}

/** Why a step is refused: the rulebook name, its source document, the input field, and Vietnamese text. */
export interface RuleViolation {
  rule: string;
  source: string;
  field: string;
  message: string;
}

const ruleLabels = new Map(ruleDefinitions.map((definition) => [definition.name, definition.label]));

/** `message` opens with the field's Vietnamese name; the rule's label and its source are appended. */
export function violation(rule: string, param: Pick<RuleParam<unknown>, 'source'>, field: string, message: string): RuleViolation {
  const label = ruleLabels.get(rule) ?? rule;
  return { rule, source: param.source, field, message: `${message} (quy định «${label}», ${param.source}).` };
}

/** dd/mm/yyyy for messages. */
export function viDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** '17 năm 11 tháng', '18 năm', '11 tháng'. */
export function viMonths(totalMonths: number): string {
  const years = Math.trunc(totalMonths / 12);
  const months = totalMonths % 12;
  if (years === 0) return `${months} tháng`;
  return months === 0 ? `${years} năm` : `${years} năm ${months} tháng`;
}
