import { sql } from 'drizzle-orm';
import { customType, integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Postgres tsvector; only ever written by generated columns. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Spanish full-text vector over the given columns, accent-insensitive (see the telar_es config). */
export const searchVector = (expression: string) =>
  tsvector('search').generatedAlwaysAs(sql.raw(`to_tsvector('telar_es', ${expression})`));

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const id = () => uuid('id').primaryKey().defaultRandom();

/** Columns every editable record has: optimistic-concurrency version, timestamps, soft delete. */
export const recordColumns = () => ({
  version: integer('version').notNull().default(1),
  // clock_timestamp, not now(): rows written in one transaction keep the order they were written in.
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`clock_timestamp()`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'string' }),
});
