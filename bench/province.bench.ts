/**
 * The province benches on PostgreSQL (opt-in: `npm run bench -- --province`, or standalone
 * `npx tsx bench/province.bench.ts [--members N] [--skip-dues] [--skip-meetings] [--skip-ratings] [--keep]`).
 * One scratch database holds the province (the demo generator's tree and members, ≈260,000 by default, by COPY);
 * each module then adds its year of records in bulk and measures its targets on it:
 *   #14 dues and badges (bench/dues.bench.ts): a cell's month sheet ≤ 50 ms, the province's yearly statement ≤ 2 s,
 *       the badge list for the province ≤ 500 ms;
 *   #11 meetings (bench/meetings.bench.ts): the compliance table for the province p95 ≤ 1 s;
 *   #13 ratings (bench/ratings.bench.ts): the rating summary of the province's round ≤ 1 s.
 * Loading takes minutes on a shared machine, hence opt-in. Each figure is printed with the load average (`uptime`)
 * at the time, since a loaded machine only gives upper bounds. `--keep` leaves the database for inspection.
 * PostgreSQL: BENCH_DATABASE_URL (a server where databases may be created), default postgres://postgres@127.0.0.1:5432/postgres.
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { prepareDatabase, systemCtx } from '../src/server/bootstrap.js';
import type { Ctx } from '../src/server/context.js';
import { queryOne, sql, type Database } from '../src/server/db/client.js';
import { createScratchDatabase } from '../src/server/db/scratch-database.js';
import { loadDemo } from '../src/server/domains/demo/demo.service.js';
import { runDuesBench } from './dues.bench.js';
import { runMeetingsProvinceBench } from './meetings.bench.js';
import { runRatingsBench } from './ratings.bench.js';

export interface ProvinceBenchRow {
  engine: string;
  name: string;
  ms?: number;
  p50?: number;
  p95?: number;
  target?: number;
  ok?: boolean;
}

/** The loaded province every module bench works on. */
export interface Province {
  database: Database;
  ctx: Ctx;
  members: number;
}

export const PROVINCE_TODAY = '2026-11-27';
const log = pino({ level: 'silent' });

/** The load average over the last minute, as `uptime` prints it. */
export const load = () => loadavg()[0]!.toFixed(2);

export async function timeIt(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** p50 and p95 of `runs` timed calls after 3 warming calls, with the load average when they ended. */
export async function percentiles(runs: number, work: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number; load: string }> {
  for (let i = 0; i < 3; i++) await work(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await timeIt(() => work(i)));
  samples.sort((a, b) => a - b);
  const at = (p: number) => +samples[Math.min(samples.length - 1, Math.ceil(p * samples.length) - 1)]!.toFixed(1);
  return { p50: at(0.5), p95: at(0.95), load: load() };
}

export async function runProvinceBench(options: {
  postgresUrl: string;
  members: number;
  skip?: string[];
  keep?: boolean;
  report?: (row: ProvinceBenchRow) => void;
}): Promise<ProvinceBenchRow[]> {
  const rows: ProvinceBenchRow[] = [];
  const add = (more: ProvinceBenchRow[]) => {
    for (const row of more) {
      rows.push(row);
      options.report?.(row);
    }
  };
  const { database, drop } = await createScratchDatabase(options.postgresUrl, 'dangvu_province_bench', (db) => prepareDatabase(db, log));
  try {
    const ctx: Ctx = { ...systemCtx(database, log), now: () => new Date(`${PROVINCE_TODAY}T03:00:00Z`) };
    const ms = await timeIt(() => loadDemo(ctx, database, { members: options.members, today: PROVINCE_TODAY, membersOnly: true }));
    await database.db.execute(sql`VACUUM ANALYZE`);
    add([{ engine: 'postgres', name: `load the province's tree and ${options.members.toLocaleString('vi-VN')} members (load ${load()})`, ms: +ms.toFixed(0) }]);
    const province: Province = { database, ctx, members: options.members };
    const skip = new Set(options.skip ?? []);
    if (!skip.has('dues')) add(await runDuesBench(province));
    if (!skip.has('meetings')) add(await runMeetingsProvinceBench(province));
    if (!skip.has('ratings')) add(await runRatingsBench(province));
  } finally {
    if (options.keep) {
      const name = (await queryOne<{ name: string }>(database.db, sql`SELECT current_database() AS name`))!.name;
      await database.close();
      console.log(`     kept the province database (drop it with dropdb): ${name}`);
    } else await drop();
  }
  return rows;
}

export function printProvinceRow(row: ProvinceBenchRow) {
  const status = row.target === undefined ? '    ' : row.ok ? 'ok  ' : 'SLOW';
  const figure = row.p95 !== undefined ? `p50 ${String(row.p50).padStart(8)} ms  p95 ${String(row.p95).padStart(8)} ms` : `${String(row.ms).padStart(10)} ms`;
  console.log(`${status} ${row.engine.padEnd(9)} ${row.name.padEnd(72)} ${figure}${row.target === undefined ? '' : `  (target ≤ ${row.target} ms)`}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  await runProvinceBench({
    postgresUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    members: Number(option('--members') ?? 260_000),
    skip: args.filter((a) => a.startsWith('--skip-')).map((a) => a.slice('--skip-'.length)),
    keep: args.includes('--keep'),
    report: printProvinceRow,
  });
  process.exit(0);
}
