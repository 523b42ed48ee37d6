import type { DashboardView } from '@telar/domain';
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';

/** Live records of each kind, for the home page. */
export async function countRecords(db: Database) {
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`select (select count(*)::int from organizations where archived_at is null) as organizations,
               (select count(*)::int from bodies where archived_at is null) as bodies,
               (select count(*)::int from sessions where archived_at is null) as sessions,
               (select count(*)::int from participations where archived_at is null) as participations,
               (select count(*)::int from agreements where archived_at is null) as agreements,
               (select count(*)::int from follow_ups where archived_at is null) as "followUps"`,
  );
  return row as DashboardView['counts'];
}
