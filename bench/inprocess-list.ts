/**
 * The member list called in process, `connections` at a time, on the same database the HTTP server uses: the
 * yardstick for the list over HTTP. Waits for lines `run <ms>` on stdin and answers each with
 * `{ "done": N, "ms": M }`, so the bench can alternate it with the HTTP load in the same minute (a shared machine's
 * load changes from one minute to the next). Ends when stdin closes.
 * Usage: tsx bench/inprocess-list.ts (--data-dir DIR | --url URL) --connections 50
 */
import { createInterface } from 'node:readline';
import pino from 'pino';
import { systemCtx } from '../src/server/bootstrap.js';
import { openDatabase } from '../src/server/db/client.js';
import { listMembers } from '../src/server/domains/members/members.service.js';
import { memberListQuery } from '../src/shared/member.js';

const args = process.argv.slice(2);
const option = (name: string) => args[args.indexOf(`--${name}`) + 1];
const database = await openDatabase(args.includes('--url') ? { url: option('url') } : { dataDir: option('data-dir') });
const ctx = systemCtx(database, pino({ level: 'silent' }));
const query = memberListQuery.parse({ page: '1', pageSize: '50' });
const connections = Number(option('connections'));

async function run(ms: number): Promise<{ done: number; ms: number }> {
  const started = performance.now();
  const deadline = started + ms;
  let done = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        await listMembers(ctx, query);
        done += 1;
      }
    }),
  );
  return { done, ms: performance.now() - started };
}

await run(1000); // warm caches and plans, as the HTTP run is warmed
console.log(JSON.stringify({ ready: true }));
for await (const line of createInterface({ input: process.stdin })) {
  const ms = Number(/^run (\d+)$/.exec(line.trim())?.[1]);
  if (ms > 0) console.log(JSON.stringify(await run(ms)));
}
await database.close();
process.exit(0);
