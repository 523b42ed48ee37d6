import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, recordColumns, searchVector } from '../../platform/db/columns.js';
import { plans } from '../plans/plans.tables.js';
import { organizations } from '../directory/directory.tables.js';

/** A period a plan's responsible organisations report on, with its deadline. */
export const reportingPeriods = pgTable(
  'reporting_periods',
  {
    id: id(),
    planId: uuid('plan_id').notNull().references(() => plans.id),
    title: text('title').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }),
    search: searchVector(`title`),
    ...recordColumns(),
  },
  (t) => [index('reporting_periods_plan_idx').on(t.planId, t.periodTo)],
);

/** What one organisation owes for a period: due → submitted → accepted, or sent back to fix. */
export const reports = pgTable(
  'reports',
  {
    id: id(),
    reportingPeriodId: uuid('reporting_period_id').notNull().references(() => reportingPeriods.id),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    status: text('status').notNull().default('due'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'string' }),
    /** The secretariat's comment when it sends the report back (or accepts it with a remark). */
    reviewComment: text('review_comment'),
    ...recordColumns(),
  },
  (t) => [
    uniqueIndex('reports_period_organization_idx').on(t.reportingPeriodId, t.organizationId),
    index('reports_organization_idx').on(t.organizationId, t.status),
  ],
);
