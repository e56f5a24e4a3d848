import { inTransaction, type Ctx, readTogether } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { conflict, notFound, notFoundField, staleVersion } from '../../errors.js';
import { isPathInScope, narrowScope } from '../../scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { findMemberByUnique } from '../members/members.queries.js';
import { nameColumns } from '../members/members.rules.js';
import { assertMemberHoldingOrg, assertNoPossibleDuplicate, orgInScope } from '../members/members.service.js';
import { todayIso } from '../../../shared/dates.js';
import {
  openCandidateStates,
  type CandidateCreate,
  type CandidateDetail,
  type CandidateListItem,
  type CandidateListQuery,
  type CandidateStepView,
  type CandidateUpdate,
  type IntroducerInput,
} from '../../../shared/admissions.js';
import { candidateDueOn, ruleReader } from './admissions.deadlines.js';
import {
  candidateConditions,
  candidateEventsOf,
  countCandidateRows,
  findCandidate,
  insertCandidate,
  insertCandidateEvent,
  listCandidateRows,
  membersBrief,
  updateCandidateRow,
  type CandidateWithOrg,
} from './admissions.queries.js';
import { failedVotesOf, isReferredUpward, missingDossierItems, nextStepOf } from './admissions.rules.js';
import { cellSizeProblems, cellVotersOn, eligibilityProblems, violationsError } from './admission-checks.service.js';
import { openingProblems, readmissionView } from './readmission.service.js';

const CANDIDATE = 'người vào Đảng';
export const CANDIDATE_RECORD = 'Hồ sơ người vào Đảng';

/** The candidate if the actor may see it; otherwise 404, so nothing leaks that the file exists. */
export async function candidateInScopeOr404(ctx: Ctx, id: number): Promise<CandidateWithOrg> {
  const row = await findCandidate(ctx.db, id);
  if (!row || ctx.actor.scope.kind === 'self' || !isPathInScope(ctx.actor.scope, row.orgPath)) throw notFound(CANDIDATE);
  return row;
}

/** Introducers must be members the actor can see; the rules of the cell's vote check their status and months. */
async function checkIntroducersExist(ctx: Ctx, introducers: readonly IntroducerInput[]): Promise<void> {
  const found = await membersBrief(
    ctx.db,
    introducers.map((i) => i.memberId),
  );
  introducers.forEach((introducer, index) => {
    const member = found.find((m) => m.id === introducer.memberId);
    if (!member || (ctx.actor.scope.kind !== 'self' && !isPathInScope(ctx.actor.scope, member.orgPath)))
      throw notFoundField(`introducers.${index}.memberId`, `người giới thiệu thứ ${index + 1}`);
  });
}

/** Someone already on the member list cannot be a candidate. */
async function assertNotAMember(ctx: Ctx, nationalId: string | null | undefined): Promise<void> {
  if (!nationalId) return;
  if (await findMemberByUnique(ctx.db, 'nationalId', nationalId)) throw conflict('Số CCCD này đã có trong hồ sơ của một đảng viên.', 'nationalId');
}

export async function createCandidate(ctx: Ctx, input: CandidateCreate): Promise<CandidateDetail> {
  assertCan(ctx, 'admissions.step');
  if (ctx.actor.scope.kind === 'self') throw notFound('tổ chức đảng');
  return inTransaction(ctx, async (tx) => {
    const org = await orgInScope(tx, input.orgId, 'orgId');
    await assertMemberHoldingOrg(org, 'orgId');
    await checkIntroducersExist(tx, input.introducers);
    if (input.readmission) {
      // Kết nạp lại: the person is on the member list by design (readmission.service).
      const problems = await openingProblems(tx, input.readmission, todayIso(tx.now()));
      if (problems.length > 0) throw violationsError(problems);
    } else {
      await assertNotAMember(tx, input.nationalId);
      await assertNoPossibleDuplicate(tx, input, org);
    }
    const { reason, confirmDuplicate: _confirmed, ...fields } = input;
    const row = await insertCandidate(tx.db, { ...fields, ...nameColumns(fields.fullName), state: 'candidate' });
    await insertCandidateEvent(tx.db, {
      candidateId: row.id,
      kind: 'created',
      occurredOn: todayIso(tx.now()),
      stateAfter: 'candidate',
      details: {},
      createdBy: tx.actor.userId,
    });
    await recordAudit(tx, [{ entity: 'candidate', entityId: row.id, action: 'create', after: row, reason }]);
    return candidateDetail(tx, row.id);
  });
}

/** Personal data, certificate, introducers and dossier; only while the file is open. */
/** What the cell's vote was checked against: fixed once the cell has resolved. */
const consideredFields = ['birthDate', 'awarenessCertificate', 'introducers', 'specialAgeDecision', 'unionResolution', 'lowerSecondary'] as const;

export async function updateCandidate(ctx: Ctx, id: number, input: CandidateUpdate): Promise<CandidateDetail> {
  return inTransaction(ctx, async (tx) => {
    assertCan(tx, 'admissions.step');
    const before = await candidateInScopeOr404(tx, id);
    const { version, reason, ...changes } = input;
    if (before.version !== version) throw staleVersion(CANDIDATE_RECORD);
    if (!openCandidateStates.includes(before.state)) throw conflict('Hồ sơ đã khép lại (đã kết nạp hoặc đã dừng); không sửa được nữa.');
    if (before.state !== 'candidate') {
      const changed = consideredFields.find((field) => field in changes && JSON.stringify(changes[field] ?? null) !== JSON.stringify(before[field] ?? null));
      if (changed)
        throw conflict(
          'Chi bộ đã xét hồ sơ theo thông tin này (ngày sinh, giấy chứng nhận, người giới thiệu, quyết định đặc biệt); không sửa được sau nghị quyết của chi bộ.',
          changed,
        );
    }
    if (changes.introducers) await checkIntroducersExist(tx, changes.introducers);
    if (changes.nationalId) await assertNotAMember(tx, changes.nationalId);
    const values = { ...changes, ...(changes.fullName ? nameColumns(changes.fullName) : {}) };
    const after = await updateCandidateRow(tx.db, id, version, values);
    if (!after) throw staleVersion(CANDIDATE_RECORD);
    const { orgName: _n, orgKind: _k, orgPath: _p, orgActive: _a, ...plainBefore } = before;
    await recordAudit(tx, [{ entity: 'candidate', entityId: id, action: 'update', before: plainBefore, after, reason }]);
    return candidateDetail(tx, id);
  });
}

/** Reading a candidate's file is logged like reading a member's record: it is personal data. */
export async function getCandidate(ctx: Ctx, id: number): Promise<CandidateDetail> {
  return inTransaction(ctx, async (tx) => {
    await candidateInScopeOr404(tx, id);
    await recordAudit(tx, [{ entity: 'candidate', entityId: id, action: 'read', after: { what: 'candidate' } }]);
    return candidateDetail(tx, id);
  });
}

/** The file as the candidate page shows it; the caller has checked the scope. */
export async function candidateDetail(ctx: Ctx, id: number): Promise<CandidateDetail> {
  const row = await candidateInScopeOr404(ctx, id);
  const today = todayIso(ctx.now());
  const [events, introducers, calendar, cellVoters] = await readTogether(ctx.db, [
    () => candidateEventsOf(ctx.db, id),
    () =>
      membersBrief(
        ctx.db,
        row.introducers.map((i) => i.memberId),
      ),
    () => loadCalendar(ctx),
    () => cellVotersOn(ctx, row.orgId, today),
  ]);
  const cellIsGrassroots = row.orgKind === 'grassroots_cell';
  const missing = missingDossierItems(row.dossier, row.youthUnionMember);
  const lastOf = (kind: string) => [...events].reverse().find((e) => e.kind === kind);
  const decided = lastOf('decided');
  const rules = ruleReader(ctx);
  const checksToday =
    row.state === 'candidate'
      ? [...(await cellSizeProblems(rules, cellVoters, today, 'orgId')), ...(await eligibilityProblems(ctx, row, today, rules))].map((p) => ({
          field: p.field,
          message: p.message,
        }))
      : [];
  const failedVotes = failedVotesOf(events);
  const level = row.state === 'candidate' ? 'cell' : row.state === 'cell_resolved' ? 'committee' : null;
  const failedHere = failedVotes.filter((v) => v.level === level);
  const referredUpward =
    level !== null &&
    failedHere.length > 0 &&
    isReferredUpward(failedHere.length, await rules('admission_vote_failures_before_referral', failedHere.at(-1)!.occurredOn));
  const dueOn = await candidateDueOn(rules, calendar, {
    state: row.state,
    cellResolvedOn: lastOf('cell_resolved')?.occurredOn ?? null,
    decisionReceivedOn: decided ? ((decided.details.receivedOn as string | undefined) ?? decided.occurredOn) : null,
  });
  const steps: CandidateStepView[] = events.map((e) => ({
    id: e.id,
    kind: e.kind,
    occurredOn: e.occurredOn,
    decision: e.decision,
    details: e.details,
    createdAt: e.createdAt.toISOString(),
  }));
  const readmission = row.readmission ? await readmissionView(ctx, row.readmission, todayIso(ctx.now()), row.state === 'candidate') : null;
  return {
    id: row.id,
    readmission,
    fullName: row.fullName,
    gender: row.gender,
    birthDate: row.birthDate,
    placeOfOrigin: row.placeOfOrigin,
    residence: row.residence,
    ethnicity: row.ethnicity,
    religion: row.religion,
    education: row.education,
    professionalQualification: row.professionalQualification,
    theoryLevel: row.theoryLevel,
    job: row.job,
    position: row.position,
    nationalId: row.nationalId,
    orgId: row.orgId,
    orgName: row.orgName,
    orgKind: row.orgKind,
    cellIsGrassroots,
    youthUnionMember: row.youthUnionMember,
    awarenessCertificate: row.awarenessCertificate,
    specialAgeDecision: row.specialAgeDecision,
    introducers: row.introducers.map((i) => {
      const member = introducers.find((m) => m.id === i.memberId);
      return {
        memberId: i.memberId,
        knownSince: i.knownSince,
        replacement: i.replacement ?? false,
        fullName: member?.fullName ?? '—',
        status: member?.status ?? 'unknown',
        orgName: member?.orgName ?? '—',
      };
    }),
    dossier: row.dossier,
    missingDossier: missing,
    state: row.state,
    memberId: row.memberId,
    version: row.version,
    nextStep: nextStepOf({ state: row.state, cellIsGrassroots, missing, dueOn, referredUpward }),
    cellFullMembers: cellVoters.eligible,
    checksToday,
    steps,
    unionResolution: row.unionResolution,
    lowerSecondary: row.lowerSecondary,
    cellVoters,
    failedVotes,
    referredUpward,
  };
}

/** Candidates of the scope (or of a chosen organisation's subtree), open files unless asked, with their next step. */
export async function listCandidates(ctx: Ctx, query: CandidateListQuery) {
  if (ctx.actor.scope.kind === 'self') throw notFound('tổ chức đảng');
  const org = query.orgId ? await orgInScope(ctx, query.orgId) : null;
  const scope = narrowScope(ctx.actor.scope, org);
  const states = query.state ? [query.state] : query.includeClosed ? undefined : openCandidateStates;
  const where = candidateConditions(scope, { states });
  const offset = (query.page - 1) * query.pageSize;
  const [rows, total, calendar] = await readTogether(ctx.db, [
    () => listCandidateRows(ctx.db, where, query.pageSize, offset),
    () => countCandidateRows(ctx.db, where),
    () => loadCalendar(ctx),
  ]);
  const rules = ruleReader(ctx);
  const items: CandidateListItem[] = [];
  for (const row of rows) {
    const missing = missingDossierItems(row.dossier, row.youthUnionMember);
    const dueOn = await candidateDueOn(rules, calendar, row);
    items.push({
      id: row.id,
      fullName: row.fullName,
      gender: row.gender,
      birthDate: row.birthDate,
      orgId: row.orgId,
      orgName: row.orgName,
      state: row.state,
      memberId: row.memberId,
      nextStep: nextStepOf({ state: row.state, cellIsGrassroots: row.orgKind === 'grassroots_cell', missing, dueOn }),
      updatedAt: new Date(row.updatedAt).toISOString(),
    });
  }
  return { items, total, page: query.page, pageSize: query.pageSize };
}
