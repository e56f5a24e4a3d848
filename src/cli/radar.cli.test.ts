import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase, systemCtx } from '../server/bootstrap.js';
import { openDatabase } from '../server/db/client.js';
import { listAttention } from '../server/domains/radar/radar.service.js';
import { createTransfer } from '../server/domains/transfers/transfers.service.js';
import { decision, makeMember, makeOrg, makeTree } from '../server/test/factories.js';
import { formatDate } from '../shared/vietnamese.js';
import type { AttentionItem } from '../shared/radar.js';

const dataDir = mkdtempSync(join(tmpdir(), 'dangvu-radar-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function dangvu(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/dangvu.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DANGVU_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

let everything: AttentionItem[];
let ofA1: AttentionItem[];
let a1Code: string;
let quietCode: string;
let ofQuiet: AttentionItem[];

/** Two open transfers in the embedded database the command will open; the service's own list is the expectation. */
beforeAll(async () => {
  const database = await openDatabase({ dataDir });
  try {
    const log = pino({ level: 'silent' });
    await prepareDatabase(database, log);
    const ctx = systemCtx(database, log);
    const tree = await makeTree(ctx);
    a1Code = tree.a1.code;
    const quiet = await makeOrg(ctx, 'cell', tree.a.id, { name: 'Chi bộ Không Việc' });
    quietCode = quiet.code;
    const late = await makeMember(ctx, tree.a1.id, { fullName: 'Quàng Văn Muộn' });
    const soon = await makeMember(ctx, tree.b1.id, { fullName: 'Lò Thị Sớm' });
    const move = (memberId: number, to: number, on: string) =>
      createTransfer(ctx, {
        direction: 'within',
        kind: 'permanent',
        memberId,
        receivingOrgId: to,
        movingDecision: decision(on),
        purpose: null,
        temporaryFrom: null,
        temporaryUntil: null,
        note: null,
      });
    await move(soon.id, tree.b2.id, '2026-03-02');
    await move(late.id, tree.a2.id, '2026-01-05');
    everything = (await listAttention(ctx, { date: '2026-05-20' })).items;
    ofA1 = (await listAttention(ctx, { orgId: tree.a1.id, date: '2026-05-20' })).items;
    ofQuiet = (await listAttention(ctx, { orgId: quiet.id, date: '2026-05-20' })).items;
  } finally {
    await database.close();
  }
}, 120_000);

const line = (item: AttentionItem) => `${formatDate(item.dueOn)}  ${item.label}`;

describe('dangvu radar', () => {
  it('prints the same list as the API, most urgent first', () => {
    const result = dangvu('radar', '--date', '2026-05-20');
    expect(result.code).toBe(0);
    const lines = result.out.trim().split('\n');
    expect(lines).toHaveLength(everything.length);
    // The two transfers; the other items are the party-life radar's (cells without a secretary or a month's meeting).
    const transfers = everything.filter((item) => item.kind.startsWith('transfer_'));
    expect(transfers.map((i) => i.severity)).toEqual(['overdue', 'due_soon']);
    everything.forEach((item, index) => expect(lines[index]).toContain(line(item)));
    expect(lines.find((l) => l.includes('Quàng Văn Muộn'))).toMatch(/^Quá hạn\s+03\/04\/2026 {2}Cấp giấy giới thiệu /);
    expect(lines.find((l) => l.includes('Lò Thị Sớm'))).toMatch(/^Sắp đến hạn\s+28\/05\/2026/);
  });

  it('narrows to one organisation by its code', () => {
    const result = dangvu('radar', '--org', a1Code, '--date', '2026-05-20');
    expect(result.code).toBe(0);
    expect(result.out.trim().split('\n')).toEqual(ofA1.map((i) => expect.stringContaining(line(i))));
    // A new cell without members still shows its party-life items (no secretary, no meetings), as the service lists them.
    expect(dangvu('radar', '--org', quietCode, '--date', '2026-05-20').out.trim().split('\n')).toEqual(ofQuiet.map((i) => expect.stringContaining(line(i))));
  });

  it('fails with one Vietnamese line for an unknown organisation', () => {
    const result = dangvu('radar', '--org', 'KHONG-CO');
    expect(result.code).toBe(1);
    expect(result.err.trim()).toBe('Lỗi: Không tìm thấy tổ chức có mã KHONG-CO.');
  });
});
