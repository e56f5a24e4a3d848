import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryOne, type Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { loadDemo } from './demo.service.js';
import { getDuesStatement, listDuesArrears } from '../dues/dues.service.js';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  await loadDemo(ctxFor(database), database, { members: 400, seed: 11 });
});
afterAll(() => drop());

describe('demo dues', () => {
  it('loads a year of dues with some arrears, exemptions and reductions, and a few badges; the statement reconciles', async () => {
    const ctx = ctxFor(database, undefined, () => new Date('2026-11-27T03:00:00Z'));
    const counts = await queryOne<{ payments: number; exempt: number; reliefs: number; awards: number; months: number }>(
      database.db,
      sql`SELECT (SELECT count(*)::int FROM dues_payments) AS payments, (SELECT count(*)::int FROM dues_payments WHERE exempt) AS exempt,
                 (SELECT count(*)::int FROM dues_reliefs) AS reliefs, (SELECT count(*)::int FROM badge_awards) AS awards,
                 (SELECT count(DISTINCT month)::int FROM dues_payments) AS months`,
    );
    expect(counts!.months).toBe(12);
    expect(counts!.payments).toBeGreaterThan(3000);
    expect(counts!.reliefs).toBeGreaterThan(0);
    expect(counts!.awards).toBeGreaterThan(0);
    const root = await queryOne<{ id: number }>(database.db, sql`SELECT id FROM orgs WHERE parent_id IS NULL ORDER BY id LIMIT 1`);
    const arrears = await listDuesArrears(ctx, root!.id, 2026);
    expect(arrears.items.some((i) => i.forConsideration)).toBe(true);
    const statement = await getDuesStatement(ctx, root!.id, { year: 2026 });
    const paid = await queryOne<{ total: string }>(
      database.db,
      sql`SELECT sum(paid_amount)::text AS total FROM dues_payments WHERE paid AND month LIKE '2026-%'`,
    );
    expect(statement.totals.collected).toBe(Number(paid!.total));
    expect(statement.totals.collected).toBe(statement.totals.kept + statement.totals.passedUp);
  });
});
