/**
 * Issue #15: every figure of the year's report for the demo bloc ≤ 300 ms on the embedded engine (the editor's
 * figures panel, live, with last year's values). Freezing them with their records (issuing) is measured alongside,
 * without a target.
 */
import type { Logger } from 'pino';
import { prepareDatabase, systemCtx } from '../src/server/bootstrap.js';
import { openDatabase, queryOne, sql } from '../src/server/db/client.js';
import { loadDemo } from '../src/server/domains/demo/demo.service.js';
import { createReport, getReport, issueReport } from '../src/server/domains/reports/reports.service.js';

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
  const started = process.hrtime.bigint();
  const issued = await issueReport(clock, report.id, { number: 1, issuerCode: 'ĐUK', issuedOn: '2026-11-27', version: report.version });
  const issueMs = Number(process.hrtime.bigint() - started) / 1e6;
  await database.close();
  return [
    { engine: 'embedded', name: `report: all ${report.figures.length} figures, demo bloc p95`, ms: +p95.toFixed(1), target: 300, ok: p95 <= 300 },
    { engine: 'embedded', name: `report: issue (figures + record ids, ${issued.figures.length})`, ms: +issueMs.toFixed(1), target: null, ok: true },
  ];
}
