import { inTransaction, readTogether, type Ctx } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { AppError, invalidField, notFound, notFoundField, staleVersion } from '../../errors.js';
import { isPathInScope } from '../../scope.js';
import { logPersonalRead, recordAudit } from '../audit/audit.service.js';
import { findOrg } from '../orgs/orgs.queries.js';
import { memberInScopeOr404, orgInScope } from '../members/members.service.js';
import { noRuleVersion, ruleAt, rulesByDate } from '../rulebook/rulebook.service.js';
import { partyAge } from '../exits/party-age.rules.js';
import { interruptionsFrom, partyAgeShown } from '../exits/exits.rules.js';
import { viMonths } from '../rulebook/rule-violation.rules.js';
import {
  arrearsOf,
  basisFor,
  cascadeShares,
  checkPayment,
  monthlyDues,
  monthOf,
  monthsOfYear,
  monthStart,
  paidThrough,
  reliefFor,
  addMonthsToMonth,
  type DuesRates,
  type MonthlyDues,
  type RetainedPercents,
} from './dues.rules.js';
import {
  basesOf,
  historiesOf,
  insertBasis,
  insertPayment,
  insertPayments,
  insertRelief,
  membersByIds,
  membersOfMonth,
  orgsUnder,
  paymentsOfMember,
  paymentsOfMembers,
  paymentsOfMonth,
  registrationsOf,
  reliefsOf,
  statementSums,
  type StatementCell,
  unpaidMonths,
  updatePayment,
  type DuesBasisRow,
  type DuesPaymentRow,
  type DuesReliefRow,
  type EventOfMember,
  type PeriodOfMember,
} from './dues.queries.js';
import {
  duesReliefGroundLabels,
  type DuesArrear,
  type DuesBasisInput,
  type DuesReliefInput,
  type DuesSheet,
  type DuesSheetInput,
  type DuesSheetLine,
  type DuesStatement,
  type DuesStatementQuery,
  type MemberDues,
  type MinimumWageRegion,
} from '../../../shared/dues.js';
import type { MemberStatus } from '../../../shared/member.js';
import type { AttentionItem } from '../../../shared/radar.js';
import { addDays, todayIso } from '../../../shared/dates.js';

const leavingStatuses: readonly MemberStatus[] = ['struck_off', 'expelled', 'withdrawn', 'deceased', 'transferred_out'];
const DUES_SOURCE = '01-QĐ/TW (3/2/2026)';

function currentMonth(ctx: Ctx): string {
  return monthOf(todayIso(ctx.now()));
}

const rateRules = [
  'dues_insured_salary_percent',
  'dues_pension_percent',
  'dues_student_vnd',
  'dues_uninsured_min_wage_percent',
  'dues_uninsured_retired_min_wage_percent',
  'dues_rounding_vnd',
  'dues_exempt_party_age_years',
  'regional_minimum_wage_vnd',
] as const;

/**
 * The rulebook values of any month, from one read of their versions: a month is computed with the versions in force
 * on its first day. A month before a rule's first version gets ruleAt's refusal (the minimum wage is optional).
 */
export async function duesRatesByMonth(ctx: Ctx): Promise<(month: string) => DuesRates | AppError> {
  const at = await rulesByDate(ctx, rateRules);
  return (month) => {
    const date = monthStart(month);
    const num = (name: (typeof rateRules)[number]) => {
      const rule = at(name, date);
      if (!rule) throw noRuleVersion(name, date);
      return { value: rule.value as number, source: rule.source };
    };
    try {
      const wage = at('regional_minimum_wage_vnd', date);
      return {
        insuredSalary: num('dues_insured_salary_percent'),
        pension: num('dues_pension_percent'),
        student: num('dues_student_vnd'),
        uninsured: num('dues_uninsured_min_wage_percent'),
        uninsuredRetired: num('dues_uninsured_retired_min_wage_percent'),
        rounding: num('dues_rounding_vnd'),
        exemptPartyAgeYears: num('dues_exempt_party_age_years'),
        minimumWage: wage ? { value: wage.value as Record<MinimumWageRegion, number>, source: wage.source } : null,
      };
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
  };
}

/** The rulebook values of a month, read for its first day: a month is computed with the version in force then. */
export async function duesRatesFor(ctx: Ctx, month: string): Promise<DuesRates> {
  const rates = (await duesRatesByMonth(ctx))(month);
  if (rates instanceof AppError) throw rates;
  return rates;
}

/** Where each member stands for a month: party age (for the exemption), admission and leaving days. */
function standingOf(
  member: { id: number; admittedOn: string | null; confirmedOn: string | null; status: MemberStatus },
  periods: PeriodOfMember[],
  events: EventOfMember[],
  month: string,
) {
  const own = periods.filter((p) => p.memberId === member.id);
  const leaving = own.find((p) => p.validTo === null && leavingStatuses.includes(p.status));
  const asOf = monthStart(month);
  const age =
    member.admittedOn && partyAgeShown(member)
      ? partyAge({
          admittedOn: member.admittedOn,
          interruptions: interruptionsFrom(
            own,
            events.filter((e) => e.memberId === member.id),
          )
            .map((i) => ({ from: i.from, to: i.to ?? asOf }))
            .filter((g) => g.from <= g.to),
          asOf,
        }).years
      : null;
  return { partyAgeYears: age, leftOn: leaving?.validFrom ?? null };
}

function reliefText(relief: DuesReliefRow | null, computed: MonthlyDues): string | null {
  if (!computed.ok) return null;
  if (relief && computed.relief) return `${computed.relief} (${duesReliefGroundLabels[relief.ground]})`;
  return computed.relief;
}

/** A cell's month: every member registered in it that month, the computed dues and what was recorded. */
export async function getDuesSheet(ctx: Ctx, orgId: number, month?: string): Promise<DuesSheet> {
  if (ctx.actor.scope.kind === 'self') throw notFound('tổ chức đảng');
  const org = await orgInScope(ctx, orgId);
  const m = month ?? currentMonth(ctx);
  const members = await membersOfMonth(ctx.db, orgId, monthStart(m), monthStart(addMonthsToMonth(m, 1)));
  const ids = members.map((x) => x.id);
  const [{ periods, events }, bases, reliefs, payments, rates] = await readTogether(ctx.db, [
    () => historiesOf(ctx.db, ids),
    () => basesOf(ctx.db, ids),
    () => reliefsOf(ctx.db, ids),
    () => paymentsOfMonth(ctx.db, ids, m),
    () => duesRatesFor(ctx, m),
  ] as const);
  const lines: DuesSheetLine[] = members.map((member) => {
    const basis = basisFor(
      bases.filter((b) => b.memberId === member.id),
      m,
    );
    const relief = reliefFor(
      reliefs.filter((r) => r.memberId === member.id),
      m,
    );
    const { partyAgeYears } = standingOf(member, periods, events, m);
    const computed = monthlyDues({ basis, relief, partyAgeYears, rates });
    const payment = payments.find((p) => p.memberId === member.id);
    const status = payment ? (payment.exempt ? 'exempt' : payment.paid ? 'paid' : 'unpaid') : 'open';
    return {
      memberId: member.id,
      fullName: member.fullName,
      basisKind: basis?.kind ?? null,
      basisAmount: basis?.amount ?? null,
      dueAmount: computed.ok ? computed.amount : (payment?.dueAmount ?? null),
      relief: reliefText(relief, computed),
      ruleSource: computed.ok ? computed.source : (payment?.ruleSource ?? null),
      problem: computed.ok ? null : computed.problem,
      status,
      paidAmount: payment?.paid ? payment.paidAmount : null,
      extraAmount: payment?.extraAmount ?? 0,
      paidOn: payment?.paidOn ?? null,
      collector: payment?.collector ?? null,
      unpaidReason: payment?.unpaidReason ?? null,
      version: payment?.version ?? null,
    };
  });
  const sum = (f: (l: DuesSheetLine) => number) => lines.reduce((s, l) => s + f(l), 0);
  return {
    orgId,
    orgName: org.name,
    month: m,
    lines,
    totals: {
      due: sum((l) => l.dueAmount ?? 0),
      paid: sum((l) => l.paidAmount ?? 0),
      extra: sum((l) => l.extraAmount),
      paidCount: lines.filter((l) => l.status === 'paid').length,
      unpaidCount: lines.filter((l) => l.status === 'unpaid').length,
    },
  };
}

function refuse(field: string, message: string, rule: { name: string; source: string }): never {
  throw new AppError('RULE_VIOLATION', message, [{ field, message }], rule);
}

/**
 * Records a cell's month in one go (the treasurer's sheet): each ticked member paid the computed amount (or the one
 * given), the others are unpaid with their reason; exempt members are recorded as exempt. All or nothing.
 */
export async function recordDuesSheet(ctx: Ctx, orgId: number, input: DuesSheetInput): Promise<{ recorded: number; sheet: DuesSheet }> {
  assertCan(ctx, 'dues.record');
  const recorded = await inTransaction(ctx, async (tx) => {
    const org = await orgInScope(tx, orgId);
    if (input.month > currentMonth(tx)) throw invalidField('month', 'Tháng: chưa đến tháng này, chưa ghi đảng phí được.');
    const sheet = await getDuesSheet(tx, orgId, input.month);
    const lines = new Map(sheet.lines.map((l) => [l.memberId, l]));
    const seen = new Set<number>();
    const audit: Parameters<typeof recordAudit>[1] = [];
    const ids = input.entries.map((e) => e.memberId);
    const [people, history] = await readTogether(tx.db, [() => membersByIds(tx.db, ids), () => historiesOf(tx.db, ids)] as const);
    for (const [i, entry] of input.entries.entries()) {
      const at = (field: string) => `entries.${i}.${field}`;
      if (seen.has(entry.memberId)) throw invalidField(at('memberId'), 'Đảng viên: một đảng viên chỉ ghi một dòng mỗi tháng.');
      seen.add(entry.memberId);
      const member = people.find((p) => p.id === entry.memberId);
      // Absent and out of scope read the same (404); inside the scope the month is checked against the membership.
      if (!member || !isPathInScope(tx.actor.scope, member.orgPath)) throw notFoundField(at('memberId'), 'đảng viên');
      const { leftOn } = standingOf(member, history.periods, history.events, input.month);
      const [problem] = checkPayment({
        month: input.month,
        admittedOn: member.admittedOn,
        leftOn,
        paid: entry.paid,
        amount: 1,
        dueAmount: 0,
        dueSource: DUES_SOURCE,
      });
      if (problem) refuse(at(problem.field), problem.message, { name: problem.rule, source: problem.source });
      const line = lines.get(entry.memberId);
      if (!line)
        throw invalidField(
          at('memberId'),
          `Đảng viên: ${member.fullName} không sinh hoạt ở ${org.name} trong tháng ${input.month.split('-').reverse().join('/')}.`,
        );
      if (line.dueAmount === null)
        refuse(at('memberId'), `Căn cứ đóng đảng phí: ${line.fullName} — ${line.problem ?? 'chưa tính được số tiền'} (${DUES_SOURCE}).`, {
          name: 'dues_insured_salary_percent',
          source: DUES_SOURCE,
        });
      const exempt = line.dueAmount === 0 && line.relief !== null;
      const paid = entry.paid && !exempt;
      const amount = paid ? (entry.amount ?? line.dueAmount) : 0;
      if (paid && amount <= 0 && line.dueAmount > 0)
        refuse(at('amount'), `Số tiền: tháng đã đóng phải ghi số tiền lớn hơn 0 đồng (${line.ruleSource ?? DUES_SOURCE}).`, {
          name: 'dues_insured_salary_percent',
          source: line.ruleSource ?? DUES_SOURCE,
        });
      const values = {
        dueAmount: line.dueAmount,
        paid,
        exempt,
        paidAmount: amount,
        extraAmount: paid ? (entry.extraAmount ?? 0) : 0,
        paidOn: paid ? (entry.paidOn ?? todayIso(tx.now())) : null,
        collector: paid ? input.collector : null,
        unpaidReason: paid || exempt ? null : entry.unpaidReason,
        ruleSource: line.ruleSource,
      };
      const existing = (await paymentsOfMonth(tx.db, [entry.memberId], input.month))[0];
      if (existing) {
        if (entry.version !== existing.version) throw staleVersion(`Đảng phí tháng của ${line.fullName}`);
        const after = await updatePayment(tx.db, existing.id, existing.version, values);
        if (!after) throw staleVersion(`Đảng phí tháng của ${line.fullName}`);
        audit.push({ entity: 'member', entityId: entry.memberId, action: 'dues:record', before: existing, after });
      } else {
        const after = await insertPayment(tx.db, {
          ...values,
          memberId: entry.memberId,
          orgId,
          orgPath: org.path,
          month: input.month,
          createdBy: tx.actor.userId,
        });
        audit.push({ entity: 'member', entityId: entry.memberId, action: 'dues:record', after });
      }
    }
    await recordAudit(tx, audit);
    return audit.length;
  });
  return { recorded, sheet: await getDuesSheet(ctx, orgId, input.month) };
}

/** A new basis from a month on; earlier months keep theirs. */
export async function addDuesBasis(ctx: Ctx, memberId: number, input: DuesBasisInput): Promise<DuesBasisRow> {
  assertCan(ctx, 'dues.record');
  return inTransaction(ctx, async (tx) => {
    const member = await memberInScopeOr404(tx, memberId);
    const rule = { name: 'dues_insured_salary_percent', source: DUES_SOURCE };
    if ((input.kind === 'insured_salary' || input.kind === 'pension') && (input.amount === null || input.amount <= 0))
      refuse(
        'amount',
        `Mức lương làm căn cứ: đảng viên ${input.kind === 'pension' ? 'hưởng lương hưu' : 'tham gia BHXH bắt buộc'} đóng theo tỷ lệ của tiền lương, phải ghi số tiền (${DUES_SOURCE}).`,
        rule,
      );
    if ((input.kind === 'uninsured' || input.kind === 'uninsured_retired') && input.region === null)
      refuse('region', `Vùng lương tối thiểu: đảng viên không tham gia BHXH đóng theo mức lương tối thiểu vùng, phải ghi vùng (${DUES_SOURCE}).`, {
        ...rule,
        name: 'dues_uninsured_min_wage_percent',
      });
    if (member.admittedOn && input.validFrom < monthOf(member.admittedOn))
      throw invalidField('validFrom', 'Áp dụng từ tháng: không được trước tháng vào Đảng.');
    const row = await insertBasis(tx.db, {
      memberId,
      kind: input.kind,
      amount: input.kind === 'insured_salary' || input.kind === 'pension' ? input.amount : null,
      region: input.region,
      validFrom: input.validFrom,
      note: input.note,
      createdBy: tx.actor.userId,
    });
    await recordAudit(tx, [{ entity: 'member', entityId: memberId, action: 'dues:basis', after: row }]);
    return row;
  });
}

/** An exemption or reduction for a period, with its deciding step; hardship and illness are limited in months and levels. */
export async function addDuesRelief(ctx: Ctx, memberId: number, input: DuesReliefInput): Promise<DuesReliefRow> {
  assertCan(ctx, 'dues.record');
  return inTransaction(ctx, async (tx) => {
    await memberInScopeOr404(tx, memberId);
    const date = monthStart(input.fromMonth);
    if (input.toMonth !== null && input.toMonth < input.fromMonth) throw invalidField('toMonth', 'Đến tháng: không được trước «Từ tháng».');
    if (input.kind === 'exemption' && input.percent !== 100) throw invalidField('percent', 'Tỷ lệ: miễn đảng phí là 100%.');
    if (input.kind === 'reduction') {
      const levels = await ruleAt<number[]>(tx, 'dues_reduction_percents', date);
      if (!levels.value.includes(input.percent))
        refuse('percent', `Tỷ lệ giảm: chỉ được giảm ${levels.value.join('%, ')}% (${levels.source}).`, { name: levels.name, source: levels.source });
    }
    if (input.ground === 'hardship' || input.ground === 'illness') {
      const max = await ruleAt<number>(tx, 'dues_relief_max_months', date);
      const months = input.toMonth === null ? Infinity : monthsBetween(input.fromMonth, input.toMonth) + 1;
      if (months > max.value)
        refuse('toMonth', `Đến tháng: mỗi lần miễn, giảm vì khó khăn hoặc ốm đau tối đa ${viMonths(max.value)} (${max.source}).`, {
          name: max.name,
          source: max.source,
        });
    }
    const row = await insertRelief(tx.db, { memberId, ...input, createdBy: tx.actor.userId });
    await recordAudit(tx, [{ entity: 'member', entityId: memberId, action: 'dues:relief', after: row }]);
    return row;
  });
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return ty * 12 + tm - (fy * 12 + fm);
}

/** A member's dues for a year, with bases, reliefs and the month paid up to; the member may read their own. */
export async function getMemberDues(ctx: Ctx, memberId: number, year?: number): Promise<MemberDues> {
  return inTransaction(ctx, async (tx) => {
    await memberInScopeOr404(tx, memberId);
    await logPersonalRead(tx, memberId, 'dues');
    const y = year ?? Number(todayIso(tx.now()).slice(0, 4));
    const [bases, reliefs, payments] = await readTogether(tx.db, [
      () => basesOf(tx.db, [memberId]),
      () => reliefsOf(tx.db, [memberId]),
      () => paymentsOfMember(tx.db, memberId),
    ] as const);
    const months = monthsOfYear(y).map((m) => {
      const p = payments.find((x) => x.month === m);
      return {
        month: m,
        dueAmount: p?.dueAmount ?? null,
        status: p ? (p.exempt ? ('exempt' as const) : p.paid ? ('paid' as const) : ('unpaid' as const)) : ('open' as const),
        paidAmount: p?.paid ? p.paidAmount : null,
        extraAmount: p?.extraAmount ?? 0,
        paidOn: p?.paidOn ?? null,
        unpaidReason: p?.unpaidReason ?? null,
      };
    });
    return { memberId, year: y, bases, reliefs, months, paidThrough: paidThrough(payments) };
  });
}

/** The month the member's dues are paid up to, from the records; null when none are recorded. */
export async function duesPaidThroughOf(ctx: Ctx, memberId: number): Promise<string | null> {
  return paidThrough(await paymentsOfMember(ctx.db, memberId));
}

/** Members with unpaid months in a year; those past the rulebook's count without a reason are for the cell's consideration. */
export async function listDuesArrears(
  ctx: Ctx,
  orgId: number | null,
  year?: number,
): Promise<{ year: number; threshold: number; source: string; items: DuesArrear[] }> {
  if (ctx.actor.scope.kind === 'self') throw notFound('tổ chức đảng');
  const org = orgId ? await orgInScope(ctx, orgId) : null;
  const y = year ?? Number(todayIso(ctx.now()).slice(0, 4));
  const threshold = await ruleAt<number>(ctx, 'dues_unpaid_strike_off_months', `${y}-01-01`);
  const rows = await unpaidMonths(ctx.db, ctx.actor.scope, y, org?.path ?? null);
  const byMember = new Map<number, typeof rows>();
  for (const row of rows) byMember.set(row.memberId, [...(byMember.get(row.memberId) ?? []), row]);
  const items = [...byMember.values()].map((own) => {
    const first = own[0]!;
    const { unpaid, withoutReason } = arrearsOf(
      own.map((r) => ({ month: r.month, paid: false, exempt: false, unpaidReason: r.unpaidReason })),
      y,
    );
    return {
      memberId: first.memberId,
      fullName: first.fullName,
      orgId: own[own.length - 1]!.orgId,
      orgName: own[own.length - 1]!.orgName,
      unpaidMonths: unpaid,
      withoutReason,
      forConsideration: withoutReason.length >= threshold.value,
    };
  });
  return { year: y, threshold: threshold.value, source: threshold.source, items };
}

/** Radar: members with the rulebook's count of months unpaid this year without a reason, for the cell's consideration. */
export async function duesArrearsAttention(ctx: Ctx, today: string): Promise<AttentionItem[]> {
  const { items, threshold } = await listDuesArrears({ ...ctx, now: () => new Date(`${today}T05:00:00Z`) }, null, Number(today.slice(0, 4)));
  return items
    .filter((i) => i.forConsideration)
    .map((i) => {
      const reached = i.withoutReason[threshold - 1]!;
      return {
        kind: 'dues_arrears',
        label: `${i.fullName}: ${i.withoutReason.length} tháng chưa đóng đảng phí năm ${reached.slice(0, 4)} không có lý do — chi bộ xem xét (Điều lệ Đảng, Điều 8)`,
        dueOn: addDays(monthStart(addMonthsToMonth(reached, 1)), -1),
        memberId: i.memberId,
        orgId: i.orgId,
        severity: 'overdue' as const,
      };
    });
}

/**
 * The dues statement of an organisation for a month or a year: per organisation of its subtree, what its members
 * owed and paid, what it received from below, kept and passed up (the shares of the month's rulebook version).
 * Reconciled by construction: Σ collected = Σ kept + what the organisation passes up.
 */
export async function getDuesStatement(ctx: Ctx, orgId: number, query: DuesStatementQuery): Promise<DuesStatement> {
  if (ctx.actor.scope.kind === 'self') throw notFound('tổ chức đảng');
  const org = await orgInScope(ctx, orgId);
  const year = query.year ?? Number(todayIso(ctx.now()).slice(0, 4));
  const months = query.month ? [`${year}-${String(query.month).padStart(2, '0')}`] : monthsOfYear(year);
  const [orgs, sums] = await readTogether(ctx.db, [
    () => orgsUnder(ctx.db, org.path),
    () => statementSums(ctx.db, org.path, months[0]!, months[months.length - 1]!),
  ] as const);
  const rows = new Map(
    orgs.map((o) => [o.id, { orgId: o.id, orgName: o.name, members: 0, due: 0, collected: 0, extra: 0, received: 0, kept: 0, passedUp: 0 }]),
  );
  const sources = new Set<string>();
  const byMonth = new Map<string, StatementCell[]>();
  for (const s of sums) {
    const own = byMonth.get(s.month);
    if (own) own.push(s);
    else byMonth.set(s.month, [s]);
  }
  for (const month of months) {
    const own = byMonth.get(month) ?? [];
    if (own.length === 0) continue;
    const retained = await ruleAt<RetainedPercents>(ctx, 'dues_retained_percent', monthStart(month));
    sources.add(retained.source);
    const collected = new Map(own.map((s) => [s.orgId, s.collected]));
    const shares = cascadeShares(
      orgs.map((o) => ({ orgId: o.id, parentId: o.id === org.id ? null : o.parentId, kind: o.kind, collected: collected.get(o.id) ?? 0 })),
      retained.value,
    );
    for (const s of own) {
      const row = rows.get(s.orgId);
      if (!row) continue;
      row.members = Math.max(row.members, s.members);
      row.due += s.due;
      row.extra += s.extra;
    }
    for (const [id, share] of shares) {
      const row = rows.get(id)!;
      row.collected += share.collected;
      row.received += share.received;
      row.kept += share.kept;
      row.passedUp += share.passedUp;
    }
  }
  const list = [...rows.values()].filter((r) => r.members > 0 || r.received > 0 || r.collected > 0);
  const total = (f: (r: (typeof list)[number]) => number) => list.reduce((s, r) => s + f(r), 0);
  return {
    orgId,
    orgName: org.name,
    year,
    month: query.month ?? null,
    rows: list,
    totals: {
      due: total((r) => r.due),
      collected: total((r) => r.collected),
      extra: total((r) => r.extra),
      kept: total((r) => r.kept),
      passedUp: rows.get(org.id)!.passedUp,
    },
    sources: [...sources],
  };
}

/** The bodies printed at the head of a document an organisation issues: its upper body and itself, in capitals. */
export async function issuerOf(ctx: Ctx, orgId: number): Promise<{ upperBody: string; issuingBody: string }> {
  const org = await orgInScope(ctx, orgId);
  const parent = org.parentId ? await findOrg(ctx.db, org.parentId) : undefined;
  return { upperBody: (parent?.name ?? 'Đảng Cộng sản Việt Nam').toLocaleUpperCase('vi'), issuingBody: org.name.toLocaleUpperCase('vi') };
}

// ---- Dues sheets imported from a file (domains/imports: the dues plan) ------------------------------

/** One member's month as a dues sheet gives it; `key` is the caller's (the file's row). */
export interface DuesImportEntry {
  key: number;
  memberId: number;
  month: string;
  amount: number;
  extraAmount: number;
  paidOn: string | null;
  collector: string | null;
  unpaidReason: string | null;
}

export interface DuesImportProblem {
  /** What the problem is about: the member (name), the month, or the amount. */
  field: 'member' | 'month' | 'amount';
  severity: 'error' | 'warning';
  code: string;
  message: string;
  fix: string;
}

type PaymentValues = Omit<DuesPaymentRow, 'id' | 'createdAt' | 'updatedAt' | 'version' | 'createdBy'>;

export interface DuesImportDecision {
  key: number;
  problems: DuesImportProblem[];
  /** Absent when an error refuses the row. */
  action?: 'create' | 'update' | 'unchanged';
  values?: PaymentValues;
  existing?: DuesPaymentRow;
}

/**
 * Checks a dues sheet's entries with the same rules as the month sheet: the member registered in an organisation of
 * the importer's scope that month (not before admission, not after leaving), the amount due computed with the
 * rulebook version of the month, what is already recorded (changed → a warning to accept). Writes nothing.
 */
export async function planDuesImport(ctx: Ctx, entries: DuesImportEntry[]): Promise<DuesImportDecision[]> {
  if (entries.length === 0) return [];
  const ids = [...new Set(entries.map((e) => e.memberId))];
  const months = [...new Set(entries.map((e) => e.month))].sort();
  const firstDay = monthStart(months[0]!);
  const endDay = monthStart(addMonthsToMonth(months[months.length - 1]!, 1));
  // One query at a time: inside the commit's transaction the connection takes one query at a time anyway.
  const people = await membersByIds(ctx.db, ids);
  const history = await historiesOf(ctx.db, ids);
  const registrations = await registrationsOf(ctx.db, ids, firstDay, endDay);
  const bases = await basesOf(ctx.db, ids);
  const reliefs = await reliefsOf(ctx.db, ids);
  const recorded = await paymentsOfMembers(ctx.db, ids, months);
  // A month without a rule version is that row's error, not the whole file's.
  const ratesOf = await duesRatesByMonth(ctx);
  const rates = new Map(months.map((month) => [month, ratesOf(month)]));
  const group = <T extends { memberId: number }>(rows: T[]) => {
    const map = new Map<number, T[]>();
    for (const row of rows) map.set(row.memberId, [...(map.get(row.memberId) ?? []), row]);
    return map;
  };
  const basesBy = group(bases);
  const reliefsBy = group(reliefs);
  const registrationsBy = group(registrations);
  const periodsBy = group(history.periods);
  const eventsBy = group(history.events);
  const recordedBy = new Map(recorded.map((p) => [`${p.memberId}|${p.month}`, p]));
  const today = todayIso(ctx.now());
  return entries.map((entry): DuesImportDecision => {
    const problems: DuesImportProblem[] = [];
    const error = (field: DuesImportProblem['field'], code: string, message: string, fix: string) =>
      problems.push({ field, severity: 'error', code, message, fix });
    const member = people.find((p) => p.id === entry.memberId);
    if (!member) {
      error('member', 'UNKNOWN_MEMBER', 'Không tìm thấy đảng viên này trong phạm vi quản lý của bạn.', 'Hãy kiểm tra họ tên, số thẻ đảng viên.');
      return { key: entry.key, problems };
    }
    const { partyAgeYears, leftOn } = standingOf(member, periodsBy.get(member.id) ?? [], eventsBy.get(member.id) ?? [], entry.month);
    const shown = `${entry.month.slice(5)}/${entry.month.slice(0, 4)}`;
    for (const v of checkPayment({
      month: entry.month,
      admittedOn: member.admittedOn,
      leftOn,
      paid: entry.amount > 0,
      amount: entry.amount,
      dueAmount: 0,
      dueSource: DUES_SOURCE,
    }))
      error(
        v.field === 'month' ? 'month' : 'amount',
        'DUES_RULE',
        `${v.message.replace(/^Tháng: /, '')} (${v.source}).`,
        'Hãy bỏ dòng này hoặc sửa lại tháng cho đúng thời gian sinh hoạt đảng.',
      );
    if (problems.length > 0) return { key: entry.key, problems };
    const registration = (registrationsBy.get(member.id) ?? [])
      .filter((r) => r.validFrom < monthStart(addMonthsToMonth(entry.month, 1)) && (r.validTo === null || r.validTo > monthStart(entry.month)))
      .at(-1);
    if (!registration) {
      error('month', 'NOT_REGISTERED', `Tháng ${shown} đảng viên không sinh hoạt ở tổ chức đảng nào của hệ thống.`, 'Hãy kiểm tra lại tháng.');
      return { key: entry.key, problems };
    }
    if (!isPathInScope(ctx.actor.scope, registration.orgPath)) {
      // The same words as a member who does not exist: the scope is not told apart from absence.
      error('member', 'UNKNOWN_MEMBER', 'Không tìm thấy đảng viên này trong phạm vi quản lý của bạn.', 'Hãy kiểm tra họ tên, số thẻ đảng viên.');
      return { key: entry.key, problems };
    }
    const monthRates = rates.get(entry.month)!;
    if (monthRates instanceof AppError) {
      error('month', 'NO_RULE_VERSION', monthRates.message, 'Hãy kiểm tra lại tháng, hoặc nhờ quản trị hệ thống bổ sung quy định của thời điểm đó.');
      return { key: entry.key, problems };
    }
    const basis = basisFor(basesBy.get(member.id) ?? [], entry.month);
    const relief = reliefFor(reliefsBy.get(member.id) ?? [], entry.month);
    const computed = monthlyDues({ basis, relief, partyAgeYears, rates: monthRates });
    if (!computed.ok) {
      error(
        'member',
        'NO_DUES_BASIS',
        `${computed.problem} (tháng ${shown}, ${DUES_SOURCE})`,
        'Hãy ghi căn cứ đóng đảng phí của đảng viên trước, rồi kiểm tra lại tệp.',
      );
      return { key: entry.key, problems };
    }
    const exempt = computed.amount === 0 && computed.relief !== null;
    if (exempt && entry.amount > 0)
      problems.push({
        field: 'amount',
        severity: 'warning',
        code: 'EXEMPT_PAID',
        message: `Tháng ${shown} đảng viên được miễn đảng phí (${computed.relief}); tháng được ghi là miễn, số tiền trong tệp không được ghi.`,
        fix: 'Nếu đảng viên tự nguyện đóng, hãy ghi vào cột Ủng hộ thêm.',
      });
    const paid = entry.amount > 0 && !exempt;
    const existing = recordedBy.get(`${member.id}|${entry.month}`);
    const values: PaymentValues = {
      memberId: member.id,
      orgId: existing?.orgId ?? registration.orgId,
      orgPath: existing?.orgPath ?? registration.orgPath,
      month: entry.month,
      dueAmount: computed.amount,
      paid,
      exempt,
      paidAmount: paid ? entry.amount : 0,
      extraAmount: paid ? entry.extraAmount : 0,
      paidOn: paid ? (entry.paidOn ?? (existing?.paid ? existing.paidOn : null) ?? today) : null,
      collector: paid ? entry.collector : null,
      unpaidReason: paid || exempt ? null : entry.unpaidReason,
      ruleSource: computed.source,
    };
    if (!existing) return { key: entry.key, problems, action: 'create', values };
    const changed = (['dueAmount', 'paid', 'exempt', 'paidAmount', 'extraAmount', 'paidOn', 'collector', 'unpaidReason'] as const).filter(
      (k) => values[k] !== existing[k],
    );
    if (changed.length === 0) return { key: entry.key, problems, action: 'unchanged', values, existing };
    problems.push({
      field: 'amount',
      severity: 'warning',
      code: 'DUES_REPLACED',
      message: `Tháng ${shown} đã được ghi (${existing.exempt ? 'được miễn' : existing.paid ? `đã đóng ${existing.paidAmount.toLocaleString('vi-VN')} đồng` : 'chưa đóng'}); ghi tệp này sẽ thay bằng số liệu của tệp.`,
      fix: 'Nếu số liệu đã ghi là đúng, hãy bỏ dòng này khỏi tệp.',
    });
    return { key: entry.key, problems, action: 'update', values, existing };
  });
}

/** Writes what planDuesImport decided, in the caller's transaction (the import's commit), with one audit call. */
export async function writeDuesImport(ctx: Ctx, decisions: DuesImportDecision[], reason: string): Promise<void> {
  const audit: Parameters<typeof recordAudit>[1] = [];
  const creates = decisions.filter((d) => d.action === 'create');
  const created = await insertPayments(
    ctx.db,
    creates.map((d) => ({ ...d.values!, createdBy: ctx.actor.userId })),
  );
  for (const row of created) audit.push({ entity: 'member', entityId: row.memberId, action: 'dues:record', after: row, reason });
  for (const d of decisions.filter((x) => x.action === 'update')) {
    const after = await updatePayment(ctx.db, d.existing!.id, d.existing!.version, d.values!);
    if (!after) throw staleVersion(`Đảng phí tháng ${d.values!.month} của đảng viên`);
    audit.push({ entity: 'member', entityId: after.memberId, action: 'dues:record', before: d.existing, after, reason });
  }
  await recordAudit(ctx, audit);
}
