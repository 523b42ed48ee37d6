import { resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { type DatabaseHandle, openDatabase } from './client.js';
import { migrateDatabase } from './migrate.js';
import { loadReferenceData } from './reference-data.js';

/** The database the environment names: DATABASE_URL, else PGlite in TELAR_DATA_DIR or ./data. Migrated and with the INEGI catalogues. */
export async function openConfiguredDatabase(env: NodeJS.ProcessEnv = process.env): Promise<DatabaseHandle> {
  const url = env.DATABASE_URL?.startsWith('postgres') ? env.DATABASE_URL : undefined;
  const handle = await openDatabase({ url, dataDir: url ? undefined : resolve(env.TELAR_DATA_DIR ?? 'data') });
  await prepareDatabase(handle);
  return handle;
}

/** Migrates and loads the catalogues; of several processes starting at once on one database, one does it while the others wait. */
export async function prepareDatabase(handle: DatabaseHandle): Promise<void> {
  await handle.exclusively(async () => {
    await migrateDatabase(handle);
    await loadReferenceData(handle.db);
  });
}

/** Drops everything, including the migration journal, and prepares the database again from an empty schema. */
export async function resetDatabase(handle: DatabaseHandle): Promise<void> {
  for (const statement of [sql`drop schema public cascade`, sql`create schema public`, sql`drop schema if exists drizzle cascade`]) {
    await handle.db.execute(statement);
  }
  await prepareDatabase(handle);
}
