import { inTransaction, type Ctx, readTogether } from '../../context.js';
import { actorCan, assertCan } from '../../permissions.js';
import { AppError, conflict, invalidField, notFound } from '../../errors.js';
import { isPathInScope, narrowScope } from '../../scope.js';
import { logPersonalRead, recordAudit } from '../audit/audit.service.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { assertMemberHoldingOrg, memberInScopeOr404, orgInScope } from '../members/members.service.js';
import type { RuleParam, RuleViolation } from '../rulebook/rule-violation.rules.js';
import {
  allowedActions,
  checkMovingDecision,
  checkTemporaryDuration,
  letterCountsFrom,
  letterDeadline,
  letterIssuerLevel,
  presentationDeadline,
} from './transfers.rules.js';
import { findOrg, type OrgRow } from '../orgs/orgs.queries.js';
import { ruleAt } from '../rulebook/rulebook.service.js';
import { severityOf, type SeverityCalendar } from '../radar/radar.rules.js';
import {
  countTransferRows,
  destinationOrgs,
  findMemberByCardOrNationalId,
  findTransfer,
  insertTransfer,
  insertTransferStep,
  listTransferRows,
  openTransferDeadlineRows,
  openTransferOf,
  stepsOf,
  transferFilterConditions,
  type TransferWithContext,
} from './transfers.queries.js';
import { renderTransferLetter } from './transfers.documents.js';
import { activeStatuses } from '../../../shared/member.js';
import type { Decision } from '../../../shared/org.js';
import type { AttentionItem } from '../../../shared/radar.js';
import type { TransferCreate, TransferDetail, TransferListQuery, TransferSide, TransferState } from '../../../shared/transfers.js';
import { foldForSearch } from '../../../shared/vietnamese.js';

const TRANSFER = 'thủ tục chuyển sinh hoạt đảng';

/** A pure rule's refusal as a 422; its message already names the rule and the document that sets it. */
export function refuseOn(problems: RuleViolation[], fieldNames: Record<string, string> = {}): void {
  const [first] = problems;
  if (!first) return;
  throw new AppError('RULE_VIOLATION', first.message, [{ field: fieldNames[first.field] ?? first.field, message: first.message }], {
    name: first.rule,
    source: first.source,
  });
}

/** A rulebook number as the pure rules take it, read as of the step's own date. */
export async function ruleParam(ctx: Ctx, name: string, date: string): Promise<RuleParam> {
  const rule = await ruleAt<number>(ctx, name, date);
  return { value: rule.value, source: rule.source };
}

function sidesOf(ctx: Ctx, t: Pick<TransferWithContext, 'sendingPath' | 'receivingPath'>): TransferSide[] {
  const sides: TransferSide[] = [];
  if (t.sendingPath && isPathInScope(ctx.actor.scope, t.sendingPath)) sides.push('sending');
  if (t.receivingPath && isPathInScope(ctx.actor.scope, t.receivingPath)) sides.push('receiving');
  return sides;
}

/** Visible from either side; outside both it is 404, like any record outside the scope. */
export async function transferInScopeOr404(ctx: Ctx, id: number) {
  const t = await findTransfer(ctx.db, id);
  const sides = t ? sidesOf(ctx, t) : [];
  if (!t || sides.length === 0) throw notFound(TRANSFER);
  return { t, sides };
}

/**
 * The receiving side confirms a member whose record still sits at the sending organisation, outside the
 * official's subtree. The step's side was checked above, so the event is recorded with the scope widened;
 * the actor's name stays on the audit row.
 */
export function forBothSides(ctx: Ctx): Ctx {
  return { ...ctx, actor: { ...ctx.actor, scope: { kind: 'all' } } };
}

/**
 * The organisation that issues a transfer's letter for a member of `orgId`, and the body above it: the grassroots
 * organisation, or for a member leaving the deployment the committee directly above it (transfers.rules
 * `letterIssuerLevel`, 294-QĐ/TW §6.3.1). A grassroots organisation at the top of the tree issues it itself.
 */
export async function letterIssuerOf(
  ctx: Ctx,
  orgId: number,
  level: 'grassroots' | 'upper_committee' = 'grassroots',
): Promise<{ issuingBody: string; upperBody: string; issuingOrg: OrgRow | undefined }> {
  let org: OrgRow | undefined = await findOrg(ctx.db, orgId);
  const start = org;
  while (org && org.kind !== 'grassroots_committee' && org.kind !== 'grassroots_cell' && org.parentId) org = await findOrg(ctx.db, org.parentId);
  let issuing = org ?? start;
  if (level === 'upper_committee' && issuing?.parentId) issuing = (await findOrg(ctx.db, issuing.parentId)) ?? issuing;
  const upper = issuing?.parentId ? await findOrg(ctx.db, issuing.parentId) : undefined;
  return { issuingBody: issuing?.name ?? '', upperBody: upper?.name ?? 'Đảng Cộng sản Việt Nam', issuingOrg: issuing };
}

/** Whether the viewer's scope covers the organisation that issues this transfer's letter. */
export async function letterIssuerInScope(ctx: Ctx, t: Pick<TransferWithContext, 'kind' | 'direction' | 'sendingOrgId'>): Promise<boolean> {
  if (letterIssuerLevel(t) === 'grassroots' || !t.sendingOrgId) return true;
  const { issuingOrg } = await letterIssuerOf(ctx, t.sendingOrgId, 'upper_committee');
  return !!issuingOrg && isPathInScope(ctx.actor.scope, issuingOrg.path);
}

export async function letterDecision(ctx: Ctx, t: TransferWithContext): Promise<Decision> {
  const issuer = t.direction === 'in' ? (t.externalOrgName ?? '') : (await letterIssuerOf(ctx, t.sendingOrgId!, letterIssuerLevel(t))).issuingBody;
  return { number: t.letterNumber!, date: t.letterOn!, issuer };
}

export async function addStep(ctx: Ctx, transferId: number, step: 'created' | TransferState, occurredOn: string, details: Record<string, unknown> = {}) {
  await insertTransferStep(ctx.db, { transferId, step, occurredOn, actorId: ctx.actor.userId, actorName: ctx.actor.name, details });
}

async function checkTemporary(ctx: Ctx, input: Pick<TransferCreate, 'kind' | 'purpose' | 'temporaryFrom' | 'temporaryUntil'>) {
  if (input.kind !== 'temporary') return;
  if (!input.purpose) throw invalidField('purpose', 'Phải chọn lý do sinh hoạt tạm thời (công tác hay học tập).');
  if (!input.temporaryFrom) throw invalidField('temporaryFrom', 'Phải nhập ngày bắt đầu sinh hoạt tạm thời.');
  if (!input.temporaryUntil) throw invalidField('temporaryUntil', 'Phải nhập ngày dự kiến trở về.');
  const on = input.temporaryFrom;
  const problems = checkTemporaryDuration({
    from: input.temporaryFrom,
    to: input.temporaryUntil,
    purpose: input.purpose,
    minMonths: await ruleParam(ctx, 'temporary_transfer_min_months', on),
    maxMonths: await ruleParam(ctx, 'temporary_transfer_max_months', on),
    studyMaxMonths: await ruleParam(ctx, 'temporary_transfer_study_max_months', on),
  });
  refuseOn(problems, { to: 'temporaryUntil' });
}

const temporaryColumns = (input: Pick<TransferCreate, 'kind' | 'purpose' | 'temporaryFrom' | 'temporaryUntil'>) =>
  input.kind === 'temporary'
    ? { purpose: input.purpose, temporaryFrom: input.temporaryFrom, temporaryUntil: input.temporaryUntil }
    : { purpose: null, temporaryFrom: null, temporaryUntil: null };

/** Records the decision that moves a member (or, for an arrival from outside, the letter received). */
export async function createTransfer(ctx: Ctx, input: TransferCreate) {
  assertCan(ctx, 'transfers.step');
  if (ctx.actor.scope.kind === 'self') throw notFound('đảng viên');
  const id = await inTransaction(ctx, async (tx) => {
    await checkTemporary(tx, input);
    if (input.direction === 'in') return createIncoming(tx, input);
    const member = await memberInScopeOr404(tx, input.memberId);
    if (!activeStatuses.includes(member.status)) throw conflict('Chỉ đảng viên đang sinh hoạt mới chuyển sinh hoạt đảng được.', 'memberId');
    if (await openTransferOf(tx.db, member.id)) throw conflict('Đảng viên đang có một thủ tục chuyển sinh hoạt chưa hoàn tất.', 'memberId');
    let receivingOrgId: number | null = null;
    if (input.direction === 'within') {
      const receiving = await findOrg(tx.db, input.receivingOrgId);
      if (!receiving) throw invalidField('receivingOrgId', 'Không tìm thấy chi bộ nơi đến.');
      await assertMemberHoldingOrg(receiving, 'receivingOrgId');
      if (receiving.id === member.orgId) throw invalidField('receivingOrgId', 'Chi bộ nơi đến trùng với chi bộ đang sinh hoạt.');
      receivingOrgId = receiving.id;
    }
    const decidedOn = input.movingDecision.date;
    const badDates = checkMovingDecision(input.movingDecision);
    if (badDates) throw invalidField(badDates.field, badDates.message);
    // 294-QĐ/TW §6.3.1 sets the letter deadline for a permanent transfer, from the day the decision takes effect;
    // a temporary one has none.
    let letterDueOn: string | null = null;
    if (input.kind === 'permanent') {
      const calendar = await loadCalendar(tx);
      const from = letterCountsFrom(input.movingDecision);
      const days = await ruleParam(tx, 'transfer_letter_deadline_working_days', from);
      letterDueOn = letterDeadline(from, days.value, calendar.holidays, calendar.workdays);
    }
    const row = await insertTransfer(tx.db, {
      kind: input.kind,
      direction: input.direction,
      state: 'pending',
      memberId: member.id,
      sendingOrgId: member.orgId,
      receivingOrgId,
      externalOrgName: input.direction === 'out' ? input.externalOrgName : null,
      movingDecision: input.movingDecision,
      ...temporaryColumns(input),
      letterDueOn,
      note: input.note,
      createdBy: tx.actor.userId,
    });
    await addStep(tx, row.id, 'created', decidedOn, { movingDecision: input.movingDecision });
    await recordAudit(tx, [{ entity: 'transfer', entityId: row.id, action: 'create', after: row }]);
    return row.id;
  });
  return getTransfer(ctx, id);
}

/**
 * An arrival from outside: the letter was issued elsewhere, so the transfer starts at `letter_issued`. A person
 * whose card or citizen number matches a record that left the deployment is that record coming back.
 */
async function createIncoming(ctx: Ctx, input: Extract<TransferCreate, { direction: 'in' }>) {
  const receiving = await orgInScope(ctx, input.receivingOrgId, 'receivingOrgId');
  await assertMemberHoldingOrg(receiving, 'receivingOrgId');
  const { letter, person } = input;
  if (person.status === 'full' && !person.confirmedOn) throw invalidField('person.confirmedOn', 'Đảng viên chính thức phải có ngày công nhận chính thức.');
  let memberId: number | null = null;
  if (input.kind === 'permanent') {
    const known = await findMemberByCardOrNationalId(ctx.db, letter.cardNumber, person.nationalId);
    if (known && known.status !== 'transferred_out')
      throw conflict(
        'Số thẻ đảng viên hoặc số CCCD này thuộc một đảng viên đang sinh hoạt trong Đảng bộ; không thể tiếp nhận như người từ nơi khác đến.',
        'letter.cardNumber',
      );
    memberId = known?.id ?? null;
  }
  const calendar = await loadCalendar(ctx);
  const days = await ruleParam(ctx, 'transfer_present_deadline_working_days', letter.letterOn);
  const row = await insertTransfer(ctx.db, {
    kind: input.kind,
    direction: 'in',
    state: 'letter_issued',
    memberId,
    person,
    receivingOrgId: receiving.id,
    externalOrgName: input.externalOrgName,
    ...temporaryColumns(input),
    ...letter,
    presentDueOn: presentationDeadline(letter.letterOn, days.value, calendar.holidays, calendar.workdays),
    note: input.note,
    createdBy: ctx.actor.userId,
  });
  await addStep(ctx, row.id, 'created', letter.letterOn, { externalOrgName: input.externalOrgName, returningMemberId: memberId });
  await recordAudit(ctx, [{ entity: 'transfer', entityId: row.id, action: 'create', after: row }]);
  return row.id;
}

export async function listTransfers(ctx: Ctx, query: TransferListQuery) {
  if (ctx.actor.scope.kind === 'self') throw notFound(TRANSFER);
  const org = query.orgId ? await orgInScope(ctx, query.orgId) : null;
  const where = transferFilterConditions(narrowScope(ctx.actor.scope, org), query);
  const offset = (query.page - 1) * query.pageSize;
  const [items, total] = await readTogether(ctx.db, [() => listTransferRows(ctx.db, where, query.pageSize, offset), () => countTransferRows(ctx.db, where)]);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** One transfer with the viewer's sides and the steps they may take; reading it is logged as a personal-data read. */
export async function getTransfer(ctx: Ctx, id: number): Promise<TransferDetail> {
  return inTransaction(ctx, async (tx) => {
    const { t, sides } = await transferInScopeOr404(tx, id);
    if (t.memberId) await logPersonalRead(tx, t.memberId, 'transfer');
    const steps = await stepsOf(tx.db, id);
    return {
      id: t.id,
      version: t.version,
      kind: t.kind,
      direction: t.direction,
      state: t.state,
      memberId: t.memberId,
      fullName: t.memberName ?? t.person?.fullName ?? '',
      sendingOrgId: t.sendingOrgId,
      sendingOrgName: t.sendingOrgName,
      receivingOrgId: t.receivingOrgId,
      receivingOrgName: t.receivingOrgName,
      externalOrgName: t.externalOrgName,
      movingDecision: t.movingDecision,
      movingDecisionOn: t.movingDecision?.date ?? null,
      movingEffectiveOn: t.movingDecision ? letterCountsFrom(t.movingDecision) : null,
      purpose: t.purpose,
      temporaryFrom: t.temporaryFrom,
      temporaryUntil: t.temporaryUntil,
      person: t.person,
      letterDueOn: t.letterDueOn,
      letterNumber: t.letterNumber,
      letterOn: t.letterOn,
      cardNumber: t.cardNumber,
      profileNumber: t.profileNumber,
      cellListNumber: t.cellListNumber,
      transferRegisterNumber: t.transferRegisterNumber,
      duesPaidThrough: t.duesPaidThrough,
      letterLateReason: t.letterLateReason,
      presentDueOn: t.presentDueOn,
      presentedOn: t.presentedOn,
      lateReason: t.lateReason,
      returnedOn: t.returnedOn,
      cancelReason: t.cancelReason,
      note: t.note,
      memberCardNumber: t.memberCardNumber,
      memberProfileNumber: t.memberProfileNumber,
      sides,
      actions: actorCan(tx.actor, 'transfers.step') ? allowedActions(t, sides, await letterIssuerInScope(tx, t)) : [],
      steps,
    };
  });
}

/** The letter as .docx, to either side, once it has been issued; downloading it is a personal-data read. */
export async function transferLetterDocx(ctx: Ctx, id: number): Promise<{ file: Buffer; fileName: string }> {
  const data = await inTransaction(ctx, async (tx) => {
    const { t } = await transferInScopeOr404(tx, id);
    if (!t.letterOn || t.direction === 'in') throw notFound('giấy giới thiệu sinh hoạt đảng');
    const member = await findMemberRecord(tx, t.memberId!);
    await logPersonalRead(tx, t.memberId!, 'transfer_letter');
    const issuer = await letterIssuerOf(tx, t.sendingOrgId!, letterIssuerLevel(t));
    return { t, member, issuer };
  });
  return { file: await renderTransferLetter(data), fileName: `giay-gioi-thieu-${data.t.id}.docx` };
}

async function findMemberRecord(ctx: Ctx, memberId: number) {
  return memberInScopeOr404(forBothSides(ctx), memberId);
}

/** Cells anywhere in the deployment, for choosing where a member goes. */
export async function listDestinations(ctx: Ctx, q: string | undefined) {
  if (ctx.actor.scope.kind === 'self') throw notFound('tổ chức đảng');
  const folded = q ? foldForSearch(q) : null;
  return { items: await destinationOrgs(ctx.db, folded || null, 50) };
}

/** Open transfer steps with a date to meet, in the actor's scope (either side), for the deadlines radar. */
export async function openTransferDeadlines(ctx: Ctx, today: string, calendar?: SeverityCalendar): Promise<AttentionItem[]> {
  if (ctx.actor.scope.kind === 'self') return [];
  const rows = await openTransferDeadlineRows(ctx.db, ctx.actor.scope);
  const cal = calendar ?? (await loadCalendar(ctx));
  const items: AttentionItem[] = [];
  for (const r of rows) {
    const from = r.sendingOrgName ?? r.externalOrgName ?? '';
    const to = r.receivingOrgName ?? r.externalOrgName ?? '';
    const who = `đồng chí ${r.fullName}`;
    const member = r.memberId ? { memberId: r.memberId } : {};
    if (r.state === 'pending' && r.letterDueOn) {
      items.push({
        kind: 'transfer_letter_due',
        label: `Cấp giấy giới thiệu chuyển sinh hoạt cho ${who} (${from} → ${to})`,
        dueOn: r.letterDueOn,
        ...member,
        transferId: r.id,
        orgId: r.sendingOrgId!,
        severity: severityOf(r.letterDueOn, today, cal),
      });
    } else if (r.state === 'letter_issued' && r.presentDueOn) {
      items.push({
        kind: 'transfer_presentation_due',
        label: `Chờ ${who} xuất trình giấy giới thiệu sinh hoạt tại ${to}`,
        dueOn: r.presentDueOn,
        ...member,
        transferId: r.id,
        orgId: (r.receivingOrgId ?? r.sendingOrgId)!,
        severity: severityOf(r.presentDueOn, today, cal),
      });
    } else if (r.state === 'received' && r.temporaryUntil) {
      items.push({
        kind: 'temporary_return_due',
        label: `Hết thời hạn sinh hoạt tạm thời của ${who} tại ${to}`,
        dueOn: r.temporaryUntil,
        ...member,
        transferId: r.id,
        orgId: (r.sendingOrgId ?? r.receivingOrgId)!,
        severity: severityOf(r.temporaryUntil, today, cal),
      });
    }
  }
  return items;
}
