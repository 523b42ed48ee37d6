import { defineConfig } from 'vitest/config';

const apiTests = ['apps/server/src/**/*.api.test.ts'];

// One run, four projects: pure units, the API on PGlite, the same API tests on a real
// PostgreSQL server started for the run, and the browser end-to-end tests.
export default defineConfig({
  test: {
    reporters: ['default', './scripts/plain-summary.reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/server/src/**/*.test.ts', 'apps/web/src/**/*.test.ts'],
          exclude: [...apiTests, '**/node_modules/**'],
        },
      },
      { test: { name: 'api-pglite', include: apiTests, env: { TELAR_TEST_DB: 'pglite' }, testTimeout: 30_000, hookTimeout: 60_000 } },
      {
        test: {
          name: 'api-postgres',
          include: apiTests,
          env: { TELAR_TEST_DB: 'postgres' },
          globalSetup: ['apps/server/src/test/postgres.global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      { test: { name: 'e2e', include: ['e2e/**/*.e2e.test.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false } },
    ],
  },
});
