import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, recordColumns } from '../../platform/db/columns.js';
import { planNodes } from '../plans/plans.tables.js';
import { reports } from '../reporting/reporting.tables.js';
import { states } from '../../platform/db/geo.tables.js';
import { datasets } from '../statistics/statistics.tables.js';

/** The query a dataset-backed indicator reads its values with (codes as the statistics API takes them). */
export interface IndicatorDatasetQuery {
  measure: string | null;
  kind: 'count' | 'rate';
  where: string[];
}

/** What is measured on a plan node: unit, baseline, target, how often, from where, broken down by what. */
export const indicators = pgTable(
  'indicators',
  {
    id: id(),
    planNodeId: uuid('plan_node_id').notNull().references(() => planNodes.id),
    code: text('code'),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    baseline: numeric('baseline', { mode: 'number' }),
    baselineYear: integer('baseline_year'),
    target: numeric('target', { mode: 'number' }),
    targetYear: integer('target_year'),
    periodicity: text('periodicity').notNull(),
    source: text('source'),
    /** Dimensions values may be broken down by (sex, age_group). */
    disaggregations: text('disaggregations').array().notNull().default(sql`'{}'`),
    /** A computed indicator: its values derive from another's (e.g. per 100,000 inhabitants). */
    formula: text('formula'),
    baseIndicatorId: uuid('base_indicator_id'),
    /** A dataset-backed indicator: values are read live from the dataset's current revision, never stored. */
    datasetId: uuid('dataset_id').references(() => datasets.id),
    datasetQuery: jsonb('dataset_query').$type<IndicatorDatasetQuery>(),
    ...recordColumns(),
  },
  (t) => [index('indicators_node_idx').on(t.planNodeId)],
);

/**
 * One value of an indicator for a period, a state (none = national) and a breakdown ('' = total).
 * Kept lean: there are millions; each change is audited like any other write.
 */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: id(),
    indicatorId: uuid('indicator_id').notNull().references(() => indicators.id),
    /** "2023", "2023-T2" or "2023-05"; periodStart orders and filters them. */
    period: text('period').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    stateCode: text('state_code').references(() => states.code),
    /** e.g. "sex=female"; '' is the total. */
    disaggregation: text('disaggregation').notNull().default(''),
    value: numeric('value', { mode: 'number' }).notNull(),
    source: text('source'),
    notes: text('notes'),
    reportId: uuid('report_id').references(() => reports.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('indicator_values_identity_idx').on(t.indicatorId, t.period, sql`coalesce(${t.stateCode}, '')`, t.disaggregation),
    index('indicator_values_state_idx').on(t.indicatorId, t.stateCode, t.periodStart),
  ],
);
