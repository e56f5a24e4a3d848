import type { Ctx } from '../../context.js';
import { AppError } from '../../errors.js';
import { type Introducer, type Ratio, type VoteRule, checkAdmissionAge, checkAwarenessCertificate, checkIntroducers, checkVote } from './admissions.rules.js';
import type { RuleViolation } from '../rulebook/rule-violation.rules.js';
import { ruleReader, type RuleReader } from './admissions.deadlines.js';
import { membersBrief, type CandidateWithOrg } from './admissions.queries.js';

/** All the rules a step broke, at once: each message sits beside its field, and the first names the rule. */
export function violationsError(problems: readonly RuleViolation[]): AppError {
  return new AppError(
    'RULE_VIOLATION',
    problems.map((p) => p.message).join(' '),
    problems.map((p) => ({ field: p.field, message: p.message })),
    { name: problems[0].rule, source: problems[0].source },
  );
}

/** Rule fields named as the forms name them (`introducers[0].knownSinceIso` → `introducers.0.knownSince`). */
function asFormField(field: string): string {
  return field
    .replace(/^introducers\[(\d+)\]\.knownSinceIso$/u, 'introducers.$1.knownSince')
    .replace(/^introducers\[(\d+)\]\.status$/u, 'introducers.$1.memberId')
    .replace(/^consideredOn$/u, 'decision.date');
}

function onFormFields(problems: RuleViolation[]): RuleViolation[] {
  return problems.map((p) => ({ ...p, field: asFormField(p.field) }));
}

/** A vote against the ratio in force on the vote's date. */
export async function voteProblems(rules: RuleReader, rule: VoteRule, date: string, votes: { inFavour: number; against: number; eligible: number }): Promise<RuleViolation[]> {
  const ratio = await rules<Ratio>(rule, date);
  return checkVote({ ...votes, ratio, rule });
}

/**
 * What the cell must verify on the day it considers the candidate: age in months, the awareness-course
 * certificate, and the two introducers. Each parameter is the rulebook's version in force on that day.
 * Also shown on the candidate page (as of today) before the vote.
 */
export async function eligibilityProblems(ctx: Ctx, candidate: CandidateWithOrg, consideredOn: string, rules: RuleReader = ruleReader(ctx)): Promise<RuleViolation[]> {
  const [minMonths, maxMonths, validityYears, knownMonths, count] = await Promise.all([
    rules('admission_min_age_months', consideredOn),
    rules('admission_max_age_months', consideredOn),
    rules('awareness_certificate_validity_years', consideredOn),
    rules('introducer_known_months', consideredOn),
    rules('introducer_count', consideredOn),
  ]);
  const members = await membersBrief(
    ctx.db,
    candidate.introducers.map((i) => i.memberId),
  );
  const introducers: Introducer[] = candidate.introducers.map((i) => ({
    memberId: i.memberId,
    // A member who cannot be found cannot vouch: treated like one who has left.
    status: members.find((m) => m.id === i.memberId)?.status ?? 'struck_off',
    knownSinceIso: i.knownSince,
  }));
  return onFormFields([
    ...checkAdmissionAge({ birthDate: candidate.birthDate, consideredOn, minMonths, maxMonths, hasSpecialDecision: candidate.specialAgeDecision !== null }),
    ...checkAwarenessCertificate({ issuedOn: candidate.awarenessCertificate?.issuedOn ?? null, consideredOn, validityYears }),
    ...checkIntroducers(introducers, consideredOn, knownMonths, count),
  ]);
}
