/**
 * Stored files: an upload is received (counted as it arrives, refused past the size limit), checked by its content
 * (PDF or .docx, files.rules.ts), written once under DANGVU_FILES_DIR named by its SHA-256 (the same bytes uploaded
 * twice are kept once), and described by a `stored_files` row. The owning domain (a meeting's minutes, a party
 * document) calls `storeFile` inside its own transaction and decides who may read the file; this module checks no
 * role or scope of its own.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Readable } from 'node:stream';
import { inTransaction, type Ctx } from '../../context.js';
import { AppError, invalidField, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { StoredFile } from '../../../shared/files.js';
import { detectStoredFileKind, storedFileRefusal } from './files.rules.js';
import { findStoredFile, insertStoredFile, type StoredFileRow } from './files.queries.js';

export const defaultFileMaxBytes = 20 * 1024 * 1024;
let filesDir = join(tmpdir(), 'dangvu-files');
let fileMaxBytes = defaultFileMaxBytes;

/** Set at start from DANGVU_FILES_DIR and DANGVU_FILE_MAX_MB (config.ts, `filesConfig`). */
export function setStoredFilesConfig(options: { dir: string; maxBytes: number }): void {
  filesDir = options.dir;
  fileMaxBytes = options.maxBytes;
}

export function storedFilesDir(): string {
  return filesDir;
}

export function storedFileMaxBytes(): number {
  return fileMaxBytes;
}

/** Where the bytes of a hash live: two levels of folders keep any one folder small. */
export function storedFilePath(sha256: string): string {
  return join(filesDir, sha256.slice(0, 2), sha256);
}

export interface FileUpload {
  body: Readable | Buffer;
  originalName: string;
  /** The owning record's kind, e.g. `meeting_minutes`. */
  purpose: string;
  /** The request field the file came in, for the refusal (default `file`). */
  field?: string;
}

/** Reads the upload into memory, refusing it as soon as it passes the limit (the limit is small: tens of MB). */
export async function receiveUpload(
  body: Readable | Buffer,
  maxBytes: number,
  field: string,
  tooLarge = storedFileRefusal('too_large', maxBytes),
): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  if (typeof (body as Partial<Readable> | null)?.pipe !== 'function')
    throw invalidField(field, 'Hãy gửi chính nội dung tệp (Content-Type: application/octet-stream), kèm tên tệp ở tham số filename.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const piece = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += piece.length;
    if (size > maxBytes) {
      body.destroy();
      throw invalidField(field, tooLarge);
    }
    chunks.push(piece);
  }
  return Buffer.concat(chunks);
}

/**
 * Writes bytes once under the files folder, named by their SHA-256 (through a temporary name, so a half-written file
 * never carries a hash), and gives the hash. For a domain that makes its own files (a photo's WebP variants): the
 * caller records them in its own table, inside its transaction.
 */
export async function keepStoredBytes(bytes: Buffer): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const path = storedFilePath(sha256);
  const existing = await stat(path).catch(() => null);
  if (existing?.size !== bytes.length) {
    await mkdir(join(filesDir, sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, bytes, { mode: 0o600 });
      await rename(temporary, path);
    } finally {
      await rm(temporary, { force: true });
    }
  }
  return sha256;
}

/** Checks and keeps an uploaded file; the row and its audit join the caller's transaction. */
export async function storeFile(ctx: Ctx, upload: FileUpload): Promise<StoredFileRow> {
  const field = upload.field ?? 'file';
  const bytes = await receiveUpload(upload.body, fileMaxBytes, field);
  const verdict = detectStoredFileKind(bytes, fileMaxBytes);
  if (!verdict.ok) throw invalidField(field, storedFileRefusal(verdict.reason, fileMaxBytes));
  const sha256 = await keepStoredBytes(bytes);
  return inTransaction(ctx, async (tx) => {
    const row = await insertStoredFile(tx.db, {
      sha256,
      sizeBytes: bytes.length,
      mediaType: verdict.mediaType,
      originalName: upload.originalName.trim().slice(0, 255) || 'tep',
      purpose: upload.purpose,
      uploadedBy: tx.actor.userId,
      uploadedByName: tx.actor.name,
      uploadedAt: tx.now(),
    });
    await recordAudit(tx, [
      {
        entity: 'stored_file',
        entityId: row.id,
        action: 'create',
        after: { sha256, sizeBytes: row.sizeBytes, mediaType: row.mediaType, purpose: row.purpose },
      },
    ]);
    return row;
  });
}

/** A stored file's description for answers. */
export function storedFileView(row: StoredFileRow): StoredFile {
  return {
    id: row.id,
    sha256: row.sha256,
    sizeBytes: row.sizeBytes,
    mediaType: row.mediaType,
    originalName: row.originalName,
    uploadedByName: row.uploadedByName,
    uploadedAt: row.uploadedAt.toISOString(),
  };
}

export async function getStoredFile(ctx: Ctx, id: number): Promise<StoredFileRow> {
  const row = await findStoredFile(ctx.db, id);
  if (!row) throw notFound('tệp');
  return row;
}

/**
 * The bytes of a stored file, for the owning domain's download route (after its own access check). A file missing
 * on disk (a data folder restored without its files folder) is an error the administrator must see.
 */
export async function openStoredFile(row: StoredFileRow): Promise<Readable> {
  const path = storedFilePath(row.sha256);
  const found = await stat(path).catch(() => null);
  if (!found || found.size !== row.sizeBytes)
    throw new AppError(
      'NOT_FOUND',
      `Không tìm thấy nội dung tệp "${row.originalName}" trong thư mục tệp (DANGVU_FILES_DIR): hãy khôi phục thư mục tệp từ bản sao lưu.`,
    );
  return createReadStream(path);
}
