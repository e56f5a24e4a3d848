/**
 * Inspection and discipline (issue #12): the nine figures of inspection and discipline (organisations and members
 * inspected and supervised, cases concluded with violations, sanctions by form and by subject kind, members disciplined,
 * appeals by outcome) for a year, computed together as the dashboard and a report read them.
 *   embedded, demo bloc (4,200 members): the nine figures p95 ≤ 300 ms, for the admin and for the bloc committee's
 *   inspection staff (their sight is one handling organisation); the records behind sanctions by form ≤ 100 ms.
 *   PostgreSQL, a province (`--members`, default 260,000): the nine figures p95 ≤ 1 s, for the admin and for a
 *   committee's inspection staff.
 * Targets: a dashboard of figures is read in ≤ 1 s on the server, the embedded bloc in a third of that.
 */
import pino from 'pino';
import { prepareDatabase, systemCtx } from '../src/server/bootstrap.js';
import type { Ctx } from '../src/server/context.js';
import { openDatabase, queryOne, sql, type Database } from '../src/server/db/client.js';
import { createScratchDatabase } from '../src/server/db/scratch-database.js';
import { loadDemo } from '../src/server/domains/demo/demo.service.js';
import { computeMetric, metricRecords } from '../src/server/domains/metrics/metrics.service.js';

export interface InspectionBenchRow {
  engine: 'embedded' | 'postgres';
  name: string;
  runs: number;
  p50: number;
  p95: number;
  target: number;
  ok: boolean;
}

const log = pino({ level: 'silent' });
const TODAY = '2026-11-27';
const FIGURES = [
  'inspected_orgs',
  'inspected_members',
  'supervised_orgs',
  'supervised_members',
  'inspection_cases_with_violations',
  'member_sanctions_by_form',
  'sanctions_by_subject_kind',
  'sanctions_by_form',
  'appeals_by_outcome',
];
const year = { from: '2026-01-01', to: TODAY };

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(
  engine: InspectionBenchRow['engine'],
  name: string,
  target: number,
  runs: number,
  work: () => Promise<unknown>,
): Promise<InspectionBenchRow> {
  for (let i = 0; i < 3; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await work();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const p95 = percentile(samples, 95);
  return { engine, name, runs, p50: +percentile(samples, 50).toFixed(2), p95: +p95.toFixed(2), target, ok: p95 <= target };
}

/** The committee handling the most cases, and a context of its inspection staff (sight: that organisation only). */
async function inspectionStaffOf(ctx: Ctx): Promise<{ staff: Ctx; cases: number }> {
  const top = await queryOne<{ id: number; path: string; n: number }>(
    ctx.db,
    sql`SELECT o.id, o.path, count(*)::int AS n FROM inspection_cases c JOIN orgs o ON o.id = c.handling_org_id GROUP BY o.id, o.path ORDER BY n DESC, o.id LIMIT 1`,
  );
  if (!top) throw new Error('the demo has no inspection cases');
  const staff: Ctx = {
    ...ctx,
    actor: { userId: null, name: 'Cán bộ kiểm tra', role: 'inspection_staff', scope: { kind: 'subtree', orgId: top.id, path: top.path } },
  };
  return { staff, cases: top.n };
}

/** All nine figures, one after another (as a report reads them); checks that they found records. */
async function nineFigures(ctx: Ctx): Promise<number> {
  let total = 0;
  for (const name of FIGURES) total += (await computeMetric(ctx, name, year)).total;
  return total;
}

async function figures(database: Database, engine: InspectionBenchRow['engine'], target: number, runs: number): Promise<InspectionBenchRow[]> {
  const base = systemCtx(database, log);
  const ctx: Ctx = { ...base, actor: { ...base.actor, role: 'admin' }, now: () => new Date(`${TODAY}T03:00:00Z`) };
  const { staff, cases } = await inspectionStaffOf(ctx);
  const counted = await nineFigures(ctx);
  if (counted === 0) throw new Error('the figures of inspection and discipline count nothing');
  const rows = [
    await measure(engine, `9 inspection/discipline figures, admin (${counted} counted)`, target, runs, () => nineFigures(ctx)),
    await measure(engine, `9 figures, a committee's inspection staff (${cases} cases)`, target, runs, () => nineFigures(staff)),
  ];
  if (engine === 'embedded')
    rows.push(
      await measure(engine, 'records behind sanctions by form (page of 50)', 100, runs, () =>
        metricRecords(ctx, 'sanctions_by_form', { ...year, page: 1, pageSize: 50 }),
      ),
    );
  return rows;
}

export async function runInspectionBench(options: { only?: 'embedded' | 'postgres'; postgresUrl: string; members: number }): Promise<InspectionBenchRow[]> {
  const rows: InspectionBenchRow[] = [];
  if (options.only !== 'postgres') {
    const database = await openDatabase({});
    await prepareDatabase(database, log);
    await loadDemo(systemCtx(database, log), database, { members: 4200, today: TODAY });
    rows.push(...(await figures(database, 'embedded', 300, 30)));
    await database.close();
  }
  if (options.only !== 'embedded') {
    const { database, drop } = await createScratchDatabase(options.postgresUrl, 'dangvu_bench_inspection', (db) => prepareDatabase(db, log));
    try {
      await loadDemo(systemCtx(database, log), database, { members: options.members, dues: false, today: TODAY });
      await database.db.execute(sql`VACUUM ANALYZE`);
      rows.push(...(await figures(database, 'postgres', 1000, 20)));
    } finally {
      await drop();
    }
  }
  return rows;
}

// `npx tsx bench/inspection.bench.ts [--only embedded|postgres] [--members N]`: this bench alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const only = option('only');
  const rows = await runInspectionBench({
    only: only === 'embedded' || only === 'postgres' ? only : undefined,
    postgresUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    members: Number(option('members') ?? 260_000),
  });
  for (const row of rows)
    console.log(
      `${row.ok ? 'ok  ' : 'SLOW'} ${row.engine.padEnd(9)} ${row.name.padEnd(56)} p50 ${String(row.p50).padStart(8)} ms  p95 ${String(row.p95).padStart(8)} ms  (target ≤ ${row.target} ms)`,
    );
  process.exit(0);
}
