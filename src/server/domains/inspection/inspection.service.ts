import { inTransaction, type Ctx } from '../../context.js';
import { actorCan, assertCan } from '../../permissions.js';
import { AppError, invalidField, notFound, notFoundField, staleVersion } from '../../errors.js';
import { isPathInScope } from '../../scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { findMember } from '../members/members.queries.js';
import { findOrg, type OrgRow } from '../orgs/orgs.queries.js';
import { ruleAt, ruleTimeline } from '../rulebook/rulebook.service.js';
import type { RuleViolation } from '../rulebook/rule-violation.rules.js';
import { checkStep, checkTimetable, nextRequiredStep, plannedDate, type StepOrder } from './inspection.rules.js';
import {
  findCase,
  insertCase,
  insertStep,
  listCaseRows,
  openCaseRows,
  memberOrgOn,
  stepsOf,
  updateCase,
  findPlanItem,
  findPlan,
  caseIdsHandledBy,
  type CaseListRow,
  type CaseRow,
} from './inspection.queries.js';
import { severityOf, type SeverityCalendar } from '../radar/radar.rules.js';
import type { AttentionItem } from '../../../shared/radar.js';
import { caseStepKindLabels } from '../../../shared/inspection.js';
import type { CaseCreate, CaseDetail, CaseListQuery, CaseStepInput, CaseSummary, SubjectKind } from '../../../shared/inspection.js';

export const CASE = 'cuộc kiểm tra, giám sát';
const ORDER_RULE = 'inspection_step_order';

/**
 * Whose records of inspection the actor sees: null for all (the admin, the system), or the id of the organisation
 * whose inspection staff they are. Anyone else gets 404, exactly as for a record that does not exist: a case, a
 * denunciation or a draft plan never shows that it exists to a role or an organisation that may not see it.
 */
export function inspectionSight(ctx: Ctx, what = CASE): number | null {
  const scope = ctx.actor.scope;
  if (!actorCan(ctx.actor, 'inspection.read') || scope.kind === 'self') throw notFound(what);
  return scope.kind === 'all' ? null : scope.orgId;
}

/** The sight of an actor who may not see anything: a condition that matches nothing (metrics and lists stay empty). */
export function inspectionSightOrNone(ctx: Ctx): { handlerOrgId: number | null; none: boolean } {
  try {
    return { handlerOrgId: inspectionSight(ctx), none: false };
  } catch {
    return { handlerOrgId: null, none: true };
  }
}

export function throwViolation(problem: RuleViolation): never {
  throw new AppError('RULE_VIOLATION', problem.message, [{ field: problem.field, message: problem.message }], { name: problem.rule, source: problem.source });
}

/** The handling organisation chosen in a body: in sight of the actor (their own, or any for the admin), else 404. */
export async function handlingOrgFor(ctx: Ctx, orgId: number, field = 'handlingOrgId'): Promise<OrgRow> {
  const sight = inspectionSight(ctx);
  const org = await findOrg(ctx.db, orgId);
  if (!org || !isPathInScope(ctx.actor.scope, org.path) || (sight !== null && org.id !== sight)) throw notFoundField(field, 'tổ chức đảng');
  return org;
}

export interface ResolvedSubject {
  kind: SubjectKind;
  orgId: number | null;
  memberId: number | null;
  name: string;
  path: string;
}

/**
 * The subject of a case, a plan item or a denunciation: an organisation of the handling organisation's tree (it may
 * since have been dissolved), or a member who belonged to it on `date`. Outside that tree, or absent: 404 naming the field.
 */
export async function resolveSubject(
  ctx: Ctx,
  handling: OrgRow,
  subject: { kind: SubjectKind; orgId: number | null; memberId: number | null },
  date: string,
  prefix = 'subject',
): Promise<ResolvedSubject> {
  const under = (path: string) => path.startsWith(handling.path) && isPathInScope(ctx.actor.scope, path);
  if (subject.kind === 'org') {
    if (!subject.orgId) throw invalidField(`${prefix}.orgId`, 'Tổ chức đảng là đối tượng: phải chọn tổ chức.');
    const org = await findOrg(ctx.db, subject.orgId);
    if (!org || !under(org.path)) throw notFoundField(`${prefix}.orgId`, 'tổ chức đảng');
    return { kind: 'org', orgId: org.id, memberId: null, name: org.name, path: org.path };
  }
  if (!subject.memberId) throw invalidField(`${prefix}.memberId`, 'Đảng viên là đối tượng: phải chọn đảng viên.');
  const member = await findMember(ctx.db, subject.memberId);
  const then = member ? await memberOrgOn(ctx.db, member.id, date) : undefined;
  if (!member || !(under(member.orgPath) || (then && under(then.path)))) throw notFoundField(`${prefix}.memberId`, 'đảng viên');
  if (!then || !['probationary', 'full'].includes(then.status) || !under(then.path))
    throw invalidField(
      `${prefix}.memberId`,
      `Đối tượng: đồng chí ${member.fullName} không là đảng viên của ${handling.name} (hoặc tổ chức trực thuộc) vào ngày ${date.split('-').reverse().join('/')}.`,
    );
  return { kind: 'member', orgId: null, memberId: member.id, name: member.fullName, path: then.path };
}

/** A case the actor may see, else 404 (absent, another organisation's, or a role without the right all read the same). */
export async function caseInSight(ctx: Ctx, id: number): Promise<CaseRow> {
  const sight = inspectionSight(ctx);
  const row = await findCase(ctx.db, id);
  if (!row || (sight !== null && row.handlingOrgId !== sight)) throw notFound(CASE);
  return row;
}

/**
 * A case another record names (a sanction's or a denunciation's `caseId`): one the actor may see, else 404 naming the
 * field, the same whether it is absent, another organisation's or the role sees no cases at all.
 */
export async function linkedCase(ctx: Ctx, id: number, field = 'caseId'): Promise<CaseRow> {
  try {
    return await caseInSight(ctx, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw notFoundField(field, CASE);
    throw error;
  }
}

/** Of the case ids given, those the actor may see: a record that names a case shows the link to them alone. */
export async function caseIdsInSight(ctx: Ctx, ids: (number | null)[]): Promise<Set<number>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  const { handlerOrgId, none } = inspectionSightOrNone(ctx);
  if (none || wanted.length === 0) return new Set();
  return new Set(await caseIdsHandledBy(ctx.db, wanted, handlerOrgId));
}

async function stepOrderAt(ctx: Ctx, date: string) {
  return ruleAt<StepOrder>(ctx, ORDER_RULE, date);
}

/** Opens a case by recording its decision: the subject, the content, the period, the team and the timetable. */
export async function openCase(ctx: Ctx, input: CaseCreate): Promise<CaseDetail> {
  assertCan(ctx, 'inspection.write');
  return inTransaction(ctx, async (tx) => {
    const handling = await handlingOrgFor(tx, input.handlingOrgId);
    const subject = await resolveSubject(tx, handling, input.subject, input.decision.date);
    if (input.periodFrom && input.periodTo && input.periodFrom > input.periodTo)
      throw invalidField('periodTo', 'Thời kỳ kiểm tra: ngày kết thúc không được trước ngày bắt đầu.');
    if (input.planItemId) {
      const item = await findPlanItem(tx.db, input.planItemId);
      const plan = item ? await findPlan(tx.db, item.planId) : undefined;
      if (!item || !plan || plan.handlingOrgId !== handling.id) throw notFoundField('planItemId', 'mục chương trình kiểm tra, giám sát');
    }
    const order = await stepOrderAt(tx, input.decision.date);
    const [timetableProblem] = checkTimetable(input.decision.date, input.timetable, order);
    if (timetableProblem) throwViolation(timetableProblem);
    const row = await insertCase(tx.db, {
      handlingOrgId: handling.id,
      handlingBody: input.handlingBody,
      kind: input.kind,
      subjectKind: subject.kind,
      subjectOrgId: subject.orgId,
      subjectMemberId: subject.memberId,
      subjectName: subject.name,
      subjectPath: subject.path,
      content: input.content,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      team: input.team,
      planItemId: input.planItemId,
      decision: input.decision,
      openedOn: input.decision.date,
      timetable: Object.fromEntries(Object.entries(input.timetable).filter(([, v]) => v)) as Record<string, string>,
      paper: input.paper,
    });
    await insertStep(tx.db, { caseId: row.id, kind: 'decision', occurredOn: input.decision.date, decision: input.decision, createdBy: tx.actor.userId });
    await recordAudit(tx, [{ entity: 'inspection_case', entityId: row.id, action: 'inspection:open', after: row }]);
    return caseDetailOf(tx, row);
  });
}

/** Records one dated step of a case, in the procedure's order, citing its decision. */
export async function recordCaseStep(ctx: Ctx, id: number, input: CaseStepInput): Promise<CaseDetail> {
  assertCan(ctx, 'inspection.write');
  return inTransaction(ctx, async (tx) => {
    const row = await caseInSight(tx, id);
    if (row.version !== input.version) throw staleVersion('Cuộc kiểm tra, giám sát');
    if (input.decision.date > input.occurredOn) throw invalidField('decision.date', 'Văn bản của bước: ngày văn bản không được sau ngày thực hiện bước.');
    const order = await stepOrderAt(tx, input.occurredOn);
    const steps = await stepsOf(tx.db, id);
    const [problem] = checkStep({ caseKind: row.kind, suspended: row.suspended, steps }, input, order);
    if (problem) throwViolation(problem);
    const changes: Partial<CaseRow> = {};
    if (input.kind === 'conclusion') {
      if (!input.conclusion) throw invalidField('conclusion', 'Kết luận: phải ghi nội dung kết luận.');
      if (input.violation === undefined || input.violation === null)
        throw invalidField('violation', 'Kết luận: phải ghi rõ đối tượng có vi phạm (hoặc khuyết điểm) hay không.');
      Object.assign(changes, {
        state: 'concluded',
        concludedOn: input.occurredOn,
        findings: input.findings ?? null,
        conclusion: input.conclusion,
        violation: input.violation,
        recommendations: input.recommendations ?? [],
      });
    } else if (input.kind === 'conclusion_notice') changes.state = 'closed';
    else if (input.kind === 'suspension') changes.suspended = true;
    else if (input.kind === 'suspension_end') changes.suspended = false;
    const step = await insertStep(tx.db, {
      caseId: id,
      kind: input.kind,
      occurredOn: input.occurredOn,
      decision: input.decision,
      note: input.note ?? null,
      createdBy: tx.actor.userId,
    });
    const after = await updateCase(tx.db, id, input.version, changes);
    if (!after) throw staleVersion('Cuộc kiểm tra, giám sát');
    await recordAudit(tx, [{ entity: 'inspection_case', entityId: id, action: `inspection:${input.kind}`, before: row, after: { ...changes, step } }]);
    return caseDetailOf(tx, after);
  });
}

async function summaryOf(ctx: Ctx, rows: CaseListRow[]): Promise<CaseSummary[]> {
  if (rows.length === 0) return [];
  const orderAt = await ruleTimeline<StepOrder>(ctx, ORDER_RULE);
  return rows.map(({ doneSteps, timetable, ...r }) => {
    const next = nextRequiredStep(doneSteps, orderAt(r.openedOn).value);
    return { ...r, nextStep: next, nextDueOn: plannedDate(timetable, next) };
  });
}

async function caseDetailOf(ctx: Ctx, row: CaseRow): Promise<CaseDetail> {
  const steps = await stepsOf(ctx.db, row.id);
  const handling = await findOrg(ctx.db, row.handlingOrgId);
  const [summary] = await summaryOf(ctx, [
    {
      id: row.id,
      handlingOrgId: row.handlingOrgId,
      handlingOrgName: handling?.name ?? '',
      handlingBody: row.handlingBody,
      kind: row.kind,
      subjectKind: row.subjectKind,
      subjectOrgId: row.subjectOrgId,
      subjectMemberId: row.subjectMemberId,
      subjectName: row.subjectName,
      content: row.content,
      openedOn: row.openedOn,
      concludedOn: row.concludedOn,
      state: row.state,
      violation: row.violation,
      timetable: row.timetable,
      doneSteps: steps.map((s) => s.kind),
      version: row.version,
    },
  ]);
  return {
    ...summary,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    team: row.team,
    planItemId: row.planItemId,
    decision: row.decision,
    timetable: row.timetable,
    findings: row.findings,
    conclusion: row.conclusion,
    recommendations: row.recommendations,
    suspended: row.suspended,
    steps,
  };
}

export async function getCase(ctx: Ctx, id: number): Promise<CaseDetail> {
  return caseDetailOf(ctx, await caseInSight(ctx, id));
}

/** The cases in sight, filtered by the subject's organisation (its subtree), kind, state and year of the decision. */
export async function listCases(ctx: Ctx, query: CaseListQuery & { memberId?: number; subjectOrgId?: number }) {
  const sight = inspectionSight(ctx);
  let subjectPath: string | undefined;
  if (query.orgId) {
    const org = await findOrg(ctx.db, query.orgId);
    if (!org || !isPathInScope(ctx.actor.scope, org.path)) throw notFound('tổ chức đảng');
    subjectPath = org.path;
  }
  const filter = {
    handlerOrgId: sight,
    subjectPath,
    memberId: query.memberId,
    subjectOrgId: query.subjectOrgId,
    kind: query.kind,
    state: query.state,
    year: query.year,
  };
  const { items, total } = await listCaseRows(ctx.db, filter, query.pageSize, (query.page - 1) * query.pageSize);
  return { items: await summaryOf(ctx, items), total, page: query.page, pageSize: query.pageSize };
}

/** A member's cases, for the member's page: only for those who see cases; the member must be in scope. */
export async function casesOfMember(ctx: Ctx, memberId: number) {
  inspectionSight(ctx);
  const member = await findMember(ctx.db, memberId);
  if (!member || !isPathInScope(ctx.actor.scope, member.orgPath)) throw notFound('đảng viên');
  return (await listCases(ctx, { memberId, page: 1, pageSize: 200 })).items;
}

/** An organisation's cases (the organisation itself as subject), for its page. */
export async function casesOfOrg(ctx: Ctx, orgId: number) {
  inspectionSight(ctx);
  const org = await findOrg(ctx.db, orgId);
  if (!org || !isPathInScope(ctx.actor.scope, org.path)) throw notFound('tổ chức đảng');
  return (await listCases(ctx, { subjectOrgId: orgId, page: 1, pageSize: 200 })).items;
}

export interface CasePaperContext {
  c: CaseDetail;
  handlingOrgName: string;
  upperOrgName: string | null;
  paper: { place: string; signer: { authority: string; title: string; name: string } } | null;
}

/**
 * What the decision to inspect or the notice of conclusion prints. The notice exists only once its step is recorded
 * (404 before: a draft conclusion is never printed).
 */
export async function casePaper(ctx: Ctx, id: number, which: 'decision' | 'notice'): Promise<CasePaperContext> {
  const row = await caseInSight(ctx, id);
  const c = await caseDetailOf(ctx, row);
  if (which === 'notice' && !c.steps.some((s) => s.kind === 'conclusion_notice')) throw notFound('thông báo kết luận');
  const handling = (await findOrg(ctx.db, row.handlingOrgId))!;
  const upper = handling.parentId ? await findOrg(ctx.db, handling.parentId) : undefined;
  return { c, handlingOrgName: handling.name, upperOrgName: upper?.name ?? null, paper: row.paper };
}

/**
 * The radar's items: each open case of the actor's sight whose next required step has a planned date in its
 * timetable (set by the decision). A role that may not see cases gets none, so the dashboard never hints at one.
 */
export async function openInspectionDeadlines(ctx: Ctx, today: string, calendar: SeverityCalendar, subjectPath: string | null): Promise<AttentionItem[]> {
  const { handlerOrgId, none } = inspectionSightOrNone(ctx);
  if (none) return [];
  const rows = await openCaseRows(ctx.db, { handlerOrgId, subjectPath: subjectPath ?? undefined });
  const items: AttentionItem[] = [];
  for (const c of await summaryOf(ctx, rows)) {
    if (!c.nextStep || !c.nextDueOn) continue;
    items.push({
      kind: `inspection_${c.nextStep}_due`,
      label: `${caseStepKindLabels[c.nextStep]}: ${c.subjectName} (cuộc số ${c.id})`,
      dueOn: c.nextDueOn,
      inspectionCaseId: c.id,
      ...(c.subjectMemberId ? { memberId: c.subjectMemberId } : {}),
      orgId: c.subjectOrgId ?? c.handlingOrgId,
      severity: severityOf(c.nextDueOn, today, calendar),
    });
  }
  return items;
}
