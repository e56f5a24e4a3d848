import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../db/client.js';
import { sql } from 'drizzle-orm';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { loadDemo } from './demo.service.js';
import { computeMetric } from '../metrics/metrics.service.js';
import { listAttention } from '../radar/radar.service.js';

const TODAY = '2026-11-27';
let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  await loadDemo(ctxFor(database), database, { members: 600, today: TODAY });
}, 240_000);
afterAll(() => drop());

describe('the demo bloc’s party life (study)', () => {
  const ctx = () => ctxFor(database, undefined, () => new Date(`${TODAY}T03:00:00Z`));

  it('has the seed article’s 7 thematic resolutions and (up to) 14 committees re-formed or supplemented this year', async () => {
    expect((await computeMetric(ctx(), 'thematic_resolutions', { from: '2026-01-01', to: TODAY })).total).toBe(7);
    // A small bloc (600 members) has fewer grassroots organisations than 14: all of them then.
    const [grassroots] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM orgs WHERE kind IN ('grassroots_committee', 'grassroots_cell')`,
    );
    expect((await computeMetric(ctx(), 'committee_reform_orgs', { from: '2026-01-01', to: TODAY })).total).toBe(Math.min(14, grassroots.n));
  });

  it('shows a study coverage near but under 100%, and a few organisations without a secretary', async () => {
    const coverage = await computeMetric(ctx(), 'study_coverage', { from: '2026-01-01', to: TODAY });
    const part = (key: string) => coverage.parts.find((p) => p.key === key)?.value ?? 0;
    expect(part('session')).toBeGreaterThan(0);
    expect(part('self')).toBeGreaterThan(0);
    expect(part('not_yet')).toBeGreaterThan(0);
    expect(part('session') / coverage.total).toBeGreaterThan(0.8);
    const radar = (await listAttention(ctx(), {})).items.filter((i) => i.kind === 'no_secretary');
    expect(radar.length).toBeGreaterThan(0);
    expect(radar.length).toBeLessThan(30);
  });
});
