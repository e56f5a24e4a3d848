import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { queryOne, type DbOrTx } from '../../db/client.js';
import { auditLog } from '../../db/schema.js';

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
