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

/**
 * Full (and deceased, for posthumous proposals) members of a subtree admitted on or before `admittedBy`: the only ones
 * whose party age can reach the lowest milestone, so the history is read for them alone.
 */
export async function badgeMembers(db: DbOrTx, path: string, admittedBy: string): Promise<BadgeMemberRow[]> {
  return queryRows<BadgeMemberRow>(
    db,
    sql`SELECT m.id, m.full_name AS "fullName", m.birth_date AS "birthDate", m.admitted_on AS "admittedOn", m.confirmed_on AS "confirmedOn",
               m.status, m.org_id AS "orgId", o.name AS "orgName"
        FROM members m JOIN orgs o ON o.id = m.org_id
        WHERE m.org_path LIKE ${`${path}%`} AND m.status IN ('full', 'deceased') AND m.admitted_on <= ${admittedBy}
        ORDER BY o.path, m.name_sort_key, m.id`,
  );
}

/** Periods, standing events, awards and serious-illness reliefs of the members of `badgeMembers`, read by the same filter. */
export async function badgeHistories(db: DbOrTx, path: string, admittedBy: string, month: string) {
  const inSet = sql`SELECT m.id FROM members m WHERE m.org_path LIKE ${`${path}%`} AND m.status IN ('full', 'deceased') AND m.admitted_on <= ${admittedBy}`;
  const [periods, events, awards, ill] = await readTogether(db, [
    () =>
      queryRows<{ memberId: number; status: MemberStatus; validFrom: string; validTo: string | null }>(
        db,
        sql`SELECT member_id AS "memberId", status, valid_from AS "validFrom", valid_to AS "validTo"
          FROM membership_periods WHERE member_id IN (${inSet}) AND annulment_id IS NULL
            AND status IN ('struck_off', 'expelled', 'withdrawn', 'deceased')`,
      ),
    () =>
      queryRows<{ memberId: number; kind: MembershipEventKind; occurredOn: string; details: Record<string, unknown> | null }>(
        db,
        sql`SELECT e.member_id AS "memberId", e.kind, e.occurred_on AS "occurredOn", e.details
          FROM membership_events e
          WHERE e.member_id IN (${inSet}) AND (e.kind IN ('contact_lost', 'contact_restored', 'strike_off', 'expulsion', 'withdrawal', 'death', 'transfer_out') OR e.details ? 'gap')
            AND NOT EXISTS (SELECT 1 FROM membership_event_annulments a WHERE a.event_id = e.id)
          ORDER BY e.member_id, e.occurred_on, e.id`,
      ),
    () =>
      queryRows<{ memberId: number; milestoneYears: number }>(
        db,
        sql`SELECT member_id AS "memberId", milestone_years AS "milestoneYears" FROM badge_awards WHERE member_id IN (${inSet})`,
      ),
    () =>
      queryRows<{ memberId: number }>(
        db,
        sql`SELECT DISTINCT member_id AS "memberId" FROM dues_reliefs
          WHERE member_id IN (${inSet}) AND ground = 'serious_illness' AND from_month <= ${month} AND (to_month IS NULL OR to_month >= ${month})`,
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
