import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

/** Every database folder of this file lives under one temporary folder (with its `-audit` sibling, the audit key). */
const root = mkdtempSync(join(tmpdir(), 'dangvu-cli-'));
/** A database initialised once (first admin, rulebook, audit key), copied for each test that needs one. */
const initialised = join(root, 'initialised');
let dataDir = '';
let copies = 0;
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs the real `dangvu` binary against an embedded database folder (by default the current test's). */
function dangvu(...args: string[]) {
  return dangvuIn(dataDir, ...args);
}

function dangvuIn(dir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/dangvu.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DANGVU_DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    timeout: 150_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

beforeAll(() => {
  const init = dangvuIn(initialised, 'init');
  if (init.code !== 0) throw new Error(`dangvu init failed: ${init.err}`);
}, 180_000);

// Each test starts from its own copy of the initialised database, so none depends on what another did before it.
beforeEach(() => {
  dataDir = join(root, `test-${++copies}`);
  cpSync(initialised, dataDir, { recursive: true });
  cpSync(`${initialised}-audit`, `${dataDir}-audit`, { recursive: true });
});

// Each command starts a process that loads the sources and opens the database: slow on a busy machine.
describe('dangvu command', { timeout: 180_000 }, () => {
  it('lists its commands, each with help', () => {
    const help = dangvu('--help');
    expect(help.code).toBe(0);
    for (const command of ['serve', 'migrate', 'init', 'demo', 'user', 'rules', 'audit']) expect(help.out).toContain(command);
    expect(dangvu('user', 'add', '--help').out).toContain('--role');
  });

  it('initialises an empty database with a first admin and a one-time password', () => {
    const empty = join(root, `empty-${++copies}`);
    const init = dangvuIn(empty, 'init');
    expect(init.code).toBe(0);
    expect(init.out).toMatch(/admin — mật khẩu dùng một lần: \S+/);
    expect(dangvuIn(empty, 'init').out).toContain('đã có quản trị viên');
  });

  it('prints the rulebook in force and verifies the audit chain', () => {
    const rules = dangvu('rules', 'list', '--date', '2026-11-27');
    expect(rules.code).toBe(0);
    expect(rules.out).toMatch(/probation_months: 12 từ \d{2}\/\d{2}\/\d{4} — Điều lệ Đảng/);
    const audit = dangvu('audit', 'verify');
    expect(audit.code).toBe(0);
    expect(audit.out).toContain('Nhật ký nguyên vẹn');
  });

  it('fails with one Vietnamese line and a non-zero code, never a stack trace', () => {
    const bad = dangvu('user', 'add', 'canbo', '--role', 'king', '--name', 'Cán bộ');
    expect(bad.code).toBe(1);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(bad.err).toMatch(/^Lỗi: role: /);
    const unknown = dangvu('user', 'reset-password', 'nobody');
    expect(unknown.code).toBe(1);
    expect(unknown.err.trim()).toBe('Lỗi: Không tìm thấy tài khoản.');
    expect(unknown.err).not.toMatch(/\bat .*:\d+/);
  });

  it('creates an account and resets its password', () => {
    const add = dangvu('user', 'add', 'vanphong', '--role', 'admin', '--name', 'Văn phòng');
    expect(add.code).toBe(0);
    expect(add.out).toContain('Đã tạo tài khoản vanphong');
    const reset = dangvu('user', 'reset-password', 'vanphong');
    expect(reset.code).toBe(0);
    expect(reset.out).toMatch(/Mật khẩu dùng một lần mới của vanphong: \S+/);
  });
});
