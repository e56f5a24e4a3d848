import { inTransaction, type Ctx, readTogether } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { conflict, invalidField, staleVersion } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { recordMembershipEvent } from '../members/membership-events.service.js';
import { memberInScopeOr404 } from '../members/members.service.js';
import { checkConfirmationTiming, confirmationEffect } from './confirmation.rules.js';
import { viDate } from '../rulebook/rule-violation.rules.js';
import { findOrg } from '../orgs/orgs.queries.js';
import { compareIso, todayIso } from '../../../shared/dates.js';
import type { ProbationDecisionInput, ProbationReviewInput, ProbationReviewView, ProbationView } from '../../../shared/admissions.js';
import { confirmationDecisionDueOn, probationDates, ruleReader, type RuleReader } from './admissions.deadlines.js';
import {
  admissionEventOf,
  candidateOfMember,
  countFullMembersOn,
  insertProbationReview,
  probationOutcomeOf,
  probationReviewsOf,
  type ProbationReviewRow,
} from './admissions.queries.js';
import { cellVotersOn, committeeVotersOn, countVoters, violationsError, voteProblems } from './admission-checks.service.js';

const MEMBER_RECORD = 'Hồ sơ đảng viên';

type MemberRow = Awaited<ReturnType<typeof memberInScopeOr404>>;

/**
 * The ceremony that started the probation: from the member's admission event, or, for a record taken
 * over from paper with no such event, the admission date on the record (the best the record knows).
 */
async function ceremonyDateOf(ctx: Ctx, member: MemberRow): Promise<string | null> {
  const admission = await admissionEventOf(ctx.db, member.id);
  if (admission) return (admission.details.ceremonyDate as string | undefined) ?? admission.occurredOn;
  return member.admittedOn;
}

function presentReview(row: ProbationReviewRow): ProbationReviewView {
  return {
    id: row.id,
    kind: row.kind,
    proposal: row.proposal,
    occurredOn: row.occurredOn,
    decision: row.decision,
    inFavour: row.inFavour,
    against: row.against,
    eligible: row.eligible,
    result: row.details.result === 'failed' ? 'failed' : 'passed',
  };
}

/** Reviews that passed: a failed vote stays on record but proposes nothing. */
function passedReviews(rows: ProbationReviewRow[]): ProbationReviewRow[] {
  return rows.filter((row) => row.details.result !== 'failed');
}

async function isGrassrootsCell(ctx: Ctx, orgId: number): Promise<boolean> {
  return (await findOrg(ctx.db, orgId))?.kind === 'grassroots_cell';
}

async function probationView(ctx: Ctx, member: MemberRow): Promise<ProbationView> {
  const [ceremonyDate, reviews, outcome, calendar, cellFullMembers, candidateId, cellIsGrassroots] = await readTogether(ctx.db, [
    () => ceremonyDateOf(ctx, member),
    () => probationReviewsOf(ctx.db, member.id),
    () => probationOutcomeOf(ctx.db, member.id),
    () => loadCalendar(ctx),
    () => countFullMembersOn(ctx.db, member.orgId, todayIso(ctx.now())),
    () => candidateOfMember(ctx.db, member.id),
    () => isGrassrootsCell(ctx, member.orgId),
  ]);
  const rules = ruleReader(ctx);
  const dates = ceremonyDate ? await probationDates(rules, calendar, ceremonyDate) : null;
  const cellReview = passedReviews(reviews)
    .filter((r) => r.kind === 'cell')
    .at(-1);
  const decisionDueOn = cellReview && !outcome ? await confirmationDecisionDueOn(rules, calendar, cellReview.occurredOn) : null;
  return {
    memberId: member.id,
    fullName: member.fullName,
    status: member.status,
    version: member.version,
    orgId: member.orgId,
    orgName: member.orgName,
    cellIsGrassroots,
    ceremonyDate,
    probationEnd: dates?.probationEnd ?? null,
    reviewDueOn: dates?.reviewDueOn ?? null,
    cellFullMembers,
    reviews: reviews.map(presentReview),
    decisionDueOn,
    outcome: outcome?.decision
      ? {
          kind: outcome.kind === 'confirmation' ? 'confirmed' : 'struck_off',
          decision: outcome.decision,
          occurredOn: outcome.occurredOn,
          fullFrom: (outcome.details.fullFrom as string | undefined) ?? null,
        }
      : null,
    candidateId,
  };
}

/** The probation of a member: ceremony, end, reviews so far and the decision that ended it. */
export async function getProbation(ctx: Ctx, memberId: number): Promise<ProbationView> {
  const member = await memberInScopeOr404(ctx, memberId);
  return probationView(ctx, member);
}

/** The probation's length as admitted (read as of the ceremony), checked on the day of `consideredOn`. */
async function timingProblems(rules: RuleReader, ceremonyDate: string, consideredOn: string) {
  const months = await rules('probation_months', ceremonyDate);
  return checkConfirmationTiming(ceremonyDate, consideredOn, months).map((p) => ({ ...p, field: 'decision.date' }));
}

async function probationerForStep(ctx: Ctx, memberId: number): Promise<{ member: MemberRow; ceremonyDate: string }> {
  assertCan(ctx, 'admissions.step');
  const member = await memberInScopeOr404(ctx, memberId);
  if (member.status !== 'probationary') throw conflict('Đảng viên này không còn là đảng viên dự bị.', 'status');
  const ceremonyDate = await ceremonyDateOf(ctx, member);
  if (!ceremonyDate) throw conflict('Hồ sơ chưa có ngày kết nạp, nên chưa tính được thời gian dự bị. Hãy bổ sung ngày vào Đảng trong lý lịch.', 'admittedOn');
  return { member, ceremonyDate };
}

/**
 * The cell (then, under a grassroots committee, the committee) reviews the probationary member. A
 * proposal to confirm needs the probation to have ended and 2/3 in favour; a proposal to strike off
 * may come at any time during probation.
 */
export async function recordProbationReview(ctx: Ctx, memberId: number, input: ProbationReviewInput): Promise<ProbationView> {
  return inTransaction(ctx, async (tx) => {
    const { member, ceremonyDate } = await probationerForStep(tx, memberId);
    const date = input.decision.date;
    if (compareIso(date, todayIso(tx.now())) > 0) throw invalidField('decision.date', `Ngày ${viDate(date)} chưa tới: chỉ ghi các bước đã diễn ra.`);
    if (compareIso(date, ceremonyDate) < 0)
      throw invalidField('decision.date', `Ngày xét (${viDate(date)}) không được trước ngày kết nạp (${viDate(ceremonyDate)}).`);
    const reviews = await probationReviewsOf(tx.db, memberId);
    const last = reviews.at(-1);
    if (last && compareIso(date, last.occurredOn) < 0)
      throw invalidField('decision.date', `Ngày xét không được trước lần xét trước (${viDate(last.occurredOn)}).`);
    if (input.kind === 'committee') {
      if (await isGrassrootsCell(tx, member.orgId))
        throw conflict('Chi bộ cơ sở không có bước đảng ủy cơ sở xét: sau nghị quyết của chi bộ, cấp ủy cấp trên quyết định.', 'kind');
      const cellReview = passedReviews(reviews)
        .filter((r) => r.kind === 'cell')
        .at(-1);
      if (!cellReview) throw conflict('Chi bộ chưa xét: đảng ủy cơ sở xét sau nghị quyết của chi bộ.', 'kind');
      if (cellReview.proposal !== input.proposal)
        throw invalidField('proposal', 'Đề nghị của đảng ủy cơ sở khác đề nghị của chi bộ; hãy ghi lại nghị quyết của chi bộ trước.');
    }

    const rules = ruleReader(tx);
    // Confirmation and strike-off from the probationary list both need 2/3 of those entitled to vote, counted from the
    // records on the review's date (Điều lệ Đảng 2011, Điều 5; RULES.md, Confirmation).
    const rule = input.kind === 'cell' ? 'confirmation_vote_ratio' : 'confirmation_committee_vote_ratio';
    const voters = input.kind === 'cell' ? await cellVotersOn(tx, member.orgId, date) : await committeeVotersOn(tx, member.orgPath, date);
    const count = await countVoters(rules, rule, date, voters, input);
    const eligible = count.eligible;
    const timing = input.proposal === 'confirm' && input.result !== 'failed' ? await timingProblems(rules, ceremonyDate, date) : [];
    const votes =
      count.problems.length === 0
        ? await voteProblems(rules, rule, date, { inFavour: input.inFavour, against: input.against, eligible, result: input.result })
        : [];
    const problems = [...timing, ...count.problems, ...votes];
    if (problems.length > 0) throw violationsError(problems);
    const row = await insertProbationReview(tx.db, {
      memberId,
      kind: input.kind,
      proposal: input.proposal,
      occurredOn: date,
      decision: input.decision,
      inFavour: input.inFavour,
      against: input.against,
      eligible,
      details: { ...count.details, result: input.result ?? 'passed' },
      createdBy: tx.actor.userId,
    });
    await recordAudit(tx, [{ entity: 'member', entityId: memberId, action: 'probation_review', after: presentReview(row) }]);
    return probationView(tx, member);
  });
}

/**
 * The upper committee decides: confirmed as a full member from the end of probation, or struck off the
 * probationary list. `version` is the member record's: of two decisions sent at once, one lands and
 * the other gets a conflict.
 */
export async function decideProbation(ctx: Ctx, memberId: number, input: ProbationDecisionInput): Promise<ProbationView> {
  return inTransaction(ctx, async (tx) => {
    assertCan(tx, 'admissions.step');
    const seen = await memberInScopeOr404(tx, memberId);
    if (seen.version !== input.version) throw staleVersion(MEMBER_RECORD);
    const { member, ceremonyDate } = await probationerForStep(tx, memberId);
    const date = input.decision.date;
    if (compareIso(date, todayIso(tx.now())) > 0) throw invalidField('decision.date', `Ngày ${viDate(date)} chưa tới: chỉ ghi các bước đã diễn ra.`);
    const allReviews = await probationReviewsOf(tx.db, memberId);
    const reviews = passedReviews(allReviews);
    const cellReview = reviews.filter((r) => r.kind === 'cell').at(-1);
    const committeeReview = reviews.filter((r) => r.kind === 'committee').at(-1);
    const needsCommittee = !(await isGrassrootsCell(tx, member.orgId));
    const wanted = input.outcome === 'confirmed' ? 'confirm' : 'strike_off';
    if (!cellReview || cellReview.proposal !== wanted)
      throw conflict(
        input.outcome === 'confirmed'
          ? 'Chưa có nghị quyết của chi bộ đề nghị công nhận đảng viên chính thức.'
          : 'Chưa có nghị quyết của chi bộ đề nghị xóa tên đảng viên dự bị.',
        'outcome',
      );
    if (needsCommittee && (!committeeReview || committeeReview.proposal !== wanted || compareIso(committeeReview.occurredOn, cellReview.occurredOn) < 0))
      throw conflict('Chưa có nghị quyết của đảng ủy cơ sở về đề nghị này.', 'outcome');
    const lastReview = reviews.at(-1)!;
    if (compareIso(date, lastReview.occurredOn) < 0)
      throw invalidField('decision.date', `Ngày quyết định không được trước ngày xét (${viDate(lastReview.occurredOn)}).`);

    const rules = ruleReader(tx);
    const months = await rules('probation_months', ceremonyDate);
    if (input.outcome === 'confirmed') {
      const problems = await timingProblems(rules, ceremonyDate, date);
      if (problems.length > 0) throw violationsError(problems);
    }
    const effect = confirmationEffect(input.outcome, ceremonyDate, months.value);
    const reviewIds = reviews.map((r) => r.id);
    await recordMembershipEvent(
      tx,
      memberId,
      input.outcome === 'confirmed'
        ? {
            kind: 'confirmation',
            occurredOn: date,
            decision: input.decision,
            toOrgId: null,
            reason: input.reason,
            details: { fullFrom: effect.fullFrom, ceremonyDate, reviewIds, signing: input.signing },
          }
        : {
            kind: 'strike_off',
            occurredOn: date,
            decision: input.decision,
            toOrgId: null,
            reason: input.reason,
            details: { fromProbation: true, ceremonyDate, reviewIds, signing: input.signing },
          },
      { expectedVersion: input.version },
    );
    return probationView(tx, await memberInScopeOr404(tx, memberId));
  });
}
