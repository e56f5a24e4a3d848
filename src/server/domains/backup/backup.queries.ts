import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.js';

export interface TableShape {
  name: string;
  /** Stored columns in their order; generated columns are left out (the database computes them again). */
  columns: string[];
  /** Primary key columns, or every column when there is none: the order rows are read in. */
  orderBy: string[];
  identity: string | null;
  /** Text columns sort byte-wise (COLLATE "C"), so both engines write rows in the same order. */
  textColumns: string[];
}

/** Every table of the application's schema, as the catalog describes it (the migrations' bookkeeping lives elsewhere). */
export async function tableShapes(db: DbOrTx): Promise<TableShape[]> {
  const columns = await queryRows<{ table: string; column: string; identity: string; generated: string; type: string }>(
    db,
    sql`SELECT c.table_name AS "table", c.column_name AS "column", c.is_identity AS identity, c.is_generated AS generated, c.data_type AS type
        FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
        WHERE c.table_schema = 'public'
        ORDER BY c.table_name, c.ordinal_position`,
  );
  const keys = await queryRows<{ table: string; column: string }>(
    db,
    sql`SELECT cl.relname AS "table", a.attname AS "column"
        FROM pg_index i
        JOIN pg_class cl ON cl.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = cl.relnamespace AND n.nspname = 'public'
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
        WHERE i.indisprimary
        ORDER BY cl.relname, array_position(i.indkey::int2[], a.attnum)`,
  );
  const shapes = new Map<string, TableShape>();
  for (const c of columns) {
    const shape = shapes.get(c.table) ?? { name: c.table, columns: [], orderBy: [], identity: null, textColumns: [] };
    if (c.generated === 'NEVER') shape.columns.push(c.column);
    if (c.type === 'text' || c.type === 'character varying') shape.textColumns.push(c.column);
    if (c.identity === 'YES') shape.identity = c.column;
    shapes.set(c.table, shape);
  }
  for (const k of keys) shapes.get(k.table)?.orderBy.push(k.column);
  for (const shape of shapes.values()) if (shape.orderBy.length === 0) shape.orderBy = [...shape.columns];
  return [...shapes.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Opens a cursor over the table in key order, every value as PostgreSQL's own text form: the text
 * COPY and INSERT read back exactly, whichever engine wrote it.
 */
export async function openTableCursor(db: DbOrTx, shape: TableShape): Promise<void> {
  const select = shape.columns.map((c, i) => `${ident(c)}::text AS c${i}`).join(', ');
  const order = shape.orderBy
    .map((c) => (shape.textColumns.includes(c) ? `${ident(c)} COLLATE "C"` : shape.columns.includes(c) ? ident(c) : `${ident(c)}::text COLLATE "C"`))
    .join(', ');
  await db.execute(sql.raw(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT ${select} FROM ${ident(shape.name)} ORDER BY ${order}`));
}

export async function fetchFromCursor(db: DbOrTx, columns: number, count: number): Promise<(string | null)[][]> {
  const rows = await queryRows<Record<string, string | null>>(db, sql.raw(`FETCH ${count} FROM backup_rows`));
  return rows.map((row) => Array.from({ length: columns }, (_, i) => row[`c${i}`] ?? null));
}

export async function closeCursor(db: DbOrTx): Promise<void> {
  await db.execute(sql.raw('CLOSE backup_rows'));
}

export async function rowCount(db: DbOrTx, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql.raw(`SELECT count(*)::int AS n FROM ${ident(table)}`));
  return Number(row.n);
}

/** The snapshot sees one moment of the whole database; dates and times are written in UTC whatever the server's zone. */
export async function beginSnapshot(db: DbOrTx): Promise<void> {
  await db.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
  await db.execute(sql`SET LOCAL TimeZone = 'UTC'`);
}

/** Tables with triggers of our own (derived counts, the audit log's guard). */
export async function tablesWithTriggers(db: DbOrTx): Promise<string[]> {
  const rows = await queryRows<{ table: string }>(
    db,
    sql`SELECT DISTINCT c.relname AS "table" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND NOT t.tgisinternal ORDER BY 1`,
  );
  return rows.map((r) => r.table);
}

/**
 * A restore writes every table as it was, derived ones included, so the triggers that derive them must
 * not fire again. Disabling them is transactional and needs only table ownership (not superuser).
 */
export async function setUserTriggers(db: DbOrTx, tables: string[], enabled: boolean): Promise<void> {
  for (const table of tables) await db.execute(sql.raw(`ALTER TABLE ${ident(table)} ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER USER`));
}
