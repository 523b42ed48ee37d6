import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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

/**
 * The wording of an imported mechanism report (its preamble paragraphs and minutes footnote, as
 * written), kept per body and period so that the report of that same period is regenerated in the
 * document's own words; another period has no wording and is written from the data.
 */
export const mechanismReportWordings = pgTable(
  'mechanism_report_wordings',
  {
    bodyId: uuid('body_id').notNull().references(() => bodies.id),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    preamble: jsonb('preamble').$type<string[]>().notNull(),
    minutesNote: text('minutes_note'),
    importedAt: timestamp('imported_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.periodFrom, t.periodTo] })],
);
