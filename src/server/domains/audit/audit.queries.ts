import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { queryOne, type DbOrTx } from '../../db/client.js';
import { auditLog, candidates, members, orgs, users } from '../../db/schema.js';
import type { Scope } from '../../context.js';
import { memberInScope, pathInScope } from '../../scope.js';

export type AuditRow = typeof auditLog.$inferSelect;

/** Serialises writers of the chain: each transaction appends after the last committed row. */
export async function lockAuditChain(db: DbOrTx): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(7340001)`);
}

export async function lastAuditLink(db: DbOrTx): Promise<{ id: number; hash: string } | undefined> {
  return queryOne<{ id: number; hash: string }>(db, sql`SELECT id::int AS id, hash FROM audit_log ORDER BY id DESC LIMIT 1`);
}

export async function insertAuditRows(db: DbOrTx, rows: AuditRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(auditLog).values(rows.slice(i, i + 1000));
}

export async function auditRowsAfter(db: DbOrTx, afterId: number, limit: number): Promise<AuditRow[]> {
  return db.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(limit);
}

export async function auditRowsFor(db: DbOrTx, entity: string, entityId: string, limit = 200): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

export async function latestAuditRows(db: DbOrTx, beforeId: number | null, limit: number, entity?: string): Promise<AuditRow[]> {
  const conditions = [beforeId ? sql`${auditLog.id} < ${beforeId}` : undefined, entity ? eq(auditLog.entity, entity) : undefined].filter(Boolean);
  return db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...(conditions as ReturnType<typeof eq>[])) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

/** Row count and head in one statement, so they describe the same snapshot. */
export async function chainHead(db: DbOrTx): Promise<{ rows: number; headId: number; headHash: string }> {
  const row = await queryOne<{ rows: number; head_id: number | null; head_hash: string | null }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM audit_log) AS rows, h.id::int AS head_id, h.hash AS head_hash FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1) h ON true`,
  );
  return { rows: row?.rows ?? 0, headId: row?.head_id ?? 0, headHash: row?.head_hash ?? '' };
}

export async function firstSealedRowId(db: DbOrTx): Promise<number | null> {
  const row = await queryOne<{ id: number | null }>(db, sql`SELECT min(id)::int AS id FROM audit_log WHERE mac IS NOT NULL`);
  return row?.id ?? null;
}

/** Names of the organisations and members an audit page mentions, only those inside the reader's scope. */
export async function namesInScope(
  db: DbOrTx,
  scope: Scope,
  orgIds: number[],
  memberIds: number[],
  candidateIds: number[] = [],
  userIds: number[] = [],
): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  if (candidateIds.length > 0)
    for (const row of await db
      .select({ id: candidates.id, name: candidates.fullName })
      .from(candidates)
      .innerJoin(orgs, eq(orgs.id, candidates.orgId))
      .where(and(inArray(candidates.id, candidateIds), pathInScope(scope, orgs.path))))
      names[`candidate:${row.id}`] = row.name;
  // Accounts are the admin's to see (the only reader of the whole log).
  if (userIds.length > 0 && scope.kind === 'all')
    for (const row of await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds)))
      names[`user:${row.id}`] = row.name;
  if (orgIds.length > 0)
    for (const row of await db
      .select({ id: orgs.id, name: orgs.name })
      .from(orgs)
      .where(and(inArray(orgs.id, orgIds), pathInScope(scope, orgs.path))))
      names[`org:${row.id}`] = row.name;
  if (memberIds.length > 0)
    for (const row of await db
      .select({ id: members.id, name: members.fullName })
      .from(members)
      .where(and(inArray(members.id, memberIds), memberInScope(scope, members.id, members.orgPath))))
      names[`member:${row.id}`] = row.name;
  return names;
}
