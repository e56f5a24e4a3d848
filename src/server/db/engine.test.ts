import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine } from '../test/test-database.js';
import { migrationVersion } from './migrate.js';
import type { Database } from './client.js';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => ({ database, drop } = await createTestDatabase()));
afterAll(() => drop());

describe('the test database', () => {
  it('runs on the engine this project asked for, fully migrated', async () => {
    expect(database.kind).toBe(testEngine);
    const journal = (await import('../../../migrations/meta/_journal.json', { with: { type: 'json' } })).default as { entries: { tag: string }[] };
    expect(await migrationVersion(database)).toBe(journal.entries.at(-1)!.tag);
    // CI checks this marker to prove the PostgreSQL suite really ran.
    mkdirSync('test-results', { recursive: true });
    writeFileSync(`test-results/engine-${database.kind}.txt`, new Date().toISOString());
  });
});
