import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryOne, type Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { loadDemo } from './demo.service.js';
import { computeMetric } from '../metrics/metrics.service.js';
import { listCases } from '../inspection/inspection.service.js';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  await loadDemo(ctxFor(database), database, {});
}, 600_000);
afterAll(() => drop());

describe('the demo year of inspection', () => {
  it('has the seed article’s bloc inspect 71 organisations and 73 members, with plans, steps and open cases', async () => {
    const ctx = ctxFor(database);
    const bloc = await queryOne<{ id: number }>(database.db, sql`SELECT id FROM orgs WHERE kind = 'upper' AND name LIKE 'Đảng bộ Khối các cơ quan%'`);
    const year = { from: '2026-01-01', to: '2026-12-31', orgId: bloc!.id };
    const orgs = await computeMetric(ctx, 'inspected_orgs', year);
    const members = await computeMetric(ctx, 'inspected_members', year);
    expect(orgs.total).toBe(71);
    expect(members.total).toBe(73);
    expect(orgs.parts.reduce((s, p) => s + p.value, 0)).toBe(71);
    expect((await computeMetric(ctx, 'supervised_orgs', year)).total).toBeGreaterThan(0);
    expect((await computeMetric(ctx, 'inspection_cases_with_violations', year)).total).toBeGreaterThan(0);
    const open = await listCases(ctx, { state: 'open', page: 1, pageSize: 5 });
    expect(open.total).toBeGreaterThan(0);
    const steps = await queryOne<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM inspection_case_steps`);
    expect(steps!.n).toBeGreaterThan(4 * 71);
  });
});
