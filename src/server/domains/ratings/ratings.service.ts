import { inTransaction, type Ctx, type Scope, readTogether } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { AppError, conflict, forbidden, invalidField, notFound, staleVersion } from '../../errors.js';
import { isPathInScope } from '../../scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrg } from '../orgs/orgs.queries.js';
import { findMember } from '../members/members.queries.js';
import { getOrgInScope } from '../orgs/orgs.service.js';
import { ruleAt } from '../rulebook/rulebook.service.js';
import type { RuleViolation } from '../rulebook/rule-violation.rules.js';
import { severityOf, type SeverityCalendar } from '../radar/radar.rules.js';
import type { AttentionItem } from '../../../shared/radar.js';
import { formatNumber } from '../../../shared/vietnamese.js';
import {
  closeRound,
  findMemberRating,
  findOrgRating,
  findRound,
  insertRound,
  memberRatingView,
  memberRatingsOf,
  notYetRated,
  orgDisciplinedInYear,
  orgRatingView,
  orgRatingsOf,
  overlappingRound,
  quotaCountsExcluding,
  quotaUseOf,
  ratingsOfMember,
  roundSummaryOf,
  roundView,
  roundsTouching,
  sanctionsInYear,
  seedMemberRatings,
  seedOrgRatings,
  updateMemberRating,
  updateOrgRating,
  type RatingRoundRow,
} from './ratings.queries.js';
import {
  allowedExcellent,
  checkExcellentQuota,
  checkGrade,
  checkNewlyAdmittedExcuse,
  checkScore,
  gradeForScore,
  isBetterThan,
  type GradeCaps,
  type ScoreThresholds,
} from './ratings.rules.js';
import {
  ratingExcuses,
  ratingGradeLabels,
  ratingPeriodLabel,
  termYears,
  ratingGrades,
  orgTitles,
  type MemberRatingDecision,
  type MemberRatingExcuse,
  type MemberRatingListQuery,
  type MemberRatingProposal,
  type OrgRatingDecision,
  type QuotaUse,
  type RatingGrade,
  type RatingRoundClose,
  type RatingRoundCreate,
  type RatingRoundSummary,
  type SelfAssessment,
} from '../../../shared/ratings.js';

const ROUND = 'đợt đánh giá, xếp loại';
const MEMBER_RATING = 'phiếu đánh giá, xếp loại đảng viên';
const ORG_RATING = 'phiếu đánh giá, xếp loại tổ chức đảng';

/** Refuses with the first broken rule (its name and source) and every field named. */
function throwIfViolated(problems: RuleViolation[]): void {
  const [first] = problems;
  if (!first) return;
  throw new AppError(
    'RULE_VIOLATION',
    first.message,
    problems.map((p) => ({ field: p.field, message: p.message })),
    { name: first.rule, source: first.source },
  );
}

/**
 * The part of a round the actor sees: the round's subtree, narrowed to the actor's own subtree when the round was
 * opened above it. Null when they do not meet.
 */
function visiblePath(scope: Scope, roundPath: string): string | null {
  if (scope.kind === 'all') return roundPath;
  if (scope.kind === 'self') return null;
  if (scope.path.startsWith(roundPath)) return scope.path;
  if (roundPath.startsWith(scope.path)) return roundPath;
  return null;
}

async function roundInReach(ctx: Ctx, id: number): Promise<{ round: RatingRoundRow; path: string }> {
  const round = await findRound(ctx.db, id);
  const path = round ? visiblePath(ctx.actor.scope, round.orgPath) : null;
  if (!round || path === null) throw notFound(ROUND);
  return { round, path };
}

async function rulesAt(ctx: Ctx, date: string) {
  const [thresholds, caps, exceedingPercent, quota] = await readTogether(ctx.db, [
    () => ruleAt<ScoreThresholds>(ctx, 'rating_score_thresholds', date),
    () => ruleAt<GradeCaps>(ctx, 'rating_grade_caps', date),
    () => ruleAt<number>(ctx, 'rating_excellent_min_exceeding_percent', date),
    () => ruleAt<number>(ctx, 'rating_excellent_quota_percent', date),
  ]);
  return { thresholds, caps, exceedingPercent, quota };
}

/**
 * A term's round names its term ('2020–2025', written with an en dash whatever the input) and is held in one of the
 * term's years (366-QĐ/TW: the review is yearly, and also per term).
 */
function termPeriod(text: string | null, year: number): string {
  const years = text ? termYears(text) : null;
  if (!years) throw invalidField('term', 'Đợt đánh giá theo nhiệm kỳ cần ghi nhiệm kỳ, có dạng 2020–2025.');
  if (years.to <= years.from) throw invalidField('term', 'Nhiệm kỳ: năm kết thúc phải sau năm bắt đầu (ví dụ 2020–2025).');
  if (year < years.from || year > years.to)
    throw invalidField('year', `Đợt đánh giá nhiệm kỳ ${years.from}–${years.to} được tổ chức trong một năm của nhiệm kỳ (${years.from} đến ${years.to}).`);
  return `${years.from}–${years.to}`;
}

/** Opens the year's round (or a term's) for an organisation's subtree: every member and organisation in it is to be reviewed. */
export async function openRatingRound(ctx: Ctx, input: RatingRoundCreate) {
  assertCan(ctx, 'ratings.step');
  return inTransaction(ctx, async (tx) => {
    const org = await getOrgInScope(tx, input.orgId);
    if (!org.active) throw invalidField('orgId', `${org.name} đã kết thúc hoạt động.`);
    if (input.dueOn < input.openedOn) throw invalidField('dueOn', 'Hạn hoàn thành không được trước ngày mở đợt đánh giá.');
    const kind = input.kind ?? 'year';
    const term = kind === 'term' ? termPeriod(input.term ?? null, input.year) : null;
    if (kind === 'year' && input.term)
      throw invalidField('term', 'Đợt đánh giá hằng năm không ghi nhiệm kỳ; chọn loại «Theo nhiệm kỳ» để đánh giá một nhiệm kỳ.');
    if (Number(input.openedOn.slice(0, 4)) < input.year) throw invalidField('openedOn', `Đợt đánh giá năm ${input.year} mở từ năm ${input.year} trở đi.`);
    const overlap = await overlappingRound(tx.db, org.path, term ? { kind: 'term', term } : { kind: 'year', year: input.year });
    if (overlap) {
      const other = await findOrg(tx.db, overlap.orgId);
      throw conflict(
        term
          ? `Nhiệm kỳ ${term} đã có đợt đánh giá của ${other?.name ?? 'một tổ chức'} bao gồm tổ chức này: mỗi đảng viên chỉ được đánh giá một lần cho một nhiệm kỳ.`
          : `Năm ${input.year} đã có đợt đánh giá của ${other?.name ?? 'một tổ chức'} bao gồm tổ chức này: mỗi đảng viên chỉ được đánh giá một lần trong năm.`,
        'orgId',
      );
    }
    const round = await insertRound(tx.db, {
      orgId: org.id,
      orgPath: org.path,
      kind,
      term,
      year: input.year,
      openedOn: input.openedOn,
      dueOn: input.dueOn,
    });
    const members = await seedMemberRatings(tx.db, round);
    const orgCount = await seedOrgRatings(tx.db, round);
    await recordAudit(tx, [{ entity: 'org', entityId: org.id, action: 'rating:open_round', after: { ...round, members, orgs: orgCount } }]);
    return (await roundView(tx.db, round.id))!;
  });
}

export async function closeRatingRound(ctx: Ctx, id: number, input: RatingRoundClose) {
  assertCan(ctx, 'ratings.step');
  return inTransaction(ctx, async (tx) => {
    const round = await findRound(tx.db, id);
    if (!round || !isPathInScope(tx.actor.scope, round.orgPath)) throw notFound(ROUND);
    if (round.closedOn) throw conflict('Đợt đánh giá này đã kết thúc.');
    if (input.closedOn < round.openedOn) throw invalidField('closedOn', 'Ngày kết thúc không được trước ngày mở đợt đánh giá.');
    const after = await closeRound(tx.db, id, input.version, input.closedOn);
    if (!after) throw staleVersion('Đợt đánh giá');
    await recordAudit(tx, [{ entity: 'org', entityId: round.orgId, action: 'rating:close_round', before: round, after }]);
    return (await roundView(tx.db, id))!;
  });
}

export async function listRatingRounds(ctx: Ctx, query: { orgId?: number }) {
  const scope = ctx.actor.scope;
  if (scope.kind === 'self') throw notFound('tổ chức đảng');
  const org = query.orgId ? await getOrgInScope(ctx, query.orgId) : null;
  const path = org?.path ?? (scope.kind === 'subtree' ? scope.path : '');
  return roundsTouching(ctx.db, path);
}

export async function getRatingRound(ctx: Ctx, id: number) {
  await roundInReach(ctx, id);
  return (await roundView(ctx.db, id))!;
}

/** The round's members in the actor's part of it (or one organisation of it). */
export async function listMemberRatings(ctx: Ctx, roundId: number, query: MemberRatingListQuery) {
  const { path } = await roundInReach(ctx, roundId);
  let narrowed = path;
  if (query.orgId) {
    const org = await getOrgInScope(ctx, query.orgId);
    if (!org.path.startsWith(path) && !path.startsWith(org.path)) throw notFound('tổ chức đảng');
    narrowed = org.path.length > path.length ? org.path : path;
  }
  return memberRatingsOf(ctx.db, roundId, narrowed);
}

export async function listOrgRatings(ctx: Ctx, roundId: number) {
  const { path } = await roundInReach(ctx, roundId);
  return orgRatingsOf(ctx.db, roundId, path);
}

/** Excellent members against the quota in each grassroots organisation of the round (decided grades). */
export async function ratingQuotaUse(ctx: Ctx, roundId: number): Promise<QuotaUse[]> {
  const { round, path } = await roundInReach(ctx, roundId);
  const quota = await ruleAt<number>(ctx, 'rating_excellent_quota_percent', round.dueOn);
  const rows = await quotaUseOf(ctx.db, roundId, path);
  return rows.map((row) => ({ ...row, allowed: allowedExcellent(row.goodOrAbove, quota.value), quotaPercent: quota.value, source: quota.source }));
}

/** The round's figures in the actor's part of it, counted in the database: members, organisations, the quota's use. */
export async function ratingRoundSummary(ctx: Ctx, roundId: number): Promise<RatingRoundSummary> {
  const { round: row, path } = await roundInReach(ctx, roundId);
  const counts = await roundSummaryOf(ctx.db, roundId, path);
  const quota = await ratingQuotaUse(ctx, roundId);
  const sum = (rows: { n: number }[]) => rows.reduce((total, row) => total + row.n, 0);
  const graded = counts.members.filter((r) => r.excuse === null && r.grade !== null);
  const orgsGraded = counts.orgs.filter((r) => r.grade !== null);
  const byGrade = (rows: { grade: string | null; n: number }[]) =>
    Object.fromEntries(ratingGrades.map((g) => [g, sum(rows.filter((r) => r.grade === g))])) as RatingRoundSummary['members']['byGrade'];
  const excusedCount = sum(counts.members.filter((r) => r.excuse !== null));
  // The whole round in sight: its header's counts are the summary's own, not counted a second time.
  const round =
    path === row.orgPath
      ? {
          id: row.id,
          orgId: row.orgId,
          orgName: (await findOrg(ctx.db, row.orgId))!.name,
          kind: row.kind,
          term: row.term,
          year: row.year,
          openedOn: row.openedOn,
          dueOn: row.dueOn,
          closedOn: row.closedOn,
          version: row.version,
          members: sum(counts.members),
          decided: sum(counts.members.filter((r) => r.grade !== null)),
          excused: excusedCount,
          orgs: sum(counts.orgs),
          orgsDecided: sum(orgsGraded),
        }
      : (await roundView(ctx.db, roundId))!;
  return {
    round,
    members: {
      total: sum(counts.members),
      graded: sum(graded),
      pending: sum(counts.members) - sum(graded) - excusedCount,
      byGrade: byGrade(graded),
      excused: Object.fromEntries(ratingExcuses.map((e) => [e, sum(counts.members.filter((r) => r.excuse === e))])) as RatingRoundSummary['members']['excused'],
    },
    orgs: {
      total: sum(counts.orgs),
      graded: sum(orgsGraded),
      byGrade: byGrade(orgsGraded),
      byTitle: Object.fromEntries(orgTitles.map((t) => [t, sum(counts.orgs.filter((r) => r.title === t))])) as RatingRoundSummary['orgs']['byTitle'],
    },
    quota,
  };
}

/** A member's own ratings, year by year (self-service). */
export async function myRatings(ctx: Ctx) {
  const scope = ctx.actor.scope;
  if (scope.kind !== 'self') return [];
  return ratingsOfMember(ctx.db, scope.memberId);
}

/** The rating row if the actor may act on it: the member themselves, or an official whose scope holds its organisation. */
async function memberRatingInReach(ctx: Ctx, id: number) {
  const rating = await findMemberRating(ctx.db, id);
  const scope = ctx.actor.scope;
  const reachable = rating && (scope.kind === 'self' ? scope.memberId === rating.memberId : isPathInScope(scope, rating.orgPath));
  if (!rating || !reachable) throw notFound(MEMBER_RATING);
  const round = (await findRound(ctx.db, rating.roundId))!;
  return { rating, round };
}

function assertOpen(round: RatingRoundRow): void {
  if (round.closedOn) throw conflict(`Đợt đánh giá ${ratingPeriodLabel(round)} đã kết thúc: không ghi thêm được.`);
}

/**
 * The years whose sanctions cap a grade: the round's year, or for a term's round every year of the term up to the
 * year the round is held in.
 */
function reviewedYears(round: RatingRoundRow): number[] {
  const term = round.kind === 'term' && round.term ? termYears(round.term) : null;
  if (!term) return [round.year];
  return Array.from({ length: Math.min(term.to, round.year) - term.from + 1 }, (_, i) => term.from + i);
}

async function sanctionsInRound(db: Ctx['db'], memberId: number, round: RatingRoundRow) {
  return (
    await readTogether(
      db,
      reviewedYears(round).map((year) => () => sanctionsInYear(db, memberId, year)),
    )
  ).flat();
}

async function orgDisciplinedInRound(db: Ctx['db'], org: { id: number; path: string }, round: RatingRoundRow) {
  for (const year of reviewedYears(round)) if (await orgDisciplinedInYear(db, org, year)) return true;
  return false;
}

function assertVersion(current: number, given: number): void {
  if (current !== given) throw staleVersion('Phiếu đánh giá');
}

/** The member's self-assessment with the score sheet: the score must be on the scale and the grade within its band. */
export async function selfAssessMember(ctx: Ctx, id: number, input: SelfAssessment) {
  assertCan(ctx, 'ratings.self_assess');
  return inTransaction(ctx, async (tx) => {
    const { rating, round } = await memberRatingInReach(tx, id);
    assertOpen(round);
    if (rating.excuse) throw conflict('Đảng viên này được miễn đánh giá trong đợt này.');
    if (rating.proposedGrade || rating.decidedGrade) throw conflict('Chi bộ đã đề xuất mức xếp loại: không sửa được bản tự đánh giá.');
    assertVersion(rating.version, input.version);
    const { thresholds } = await rulesAt(tx, input.assessedOn);
    const problems = checkScore(input.score, thresholds);
    const band = problems.length === 0 ? gradeForScore(input.score, thresholds.value) : null;
    throwIfViolated(problems);
    if (band && isBetterThan(input.grade, band))
      throw invalidField('grade', `Mức tự xếp loại: ${input.score} điểm chỉ đạt mức «${ratingGradeLabels[band]}» (${thresholds.source}).`);
    const after = await updateMemberRating(tx.db, id, input.version, {
      selfScore: input.score,
      selfGrade: input.grade,
      selfNote: input.note ?? null,
      selfAssessedOn: input.assessedOn,
    });
    if (!after) throw staleVersion('Phiếu đánh giá');
    await recordAudit(tx, [{ entity: 'member', entityId: rating.memberId, action: 'rating:self_assess', before: rating, after }]);
    return (await memberRatingView(tx.db, id))!;
  });
}

async function quotaProblems(
  ctx: Ctx,
  rating: { id: number; roundId: number; grassrootsOrgId: number | null },
  stage: 'proposed' | 'decided',
  grade: RatingGrade,
  quota: Awaited<ReturnType<typeof rulesAt>>['quota'],
): Promise<RuleViolation[]> {
  if (grade !== 'excellent' || rating.grassrootsOrgId === null) return [];
  const others = await quotaCountsExcluding(ctx.db, { roundId: rating.roundId, grassrootsOrgId: rating.grassrootsOrgId, stage, excludeId: rating.id });
  const grassroots = await findOrg(ctx.db, rating.grassrootsOrgId);
  return checkExcellentQuota({
    grassrootsOrgName: grassroots?.name ?? 'Tổ chức cơ sở đảng',
    goodOrAbove: others.goodOrAbove + 1,
    excellent: others.excellent + 1,
    quota,
  });
}

/** The cell's proposal: score, grade and conditions, checked against the bands, the caps, the sanctions and the quota. */
export async function proposeMemberRating(ctx: Ctx, id: number, input: MemberRatingProposal) {
  assertCan(ctx, 'ratings.step');
  return inTransaction(ctx, async (tx) => {
    if (tx.actor.scope.kind === 'self') throw notFound(MEMBER_RATING);
    const { rating, round } = await memberRatingInReach(tx, id);
    assertOpen(round);
    if (rating.excuse) throw conflict('Đảng viên này được miễn đánh giá trong đợt này.');
    if (rating.decidedGrade) throw conflict('Đã có quyết định xếp loại: không sửa được đề xuất của chi bộ.');
    assertVersion(rating.version, input.version);
    const rules = await rulesAt(tx, input.proposedOn);
    const sanctions = await sanctionsInRound(tx.db, rating.memberId, round);
    throwIfViolated(checkGrade({ ...input, sanctions, ...rules }));
    throwIfViolated(await quotaProblems(tx, rating, 'proposed', input.grade, rules.quota));
    const after = await updateMemberRating(tx.db, id, input.version, {
      proposedScore: input.score,
      proposedGrade: input.grade,
      excellentConditionsMet: input.excellentConditionsMet,
      tasksNotDone: input.tasksNotDone,
      proposedOn: input.proposedOn,
      proposalNote: input.note ?? null,
    });
    if (!after) throw staleVersion('Phiếu đánh giá');
    await recordAudit(tx, [{ entity: 'member', entityId: rating.memberId, action: 'rating:propose', before: rating, after }]);
    return (await memberRatingView(tx.db, id))!;
  });
}

/**
 * The competent committee's decision (the grassroots organisation's committee or above): the grade may differ from the
 * proposal, but is checked against the proposal's score and conditions, the sanctions of the year and the quota.
 */
export async function decideMemberRating(ctx: Ctx, id: number, input: MemberRatingDecision) {
  assertCan(ctx, 'ratings.step');
  return inTransaction(ctx, async (tx) => {
    if (tx.actor.scope.kind === 'self') throw notFound(MEMBER_RATING);
    const { rating, round } = await memberRatingInReach(tx, id);
    assertOpen(round);
    if (rating.excuse) throw conflict('Đảng viên này được miễn đánh giá trong đợt này.');
    if (rating.proposedGrade === null || rating.proposedScore === null)
      throw invalidField('grade', 'Chưa có đề xuất của chi bộ: cấp ủy quyết định xếp loại sau khi chi bộ đề xuất.');
    const grassroots = rating.grassrootsOrgId ? await findOrg(tx.db, rating.grassrootsOrgId) : undefined;
    if (grassroots && !isPathInScope(tx.actor.scope, grassroots.path))
      throw forbidden(`Quyết định xếp loại đảng viên thuộc thẩm quyền cấp ủy ${grassroots.name} hoặc cấp trên.`);
    assertVersion(rating.version, input.version);
    if (input.decision.date > input.decidedOn) throw invalidField('decidedOn', 'Ngày xếp loại không được trước ngày của quyết định.');
    const rules = await rulesAt(tx, input.decidedOn);
    const sanctions = await sanctionsInRound(tx.db, rating.memberId, round);
    throwIfViolated(
      checkGrade({
        score: rating.proposedScore,
        grade: input.grade,
        excellentConditionsMet: rating.excellentConditionsMet ?? false,
        tasksNotDone: rating.tasksNotDone ?? false,
        sanctions,
        ...rules,
      }),
    );
    throwIfViolated(await quotaProblems(tx, rating, 'decided', input.grade, rules.quota));
    const after = await updateMemberRating(tx.db, id, input.version, { decidedGrade: input.grade, decidedOn: input.decidedOn, decision: input.decision });
    if (!after) throw staleVersion('Phiếu đánh giá');
    await recordAudit(tx, [{ entity: 'member', entityId: rating.memberId, action: 'rating:decide', before: rating, after }]);
    return (await memberRatingView(tx.db, id))!;
  });
}

/** A member not reviewed this round, and why (illness, leave, newly admitted): recorded, not graded. */
export async function excuseMemberRating(ctx: Ctx, id: number, input: MemberRatingExcuse) {
  assertCan(ctx, 'ratings.step');
  return inTransaction(ctx, async (tx) => {
    if (tx.actor.scope.kind === 'self') throw notFound(MEMBER_RATING);
    const { rating, round } = await memberRatingInReach(tx, id);
    assertOpen(round);
    if (rating.decidedGrade) throw conflict('Đã có quyết định xếp loại: không ghi miễn đánh giá được.');
    assertVersion(rating.version, input.version);
    if (input.reason === 'newly_admitted') {
      const member = await findMember(tx.db, rating.memberId);
      const months = await ruleAt<number>(tx, 'rating_newly_admitted_excuse_months', round.openedOn);
      throwIfViolated(checkNewlyAdmittedExcuse({ admittedOn: member?.admittedOn ?? null, openedOn: round.openedOn, months }));
    }
    const after = await updateMemberRating(tx.db, id, input.version, { excuse: input.reason, excuseNote: input.note ?? null });
    if (!after) throw staleVersion('Phiếu đánh giá');
    await recordAudit(tx, [{ entity: 'member', entityId: rating.memberId, action: 'rating:excuse', before: rating, after }]);
    return (await memberRatingView(tx.db, id))!;
  });
}

async function orgRatingInReach(ctx: Ctx, id: number) {
  const rating = await findOrgRating(ctx.db, id);
  if (!rating || !isPathInScope(ctx.actor.scope, rating.orgPath)) throw notFound(ORG_RATING);
  const round = (await findRound(ctx.db, rating.roundId))!;
  return { rating, round };
}

/** The organisation's self-assessment: score on the scale, grade within its band. */
export async function selfAssessOrg(ctx: Ctx, id: number, input: SelfAssessment) {
  assertCan(ctx, 'ratings.step');
  return inTransaction(ctx, async (tx) => {
    const { rating, round } = await orgRatingInReach(tx, id);
    assertOpen(round);
    if (rating.decidedGrade) throw conflict('Cấp ủy cấp trên đã quyết định xếp loại: không sửa được bản tự đánh giá.');
    assertVersion(rating.version, input.version);
    const { thresholds } = await rulesAt(tx, input.assessedOn);
    throwIfViolated(checkScore(input.score, thresholds));
    const band = gradeForScore(input.score, thresholds.value);
    if (isBetterThan(input.grade, band))
      throw invalidField('grade', `Mức tự xếp loại: ${input.score} điểm chỉ đạt mức «${ratingGradeLabels[band]}» (${thresholds.source}).`);
    const after = await updateOrgRating(tx.db, id, input.version, {
      selfScore: input.score,
      selfGrade: input.grade,
      selfNote: input.note ?? null,
      selfAssessedOn: input.assessedOn,
    });
    if (!after) throw staleVersion('Phiếu đánh giá');
    await recordAudit(tx, [{ entity: 'org', entityId: rating.orgId, action: 'rating:self_assess', before: rating, after }]);
    return (await orgRatingView(tx.db, id))!;
  });
}

/** The upper committee's decision on an organisation: grade (bands, caps) and, for an excellent one, its title. */
export async function decideOrgRating(ctx: Ctx, id: number, input: OrgRatingDecision) {
  assertCan(ctx, 'ratings.step');
  return inTransaction(ctx, async (tx) => {
    const { rating, round } = await orgRatingInReach(tx, id);
    assertOpen(round);
    const org = (await findOrg(tx.db, rating.orgId))!;
    const parent = org.parentId ? await findOrg(tx.db, org.parentId) : undefined;
    if (!parent || !isPathInScope(tx.actor.scope, parent.path))
      throw forbidden(`Quyết định xếp loại ${org.name} thuộc thẩm quyền cấp ủy cấp trên trực tiếp${parent ? ` (${parent.name})` : ''}.`);
    assertVersion(rating.version, input.version);
    if (input.decision.date > input.decidedOn) throw invalidField('decidedOn', 'Ngày xếp loại không được trước ngày của quyết định.');
    const rules = await rulesAt(tx, input.decidedOn);
    // The discipline records can only add the condition, never lift what the committee stated.
    const disciplined = input.disciplinedSubUnitOrLeader || (await orgDisciplinedInRound(tx.db, org, round));
    throwIfViolated(checkGrade({ ...input, disciplinedSubUnitOrLeader: disciplined, ...rules }));
    if (input.title && input.grade !== 'excellent')
      throw invalidField('title', `Danh hiệu: chỉ tổ chức «${ratingGradeLabels.excellent}» mới được công nhận danh hiệu (${rules.thresholds.source}).`);
    const after = await updateOrgRating(tx.db, id, input.version, {
      decidedScore: input.score,
      decidedGrade: input.grade,
      excellentConditionsMet: input.excellentConditionsMet,
      tasksNotDone: input.tasksNotDone,
      disciplinedSubUnitOrLeader: disciplined,
      title: input.title,
      decidedOn: input.decidedOn,
      decision: input.decision,
    });
    if (!after) throw staleVersion('Phiếu đánh giá');
    await recordAudit(tx, [{ entity: 'org', entityId: rating.orgId, action: 'rating:decide', before: rating, after }]);
    return (await orgRatingView(tx.db, id))!;
  });
}

/**
 * Radar: per organisation, the members of an open round not yet rated (nor excused), until the round closes; due on
 * the round's closing day.
 */
export async function openRatingItems(ctx: Ctx) {
  const scope = ctx.actor.scope;
  if (scope.kind === 'self') return [];
  return notYetRated(ctx.db, scope.kind === 'subtree' ? scope.path : '');
}

export async function ratingAttention(ctx: Ctx, today: string, calendar: SeverityCalendar): Promise<AttentionItem[]> {
  const rows = await openRatingItems(ctx);
  return rows.map((r) => ({
    kind: 'rating_pending',
    label: `${r.orgName}: ${formatNumber(r.pending)} đảng viên chưa được xếp loại chất lượng ${ratingPeriodLabel(r)}`,
    dueOn: r.dueOn,
    orgId: r.orgId,
    ratingRoundId: r.roundId,
    severity: severityOf(r.dueOn, today, calendar),
  }));
}

/** The bodies a round's papers name: the issuing organisation (the round's) and the one above it. */
export async function roundBodies(ctx: Ctx, orgId: number) {
  const org = (await findOrg(ctx.db, orgId))!;
  const parent = org.parentId ? await findOrg(ctx.db, org.parentId) : undefined;
  return { org, upperBody: parent?.name ?? '', issuingBody: org.name };
}
