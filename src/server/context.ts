import type { Logger } from 'pino';
import type { UserRole } from '../shared/auth.js';
import type { Db, DbKind, DbOrTx, Tx } from './db/client.js';

/** What an actor may see: the whole deployment, an organisation's subtree, or one member's own record. */
export type Scope = { kind: 'all' } | { kind: 'subtree'; orgId: number; path: string } | { kind: 'self'; memberId: number };

export interface Actor {
  userId: number | null;
  name: string;
  role: UserRole | 'system';
  scope: Scope;
}

/** Everything a service needs; no HTTP types, so the CLI and jobs call the same functions. */
export interface Ctx {
  db: DbOrTx;
  dbKind: DbKind;
  actor: Actor;
  now: () => Date;
  log: Logger;
  /** Why the actor is doing this (shown in the audit trail); the HTTP layer fills it from the request. */
  reason?: string;
}

export const systemActor: Actor = { userId: null, name: 'Hệ thống', role: 'system', scope: { kind: 'all' } };

/** Runs `work` in one transaction: every write and its audit rows commit together or not at all. */
export async function inTransaction<T>(ctx: Ctx, work: (tx: Ctx) => Promise<T>): Promise<T> {
  if (isTransaction(ctx.db)) return work(ctx);
  return (ctx.db as Db).transaction(async (tx) => work({ ...ctx, db: tx as unknown as Tx }));
}

/** Whether `db` is a transaction already (work on it joins that transaction). */
export function isTransaction(db: DbOrTx): boolean {
  return (db as { __isTx?: boolean }).__isTx === true || db.constructor.name.endsWith('Transaction');
}

/**
 * Independent reads: at once on a pool, one after another inside a transaction, whose single connection takes one
 * query at a time (node-postgres warns "query while executing" and queues them anyway). // dues
 */
export async function readTogether<const T extends readonly (() => Promise<unknown>)[]>(
  db: DbOrTx,
  reads: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  if (!isTransaction(db)) return (await Promise.all(reads.map((read) => read()))) as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
