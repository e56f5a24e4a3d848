import type { Ctx } from '../../context.js';
import { forbidden } from '../../errors.js';
import { auditRowsAfter, auditRowsFor, insertAuditRows, lastAuditLink, latestAuditRows, lockAuditChain, type AuditRow } from './audit.queries.js';
import { auditHash, checkLink, GENESIS_HASH, toJsonValue, type ChainProblem } from './audit.rules.js';

export interface AuditEntry {
  entity: string;
  entityId: string | number;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/**
 * Appends entries to the chain in the caller's transaction, so a write and its audit commit together.
 * Must be called inside `inTransaction`.
 */
export async function recordAudit(ctx: Ctx, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await lockAuditChain(ctx.db);
  const last = await lastAuditLink(ctx.db);
  let prevHash = last?.hash ?? GENESIS_HASH;
  let id = last?.id ?? 0;
  const at = ctx.now().toISOString();
  const rows: AuditRow[] = entries.map((entry) => {
    id += 1;
    const record = {
      id,
      at,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.name,
      entity: entry.entity,
      entityId: String(entry.entityId),
      action: entry.action,
      before: toJsonValue(entry.before),
      after: toJsonValue(entry.after),
      reason: entry.reason ?? ctx.reason ?? null,
    };
    const hash = auditHash(prevHash, record);
    const row = { ...record, prevHash, hash };
    prevHash = hash;
    return row;
  });
  await insertAuditRows(ctx.db, rows);
}

/** The processing log of personal data: who read whose record, when, and why. */
export async function logPersonalRead(ctx: Ctx, memberId: number, what: string): Promise<void> {
  await recordAudit(ctx, [{ entity: 'member', entityId: memberId, action: 'read', after: { what }, reason: ctx.reason ?? null }]);
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstProblem: ChainProblem | null;
}

/** Walks the whole chain; reports the first row that was altered, or the first whose predecessor was removed. */
export async function verifyAuditChain(ctx: Ctx): Promise<ChainReport> {
  let prev: { id: number; hash: string } | null = null;
  let checked = 0;
  for (;;) {
    const batch = await auditRowsAfter(ctx.db, prev?.id ?? 0, 5000);
    if (batch.length === 0) return { ok: true, checked, firstProblem: null };
    for (const row of batch) {
      const problem = checkLink(prev, row);
      if (problem) return { ok: false, checked, firstProblem: problem };
      prev = { id: row.id, hash: row.hash };
      checked += 1;
    }
  }
}

export async function listAudit(ctx: Ctx, query: { beforeId?: number; limit: number; entity?: string }) {
  if (ctx.actor.role !== 'admin' && ctx.actor.role !== 'system') throw forbidden();
  return latestAuditRows(ctx.db, query.beforeId ?? null, query.limit, query.entity);
}

/** The audit history of one record; the caller has already checked the record is in scope. */
export async function auditHistoryOf(ctx: Ctx, entity: string, entityId: number) {
  return auditRowsFor(ctx.db, entity, String(entityId));
}
