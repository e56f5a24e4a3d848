/**
 * The member list called in process, `connections` at a time for `seconds`, on the same database the HTTP server
 * used: the yardstick for the list over HTTP. Prints `{ "perSecond": N }`.
 * Usage: tsx bench/inprocess-list.ts (--data-dir DIR | --url URL) --connections 50 --seconds 5
 */
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

async function run(ms: number): Promise<number> {
  const deadline = performance.now() + ms;
  let done = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        await listMembers(ctx, query);
        done += 1;
      }
    }),
  );
  return done;
}

await run(1000); // warm caches and plans, as the HTTP run is warmed
const seconds = Number(option('seconds'));
const done = await run(seconds * 1000);
console.log(JSON.stringify({ perSecond: done / seconds }));
await database.close();
process.exit(0);
