import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, recordColumns } from '../../platform/db/columns.js';
import { bodies } from '../bodies/bodies.tables.js';

/** A generated report the secretariat published: the report as it was, frozen, to download in any format. */
export const publishedReports = pgTable(
  'published_reports',
  {
    id: id(),
    kind: text('kind').notNull(),
    bodyId: uuid('body_id').notNull().references(() => bodies.id),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    content: jsonb('content').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    ...recordColumns(),
  },
  (t) => [
    index('published_reports_body_idx').on(t.bodyId, t.periodTo),
    // One public report per body and period: publishing the period again replaces it.
    uniqueIndex('published_reports_period_idx').on(t.kind, t.bodyId, t.periodFrom, t.periodTo).where(sql`${t.archivedAt} is null`),
  ],
);
