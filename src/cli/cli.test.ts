import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'dangvu-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs the real `dangvu` binary against its own embedded database folder. */
function dangvu(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/dangvu.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DANGVU_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('dangvu command', () => {
  it('lists its commands, each with help', () => {
    const help = dangvu('--help');
    expect(help.code).toBe(0);
    for (const command of ['serve', 'migrate', 'init', 'demo', 'user', 'rules', 'audit']) expect(help.out).toContain(command);
    expect(dangvu('user', 'add', '--help').out).toContain('--role');
  });

  it('initialises an empty database with a first admin and a one-time password', () => {
    const init = dangvu('init');
    expect(init.code).toBe(0);
    expect(init.out).toMatch(/admin — mật khẩu dùng một lần: \S+/);
    expect(dangvu('init').out).toContain('đã có quản trị viên');
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
