import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../apps/server/src/platform/db/client.js';
import { prepareDatabase } from '../apps/server/src/platform/db/open.js';

export type DatabaseKind = DatabaseHandle['kind'];

export interface BenchDatabase {
  handle: DatabaseHandle;
  /** Closes the handle and removes the database (PGlite directory or PostgreSQL database). */
  dispose(): Promise<void>;
}

/** Where fresh databases are made: the run's PostgreSQL cluster, and a directory for PGlite data directories. */
export interface BenchPlace {
  postgresUrl: string;
  scratchDir: string;
}

/**
 * A fresh database migrated and with the INEGI catalogues, as the server opens it: PGlite in a
 * data directory on disk (like the embedded default), or a new database in the cluster.
 */
export async function openBenchDatabase(kind: DatabaseKind, { postgresUrl, scratchDir }: BenchPlace): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(join(scratchDir, 'pglite-'));
    const handle = await openDatabase({ dataDir });
    await prepareDatabase(handle);
    return {
      handle,
      async dispose() {
        await handle.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `telar_bench_${randomUUID().replaceAll('-', '')}`;
  await runAdminQuery(postgresUrl, `create database ${name}`);
  const handle = await openDatabase({ url: postgresUrl.replace(/\/[^/]*$/, `/${name}`) });
  await prepareDatabase(handle);
  return {
    handle,
    async dispose() {
      await handle.close();
      await runAdminQuery(postgresUrl, `drop database ${name}`);
    },
  };
}

async function runAdminQuery(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
