import { readTogether, type Ctx } from '../../context.js';
import { AppError } from '../../errors.js';
import {
  type Introducer,
  type Ratio,
  type VoteRule,
  applicableDossierItems,
  checkAdmissionAge,
  checkAwarenessCertificate,
  checkDossierAge,
  checkIntroducers,
  checkLowerSecondary,
  checkVote,
  checkVoterCount,
} from './admissions.rules.js';
import { viDate } from '../rulebook/rule-violation.rules.js';
import type { ExcludedVoter, VoteResult, VotersView } from '../../../shared/admissions.js';
import type { RuleViolation } from '../rulebook/rule-violation.rules.js';
import { ruleReader, type RuleReader } from './admissions.deadlines.js';
import { checkCellMinimum } from '../orgs/orgs.rules.js';
import { ancestorsOf, fullMembersOn, memberStatusesOn, seatHoldersOn, type CandidateWithOrg } from './admissions.queries.js';

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

/** A vote against the ratio in force on the vote's date; a vote recorded as failed must fall short of it. */
export async function voteProblems(
  rules: RuleReader,
  rule: VoteRule,
  date: string,
  votes: { inFavour: number; against: number; eligible: number; result?: VoteResult },
): Promise<RuleViolation[]> {
  const ratio = await rules<Ratio>(rule, date);
  return checkVote({ ...votes, ratio, rule });
}

/** Those entitled to vote in the cell on `date`: its full members, minus those on temporary transfer elsewhere. */
/** The cell below the Charter's minimum of full members on `date` cannot hold a valid meeting (orgs.rules checkCellMinimum). */
export async function cellSizeProblems(rules: RuleReader, voters: VotersView, date: string, field: string): Promise<RuleViolation[]> {
  return checkCellMinimum({ fullMembers: voters.voters.length + voters.away.length, min: await rules('cell_min_full_members', date), onDate: date, field });
}

export async function cellVotersOn(ctx: Ctx, orgId: number, date: string): Promise<VotersView> {
  const members = await fullMembersOn(ctx.db, orgId, date);
  const voters = members.filter((m) => !m.away).map((m) => ({ memberId: m.memberId, fullName: m.fullName }));
  const away = members.filter((m) => m.away).map((m) => ({ memberId: m.memberId, fullName: m.fullName }));
  return { eligible: voters.length, voters, away, recorded: true };
}

/** The grassroots committee above a cell (its nearest ancestor of that kind), whose members vote after the cell. */
export async function grassrootsCommitteeOf(ctx: Ctx, cellPath: string): Promise<{ id: number; name: string } | null> {
  return (await ancestorsOf(ctx.db, cellPath)).find((org) => org.kind === 'grassroots_committee') ?? null;
}

/** The committee's members on `date` from its recorded seats; `recorded` is false when it has none (typed count). */
export async function committeeVotersOn(ctx: Ctx, cellPath: string, date: string): Promise<VotersView> {
  const committee = await grassrootsCommitteeOf(ctx, cellPath);
  const holders = committee ? await seatHoldersOn(ctx.db, committee.id, date) : [];
  const voters = holders.map((h) => ({ memberId: h.memberId, fullName: h.fullName }));
  return { eligible: voters.length, voters, away: [], recorded: voters.length > 0 };
}

export interface VoteCount {
  eligible: number;
  /** What was recorded beside the vote: the records' count, who was excluded and why. */
  details: { eligibleComputed: number | null; excluded: ExcludedVoter[]; away: number[]; seatsRecorded: boolean };
  problems: RuleViolation[];
}

/**
 * The denominator of a vote: computed from the records on the vote's date; the user may only lower it by naming who
 * is excluded and why. A committee without recorded seats keeps the typed count (old records), which is required.
 */
export async function countVoters(
  rules: RuleReader,
  rule: VoteRule,
  date: string,
  voters: VotersView,
  input: { eligible: number | null; excluded?: ExcludedVoter[] },
): Promise<VoteCount> {
  const excluded = input.excluded ?? [];
  const ratio = await rules<Ratio>(rule, date);
  const away = voters.away.map((v) => v.memberId);
  if (!voters.recorded) {
    if (input.eligible === null)
      return {
        eligible: 0,
        details: { eligibleComputed: null, excluded, away, seatsRecorded: false },
        problems: [
          {
            rule,
            source: ratio.source,
            field: 'eligible',
            message: 'Số cấp ủy viên: chưa có danh sách cấp ủy ghi trong hệ thống vào ngày này; nhập số cấp ủy viên.',
          },
        ],
      };
    return { eligible: input.eligible, details: { eligibleComputed: null, excluded, away, seatsRecorded: false }, problems: [] };
  }
  const isCommittee = rule.includes('committee');
  const describe = isCommittee
    ? `ngày ${viDate(date)} cấp ủy có ${voters.eligible} cấp ủy viên`
    : `ngày ${viDate(date)} chi bộ có ${voters.eligible} đảng viên chính thức có quyền biểu quyết${voters.away.length > 0 ? ` (không tính ${voters.away.length} đảng viên đang sinh hoạt tạm thời nơi khác)` : ''}`;
  const { eligible, problems } = checkVoterCount({ voterIds: voters.voters.map((v) => v.memberId), typed: input.eligible, excluded, ratio, rule, describe });
  const zero =
    eligible === 0 && problems.length === 0
      ? [{ rule, source: ratio.source, field: 'eligible', message: `Số người có quyền biểu quyết: ${describe}; không có ai để biểu quyết.` }]
      : [];
  return { eligible, details: { eligibleComputed: voters.eligible, excluded, away, seatsRecorded: isCommittee }, problems: [...problems, ...zero] };
}

/**
 * What the cell must verify on the day it considers the candidate: age in months, the awareness-course
 * certificate, and the two introducers. Each parameter is the rulebook's version in force on that day.
 * Also shown on the candidate page (as of today) before the vote.
 */
export async function eligibilityProblems(
  ctx: Ctx,
  candidate: CandidateWithOrg,
  consideredOn: string,
  rules: RuleReader = ruleReader(ctx),
): Promise<RuleViolation[]> {
  const [minMonths, maxMonths, validityYears, knownMonths, count, unionCount, education, paperMonths] = await readTogether(ctx.db, [
    () => rules<number>('admission_min_age_months', consideredOn),
    () => rules<number>('admission_max_age_months', consideredOn),
    () => rules<number>('awareness_certificate_validity_years', consideredOn),
    () => rules<number>('introducer_known_months', consideredOn),
    () => rules<number>('introducer_count', consideredOn),
    () => rules<number>('introducer_count_with_union_resolution', consideredOn),
    () => rules<unknown>('admission_lower_secondary', consideredOn),
    () => rules<number>('dossier_paper_validity_months', consideredOn),
  ]);
  // The introducer's status on the day the cell considers the file, from the dated periods (not today's status).
  const statuses = await memberStatusesOn(
    ctx.db,
    candidate.introducers.map((i) => i.memberId),
    consideredOn,
  );
  const introducers: Introducer[] = candidate.introducers.map((i) => ({
    memberId: i.memberId,
    status: statuses.get(i.memberId) ?? 'none',
    knownSinceIso: i.knownSince,
    replacement: i.replacement ?? false,
  }));
  const union = candidate.unionResolution ? { kind: candidate.unionResolution.kind, date: candidate.unionResolution.decision.date } : null;
  return onFormFields([
    ...checkAdmissionAge({ birthDate: candidate.birthDate, consideredOn, minMonths, maxMonths, hasSpecialDecision: candidate.specialAgeDecision !== null }),
    ...checkLowerSecondary(candidate.lowerSecondary, education),
    ...checkAwarenessCertificate({ issuedOn: candidate.awarenessCertificate?.issuedOn ?? null, consideredOn, validityYears }),
    ...checkIntroducers({ introducers, consideredOn, knownMonths, count, unionCount, youthUnionMember: candidate.youthUnionMember, union }),
    ...checkDossierAge(candidate.dossier, applicableDossierItems(candidate.youthUnionMember), consideredOn, paperMonths),
  ]);
}
