/**
 * Issue #13: computing every target's progress for the demo bloc ≤ 200 ms on the embedded engine (the dashboard's
 * targets panel: bound targets count their metrics live).
 */
import type { Logger } from 'pino';
import { prepareDatabase, systemCtx } from '../src/server/bootstrap.js';
import { openDatabase } from '../src/server/db/client.js';
import { loadDemo } from '../src/server/domains/demo/demo.service.js';
import { listTargets } from '../src/server/domains/targets/targets.service.js';

export interface TargetsBenchRow {
  engine: string;
  name: string;
  ms: number;
  target: number;
  ok: boolean;
}

export async function runTargetsBench(log: Logger): Promise<TargetsBenchRow[]> {
  const database = await openDatabase({});
  await prepareDatabase(database, log);
  const ctx = systemCtx(database, log);
  await loadDemo(ctx, database, { members: 4200 });
  const clock = { ...ctx, now: () => new Date('2026-11-27T03:00:00Z') };
  const year = 2026;
  for (let i = 0; i < 3; i++) await listTargets(clock, { year });
  const samples: number[] = [];
  let count = 0;
  for (let i = 0; i < 20; i++) {
    const started = process.hrtime.bigint();
    count = (await listTargets(clock, { year })).items.length;
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  await database.close();
  samples.sort((a, b) => a - b);
  const p95 = samples[Math.ceil(0.95 * samples.length) - 1];
  return [{ engine: 'embedded', name: `every target's progress, demo bloc (${count} targets) p95`, ms: +p95.toFixed(1), target: 200, ok: p95 <= 200 }];
}
