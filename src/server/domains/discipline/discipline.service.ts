import { inTransaction, readTogether, type Ctx } from '../../context.js';
import { actorCan, assertCan } from '../../permissions.js';
import { AppError, conflict, invalidField, notFound, notFoundField, staleVersion } from '../../errors.js';
import { isPathInScope } from '../../scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { findMember } from '../members/members.queries.js';
import { recordMembershipEvent } from '../members/membership-events.service.js';
import { annulEventOf } from '../members/event-annulment.service.js';
import { findOrg } from '../orgs/orgs.queries.js';
import { dissolveOrgAsSanction } from '../orgs/orgs.service.js';
import { endSeat, findSeat, insertSeat } from '../committees/committees.queries.js';
import { cancelTransfersOnExit } from '../transfers/transfer-steps.service.js';
import { ruleAt } from '../rulebook/rulebook.service.js';
import type { RuleViolation } from '../rulebook/rule-violation.rules.js';
import {
  countSanctionRows,
  effectsOf,
  findAppeal,
  findSanction,
  insertAppeal,
  insertEffect,
  insertSanction,
  listAppealRows,
  listSanctionRows,
  markEffectUndone,
  membershipOn,
  openAppealOf,
  openSeatsOfMember,
  sanctionViewRow,
  updateAppeal,
  updateSanction,
  type SanctionRow,
  type SanctionFilter,
} from './discipline.queries.js';
import {
  appealFilingProblem,
  appealOutcomeProblem,
  caseSubjectProblem,
  decisionProblem,
  formProblem,
  limitationOf,
  memberSubjectKind,
  notMemberOnOffence,
  onRecordUntil,
  type NoLimitation,
} from './discipline.rules.js';
import { caseIdsInSight, linkedCase } from '../inspection/inspection.service.js';
import { addDays, compareIso, todayIso } from '../../../shared/dates.js';
import {
  sanctionFormLabels,
  type AppealDecisionInput,
  type AppealInput,
  type SanctionDecisionInput,
  type SanctionDetail,
  type SanctionForm,
  type SanctionListQuery,
  type SanctionProposalInput,
  type SanctionSubjectKind,
  type SanctionView,
  type SanctionWithdrawalInput,
} from '../../../shared/discipline.js';
import { activeStatuses } from '../../../shared/member.js';
import type { Decision } from '../../../shared/org.js';

const SANCTION = 'hồ sơ kỷ luật';
const APPEAL = 'đơn khiếu nại kỷ luật';

function refuse(problem: RuleViolation): AppError {
  return new AppError('RULE_VIOLATION', problem.message, [{ field: problem.field, message: problem.message }], { name: problem.rule, source: problem.source });
}

/** Drafts (proposed or withdrawn sanctions) are confidential: the organisation's inspection staff and the admin only. */
export function seesDrafts(ctx: Ctx): boolean {
  return actorCan(ctx.actor, 'discipline.record');
}

/** A sanction the actor may see, else 404 (a draft reads as absent to everyone else). */
async function sanctionInScopeOr404(ctx: Ctx, id: number): Promise<SanctionRow> {
  const row = await findSanction(ctx.db, id);
  const scope = ctx.actor.scope;
  const inScope = row && (scope.kind === 'self' ? row.memberId === scope.memberId : isPathInScope(scope, row.orgPath));
  if (!row || !inScope || (row.state !== 'decided' && !seesDrafts(ctx))) throw notFound(SANCTION);
  return row;
}

async function recordMonths(ctx: Ctx, date: string): Promise<Partial<Record<SanctionForm, number>>> {
  try {
    return (await ruleAt<Partial<Record<SanctionForm, number>>>(ctx, 'sanction_record_months', date)).value;
  } catch {
    // Decided before the first version: the record shows no end date rather than guessing one.
    return {};
  }
}

/**
 * A sanction as the actor reads it. The case it came from is named only to those who see that case: a decided sanction
 * is read across the scope, and its link alone would tell anyone else that an inspection took place.
 */
async function present(ctx: Ctx, row: Omit<SanctionView, 'onRecordUntil'>, casesSeen?: Set<number>): Promise<SanctionView> {
  const until = row.effectiveOn && row.standingForm ? onRecordUntil(row.effectiveOn, row.standingForm, await recordMonths(ctx, row.effectiveOn)) : null;
  const seen = casesSeen ?? (await caseIdsInSight(ctx, [row.caseId]));
  return { ...row, caseId: row.caseId !== null && seen.has(row.caseId) ? row.caseId : null, onRecordUntil: until };
}

/** Rows as the actor reads them (one look-up of the cases they may see for the whole page). */
async function presentAll(ctx: Ctx, rows: Omit<SanctionView, 'onRecordUntil'>[]): Promise<SanctionView[]> {
  const seen = await caseIdsInSight(
    ctx,
    rows.map((r) => r.caseId),
  );
  const items = [];
  for (const row of rows) items.push(await present(ctx, row, seen));
  return items;
}

async function viewOf(ctx: Ctx, id: number): Promise<SanctionDetail> {
  const row = (await sanctionViewRow(ctx.db, id))!;
  const [effects, appeals] = await readTogether(ctx.db, [() => effectsOf(ctx.db, id), () => listAppealRows(ctx.db, { kind: 'all' }, { sanctionId: id })]);
  return {
    ...(await present(ctx, row)),
    effects: effects.map((e) => ({
      id: e.id,
      kind: e.kind,
      occurredOn: e.occurredOn,
      refId: e.refId,
      undoneByEffectId: e.undoneByEffectId,
      appealId: e.appealId,
    })),
    appeals,
  };
}

/**
 * The member's status on a day: from the dated periods, but never before the admission (a record opened later than the
 * admission, e.g. by an import, has no period that early: the admission and confirmation dates then decide).
 */
async function statusOn(ctx: Ctx, member: { id: number; admittedOn: string | null; confirmedOn: string | null }, date: string) {
  if (!member.admittedOn || compareIso(member.admittedOn, date) > 0) return null;
  const period = await membershipOn(ctx.db, member.id, date);
  if (period) return period.status;
  return member.confirmedOn && compareIso(member.confirmedOn, date) <= 0 ? 'full' : 'probationary';
}

/**
 * A proposed sanction (the draft). A member's kind (full or probationary) is their status on the offence date: one who
 * was not a member then cannot be disciplined for it. The proposed form must be one the subject may receive.
 */
export async function proposeSanction(ctx: Ctx, input: SanctionProposalInput): Promise<SanctionDetail> {
  assertCan(ctx, 'discipline.record');
  return inTransaction(ctx, async (tx) => {
    let subjectKind: SanctionSubjectKind;
    let orgId: number;
    let orgPath: string;
    // Every record the request names is looked up first (404 outside the scope or the sight), then the rules apply.
    const linked = input.caseId !== null ? await linkedCase(tx, input.caseId) : null;
    if (input.memberId !== null) {
      const member = await findMember(tx.db, input.memberId);
      if (!member || !isPathInScope(tx.actor.scope, member.orgPath)) throw notFoundField('memberId', 'đảng viên');
      if (linked) {
        const then = await membershipOn(tx.db, member.id, input.offenceOn);
        const problem = caseSubjectProblem(linked, { memberId: member.id, orgId: null, paths: [member.orgPath, ...(then ? [then.orgPath] : [])] });
        if (problem) throw invalidField('caseId', problem);
      }
      const kind = memberSubjectKind(await statusOn(tx, member, input.offenceOn));
      if (!kind) throw refuse(notMemberOnOffence(input.offenceOn));
      subjectKind = kind;
      orgId = member.orgId;
      orgPath = member.orgPath;
    } else {
      const org = await findOrg(tx.db, input.orgId!);
      // A dissolved organisation may still be disciplined (RULES.md "Organisations").
      if (!org || !isPathInScope(tx.actor.scope, org.path)) throw notFoundField('orgId', 'tổ chức đảng');
      if (linked) {
        const problem = caseSubjectProblem(linked, { memberId: null, orgId: org.id, paths: [org.path] });
        if (problem) throw invalidField('caseId', problem);
      }
      if (org.foundedOn && compareIso(input.offenceOn, org.foundedOn) < 0) throw invalidField('offenceOn', `Ngày vi phạm trước ngày thành lập ${org.name}.`);
      subjectKind = 'org';
      orgId = org.id;
      orgPath = org.path;
    }
    const problem = formProblem(subjectKind, input.proposedForm, 'proposedForm');
    if (problem) throw refuse(problem);
    if (compareIso(input.offenceOn, input.proposedOn) > 0) throw invalidField('proposedOn', 'Ngày đề nghị không được trước ngày vi phạm.');
    if (input.laterOffenceOn && (compareIso(input.laterOffenceOn, input.offenceOn) < 0 || compareIso(input.laterOffenceOn, input.proposedOn) > 0))
      throw invalidField('laterOffenceOn', 'Ngày vi phạm mới phải sau ngày vi phạm đầu và không sau ngày đề nghị.');
    const row = await insertSanction(tx.db, {
      subjectKind,
      orgId,
      orgPath,
      memberId: input.memberId,
      caseId: linked?.id ?? null,
      offenceGroup: input.offenceGroup,
      offence: input.offence,
      offenceOn: input.offenceOn,
      laterOffenceOn: input.laterOffenceOn,
      state: 'proposed',
      proposedForm: input.proposedForm,
      proposedOn: input.proposedOn,
      proposedBy: input.proposedBy,
    });
    await recordAudit(tx, [{ entity: 'sanction', entityId: row.id, action: 'propose', after: row }]);
    return viewOf(tx, row.id);
  });
}

/** The deciding body's organisation: in the scope, the subject's own or above it (strictly above for a dissolution). */
async function decidingOrgOf(ctx: Ctx, sanction: SanctionRow, input: SanctionDecisionInput) {
  const org = await findOrg(ctx.db, input.decidingOrgId);
  if (!org || !isPathInScope(ctx.actor.scope, org.path)) throw notFoundField('decidingOrgId', 'tổ chức đảng quyết định kỷ luật');
  const above = sanction.orgPath.startsWith(org.path);
  const strictly = above && org.path !== sanction.orgPath;
  if (!above || (input.form === 'dissolution' && !strictly))
    throw invalidField(
      'decidingOrgId',
      input.form === 'dissolution'
        ? 'Cơ quan quyết định giải tán phải là cấp ủy cấp trên của tổ chức bị kỷ luật (Điều lệ Đảng 2011, Điều 36).'
        : 'Cơ quan quyết định kỷ luật phải là tổ chức đảng quản lý đối tượng hoặc cấp trên của tổ chức đó (Điều lệ Đảng 2011, Điều 36).',
    );
  return org;
}

/** Applies a form's effects on `on`, each as the dated event of its own workflow, linked from the sanction. */
async function applyEffects(
  ctx: Ctx,
  sanction: SanctionRow,
  form: SanctionForm,
  decision: Decision,
  on: string,
  extra: { membersTo: number | null; appealId: number | null },
) {
  const link = (kind: 'membership_event' | 'seat_ended' | 'org_dissolved', refId: number) =>
    insertEffect(ctx.db, { sanctionId: sanction.id, kind, occurredOn: on, refId, appealId: extra.appealId, createdBy: ctx.actor.userId });
  if (form === 'expulsion' && sanction.memberId !== null) {
    const member = (await findMember(ctx.db, sanction.memberId))!;
    const cancelled = await cancelTransfersOnExit(ctx, member.id, on, 'Đảng viên bị khai trừ');
    const result = await recordMembershipEvent(
      ctx,
      member.id,
      {
        kind: 'expulsion',
        occurredOn: on,
        decision,
        toOrgId: null,
        reason: sanction.offence.slice(0, 500),
        details: { sanctionId: sanction.id, ...(cancelled > 0 ? { cancelledTransfers: cancelled } : {}) },
      },
      { expectedVersion: member.version },
    );
    await link('membership_event', result.eventId);
  }
  if (form === 'dismissal' && sanction.memberId !== null) {
    for (const seat of await openSeatsOfMember(ctx.db, sanction.memberId)) {
      if (compareIso(on, seat.startOn) < 0) throw invalidField('effectiveOn', 'Ngày có hiệu lực trước ngày nhận chức vụ trong cấp ủy của đảng viên.');
      const before = await findSeat(ctx.db, seat.id);
      const after = await endSeat(ctx.db, seat.id, seat.version, { endOn: on, endDecision: decision, endReason: 'Cách chức (kỷ luật đảng)' });
      if (!after) throw staleVersion('Cấp ủy');
      await recordAudit(ctx, [{ entity: 'org', entityId: seat.orgId, action: 'committee:end', before, after, reason: 'Cách chức (kỷ luật đảng)' }]);
      await link('seat_ended', seat.id);
    }
  }
  if (form === 'dissolution') {
    const org = (await findOrg(ctx.db, sanction.orgId))!;
    if (!org.active) throw conflict(`${org.name} đã kết thúc hoạt động; không thi hành giải tán được.`, 'form');
    const { eventId } = await dissolveOrgAsSanction(ctx, { kind: 'dissolved', decision, occurredOn: on, orgId: org.id, membersTo: extra.membersTo });
    await link('org_dissolved', eventId);
  }
}

/**
 * Decides a proposed sanction: the form (allowed for the subject), the deciding body, the decision and the effective
 * date; the limitation period is checked at the decision's date. Its effects are recorded in the same transaction.
 */
export async function decideSanction(ctx: Ctx, id: number, input: SanctionDecisionInput): Promise<SanctionDetail> {
  assertCan(ctx, 'discipline.record');
  return inTransaction(ctx, async (tx) => {
    const sanction = await sanctionInScopeOr404(tx, id);
    // Every record the request names is looked up (404 outside the scope) before any rule is applied.
    const decidingOrg = await decidingOrgOf(tx, sanction, input);
    const stateProblem = decisionProblem(sanction.state);
    if (stateProblem) throw conflict(stateProblem, 'state');
    if (sanction.version !== input.version) throw staleVersion('Hồ sơ kỷ luật');
    const formRefusal = formProblem(sanction.subjectKind, input.form, 'form');
    if (formRefusal) throw refuse(formRefusal);
    if (input.form !== 'dissolution' && input.membersTo !== null) throw invalidField('membersTo', 'Chỉ khi giải tán mới chọn nơi chuyển đảng viên đến.');
    if (compareIso(input.decision.date, sanction.proposedOn) < 0) throw invalidField('decision.date', 'Ngày quyết định không được trước ngày đề nghị.');
    if (compareIso(input.effectiveOn, input.decision.date) < 0) throw invalidField('effectiveOn', 'Ngày có hiệu lực không được trước ngày quyết định.');
    const at = input.decision.date;
    const { check, problem } = limitationOf({
      form: input.form,
      offenceGroup: sanction.offenceGroup,
      offenceOn: sanction.offenceOn,
      laterOffenceOn: sanction.laterOffenceOn,
      decidedOn: at,
      reprimandYears: await ruleAt<number>(tx, 'discipline_limitation_reprimand_years', at),
      warningYears: await ruleAt<number>(tx, 'discipline_limitation_warning_dismissal_years', at),
      noLimitation: await ruleAt<NoLimitation>(tx, 'discipline_no_limitation_offence_groups', at),
    });
    if (problem) throw refuse(problem);
    if (sanction.memberId !== null) {
      const member = (await findMember(tx.db, sanction.memberId))!;
      if (!activeStatuses.includes(member.status)) throw conflict('Đảng viên không còn sinh hoạt đảng; không thi hành kỷ luật được.', 'form');
    }
    const after = await updateSanction(tx.db, id, input.version, {
      state: 'decided',
      form: input.form,
      decision: input.decision,
      decidingOrgId: decidingOrg.id,
      decidingBody: input.decision.issuer,
      effectiveOn: input.effectiveOn,
      limitationCheck: { ...check },
    });
    if (!after) throw staleVersion('Hồ sơ kỷ luật');
    await applyEffects(tx, after, input.form, input.decision, input.effectiveOn, { membersTo: input.membersTo, appealId: null });
    await recordAudit(tx, [{ entity: 'sanction', entityId: id, action: 'decide', before: sanction, after }]);
    return viewOf(tx, id);
  });
}

/** The proposal is dropped (no discipline): kept, dated, with the reason. */
export async function withdrawSanction(ctx: Ctx, id: number, input: SanctionWithdrawalInput): Promise<SanctionDetail> {
  assertCan(ctx, 'discipline.record');
  return inTransaction(ctx, async (tx) => {
    const sanction = await sanctionInScopeOr404(tx, id);
    const stateProblem = decisionProblem(sanction.state);
    if (stateProblem) throw conflict(stateProblem, 'state');
    if (sanction.version !== input.version) throw staleVersion('Hồ sơ kỷ luật');
    if (compareIso(input.withdrawnOn, sanction.proposedOn) < 0) throw invalidField('withdrawnOn', 'Ngày dừng không được trước ngày đề nghị.');
    const after = await updateSanction(tx.db, id, input.version, { state: 'withdrawn', withdrawnOn: input.withdrawnOn, withdrawnReason: input.reason });
    if (!after) throw staleVersion('Hồ sơ kỷ luật');
    await recordAudit(tx, [{ entity: 'sanction', entityId: id, action: 'withdraw', before: sanction, after, reason: input.reason }]);
    return viewOf(tx, id);
  });
}

export async function listSanctions(ctx: Ctx, query: SanctionListQuery) {
  let orgPath: string | undefined;
  if (query.orgId) {
    const org = await findOrg(ctx.db, query.orgId);
    if (!org || !isPathInScope(ctx.actor.scope, org.path)) throw notFoundField('orgId', 'tổ chức đảng');
    orgPath = org.path;
  }
  const filter: SanctionFilter = {
    scope: ctx.actor.scope,
    withDrafts: seesDrafts(ctx),
    state: query.state,
    form: query.form,
    subjectKind: query.subjectKind,
    orgPath,
    year: query.year,
  };
  const [rows, total] = await readTogether(ctx.db, [
    () => listSanctionRows(ctx.db, filter, query.pageSize, (query.page - 1) * query.pageSize),
    () => countSanctionRows(ctx.db, filter),
  ]);
  return { items: await presentAll(ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function getSanction(ctx: Ctx, id: number): Promise<SanctionDetail> {
  await sanctionInScopeOr404(ctx, id);
  return viewOf(ctx, id);
}

/** The sanctions on a member's record (drafts only for those who record discipline). */
export async function memberSanctionsOf(ctx: Ctx, memberId: number): Promise<{ items: SanctionView[] }> {
  const member = await findMember(ctx.db, memberId);
  const scope = ctx.actor.scope;
  if (!member || !(scope.kind === 'self' ? scope.memberId === member.id : isPathInScope(scope, member.orgPath))) throw notFound('đảng viên');
  const rows = await listSanctionRows(ctx.db, { scope: { kind: 'all' }, withDrafts: seesDrafts(ctx) && scope.kind !== 'self', memberId }, 200, 0);
  return { items: await presentAll(ctx, rows) };
}

/** An appeal against a decided sanction, received within the period the rulebook allows; its decision is due later. */
export async function receiveAppeal(ctx: Ctx, sanctionId: number, input: AppealInput) {
  assertCan(ctx, 'discipline.record');
  return inTransaction(ctx, async (tx) => {
    const sanction = await sanctionInScopeOr404(tx, sanctionId);
    if (sanction.state !== 'decided' || !sanction.decision) throw conflict('Chỉ khiếu nại được quyết định kỷ luật đã ban hành.', 'sanctionId');
    if (await openAppealOf(tx.db, sanctionId)) throw conflict('Quyết định kỷ luật này đang có khiếu nại chưa giải quyết.', 'sanctionId');
    if (compareIso(input.receivedOn, sanction.decision.date) < 0)
      throw invalidField('receivedOn', 'Ngày nhận khiếu nại không được trước ngày quyết định kỷ luật.');
    const filingMonths = await ruleAt<number>(tx, 'discipline_appeal_filing_months', input.receivedOn);
    const { deadline, problem } = appealFilingProblem(sanction.decision.date, input.receivedOn, filingMonths);
    if (problem) throw refuse(problem);
    const decisionDays = await ruleAt<number>(tx, 'discipline_appeal_decision_days', input.receivedOn);
    const row = await insertAppeal(tx.db, {
      sanctionId,
      orgPath: sanction.orgPath,
      receivedOn: input.receivedOn,
      appellant: input.appellant,
      content: input.content,
      handlingBody: input.handlingBody,
      filingDeadlineOn: deadline,
      dueOn: addDays(input.receivedOn, decisionDays.value),
      rulesApplied: {
        discipline_appeal_filing_months: { value: filingMonths.value, source: filingMonths.source },
        discipline_appeal_decision_days: { value: decisionDays.value, source: decisionDays.source },
      },
    });
    await recordAudit(tx, [{ entity: 'sanction', entityId: sanctionId, action: 'appeal:receive', after: row }]);
    return viewOf(tx, sanctionId);
  });
}

/** Undoes the standing effects of a sanction by dated events of their workflows (never by deleting them). */
async function undoEffects(ctx: Ctx, sanction: SanctionRow, decision: Decision, reason: string, appealId: number) {
  const on = decision.date;
  for (const effect of await effectsOf(ctx.db, sanction.id)) {
    if (effect.undoneByEffectId !== null) continue;
    if (effect.kind === 'membership_event') {
      const member = (await findMember(ctx.db, sanction.memberId!))!;
      const { annulmentId } = await annulEventOf(ctx, member.id, effect.refId, { reason, decision, version: member.version });
      const undo = await insertEffect(ctx.db, {
        sanctionId: sanction.id,
        kind: 'membership_event_annulled',
        occurredOn: on,
        refId: annulmentId,
        appealId,
        createdBy: ctx.actor.userId,
      });
      await markEffectUndone(ctx.db, effect.id, undo.id);
    } else if (effect.kind === 'seat_ended') {
      const seat = (await findSeat(ctx.db, effect.refId))!;
      const restored = await insertSeat(ctx.db, {
        orgId: seat.orgId,
        memberId: seat.memberId,
        position: seat.position,
        term: seat.term,
        startOn: on,
        decision,
      });
      await recordAudit(ctx, [{ entity: 'org', entityId: seat.orgId, action: 'committee:appoint', after: restored, reason }]);
      const undo = await insertEffect(ctx.db, {
        sanctionId: sanction.id,
        kind: 'seat_restored',
        occurredOn: on,
        refId: restored.id,
        appealId,
        createdBy: ctx.actor.userId,
      });
      await markEffectUndone(ctx.db, effect.id, undo.id);
    } else if (effect.kind === 'org_dissolved') {
      throw conflict(
        'Tổ chức đảng đã bị giải tán theo quyết định này: việc thành lập lại tổ chức được ghi qua quy trình thành lập tổ chức đảng, không tự động hoàn lại.',
        'outcome',
      );
    }
  }
}

/**
 * Decides an appeal: upheld, changed (to another form allowed for the subject) or annulled. A change or an annulment
 * undoes the sanction's effects by dated events on the appeal decision's date; a change then applies the new form's.
 */
export async function decideAppeal(ctx: Ctx, appealId: number, input: AppealDecisionInput) {
  assertCan(ctx, 'discipline.record');
  return inTransaction(ctx, async (tx) => {
    const appeal = await findAppeal(tx.db, appealId);
    if (!appeal || !isPathInScope(tx.actor.scope, appeal.orgPath)) throw notFound(APPEAL);
    const sanction = await sanctionInScopeOr404(tx, appeal.sanctionId);
    if (appeal.outcome) throw conflict('Khiếu nại này đã được giải quyết.', 'outcome');
    if (appeal.version !== input.version) throw staleVersion('Đơn khiếu nại');
    if (compareIso(input.decision.date, appeal.receivedOn) < 0) throw invalidField('decision.date', 'Ngày quyết định không được trước ngày nhận khiếu nại.');
    const standing = (await sanctionViewRow(tx.db, sanction.id))!.standingForm;
    if (!standing) throw conflict('Quyết định kỷ luật này đã được xóa bỏ.', 'outcome');
    const problem = appealOutcomeProblem(input.outcome, input.newForm, standing, sanction.subjectKind);
    if (problem) throw 'rule' in problem ? refuse(problem) : invalidField(problem.field, problem.message);
    const after = await updateAppeal(tx.db, appealId, input.version, {
      outcome: input.outcome,
      decidedOn: input.decision.date,
      decision: input.decision,
      newForm: input.newForm,
      outcomeReason: input.reason,
    });
    if (!after) throw staleVersion('Đơn khiếu nại');
    if (input.outcome !== 'upheld') {
      const why = input.outcome === 'annulled' ? `Xóa bỏ quyết định kỷ luật: ${input.reason}` : `Thay đổi hình thức kỷ luật: ${input.reason}`;
      await undoEffects(tx, sanction, input.decision, why.slice(0, 500), appealId);
      if (input.outcome === 'changed' && input.newForm)
        await applyEffects(tx, sanction, input.newForm, input.decision, input.decision.date, { membersTo: null, appealId });
    }
    await recordAudit(tx, [
      {
        entity: 'sanction',
        entityId: sanction.id,
        action: `appeal:${input.outcome}`,
        before: appeal,
        after,
        reason: input.newForm ? `${input.reason} (${sanctionFormLabels[input.newForm]})` : input.reason,
      },
    ]);
    return viewOf(tx, sanction.id);
  });
}

/** Appeals in the scope, open ones first by due date: the register of appeals (those who record discipline). */
export async function listAppeals(ctx: Ctx) {
  assertCan(ctx, 'discipline.record');
  if (ctx.actor.scope.kind === 'self') return { items: [] };
  return { items: await listAppealRows(ctx.db, ctx.actor.scope, {}) };
}

export function todayOf(ctx: Ctx): string {
  return todayIso(ctx.now());
}

/** The deciding organisation and the one above it (the upper body printed on the decision). */
export async function decidingBodiesOf(ctx: Ctx, decidingOrgId: number | null) {
  const deciding = decidingOrgId ? await findOrg(ctx.db, decidingOrgId) : undefined;
  const upper = deciding?.parentId ? await findOrg(ctx.db, deciding.parentId) : undefined;
  return { deciding, upper };
}
