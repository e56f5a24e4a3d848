/**
 * A backup is one consistent snapshot of the whole database as gzip'd JSON lines: a header line, then
 * per table a line naming its columns, its rows (arrays of PostgreSQL text values, in key order) and a
 * line with the row count, and last a line with the SHA-256 of everything before it. Text values make
 * the file engine-neutral: an embedded backup restores into PostgreSQL and the other way round.
 */
import { createHash } from 'node:crypto';
import pino from 'pino';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database, Db } from '../../db/client.js';
import { syncIdentity, withBulkWriter } from '../../db/bulk.js';
import { migrationVersion, runMigrations } from '../../db/migrate.js';
import { AppError } from '../../errors.js';
import { systemActor } from '../../context.js';
import { appendCheckpoint, auditKeyring } from '../audit/audit.anchor.js';
import { checkpointSigned, type AuditCheckpoint } from '../audit/audit.rules.js';
import { takeAuditCheckpoint } from '../audit/audit.service.js';
import type { Tx } from '../../db/client.js';
import { beginSnapshot, closeCursor, fetchFromCursor, openTableCursor, rowCount, setUserTriggers, tableShapes, tablesWithTriggers } from './backup.queries.js';

export const backupFormat = 'dangvu-backup';
export const backupVersion = 1;

export interface BackupHeader {
  format: typeof backupFormat;
  version: number;
  /** The newest migration the database had: a backup restores only into the same or a newer schema. */
  migration: string | null;
  createdAt: string;
  engine: Database['kind'];
  /** The audit chain's head in this snapshot, signed with the audit key (absent without a key, and in older backups). */
  auditCheckpoint?: AuditCheckpoint | null;
}

export interface BackupSummary {
  tables: Record<string, number>;
  sha256: string;
}

const FETCH = 2000;
const silentLog = pino({ level: 'silent' });

/** Writes the snapshot to `out` (uncompressed JSON lines; the caller gzips) and returns the counts and checksum. */
export async function writeBackup(database: Database, out: Writable, now: Date = new Date()): Promise<BackupSummary> {
  const hash = createHash('sha256');
  const write = async (value: unknown) => {
    const line = `${JSON.stringify(value)}\n`;
    hash.update(line);
    if (!out.write(line)) await once(out, 'drain');
  };
  const tables: Record<string, number> = {};
  const migration = await migrationVersion(database);
  await (database.db as Db).transaction(async (tx) => {
    await beginSnapshot(tx);
    // Signed inside the snapshot, so the backup carries proof of the chain it holds (also kept in the checkpoint file and the log).
    const auditCheckpoint = await takeAuditCheckpoint(
      { db: tx as unknown as Tx, dbKind: database.kind, actor: systemActor, now: () => now, log: auditKeyring()?.log ?? silentLog },
      'backup',
    );
    const header: BackupHeader = {
      format: backupFormat,
      version: backupVersion,
      migration,
      createdAt: now.toISOString(),
      engine: database.kind,
      auditCheckpoint,
    };
    await write(header);
    for (const shape of await tableShapes(tx)) {
      await write({ table: shape.name, columns: shape.columns });
      await openTableCursor(tx, shape);
      let count = 0;
      for (;;) {
        const rows = await fetchFromCursor(tx, shape.columns.length, FETCH);
        if (rows.length === 0) break;
        for (const row of rows) await write(row);
        count += rows.length;
      }
      await closeCursor(tx);
      await write({ end: shape.name, rows: count });
      tables[shape.name] = count;
    }
  });
  const sha256 = hash.digest('hex');
  out.write(`${JSON.stringify({ sha256 })}\n`);
  return { tables, sha256 };
}

/** Writes a gzip'd backup to `path`, through a temporary name so a half-written file never looks like a backup. */
export async function backupToFile(database: Database, path: string, now: Date = new Date()): Promise<BackupSummary> {
  const temporary = `${path}.partial`;
  const gzip = createGzip();
  const file = createWriteStream(temporary, { mode: 0o600 });
  gzip.pipe(file);
  try {
    const summary = await writeBackup(database, gzip, now);
    gzip.end();
    await once(file, 'close');
    await rename(temporary, path);
    return summary;
  } catch (error) {
    gzip.destroy();
    file.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}

const rotatedName = /^dangvu-\d{4}-\d{2}-\d{2}T\d{6}Z\.jsonl\.gz$/;

/** `dangvu-2026-11-27T031500Z.jsonl.gz`: sorts by time, so the newest `keep` are the last names. */
export function rotatedFileName(now: Date): string {
  return `dangvu-${now.toISOString().slice(0, 19).replace(/:/g, '')}Z.jsonl.gz`;
}

/** The scheduled backup: a new file named by date in `dir`, and all but the newest `keep` such files removed. */
export async function backupRotate(
  database: Database,
  dir: string,
  keep: number,
  now: Date = new Date(),
): Promise<{ path: string; summary: BackupSummary; removed: string[] }> {
  if (!Number.isInteger(keep) || keep < 1) throw new AppError('INVALID_INPUT', 'Số bản sao lưu giữ lại (--keep) phải là số nguyên từ 1 trở lên.');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, rotatedFileName(now));
  const summary = await backupToFile(database, path, now);
  const names = (await readdir(dir)).filter((n) => rotatedName.test(n)).sort();
  const removed = names.slice(0, Math.max(0, names.length - keep));
  for (const name of removed) await rm(join(dir, name), { force: true });
  return { path, summary, removed };
}

type BackupLine = BackupHeader | { table: string; columns: string[] } | { end: string; rows: number } | { sha256: string } | (string | null)[];

async function* backupLines(path: string): AsyncGenerator<{ text: string; value: BackupLine }> {
  const input = createReadStream(path).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const text of lines) {
      if (text === '') continue;
      let value: BackupLine;
      try {
        value = JSON.parse(text) as BackupLine;
      } catch {
        throw corruptBackup();
      }
      yield { text, value };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw corruptBackup();
  }
}

const corruptBackup = () => new AppError('INVALID_INPUT', 'Tệp sao lưu bị hỏng hoặc không phải tệp sao lưu của dangvu (không đọc được nội dung).');

/** Reads the whole file and checks its checksum; returns the header and the row counts it declares. */
export async function verifyBackup(path: string): Promise<{ header: BackupHeader; tables: Record<string, number> }> {
  const hash = createHash('sha256');
  let header: BackupHeader | null = null;
  let checksum: string | null = null;
  const tables: Record<string, number> = {};
  for await (const { text, value } of backupLines(path)) {
    if (checksum !== null) throw corruptBackup();
    if (!Array.isArray(value) && 'sha256' in value) {
      checksum = value.sha256;
      continue;
    }
    hash.update(`${text}\n`);
    if (header === null) {
      if (Array.isArray(value) || !('format' in value) || value.format !== backupFormat)
        throw new AppError('INVALID_INPUT', 'Tệp này không phải tệp sao lưu của dangvu.');
      if (value.version !== backupVersion)
        throw new AppError(
          'INVALID_INPUT',
          `Tệp sao lưu theo định dạng phiên bản ${value.version}, phiên bản này của dangvu chỉ đọc được phiên bản ${backupVersion}.`,
        );
      header = value;
    } else if (!Array.isArray(value) && 'end' in value) tables[value.end] = value.rows;
  }
  if (header === null || checksum === null)
    throw new AppError('INVALID_INPUT', 'Tệp sao lưu không đầy đủ (thiếu phần cuối); có thể việc sao lưu đã bị ngắt giữa chừng.');
  if (hash.digest('hex') !== checksum)
    throw new AppError('INVALID_INPUT', 'Tệp sao lưu không khớp mã kiểm tra (SHA-256): tệp đã bị sửa hoặc hỏng. Không khôi phục từ tệp này.');
  return { header, tables };
}

/**
 * Restores a backup into an empty database (schema only: migrated, no rows) in one transaction, then
 * moves each identity sequence past the restored ids. Refuses a non-empty database, a damaged file and
 * a backup made by a newer schema.
 */
export async function restoreFromFile(database: Database, path: string): Promise<{ tables: Record<string, number> }> {
  const { header, tables } = await verifyBackup(path);
  await runMigrations(database);
  await assertRestorable(database, header);
  const shapes = new Map((await tableShapes(database.db)).map((s) => [s.name, s]));
  const occupied: string[] = [];
  for (const name of shapes.keys()) {
    const n = await rowCount(database.db, name);
    if (n > 0) occupied.push(`${name} (${n} dòng)`);
  }
  if (occupied.length > 0)
    throw new AppError(
      'CONFLICT',
      `Chỉ khôi phục vào cơ sở dữ liệu trống, nhưng cơ sở dữ liệu này đã có dữ liệu: ${occupied.join(', ')}. Hãy tạo cơ sở dữ liệu mới (hoặc thư mục dữ liệu mới) rồi khôi phục vào đó.`,
    );

  await withBulkWriter(database, async (writer) => {
    const triggered = await tablesWithTriggers(writer.db);
    await setUserTriggers(writer.db, triggered, false);
    let table: { name: string; columns: string[] } | null = null;
    let batch: (string | null)[][] = [];
    const flush = async () => {
      if (table && batch.length > 0) await writer.insert(table.name, table.columns, batch);
      batch = [];
    };
    for await (const { value } of backupLines(path)) {
      if (Array.isArray(value)) {
        batch.push(value);
        if (batch.length >= FETCH) await flush();
      } else if ('table' in value) {
        const shape = shapes.get(value.table);
        const missing = shape ? value.columns.filter((c) => !shape.columns.includes(c)) : value.columns;
        if (!shape || missing.length > 0)
          throw new AppError(
            'CONFLICT',
            `Tệp sao lưu có bảng hoặc cột mà cơ sở dữ liệu này không có (${value.table}${missing.length ? `: ${missing.join(', ')}` : ''}); hãy cập nhật dangvu lên phiên bản đã tạo bản sao lưu.`,
          );
        table = { name: value.table, columns: value.columns };
      } else if ('end' in value) {
        await flush();
        table = null;
      }
    }
    await setUserTriggers(writer.db, triggered, true);
    for (const shape of shapes.values()) if (shape.identity === 'id') await syncIdentity(writer.db, shape.name);
  });
  // The backup's signed head anchors the restored chain in this deployment's checkpoint file (same key only).
  const keyring = auditKeyring();
  if (keyring?.checkpointFile && header.auditCheckpoint && checkpointSigned(keyring.key, header.auditCheckpoint)) {
    await appendCheckpoint(keyring.checkpointFile, header.auditCheckpoint);
    keyring.last = header.auditCheckpoint;
  }
  return { tables };
}

/** A backup from an older schema restores after the newer migrations ran; one from a newer schema cannot. */
async function assertRestorable(database: Database, header: BackupHeader): Promise<void> {
  const current = await migrationVersion(database);
  const order = (tag: string | null) => (tag ? Number.parseInt(tag.slice(0, 4), 10) : -1);
  if (order(header.migration) > order(current))
    throw new AppError(
      'CONFLICT',
      `Bản sao lưu được tạo ở phiên bản cấu trúc ${header.migration}, mới hơn cơ sở dữ liệu này (${current ?? 'chưa có'}); hãy cập nhật dangvu trước khi khôi phục.`,
    );
}
