import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';

/**
 * Takes (or renews) the lease on a job for `seconds`: granted when nobody holds it, its holder's time ran out,
 * or the caller already holds it. One statement, so two processes asking together cannot both get it.
 */
export async function takeLease(db: Database, name: string, holder: string, seconds: number): Promise<boolean> {
  const rows = await queryRows<{ holder: string }>(
    db,
    sql`insert into job_leases (name, holder, expires_at) values (${name}, ${holder}, now() + make_interval(secs => ${seconds}))
        on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
        where job_leases.expires_at < now() or job_leases.holder = excluded.holder
        returning holder`,
  );
  return rows.length > 0;
}

export async function releaseLease(db: Database, name: string, holder: string) {
  await queryRows(db, sql`delete from job_leases where name = ${name} and holder = ${holder}`);
}
