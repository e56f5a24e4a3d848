import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase, systemCtx } from '../server/bootstrap.js';
import { openDatabase } from '../server/db/client.js';
import { memberHeaders, memberRow, workbook } from '../server/domains/imports/imports.test-helper.js';
import { makeMember, makeTree } from '../server/test/factories.js';

const root = mkdtempSync(join(tmpdir(), 'dangvu-cli-records-'));
const source = join(root, 'source');
const target = join(root, 'target');
const restored = join(root, 'restored');
let cellCode = '';

beforeAll(async () => {
  const database = await openDatabase({ dataDir: source });
  try {
    await prepareDatabase(database, pino({ level: 'silent' }));
    const ctx = systemCtx(database, pino({ level: 'silent' }));
    const tree = await makeTree(ctx);
    for (const fullName of ['Đinh Công Xuất', 'Quách Thị Nhập', 'Lò Văn Sao']) await makeMember(ctx, tree.a1.id, { fullName });
    cellCode = tree.a1.code;
  } finally {
    await database.close();
  }
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

function dangvu(dataDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/dangvu.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DANGVU_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', DANGVU_IMPORTS_DIR: join(root, 'uploads') },
    timeout: 120_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('dangvu export and import', () => {
  it('exports the records and imports them into another database: a dry run first, then --commit, then nothing left to do', () => {
    const file = join(root, 'du-lieu.xlsx');
    expect(dangvu(source, 'export', file)).toMatchObject({ code: 0, out: expect.stringContaining('Đã xuất dữ liệu') });
    // Whole results are compared, so a failure shows what the command printed.
    expect(dangvu(target, 'import', file)).toMatchObject({
      code: 0,
      out: expect.stringMatching(
        /Tổ chức đảng: 7 thêm mới, 0 cập nhật, 0 không đổi\.\n {2}Đảng viên: {4}3 thêm mới, 0 cập nhật, 0 không đổi\.[^]*Chưa ghi gì \(kiểm tra thử\)/,
      ),
    });
    // The source's cells hold fewer than 3 full members: the import warns (Điều lệ Đảng, Điều 24) and the user accepts.
    expect(dangvu(target, 'import', file, '--commit')).toMatchObject({ code: 1, out: expect.stringContaining('ít nhất 3 đảng viên chính thức') });
    expect(dangvu(target, 'import', file, '--commit', '--accept-warnings')).toMatchObject({
      code: 0,
      out: expect.stringMatching(/Đã ghi trong [\d,]+ giây: 7 tổ chức và 3 đảng viên thêm mới, 0 hồ sơ cập nhật\./),
    });
    expect(dangvu(target, 'import', file)).toMatchObject({ code: 0, out: expect.stringContaining('Đảng viên:    0 thêm mới, 0 cập nhật, 3 không đổi.') });
  }, 300_000);

  it('fails with the number of errors, lists them with their place and writes the full report', async () => {
    const file = join(root, 'loi.xlsx');
    writeFileSync(
      file,
      await workbook({
        'Đảng viên': [memberHeaders, memberRow({ fullName: 'Mai Văn Lỗi', gender: 'Nam', birthDate: '01/01/2090', org: cellCode, admittedOn: '01/01/2010' })],
      }),
    );
    const report = join(root, 'van-de.xlsx');
    const result = dangvu(source, 'import', file, '--commit', '--report', report);
    expect(result.code).toBe(1);
    expect(result.out).toContain('Lỗi (Đảng viên, dòng 2, cột C, Ngày sinh: "01/01/2090"): Ngày 01/01/2090 ở sau hôm nay');
    expect(result.err).toMatch(/^Lỗi: Tệp còn 1 lỗi; chưa ghi gì vào cơ sở dữ liệu\./);
    expect(existsSync(report)).toBe(true);
  }, 120_000);
});

describe('dangvu backup and restore', () => {
  it('backs up, restores into an empty folder, and refuses a folder that holds data', () => {
    const file = join(root, 'sao-luu.jsonl.gz');
    expect(dangvu(source, 'backup', file)).toMatchObject({ code: 0, out: expect.stringMatching(/^Đã sao lưu [\d.]+ dòng của \d+ bảng/) });
    expect(dangvu(restored, 'restore', file)).toMatchObject({ code: 0, out: expect.stringMatching(/^Đã khôi phục [\d.]+ dòng/) });
    const again = dangvu(restored, 'restore', file);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^Lỗi: Chỉ khôi phục vào cơ sở dữ liệu trống/);
    const exportedFromRestored = join(root, 'tu-ban-khoi-phuc.xlsx');
    expect(dangvu(restored, 'export', exportedFromRestored).code).toBe(0);
  }, 300_000);

  it('keeps the newest N dated files with --dir and --keep', () => {
    const dir = join(root, 'dinh-ky');
    for (let i = 0; i < 3; i++) {
      expect(dangvu(source, 'backup', '--dir', dir, '--keep', '2').code).toBe(0);
      // The file name has the second: a new file each run.
      spawnSync('sleep', ['1.1']);
    }
    expect(readdirSync(dir).filter((n) => n.endsWith('.jsonl.gz'))).toHaveLength(2);
  }, 300_000);
});
