import { inTransaction, type Ctx } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { conflict, invalidField, notFound, staleVersion } from '../../errors.js';
import { isPathInScope } from '../../scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { findTask, insertTask, tasksOf, updateTask } from './targets.queries.js';
import { planFilter, planOrgInScope } from './targets.service.js';
import type { TargetListQuery, TaskCreate, TaskUpdate } from '../../../shared/targets.js';

const TASK = 'nhiệm vụ, giải pháp';

export async function listTasks(ctx: Ctx, query: TargetListQuery) {
  const filter = await planFilter(ctx, query);
  const rows = await tasksOf(ctx.db, ctx.actor.scope, filter);
  return { year: filter.year, items: rows.map(({ orgPath: _path, ...row }) => row) };
}

export async function getTask(ctx: Ctx, id: number) {
  if (ctx.actor.scope.kind === 'self') throw notFound(TASK);
  const row = await findTask(ctx.db, id);
  if (!row || !isPathInScope(ctx.actor.scope, row.orgPath)) throw notFound(TASK);
  const { orgPath: _path, ...rest } = row;
  return rest;
}

export async function createTask(ctx: Ctx, input: TaskCreate) {
  assertCan(ctx, 'targets.write');
  return inTransaction(ctx, async (tx) => {
    const org = await planOrgInScope(tx, input.orgId);
    if (!org.active) throw invalidField('orgId', `${org.name} đã kết thúc hoạt động: nhiệm vụ mới ghi cho tổ chức kế thừa.`);
    const row = await insertTask(tx.db, { ...input, orgId: org.id });
    await recordAudit(tx, [{ entity: 'task', entityId: row.id, action: 'create', after: row }]);
    return getTask(tx, row.id);
  });
}

/** Changes exactly the fields given (status and notes as the work goes on). */
export async function changeTask(ctx: Ctx, id: number, input: TaskUpdate) {
  assertCan(ctx, 'targets.write');
  return inTransaction(ctx, async (tx) => {
    const before = await findTask(tx.db, id);
    if (!before || !isPathInScope(tx.actor.scope, before.orgPath)) throw notFound(TASK);
    if (before.endKind) throw conflict('Nhiệm vụ này đã chuyển sang tổ chức kế thừa hoặc đã đóng: không sửa được nữa.');
    if (before.version !== input.version) throw staleVersion('Nhiệm vụ');
    const { version, ...changes } = input;
    const after = await updateTask(tx.db, id, version, changes);
    if (!after) throw staleVersion('Nhiệm vụ');
    await recordAudit(tx, [{ entity: 'task', entityId: id, action: 'update', before, after }]);
    return getTask(tx, id);
  });
}
