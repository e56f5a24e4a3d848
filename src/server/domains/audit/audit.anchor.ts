/**
 * The audit chain's anchor outside the database: the key that seals each row (HMAC) and the file of
 * signed checkpoints. Someone who can rewrite the table but cannot read this folder can neither seal a
 * rebuilt chain nor make the checkpoints agree with a shortened one.
 */
import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { AuditCheckpoint } from './audit.rules.js';

export interface AuditKeyring {
  key: Buffer;
  /** JSON lines of signed checkpoints; null keeps checkpoints in the log and backups only (tests). */
  checkpointFile: string | null;
  log: Logger | null;
  /** The newest checkpoint this process wrote or read, so that the interval does not re-read a growing file. */
  last?: AuditCheckpoint | null;
}

let current: AuditKeyring | null = null;

/** The process's keyring: set once at start (server, CLI, tests); every audit writer and verifier reads it. */
export function setAuditKeyring(keyring: AuditKeyring | null): void {
  current = keyring;
}

export function auditKeyring(): AuditKeyring | null {
  return current;
}

export const auditKeyFileName = 'audit.key';
export const checkpointFileName = 'audit-checkpoints.jsonl';

/**
 * Reads the key from `DANGVU_AUDIT_KEY`, or from `audit.key` in the audit folder, created (mode 0600) on
 * first start. The folder also holds the checkpoint file.
 */
export async function openAuditKeyring(options: { key?: string; dir: string }, log: Logger | null): Promise<AuditKeyring> {
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const checkpointFile = join(options.dir, checkpointFileName);
  if (options.key) return { key: Buffer.from(options.key, 'utf8'), checkpointFile, log };
  const path = join(options.dir, auditKeyFileName);
  try {
    await writeFile(path, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    log?.warn({ path }, 'audit key created: keep this file (and a copy off the machine); without it the audit trail cannot be verified');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const text = (await readFile(path, 'utf8')).trim();
  if (!/^[0-9a-f]{64}$/.test(text)) throw new Error(`Tệp khóa nhật ký ${path} bị hỏng (phải là 64 chữ số hệ 16).`);
  return { key: Buffer.from(text, 'hex'), checkpointFile, log };
}

export interface CheckpointFile {
  checkpoints: AuditCheckpoint[];
  /** 1-based line numbers that are not a checkpoint at all (a damaged or hand-edited file). */
  damagedLines: number[];
}

export async function readCheckpoints(file: string | null): Promise<CheckpointFile> {
  if (!file) return { checkpoints: [], damagedLines: [] };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { checkpoints: [], damagedLines: [] };
    throw error;
  }
  const checkpoints: AuditCheckpoint[] = [];
  const damagedLines: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      const value = JSON.parse(line) as AuditCheckpoint;
      if (typeof value.headId !== 'number' || typeof value.headHash !== 'string' || typeof value.rows !== 'number') throw new Error('not a checkpoint');
      checkpoints.push(value);
    } catch {
      damagedLines.push(index + 1);
    }
  });
  return { checkpoints, damagedLines };
}

export async function appendCheckpoint(file: string, checkpoint: AuditCheckpoint): Promise<void> {
  await appendFile(file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
}
