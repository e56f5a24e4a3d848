import { sql } from 'drizzle-orm';
import { queryOne, queryRows, type DbOrTx } from '../../db/client.js';

/** A demo bloc goes only into a database without organisations. */
export async function anyOrgExists(db: DbOrTx): Promise<boolean> {
  const row = await queryOne<{ present: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM orgs) AS present`);
  return row?.present ?? false;
}

/** Fresh statistics (of the given tables, else all), so the planner picks the right index for searches at once (PGlite has no autovacuum). */
export async function analyzeTables(db: DbOrTx, tables?: string[]): Promise<void> {
  await db.execute(tables ? sql.raw(`ANALYZE ${tables.map((t) => `"${t}"`).join(', ')}`) : sql`ANALYZE`);
}

/** targets: each province's bloc ("Đảng bộ Khối các cơ quan", code `<province>.K`), its parent and its grassroots organisations. */
export async function demoBlocs(db: DbOrTx): Promise<{ id: number; parentId: number; path: string; grassroots: number[] }[]> {
  const blocs = await queryRows<{ id: number; parent_id: number; path: string }>(
    db,
    sql`SELECT id, parent_id, path FROM orgs WHERE kind = 'upper' AND code LIKE '%.K' AND parent_id IS NOT NULL ORDER BY id`,
  );
  const out = [];
  for (const bloc of blocs) {
    const grassroots = await queryRows<{ id: number }>(
      db,
      sql`SELECT id FROM orgs WHERE path LIKE ${`${bloc.path}%`} AND kind IN ('grassroots_committee', 'grassroots_cell') ORDER BY path`,
    );
    out.push({ id: bloc.id, parentId: bloc.parent_id, path: bloc.path, grassroots: grassroots.map((g) => g.id) });
  }
  return out;
}
/** dues: the active members of the demo bloc, for a year of dues. */
export async function activeDemoMembers(db: DbOrTx) {
  return queryRows<{ id: number; orgId: number; orgPath: string; admittedOn: string; confirmedOn: string | null; birthDate: string }>(
    db,
    sql`SELECT id, org_id AS "orgId", org_path AS "orgPath", admitted_on AS "admittedOn", confirmed_on AS "confirmedOn", birth_date AS "birthDate"
        FROM members WHERE status IN ('probationary', 'full') AND admitted_on IS NOT NULL ORDER BY id`,
  );
}
