/**
 * Issue #15: every figure of the year's report for the demo bloc ≤ 300 ms on the embedded engine (the editor's
 * figures panel, live, with last year's values). Freezing them with their records (issuing) is measured alongside,
 * without a target.
 */
import pino, { type Logger } from 'pino';
import { prepareDatabase, systemCtx } from '../src/server/bootstrap.js';
import { openDatabase, queryOne, sql } from '../src/server/db/client.js';
import { createScratchDatabase } from '../src/server/db/scratch-database.js';
import { loadDemo } from '../src/server/domains/demo/demo.service.js';
import { createReport, getReport, issueReport, reviewReport } from '../src/server/domains/reports/reports.service.js';

export interface ReportsBenchRow {
  engine: string;
  name: string;
  ms: number;
  target: number | null;
  ok: boolean;
}

export async function runReportsBench(log: Logger): Promise<ReportsBenchRow[]> {
  const database = await openDatabase({});
  await prepareDatabase(database, log);
  const ctx = systemCtx(database, log);
  await loadDemo(ctx, database, { members: 4200 });
  const clock = { ...ctx, now: () => new Date('2026-11-27T03:00:00Z') };
  const root = (await queryOne<{ id: number }>(ctx.db, sql`SELECT id FROM orgs WHERE parent_id IS NULL ORDER BY id LIMIT 1`))!;
  const report = await createReport(clock, { orgId: root.id, year: 2026, place: 'Hòa Bình', signerTitle: 'BÍ THƯ', signerName: '', recipients: [] });
  for (let i = 0; i < 3; i++) await getReport(clock, report.id);
  const samples: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = process.hrtime.bigint();
    await getReport(clock, report.id);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const p95 = samples[Math.ceil(0.95 * samples.length) - 1];
  const reviewed = await reviewReport(clock, report.id, { version: report.version });
  const started = process.hrtime.bigint();
  const issued = await issueReport(clock, report.id, { number: 1, issuerCode: 'ĐUK', issuedOn: '2026-11-27', version: reviewed.version });
  const issueMs = Number(process.hrtime.bigint() - started) / 1e6;
  await database.close();
  return [
    { engine: 'embedded', name: `report: all ${report.figures.length} figures, demo bloc p95`, ms: +p95.toFixed(1), target: 300, ok: p95 <= 300 },
    { engine: 'embedded', name: `report: issue (figures + record ids, ${issued.figures.length})`, ms: +issueMs.toFixed(1), target: null, ok: true },
  ];
}

const p95Of = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.ceil(0.95 * samples.length) - 1]!;

async function timeIt(run: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Issue #15 on PostgreSQL: every figure of the year's report for a province (the demo generator's province of
 * `members` members, with its year of meetings, study, inspection and discipline cases and the last rating round)
 * ≤ 2 s, live with last year's values; issuing it (figures and the record ids behind every part) is measured alongside,
 * without a target.
 */
export async function runReportsProvinceBench(options: { postgresUrl: string; members: number }): Promise<ReportsBenchRow[]> {
  const log = pino({ level: 'silent' });
  const { database, drop } = await createScratchDatabase(options.postgresUrl, 'dangvu_bench_reports', (db) => prepareDatabase(db, log));
  const rows: ReportsBenchRow[] = [];
  try {
    const ctx = { ...systemCtx(database, log), now: () => new Date('2026-11-27T03:00:00Z') };
    const loadMs = await timeIt(() => loadDemo(ctx, database, { members: options.members, dues: false, portal: false, reports: false }));
    rows.push({
      engine: 'postgres',
      name: `load a province of ${options.members.toLocaleString('vi-VN')} members`,
      ms: +loadMs.toFixed(0),
      target: null,
      ok: true,
    });
    await database.db.execute(sql`VACUUM ANALYZE`);
    const root = (await queryOne<{ id: number }>(ctx.db, sql`SELECT id FROM orgs WHERE parent_id IS NULL ORDER BY id LIMIT 1`))!;
    const report = await createReport(ctx, { orgId: root.id, year: 2026, place: 'Hòa Bình', signerTitle: 'BÍ THƯ', signerName: '', recipients: [] });
    const members = report.figures.find((f) => f.key === 'members')!;
    console.log(`     reports: province report over ${members.total.toLocaleString('vi-VN')} members, ${report.figures.length} figures`);
    await getReport(ctx, report.id);
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) samples.push(await timeIt(() => getReport(ctx, report.id)));
    const p95 = p95Of(samples);
    rows.push({ engine: 'postgres', name: `report: all ${report.figures.length} figures, province p95`, ms: +p95.toFixed(1), target: 2000, ok: p95 <= 2000 });
    const reviewed = await reviewReport(ctx, report.id, { version: report.version });
    const issueMs = await timeIt(() => issueReport(ctx, report.id, { number: 1, issuerCode: 'TU', issuedOn: '2026-11-27', version: reviewed.version }));
    rows.push({ engine: 'postgres', name: 'report: issue a province report (figures + record ids)', ms: +issueMs.toFixed(1), target: null, ok: true });
  } finally {
    await drop();
  }
  return rows;
}
