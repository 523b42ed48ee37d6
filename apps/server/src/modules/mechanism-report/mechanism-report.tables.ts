import { date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
  (t) => [index('published_reports_body_idx').on(t.bodyId, t.periodTo)],
);
