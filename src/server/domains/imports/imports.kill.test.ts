import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client.js';
import { ctxFor, testEngine } from '../../test/test-database.js';
import { verifyAuditChain } from '../audit/audit.service.js';
import { checkImport, commitImport, getImport, setImportsDir } from './imports.service.js';
import { recordCounts, writeLargeFile } from './imports.test-helper.js';

const child = fileURLToPath(new URL('./kill-import.test-helper.ts', import.meta.url));
const MEMBERS = 20_000;
let dir: string;
let file: string;
let target: string;
let dropDatabase = async () => {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dangvu-kill-'));
  file = join(dir, 'lon.xlsx');
  await writeLargeFile(file, { members: MEMBERS });
  if (testEngine === 'pglite') {
    target = join(dir, 'data');
    return;
  }
  const baseUrl = process.env.TEST_DATABASE_URL!;
  const name = `dangvu_k_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  target = url.toString();
  dropDatabase = async () => {
    const cleanup = new pg.Client({ connectionString: baseUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  };
}, 180_000);
afterAll(async () => {
  await dropDatabase();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the importing child and SIGKILLs it once it reports a batch written inside its open transaction. */
function importAndKill(): Promise<{ importId: number; killedAt: number; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, target, file], {
      env: { ...process.env, DANGVU_IMPORTS_DIR: join(dir, 'uploads') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let importId = 0;
    let killedAt = 0;
    let output = '';
    proc.stdout.setEncoding('utf8').on('data', (text: string) => {
      output += text;
      const checked = /CHECKED (\d+)/.exec(output);
      if (checked) importId = Number(checked[1]);
      const written = /WRITTEN (\d+)/.exec(output);
      if (written && !killedAt) {
        killedAt = Number(written[1]);
        proc.kill('SIGKILL');
      }
    });
    proc.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => {
      if (output.includes('COMMITTED')) reject(new Error('the import finished before it could be killed'));
      else if (!killedAt) reject(new Error(`the child ended on its own: ${output.slice(-2000)}`));
      else resolve({ importId, killedAt, signal });
    });
  });
}

describe('killing the process during an import', () => {
  let database: Database;
  afterAll(() => database?.close());

  it('leaves none of its records after a restart, and running it again gives the whole file', async () => {
    const { importId, killedAt, signal } = await importAndKill();
    expect(signal).toBe('SIGKILL');
    expect(killedAt).toBeGreaterThan(4000);
    expect(killedAt).toBeLessThan(MEMBERS);

    setImportsDir(join(dir, 'uploads'));
    database = await openDatabase(testEngine === 'pglite' ? { dataDir: target } : { url: target });
    const ctx = ctxFor(database);
    expect(await recordCounts(database)).toMatchObject({ orgs: 0, org_versions: 0, members: 0, membership_events: 0, membership_periods: 0 });
    expect((await verifyAuditChain(ctx)).ok).toBe(true);
    // PostgreSQL ends the killed session's transaction when it notices the closed socket: give it a moment.
    let interrupted = await getImport(ctx, importId);
    for (let i = 0; i < 50 && interrupted.status === 'committing'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      interrupted = await getImport(ctx, importId);
    }
    expect(interrupted).toMatchObject({ status: 'interrupted', message: expect.stringMatching(/gián đoạn/) });

    const checked = await checkImport(ctx, importId);
    expect(checked.counts?.members.created).toBe(MEMBERS);
    const done = await commitImport(ctx, database, importId, { acceptWarnings: true, confirmNameMatches: false });
    expect(done.status).toBe('committed');
    expect(await recordCounts(database)).toMatchObject({ orgs: 22, members: MEMBERS, membership_events: 2 * MEMBERS });
    expect((await verifyAuditChain(ctx)).ok).toBe(true);
  }, 300_000);
});
