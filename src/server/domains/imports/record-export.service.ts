import type { Ctx } from '../../context.js';
import { forbidden } from '../../errors.js';
import { countMembersOfEndedOrgs, exportMembersOf, exportOrgRows, type ExportOrgRow } from './imports.queries.js';

/**
 * The records the export in the template layout writes: the organisations in scope, and the members of
 * each, read one organisation at a time so a large scope streams. A member's own scope holds no organisation.
 */
export async function recordsToExport(ctx: Ctx): Promise<{ orgs: ExportOrgRow[]; membersOf: (org: ExportOrgRow) => ReturnType<typeof exportMembersOf> }> {
  if (ctx.actor.scope.kind === 'self') throw forbidden();
  const orgs = await exportOrgRows(ctx.db, ctx.actor.scope);
  const listed = new Set(orgs.map((o) => o.id));
  return {
    orgs,
    membersOf: (org) => {
      if (!listed.has(org.id)) throw forbidden();
      return exportMembersOf(ctx.db, org.id);
    },
  };
}

/** Members recorded at organisations that have ended, in scope: the export leaves them out and says how many. */
export async function membersOfEndedOrgs(ctx: Ctx): Promise<number> {
  if (ctx.actor.scope.kind === 'self') throw forbidden();
  return countMembersOfEndedOrgs(ctx.db, ctx.actor.scope);
}
