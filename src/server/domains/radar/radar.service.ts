import { type Ctx, readTogether } from '../../context.js';
import { narrowScope } from '../../scope.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { orgInScope } from '../members/members.service.js';
import { openAdmissionDeadlines } from '../admissions/admissions.deadlines.js';
import { openTransferDeadlines } from '../transfers/transfers.service.js';
// study (committee terms)
import { committeeAttention } from '../committees/committee-terms.service.js';
import { byUrgency } from './radar.rules.js';
import { duesArrearsAttention } from '../dues/dues.service.js'; // dues
import { badgeProposalsAttention } from '../badges/badges.service.js'; // dues
import { openInspectionDeadlines } from '../inspection/inspection.service.js';
import { openMeetingDeadlines } from '../meetings/meetings.service.js'; // meetings
import { disciplineAttention } from '../discipline/discipline-notices.service.js';
import { ratingAttention } from '../ratings/ratings.service.js'; // ratings
import { reportAttention } from '../reports/reports.service.js'; // reports
import type { AttentionItem, AttentionQuery } from '../../../shared/radar.js';
import { todayIso } from '../../../shared/dates.js';

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
  const [transferItems, admissionItems, meetingItems, committeeItems] = await readTogether(ctx.db, [
    () => openTransferDeadlines(scoped, today, calendar),
    () => openAdmissionDeadlines(scoped),
    () => openMeetingDeadlines(scoped, today, calendar), // meetings
    () => committeeAttention(scoped, today), // study
  ]);
  // dues: members 3 months unpaid without a reason, and badge proposals for the next award date.
  const duesItems = [...(await duesArrearsAttention(scoped, today)), ...(await badgeProposalsAttention(scoped, today))];
  // inspection: the actor's own cases (none for a role that may not see them), narrowed to the chosen organisation.
  const inspectionItems = await openInspectionDeadlines({ ...ctx, now }, today, calendar, org?.path ?? null);
  const ratingItems = await ratingAttention(scoped, today, calendar); // ratings
  const items: AttentionItem[] = [...transferItems, ...admissionItems, ...meetingItems, ...committeeItems, ...duesItems, ...inspectionItems, ...ratingItems];
  items.push(...(await disciplineAttention(scoped, today, calendar))); // discipline
  items.push(...(await reportAttention(scoped, today, calendar))); // reports
  return { items: items.sort(byUrgency) };
}
