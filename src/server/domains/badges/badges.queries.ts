import { asc, eq, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.js';
import { readTogether } from '../../context.js';
import { badgeAwards } from '../../db/schema.js';
import type { MemberStatus, MembershipEventKind } from '../../../shared/member.js';

export type BadgeAwardRow = typeof badgeAwards.$inferSelect;

export interface BadgeMemberRow {
  id: number;
  fullName: string;
  birthDate: string | null;
  admittedOn: string;
  confirmedOn: string | null;
  status: MemberStatus;
  orgId: number;
  orgName: string;
}

/** For each milestone, the last admission day from which it can still be reached on the award date (before interruptions). */
export interface MilestoneBound {
  years: number;
  admittedBy: string;
}

/**
 * Full (and deceased, for posthumous proposals) members of a subtree admitted on or before `admittedBy` who can still
 * reach a milestone above their highest badge: admitted on or before that milestone's bound (party age net of
 * interruptions never exceeds the months since admission). Only they can be due, so the history is read for them alone.
 */
function badgeCandidates(path: string, admittedBy: string, bounds: readonly MilestoneBound[]) {
  // The highest milestone the member can reach by the date (NULL: none); a candidate holds no badge at or above it.
  const reachable =
    bounds.length === 0
      ? sql`NULL::int`
      : sql`CASE ${sql.join(
          [...bounds].sort((x, y) => y.years - x.years).map((b) => sql`WHEN m.admitted_on <= ${b.admittedBy}::date THEN ${b.years}::int`),
          sql` `,
        )} END`;
  return sql`m.org_path LIKE ${`${path}%`} AND m.status IN ('full', 'deceased') AND m.admitted_on <= ${admittedBy} AND ${reachable} IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM badge_awards a WHERE a.member_id = m.id AND a.milestone_years >= ${reachable})`;
}

export async function badgeMembers(db: DbOrTx, path: string, admittedBy: string, bounds: readonly MilestoneBound[]): Promise<BadgeMemberRow[]> {
  return queryRows<BadgeMemberRow>(
    db,
    sql`SELECT m.id, m.full_name AS "fullName", m.birth_date AS "birthDate", m.admitted_on AS "admittedOn", m.confirmed_on AS "confirmedOn",
               m.status, m.org_id AS "orgId", o.name AS "orgName"
        FROM members m JOIN orgs o ON o.id = m.org_id
        WHERE ${badgeCandidates(path, admittedBy, bounds)}
        ORDER BY o.path, m.name_sort_key, m.id`,
  );
}

/**
 * Periods, standing events, awards and serious-illness reliefs of the members of `badgeMembers`, read by their ids
 * (once the candidates are known, rather than re-applying their filter to the whole subtree in every read).
 */
export async function badgeHistories(db: DbOrTx, memberIds: readonly number[], month: string) {
  if (memberIds.length === 0) return { periods: [], events: [], awards: [], ill: new Set<number>() };
  const ids = sql`${`{${memberIds.join(',')}}`}::int[]`;
  const [periods, events, awards, ill] = await readTogether(db, [
    () =>
      queryRows<{ memberId: number; status: MemberStatus; validFrom: string; validTo: string | null }>(
        db,
        sql`SELECT member_id AS "memberId", status, valid_from AS "validFrom", valid_to AS "validTo"
          FROM membership_periods WHERE member_id = ANY(${ids}) AND annulment_id IS NULL
            AND status IN ('struck_off', 'expelled', 'withdrawn', 'deceased')`,
      ),
    () =>
      queryRows<{ memberId: number; kind: MembershipEventKind; occurredOn: string; details: Record<string, unknown> | null }>(
        db,
        // The kinds through membership_events_kind_date_idx, the gaps through membership_events_gap_idx (a bitmap OR).
        sql`SELECT e.member_id AS "memberId", e.kind, e.occurred_on AS "occurredOn", e.details
          FROM membership_events e
          WHERE e.member_id = ANY(${ids}) AND (e.kind IN ('contact_lost', 'contact_restored', 'strike_off', 'expulsion', 'withdrawal', 'death', 'transfer_out') OR e.details ? 'gap')
            AND NOT EXISTS (SELECT 1 FROM membership_event_annulments a WHERE a.event_id = e.id)
          ORDER BY e.member_id, e.occurred_on, e.id`,
      ),
    () =>
      queryRows<{ memberId: number; milestoneYears: number }>(
        db,
        sql`SELECT member_id AS "memberId", milestone_years AS "milestoneYears" FROM badge_awards WHERE member_id = ANY(${ids})`,
      ),
    () =>
      queryRows<{ memberId: number }>(
        db,
        sql`SELECT DISTINCT member_id AS "memberId" FROM dues_reliefs
          WHERE member_id = ANY(${ids}) AND ground = 'serious_illness' AND from_month <= ${month} AND (to_month IS NULL OR to_month >= ${month})`,
      ),
  ] as const);
  return { periods, events, awards, ill: new Set(ill.map((r) => r.memberId)) };
}

export async function insertAward(db: DbOrTx, values: typeof badgeAwards.$inferInsert): Promise<BadgeAwardRow> {
  const [row] = await db.insert(badgeAwards).values(values).returning();
  return row!;
}

export async function awardsOf(db: DbOrTx, memberId: number): Promise<BadgeAwardRow[]> {
  return db.select().from(badgeAwards).where(eq(badgeAwards.memberId, memberId)).orderBy(asc(badgeAwards.milestoneYears));
}
