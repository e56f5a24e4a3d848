/**
 * Meetings (issue #11): the compliance table and recording a held meeting.
 *   embedded, demo bloc: compliance table for the whole bloc p95 ≤ 300 ms; recording a meeting with 60 attendees ≤ 100 ms.
 *   PostgreSQL, a province (opt-in, bench/province.bench.ts: ≈260,000 members, ≈2,200 grassroots organisations,
 *   12 months, ≈3 million attendance rows): compliance table for the province p95 ≤ 1 s.
 *   study (no target in the issue; the same bounds as the compliance table): coverage of the bloc's widest requirement
 *   (every member under the upper committee, as of its deadline) and the `study_coverage` metric for the year.
 * Standalone (the embedded bloc): `npx tsx bench/meetings.bench.ts`.
 * The province's meetings are generated in SQL inside the database (INSERT … SELECT over the loaded tree), so the
 * generator scales with the province's size.
 */
import pino from 'pino';
import { prepareDatabase, systemCtx } from '../src/server/bootstrap.js';
import type { Ctx } from '../src/server/context.js';
import { openDatabase, queryOne, sql, type Database } from '../src/server/db/client.js';
import { loadDemo } from '../src/server/domains/demo/demo.service.js';
import { createMember } from '../src/server/domains/members/members.service.js';
import { complianceTable, planMeeting, recordHeld } from '../src/server/domains/meetings/meetings.service.js';
import { createOrg } from '../src/server/domains/orgs/orgs.service.js';
import { requirementCoverage } from '../src/server/domains/study/study.service.js';
import { computeMetric } from '../src/server/domains/metrics/metrics.service.js';
import { insertDemoMeetings } from '../src/server/domains/demo/demo-meetings.queries.js';
import { DEFAULT_SEED } from '../src/server/domains/demo/demo.generator.js';
import { load, type Province } from './province.bench.js';
import { pathToFileURL } from 'node:url';

export interface MeetingsBenchRow {
  engine: 'embedded' | 'postgres';
  name: string;
  runs?: number;
  p50?: number;
  p95?: number;
  ms?: number;
  target: number;
  ok: boolean;
}

const log = pino({ level: 'silent' });
const TODAY = '2026-11-27';
const at = (ctx: Ctx): Ctx => ({ ...ctx, now: () => new Date(`${TODAY}T03:00:00Z`) });

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function measure(engine: MeetingsBenchRow['engine'], name: string, target: number, runs: number, work: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await work(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await timed(() => work(i)));
  const p95 = percentile(samples, 95);
  return { engine, name, runs, p50: +percentile(samples, 50).toFixed(2), p95: +p95.toFixed(2), target, ok: p95 <= target };
}

/** A cell of 60 members, then meetings recorded held with all 60 on the list (only the recording is timed). */
async function recordingSixty(ctx: Ctx, engine: MeetingsBenchRow['engine']): Promise<MeetingsBenchRow> {
  const parent = await queryOne<{ id: number }>(ctx.db, sql`SELECT id FROM orgs WHERE kind = 'grassroots_committee' ORDER BY id LIMIT 1`);
  const cell = await createOrg(ctx, {
    code: `BENCH-${Date.now()}`,
    name: 'Chi bộ đo hiệu năng',
    kind: 'cell',
    unitType: null,
    parentId: parent!.id,
    foundingDecision: { number: '1-QĐ/ĐU', date: '2020-01-02', issuer: 'Đảng ủy' },
  });
  const ids: number[] = [];
  for (let i = 0; i < 60; i++) {
    const member = await createMember(ctx, {
      fullName: `Nguyễn Văn Đo ${i}`,
      gender: 'male',
      birthDate: '1985-01-01',
      placeOfOrigin: null,
      residence: null,
      nationalId: null,
      cardNumber: null,
      orgId: cell.id,
      status: 'full',
      admittedOn: '2010-01-01',
      confirmedOn: '2011-01-01',
      decision: { number: `${i + 1}-QĐ/ĐU`, date: '2015-01-01', issuer: 'Đảng ủy' },
      confirmDuplicate: true,
    } as Parameters<typeof createMember>[1]);
    ids.push(member.id);
  }
  const planned: { id: number; version: number }[] = [];
  for (let i = 0; i < 28; i++)
    planned.push(await planMeeting(ctx, { orgId: cell.id, kind: 'extraordinary', meetingOn: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}` }));
  const attendance = ids.map((memberId, k) => ({
    memberId,
    status: (k % 10 === 0 ? 'excused' : 'present') as 'present' | 'excused',
    reason: k % 10 === 0 ? 'Đi công tác' : undefined,
  }));
  return measure(engine, 'record a held meeting with 60 attendees', 100, 25, (i) => {
    const p = planned[i < 0 ? -1 - i : 3 + i]!;
    return recordHeld(ctx, p.id, { version: p.version, attendance });
  });
}

async function complianceRuns(ctx: Ctx, engine: MeetingsBenchRow['engine'], name: string, target: number, runs: number) {
  return measure(engine, name, target, runs, () => complianceTable(ctx, { year: 2026 }));
}

/** Study: the requirement with the most members under it (the bloc's own documents), and the year's coverage metric. */
async function studyRuns(ctx: Ctx, engine: MeetingsBenchRow['engine'], target: number, runs: number): Promise<MeetingsBenchRow[]> {
  const widest = await queryOne<{ id: number }>(
    ctx.db,
    sql`SELECT r.id FROM study_requirements r JOIN orgs o ON o.id = r.org_id ORDER BY length(o.path), r.deadline, r.id LIMIT 1`,
  );
  if (!widest) return [];
  return [
    await measure(engine, 'study coverage of one requirement, whole bloc', target, runs, () => requirementCoverage(ctx, widest.id, {})),
    await measure(engine, 'study_coverage metric, the year', target, runs, () => computeMetric(ctx, 'study_coverage', { from: '2026-01-01', to: TODAY })),
  ];
}

async function sizeLine(database: Database) {
  const row = await queryOne<{ g: number; c: number; m: number; a: number }>(
    database.db,
    sql`SELECT (SELECT count(*)::int FROM orgs WHERE kind IN ('grassroots_committee', 'grassroots_cell')) AS g,
               (SELECT count(*)::int FROM orgs WHERE kind IN ('cell', 'grassroots_cell')) AS c,
               (SELECT count(*)::int FROM meetings) AS m, (SELECT count(*)::int FROM meeting_attendance) AS a`,
  );
  return `${row!.g} grassroots organisations, ${row!.c} cells, ${row!.m} meetings, ${row!.a} attendance rows`;
}

/** The embedded demo bloc (always run); the province on PostgreSQL is `runMeetingsProvinceBench` (opt-in, bench/province.bench.ts). */
export async function runMeetingsBench(options: { only?: 'embedded' | 'postgres' }): Promise<MeetingsBenchRow[]> {
  const rows: MeetingsBenchRow[] = [];
  if (options.only !== 'postgres') {
    const database = await openDatabase({});
    await prepareDatabase(database, log);
    const ctx = at(systemCtx(database, log));
    await loadDemo(ctx, database, { members: 4200 });
    console.log(`     meetings, demo bloc: ${await sizeLine(database)}`);
    rows.push(await complianceRuns(ctx, 'embedded', 'meeting compliance table, demo bloc', 300, 30));
    rows.push(await recordingSixty(ctx, 'embedded'));
    rows.push(...(await studyRuns(ctx, 'embedded', 300, 20)));
    await database.close();
  }
  return rows;
}

/**
 * The province (bench/province.bench.ts): a year of meetings with attendance generated in SQL over its tree
 * (demo-meetings.queries.ts), then the compliance table p95 ≤ 1 s and recording a meeting with 60 attendees.
 */
export async function runMeetingsProvinceBench({ database, ctx, members }: Province): Promise<MeetingsBenchRow[]> {
  const ms = await timed(() => insertDemoMeetings(ctx.db, { today: TODAY, seed: DEFAULT_SEED }));
  await database.db.execute(sql`VACUUM ANALYZE`);
  console.log(
    `     meetings, province (${members.toLocaleString('vi-VN')} members): ${await sizeLine(database)}, generated in ${Math.round(ms)} ms (load ${load()})`,
  );
  const rows: MeetingsBenchRow[] = [];
  const compliance = await complianceRuns(ctx, 'postgres', `meetings: compliance table for the province`, 1000, 10);
  rows.push({ ...compliance, name: `${compliance.name} (load ${load()})` });
  const recording = await recordingSixty(ctx, 'postgres');
  rows.push({ ...recording, name: `meetings: ${recording.name} (load ${load()})` });
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const only = option('--only');
  const rows = await runMeetingsBench({ only: only === 'embedded' || only === 'postgres' ? only : undefined });
  for (const row of rows)
    console.log(
      `${row.ok ? 'ok  ' : 'SLOW'} ${row.engine.padEnd(9)} ${row.name.padEnd(56)} p50 ${String(row.p50).padStart(8)} ms  p95 ${String(row.p95).padStart(8)} ms  (≤ ${row.target} ms)`,
    );
  process.exit(0);
}
