import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { queryOne, sql, type Database } from './client.js';

export const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));

/** One migration folder for both engines; the driver-specific migrator only differs in how it sends SQL. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'postgres') await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder });
  else await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** The tag of the newest applied migration, e.g. `0002_search_and_audit`, or null on an empty database. */
export async function migrationVersion(database: Database): Promise<string | null> {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as Journal;
  const exists = await queryOne<{ present: boolean }>(database.db, sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`);
  if (!exists?.present) return null;
  const row = await queryOne<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
  const applied = row?.n ?? 0;
  return applied === 0 ? null : (journal.entries[applied - 1]?.tag ?? null);
}
