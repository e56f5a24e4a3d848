import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase, systemCtx } from '../server/bootstrap.js';
import { openDatabase } from '../server/db/client.js';
import { createCandidate } from '../server/domains/admissions/candidates.service.js';
import { candidateInput } from '../server/domains/admissions/admissions.test-helper.js';
import { makeMember, makeTree } from '../server/test/factories.js';

const dataDir = mkdtempSync(join(tmpdir(), 'dangvu-cli-candidates-'));
let cellCode = '';
let siblingCode = '';

beforeAll(async () => {
  const database = await openDatabase({ dataDir });
  try {
    await prepareDatabase(database, pino({ level: 'silent' }));
    const ctx = systemCtx(database, pino({ level: 'silent' }));
    const tree = await makeTree(ctx);
    const a = await makeMember(ctx, tree.a1.id, { fullName: 'Đinh Công Tráng' });
    const b = await makeMember(ctx, tree.a1.id, { fullName: 'Quách Thị Loan' });
    await createCandidate(ctx, candidateInput(tree.a1.id, [a.id, b.id], { dossier: {}, youthUnionMember: true }));
    cellCode = tree.a1.code;
    siblingCode = tree.b.code;
  } finally {
    await database.close();
  }
}, 120_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function dangvu(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/dangvu.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DANGVU_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('dangvu candidates list', () => {
  it('prints each open file with its cell, state and next step', () => {
    const listed = dangvu('candidates', 'list', '--org', cellCode);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain('Lò Thị Minh Hằng (10/05/1998) — Chi bộ Văn phòng Sở — Đang hoàn thiện hồ sơ — Hoàn thiện hồ sơ (còn thiếu 6 giấy tờ)');
  });

  it('says so when an organisation has none, and fails on an unknown code', () => {
    expect(dangvu('candidates', 'list', '--org', siblingCode).out).toContain('Không có hồ sơ người vào Đảng nào.');
    const unknown = dangvu('candidates', 'list', '--org', 'KHONG-CO');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/^Lỗi: Không tìm thấy tổ chức có mã KHONG-CO\./);
  });
});
