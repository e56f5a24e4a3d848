import { isTransaction, type Ctx } from '../../context.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { assertCan } from '../../permissions.js';
import {
  auditRowsAfter,
  auditRowsFor,
  chainHead,
  firstSealedRowId,
  namesInScope,
  insertAuditRows,
  lastAuditLink,
  latestAuditRows,
  lockAuditChain,
  type AuditRow,
} from './audit.queries.js';
import { appendCheckpoint, auditKeyring, readCheckpoints } from './audit.anchor.js';
import {
  auditHash,
  checkLink,
  checkpointSigned,
  checkSeal,
  describeChainReport,
  GENESIS_HASH,
  rowMac,
  signCheckpoint,
  toJsonValue,
  type AuditCheckpoint,
  type ChainProblem,
  type ChainReport,
} from './audit.rules.js';

export interface AuditEntry {
  entity: string;
  entityId: string | number;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** A row as its writer describes it; its place in the chain (id, hashes, seal) is given when it is appended. */
type AuditRecord = Omit<AuditRow, 'id' | 'prevHash' | 'hash' | 'mac'>;

function auditRecord(ctx: Ctx, entry: AuditEntry): AuditRecord {
  return {
    at: ctx.now().toISOString(),
    actorId: ctx.actor.userId,
    actorName: ctx.actor.name,
    entity: entry.entity,
    entityId: String(entry.entityId),
    action: entry.action,
    before: toJsonValue(entry.before),
    after: toJsonValue(entry.after),
    reason: entry.reason ?? ctx.reason ?? null,
  };
}

/** Links records to the chain's head and inserts them; `db` must be a transaction (the lock is held until it ends). */
async function appendToChain(db: DbOrTx, records: AuditRecord[]): Promise<void> {
  await lockAuditChain(db);
  const last = await lastAuditLink(db);
  let prevHash = last?.hash ?? GENESIS_HASH;
  let id = last?.id ?? 0;
  const key = auditKeyring()?.key ?? null;
  const rows: AuditRow[] = records.map((fields) => {
    id += 1;
    const record = { id, ...fields };
    const hash = auditHash(prevHash, record);
    const row = { ...record, prevHash, hash, mac: key ? rowMac(key, hash) : null };
    prevHash = hash;
    return row;
  });
  await insertAuditRows(db, rows);
}

/**
 * Appends entries to the chain in the caller's transaction, so a write and its audit commit together.
 * Must be called inside `inTransaction`.
 */
export async function recordAudit(ctx: Ctx, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await appendToChain(
    ctx.db,
    entries.map((entry) => auditRecord(ctx, entry)),
  );
}

/**
 * Read-log rows of concurrent requests, written together (group commit): each `logRead` waits until its row is
 * committed, so no response leaves before its row is in the log and a crash can lose none; but one transaction (one
 * chain lock, one multi-row insert, one commit) serves every request that came while the previous batch was being
 * written, instead of one each. Keyed by the database handle, so tests with a database per file keep theirs apart.
 */
interface PendingRead {
  record: AuditRecord;
  written: () => void;
  failed: (error: Error) => void;
}
interface ReadBatcher {
  pending: PendingRead[];
  draining: boolean;
}
const readBatchers = new WeakMap<object, ReadBatcher>();
const READ_BATCH_ROWS = 1000;

function logReadBatched(db: Db, record: AuditRecord): Promise<void> {
  let batcher = readBatchers.get(db);
  if (!batcher) readBatchers.set(db, (batcher = { pending: [], draining: false }));
  const queue = batcher;
  return new Promise<void>((written, failed) => {
    queue.pending.push({ record, written, failed });
    if (queue.draining) return;
    queue.draining = true;
    // After the requests already in this turn of the event loop have queued their rows.
    setImmediate(() => void drainReads(db, queue));
  });
}

async function drainReads(db: Db, batcher: ReadBatcher): Promise<void> {
  try {
    while (batcher.pending.length > 0) {
      const batch = batcher.pending.splice(0, READ_BATCH_ROWS);
      try {
        await db.transaction((tx) =>
          appendToChain(
            tx as unknown as DbOrTx,
            batch.map((p) => p.record),
          ),
        );
        for (const p of batch) p.written();
      } catch {
        // One row the database refuses must not fail the others' reads: each is retried alone, and only a row that
        // still cannot be written fails its own request (its response is an error, so nothing was read unlogged).
        for (const p of batch) {
          try {
            await db.transaction((tx) => appendToChain(tx as unknown as DbOrTx, [p.record]));
            p.written();
          } catch (error) {
            p.failed(error as Error);
          }
        }
      }
    }
  } finally {
    batcher.draining = false;
  }
}

/**
 * One row for a read of personal data through the API: a per-person view names the person (or record), a list
 * or an export names its filter. Called by the route after the read succeeded (so a refused read leaves none), and
 * resolved once the row is committed: with those of concurrent reads, in one transaction (see `logReadBatched`).
 */
export async function logRead(ctx: Ctx, entry: { entity: string; entityId: string | number; what: string; filter?: unknown }): Promise<void> {
  const filter = entry.filter && typeof entry.filter === 'object' && Object.keys(entry.filter).length > 0 ? entry.filter : undefined;
  const record = auditRecord(ctx, {
    entity: entry.entity,
    entityId: entry.entityId,
    action: 'read',
    after: { what: entry.what, ...(filter ? { filter } : {}) },
  });
  if (isTransaction(ctx.db)) return appendToChain(ctx.db, [record]);
  return logReadBatched(ctx.db as Db, record);
}

/** The processing log of personal data: who read whose record, when, and why. */
export async function logPersonalRead(ctx: Ctx, memberId: number, what: string): Promise<void> {
  await recordAudit(ctx, [{ entity: 'member', entityId: memberId, action: 'read', after: { what }, reason: ctx.reason ?? null }]);
}

/**
 * Walks the whole chain and holds it against the checkpoints kept outside the database. Reports the first
 * row that was altered, removed or not sealed with the key, or the checkpoint that the chain contradicts
 * (a truncated, shortened or rebuilt chain), with a message in Vietnamese.
 */
export async function verifyAuditChain(ctx: Ctx): Promise<ChainReport> {
  assertCan(ctx, 'audit.read');
  const keyring = auditKeyring();
  const key = keyring?.key ?? null;
  const file = await readCheckpoints(keyring?.checkpointFile ?? null);
  const finish = (report: Omit<ChainReport, 'message' | 'keyed'>): ChainReport => {
    const full = { ...report, keyed: key !== null, message: '' };
    return { ...full, message: describeChainReport(full) };
  };
  if (file.damagedLines.length > 0)
    return finish({ ok: false, checked: 0, firstProblem: null, checkpoint: null, damagedCheckpointLine: file.damagedLines[0]! });
  const forged = key ? file.checkpoints.findIndex((c) => !checkpointSigned(key, c)) : -1;
  if (forged >= 0) return finish({ ok: false, checked: 0, firstProblem: null, checkpoint: null, damagedCheckpointLine: forged + 1 });

  const checkpoints = key ? file.checkpoints : [];
  const byHead = new Map<number, AuditCheckpoint[]>();
  for (const c of checkpoints) byHead.set(c.headId, [...(byHead.get(c.headId) ?? []), c]);
  const known = checkpoints.map((c) => c.macFrom).filter((id): id is number => id !== null);
  let macFrom: number | null = known.length ? Math.min(...known) : null;
  let prev: { id: number; hash: string } | null = null;
  let checked = 0;
  for (;;) {
    const batch = await auditRowsAfter(ctx.db, prev?.id ?? 0, 5000);
    if (batch.length === 0) break;
    for (const row of batch) {
      const problem = checkLink(prev, row) ?? checkSeal(key, macFrom, row);
      if (problem) return finish({ ok: false, checked, firstProblem: problem, checkpoint: null });
      const contradicted = byHead.get(row.id)?.find((c) => c.headHash !== row.hash);
      if (contradicted) return finish({ ok: false, checked, firstProblem: { id: row.id, problem: 'checkpoint_mismatch' }, checkpoint: contradicted });
      if (macFrom === null && row.mac !== null) macFrom = row.id;
      prev = { id: row.id, hash: row.hash };
      checked += 1;
    }
  }
  const longest = checkpoints.reduce<AuditCheckpoint | null>((a, c) => (a === null || c.headId > a.headId ? c : a), null);
  if (longest && longest.headId > (prev?.id ?? 0))
    return finish({ ok: false, checked, firstProblem: { id: (prev?.id ?? 0) + 1, problem: 'missing_after' }, checkpoint: longest });
  return finish({ ok: true, checked, firstProblem: null, checkpoint: longest });
}

/**
 * Signs the chain's head as it is now and keeps it outside the database: appended to the checkpoint file and
 * written to the log. Writes nothing when the chain no longer extends the last checkpoint (that contradiction
 * must stay visible to `audit verify`), or when there is no key. Returns what it wrote.
 */
export async function takeAuditCheckpoint(ctx: Ctx, source: string): Promise<AuditCheckpoint | null> {
  const keyring = auditKeyring();
  if (!keyring) return null;
  const head = await chainHead(ctx.db);
  const last = keyring.last ?? (await readCheckpoints(keyring.checkpointFile)).checkpoints.at(-1) ?? null;
  let macFrom = last?.macFrom ?? null;
  if (last) {
    // The chain since the last checkpoint must extend it: its head still there, unchanged, the rows after it linked and sealed.
    let prev: { id: number; hash: string } | null = null;
    let problem: ChainProblem | null = head.headId < last.headId ? { id: head.headId + 1, problem: 'missing_after' } : null;
    if (!problem && last.headId > 0) {
      const [anchor] = await auditRowsAfter(ctx.db, last.headId - 1, 1);
      if (!anchor || anchor.id !== last.headId || anchor.hash !== last.headHash) problem = { id: last.headId, problem: 'checkpoint_mismatch' };
      else prev = { id: anchor.id, hash: anchor.hash };
    }
    let after = last.headId;
    while (!problem && after < head.headId) {
      const batch = await auditRowsAfter(ctx.db, after, 5000);
      for (const row of batch) {
        if (row.id > head.headId) break;
        problem = checkLink(prev, row) ?? checkSeal(keyring.key, macFrom, row);
        if (problem) break;
        if (macFrom === null && row.mac !== null) macFrom = row.id;
        prev = { id: row.id, hash: row.hash };
        after = row.id;
      }
      if (batch.length < 5000 || batch.at(-1)!.id > head.headId) break;
    }
    if (problem) {
      keyring.log?.error(
        { auditChainProblem: problem, lastCheckpoint: last },
        'audit chain contradicts its last checkpoint; no new checkpoint written (run `dangvu audit verify`)',
      );
      return null;
    }
    if (last.headId === head.headId && last.rows === head.rows) return last;
  }
  if (head.rows !== head.headId) {
    keyring.log?.error({ rows: head.rows, headId: head.headId }, 'audit chain has removed rows; no checkpoint written (run `dangvu audit verify`)');
    return null;
  }
  if (macFrom === null) macFrom = await firstSealedRowId(ctx.db);
  const checkpoint = signCheckpoint(keyring.key, {
    rows: head.rows,
    headId: head.headId,
    headHash: head.headHash,
    macFrom,
    at: ctx.now().toISOString(),
    source,
  });
  if (keyring.checkpointFile) await appendCheckpoint(keyring.checkpointFile, checkpoint);
  keyring.last = checkpoint;
  keyring.log?.info({ auditCheckpoint: checkpoint }, 'audit checkpoint');
  return checkpoint;
}

/** Takes a checkpoint every `seconds` while the server runs (only when the head moved); returns a stop function. */
export function startAuditCheckpoints(ctx: Ctx, seconds: number): () => void {
  if (seconds <= 0 || !auditKeyring()) return () => {};
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    takeAuditCheckpoint(ctx, 'interval')
      .catch((error: Error) => ctx.log.warn({ err: error }, 'audit checkpoint failed'))
      .finally(() => {
        running = false;
      });
  }, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}

export async function listAudit(ctx: Ctx, query: { beforeId?: number; limit: number; entity?: string }) {
  assertCan(ctx, 'audit.read');
  return withNames(ctx, await latestAuditRows(ctx.db, query.beforeId ?? null, query.limit, query.entity));
}

/** Keys whose values are organisation or member ids (`orgId`, `toOrgId`, `parentId`, `introducerIds`, …). */
const orgIdKey = /(^|[a-z])(org|Org)Ids?$|^parentId$|^(predecessor|successor)s?Ids?$/;
const memberIdKey = /(^|[a-z])(member|Member)Ids?$|^introducerIds?$|^introducers$/;

function collectIds(value: unknown, key: string, into: { orgs: Set<number>; members: Set<number> }, depth = 0): void {
  if (depth > 3 || value === null || value === undefined) return;
  if (Array.isArray(value)) return value.forEach((v) => collectIds(v, key, into, depth + 1));
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).forEach(([k, v]) => collectIds(v, k, into, depth + 1));
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id)) return;
  if (orgIdKey.test(key)) into.orgs.add(id);
  else if (memberIdKey.test(key)) into.members.add(id);
}

/**
 * Each row with `names`: the names of the organisations and members it mentions by id (`org:162` → the
 * organisation's name), so that the screens show names, never ids; only names inside the reader's scope.
 */
export async function withNames<T extends AuditRow>(
  ctx: Ctx,
  rows: T[],
): Promise<(Omit<T, 'mac' | 'prevHash' | 'hash'> & { names: Record<string, string> })[]> {
  const ids = { orgs: new Set<number>(), members: new Set<number>() };
  const own = (entity: string) => [...new Set(rows.filter((r) => r.entity === entity && /^\d+$/.test(r.entityId)).map((r) => Number(r.entityId)))];
  const perRow = rows.map((row) => {
    const mine = { orgs: new Set<number>(), members: new Set<number>() };
    collectIds(row.before, '', mine);
    collectIds(row.after, '', mine);
    if (/^\d+$/.test(row.entityId)) {
      if (row.entity === 'member') mine.members.add(Number(row.entityId));
      if (row.entity === 'org') mine.orgs.add(Number(row.entityId));
    }
    mine.orgs.forEach((id) => ids.orgs.add(id));
    mine.members.forEach((id) => ids.members.add(id));
    return mine;
  });
  const names = await namesInScope(ctx.db, ctx.actor.scope, [...ids.orgs], [...ids.members], own('candidate'), own('user'));
  return rows.map((row, i) => {
    const { mac: _mac, prevHash: _prev, hash: _hash, ...rest } = row;
    const mine: Record<string, string> = {};
    for (const id of perRow[i]!.orgs) if (names[`org:${id}`]) mine[`org:${id}`] = names[`org:${id}`]!;
    for (const id of perRow[i]!.members) if (names[`member:${id}`]) mine[`member:${id}`] = names[`member:${id}`]!;
    const self = `${row.entity}:${row.entityId}`;
    if (names[self]) mine[self] = names[self]!;
    return { ...rest, names: mine };
  });
}

/** The audit history of one record; the caller has already checked the record is in scope. */
export async function auditHistoryOf(ctx: Ctx, entity: string, entityId: number) {
  return withNames(ctx, await auditRowsFor(ctx.db, entity, String(entityId)));
}
