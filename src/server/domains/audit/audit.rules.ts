import { createHash } from 'node:crypto';

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
  problem: 'altered' | 'missing_before' | 'broken_link';
}

/** Checks one row against its predecessor; ids are consecutive, so a gap means a removed row. */
export function checkLink(prev: { id: number; hash: string } | null, row: AuditRecord & { prevHash: string; hash: string }): ChainProblem | null {
  const expectedPrevId = prev ? prev.id + 1 : 1;
  if (row.id !== expectedPrevId) return { id: row.id, problem: 'missing_before' };
  if (row.prevHash !== (prev ? prev.hash : GENESIS_HASH)) return { id: row.id, problem: 'broken_link' };
  const { prevHash, hash, ...record } = row;
  if (auditHash(prevHash, record) !== hash) return { id: row.id, problem: 'altered' };
  return null;
}
