import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createApp } from '../app.js';
import { type DatabaseHandle, openDatabase } from '../db/client.js';
import { prepareDatabase } from '../db/open.js';

export type TestDatabaseKind = 'pglite' | 'postgres';

/** Which database this test project runs against (set per Vitest project). */
export const testDatabaseKind = (process.env.TELAR_TEST_DB ?? 'pglite') as TestDatabaseKind;

/** A fresh, migrated database: in-memory PGlite, or a new database in the run's PostgreSQL cluster. */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (testDatabaseKind === 'pglite') {
    const handle = await openDatabase({});
    await prepareDatabase(handle);
    return handle;
  }
  const adminUrl = inject('postgresUrl');
  const name = `telar_test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const handle = await openDatabase({ url: adminUrl.replace(/\/[^/]*$/, `/${name}`) });
  await prepareDatabase(handle);
  return handle;
}

export interface TestContext {
  handle: DatabaseHandle;
  /** Calls the API like a client would: JSON in, status and parsed body out. */
  api<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T; headers: Headers }>;
  close(): Promise<void>;
}

export async function createTestContext(): Promise<TestContext> {
  const handle = await openTestDatabase();
  const app = createApp({ db: handle.db });
  return {
    handle,
    async api(method, path, body) {
      const response = await app.request(`/api${path}`, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const type = response.headers.get('content-type') ?? '';
      const parsed = type.includes('json') ? await response.json() : type.startsWith('text/') ? await response.text() : Buffer.from(await response.arrayBuffer());
      return { status: response.status, body: parsed, headers: response.headers };
    },
    close: () => handle.close(),
  };
}
