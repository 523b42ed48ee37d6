import { describe, expect, it } from 'vitest';
import { createEmptyPostgresDatabase, testDatabaseKind } from '../../test/test-context.js';
import { openDatabase } from './client.js';
import { prepareDatabase } from './open.js';
import { queryRows } from './query.js';
import { sql } from 'drizzle-orm';

describe('preparing the database', () => {
  // PGlite serves one process (telar.lock); PostgreSQL may be shared by several server processes.
  it.runIf(testDatabaseKind === 'postgres')('lets several processes start at once on an empty PostgreSQL database', async () => {
    const url = await createEmptyPostgresDatabase();
    const handles = await Promise.all([1, 2, 3].map(() => openDatabase({ url })));
    try {
      const outcomes = await Promise.allSettled(handles.map((handle) => prepareDatabase(handle)));
      expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
      const [{ count }] = (await queryRows<{ count: number }>(handles[0]!.db, sql`select count(*)::int as count from states`)) as [{ count: number }];
      expect(count).toBe(32);
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
    }
  });
});
