import { sql } from 'drizzle-orm';
import { queryOne, type DbOrTx } from '../../db/client.js';

/** A demo bloc goes only into a database without organisations. */
export async function anyOrgExists(db: DbOrTx): Promise<boolean> {
  const row = await queryOne<{ present: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM orgs) AS present`);
  return row?.present ?? false;
}

/** Fresh statistics, so the planner picks the right index for searches at once (PGlite has no autovacuum). */
export async function analyzeTables(db: DbOrTx): Promise<void> {
  await db.execute(sql`ANALYZE`);
}
