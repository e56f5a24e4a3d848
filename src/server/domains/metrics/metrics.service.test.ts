import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, type Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { officialOf } from '../../test/factories.js';
import { loadDemo } from '../demo/demo.service.js';
import { computeMetric, listMetrics, metricRecords } from './metrics.service.js';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  await loadDemo(ctxFor(database), database, { members: 1200, seed: 7 });
});
afterAll(() => drop());

const count = async (query: ReturnType<typeof sql>) => (await queryOne<{ n: number }>(database.db, query))!.n;

describe('metrics on the demo bloc', () => {
  it('counts active members independently of the metric and matches its total', async () => {
    const ctx = ctxFor(database);
    const direct = await count(sql`SELECT count(*)::int AS n FROM members WHERE status IN ('probationary', 'full')`);
    for (const name of ['members_by_status', 'members_by_unit_type', 'members_by_gender', 'members_by_age_band', 'members_by_theory_level']) {
      const metric = await computeMetric(ctx, name, {});
      expect(metric.total, name).toBe(direct);
      expect(
        metric.parts.reduce((s, p) => s + p.value, 0),
        name,
      ).toBe(metric.total);
    }
  });

  it('counts grassroots organisations by kind and unit type, matching a direct count', async () => {
    const metric = await computeMetric(ctxFor(database), 'grassroots_by_kind_and_unit_type', {});
    expect(metric.total).toBe(await count(sql`SELECT count(*)::int AS n FROM orgs WHERE kind IN ('grassroots_committee', 'grassroots_cell') AND active`));
    const committeesAdmin = metric.parts.find((p) => p.key === 'grassroots_committee:administrative')!;
    expect(committeesAdmin.value).toBe(
      await count(sql`SELECT count(*)::int AS n FROM orgs WHERE kind = 'grassroots_committee' AND unit_type = 'administrative'`),
    );
  });

  it('lists exactly the records behind each part', async () => {
    const ctx = ctxFor(database);
    const metric = await computeMetric(ctx, 'members_by_age_band', {});
    for (const part of metric.parts) {
      const page = await metricRecords(ctx, 'members_by_age_band', { key: part.key, page: 1, pageSize: 500 });
      expect(page.total, part.key).toBe(part.value);
      expect(page.items.length).toBe(Math.min(500, part.value));
    }
  });

  it('counts the year’s admissions from the events, with the records behind them', async () => {
    const ctx = ctxFor(database);
    const metric = await computeMetric(ctx, 'membership_changes', { from: '2022-01-01', to: '2022-12-31' });
    const admissions = metric.parts.find((p) => p.key === 'admission')!.value;
    expect(admissions).toBe(
      await count(sql`SELECT count(*)::int AS n FROM membership_events WHERE kind = 'admission' AND occurred_on BETWEEN '2022-01-01' AND '2022-12-31'`),
    );
    expect(admissions).toBeGreaterThan(0);
    const records = await metricRecords(ctx, 'membership_changes', { key: 'admission', from: '2022-01-01', to: '2022-12-31', page: 1, pageSize: 50 });
    expect(records.total).toBe(admissions);
    expect(records.items.every((r) => String(r.occurredOn).startsWith('2022'))).toBe(true);
  });

  it('stands on a past date: members admitted later are not counted then', async () => {
    const ctx = ctxFor(database);
    const then = await computeMetric(ctx, 'members_by_status', { date: '2020-01-01' });
    const direct = await count(sql`
      SELECT count(*)::int AS n FROM membership_periods
      WHERE valid_from <= '2020-01-01' AND (valid_to IS NULL OR valid_to > '2020-01-01') AND status IN ('probationary', 'full')`);
    expect(then.total).toBe(direct);
    expect(then.total).toBeLessThan((await computeMetric(ctx, 'members_by_status', {})).total);
  });

  it('narrows to an official’s subtree', async () => {
    const ctx = ctxFor(database);
    const grassroots = (await queryOne<{ id: number; path: string }>(
      database.db,
      sql`SELECT id, path FROM orgs WHERE kind = 'grassroots_committee' ORDER BY id LIMIT 1`,
    ))!;
    const official = ctxFor(database, await officialOf(ctx, grassroots.id));
    const scoped = await computeMetric(official, 'members_by_status', {});
    expect(scoped.total).toBe(
      await count(sql`SELECT count(*)::int AS n FROM members WHERE org_path LIKE ${`${grassroots.path}%`} AND status IN ('probationary','full')`),
    );
    expect(scoped.total).toBeLessThan((await computeMetric(ctx, 'members_by_status', {})).total);
  });

  it('names every metric it offers', () => {
    expect(listMetrics(ctxFor(database)).map((m) => m.name)).toEqual(
      expect.arrayContaining(['members_by_status', 'grassroots_by_kind_and_unit_type', 'membership_changes']),
    );
  });
});
