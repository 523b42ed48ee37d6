import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/test-context.js';
import type { DatabaseHandle } from './client.js';
import { queryRows } from './query.js';

/** Migration 0012 on data written before it: what it refuses and what it repairs. */
const [ordinalGuard, ordinalIndex, supersede, reportIndex] = readFileSync(new URL('./migrations/0012_data_order.sql', import.meta.url), 'utf8').split('--> statement-breakpoint');

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  // Back to the schema before 0012, with a body to hold the rows.
  await handle.db.execute(sql`drop index sessions_ordinal_idx`);
  await handle.db.execute(sql`drop index published_reports_period_idx`);
  await handle.db.execute(sql`insert into bodies (id, kind, name, level) values ('00000000-0000-4000-8000-000000000001', 'commission', 'Comisión', 'national')`);
});
afterAll(() => handle.close());

const run = (statement: string | undefined) => handle.db.execute(sql.raw(statement!));

describe('migration 0012', () => {
  it('stops, naming them, when a body already holds an ordinal twice; an archived one does not count', async () => {
    const body = '00000000-0000-4000-8000-000000000001';
    await handle.db.execute(sql`insert into sessions (body_id, kind, number, date) values
      (${body}, 'ordinary', 24, '2024-03-10'), (${body}, 'ordinary', 24, '2024-09-10'), (${body}, 'permanent', null, '2024-03-10'), (${body}, 'permanent', null, '2024-04-10')`);
    // The driver's error wraps the database's, which says what to fix.
    const refusal = (await run(ordinalGuard).then(() => undefined, (error: Error) => error)) as (Error & { cause?: Error }) | undefined;
    expect(refusal?.cause?.message).toMatch(/^Sessions share an ordinal .*: body 0{8}-0{4}-4000-8000-0{11}1, ordinary 24 on 2024-03-10, 2024-09-10$/);
    await handle.db.execute(sql`update sessions set archived_at = now() where date = '2024-09-10'`);
    await run(ordinalGuard);
    await run(ordinalIndex);
  });

  it('keeps the latest report of a period public and withdraws the earlier ones, with an audit entry each', async () => {
    const body = '00000000-0000-4000-8000-000000000001';
    await handle.db.execute(sql`insert into published_reports (id, kind, body_id, period_from, period_to, title, content, published_at) values
      ('00000000-0000-4000-8000-00000000000a', 'mechanism', ${body}, '2024-01-01', '2024-12-31', 'Primera', '{}', '2025-01-10'),
      ('00000000-0000-4000-8000-00000000000b', 'mechanism', ${body}, '2024-01-01', '2024-12-31', 'Segunda', '{}', '2025-02-10'),
      ('00000000-0000-4000-8000-00000000000c', 'mechanism', ${body}, '2023-01-01', '2023-12-31', 'Otro periodo', '{}', '2024-02-10')`);
    await run(supersede);
    await run(reportIndex);
    const live = await queryRows<{ title: string }>(handle.db, sql`select title from published_reports where archived_at is null order by title`);
    expect(live.map((r) => r.title)).toEqual(['Otro periodo', 'Segunda']);
    const audit = await queryRows<{ entityId: string; action: string }>(
      handle.db,
      sql`select entity_id as "entityId", action from audit_entries where entity = 'published_report'`,
    );
    expect(audit).toEqual([{ entityId: '00000000-0000-4000-8000-00000000000a', action: 'unpublish' }]);
  });
});
