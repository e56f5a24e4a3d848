import { inTransaction, type Ctx } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { invalidField, notFound, staleVersion, conflict } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrg } from '../orgs/orgs.queries.js';
import { bumpPlan, findPlan, insertPlan, insertPlanItem, planItemsOf, planRows, type PlanRow } from './inspection.queries.js';
import { handlingOrgFor, inspectionSight, resolveSubject } from './inspection.service.js';
import { isSupervision, type PlanApproval, type PlanCreate, type PlanDetail, type PlanItemCreate, type PlanSummary } from '../../../shared/inspection.js';

const PLAN = 'chương trình kiểm tra, giám sát';

/** A plan the actor may see (drafts included, for the handling organisation's inspection staff and the admin), else 404. */
async function planInSight(ctx: Ctx, id: number): Promise<PlanRow> {
  const sight = inspectionSight(ctx, PLAN);
  const plan = await findPlan(ctx.db, id);
  if (!plan || (sight !== null && plan.handlingOrgId !== sight)) throw notFound(PLAN);
  return plan;
}

export async function listPlans(ctx: Ctx, query: { year?: number }): Promise<{ items: PlanSummary[] }> {
  const sight = inspectionSight(ctx, PLAN);
  const rows = await planRows(ctx.db, { handlerOrgId: sight, year: query.year });
  return { items: rows.map(({ decision: _decision, ...row }) => row) as unknown as PlanSummary[] };
}

export async function getPlan(ctx: Ctx, id: number): Promise<PlanDetail> {
  const plan = await planInSight(ctx, id);
  const [row] = await planRows(ctx.db, { handlerOrgId: null, id: plan.id });
  const items = await planItemsOf(ctx.db, plan.id);
  return { ...(row as unknown as PlanSummary), decision: plan.decision, items: items as unknown as PlanDetail['items'] };
}

export async function createPlan(ctx: Ctx, input: PlanCreate): Promise<PlanDetail> {
  assertCan(ctx, 'inspection.write');
  const id = await inTransaction(ctx, async (tx) => {
    const handling = await handlingOrgFor(tx, input.handlingOrgId);
    const row = await insertPlan(tx.db, { ...input, handlingOrgId: handling.id });
    await recordAudit(tx, [{ entity: 'inspection_plan', entityId: row.id, action: 'inspection:plan_create', after: row }]);
    return row.id;
  });
  return getPlan(ctx, id);
}

/** Adds a subject to a plan (while it is a draft): the subject must lie in the handling organisation's tree. */
export async function addPlanItem(ctx: Ctx, planId: number, input: PlanItemCreate): Promise<PlanDetail> {
  assertCan(ctx, 'inspection.write');
  await inTransaction(ctx, async (tx) => {
    const plan = await planInSight(tx, planId);
    const handling = (await findOrg(tx.db, plan.handlingOrgId))!;
    // Every record the request names is checked for sight first: out of sight answers 404 whatever else is wrong.
    const subject = await resolveSubject(tx, handling, input.subject, input.plannedFrom);
    if (plan.version !== input.version) throw staleVersion('Chương trình kiểm tra, giám sát');
    if (plan.decision) throw conflict('Chương trình đã được ban hành; không thêm đối tượng vào chương trình đã ban hành.');
    if (input.plannedFrom > input.plannedTo) throw invalidField('plannedTo', 'Thời gian dự kiến: ngày kết thúc không được trước ngày bắt đầu.');
    if (Number(input.plannedFrom.slice(0, 4)) !== plan.year)
      throw invalidField('plannedFrom', `Thời gian dự kiến phải thuộc năm ${plan.year} của chương trình.`);
    if ((plan.kind === 'supervision') !== isSupervision(input.caseKind))
      throw invalidField(
        'caseKind',
        plan.kind === 'supervision' ? 'Chương trình giám sát chỉ gồm các cuộc giám sát.' : 'Chương trình kiểm tra chỉ gồm các cuộc kiểm tra.',
      );
    const item = await insertPlanItem(tx.db, {
      planId,
      subjectKind: subject.kind,
      subjectOrgId: subject.orgId,
      subjectMemberId: subject.memberId,
      subjectName: subject.name,
      caseKind: input.caseKind,
      content: input.content,
      plannedFrom: input.plannedFrom,
      plannedTo: input.plannedTo,
      team: input.team,
    });
    await bumpPlan(tx.db, planId, input.version, {});
    await recordAudit(tx, [{ entity: 'inspection_plan', entityId: planId, action: 'inspection:plan_item', after: item }]);
  });
  return getPlan(ctx, planId);
}

/** Issues the plan under its decision; after that its subjects are fixed. */
export async function approvePlan(ctx: Ctx, planId: number, input: PlanApproval): Promise<PlanDetail> {
  assertCan(ctx, 'inspection.write');
  await inTransaction(ctx, async (tx) => {
    const plan = await planInSight(tx, planId);
    if (plan.version !== input.version) throw staleVersion('Chương trình kiểm tra, giám sát');
    if (plan.decision) throw conflict('Chương trình đã được ban hành.');
    const after = await bumpPlan(tx.db, planId, input.version, { decision: input.decision });
    if (!after) throw staleVersion('Chương trình kiểm tra, giám sát');
    await recordAudit(tx, [{ entity: 'inspection_plan', entityId: planId, action: 'inspection:plan_approve', before: plan, after }]);
  });
  return getPlan(ctx, planId);
}
