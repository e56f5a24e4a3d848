import type { Actor, Ctx } from './context.js';
import { forbidden } from './errors.js';
import { can, refusalMessage, type PermissionAction } from '../shared/permissions.js';

/** The role check of every write: the table in shared/permissions.ts; the system actor (CLI, jobs, start-up) may do all. */
export function actorCan(actor: Actor, action: PermissionAction): boolean {
  return actor.role === 'system' || can(actor.role, action);
}

/** Refuses with 403 before anything is read, so a role without the right learns nothing of the target. */
export function assertCan(ctx: Ctx, action: PermissionAction): void {
  if (!actorCan(ctx.actor, action)) throw forbidden(refusalMessage(action));
}
