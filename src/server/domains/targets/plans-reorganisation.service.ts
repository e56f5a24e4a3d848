import type { Ctx } from '../../context.js';
import { recordAudit } from '../audit/audit.service.js';
import { insertTarget, insertTask, openPlansOf, orgEventOutcome, updateTarget, updateTask } from './targets.queries.js';

/**
 * An organisation ends mid-year by a lifecycle event (called by the orgs service inside the event's transaction):
 * its open targets and tasks of that year and later are carried to the one successor of a merger or consolidation
 * (a new row there, the old one ended "carried" and linked both ways; the predecessor's records keep counting
 * towards the carried target), or closed by the event when there is no single successor (split, dissolution).
 * Earlier years' targets stay as they were.
 */
export async function carryPlansOnOrgEnd(ctx: Ctx, orgId: number, occurredOn: string, eventId: number): Promise<void> {
  const outcome = await orgEventOutcome(ctx.db, eventId);
  const plans = await openPlansOf(ctx.db, orgId, Number(occurredOn.slice(0, 4)));
  if (!outcome || (plans.targets.length === 0 && plans.tasks.length === 0)) return;
  const successors = outcome.successorIds.filter((id) => id !== orgId);
  const successor = ['merged', 'consolidated'].includes(outcome.kind) && successors.length === 1 ? successors[0] : null;
  const closing = {
    endedOn: occurredOn,
    endEventId: eventId,
    endKind: 'closed' as const,
    endReason:
      outcome.kind === 'split'
        ? 'Tổ chức được chia tách: chỉ tiêu đóng theo quyết định; các tổ chức mới đề ra chỉ tiêu của mình.'
        : 'Tổ chức kết thúc hoạt động: chỉ tiêu đóng theo quyết định.',
  };
  for (const target of plans.targets) {
    const { id, version, createdAt: _c, updatedAt: _u, ...fields } = target;
    let carriedToId: number | null = null;
    if (successor !== null) {
      const copy = await insertTarget(ctx.db, { ...fields, orgId: successor, carriedFromId: id, scopeOrgIds: [...target.scopeOrgIds, target.orgId] });
      carriedToId = copy.id;
      await recordAudit(ctx, [{ entity: 'target', entityId: copy.id, action: 'carry_in', after: copy }]);
    }
    const after = await updateTarget(
      ctx.db,
      id,
      version,
      carriedToId ? { endKind: 'carried', endedOn: occurredOn, endEventId: eventId, endReason: 'Sáp nhập, hợp nhất tổ chức', carriedToId } : closing,
    );
    await recordAudit(ctx, [{ entity: 'target', entityId: id, action: carriedToId ? 'carry_out' : 'close', before: target, after }]);
  }
  for (const task of plans.tasks) {
    // A task already done or given up is the old organisation's history.
    if (task.status === 'done' || task.status === 'cancelled') continue;
    const { id, version, createdAt: _c, updatedAt: _u, ...fields } = task;
    let carriedToId: number | null = null;
    if (successor !== null) {
      const copy = await insertTask(ctx.db, { ...fields, orgId: successor, carriedFromId: id });
      carriedToId = copy.id;
      await recordAudit(ctx, [{ entity: 'task', entityId: copy.id, action: 'carry_in', after: copy }]);
    }
    const after = await updateTask(
      ctx.db,
      id,
      version,
      carriedToId ? { endKind: 'carried', endedOn: occurredOn, endEventId: eventId, endReason: 'Sáp nhập, hợp nhất tổ chức', carriedToId } : closing,
    );
    await recordAudit(ctx, [{ entity: 'task', entityId: id, action: carriedToId ? 'carry_out' : 'close', before: task, after }]);
  }
}
