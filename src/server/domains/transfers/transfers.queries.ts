import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { queryOne, queryRows, type DbOrTx } from '../../db/client.js';
import { transfers, transferSteps } from '../../db/schema.js';
import type { Scope } from '../../context.js';
import { pathInScope } from '../../scope.js';
import type { MemberStatus } from '../../../shared/member.js';
import type { DestinationOrg, TransferListItem, TransferListQuery } from '../../../shared/transfers.js';

export type TransferRow = typeof transfers.$inferSelect;
export type NewTransferRow = typeof transfers.$inferInsert;

/** A transfer with what the service needs to decide who may act: both organisations' paths and the member's state. */
export type TransferWithContext = TransferRow & {
  sendingPath: string | null;
  receivingPath: string | null;
  sendingOrgName: string | null;
  receivingOrgName: string | null;
  memberName: string | null;
  memberStatus: MemberStatus | null;
  memberCardNumber: string | null;
  memberProfileNumber: string | null;
};

export async function insertTransfer(db: DbOrTx, values: NewTransferRow): Promise<TransferRow> {
  const [row] = await db.insert(transfers).values(values).returning();
  return row;
}

export async function updateTransferRow(db: DbOrTx, id: number, expectedVersion: number, values: Partial<NewTransferRow>): Promise<TransferRow | undefined> {
  const [row] = await db
    .update(transfers)
    .set({ ...values, version: sql`${transfers.version} + 1`, updatedAt: new Date() })
    .where(and(eq(transfers.id, id), eq(transfers.version, expectedVersion)))
    .returning();
  return row;
}

export async function findTransfer(db: DbOrTx, id: number): Promise<TransferWithContext | undefined> {
  const [row] = await db.select().from(transfers).where(eq(transfers.id, id));
  if (!row) return undefined;
  const extra = await queryOne<Omit<TransferWithContext, keyof TransferRow>>(
    db,
    sql`SELECT so.path AS "sendingPath", ro.path AS "receivingPath", so.name AS "sendingOrgName", ro.name AS "receivingOrgName",
          m.full_name AS "memberName", m.status AS "memberStatus", m.card_number AS "memberCardNumber", m.profile_number AS "memberProfileNumber"
        FROM (SELECT 1) one
        LEFT JOIN orgs so ON so.id = ${row.sendingOrgId}
        LEFT JOIN orgs ro ON ro.id = ${row.receivingOrgId}
        LEFT JOIN members m ON m.id = ${row.memberId}`,
  );
  return { ...row, ...extra! };
}

export async function insertTransferStep(db: DbOrTx, values: typeof transferSteps.$inferInsert): Promise<void> {
  await db.insert(transferSteps).values(values);
}

export async function stepsOf(db: DbOrTx, transferId: number) {
  return db
    .select({ step: transferSteps.step, occurredOn: transferSteps.occurredOn, actorName: transferSteps.actorName, details: transferSteps.details })
    .from(transferSteps)
    .where(eq(transferSteps.transferId, transferId))
    .orderBy(asc(transferSteps.id));
}

/** A transfer is in scope when either of its organisations is: both sides see it. */
export function transferInScope(scope: Scope, side?: 'sending' | 'receiving'): SQL {
  const sending = pathInScope(scope, sql`so.path`);
  const receiving = pathInScope(scope, sql`ro.path`);
  if (side === 'sending') return sql`coalesce(${sending}, FALSE)`;
  if (side === 'receiving') return sql`coalesce(${receiving}, FALSE)`;
  return sql`(coalesce(${sending}, FALSE) OR coalesce(${receiving}, FALSE))`;
}

const openCondition = sql`(t.state IN ('pending', 'letter_issued') OR (t.state = 'received' AND t.kind = 'temporary'))`;

export function transferFilterConditions(scope: Scope, query: Omit<TransferListQuery, 'page' | 'pageSize' | 'orgId'>): SQL[] {
  const where: SQL[] = [transferInScope(scope, query.side)];
  if (query.state) where.push(sql`t.state = ${query.state}`);
  if (query.kind) where.push(sql`t.kind = ${query.kind}`);
  if (query.open) where.push(openCondition);
  return where;
}

const fromTransfers = sql`transfers t
  LEFT JOIN orgs so ON so.id = t.sending_org_id
  LEFT JOIN orgs ro ON ro.id = t.receiving_org_id
  LEFT JOIN members m ON m.id = t.member_id`;

const listColumns = sql`t.id, t.kind, t.direction, t.state, t.member_id AS "memberId",
  coalesce(m.full_name, t.person->>'fullName') AS "fullName",
  t.sending_org_id AS "sendingOrgId", so.name AS "sendingOrgName", t.receiving_org_id AS "receivingOrgId", ro.name AS "receivingOrgName",
  t.external_org_name AS "externalOrgName", t.moving_decision->>'date' AS "movingDecisionOn",
  coalesce(t.moving_decision->>'effectiveOn', t.moving_decision->>'date') AS "movingEffectiveOn", t.letter_due_on AS "letterDueOn",
  t.letter_on AS "letterOn", t.present_due_on AS "presentDueOn", t.presented_on AS "presentedOn",
  t.temporary_until AS "temporaryUntil", t.returned_on AS "returnedOn"`;

/** Open transfers first, then the newest. */
export async function listTransferRows(db: DbOrTx, where: SQL[], limit: number, offset: number): Promise<TransferListItem[]> {
  return queryRows<TransferListItem>(
    db,
    sql`SELECT ${listColumns} FROM ${fromTransfers} WHERE ${sql.join(where, sql` AND `)}
        ORDER BY (CASE WHEN ${openCondition} THEN 0 ELSE 1 END), t.id DESC LIMIT ${limit} OFFSET ${offset}`,
  );
}

export async function countTransferRows(db: DbOrTx, where: SQL[]): Promise<number> {
  const row = await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${fromTransfers} WHERE ${sql.join(where, sql` AND `)}`);
  return row?.n ?? 0;
}

export async function openTransferOf(db: DbOrTx, memberId: number): Promise<{ id: number } | undefined> {
  return queryOne(db, sql`SELECT t.id FROM transfers t WHERE t.member_id = ${memberId} AND ${openCondition} LIMIT 1`);
}

/** Open transfers of a member that an exit closes: not yet presented. */
export async function unpresentedTransfersOf(db: DbOrTx, memberId: number): Promise<TransferRow[]> {
  return queryRows<TransferRow>(
    db,
    sql`SELECT t.id, t.kind, t.direction, t.state, t.version FROM transfers t WHERE t.member_id = ${memberId} AND t.state IN ('pending', 'letter_issued')`,
  );
}

/** A record that an incoming letter may belong to: the same card or citizen number. */
export async function findMemberByCardOrNationalId(
  db: DbOrTx,
  cardNumber: string | null,
  nationalId: string | null,
): Promise<{ id: number; status: MemberStatus } | undefined> {
  if (!cardNumber && !nationalId) return undefined;
  return queryOne(
    db,
    sql`SELECT id, status FROM members WHERE (${cardNumber}::text IS NOT NULL AND card_number = ${cardNumber}) OR (${nationalId}::text IS NOT NULL AND national_id = ${nationalId}) ORDER BY id LIMIT 1`,
  );
}

/**
 * Cells anywhere in the deployment that can receive a member. Names of organisations are not personal data,
 * and a sending official must be able to name a destination outside their own subtree.
 */
export async function destinationOrgs(db: DbOrTx, foldedQ: string | null, limit: number): Promise<DestinationOrg[]> {
  const match = foldedQ ? sql`AND vn_fold(o.name) LIKE ${`%${foldedQ}%`}` : sql``;
  return queryRows<DestinationOrg>(
    db,
    sql`SELECT o.id, o.name, p.name AS "parentName" FROM orgs o LEFT JOIN orgs p ON p.id = o.parent_id
        WHERE o.active AND o.kind IN ('cell', 'grassroots_cell') ${match}
        ORDER BY o.path LIMIT ${limit}`,
  );
}

export interface TransferDeadlineRow {
  id: number;
  kind: 'permanent' | 'temporary';
  direction: 'within' | 'out' | 'in';
  state: 'pending' | 'letter_issued' | 'received';
  memberId: number | null;
  fullName: string;
  sendingOrgId: number | null;
  sendingOrgName: string | null;
  receivingOrgId: number | null;
  receivingOrgName: string | null;
  externalOrgName: string | null;
  letterDueOn: string | null;
  presentDueOn: string | null;
  temporaryUntil: string | null;
}

/** Open transfers in scope that have a date to meet, skipping members who have since left the party. */
export async function openTransferDeadlineRows(db: DbOrTx, scope: Scope): Promise<TransferDeadlineRow[]> {
  return queryRows<TransferDeadlineRow>(
    db,
    sql`SELECT t.id, t.kind, t.direction, t.state, t.member_id AS "memberId", coalesce(m.full_name, t.person->>'fullName') AS "fullName",
          t.sending_org_id AS "sendingOrgId", so.name AS "sendingOrgName", t.receiving_org_id AS "receivingOrgId", ro.name AS "receivingOrgName",
          t.external_org_name AS "externalOrgName", t.letter_due_on AS "letterDueOn", t.present_due_on AS "presentDueOn", t.temporary_until AS "temporaryUntil"
        FROM ${fromTransfers}
        WHERE ${transferInScope(scope)} AND ${openCondition}
          AND (m.id IS NULL OR m.status IN ('probationary', 'full', 'transferred_out'))`,
  );
}

/** Holds the transfer until the step's transaction ends: a second, simultaneous step waits and then sees the first. */
export async function lockTransfer(db: DbOrTx, id: number): Promise<void> {
  await db.execute(sql`SELECT id FROM transfers WHERE id = ${id} FOR UPDATE`);
}
