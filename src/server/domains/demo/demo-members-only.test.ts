import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryOne, type Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { loadDemo } from './demo.service.js';
import { loadDemoDuesOnly } from './demo-dues.service.js';
import { getDuesStatement } from '../dues/dues.service.js';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
});
afterAll(() => drop());

describe('demo members only (the province benches)', () => {
  it('loads the tree and members without any module’s records; a year of dues added afterwards reconciles', async () => {
    const ctx = ctxFor(database, undefined, () => new Date('2026-11-27T03:00:00Z'));
    const loaded = await loadDemo(ctx, database, { members: 300, seed: 7, membersOnly: true });
    expect(loaded.members).toBeGreaterThan(0);
    const count = (table: string) => queryOne<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`).then((r) => r!.n);
    expect(await count('orgs')).toBe(loaded.orgs);
    for (const table of ['dues_payments', 'meetings', 'committee_terms', 'member_ratings', 'portal_articles']) expect(await count(table)).toBe(0);
    const { payments } = await loadDemoDuesOnly(ctx, database, '2026-11-27');
    expect(await count('dues_payments')).toBe(payments);
    const root = await queryOne<{ id: number }>(database.db, sql`SELECT id FROM orgs WHERE parent_id IS NULL ORDER BY id LIMIT 1`);
    const statement = await getDuesStatement(ctx, root!.id, { year: 2026 });
    const paid = await queryOne<{ total: string }>(
      database.db,
      sql`SELECT sum(paid_amount)::text AS total FROM dues_payments WHERE paid AND month LIKE '2026-%'`,
    );
    expect(statement.totals.collected).toBe(Number(paid!.total));
    expect(statement.totals.collected).toBe(statement.totals.kept + statement.totals.passedUp);
  });
});
