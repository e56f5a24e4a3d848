import type { Ctx } from '../../context.js';
import { isPathInScope, narrowScope } from '../../scope.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { orgInScope } from '../members/members.service.js';
import { findOrgs } from '../orgs/orgs.queries.js';
import { openTransferDeadlines } from '../transfers/transfers.service.js';
import { byUrgency } from './radar.rules.js';
import type { AttentionItem, AttentionQuery } from '../../../shared/radar.js';
import { todayIso } from '../../../shared/dates.js';

type AdmissionDeadlines = (ctx: Ctx) => Promise<AttentionItem[]>;

/**
 * The admissions module (candidates, admission, confirmation) is built alongside this one and exports
 * `openAdmissionDeadlines(ctx)`. It is loaded by name so that the radar works, with transfers only, in a build
 * that does not have it yet; any other failure of that module is a real error and is not swallowed.
 */
const admissionDeadlinesModule = '../admissions/admissions.deadlines.js';
let admissionDeadlines: Promise<AdmissionDeadlines | null> | undefined;

function loadAdmissionDeadlines(): Promise<AdmissionDeadlines | null> {
  admissionDeadlines ??= import(/* @vite-ignore */ admissionDeadlinesModule).then(
    (module: { openAdmissionDeadlines?: AdmissionDeadlines }) => module.openAdmissionDeadlines ?? null,
    (error: Error & { code?: string }) => {
      if (error.code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url|Does the file exist/i.test(error.message)) return null;
      throw error;
    },
  );
  return admissionDeadlines;
}

/** Only items whose organisation lies in the scope: the radar never shows another subtree's work. */
async function withinScope(ctx: Ctx, items: AttentionItem[]): Promise<AttentionItem[]> {
  const orgs = await findOrgs(ctx.db, [...new Set(items.map((i) => i.orgId))]);
  const paths = new Map(orgs.map((o) => [o.id, o.path]));
  return items.filter((i) => {
    const path = paths.get(i.orgId);
    return path !== undefined && isPathInScope(ctx.actor.scope, path);
  });
}

/**
 * Every open step with a deadline in the actor's scope (or in one organisation of it), most urgent first:
 * transfer letters to issue or to present, temporary transfers ending, and the admission workflow's deadlines.
 */
export async function listAttention(ctx: Ctx, query: AttentionQuery): Promise<{ items: AttentionItem[] }> {
  if (ctx.actor.scope.kind === 'self') return { items: [] };
  const org = query.orgId ? await orgInScope(ctx, query.orgId) : null;
  const today = query.date ?? todayIso(ctx.now());
  // Noon in Vietnam on `today`, so a module that reads the clock sees the same day as the list.
  const now = query.date ? () => new Date(`${query.date}T05:00:00Z`) : ctx.now;
  const scoped: Ctx = { ...ctx, now, actor: { ...ctx.actor, scope: narrowScope(ctx.actor.scope, org) } };
  const calendar = await loadCalendar(ctx);
  const admissions = await loadAdmissionDeadlines();
  const [transferItems, admissionItems] = await Promise.all([openTransferDeadlines(scoped, today, calendar), admissions ? admissions(scoped) : Promise.resolve([])]);
  const items = [...transferItems, ...(await withinScope(scoped, admissionItems))];
  return { items: items.sort(byUrgency) };
}
