import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client.js';
import { createTestDatabase, ctxFor, testEngine } from '../../test/test-database.js';
import { decision, makeMember, makeTree } from '../../test/factories.js';
import { recordMembershipEvent } from '../members/membership-events.service.js';
import { annulMembershipEvent } from '../members/event-annulment.service.js';
import { verifyAuditChain } from '../audit/audit.service.js';
import { createUser } from '../users/users.service.js';
import { exportBuffer, importBuffer, memberHeaders, memberRow, orgHeaders, orgRow, sheetRows, workbook } from '../imports/imports.test-helper.js';
import { rowCount, tableShapes } from './backup.queries.js';
import { backupRotate, backupToFile, restoreFromFile } from './backup.service.js';

/** A migrated-nothing database of the engine under test: what `dangvu restore` expects. */
async function createEmptyDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (testEngine === 'pglite') {
    const database = await openDatabase({});
    return { database, drop: () => database.close() };
  }
  const baseUrl = process.env.TEST_DATABASE_URL!;
  const name = `dangvu_r_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    database,
    drop: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      // pool.end() resolves before its sockets have closed; forcing the drop at once would kill them mid-goodbye.
      for (let attempt = 0; ; attempt++) {
        try {
          await cleanup.query(`DROP DATABASE IF EXISTS ${name}${attempt >= 40 ? ' WITH (FORCE)' : ''}`);
          break;
        } catch (error) {
          if (attempt >= 40) throw error;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      await cleanup.end();
    },
  };
}

async function tableCounts(database: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const shape of await tableShapes(database.db)) counts[shape.name] = await rowCount(database.db, shape.name);
  return counts;
}

async function exportHash(database: Database): Promise<string> {
  const rows = await sheetRows(await exportBuffer(ctxFor(database)));
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

const at = new Date('2026-11-27T03:15:00Z');
let source: { database: Database; drop: () => Promise<void> };
let dir: string;
let backupPath: string;
/** Written once in beforeAll, so every test has the file whatever the order. */
let summary: Awaited<ReturnType<typeof backupToFile>>;

beforeAll(async () => {
  source = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'dangvu-backup-'));
  backupPath = join(dir, 'snapshot.jsonl.gz');
  const ctx = ctxFor(source.database);
  const tree = await makeTree(ctx);
  for (let i = 0; i < 12; i++)
    await makeMember(ctx, [tree.a1, tree.b2][i % 2].id, {
      fullName: `Nguyễn Thị Sao Lưu ${['An', 'Bình', 'Chi'][i % 3]}`,
      birthDate: `198${i % 10}-0${1 + (i % 9)}-15`,
    });
  // An event annulled as entered by mistake: the annulment and the period it emptied are backed up too.
  const mistaken = await makeMember(ctx, tree.a1.id, { fullName: 'Nguyễn Văn Hủy Nhầm' });
  const struck = await recordMembershipEvent(ctx, mistaken.id, {
    kind: 'death',
    occurredOn: '2026-01-05',
    decision: decision('2026-01-05'),
    toOrgId: null,
    details: {},
  });
  await annulMembershipEvent(ctx, mistaken.id, struck.eventId, { reason: 'Ghi nhầm người', decision: null, version: struck.member.version });
  await createUser(ctx, { username: 'quantri', displayName: 'Quản trị', role: 'admin', orgId: null, memberId: null, password: 'mat-khau-thu-123' });
  // An import too: its orgs, members, events, periods, audit rows, the import's own row and its saved state.
  await importBuffer(
    ctx,
    source.database,
    await workbook({
      'Tổ chức': [
        orgHeaders,
        orgRow({
          code: 'SL.C1',
          name: 'Chi bộ Sao lưu',
          kind: 'Chi bộ trực thuộc',
          parent: tree.b.code,
          foundedOn: '01/02/2003',
          foundingDecisionNumber: '12-QĐ/ĐU',
          foundingDecisionIssuer: 'Đảng ủy Sở',
        }),
      ],
      'Đảng viên': [
        memberHeaders,
        memberRow({
          fullName: 'Trịnh Văn Tab',
          position: 'Phó "trưởng" phòng',
          gender: 'Nam',
          birthDate: '01/01/1970',
          org: 'SL.C1',
          admittedOn: '01/01/2000',
          confirmedOn: '01/01/2001',
          cardNumber: '99000001',
          job: 'Kỹ sư\\cơ khí',
        }),
      ],
    }),
  );
  summary = await backupToFile(source.database, backupPath, at);
});
afterAll(async () => {
  await source.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores into an empty database with the same record counts, the same canonical export and a verifying audit chain', async () => {
    expect(summary.tables.members).toBe(14);
    expect(summary.tables.membership_event_annulments).toBe(1);
    expect(summary.tables.audit_log).toBeGreaterThan(20);
    const target = await createEmptyDatabase();
    try {
      const restored = await restoreFromFile(target.database, backupPath);
      expect(restored.tables).toEqual(summary.tables);
      expect(await tableCounts(target.database)).toEqual(await tableCounts(source.database));
      expect(await exportHash(target.database)).toBe(await exportHash(source.database));
      const chain = await verifyAuditChain(ctxFor(target.database));
      expect(chain).toMatchObject({ ok: true, checked: summary.tables.audit_log });
      // Byte for byte: a backup of the restored database is the same file.
      const again = await backupToFile(target.database, join(dir, 'again.jsonl.gz'), at);
      expect(again.sha256).toBe(summary.sha256);
      // Identities continue past the restored ids: a new record gets a fresh id.
      const tree = await makeTree(ctxFor(target.database));
      expect(tree.upper.id).toBeGreaterThan(summary.tables.orgs);
    } finally {
      await target.drop();
    }
  });

  it('restores an embedded backup into another engine as well (or another embedded database)', async () => {
    const other = await openDatabase({});
    try {
      await restoreFromFile(other, backupPath);
      expect(await exportHash(other)).toBe(await exportHash(source.database));
      expect((await verifyAuditChain(ctxFor(other))).ok).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('refuses a database that already holds data, and leaves it as it was', async () => {
    const before = await tableCounts(source.database);
    await expect(restoreFromFile(source.database, backupPath)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/trống/) });
    expect(await tableCounts(source.database)).toEqual(before);
  });

  it('refuses a file whose content does not match its checksum', async () => {
    const lines = gunzipSync(await readFile(backupPath)).toString('utf8');
    const tampered = join(dir, 'tampered.jsonl.gz');
    await writeFile(tampered, gzipSync(Buffer.from(lines.replace('Trịnh Văn Tab', 'Trình Văn Tab'))));
    const target = await createEmptyDatabase();
    try {
      await expect(restoreFromFile(target.database, tampered)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/SHA-256/) });
      await writeFile(tampered, gzipSync(Buffer.from(lines.split('\n').slice(0, -3).join('\n'))));
      await expect(restoreFromFile(target.database, tampered)).rejects.toMatchObject({ message: expect.stringMatching(/không đầy đủ/) });
    } finally {
      await target.drop();
    }
  });

  it('keeps the newest N dated backups in a folder', async () => {
    const folder = join(dir, 'rotation');
    const times = ['2026-11-24T01:00:00Z', '2026-11-25T01:00:00Z', '2026-11-26T01:00:00Z', '2026-11-27T01:00:00Z'];
    for (const time of times) await backupRotate(source.database, folder, 2, new Date(time));
    await writeFile(join(folder, 'notes.txt'), 'not a backup');
    const result = await backupRotate(source.database, folder, 2, new Date('2026-11-28T01:00:00Z'));
    expect(result.removed).toEqual(['dangvu-2026-11-26T010000Z.jsonl.gz']);
    expect((await readdir(folder)).sort()).toEqual(['dangvu-2026-11-27T010000Z.jsonl.gz', 'dangvu-2026-11-28T010000Z.jsonl.gz', 'notes.txt']);
  });
});
