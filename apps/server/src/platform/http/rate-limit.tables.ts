import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Hits per client and fixed window, shared by every server process on the database. Only the
 * current and the previous window matter; older rows are purged as new windows open.
 */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    /** What is limited and for whom, e.g. "login:203.0.113.7". */
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true, mode: 'string' }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_limit_hits_window_idx').on(t.windowStart)],
);
