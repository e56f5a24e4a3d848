/**
 * The request path, measured over real HTTP (autocannon, 50 connections) against a server in its own process:
 *   an unauthenticated 404 under /api ≥ 50% of a bare Fastify route's throughput (same machine, same run);
 *   the authenticated member list ≥ 50% of calling `listMembers` in process at the same concurrency, per engine;
 *   the embedded server with the demo bloc ≤ 400 MB resident, idle and after the list/search load.
 * The ratios are what the targets are about (the machine may be busy); the absolute figures are printed with them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

export interface HttpBenchRow {
  engine: string;
  name: string;
  value: number;
  unit: string;
  target?: string;
  ok: boolean;
}

const CONNECTIONS = 50;
const SECONDS = 8;
const ADMIN_PASSWORD = 'Bench-Quan-tri-2026!';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function residentMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Math.round(Number(line.replace(/\D+/g, '')) / 1024);
}

async function waitFor(url: string, child: ChildProcess, seconds = 180): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server stopped (exit ${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/**
 * Throughput at 50 connections. Warmed by a few requests one after another (a timed warm-up at full concurrency
 * would leave a backlog in the server that the measured run then waits behind).
 */
async function load(url: string, headers: Record<string, string> = {}): Promise<{ perSecond: number; errors: number }> {
  for (let i = 0; i < 20; i++) await (await fetch(url, { headers })).arrayBuffer();
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  return { perSecond: result.requests.total / result.duration, errors: result.errors + result.timeouts };
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/dangvu.js', 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DANGVU_ADMIN_PASSWORD: ADMIN_PASSWORD, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/api/health`, child);
  return { child, base };
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers.getSetCookie()[0].split(';')[0];
}

function inProcess(target: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/inprocess-list.ts', ...target, '--connections', String(CONNECTIONS), '--seconds', String(SECONDS)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!).perSecond) : reject(new Error(`in-process list exited ${code}`))));
  });
}

export async function runHttpBench(options: { postgresUrl?: string; only?: 'embedded' | 'postgres' }): Promise<HttpBenchRow[]> {
  const rows: HttpBenchRow[] = [];
  const row = (engine: string, name: string, value: number, unit: string, target?: string, ok = true) => {
    rows.push({ engine, name, value: Math.round(value * 10) / 10, unit, target, ok });
  };

  const barePort = await freePort();
  const bare = spawn(process.execPath, ['bench/bare-server.mjs', String(barePort)], { stdio: 'ignore' });
  await waitFor(`http://127.0.0.1:${barePort}/bare`, bare);
  const bareRate = (await load(`http://127.0.0.1:${barePort}/bare`)).perSecond;
  await stop(bare);
  row('http', 'bare Fastify route', bareRate, 'req/s');

  const engines: { engine: 'embedded' | 'postgres'; env: Record<string, string>; target: string[]; cleanup: () => Promise<void> }[] = [];
  if (options.only !== 'postgres') {
    const dataDir = mkdtempSync(join(tmpdir(), 'dangvu-bench-http-'));
    engines.push({ engine: 'embedded', env: { DANGVU_DATA_DIR: dataDir, DATABASE_URL: '' }, target: ['--data-dir', dataDir], cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) });
  }
  if (options.only !== 'embedded' && options.postgresUrl) {
    const pg = (await import('pg')).default;
    const name = `dangvu_bench_http_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: options.postgresUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(options.postgresUrl);
    url.pathname = `/${name}`;
    engines.push({
      engine: 'postgres',
      env: { DATABASE_URL: url.toString() },
      target: ['--url', url.toString()],
      cleanup: async () => {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    });
  }

  for (const { engine, env, target, cleanup } of engines) {
    try {
      // First start: migrations and the demo bloc (4,200 members); then a restart, as a server usually runs.
      let server = await startServer({ ...env, DANGVU_DEMO: '1' });
      if (engine === 'embedded') row(engine, 'resident memory after the first start (demo loaded)', residentMb(server.child.pid!), 'MB');
      await stop(server.child);
      server = await startServer({ ...env, DANGVU_DEMO: '1' });
      const idle = residentMb(server.child.pid!);
      if (engine === 'embedded') row(engine, 'resident memory, idle after a restart', idle, 'MB', '≤ 400 MB', idle <= 400);

      const notFound = await load(`${server.base}/api/v1/khong-co`);
      const notFoundRatio = notFound.perSecond / bareRate;
      row(engine, 'unauthenticated 404 under /api', notFound.perSecond, 'req/s');
      row(engine, 'ratio: 404 under /api ÷ bare Fastify route', notFoundRatio * 100, '%', '≥ 50%', notFoundRatio >= 0.5);

      const cookie = await signIn(server.base);
      const list = await load(`${server.base}/api/v1/members?page=1&pageSize=50`, { cookie });
      await load(`${server.base}/api/v1/members?page=1&pageSize=50&q=nguyen%20anh`, { cookie });
      const afterLoad = residentMb(server.child.pid!);
      if (engine === 'embedded') row(engine, 'resident memory after the list and search load', afterLoad, 'MB', '≤ 400 MB', afterLoad <= 400);
      await stop(server.child);

      const direct = await inProcess(target);
      const listRatio = list.perSecond / direct;
      row(engine, 'member list over HTTP (authenticated)', list.perSecond, 'req/s');
      row(engine, 'member list in process (listMembers)', direct, 'calls/s');
      row(engine, 'ratio: list over HTTP ÷ in process', listRatio * 100, '%', '≥ 50%', listRatio >= 0.5);
      if (list.errors > 0) row(engine, 'member list over HTTP: errors and time-outs', list.errors, 'requests', '0', false);
    } finally {
      await cleanup();
    }
  }
  return rows;
}
