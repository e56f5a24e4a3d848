import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { logRead, verifyAuditChain } from './audit.service.js';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
});
afterAll(() => drop());

const readRows = () =>
  queryRows<{ entity_id: string; after: { what: string } }>(database.db, sql`SELECT entity_id, after FROM audit_log WHERE action = 'read' ORDER BY id`);
const transactions = async () =>
  Number((await queryRows<{ n: string }>(database.db, sql`SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = current_database()`))[0]!.n);

describe('the read log under concurrent requests', () => {
  it('writes every row, each committed before its call returns, on one valid chain', async () => {
    const before = (await readRows()).length;
    const ctx = ctxFor(database);
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        await logRead(ctx, { entity: 'member', entityId: i + 1, what: 'profile' });
        // Resolved means committed: the row is visible to any other reader at once.
        const mine = await queryRows(database.db, sql`SELECT 1 FROM audit_log WHERE action = 'read' AND entity_id = ${String(i + 1)}`);
        expect(mine, `row ${i + 1}`).toHaveLength(1);
      }),
    );
    const rows = (await readRows()).slice(before);
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((r) => r.entity_id)).size).toBe(40);
    expect((await verifyAuditChain(ctx)).ok).toBe(true);
  });

  it('groups concurrent rows into a few transactions (PostgreSQL counts its commits)', async (test) => {
    if (database.kind !== 'postgres') return test.skip();
    const ctx = ctxFor(database);
    const commits = await transactions();
    await Promise.all(Array.from({ length: 50 }, (_, i) => logRead(ctx, { entity: 'member', entityId: 100 + i, what: 'profile' })));
    // The statistics are sent when a backend's transaction ends; a pause lets them arrive.
    await new Promise((r) => setTimeout(r, 700));
    expect(await transactions()).toBeLessThan(commits + 25);
  });

  it('fails only the row the database refuses; the others of its batch are written', async () => {
    const before = (await readRows()).length;
    const ctx = ctxFor(database);
    const results = await Promise.allSettled(['a', 'b\u0000', 'c', 'd'].map((what, i) => logRead(ctx, { entity: 'member', entityId: 200 + i, what })));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const rows = (await readRows()).slice(before);
    expect(rows.map((r) => r.after.what)).toEqual(['a', 'c', 'd']);
    expect((await verifyAuditChain(ctx)).ok).toBe(true);
  });
});
