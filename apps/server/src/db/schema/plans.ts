import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, recordColumns, searchVector } from './columns.js';
import { bodies, organizations } from './directory.js';
import { municipalities, states } from './geo.js';
import { agreements, evidence } from './sessions.js';

/** A programme, action plan or roadmap: a tree of nodes managed by the secretariat of its body. */
export const plans = pgTable('plans', {
  id: id(),
  name: text('name').notNull().unique(),
  shortName: text('short_name'),
  description: text('description'),
  /** The body whose secretariat manages the plan and runs its reporting periods. */
  bodyId: uuid('body_id').notNull().references(() => bodies.id),
  periodFrom: date('period_from', { mode: 'string' }),
  periodTo: date('period_to', { mode: 'string' }),
  /** The statuses a node may take in this plan: [{ key, label, progress }]. */
  statuses: jsonb('statuses').notNull(),
  /** What the source document leaves unclear, recorded rather than guessed. */
  flags: text('flags').array().notNull().default(sql`'{}'`),
  publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
  ...recordColumns(),
});

export const planNodes = pgTable(
  'plan_nodes',
  {
    id: id(),
    planId: uuid('plan_id').notNull().references(() => plans.id),
    parentId: uuid('parent_id'),
    /** Order among its siblings. */
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    status: text('status'),
    /** Reported progress 0–100 of a leaf; branches roll up from their children. */
    progress: numeric('progress', { mode: 'number' }),
    /** Share of the node in its parent's progress. */
    weight: numeric('weight', { mode: 'number' }).notNull().default(1),
    startDate: date('start_date', { mode: 'string' }),
    dueDate: date('due_date', { mode: 'string' }),
    flags: text('flags').array().notNull().default(sql`'{}'`),
    ...recordColumns(),
  },
  (t) => [uniqueIndex('plan_nodes_code_idx').on(t.planId, t.code), index('plan_nodes_parent_idx').on(t.parentId)],
);

export const planNodeOrganizations = pgTable(
  'plan_node_organizations',
  {
    planNodeId: uuid('plan_node_id').notNull().references(() => planNodes.id),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  },
  (t) => [primaryKey({ columns: [t.planNodeId, t.organizationId] }), index('plan_node_organizations_org_idx').on(t.organizationId)],
);

export const planNodeAgreements = pgTable(
  'plan_node_agreements',
  {
    planNodeId: uuid('plan_node_id').notNull().references(() => planNodes.id),
    agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
  },
  (t) => [primaryKey({ columns: [t.planNodeId, t.agreementId] })],
);

/** Every status or progress a node has had, newest last, with who set it and in which report. */
export const planNodeStatusChanges = pgTable(
  'plan_node_status_changes',
  {
    id: id(),
    planNodeId: uuid('plan_node_id').notNull().references(() => planNodes.id),
    status: text('status'),
    progress: numeric('progress', { mode: 'number' }),
    comment: text('comment'),
    reportId: uuid('report_id'),
    actor: text('actor').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [index('plan_node_status_changes_node_idx').on(t.planNodeId, t.at)],
);

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

/** Who did what, where and when: a training, a campaign, a convenio… */
export const activities = pgTable(
  'activities',
  {
    id: id(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    /** How precise the source is about the dates: a day, a month or only a year. */
    datePrecision: text('date_precision').notNull().default('day'),
    audience: text('audience'),
    events: integer('events'),
    participants: integer('participants'),
    peopleReached: integer('people_reached'),
    /** Participants by sex and age group where known: [{ sex, ageGroup, count }]. */
    reachBreakdown: jsonb('reach_breakdown').notNull().default(sql`'[]'::jsonb`),
    /** The report it was filed in; activities recorded by the secretariat directly have none. */
    reportId: uuid('report_id').references(() => reports.id),
    source: text('source'),
    flags: text('flags').array().notNull().default(sql`'{}'`),
    search: searchVector(`title || ' ' || coalesce(description, '') || ' ' || coalesce(audience, '')`),
    ...recordColumns(),
  },
  (t) => [
    index('activities_start_idx').on(t.startDate),
    index('activities_report_idx').on(t.reportId),
    index('activities_search_idx').using('gin', t.search),
  ],
);

export const activityOrganizations = pgTable(
  'activity_organizations',
  {
    activityId: uuid('activity_id').notNull().references(() => activities.id),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    /** lead or partner */
    role: text('role').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.organizationId] }), index('activity_organizations_org_idx').on(t.organizationId)],
);

export const activityStates = pgTable(
  'activity_states',
  {
    activityId: uuid('activity_id').notNull().references(() => activities.id),
    stateCode: text('state_code').notNull().references(() => states.code),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.stateCode] }), index('activity_states_state_idx').on(t.stateCode, t.activityId)],
);

export const activityMunicipalities = pgTable(
  'activity_municipalities',
  {
    activityId: uuid('activity_id').notNull().references(() => activities.id),
    cvegeo: text('cvegeo').notNull().references(() => municipalities.cvegeo),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.cvegeo] }), index('activity_municipalities_cvegeo_idx').on(t.cvegeo)],
);

export const activityPlanNodes = pgTable(
  'activity_plan_nodes',
  {
    activityId: uuid('activity_id').notNull().references(() => activities.id),
    planNodeId: uuid('plan_node_id').notNull().references(() => planNodes.id),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.planNodeId] }), index('activity_plan_nodes_node_idx').on(t.planNodeId, t.activityId)],
);

export const activityAgreements = pgTable(
  'activity_agreements',
  {
    activityId: uuid('activity_id').notNull().references(() => activities.id),
    agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.agreementId] })],
);

export const activityEvidence = pgTable(
  'activity_evidence',
  {
    activityId: uuid('activity_id').notNull().references(() => activities.id),
    evidenceId: uuid('evidence_id').notNull().references(() => evidence.id),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.evidenceId] })],
);

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

/**
 * Activity totals by month, state ('' = the whole country, each activity once), kind and whether they
 * are validated — kept in the same transaction as every activity write, so the dashboards and the map
 * read a few thousand rows instead of grouping a million activities.
 */
export const activityTotals = pgTable(
  'activity_totals',
  {
    month: date('month', { mode: 'string' }).notNull(),
    stateCode: text('state_code').notNull(),
    kind: text('kind').notNull(),
    /** Recorded by the secretariat, or filed in a report it accepted. */
    isValidated: boolean('is_validated').notNull(),
    activities: integer('activities').notNull(),
    events: bigint('events', { mode: 'number' }).notNull(),
    participants: bigint('participants', { mode: 'number' }).notNull(),
    peopleReached: bigint('people_reached', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.stateCode, t.kind, t.isValidated] })],
);

/** Activity totals by plan node, kept like activity_totals: the plan tree reads one row per node. */
export const activityNodeTotals = pgTable(
  'activity_node_totals',
  {
    planNodeId: uuid('plan_node_id').notNull().references(() => planNodes.id),
    isValidated: boolean('is_validated').notNull(),
    activities: integer('activities').notNull(),
    participants: bigint('participants', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.planNodeId, t.isValidated] })],
);
