import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema>;
/** Queries take either: a service decides where the transaction starts. */
export type DbOrTx = Db | Tx;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** The embedded engine, for backups of its data folder. */
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
}

export interface DatabaseConfig {
  /** A PostgreSQL connection string; without it the embedded database is used. */
  url?: string;
  /** The embedded database's folder; without it, an in-memory database (tests). */
  dataDir?: string;
  /** Told when the server ends an idle PostgreSQL connection (logged by the server; ignored in tests). */
  onIdleError?: (error: Error) => void;
}

// Dates stay 'YYYY-MM-DD' strings and int8 stays exact: no time zone or float can alter a record.
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (v) => v);

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.url) {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    // An idle connection that the server ends (restart, failover, a dropped test database) must not kill the
    // process: the pool discards it and opens a new one on the next query.
    pool.on('error', (error) => config.onIdleError?.(error));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return { db, kind: 'postgres', pool, close: () => pool.end() };
  }
  const pglite = await PGlite.create({
    dataDir: config.dataDir,
    // PostgreSQL's default 128 MB of shared buffers is reserved in the WebAssembly heap and never given back; the
    // data files are read through the operating system, whose page cache serves the rest. Measured on the demo
    // bloc: 128 MB → 32 MB took ~110 MB off the resident size with no change in the list and search timings; 32 → 16 MB
    // another ~40 MB (idle 357 → 320 MB, after the list and search load 390 → 331 MB, `npm run bench`, 2026-12-04).
    postgresqlconf: ['shared_buffers=16MB'],
    extensions: { unaccent, pg_trgm },
    parsers: { [DATE_OID]: (v: string) => v },
  });
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return { db, kind: 'pglite', pglite, close: () => pglite.close() };
}

/** Rows of a raw query, whichever driver ran it (both return `{ rows }`). */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function queryOne<T>(db: DbOrTx, query: SQL): Promise<T | undefined> {
  return (await queryRows<T>(db, query))[0];
}

/** The cheapest round trip: does the database answer? */
export async function pingDatabase(db: DbOrTx): Promise<void> {
  await db.execute(sql`SELECT 1`);
}

export { sql };
