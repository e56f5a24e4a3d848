/**
 * The whole demo load (every module's year, `loadDemo` without `membersOnly`) at a given size on PostgreSQL, timed
 * step by step: `npx tsx bench/demo-load.bench.ts [--members N] [--keep]` (default a province, 260,000 members);
 * `--only embedded` loads the embedded engine instead (default the demo bloc, 4,200 members).
 * Prints each step's time and the load average (`uptime`) when it ended: the machine may be shared. Target on PostgreSQL:
 * the whole load ≤ 10 minutes (issue #11). Also in `npm run bench -- --only postgres --province` (skip it with --skip-demo-load).
 * PostgreSQL: BENCH_DATABASE_URL (a server where databases may be created), default postgres://postgres@127.0.0.1:5432/postgres.
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { prepareDatabase, systemCtx } from '../src/server/bootstrap.js';
import type { Ctx } from '../src/server/context.js';
import { openDatabase, queryOne, sql } from '../src/server/db/client.js';
import { createScratchDatabase } from '../src/server/db/scratch-database.js';
import { loadDemo } from '../src/server/domains/demo/demo.service.js';

const TODAY = '2026-11-27';
const log = pino({ level: 'silent' });
const load = () => loadavg()[0]!.toFixed(2);

export interface DemoLoadRow {
  engine: string;
  name: string;
  ms: number;
  target?: number;
  ok?: boolean;
}

/** Issue #11: the whole demo of a province (260,000 members) loads within 10 minutes on PostgreSQL. */
const PROVINCE_TARGET_MS = 600_000;

/** Loads the whole demo of `members` members into a scratch database; one row per step and one for the total. */
export async function runDemoLoadBench(options: {
  /** A PostgreSQL server where databases may be created; without it, the embedded engine (in memory). */
  postgresUrl?: string;
  members: number;
  keep?: boolean;
  report?: (row: DemoLoadRow) => void;
}) {
  const rows: DemoLoadRow[] = [];
  const add = (row: DemoLoadRow) => {
    rows.push(row);
    options.report?.(row);
  };
  const engine = options.postgresUrl ? 'postgres' : 'embedded';
  const { database, drop } = options.postgresUrl
    ? await createScratchDatabase(options.postgresUrl, 'dangvu_demo_load_bench', (db) => prepareDatabase(db, log))
    : await openEmbedded();
  try {
    const ctx: Ctx = { ...systemCtx(database, log), now: () => new Date(`${TODAY}T03:00:00Z`) };
    const started = process.hrtime.bigint();
    await loadDemo(ctx, database, {
      members: options.members,
      today: TODAY,
      onStep: (step, ms) => add({ engine, name: `demo load step: ${step} (load ${load()})`, ms }),
    });
    const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
    const target = engine === 'postgres' ? PROVINCE_TARGET_MS : undefined;
    add({
      engine,
      name: `demo load: all of it, ${options.members.toLocaleString('vi-VN')} members (load ${load()})`,
      ms,
      target,
      ok: target === undefined ? undefined : ms <= target,
    });
  } finally {
    if (options.keep && engine === 'postgres') {
      const name = (await queryOne<{ name: string }>(database.db, sql`SELECT current_database() AS name`))!.name;
      await database.close();
      console.log(`     kept the demo database (drop it with dropdb): ${name}`);
    } else await drop();
  }
  return rows;
}

async function openEmbedded() {
  const database = await openDatabase({});
  await prepareDatabase(database, log);
  return { database, drop: () => database.close() };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  await runDemoLoadBench({
    postgresUrl: option('--only') === 'embedded' ? undefined : (process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'),
    members: Number(option('--members') ?? (option('--only') === 'embedded' ? 4200 : 260_000)),
    keep: args.includes('--keep'),
    report: (row) => console.log(`     ${row.engine.padEnd(9)} ${row.name.padEnd(72)} ${String(row.ms).padStart(10)} ms`),
  });
  process.exit(0);
}
