import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { makeMember, makeTree } from '../../test/factories.js';
import { auditKeyring, checkpointFileName, readCheckpoints, setAuditKeyring } from './audit.anchor.js';
import { auditHash, type AuditRecord } from './audit.rules.js';
import { takeAuditCheckpoint, verifyAuditChain } from './audit.service.js';
import { backupToFile, verifyBackup } from '../backup/backup.service.js';

/**
 * The three ways to falsify the trail that a hash chain alone cannot see (every one leaves a chain that links),
 * each done as a database superuser would, against a chain whose head was signed into a checkpoint file.
 */
let dir: string;
let database: Database;
let drop: () => Promise<void>;
const original = auditKeyring();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dangvu-audit-'));
});
afterAll(async () => {
  setAuditKeyring(original);
  await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  setAuditKeyring({ key: randomBytes(32), checkpointFile: join(dir, `${randomBytes(6).toString('hex')}-${checkpointFileName}`), log: null });
  ({ database, drop } = await createTestDatabase());
  const ctx = ctxFor(database);
  const tree = await makeTree(ctx);
  for (let i = 0; i < 3; i += 1) await makeMember(ctx, tree.a1.id);
  expect(await takeAuditCheckpoint(ctx, 'test')).toMatchObject({ source: 'test' });
});
afterEach(() => drop());

async function rowCount(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM audit_log`);
  return row!.n;
}

/** As a superuser: with the guard trigger switched off for the one statement. */
async function asSuperuser(trigger: 'audit_log_no_update' | 'audit_log_no_truncate', statement: ReturnType<typeof sql>) {
  await database.db.execute(sql.raw(`ALTER TABLE audit_log DISABLE TRIGGER ${trigger}`));
  await database.db.execute(statement);
  await database.db.execute(sql.raw(`ALTER TABLE audit_log ENABLE TRIGGER ${trigger}`));
}

interface StoredRow extends AuditRecord {
  prevHash: string;
  hash: string;
}

/** Rewrites row `id` and recomputes every later hash, as one who knows the hash function but not the key would. */
async function rewriteAndRehash(id: number, reason: string, stripSeals = false) {
  const rows = await queryRows<StoredRow>(
    database.db,
    sql`SELECT id::int AS id, at, actor_id AS "actorId", actor_name AS "actorName", entity, entity_id AS "entityId", action, before, after, reason, prev_hash AS "prevHash", hash FROM audit_log ORDER BY id`,
  );
  let prevHash = rows.find((r) => r.id === id)!.prevHash;
  await database.db.execute(sql.raw('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update'));
  for (const row of rows.filter((r) => r.id >= id)) {
    const record: AuditRecord = {
      id: row.id,
      at: row.at,
      actorId: row.actorId,
      actorName: row.actorName,
      entity: row.entity,
      entityId: row.entityId,
      action: row.action,
      before: row.before,
      after: row.after,
      reason: row.id === id ? reason : row.reason,
    };
    const hash = auditHash(prevHash, record);
    await database.db.execute(
      sql`UPDATE audit_log SET reason = ${record.reason}, prev_hash = ${prevHash}, hash = ${hash}, mac = CASE WHEN ${stripSeals} THEN NULL ELSE mac END WHERE id = ${row.id}`,
    );
    prevHash = hash;
  }
  await database.db.execute(sql.raw('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update'));
}

describe('the audit chain anchored outside the database', () => {
  it('verifies the untouched chain against its checkpoint', async () => {
    const report = await verifyAuditChain(ctxFor(database));
    expect(report).toMatchObject({ ok: true, checked: await rowCount(), keyed: true, checkpoint: { rows: await rowCount() } });
    expect(report.message).toContain('khớp mốc kiểm tra');
  });

  it('refuses TRUNCATE while the guard is on', async () => {
    await expect(database.db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
    expect(await rowCount()).toBeGreaterThan(0);
  });

  it('detects a truncated log (guard switched off by a superuser), and a chain rebuilt from nothing afterwards', async () => {
    const rows = await rowCount();
    await asSuperuser('audit_log_no_truncate', sql`TRUNCATE audit_log`);
    const report = await verifyAuditChain(ctxFor(database));
    expect(report).toMatchObject({ ok: false, checked: 0, firstProblem: { id: 1, problem: 'missing_after' }, checkpoint: { rows } });
    expect(report.message).toMatch(/xóa sạch.*Dòng đầu tiên bị mất: số 1/);
    // A new chain written by the application afterwards is sealed, but it is not the one the checkpoint signed.
    await makeMember(ctxFor(database), (await makeTree(ctxFor(database))).a1.id);
    const rebuilt = await verifyAuditChain(ctxFor(database));
    expect(rebuilt.ok).toBe(false);
    expect(rebuilt.firstProblem?.problem).toMatch(/checkpoint_mismatch|missing_after/);
  });

  it('detects the newest rows deleted, naming the first missing row', async () => {
    const rows = await rowCount();
    await asSuperuser('audit_log_no_update', sql`DELETE FROM audit_log WHERE id > ${rows - 3}`);
    const report = await verifyAuditChain(ctxFor(database));
    expect(report).toMatchObject({ ok: false, checked: rows - 3, firstProblem: { id: rows - 2, problem: 'missing_after' }, checkpoint: { headId: rows } });
    expect(report.message).toContain(`Dòng đầu tiên bị mất: số ${rows - 2}`);
  });

  it('detects a rewritten row with every later hash recomputed, at that row', async () => {
    await rewriteAndRehash(3, 'lý do bịa');
    const report = await verifyAuditChain(ctxFor(database));
    expect(report).toMatchObject({ ok: false, checked: 2, firstProblem: { id: 3, problem: 'bad_seal' } });
    expect(report.message).toContain('dòng 3');
  });

  it('detects the same rewrite when the seals are stripped too', async () => {
    await rewriteAndRehash(3, 'lý do bịa', true);
    const report = await verifyAuditChain(ctxFor(database));
    expect(report).toMatchObject({ ok: false, firstProblem: { id: 3, problem: 'unsealed' } });
  });

  it('detects a rewrite without the key as a contradiction of the checkpoint (no seals at all)', async () => {
    const keyring = auditKeyring()!;
    await rewriteAndRehash(2, 'lý do bịa', true);
    // Even against a verifier that ignores seals before the first sealed row, the signed head no longer matches.
    await database.db.execute(sql.raw('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update'));
    await database.db.execute(sql`UPDATE audit_log SET mac = NULL`);
    await database.db.execute(sql.raw('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update'));
    const report = await verifyAuditChain(ctxFor(database));
    expect(report.ok).toBe(false);
    expect(report.firstProblem?.id).toBeLessThanOrEqual(2);
    expect(keyring.checkpointFile).not.toBeNull();
  });

  it('writes no new checkpoint over a tampered chain, so the contradiction stays visible', async () => {
    const rows = await rowCount();
    await asSuperuser('audit_log_no_update', sql`DELETE FROM audit_log WHERE id = ${rows}`);
    expect(await takeAuditCheckpoint(ctxFor(database), 'test')).toBeNull();
    const { checkpoints } = await readCheckpoints(auditKeyring()!.checkpointFile);
    expect(checkpoints.map((c) => c.rows)).toEqual([rows]);
    expect((await verifyAuditChain(ctxFor(database))).firstProblem).toEqual({ id: rows, problem: 'missing_after' });
  });

  it('refuses a checkpoint file edited to agree with a shortened chain', async () => {
    const file = auditKeyring()!.checkpointFile!;
    const [checkpoint] = (await readCheckpoints(file)).checkpoints;
    await writeFile(file, `${JSON.stringify({ ...checkpoint, rows: 1, headId: 1 })}\n`);
    const report = await verifyAuditChain(ctxFor(database));
    expect(report).toMatchObject({ ok: false, damagedCheckpointLine: 1 });
    expect(report.message).toContain('Tệp mốc kiểm tra');
  });

  it('puts a signed checkpoint of the snapshot into every backup and into the checkpoint file', async () => {
    const path = join(dir, `${randomBytes(6).toString('hex')}.jsonl.gz`);
    await makeMember(ctxFor(database), (await makeTree(ctxFor(database))).a1.id);
    await backupToFile(database, path);
    const { header } = await verifyBackup(path);
    expect(header.auditCheckpoint).toMatchObject({ rows: await rowCount(), headId: await rowCount(), source: 'backup' });
    const lines = (await readFile(auditKeyring()!.checkpointFile!, 'utf8')).trim().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toEqual(header.auditCheckpoint);
  });
});
