import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { DatabaseHandle } from './client.js';

/** Where the SQL migrations live, next to the source or copied beside the bundle. */
export function resolveMigrationsFolder(): string {
  return process.env.TELAR_MIGRATIONS_DIR ?? fileURLToPath(new URL('./migrations', import.meta.url));
}

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder: resolveMigrationsFolder() };
  // Each driver has its own migrator; both read the same drizzle-kit journal.
  if (handle.kind === 'pglite') await migratePglite(handle.db as never, config);
  else await migratePostgres(handle.db as never, config);
}
