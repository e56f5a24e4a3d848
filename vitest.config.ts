import { defineConfig } from 'vitest/config';

const postgres = Boolean(process.env.TEST_DATABASE_URL);
if (!postgres) console.log('PostgreSQL suite skipped: TEST_DATABASE_URL is not set (the embedded suite runs).');

/**
 * Two projects: everything on the embedded database, and the server suite again on PostgreSQL when
 * TEST_DATABASE_URL is set (CI sets it; `.ci/run` fails if that suite did not run).
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      {
        test: {
          name: 'embedded',
          include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
          env: { TEST_DB_KIND: 'pglite' },
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      ...(postgres
        ? [{ test: { name: 'postgres', include: ['src/server/**/*.test.ts'], env: { TEST_DB_KIND: 'postgres' }, testTimeout: 120_000, hookTimeout: 180_000 } }]
        : []),
    ],
  },
});
