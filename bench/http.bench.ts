/**
 * The request path, measured over real HTTP (autocannon, 50 connections) against a server in its own process:
 *   an unauthenticated 404 under /api ≥ 50% of a bare Fastify route's throughput (same machine, same run);
 *   the authenticated member list ≥ 50% of calling `listMembers` in process at the same concurrency, per engine;
 *   the embedded server with the demo bloc ≤ 400 MB resident, idle and after the list/search load.
 * The ratios are what the targets are about (the machine may be busy); the absolute figures are printed with them.
 * Each ratio's two sides are measured in alternating slices, so a shared machine's changing load falls on both alike.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
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
/** Seconds of load on each side of a comparison, in `ROUNDS` alternating slices. */
const SECONDS = 9;
const ROUNDS = 3;
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
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))!;
  return Math.round(Number(line.replace(/\D+/g, '')) / 1024);
}

/**
 * The first start loads the demo bloc in the server (migrations, 4,200 members): a minute on a quiet machine, several on
 * a shared one, so the wait is long; a server that stops meanwhile ends the wait at once.
 */
async function waitFor(url: string, child: ChildProcess, seconds = 900): Promise<void> {
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

/**
 * Stops a server and waits for it to finish closing its database. The embedded database must be closed cleanly before
 * its folder is copied or opened again: a server killed while closing (a busy machine can take well over 15 s) leaves
 * the folder mid-write, and the next start on it fails.
 */
async function stop(child: ChildProcess, seconds = 300): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, seconds * 1000))]);
  if (child.exitCode === null && child.signalCode === null) {
    console.warn(`     a process did not stop within ${seconds} s of SIGTERM: killed`);
    child.kill('SIGKILL');
    await exited;
  }
}

/** Requests answered in one slice of load, and how long the slice lasted. */
interface Slice {
  count: number;
  seconds: number;
  errors: number;
}

/**
 * One slice of load at 50 connections. Afterwards one more request waits behind whatever the server still has
 * queued (requests autocannon gave up on at the end), so the next slice, of either side, starts on an idle server.
 */
async function loadSlice(url: string, headers: Record<string, string>, seconds: number): Promise<Slice> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  await (await fetch(url, { headers })).arrayBuffer();
  return { count: result.requests.total, seconds: result.duration, errors: result.errors + result.timeouts };
}

/** Warmed by a few requests one after another (a timed warm-up at full concurrency would leave a backlog). */
async function warm(url: string, headers: Record<string, string> = {}): Promise<void> {
  for (let i = 0; i < 20; i++) await (await fetch(url, { headers })).arrayBuffer();
}

/**
 * Two throughputs to be compared, measured in alternating slices (a b a b a b) so that both see the same moments of
 * a shared machine's load; each is the sum of its slices' counts over the sum of their durations.
 */
async function alternate(a: (seconds: number) => Promise<Slice>, b: (seconds: number) => Promise<Slice>): Promise<[number, number]> {
  const totals = [
    { count: 0, seconds: 0 },
    { count: 0, seconds: 0 },
  ];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, side] of [a, b].entries()) {
      const slice = await side(SECONDS / ROUNDS);
      totals[i]!.count += slice.count;
      totals[i]!.seconds += slice.seconds;
    }
  }
  return [totals[0]!.count / totals[0]!.seconds, totals[1]!.count / totals[1]!.seconds];
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
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers.getSetCookie()[0].split(';')[0];
}

/** The in-process list runner (bench/inprocess-list.ts), started and warmed; `slice` runs it for a number of seconds. */
async function inProcess(target: string[]): Promise<{ slice: (seconds: number) => Promise<Slice>; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/inprocess-list.ts', ...target, '--connections', String(CONNECTIONS)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => {
    const line = await lines.next();
    if (line.done) throw new Error(`the in-process list runner stopped (exit ${child.exitCode})`);
    return JSON.parse(line.value) as { ready?: true; done?: number; ms?: number };
  };
  await next(); // ready, after its warm-up
  return {
    slice: async (seconds) => {
      child.stdin!.write(`run ${Math.round(seconds * 1000)}\n`);
      const { done, ms } = await next();
      return { count: done!, seconds: ms! / 1000, errors: 0 };
    },
    stop: async () => {
      child.stdin!.end();
      await stop(child);
    },
  };
}

export async function runHttpBench(options: { postgresUrl?: string; only?: 'embedded' | 'postgres' }): Promise<HttpBenchRow[]> {
  const rows: HttpBenchRow[] = [];
  const row = (engine: string, name: string, value: number, unit: string, target?: string, ok = true) => {
    rows.push({ engine, name, value: Math.round(value * 10) / 10, unit, target, ok });
  };

  // The bare route runs beside the app's server for the whole bench: each 404 slice alternates with a bare one.
  const barePort = await freePort();
  const bare = spawn(process.execPath, ['bench/bare-server.mjs', String(barePort)], { stdio: 'ignore' });
  const bareUrl = `http://127.0.0.1:${barePort}/bare`;
  await waitFor(bareUrl, bare);
  await warm(bareUrl);

  const engines: { engine: 'embedded' | 'postgres'; env: Record<string, string>; target: string[]; copy?: () => void; cleanup: () => Promise<void> }[] = [];
  if (options.only !== 'postgres') {
    const dataDir = mkdtempSync(join(tmpdir(), 'dangvu-bench-http-'));
    // The embedded database has one process at a time: the in-process runner reads a copy taken between the starts.
    const copyDir = `${dataDir}-copy`;
    engines.push({
      engine: 'embedded',
      env: { DANGVU_DATA_DIR: dataDir, DATABASE_URL: '' },
      target: ['--data-dir', copyDir],
      copy: () => cpSync(dataDir, copyDir, { recursive: true }),
      cleanup: async () => {
        // The server keeps its audit key beside the data folder (`<data>-audit`).
        for (const dir of [dataDir, `${dataDir}-audit`, copyDir]) rmSync(dir, { recursive: true, force: true });
      },
    });
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

  try {
    for (const { engine, env, target, copy, cleanup } of [...engines]) {
      engines.shift();
      let direct: Awaited<ReturnType<typeof inProcess>> | null = null;
      let server: Awaited<ReturnType<typeof startServer>> | null = null;
      try {
        // First start: migrations and the demo bloc (4,200 members); then a restart, as a server usually runs.
        server = await startServer({ ...env, DANGVU_DEMO: '1' });
        if (engine === 'embedded') row(engine, 'resident memory after the first start (demo loaded)', residentMb(server.child.pid!), 'MB');
        await stop(server.child);
        copy?.();
        server = await startServer({ ...env, DANGVU_DEMO: '1' });
        const idle = residentMb(server.child.pid!);
        if (engine === 'embedded') row(engine, 'resident memory, idle after a restart', idle, 'MB', '≤ 400 MB', idle <= 400);

        const notFoundUrl = `${server.base}/api/v1/khong-co`;
        await warm(notFoundUrl);
        const [notFound, bareRate] = await alternate(
          (s) => loadSlice(notFoundUrl, {}, s),
          (s) => loadSlice(bareUrl, {}, s),
        );
        const notFoundRatio = notFound / bareRate;
        row(engine, 'bare Fastify route (alternating with the 404)', bareRate, 'req/s');
        row(engine, 'unauthenticated 404 under /api', notFound, 'req/s');
        row(engine, 'ratio: 404 under /api ÷ bare Fastify route', notFoundRatio * 100, '%', '≥ 50%', notFoundRatio >= 0.5);

        const headers = { cookie: await signIn(server.base) };
        const listUrl = `${server.base}/api/v1/members?page=1&pageSize=50`;
        await warm(listUrl, headers);
        direct = await inProcess(target);
        const runner = direct;
        let errors = 0;
        const [list, inProcessRate] = await alternate(
          async (s) => {
            const slice = await loadSlice(listUrl, headers, s);
            errors += slice.errors;
            return slice;
          },
          (s) => runner.slice(s),
        );
        await direct.stop();
        direct = null;
        await loadSlice(`${server.base}/api/v1/members?page=1&pageSize=50&q=nguyen%20anh`, headers, SECONDS);
        const afterLoad = residentMb(server.child.pid!);
        if (engine === 'embedded') row(engine, 'resident memory after the list and search load', afterLoad, 'MB', '≤ 400 MB', afterLoad <= 400);

        const listRatio = list / inProcessRate;
        row(engine, 'member list over HTTP (authenticated)', list, 'req/s');
        row(engine, 'member list in process (listMembers)', inProcessRate, 'calls/s');
        row(engine, 'ratio: list over HTTP ÷ in process', listRatio * 100, '%', '≥ 50%', listRatio >= 0.5);
        if (errors > 0) row(engine, 'member list over HTTP: errors and time-outs', errors, 'requests', '0', false);
      } finally {
        await direct?.stop();
        if (server) await stop(server.child);
        await cleanup();
      }
    }
  } finally {
    await stop(bare);
    // An engine that failed leaves the others unmeasured: their databases are dropped all the same.
    for (const { cleanup } of engines) await cleanup();
  }
  return rows;
}
