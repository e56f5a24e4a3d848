import pg from 'pg';
import { openDatabase, type Database } from './client.js';

/**
 * A fresh PostgreSQL database created next to `baseUrl` (a server where databases may be created), readied by
 * `prepare` (the caller's bootstrap: db/ does not depend on it) and dropped again by `drop`: for test files and
 * benchmarks that must not share state.
 */
export async function createScratchDatabase(
  baseUrl: string,
  prefix: string,
  prepare: (database: Database) => Promise<void>,
): Promise<{ database: Database; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  await prepare(database);
  return {
    database,
    drop: async () => {
      await database.close();
      await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
