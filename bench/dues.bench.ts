/**
 * Dues and badges (issue #14), on PostgreSQL: a cell's month sheet ≤ 50 ms, a province's yearly dues statement
 * (≈260,000 members × 12 months) ≤ 2 s, the badge list for a province ≤ 500 ms. `--members N` sets the size.
 */
import pino from 'pino';
import { prepareDatabase, systemCtx } from '../src/server/bootstrap.js';
import { createScratchDatabase } from '../src/server/db/scratch-database.js';
import { queryOne, queryRows, sql } from '../src/server/db/client.js';
import { loadDemo } from '../src/server/domains/demo/demo.service.js';
import { loadDemoDuesOnly } from '../src/server/domains/demo/demo-dues.service.js';
import { getDuesSheet, getDuesStatement } from '../src/server/domains/dues/dues.service.js';
import { listBadgeCandidates } from '../src/server/domains/badges/badges.service.js';

export interface DuesBenchRow {
  engine: string;
  name: string;
  ms: number;
  target?: number;
  ok: boolean;
}

async function timeIt(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function p95(runs: number, work: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await work(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await timeIt(() => work(i)));
  samples.sort((a, b) => a - b);
  return samples[Math.min(samples.length - 1, Math.ceil(0.95 * samples.length) - 1)]!;
}

export async function runDuesBench(options: { postgresUrl: string; members: number }): Promise<DuesBenchRow[]> {
  const log = pino({ level: 'silent' });
  const { database, drop } = await createScratchDatabase(options.postgresUrl, 'dangvu_bench_dues', (db) => prepareDatabase(db, log));
  const rows: DuesBenchRow[] = [];
  const row = (name: string, ms: number, target?: number) => {
    rows.push({ engine: 'postgres', name, ms: +ms.toFixed(2), target, ok: target === undefined || ms <= target });
  };
  try {
    const ctx = { ...systemCtx(database, log), now: () => new Date('2026-11-27T03:00:00Z') };
    await loadDemo(ctx, database, { members: options.members, dues: false });
    let payments = 0;
    row(
      `load a year of dues (${options.members.toLocaleString('vi-VN')} members)`,
      await timeIt(async () => (payments = (await loadDemoDuesOnly(ctx, database)).payments)),
    );
    console.log(`     dues: ${payments.toLocaleString('vi-VN')} payment rows`);
    await database.db.execute(sql`VACUUM ANALYZE`);
    const cells = await queryRows<{ id: number }>(
      ctx.db,
      sql`SELECT org_id AS id FROM members WHERE status IN ('full', 'probationary') GROUP BY org_id ORDER BY count(*) DESC LIMIT 20`,
    );
    row("a cell's month sheet (p95, largest cells)", await p95(30, (i) => getDuesSheet(ctx, cells[i % cells.length]!.id, '2026-10')), 50);
    const root = (await queryOne<{ id: number }>(ctx.db, sql`SELECT id FROM orgs WHERE parent_id IS NULL ORDER BY id LIMIT 1`))!;
    row("a province's yearly dues statement (p95)", await p95(5, () => getDuesStatement(ctx, root.id, { year: 2026 })), 2000);
    row('badge list for a province (p95)', await p95(5, () => listBadgeCandidates(ctx, root.id, '2027-02-03')), 500);
  } finally {
    await drop();
  }
  return rows;
}
