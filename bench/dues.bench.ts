/**
 * Dues and badges (issue #14), on the province (bench/province.bench.ts, PostgreSQL): a year of dues for every active
 * member (≈260,000 members × 12 months, ≈3 million payment rows, computed from the rulebook and written by COPY),
 * then a cell's month sheet ≤ 50 ms, the province's yearly dues statement ≤ 2 s (checked to reconcile: Σ members'
 * payments = collected = kept + passed up) and the badge list for the province ≤ 500 ms.
 */
import { queryOne, queryRows, sql } from '../src/server/db/client.js';
import { loadDemoDuesOnly } from '../src/server/domains/demo/demo-dues.service.js';
import { getDuesSheet, getDuesStatement } from '../src/server/domains/dues/dues.service.js';
import { listBadgeCandidates } from '../src/server/domains/badges/badges.service.js';
import { load, percentiles, PROVINCE_TODAY, timeIt, type Province, type ProvinceBenchRow } from './province.bench.js';

export async function runDuesBench({ database, ctx, members }: Province): Promise<ProvinceBenchRow[]> {
  const rows: ProvinceBenchRow[] = [];
  const timing = (name: string, target: number, t: { p50: number; p95: number; load: string }) =>
    rows.push({ engine: 'postgres', name: `${name} (load ${t.load})`, p50: t.p50, p95: t.p95, target, ok: t.p95 <= target });
  let payments = 0;
  const ms = await timeIt(async () => (payments = (await loadDemoDuesOnly(ctx, database, PROVINCE_TODAY)).payments));
  await database.db.execute(sql`VACUUM ANALYZE`);
  rows.push({
    engine: 'postgres',
    name: `dues: a year for ${members.toLocaleString('vi-VN')} members, ${payments.toLocaleString('vi-VN')} payment rows (COPY, load ${load()})`,
    ms: +ms.toFixed(0),
  });
  const cells = await queryRows<{ id: number }>(
    ctx.db,
    sql`SELECT org_id AS id FROM members WHERE status IN ('full', 'probationary') GROUP BY org_id ORDER BY count(*) DESC LIMIT 20`,
  );
  timing("dues: a cell's month sheet, largest cells", 50, await percentiles(30, (i) => getDuesSheet(ctx, cells[i % cells.length]!.id, '2026-10')));
  const root = (await queryOne<{ id: number }>(ctx.db, sql`SELECT id FROM orgs WHERE parent_id IS NULL ORDER BY id LIMIT 1`))!;
  const statement = await getDuesStatement(ctx, root.id, { year: 2026 });
  const paid = await queryOne<{ n: string }>(
    ctx.db,
    sql`SELECT coalesce(sum(paid_amount) FILTER (WHERE paid), 0)::text AS n FROM dues_payments WHERE month LIKE '2026-%'`,
  );
  if (statement.totals.collected !== Number(paid!.n) || statement.totals.collected !== statement.totals.kept + statement.totals.passedUp)
    throw new Error(`The province's dues statement does not reconcile: ${JSON.stringify(statement.totals)}, payments ${paid!.n}`);
  timing("dues: the province's yearly statement (reconciled)", 2000, await percentiles(5, () => getDuesStatement(ctx, root.id, { year: 2026 })));
  timing('badges: the badge list for the province', 500, await percentiles(5, () => listBadgeCandidates(ctx, root.id, '2027-02-03')));
  return rows;
}
