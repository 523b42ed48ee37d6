import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { queryRows } from '../db/query.js';

/** A key's hits in the current fixed window (this one included) and in the previous one. */
export interface WindowHits {
  current: number;
  previous: number;
  /** How much of the current window has gone by, from 0 to 1. */
  elapsed: number;
}

/**
 * Counts one hit for `key` in the current window with a single upsert, so concurrent hits on any
 * server process are all counted. Windows follow the database's clock, the one all processes share.
 */
export async function recordHit(db: Database, key: string, windowSeconds: number): Promise<WindowHits> {
  const [hits] = await queryRows<WindowHits>(
    db,
    sql`with clock as (select extract(epoch from now())::float8 / ${windowSeconds}::float8 as position),
        hit as (
          insert into rate_limit_hits (key, window_start, count)
          select ${key}, to_timestamp(floor(position) * ${windowSeconds}::float8), 1 from clock
          on conflict (key, window_start) do update set count = rate_limit_hits.count + 1
          returning count, window_start
        )
        select hit.count as current,
          coalesce((select p.count from rate_limit_hits p
                    where p.key = ${key} and p.window_start = hit.window_start - make_interval(secs => ${windowSeconds}::float8)), 0) as previous,
          (select position - floor(position) from clock) as elapsed
        from hit`,
  );
  return hits!;
}

/** Deletes the windows of limit `name` that no longer count (older than the previous one). */
export async function purgeOldHits(db: Database, name: string, windowSeconds: number): Promise<void> {
  await db.execute(
    sql`delete from rate_limit_hits
        where window_start < now() - make_interval(secs => ${2 * windowSeconds}::float8) and starts_with(key, ${`${name}:`})`,
  );
}
