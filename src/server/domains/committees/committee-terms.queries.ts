import { sql } from 'drizzle-orm';
import { queryOne, queryRows, type DbOrTx } from '../../db/client.js';
import { committeeReforms, committeeTerms } from '../../db/schema.js';

export type CommitteeTermRow = typeof committeeTerms.$inferSelect;

export async function termsOf(db: DbOrTx, orgId: number): Promise<CommitteeTermRow[]> {
  return queryRows<CommitteeTermRow>(
    db,
    sql`SELECT id, org_id AS "orgId", term, congress_on AS "congressOn", delegates, elected_count AS "electedCount", decision, note, version,
          created_at AS "createdAt", updated_at AS "updatedAt"
        FROM committee_terms WHERE org_id = ${orgId} ORDER BY congress_on DESC`,
  );
}

export async function insertTerm(db: DbOrTx, values: typeof committeeTerms.$inferInsert): Promise<CommitteeTermRow> {
  const [row] = await db.insert(committeeTerms).values(values).returning();
  return row;
}

/** The term in force at an organisation on a day: the latest congress on or before it. */
export async function termOn(db: DbOrTx, orgId: number, date: string): Promise<{ id: number; term: string } | undefined> {
  return queryOne(db, sql`SELECT id, term FROM committee_terms WHERE org_id = ${orgId} AND congress_on <= ${date} ORDER BY congress_on DESC LIMIT 1`);
}

export async function reformsOf(db: DbOrTx, orgId: number) {
  return queryRows<{
    id: number;
    orgId: number;
    termId: number | null;
    term: string | null;
    kind: 'supplement' | 'reform';
    occurredOn: string;
    decision: { number: string; date: string; issuer: string };
    note: string | null;
  }>(
    db,
    sql`SELECT r.id, r.org_id AS "orgId", r.term_id AS "termId", t.term, r.kind, r.occurred_on AS "occurredOn", r.decision, r.note
        FROM committee_reforms r LEFT JOIN committee_terms t ON t.id = r.term_id WHERE r.org_id = ${orgId} ORDER BY r.occurred_on DESC, r.id DESC`,
  );
}

export async function insertReform(db: DbOrTx, values: typeof committeeReforms.$inferInsert) {
  const [row] = await db.insert(committeeReforms).values(values).returning();
  return row;
}

/** Organisations that hold meetings and so need a secretary. */
const secretaryKinds = sql`('grassroots_committee', 'grassroots_cell', 'section', 'cell')`;

/** Active organisations under `path` with no open secretary seat, with the day the last secretary's seat ended. */
export async function orgsWithoutSecretary(db: DbOrTx, path: string) {
  return queryRows<{ orgId: number; orgName: string; since: string | null }>(
    db,
    sql`SELECT o.id AS "orgId", o.name AS "orgName",
          coalesce((SELECT max(s.end_on) FROM committee_seats s WHERE s.org_id = o.id AND s.position = 'secretary'), o.founded_on)::text AS since
        FROM orgs o
        WHERE o.active AND o.kind IN ${secretaryKinds} AND o.path LIKE ${`${path}%`}
          AND NOT EXISTS (SELECT 1 FROM committee_seats s WHERE s.org_id = o.id AND s.position = 'secretary' AND s.end_on IS NULL)
        ORDER BY o.path`,
  );
}

/** Cells under `path` holding open seats other than secretary and deputy, with their full members today. */
export async function cellsWithCommitteeSeats(db: DbOrTx, path: string, date: string) {
  return queryRows<{ orgId: number; orgName: string; kind: 'cell' | 'grassroots_cell'; positions: string[]; fullMembers: number }>(
    db,
    sql`SELECT o.id AS "orgId", o.name AS "orgName", o.kind,
          array_agg(s.position ORDER BY s.id) AS positions,
          (SELECT count(*)::int FROM membership_periods p WHERE p.org_id = o.id AND p.status = 'full' AND p.annulment_id IS NULL
             AND p.valid_from <= ${date} AND (p.valid_to IS NULL OR p.valid_to > ${date})) AS "fullMembers"
        FROM orgs o JOIN committee_seats s ON s.org_id = o.id AND s.end_on IS NULL
        WHERE o.active AND o.kind IN ('cell', 'grassroots_cell') AND o.path LIKE ${`${path}%`}
          AND EXISTS (SELECT 1 FROM committee_seats x WHERE x.org_id = o.id AND x.end_on IS NULL AND x.position NOT IN ('secretary', 'deputy_secretary'))
        GROUP BY o.id, o.name, o.kind, o.path ORDER BY o.path`,
  );
}
