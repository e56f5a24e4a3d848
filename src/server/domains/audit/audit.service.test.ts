import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { makeMember, makeTree } from '../../test/factories.js';
import { verifyAuditChain } from './audit.service.js';

// Each test tampers with the chain as it likes: it gets a chain of its own (a tree and one member: 8 rows).
let database: Database;
let drop: () => Promise<void>;
beforeEach(async () => {
  ({ database, drop } = await createTestDatabase());
  const ctx = ctxFor(database);
  const tree = await makeTree(ctx);
  await makeMember(ctx, tree.a1.id);
});
afterEach(() => drop());

/** Tampering needs the append-only trigger out of the way, as an attacker with database access would do. */
async function tamper(statement: ReturnType<typeof sql>) {
  await database.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
  await database.db.execute(statement);
  await database.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
}

describe('verifyAuditChain', () => {
  it('accepts the untouched chain', async () => {
    const report = await verifyAuditChain(ctxFor(database));
    expect(report.ok).toBe(true);
    expect(report.checked).toBe(8);
  });

  it('is protected by the database against updates', async () => {
    await expect(database.db.execute(sql`UPDATE audit_log SET reason = 'x' WHERE id = 3`)).rejects.toThrow();
  });

  it('reports the first altered row', async () => {
    await tamper(sql`UPDATE audit_log SET reason = 'đã sửa' WHERE id = 5`);
    const report = await verifyAuditChain(ctxFor(database));
    expect(report).toMatchObject({ ok: false, checked: 4, firstProblem: { id: 5, problem: 'altered' } });
  });

  it('reports a removed row at the row after it', async () => {
    await tamper(sql`DELETE FROM audit_log WHERE id = 2`);
    const report = await verifyAuditChain(ctxFor(database));
    expect(report).toMatchObject({ ok: false, checked: 1, firstProblem: { id: 3, problem: 'missing_before' } });
  });
});
