import { inTransaction, readTogether, type Ctx } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { AppError, conflict, invalidField, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { memberInScopeOr404, orgInScope } from '../members/members.service.js';
import { eventsOf, periodsOf } from '../members/members.queries.js';
import { ruleAt } from '../rulebook/rulebook.service.js';
import { partyAge } from '../exits/party-age.rules.js';
import { interruptionsFrom, partyAgeEndsOn } from '../exits/exits.rules.js';
import { viDate, viMonths } from '../rulebook/rule-violation.rules.js';
import { badgeDue, earlyMonthsFor, nextAwardDate, awardDatesOf, type AwardDaysValue } from './badges.rules.js';
import { awardsOf, badgeHistories, badgeMembers, insertAward, type BadgeAwardRow } from './badges.queries.js';
import { reliefsOf } from '../dues/dues.queries.js';
import { reliefFor } from '../dues/dues.rules.js';
import type { BadgeAwardInput, BadgeCandidate, BadgeList } from '../../../shared/badges.js';
import type { AttentionItem } from '../../../shared/radar.js';
import { addDays, addMonths, compareIso, todayIso } from '../../../shared/dates.js';

async function badgeRules(ctx: Ctx, date: string) {
  const [milestones, early30to65, early70to90] = await readTogether(ctx.db, [
    () => ruleAt<number[]>(ctx, 'badge_milestones_years', date),
    () => ruleAt<number>(ctx, 'badge_early_award_months_30_65', date),
    () => ruleAt<number>(ctx, 'badge_early_award_months_70_90', date),
  ] as const);
  return { milestones, early30to65, early70to90 };
}

/**
 * The members of an organisation's subtree due a badge on an award date: party age net of interruptions on that day
 * reaches a milestone above every badge they hold (or is within the early months for a member recorded seriously ill,
 * through a dues relief on that ground). Deceased members are listed for a posthumous award.
 */
export async function listBadgeCandidates(ctx: Ctx, orgId: number, awardOn?: string): Promise<BadgeList> {
  if (ctx.actor.scope.kind === 'self') throw notFound('tổ chức đảng');
  const org = await orgInScope(ctx, orgId);
  const today = todayIso(ctx.now());
  const days = await ruleAt<AwardDaysValue>(ctx, 'badge_award_days', today);
  const on = awardOn ?? nextAwardDate(today, days.value);
  const rules = await badgeRules(ctx, on);
  const lowest = Math.min(...rules.milestones.value);
  const maxEarly = Math.max(rules.early30to65.value, rules.early70to90.value);
  const admittedBy = addMonths(on, -(lowest * 12 - maxEarly));
  // A month of slack on each bound: `addMonths` clamps month ends, the exact count is `partyAge`'s below.
  const bounds = rules.milestones.value.map((years) => ({ years, admittedBy: addMonths(on, -(years * 12 - maxEarly) + 1) }));
  const members = await badgeMembers(ctx.db, org.path, admittedBy, bounds);
  const history = await badgeHistories(
    ctx.db,
    members.map((m) => m.id),
    on.slice(0, 7),
  );
  const group = <T extends { memberId: number }>(rows: T[]) => {
    const map = new Map<number, T[]>();
    for (const row of rows) {
      const own = map.get(row.memberId);
      if (own) own.push(row);
      else map.set(row.memberId, [row]);
    }
    return map;
  };
  const periods = group(history.periods);
  const events = group(history.events);
  const awards = group(history.awards);
  const items: BadgeCandidate[] = [];
  // Most members have no interruption: their party age depends on the admission day alone (a few thousand days for a
  // province's tens of thousands of candidates), so it is computed once per day.
  const unbroken = new Map<string, ReturnType<typeof partyAge>>();
  for (const m of members) {
    const own = periods.get(m.id);
    const ownEvents = events.get(m.id);
    let age: ReturnType<typeof partyAge>;
    if (!own && !ownEvents) {
      age = unbroken.get(m.admittedOn) ?? partyAge({ admittedOn: m.admittedOn, interruptions: [], asOf: on });
      unbroken.set(m.admittedOn, age);
    } else {
      const asOf = partyAgeEndsOn(own ?? [], on);
      const gaps = interruptionsFrom(own ?? [], ownEvents ?? []).map((i) => ({ from: i.from, to: i.to ?? asOf }));
      age = partyAge({ admittedOn: m.admittedOn, interruptions: gaps.filter((g) => compareIso(g.from, g.to) <= 0), asOf });
    }
    const due = badgeDue({
      partyAgeMonths: age.totalMonths,
      milestones: rules.milestones.value,
      awarded: (awards.get(m.id) ?? []).map((a) => a.milestoneYears),
      seriouslyIll: history.ill.has(m.id),
      early30to65: rules.early30to65.value,
      early70to90: rules.early70to90.value,
    });
    if (!due) continue;
    items.push({
      memberId: m.id,
      fullName: m.fullName,
      birthDate: m.birthDate,
      admittedOn: m.admittedOn,
      orgId: m.orgId,
      orgName: m.orgName,
      milestoneYears: due.milestoneYears,
      partyAgeYears: age.years,
      partyAgeMonths: age.months,
      early: due.early,
      deceased: m.status === 'deceased',
    });
  }
  const counts = rules.milestones.value
    .map((milestoneYears) => ({ milestoneYears, count: items.filter((i) => i.milestoneYears === milestoneYears).length }))
    .filter((c) => c.count > 0);
  const year = Number(on.slice(0, 4));
  return { awardOn: on, awardDates: awardDatesOf(year, days.value), items, counts, source: rules.milestones.source };
}

/** Records an award on the member's record: the milestone must be the rulebook's and reached on the award date. */
export async function recordBadgeAward(ctx: Ctx, memberId: number, input: BadgeAwardInput): Promise<BadgeAwardRow> {
  assertCan(ctx, 'badges.record');
  return inTransaction(ctx, async (tx) => {
    const member = await memberInScopeOr404(tx, memberId);
    if (input.posthumous !== (member.status === 'deceased'))
      throw invalidField(
        'posthumous',
        input.posthumous ? 'Truy tặng: chỉ truy tặng cho đảng viên đã từ trần.' : 'Truy tặng: đảng viên đã từ trần, hãy ghi là truy tặng.',
      );
    if (!input.posthumous && member.status !== 'full') throw invalidField('memberId', 'Đảng viên: chỉ đảng viên chính thức mới được xét tặng Huy hiệu Đảng.');
    if (input.decision.date > input.awardOn) throw invalidField('awardOn', 'Ngày trao: không được trước ngày quyết định tặng.');
    const rules = await badgeRules(tx, input.awardOn);
    const rule = { name: rules.milestones.name, source: rules.milestones.source };
    if (!rules.milestones.value.includes(input.milestoneYears))
      throw new AppError(
        'RULE_VIOLATION',
        `Mốc Huy hiệu: không có Huy hiệu ${input.milestoneYears} năm tuổi đảng; các mốc là ${rules.milestones.value.join(', ')} năm (${rules.milestones.source}).`,
        [{ field: 'milestoneYears', message: 'Không có mốc này' }],
        rule,
      );
    const [periods, events, awards] = await readTogether(tx.db, [
      () => periodsOf(tx.db, memberId),
      () => eventsOf(tx.db, memberId),
      () => awardsOf(tx.db, memberId),
    ] as const);
    if (awards.some((a) => a.milestoneYears === input.milestoneYears))
      throw conflict(`Đảng viên đã được tặng Huy hiệu ${input.milestoneYears} năm tuổi đảng.`, 'milestoneYears');
    const asOf = partyAgeEndsOn(periods, input.awardOn);
    const gaps = interruptionsFrom(periods, events).map((i) => ({ from: i.from, to: i.to ?? asOf }));
    const age = partyAge({ admittedOn: member.admittedOn ?? input.awardOn, interruptions: gaps.filter((g) => compareIso(g.from, g.to) <= 0), asOf });
    const early = earlyMonthsFor(input.milestoneYears, rules.early30to65.value, rules.early70to90.value);
    const ill = reliefFor(
      (await reliefsOf(tx.db, [memberId])).filter((r) => r.ground === 'serious_illness'),
      input.awardOn.slice(0, 7),
    );
    const needed = input.milestoneYears * 12 - (input.early ? early : 0);
    if (input.early && !ill)
      throw invalidField('early', 'Tặng sớm: chỉ đảng viên bị bệnh nặng (đã ghi miễn đảng phí vì bệnh hiểm nghèo, bệnh nặng) mới được xét tặng sớm.');
    if (age.totalMonths < needed)
      throw new AppError(
        'RULE_VIOLATION',
        `Mốc Huy hiệu: đến ngày ${viDate(input.awardOn)} tuổi đảng (trừ thời gian gián đoạn) mới ${viMonths(age.totalMonths)}, chưa đủ ${viMonths(needed)} (${rules.milestones.source}).`,
        [{ field: 'milestoneYears', message: 'Chưa đủ tuổi đảng' }],
        rule,
      );
    const row = await insertAward(tx.db, { memberId, ...input, createdBy: tx.actor.userId });
    await recordAudit(tx, [{ entity: 'member', entityId: memberId, action: 'badge:award', after: row }]);
    return row;
  });
}

export async function listBadgeAwards(ctx: Ctx, memberId: number): Promise<{ items: BadgeAwardRow[] }> {
  await memberInScopeOr404(ctx, memberId);
  return { items: await awardsOf(ctx.db, memberId) };
}

/** Radar: for the next award date, one item per organisation with members due a badge, a month ahead of the date. */
export async function badgeProposalsAttention(ctx: Ctx, today: string): Promise<AttentionItem[]> {
  const scope = ctx.actor.scope;
  if (scope.kind !== 'subtree') return [];
  const list = await listBadgeCandidates({ ...ctx, now: () => new Date(`${today}T05:00:00Z`) }, scope.orgId);
  const byOrg = new Map<number, number>();
  for (const item of list.items) byOrg.set(item.orgId, (byOrg.get(item.orgId) ?? 0) + 1);
  const dueOn = addDays(list.awardOn, -30);
  return [...byOrg].map(([orgId, count]) => ({
    kind: 'badge_proposals_due',
    label: `${count} đảng viên đến mốc xét tặng Huy hiệu Đảng dịp ${viDate(list.awardOn)}: lập danh sách đề nghị`,
    dueOn,
    orgId,
    severity: compareIso(dueOn, today) < 0 ? ('overdue' as const) : compareIso(addDays(today, 30), dueOn) >= 0 ? ('due_soon' as const) : ('ok' as const),
  }));
}
