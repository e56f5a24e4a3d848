import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.js';
import { duesBases, duesPayments, duesReliefs } from '../../db/schema.js';
import type { MemberStatus, MembershipEventKind } from '../../../shared/member.js';
import type { OrgKind } from '../../../shared/org.js';
import { readTogether, type Scope } from '../../context.js';
import { pathInScope } from '../../scope.js';

export type DuesBasisRow = typeof duesBases.$inferSelect;
export type DuesReliefRow = typeof duesReliefs.$inferSelect;
export type DuesPaymentRow = typeof duesPayments.$inferSelect;

export async function insertBasis(db: DbOrTx, values: typeof duesBases.$inferInsert): Promise<DuesBasisRow> {
  const [row] = await db.insert(duesBases).values(values).returning();
  return row!;
}

export async function insertRelief(db: DbOrTx, values: typeof duesReliefs.$inferInsert): Promise<DuesReliefRow> {
  const [row] = await db.insert(duesReliefs).values(values).returning();
  return row!;
}

export async function basesOf(db: DbOrTx, memberIds: number[]): Promise<DuesBasisRow[]> {
  if (memberIds.length === 0) return [];
  return db.select().from(duesBases).where(inArray(duesBases.memberId, memberIds)).orderBy(asc(duesBases.validFrom), asc(duesBases.id));
}

export async function reliefsOf(db: DbOrTx, memberIds: number[]): Promise<DuesReliefRow[]> {
  if (memberIds.length === 0) return [];
  return db.select().from(duesReliefs).where(inArray(duesReliefs.memberId, memberIds)).orderBy(asc(duesReliefs.fromMonth), asc(duesReliefs.id));
}

export async function paymentsOfMember(db: DbOrTx, memberId: number): Promise<DuesPaymentRow[]> {
  return db.select().from(duesPayments).where(eq(duesPayments.memberId, memberId)).orderBy(asc(duesPayments.month));
}

export async function paymentsOfMonth(db: DbOrTx, memberIds: number[], month: string): Promise<DuesPaymentRow[]> {
  if (memberIds.length === 0) return [];
  return db
    .select()
    .from(duesPayments)
    .where(and(inArray(duesPayments.memberId, memberIds), eq(duesPayments.month, month)));
}

export async function insertPayment(db: DbOrTx, values: typeof duesPayments.$inferInsert): Promise<DuesPaymentRow> {
  const [row] = await db.insert(duesPayments).values(values).returning();
  return row!;
}

/** Changes a recorded month only from the version it was read at (stale → undefined). */
export async function updatePayment(db: DbOrTx, id: number, version: number, values: Partial<DuesPaymentRow>): Promise<DuesPaymentRow | undefined> {
  const [row] = await db
    .update(duesPayments)
    .set({ ...values, version: sql`${duesPayments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(duesPayments.id, id), eq(duesPayments.version, version)))
    .returning();
  return row;
}

export interface SheetMember {
  id: number;
  fullName: string;
  admittedOn: string | null;
  confirmedOn: string | null;
  status: MemberStatus;
}

/** Members registered in the organisation (probationary or full) at some day of the month, in Vietnamese order. */
export async function membersOfMonth(db: DbOrTx, orgId: number, firstDay: string, nextMonthFirstDay: string): Promise<SheetMember[]> {
  return queryRows<SheetMember>(
    db,
    sql`SELECT m.id, m.full_name AS "fullName", m.admitted_on AS "admittedOn", m.confirmed_on AS "confirmedOn", m.status
        FROM members m
        WHERE m.id IN (SELECT p.member_id FROM membership_periods p
                       WHERE p.org_id = ${orgId} AND p.status IN ('probationary', 'full') AND p.annulment_id IS NULL
                         AND p.valid_from < ${nextMonthFirstDay} AND (p.valid_to IS NULL OR p.valid_to > ${firstDay}))
        ORDER BY m.name_sort_key, m.id`,
  );
}

export interface PeriodOfMember {
  memberId: number;
  status: MemberStatus;
  validFrom: string;
  validTo: string | null;
}
export interface EventOfMember {
  memberId: number;
  kind: MembershipEventKind;
  occurredOn: string;
  details: Record<string, unknown> | null;
}

/** Dated periods and standing events of many members at once (party age for a sheet or a badge list). */
export async function historiesOf(db: DbOrTx, memberIds: number[]): Promise<{ periods: PeriodOfMember[]; events: EventOfMember[] }> {
  if (memberIds.length === 0) return { periods: [], events: [] };
  const ids = sql`ARRAY[${sql.join(
    memberIds.map((id) => sql`${id}`),
    sql`, `,
  )}]::int[]`;
  const [periods, events] = await readTogether(db, [
    () =>
      queryRows<PeriodOfMember>(
        db,
        sql`SELECT member_id AS "memberId", status, valid_from AS "validFrom", valid_to AS "validTo"
          FROM membership_periods WHERE member_id = ANY(${ids}) AND annulment_id IS NULL ORDER BY member_id, valid_from, id`,
      ),
    () =>
      queryRows<EventOfMember>(
        db,
        sql`SELECT e.member_id AS "memberId", e.kind, e.occurred_on AS "occurredOn", e.details
          FROM membership_events e
          WHERE e.member_id = ANY(${ids}) AND NOT EXISTS (SELECT 1 FROM membership_event_annulments a WHERE a.event_id = e.id)
          ORDER BY e.member_id, e.occurred_on, e.id`,
      ),
  ] as const);
  return { periods, events };
}

export interface ArrearRow {
  memberId: number;
  fullName: string;
  orgId: number;
  orgName: string;
  month: string;
  unpaidReason: string | null;
}

/** Unpaid, not exempt months of a year in the scope, with the member and the cell they were recorded in. */
export async function unpaidMonths(db: DbOrTx, scope: Scope, year: number, orgPath: string | null): Promise<ArrearRow[]> {
  return queryRows<ArrearRow>(
    db,
    sql`SELECT d.member_id AS "memberId", m.full_name AS "fullName", d.org_id AS "orgId", o.name AS "orgName", d.month, d.unpaid_reason AS "unpaidReason"
        FROM dues_payments d JOIN members m ON m.id = d.member_id JOIN orgs o ON o.id = d.org_id
        WHERE ${pathInScope(scope, sql`d.org_path`)} ${orgPath ? sql`AND d.org_path LIKE ${`${orgPath}%`}` : sql``}
          AND d.month >= ${`${year}-01`} AND d.month <= ${`${year}-12`} AND NOT d.paid AND NOT d.exempt
        ORDER BY m.name_sort_key, d.member_id, d.month`,
  );
}

export interface StatementCell {
  orgId: number;
  month: string;
  members: number;
  due: number;
  collected: number;
  extra: number;
}

/** Per organisation and month: members recorded, amounts due, collected and extra, summed in the database. */
export async function statementSums(db: DbOrTx, orgPath: string, fromMonth: string, toMonth: string): Promise<StatementCell[]> {
  return queryRows<StatementCell>(
    db,
    sql`SELECT org_id AS "orgId", month, count(*)::int AS members, sum(due_amount)::bigint AS due,
               coalesce(sum(paid_amount) FILTER (WHERE paid), 0)::bigint AS collected, sum(extra_amount)::bigint AS extra
        FROM dues_payments
        WHERE org_path LIKE ${`${orgPath}%`} AND month >= ${fromMonth} AND month <= ${toMonth}
        GROUP BY org_id, month`,
  ).then((rows) => {
    // int8 arrives as text: converted in place (a province's year is ≈130,000 rows).
    for (const r of rows) {
      r.due = Number(r.due);
      r.collected = Number(r.collected);
      r.extra = Number(r.extra);
    }
    return rows;
  });
}

export interface SubtreeOrg {
  id: number;
  parentId: number | null;
  kind: OrgKind;
  name: string;
  path: string;
}

export async function orgsUnder(db: DbOrTx, path: string): Promise<SubtreeOrg[]> {
  return queryRows<SubtreeOrg>(db, sql`SELECT id, parent_id AS "parentId", kind, name, path FROM orgs WHERE path LIKE ${`${path}%`} ORDER BY path`);
}

export async function membersByIds(db: DbOrTx, ids: number[]): Promise<(SheetMember & { orgPath: string })[]> {
  if (ids.length === 0) return [];
  return queryRows<SheetMember & { orgPath: string }>(
    db,
    sql`SELECT id, full_name AS "fullName", admitted_on AS "admittedOn", confirmed_on AS "confirmedOn", status, org_path AS "orgPath"
        FROM members WHERE id = ANY(ARRAY[${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )}]::int[])`,
  );
}

export interface Registration {
  memberId: number;
  orgId: number;
  orgPath: string;
  orgName: string;
  validFrom: string;
  validTo: string | null;
}

/** The organisations members were registered in (probationary or full) at some day between two dates, with their paths. */
export async function registrationsOf(db: DbOrTx, memberIds: number[], firstDay: string, endDay: string): Promise<Registration[]> {
  if (memberIds.length === 0) return [];
  return queryRows<Registration>(
    db,
    sql`SELECT p.member_id AS "memberId", p.org_id AS "orgId", o.path AS "orgPath", o.name AS "orgName", p.valid_from AS "validFrom", p.valid_to AS "validTo"
        FROM membership_periods p JOIN orgs o ON o.id = p.org_id
        WHERE p.member_id = ANY(${intArray(memberIds)}) AND p.status IN ('probationary', 'full') AND p.annulment_id IS NULL
          AND p.valid_from < ${endDay} AND (p.valid_to IS NULL OR p.valid_to > ${firstDay})
        ORDER BY p.member_id, p.valid_from, p.id`,
  );
}

/** The recorded months of these members among these months. */
export async function paymentsOfMembers(db: DbOrTx, memberIds: number[], months: string[]): Promise<DuesPaymentRow[]> {
  if (memberIds.length === 0 || months.length === 0) return [];
  return db
    .select()
    .from(duesPayments)
    .where(and(inArray(duesPayments.memberId, memberIds), inArray(duesPayments.month, months)));
}

export async function insertPayments(db: DbOrTx, values: (typeof duesPayments.$inferInsert)[]): Promise<DuesPaymentRow[]> {
  if (values.length === 0) return [];
  const rows: DuesPaymentRow[] = [];
  for (let i = 0; i < values.length; i += 1000)
    rows.push(
      ...(await db
        .insert(duesPayments)
        .values(values.slice(i, i + 1000))
        .returning()),
    );
  return rows;
}

export interface NamedMember {
  id: number;
  fullName: string;
  nameSortKey: string;
  birthDate: string;
  cardNumber: string | null;
  nationalId: string | null;
  orgPath: string;
}

const namedMemberColumns = sql`id, full_name AS "fullName", name_sort_key AS "nameSortKey", birth_date AS "birthDate", card_number AS "cardNumber",
  national_id AS "nationalId", org_path AS "orgPath"`;

/** Members of the scope bearing these names (by their sort keys): a dues sheet names members as the cell knows them. */
export async function membersByNameKeys(db: DbOrTx, scope: Scope, keys: string[]): Promise<NamedMember[]> {
  if (keys.length === 0) return [];
  return queryRows<NamedMember>(
    db,
    sql`SELECT ${namedMemberColumns} FROM members
        WHERE name_sort_key = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify([...new Set(keys)])}::jsonb))) AND ${pathInScope(scope, sql`org_path`)}`,
  );
}

/** Members holding these card numbers or citizen IDs, in any scope (both are unique): the caller checks the scope. */
export async function membersByCardOrId(db: DbOrTx, cards: string[], nationalIds: string[]): Promise<NamedMember[]> {
  if (cards.length === 0 && nationalIds.length === 0) return [];
  return queryRows<NamedMember>(
    db,
    sql`SELECT ${namedMemberColumns} FROM members
        WHERE card_number = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(cards)}::jsonb)))
           OR national_id = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(nationalIds)}::jsonb)))`,
  );
}

const intArray = (ids: number[]) =>
  sql`ARRAY[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::int[]`;
