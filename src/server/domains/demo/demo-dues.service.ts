import type { Ctx } from '../../context.js';
import type { Database } from '../../db/client.js';
import { activeDemoMembers } from './demo.queries.js';
import { nextId, syncIdentity, withBulkWriter, type BulkWriter } from '../../db/bulk.js';
import { recordAudit } from '../audit/audit.service.js';
import { duesRatesFor } from '../dues/dues.service.js';
import { addMonthsToMonth, monthlyDues, monthOf, type DuesBasis, type DuesRelief, type DuesRates } from '../dues/dues.rules.js';
import { nextAwardDate, type AwardDaysValue } from '../badges/badges.rules.js';
import { ruleAt } from '../rulebook/rulebook.service.js';
import { addMonths, fullYearsBetween } from '../../../shared/dates.js';
import type { DuesBasisKind, MinimumWageRegion } from '../../../shared/dues.js';

const BATCH = 5000;
const regions: MinimumWageRegion[] = ['I', 'II', 'III', 'IV'];

/** A deterministic number in [0, n) from a member id and a salt: the same bloc gets the same dues on every load. */
function pick(id: number, salt: number, n: number): number {
  let x = (id * 2654435761 + salt * 40503) >>> 0;
  x ^= x >>> 15;
  x = Math.imul(x, 2246822507) >>> 0;
  x ^= x >>> 13;
  return (x >>> 0) % n;
}

function basisOf(id: number, admittedOn: string, birthDate: string, today: string): DuesBasis {
  const validFrom = monthOf(admittedOn);
  const age = fullYearsBetween(birthDate, today);
  const roll = pick(id, 1, 100);
  const kind: DuesBasisKind = age >= 62 ? 'pension' : age < 23 ? 'student' : roll < 85 ? 'insured_salary' : roll < 95 ? 'uninsured' : 'uninsured_retired';
  const amount = kind === 'insured_salary' ? 4_500_000 + pick(id, 2, 200) * 100_000 : kind === 'pension' ? 3_800_000 + pick(id, 3, 90) * 100_000 : null;
  return { kind, amount, region: kind.startsWith('uninsured') ? regions[pick(id, 4, 4)]! : null, validFrom };
}

/**
 * A year of dues for the demo bloc, from the rulebook like real records: each active member gets a basis, a few a
 * reduction or an exemption, twelve months recorded up to last month (some unpaid, a few three months without a
 * reason, so the radar shows them), and the longest-serving a badge. Called at the end of the demo loader.
 */
export async function loadDemoDues(writer: BulkWriter, ctx: Ctx, today: string): Promise<{ payments: number; awards: number }> {
  const lastMonth = addMonthsToMonth(monthOf(today), -1);
  const months = Array.from({ length: 12 }, (_, i) => addMonthsToMonth(lastMonth, i - 11));
  const rates = new Map<string, DuesRates>();
  for (const m of months) rates.set(m, await duesRatesFor(ctx, m));
  const members = await activeDemoMembers(writer.db);
  let basisId = await nextId(writer.db, 'dues_bases');
  let reliefId = await nextId(writer.db, 'dues_reliefs');
  let paymentId = await nextId(writer.db, 'dues_payments');
  let awardId = await nextId(writer.db, 'badge_awards');
  const days = await ruleAt<AwardDaysValue>(ctx, 'badge_award_days', today);
  const decision = { number: '01-QĐ/ĐU', date: months[0]! + '-01', issuer: 'Đảng ủy cơ sở' };
  let bases: unknown[][] = [];
  let reliefs: unknown[][] = [];
  let payments: unknown[][] = [];
  let awards: unknown[][] = [];
  let paymentCount = 0;
  let awardCount = 0;
  const flush = async () => {
    if (bases.length) await writer.insert('dues_bases', ['id', 'member_id', 'kind', 'amount', 'region', 'valid_from'], bases as never);
    if (reliefs.length)
      await writer.insert('dues_reliefs', ['id', 'member_id', 'kind', 'ground', 'percent', 'from_month', 'to_month', 'decision'], reliefs as never);
    if (payments.length)
      await writer.insert(
        'dues_payments',
        [
          'id',
          'member_id',
          'org_id',
          'org_path',
          'month',
          'due_amount',
          'paid',
          'exempt',
          'paid_amount',
          'extra_amount',
          'paid_on',
          'collector',
          'unpaid_reason',
          'rule_source',
        ],
        payments as never,
      );
    if (awards.length)
      await writer.insert('badge_awards', ['id', 'member_id', 'milestone_years', 'award_on', 'decision', 'posthumous', 'early'], awards as never);
    bases = [];
    reliefs = [];
    payments = [];
    awards = [];
  };
  for (const m of members) {
    const basis = basisOf(m.id, m.admittedOn, m.birthDate, today);
    bases.push([basisId++, m.id, basis.kind, basis.amount, basis.region, basis.validFrom]);
    let relief: DuesRelief | null = null;
    if (pick(m.id, 5, 60) === 0) relief = { kind: 'reduction', ground: 'hardship', percent: 50, fromMonth: months[3]!, toMonth: months[8]! };
    else if (pick(m.id, 6, 90) === 0) relief = { kind: 'exemption', ground: 'poor_household', percent: 100, fromMonth: months[0]!, toMonth: null };
    if (relief) reliefs.push([reliefId++, m.id, relief.kind, relief.ground, relief.percent, relief.fromMonth, relief.toMonth, decision]);
    const arrears = pick(m.id, 7, 45) === 0;
    const excused = pick(m.id, 8, 30) === 0;
    for (const [i, month] of months.entries()) {
      if (month < monthOf(m.admittedOn)) continue;
      const partyAgeYears = m.confirmedOn ? fullYearsBetween(m.admittedOn, `${month}-01`) : null;
      const applies = relief && relief.fromMonth <= month && (relief.toMonth === null || month <= relief.toMonth) ? relief : null;
      const due = monthlyDues({ basis, relief: applies, partyAgeYears, rates: rates.get(month)! });
      if (!due.ok) continue;
      const unpaid = (arrears && i >= 6 && i <= 8) || (excused && i === 10);
      const paid = !due.exempt && !unpaid;
      payments.push([
        paymentId++,
        m.id,
        m.orgId,
        m.orgPath,
        month,
        due.amount,
        paid,
        due.exempt,
        paid ? due.amount : 0,
        paid && pick(m.id, 9 + i, 25) === 0 ? 10_000 : 0,
        paid ? `${month}-${String(5 + pick(m.id, 20 + i, 20)).padStart(2, '0')}` : null,
        paid ? 'Thủ quỹ chi bộ' : null,
        unpaid && excused && i === 10 ? 'Ốm dài ngày' : null,
        due.source,
      ]);
      paymentCount += 1;
    }
    const thirty = addMonths(m.admittedOn, 360);
    if (m.confirmedOn && thirty <= today && pick(m.id, 10, 3) !== 0) {
      const awardOn = nextAwardDate(thirty, days.value);
      if (awardOn <= today) {
        awards.push([awardId++, m.id, 30, awardOn, { ...decision, date: awardOn }, false, false]);
        awardCount += 1;
      }
    }
    if (payments.length >= BATCH * 6) await flush();
  }
  await flush();
  for (const table of ['dues_bases', 'dues_reliefs', 'dues_payments', 'badge_awards']) await syncIdentity(writer.db, table);
  await recordAudit(ctx, [
    { entity: 'member', entityId: `bulk:dues:${paymentCount}`, action: 'bulk_create', after: { count: paymentCount, awards: awardCount }, reason: ctx.reason },
  ]);
  return { payments: paymentCount, awards: awardCount };
}

/** The dues year alone, on a database whose demo members are loaded already (the bench times it apart). */
export async function loadDemoDuesOnly(ctx: Ctx, database: Database, today = '2026-11-27') {
  return withBulkWriter(database, (writer) => loadDemoDues(writer, { ...ctx, db: writer.db }, today));
}
