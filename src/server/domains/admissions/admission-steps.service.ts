import { inTransaction, type Ctx, readTogether } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { conflict, invalidField, invalidInput, staleVersion } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { findMemberByUnique, insertMember, insertMembershipEvent, startPeriod } from '../members/members.queries.js';
import { nameColumns } from '../members/members.rules.js';
import { assertMemberHoldingOrg } from '../members/members.service.js';
import {
  type AdmissionState,
  canTransition,
  candidateEventLabel,
  ceremonyDeadline,
  checkAdmissionDecisionDate,
  checkCeremonyDate,
  failedVotesOf,
  isDatedInOrder,
  isReferredUpward,
  missingDossierItems,
  missingDossierMessage,
} from './admissions.rules.js';
import { probationEnd } from './confirmation.rules.js';
import { viDate } from '../rulebook/rule-violation.rules.js';
import { findOrg } from '../orgs/orgs.queries.js';
import { compareIso, todayIso } from '../../../shared/dates.js';
import {
  candidateStateLabels,
  type AdmissionDecisionInput,
  type CandidateCloseInput,
  type CandidateDetail,
  type CellResolutionInput,
  type CeremonyInput,
  type CommitteeResolutionInput,
} from '../../../shared/admissions.js';
import type { Decision } from '../../../shared/org.js';
import {
  cellSizeProblems,
  cellVotersOn,
  committeeVotersOn,
  countVoters,
  eligibilityProblems,
  violationsError,
  voteProblems,
  type VoteCount,
} from './admission-checks.service.js';
import { ruleReader } from './admissions.deadlines.js';
import { candidateEventsOf, insertCandidateEvent, updateCandidateRow, type CandidateWithOrg, type NewCandidateRow } from './admissions.queries.js';
import { CANDIDATE_RECORD, candidateDetail, candidateInScopeOr404 } from './candidates.service.js';
import { readmissionProblems, readmitAtCeremony } from './readmission.service.js';

function transitionMessage(candidate: CandidateWithOrg, to: AdmissionState): string {
  if (to === 'committee_resolved' && candidate.orgKind === 'grassroots_cell')
    return 'Chi bộ cơ sở không có bước đảng ủy cơ sở xét: sau nghị quyết của chi bộ, cấp ủy cấp trên ra quyết định kết nạp.';
  return `Hồ sơ đang ở bước «${candidateStateLabels[candidate.state]}»; không thể chuyển sang «${candidateStateLabels[to]}».`;
}

interface Step {
  to: AdmissionState;
  occurredOn: string;
  /** The form field that holds the step's date, for messages about it. */
  dateField: string;
  decision: Decision | null;
  details: Record<string, unknown>;
  changes?: Partial<NewCandidateRow>;
}

/** The file at the version the user saw, able to move to `to` under the transition table. */
async function candidateForStep(ctx: Ctx, id: number, version: number, to: AdmissionState): Promise<CandidateWithOrg> {
  assertCan(ctx, 'admissions.step');
  const candidate = await candidateInScopeOr404(ctx, id);
  if (candidate.version !== version) throw staleVersion(CANDIDATE_RECORD);
  const referredUpward = to === 'decided' && (await referral(ctx, candidate)).referred;
  if (!canTransition(candidate.state, to, { cellIsGrassroots: candidate.orgKind === 'grassroots_cell', referredUpward }))
    throw conflict(transitionMessage(candidate, to), 'state');
  return candidate;
}

/** The failed votes at the file's current level (the cell's before its resolution, the committee's after) and whether they refer it upward. */
async function referral(ctx: Ctx, candidate: CandidateWithOrg, date = todayIso(ctx.now())): Promise<{ failed: number; referred: boolean; limit: number }> {
  const level = candidate.state === 'candidate' ? 'cell' : candidate.state === 'cell_resolved' ? 'committee' : null;
  if (!level) return { failed: 0, referred: false, limit: 0 };
  const failed = failedVotesOf(await candidateEventsOf(ctx.db, candidate.id)).filter((v) => v.level === level);
  const limit = await ruleReader(ctx)('admission_vote_failures_before_referral', failed.at(-1)?.occurredOn ?? date);
  return { failed: failed.length, referred: isReferredUpward(failed.length, limit), limit: limit.value };
}

/** A vote that fell short: recorded as a fact, the file stays where it was (its version moves on). */
async function recordFailedVote(
  ctx: Ctx,
  candidate: CandidateWithOrg,
  level: 'cell' | 'committee',
  input: { decision: Decision; inFavour: number; against: number },
  count: VoteCount,
): Promise<void> {
  const { failed, referred, limit } = await referral(ctx, candidate, input.decision.date);
  if (referred)
    throw conflict(
      `Hồ sơ đã biểu quyết không đạt ${failed} lần: theo quy định, báo cáo cấp ủy cấp trên xem xét, quyết định (ghi quyết định của cấp ủy cấp trên).`,
      'result',
    );
  await assertDatedInOrder(ctx, candidate, input.decision.date, 'decision.date');
  const details = {
    level,
    inFavour: input.inFavour,
    against: input.against,
    eligible: count.eligible,
    ...count.details,
    attempt: failed + 1,
    referralAfter: limit,
  };
  const eventId = await insertCandidateEvent(ctx.db, {
    candidateId: candidate.id,
    kind: 'vote_failed',
    occurredOn: input.decision.date,
    decision: input.decision,
    stateAfter: candidate.state,
    details,
    createdBy: ctx.actor.userId,
  });
  const after = await updateCandidateRow(ctx.db, candidate.id, candidate.version, {});
  if (!after) throw staleVersion(CANDIDATE_RECORD);
  await recordAudit(ctx, [
    {
      entity: 'candidate',
      entityId: candidate.id,
      action: 'step:vote_failed',
      after: { eventId, occurredOn: input.decision.date, decision: input.decision, details },
    },
  ]);
}

async function assertDatedInOrder(ctx: Ctx, candidate: CandidateWithOrg, occurredOn: string, dateField: string): Promise<void> {
  const today = todayIso(ctx.now());
  if (compareIso(occurredOn, today) > 0) throw invalidField(dateField, `Ngày ${viDate(occurredOn)} chưa tới: chỉ ghi các bước đã diễn ra.`);
  const previous = (await candidateEventsOf(ctx.db, candidate.id)).filter((e) => e.kind !== 'created').at(-1);
  if (previous && !isDatedInOrder(previous.occurredOn, occurredOn))
    throw invalidField(
      dateField,
      `Ngày của bước này (${viDate(occurredOn)}) không được trước bước «${candidateEventLabel(previous.kind)}» (${viDate(previous.occurredOn)}).`,
    );
}

/** Records the dated step and moves the file on; the row's version guards against a concurrent step. */
async function advance(ctx: Ctx, candidate: CandidateWithOrg, step: Step): Promise<void> {
  await assertDatedInOrder(ctx, candidate, step.occurredOn, step.dateField);
  const eventId = await insertCandidateEvent(ctx.db, {
    candidateId: candidate.id,
    kind: step.to,
    occurredOn: step.occurredOn,
    decision: step.decision,
    stateAfter: step.to,
    details: step.details,
    createdBy: ctx.actor.userId,
  });
  const after = await updateCandidateRow(ctx.db, candidate.id, candidate.version, { state: step.to, ...step.changes });
  if (!after) throw staleVersion(CANDIDATE_RECORD);
  await recordAudit(ctx, [
    {
      entity: 'candidate',
      entityId: candidate.id,
      action: `step:${step.to}`,
      before: { state: candidate.state },
      after: { state: step.to, eventId, occurredOn: step.occurredOn, decision: step.decision, details: step.details },
    },
  ]);
}

/** Chi bộ xét, biểu quyết: the dossier complete, the candidate eligible on the day, at least 2/3 of the full members in favour. */
export async function recordCellResolution(ctx: Ctx, id: number, input: CellResolutionInput): Promise<CandidateDetail> {
  return inTransaction(ctx, async (tx) => {
    const candidate = await candidateForStep(tx, id, input.version, 'cell_resolved');
    const consideredOn = input.decision.date;
    const rules = ruleReader(tx);
    // Those entitled to vote are read from the records on the vote's date; the user may only lower the count, naming who.
    const cellVoters = await cellVotersOn(tx, candidate.orgId, consideredOn);
    // A cell below the Charter's minimum cannot hold a valid meeting: neither a passed nor a failed vote is recorded.
    const tooSmall = await cellSizeProblems(rules, cellVoters, consideredOn, 'eligible');
    if (tooSmall.length > 0) throw violationsError(tooSmall);
    const count = await countVoters(rules, 'admission_vote_ratio', consideredOn, cellVoters, input);
    const votes = { inFavour: input.inFavour, against: input.against, eligible: count.eligible, result: input.result };
    if (input.result === 'failed') {
      const problems = [...count.problems, ...(count.problems.length === 0 ? await voteProblems(rules, 'admission_vote_ratio', consideredOn, votes) : [])];
      if (problems.length > 0) throw violationsError(problems);
      await recordFailedVote(tx, candidate, 'cell', input, count);
      return candidateDetail(tx, id);
    }
    if ((await referral(tx, candidate, consideredOn)).referred)
      throw conflict('Chi bộ đã biểu quyết không đạt đủ số lần quy định: hồ sơ đã báo cáo cấp ủy cấp trên xem xét, quyết định.', 'result');
    const missing = missingDossierItems(candidate.dossier, candidate.youthUnionMember);
    if (missing.length > 0) throw invalidInput([{ field: 'dossier', message: missingDossierMessage(missing) }], `${missingDossierMessage(missing)}.`);
    const problems = [
      ...(await eligibilityProblems(tx, candidate, consideredOn, rules)),
      ...count.problems,
      ...(count.problems.length === 0 ? await voteProblems(rules, 'admission_vote_ratio', consideredOn, votes) : []),
      ...(candidate.readmission ? await readmissionProblems(tx, candidate.readmission, consideredOn) : []),
    ];
    if (problems.length > 0) throw violationsError(problems);
    await advance(tx, candidate, {
      to: 'cell_resolved',
      occurredOn: consideredOn,
      dateField: 'decision.date',
      decision: input.decision,
      details: { inFavour: input.inFavour, against: input.against, eligible: count.eligible, ...count.details },
    });
    return candidateDetail(tx, id);
  });
}

/** Đảng ủy cơ sở xét, biểu quyết: at least 2/3 of the committee's members in favour. */
export async function recordCommitteeResolution(ctx: Ctx, id: number, input: CommitteeResolutionInput): Promise<CandidateDetail> {
  return inTransaction(ctx, async (tx) => {
    const candidate = await candidateForStep(tx, id, input.version, 'committee_resolved');
    const date = input.decision.date;
    const rules = ruleReader(tx);
    // The committee's count is checked against its seats recorded on the vote's date.
    const count = await countVoters(rules, 'admission_committee_vote_ratio', date, await committeeVotersOn(tx, candidate.orgPath, date), input);
    const votes = { inFavour: input.inFavour, against: input.against, eligible: count.eligible, result: input.result };
    const problems = [...count.problems, ...(count.problems.length === 0 ? await voteProblems(rules, 'admission_committee_vote_ratio', date, votes) : [])];
    if (problems.length > 0) throw violationsError(problems);
    if (input.result === 'failed') {
      await recordFailedVote(tx, candidate, 'committee', input, count);
      return candidateDetail(tx, id);
    }
    if ((await referral(tx, candidate, date)).referred)
      throw conflict('Đảng ủy cơ sở đã biểu quyết không đạt đủ số lần quy định: hồ sơ đã báo cáo cấp ủy cấp trên xem xét, quyết định.', 'result');
    await advance(tx, candidate, {
      to: 'committee_resolved',
      occurredOn: date,
      dateField: 'decision.date',
      decision: input.decision,
      details: { inFavour: input.inFavour, against: input.against, eligible: count.eligible, ...count.details },
    });
    return candidateDetail(tx, id);
  });
}

/** Quyết định kết nạp of the upper committee; the ceremony's deadline runs from the day the cell receives it. */
export async function recordAdmissionDecision(ctx: Ctx, id: number, input: AdmissionDecisionInput): Promise<CandidateDetail> {
  return inTransaction(ctx, async (tx) => {
    const candidate = await candidateForStep(tx, id, input.version, 'decided');
    const receivedOn = input.receivedOn ?? input.decision.date;
    if (compareIso(receivedOn, input.decision.date) < 0)
      throw invalidField(
        'receivedOn',
        `Ngày chi bộ nhận quyết định (${viDate(receivedOn)}) không được trước ngày quyết định (${viDate(input.decision.date)}).`,
      );
    if (compareIso(receivedOn, todayIso(tx.now())) > 0) throw invalidField('receivedOn', `Ngày ${viDate(receivedOn)} chưa tới: chỉ ghi các bước đã diễn ra.`);
    const events = await candidateEventsOf(tx.db, id);
    const cellResolvedOn = events.filter((e) => e.kind === 'cell_resolved').at(-1)?.occurredOn ?? null;
    const extensionReason = input.extensionReason ?? null;
    if (cellResolvedOn) {
      const rules = ruleReader(tx);
      const [days, extension, calendar] = await readTogether(tx.db, [
        () => rules('admission_decision_due_working_days', cellResolvedOn),
        () => rules('admission_decision_extension_working_days', cellResolvedOn),
        () => loadCalendar(tx),
      ]);
      const problems = checkAdmissionDecisionDate({
        cellResolvedOn,
        decidedOn: input.decision.date,
        days,
        extension,
        extensionReason,
        holidays: calendar.holidays,
        makeUpWorkdays: calendar.workdays,
      });
      if (problems.length > 0) throw violationsError(problems);
    }
    await advance(tx, candidate, {
      to: 'decided',
      occurredOn: input.decision.date,
      dateField: 'decision.date',
      decision: input.decision,
      details: { receivedOn, signing: input.signing, extensionReason, ...(cellResolvedOn ? {} : { referredUpward: true }) },
    });
    return candidateDetail(tx, id);
  });
}

/**
 * Lễ kết nạp: within the working days the rulebook allows after the decision was received (later only
 * with the upper committee's consent). The candidate becomes a probationary member in the same
 * transaction: the member record, its 'admission' membership event and its first period.
 */
export async function holdCeremony(ctx: Ctx, id: number, input: CeremonyInput): Promise<CandidateDetail> {
  return inTransaction(ctx, async (tx) => {
    const candidate = await candidateForStep(tx, id, input.version, 'admitted');
    const decided = (await candidateEventsOf(tx.db, id)).filter((e) => e.kind === 'decided').at(-1);
    if (!decided?.decision) throw conflict('Chưa có quyết định kết nạp của cấp ủy cấp trên.', 'state');
    const decisionReceivedOn = (decided.details.receivedOn as string | undefined) ?? decided.occurredOn;
    const rules = ruleReader(tx);
    const calendar = await loadCalendar(tx);
    // The deadline is the one in force on the day the cell received the decision, not on the ceremony's day.
    const workingDays = await rules('ceremony_deadline_working_days', decisionReceivedOn);
    const problems = checkCeremonyDate({
      decisionReceivedOn,
      ceremonyDate: input.ceremonyDate,
      workingDays,
      holidays: calendar.holidays,
      makeUpWorkdays: calendar.workdays,
      upperCommitteeConsent: input.upperCommitteeConsent,
    });
    if (problems.length > 0) throw violationsError(problems);

    if (candidate.readmission) {
      // Kết nạp lại: the ceremony re-opens the person's old record (readmission.service).
      const months = await rules('probation_months', input.ceremonyDate);
      const details = {
        ceremonyDate: input.ceremonyDate,
        decisionReceivedOn,
        probationEnd: probationEnd(input.ceremonyDate, months.value),
        probationMonths: { value: months.value, source: months.source },
        upperCommitteeConsent: input.upperCommitteeConsent,
      };
      const memberId = await readmitAtCeremony(tx, candidate, decided.decision, input.ceremonyDate, details);
      await advance(tx, candidate, {
        to: 'admitted',
        occurredOn: input.ceremonyDate,
        dateField: 'ceremonyDate',
        decision: decided.decision,
        details: { ...details, memberId },
        changes: { memberId },
      });
      return candidateDetail(tx, id);
    }

    const org = await findOrg(tx.db, candidate.orgId);
    if (!org) throw conflict('Không tìm thấy chi bộ của người vào Đảng.');
    await assertMemberHoldingOrg(org, 'orgId');
    if (candidate.nationalId && (await findMemberByUnique(tx.db, 'nationalId', candidate.nationalId)))
      throw conflict('Số CCCD của người vào Đảng đã có trong hồ sơ của một đảng viên khác; kiểm tra lại trước khi kết nạp.', 'nationalId');

    const months = await rules('probation_months', input.ceremonyDate);
    const ends = probationEnd(input.ceremonyDate, months.value);
    const member = await insertMember(tx.db, {
      ...nameColumns(candidate.fullName),
      gender: candidate.gender,
      birthDate: candidate.birthDate,
      placeOfOrigin: candidate.placeOfOrigin,
      residence: candidate.residence,
      ethnicity: candidate.ethnicity,
      religion: candidate.religion,
      education: candidate.education,
      professionalQualification: candidate.professionalQualification,
      theoryLevel: candidate.theoryLevel,
      job: candidate.job,
      position: candidate.position,
      nationalId: candidate.nationalId,
      profileNumber: input.profileNumber,
      // Party age counts from the admission decision; probation from the ceremony.
      admittedOn: decided.decision.date,
      orgId: org.id,
      orgPath: org.path,
      status: 'probationary',
    });
    const details = {
      candidateId: id,
      ceremonyDate: input.ceremonyDate,
      decisionReceivedOn,
      probationEnd: ends,
      probationMonths: { value: months.value, source: months.source },
      upperCommitteeConsent: input.upperCommitteeConsent,
      ceremonyDeadline: ceremonyDeadline(decisionReceivedOn, workingDays.value, calendar.holidays, calendar.workdays),
    };
    const eventId = await insertMembershipEvent(tx.db, {
      memberId: member.id,
      kind: 'admission',
      occurredOn: input.ceremonyDate,
      decision: decided.decision,
      toOrgId: org.id,
      statusAfter: 'probationary',
      details,
      createdBy: tx.actor.userId,
    });
    await startPeriod(tx.db, member.id, { orgId: org.id, status: 'probationary', validFrom: input.ceremonyDate, eventId });
    await recordAudit(tx, [{ entity: 'member', entityId: member.id, action: 'create', after: { ...member, admissionEventId: eventId, candidateId: id } }]);
    await advance(tx, candidate, {
      to: 'admitted',
      occurredOn: input.ceremonyDate,
      dateField: 'ceremonyDate',
      decision: decided.decision,
      details: { ...details, memberId: member.id },
      changes: { memberId: member.id },
    });
    return candidateDetail(tx, id);
  });
}

/** The file stops before the ceremony: not admitted (the committee's or cell's decision), or withdrawn. */
export async function closeCandidate(ctx: Ctx, id: number, input: CandidateCloseInput): Promise<CandidateDetail> {
  return inTransaction(ctx, async (tx) => {
    const candidate = await candidateForStep(tx, id, input.version, input.outcome);
    await advance(tx, candidate, {
      to: input.outcome,
      occurredOn: input.decision.date,
      dateField: 'decision.date',
      decision: input.decision,
      details: { reason: input.reason },
    });
    return candidateDetail(tx, id);
  });
}
