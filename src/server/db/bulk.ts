import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import * as schema from './schema.js';
import type { Database, Db, Tx } from './client.js';

type Cell = string | number | boolean | null | object;

export interface BulkWriter {
  /** A Drizzle handle on the same transaction, for ordinary queries and the audit trail. */
  db: Tx;
  insert(table: string, columns: string[], rows: Cell[][]): Promise<void>;
}

/** COPY's text format: backslash, tab and newline escaped; null as \N; objects as JSON. */
function copyField(value: Cell): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

const columnList = (columns: string[]) => columns.map((c) => `"${c}"`).join(', ');

/**
 * Runs a bulk load in one transaction: all of it commits or none of it does. Rows carry explicit ids (the
 * loader assigns them, so it can link rows without reading them back). PostgreSQL gets COPY, the fastest
 * load; the embedded engine gets multi-row INSERTs.
 */
export async function withBulkWriter<T>(database: Database, work: (writer: BulkWriter) => Promise<T>): Promise<T> {
  if (database.kind === 'postgres' && database.pool) {
    const client = await database.pool.connect();
    try {
      await client.query('BEGIN');
      const db = drizzlePg(client, { schema }) as unknown as Tx;
      // A transaction already (context.ts isTransaction): work on it joins it, and its reads run one at a time. // dues
      (db as unknown as { __isTx: boolean }).__isTx = true;
      const result = await work({ db, insert: (table, columns, rows) => copyRows(client, table, columns, rows) });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
  return (database.db as Db).transaction(async (tx) => {
    const db = tx as unknown as Tx;
    return work({ db, insert: (table, columns, rows) => insertRows(db, table, columns, rows) });
  });
}

async function insertRows(db: Tx, table: string, columns: string[], rows: Cell[][]): Promise<void> {
  const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const values = sql.join(
      chunk.map(
        (row) =>
          sql`(${sql.join(
            row.map((v) => (v !== null && typeof v === 'object' ? sql`${JSON.stringify(v)}::jsonb` : sql`${v}`)),
            sql`, `,
          )})`,
      ),
      sql`, `,
    );
    await db.execute(sql`INSERT INTO ${sql.identifier(table)} (${sql.raw(columnList(columns))}) OVERRIDING SYSTEM VALUE VALUES ${values}`);
  }
}

async function copyRows(client: pg.PoolClient, table: string, columns: string[], rows: Cell[][]): Promise<void> {
  if (rows.length === 0) return;
  const stream = client.query(copyFrom(`COPY "${table}" (${columnList(columns)}) FROM STDIN`));
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
    stream.end(rows.map((row) => row.map(copyField).join('\t')).join('\n') + '\n');
  });
}

/** After explicit ids, the identity sequence must continue past them. */
export async function syncIdentity(db: Tx, table: string): Promise<void> {
  await db.execute(sql.raw(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce((SELECT max(id) FROM "${table}"), 0) + 1, false)`));
}

export async function nextId(db: Tx, table: string): Promise<number> {
  const result = (await db.execute(sql.raw(`SELECT coalesce(max(id), 0) + 1 AS n FROM "${table}"`))) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0].n);
}
