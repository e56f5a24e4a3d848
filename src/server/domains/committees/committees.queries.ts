import { and, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.js';
import { committeeSeats } from '../../db/schema.js';
import type { CommitteeSeat } from '../../../shared/committees.js';

export type CommitteeSeatRow = typeof committeeSeats.$inferSelect;

/** Seats of an organisation's committee: those held on `asOf` (default: open ones), or every one with history. */
export async function seatsOf(db: DbOrTx, orgId: number, options: { history: boolean }): Promise<CommitteeSeat[]> {
  return queryRows<CommitteeSeat>(
    db,
    sql`SELECT s.id, s.org_id AS "orgId", s.member_id AS "memberId", m.full_name AS "fullName", s.position, s.term,
          s.start_on AS "startOn", s.end_on AS "endOn", s.decision, s.end_decision AS "endDecision", s.version
        FROM committee_seats s JOIN members m ON m.id = s.member_id
        WHERE s.org_id = ${orgId} ${options.history ? sql`` : sql`AND s.end_on IS NULL`}
        ORDER BY s.end_on IS NOT NULL, array_position(ARRAY['secretary','deputy_secretary','standing_committee_member','committee_member'], s.position), m.name_sort_key, s.start_on DESC`,
  );
}

export async function findSeat(db: DbOrTx, id: number): Promise<CommitteeSeatRow | undefined> {
  const [row] = await db.select().from(committeeSeats).where(eq(committeeSeats.id, id));
  return row;
}

export async function openSeatsOf(db: DbOrTx, orgId: number): Promise<CommitteeSeatRow[]> {
  return db
    .select()
    .from(committeeSeats)
    .where(and(eq(committeeSeats.orgId, orgId), isNull(committeeSeats.endOn)));
}

export async function insertSeat(db: DbOrTx, values: typeof committeeSeats.$inferInsert): Promise<CommitteeSeatRow> {
  const [row] = await db.insert(committeeSeats).values(values).returning();
  return row;
}

export async function endSeat(db: DbOrTx, id: number, version: number, values: Partial<CommitteeSeatRow>): Promise<CommitteeSeatRow | undefined> {
  const [row] = await db
    .update(committeeSeats)
    .set({ ...values, version: sql`${committeeSeats.version} + 1`, updatedAt: new Date() })
    .where(and(eq(committeeSeats.id, id), eq(committeeSeats.version, version)))
    .returning();
  return row;
}

/** Full members registered in the organisation on `date`, from the dated periods. */
export async function fullMemberCountOn(db: DbOrTx, orgId: number, date: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM membership_periods p
        WHERE p.org_id = ${orgId} AND p.status = 'full' AND p.annulment_id IS NULL AND p.valid_from <= ${date} AND (p.valid_to IS NULL OR p.valid_to > ${date})`,
  );
  return row?.n ?? 0;
}
