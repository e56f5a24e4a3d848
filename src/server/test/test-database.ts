import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { auditKeyring, setAuditKeyring } from '../domains/audit/audit.anchor.js';
import { systemActor, type Actor, type Ctx } from '../context.js';
import { openDatabase, type Database } from '../db/client.js';
import { prepareDatabase } from '../bootstrap.js';
import { createScratchDatabase } from '../db/scratch-database.js';

/** Which engine this test run uses: the `postgres` vitest project sets TEST_DB_KIND. */
export const testEngine = process.env.TEST_DB_KIND === 'postgres' ? 'postgres' : 'pglite';

const silent = pino({ level: 'silent' });

// Every test process seals its audit rows with a key of its own (no checkpoint file unless a test sets one).
if (!auditKeyring()) setAuditKeyring({ key: randomBytes(32), checkpointFile: null, log: null });

/**
 * A migrated, seeded database of its own for one test file: in-memory PGlite, or a fresh PostgreSQL database
 * (dropped afterwards) under TEST_DATABASE_URL. Tests that tamper with shared state stay isolated this way.
 */
export async function createTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (testEngine === 'pglite') {
    const database = await openDatabase({});
    await prepareDatabase(database, silent);
    return { database, drop: () => database.close() };
  }
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error('TEST_DATABASE_URL is required for the postgres test project');
  return createScratchDatabase(baseUrl, 'dangvu_t', (database) => prepareDatabase(database, silent));
}

export function ctxFor(database: Database, actor: Actor = systemActor, now: () => Date = () => new Date()): Ctx {
  return { db: database.db, dbKind: database.kind, actor, now, log: silent };
}

/** The same context with a clock fixed at 10:00 in Vietnam on `iso`. */
export function clockAt(ctx: Ctx, iso: string): Ctx {
  return { ...ctx, now: () => new Date(`${iso}T03:00:00Z`) };
}
