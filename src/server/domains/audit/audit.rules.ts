import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface AuditRecord {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys: jsonb reorders keys, so the hash must not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function auditHash(prevHash: string, record: AuditRecord): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(record)).digest('hex');
}

/** Plain JSON as jsonb will return it (Dates become ISO strings), so hashing before and after storage agree. */
export function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

export interface ChainProblem {
  id: number;
  problem: 'altered' | 'missing_before' | 'broken_link' | 'unsealed' | 'bad_seal' | 'checkpoint_mismatch' | 'missing_after';
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstProblem: ChainProblem | null;
  /** The checkpoint the chain contradicts, or (when intact) the newest one it agrees with. */
  checkpoint: AuditCheckpoint | null;
  /** A line of the checkpoint file that is damaged or not signed with the key. */
  damagedCheckpointLine?: number;
  /** Whether rows are sealed and checkpoints checked (a key is configured). */
  keyed: boolean;
  message: string;
}

/** `03/12/2026 10:05:15 (UTC)`: the server's clock, stated in UTC so that it reads the same everywhere. */
const checkpointTime = (at: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(at) ? `${at.slice(8, 10)}/${at.slice(5, 7)}/${at.slice(0, 4)} ${at.slice(11, 19)} (UTC)` : at;
const checkpointName = (c: AuditCheckpoint) => `mốc kiểm tra lúc ${checkpointTime(c.at)} (${c.rows} dòng, dòng cuối số ${c.headId})`;

/** The verdict in one Vietnamese sentence, naming the first row or the checkpoint in question. */
export function describeChainReport(report: Omit<ChainReport, 'message'>): string {
  const intact = `${report.checked} dòng đầu tiên nguyên vẹn`;
  if (report.damagedCheckpointLine !== undefined)
    return `Tệp mốc kiểm tra nhật ký bị sửa hoặc hỏng ở dòng ${report.damagedCheckpointLine} (sai chữ ký hoặc không đọc được): không thể tin các mốc kiểm tra; hãy đối chiếu với bản sao lưu và nhật ký máy chủ.`;
  const p = report.firstProblem;
  if (report.ok || !p) {
    const anchored = report.checkpoint
      ? `, khớp ${checkpointName(report.checkpoint)}`
      : report.keyed
        ? ', chưa có mốc kiểm tra nào'
        : ' (chưa cấu hình khóa nhật ký: chỉ kiểm tra được chuỗi băm)';
    return `Nhật ký nguyên vẹn: ${report.checked} dòng đã kiểm tra${anchored}.`;
  }
  switch (p.problem) {
    case 'altered':
      return `Nhật ký bị can thiệp: dòng ${p.id} đã bị sửa (nội dung không khớp mã băm; ${intact}).`;
    case 'missing_before':
      return `Nhật ký bị can thiệp: thiếu dòng ngay trước dòng ${p.id} — đã bị xóa (${intact}).`;
    case 'broken_link':
      return `Nhật ký bị can thiệp: dòng ${p.id} không nối đúng dòng trước (${intact}).`;
    case 'unsealed':
      return `Nhật ký bị can thiệp: dòng ${p.id} thiếu mã xác thực (HMAC) — dòng đã bị viết lại hoặc chèn thêm (${intact}).`;
    case 'bad_seal':
      return `Nhật ký bị can thiệp: dòng ${p.id} có mã xác thực (HMAC) không khớp khóa nhật ký — dòng đã bị viết lại và các mã băm sau nó bị tính lại, hoặc khóa không phải khóa của cơ sở dữ liệu này (${intact}).`;
    case 'checkpoint_mismatch':
      return `Nhật ký bị dựng lại: dòng ${p.id} khác với ${report.checkpoint ? checkpointName(report.checkpoint) : 'mốc kiểm tra'} (${intact}).`;
    case 'missing_after':
      return report.checked === 0
        ? `Nhật ký đã bị xóa sạch (TRUNCATE hoặc dựng lại từ đầu): bảng không còn dòng nào, trong khi ${report.checkpoint ? checkpointName(report.checkpoint) : 'mốc kiểm tra'} ghi nhận đã có. Dòng đầu tiên bị mất: số 1.`
        : `Nhật ký bị cắt ngắn: chỉ còn ${report.checked} dòng, trong khi ${report.checkpoint ? checkpointName(report.checkpoint) : 'mốc kiểm tra'}. Dòng đầu tiên bị mất: số ${p.id}.`;
  }
}

/** Checks one row against its predecessor; ids are consecutive, so a gap means a removed row. */
export function checkLink(
  prev: { id: number; hash: string } | null,
  row: AuditRecord & { prevHash: string; hash: string; mac?: string | null },
): ChainProblem | null {
  const expectedPrevId = prev ? prev.id + 1 : 1;
  if (row.id !== expectedPrevId) return { id: row.id, problem: 'missing_before' };
  if (row.prevHash !== (prev ? prev.hash : GENESIS_HASH)) return { id: row.id, problem: 'broken_link' };
  const { prevHash, hash, mac: _seal, ...record } = row;
  if (auditHash(prevHash, record) !== hash) return { id: row.id, problem: 'altered' };
  return null;
}

/** The row's keyed seal: without the key, a rewritten row (and every later hash recomputed) cannot be sealed again. */
export function rowMac(key: Buffer, hash: string): string {
  return createHmac('sha256', key).update('dangvu-audit-row\n').update(hash).digest('hex');
}

/** A signed statement of the chain's head at one moment, kept outside the database (file, log, backups). */
export interface AuditCheckpoint {
  /** Rows in the log when the checkpoint was taken (ids are consecutive, so also the head's id). */
  rows: number;
  headId: number;
  headHash: string;
  /** The first row sealed with the key (earlier rows predate the key); null when no row is sealed yet. */
  macFrom: number | null;
  at: string;
  /** Where it was taken: start, interval, verify, backup. */
  source: string;
  mac: string;
}

export function checkpointMac(key: Buffer, checkpoint: Omit<AuditCheckpoint, 'mac'>): string {
  const { rows, headId, headHash, macFrom, at, source } = checkpoint;
  return createHmac('sha256', key).update('dangvu-audit-checkpoint\n').update(canonicalJson({ rows, headId, headHash, macFrom, at, source })).digest('hex');
}

export function signCheckpoint(key: Buffer, checkpoint: Omit<AuditCheckpoint, 'mac'>): AuditCheckpoint {
  return { ...checkpoint, mac: checkpointMac(key, checkpoint) };
}

export function checkpointSigned(key: Buffer, checkpoint: AuditCheckpoint): boolean {
  const expected = Buffer.from(checkpointMac(key, checkpoint), 'hex');
  const given = Buffer.from(typeof checkpoint.mac === 'string' ? checkpoint.mac : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Checks a row's seal: required from the first sealed row on; a row before it may predate the key. */
export function checkSeal(key: Buffer | null, macFrom: number | null, row: { id: number; hash: string; mac: string | null }): ChainProblem | null {
  if (!key) return null;
  if (row.mac === null) return macFrom !== null && row.id >= macFrom ? { id: row.id, problem: 'unsealed' } : null;
  return row.mac === rowMac(key, row.hash) ? null : { id: row.id, problem: 'bad_seal' };
}
