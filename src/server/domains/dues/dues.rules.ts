import type { DuesBasisKind, DuesReliefGround, DuesReliefKind, MinimumWageRegion } from '../../../shared/dues.js';
import type { OrgKind } from '../../../shared/org.js';
import { type RuleParam, type RuleViolation, violation } from '../rulebook/rule-violation.rules.js';

/**
 * Dues in whole đồng (01-QĐ/TW; 342-QĐ/TW before 3/2/2026). Percentages from the rulebook are turned into basis
 * points (hundredths of a percent) once, so every amount is integer arithmetic: no floating-point money anywhere.
 */

/** '2026-03' → the rulebook date of the month: its first day (the version in force when the month starts). */
export function monthStart(month: string): string {
  return `${month}-01`;
}

export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

export function addMonthsToMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** 0.3 % → 30 basis points; rulebook percentages have at most two decimals. */
export function basisPoints(percent: number): number {
  const points = Math.round(percent * 100);
  if (!Number.isSafeInteger(points) || points < 0) throw new RangeError(`Not a percentage: ${percent}`);
  return points;
}

/** round(amount × points / 10 000) to the nearest multiple of `step` đồng, half up; integers only. */
export function percentOf(amount: number, points: number, step: number): number {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`Not an amount in đồng: ${amount}`);
  const numerator = amount * points;
  if (!Number.isSafeInteger(numerator)) throw new RangeError(`Amount too large: ${amount}`);
  const unit = 10_000 * Math.max(1, step);
  const quotient = Math.floor(numerator / unit);
  const remainder = numerator - quotient * unit;
  return (quotient + (remainder * 2 >= unit ? 1 : 0)) * Math.max(1, step);
}

/** The rulebook values a month's dues are computed with (all read for the month's first day). */
export interface DuesRates {
  insuredSalary: RuleParam;
  pension: RuleParam;
  student: RuleParam;
  uninsured: RuleParam;
  uninsuredRetired: RuleParam;
  minimumWage: RuleParam<Record<MinimumWageRegion, number>> | null;
  rounding: RuleParam;
  exemptPartyAgeYears: RuleParam;
}

export interface DuesBasis {
  kind: DuesBasisKind;
  amount: number | null;
  region: MinimumWageRegion | null;
  validFrom: string;
}

export interface DuesRelief {
  kind: DuesReliefKind;
  ground: DuesReliefGround;
  percent: number;
  fromMonth: string;
  toMonth: string | null;
}

/** The basis in force for a month: the latest one starting in or before it. */
export function basisFor<T extends { validFrom: string }>(bases: readonly T[], month: string): T | null {
  let chosen: T | null = null;
  for (const basis of bases) if (basis.validFrom <= month && (!chosen || basis.validFrom >= chosen.validFrom)) chosen = basis;
  return chosen;
}

/** The relief covering a month; of several, the most generous. */
export function reliefFor<T extends { fromMonth: string; toMonth: string | null; percent: number }>(reliefs: readonly T[], month: string): T | null {
  let chosen: T | null = null;
  for (const relief of reliefs)
    if (relief.fromMonth <= month && (relief.toMonth === null || month <= relief.toMonth) && (!chosen || relief.percent > chosen.percent)) chosen = relief;
  return chosen;
}

export type MonthlyDues = { ok: true; gross: number; amount: number; exempt: boolean; relief: string | null; source: string } | { ok: false; problem: string };

/**
 * A month's dues: the basis × the rate of its case (or the fixed student amount), rounded as the rulebook says, then an
 * exemption (party age ≥ the rulebook's years, or a recorded one) or a reduction applied (also rounded).
 */
export function monthlyDues(input: { basis: DuesBasis | null; relief: DuesRelief | null; partyAgeYears: number | null; rates: DuesRates }): MonthlyDues {
  const { basis, relief, rates } = input;
  const step = rates.rounding.value;
  if (input.partyAgeYears !== null && input.partyAgeYears >= rates.exemptPartyAgeYears.value)
    return {
      ok: true,
      gross: 0,
      amount: 0,
      exempt: true,
      relief: `Miễn: tuổi đảng từ ${rates.exemptPartyAgeYears.value} năm`,
      source: rates.exemptPartyAgeYears.source,
    };
  if (!basis) return { ok: false, problem: 'Chưa ghi căn cứ đóng đảng phí áp dụng cho tháng này.' };
  let gross: number;
  let source: string;
  switch (basis.kind) {
    case 'insured_salary':
    case 'pension': {
      const rate = basis.kind === 'pension' ? rates.pension : rates.insuredSalary;
      if (basis.amount === null) return { ok: false, problem: 'Căn cứ đóng đảng phí chưa ghi mức lương.' };
      gross = percentOf(basis.amount, basisPoints(rate.value), step);
      source = rate.source;
      break;
    }
    case 'student':
      gross = rates.student.value;
      source = rates.student.source;
      break;
    case 'uninsured':
    case 'uninsured_retired': {
      const rate = basis.kind === 'uninsured' ? rates.uninsured : rates.uninsuredRetired;
      if (!rates.minimumWage) return { ok: false, problem: 'Sổ quy định chưa có mức lương tối thiểu vùng cho tháng này.' };
      const wage = rates.minimumWage.value[basis.region ?? 'IV'];
      gross = percentOf(wage, basisPoints(rate.value), step);
      source = `${rate.source}; ${rates.minimumWage.source}`;
      break;
    }
  }
  if (!relief) return { ok: true, gross, amount: gross, exempt: false, relief: null, source };
  if (relief.kind === 'exemption' || relief.percent >= 100) return { ok: true, gross, amount: 0, exempt: true, relief: 'Miễn đảng phí', source };
  const amount = percentOf(gross, (100 - relief.percent) * 100, step);
  return { ok: true, gross, amount, exempt: false, relief: `Giảm ${relief.percent}%`, source };
}

/** Shares kept by each kind of organisation, in percent (the rulebook's `dues_retained_percent`). */
export type RetainedPercents = Partial<Record<OrgKind, number>>;

export interface ShareNode {
  orgId: number;
  parentId: number | null;
  kind: OrgKind;
  /** Dues its own members paid this month. */
  collected: number;
}

export interface ShareResult {
  orgId: number;
  collected: number;
  received: number;
  kept: number;
  passedUp: number;
}

/**
 * What each organisation keeps and passes up for one month: it keeps its share of what it collected plus what its
 * organisations below passed up (rounded down to the đồng), and passes the rest up. The root's `passedUp` leaves the
 * tree, so Σ collected = Σ kept + root passed up, exactly.
 */
export function cascadeShares(nodes: readonly ShareNode[], retained: RetainedPercents): Map<number, ShareResult> {
  const byId = new Map(nodes.map((n) => [n.orgId, n]));
  const children = new Map<number, number[]>();
  for (const node of nodes) {
    if (node.parentId === null || !byId.has(node.parentId)) continue;
    const siblings = children.get(node.parentId);
    if (siblings) siblings.push(node.orgId);
    else children.set(node.parentId, [node.orgId]);
  }
  const results = new Map<number, ShareResult>();
  const visit = (id: number): ShareResult => {
    const done = results.get(id);
    if (done) return done;
    const node = byId.get(id)!;
    const received = (children.get(id) ?? []).reduce((sum, child) => sum + visit(child).passedUp, 0);
    const pool = node.collected + received;
    const percent = Math.min(100, Math.max(0, retained[node.kind] ?? 0));
    const kept = Math.floor((pool * percent) / 100);
    const result = { orgId: id, collected: node.collected, received, kept, passedUp: pool - kept };
    results.set(id, result);
    return result;
  };
  for (const node of nodes) visit(node.orgId);
  return results;
}

/** The months of a year left unpaid, and those without a recorded reason. */
export function arrearsOf(records: readonly { month: string; paid: boolean; exempt: boolean; unpaidReason: string | null }[], year: number) {
  const unpaid = records
    .filter((r) => r.month.startsWith(`${year}-`) && !r.paid && !r.exempt)
    .map((r) => r.month)
    .sort();
  const withoutReason = records
    .filter((r) => r.month.startsWith(`${year}-`) && !r.paid && !r.exempt && !r.unpaidReason)
    .map((r) => r.month)
    .sort();
  return { unpaid, withoutReason };
}

/**
 * The month dues are paid up to: the last month of the unbroken run of settled (paid or exempt) months that starts at
 * the first recorded month; null when nothing is settled from the start.
 */
export function paidThrough(records: readonly { month: string; paid: boolean; exempt: boolean }[]): string | null {
  const sorted = [...records].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  let through: string | null = null;
  for (const record of sorted) {
    if (!(record.paid || record.exempt)) break;
    if (through !== null && record.month !== addMonthsToMonth(through, 1)) break;
    through = record.month;
  }
  return through;
}

/** A recorded payment must fall in the member's membership and carry what a payment needs (Vietnamese, naming field and rule). */
export function checkPayment(input: {
  month: string;
  admittedOn: string | null;
  /** The day the member left the party or the deployment (exit, death, transfer out); null if still a member. */
  leftOn: string | null;
  paid: boolean;
  amount: number;
  dueAmount: number;
  /** The rule the due amount was computed with. */
  dueSource: string;
}): RuleViolation[] {
  const problems: RuleViolation[] = [];
  const [year, m] = input.month.split('-');
  const shown = `${m}/${year}`;
  if (input.admittedOn && input.month < monthOf(input.admittedOn))
    problems.push(
      violation(
        'dues_unpaid_strike_off_months',
        { source: 'Điều lệ Đảng 2011, Điều 8' },
        'month',
        `Tháng: tháng ${shown} trước ngày vào Đảng (${input.admittedOn.split('-').reverse().join('/')}); chỉ đảng viên mới đóng đảng phí`,
      ),
    );
  if (input.leftOn && input.month > monthOf(input.leftOn))
    problems.push(
      violation(
        'dues_unpaid_strike_off_months',
        { source: 'Điều lệ Đảng 2011, Điều 8' },
        'month',
        `Tháng: tháng ${shown} sau khi đảng viên đã ra khỏi danh sách (${input.leftOn.split('-').reverse().join('/')}); không ghi đảng phí cho tháng này`,
      ),
    );
  if (input.paid && input.amount <= 0 && input.dueAmount > 0)
    problems.push(
      violation('dues_insured_salary_percent', { source: input.dueSource }, 'amount', `Số tiền: tháng ${shown} đã đóng phải ghi số tiền lớn hơn 0 đồng`),
    );
  return problems;
}
