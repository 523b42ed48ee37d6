import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { id, recordColumns, searchVector } from '../../platform/db/columns.js';
import { bodies } from '../bodies/bodies.tables.js';
import { planNodes } from '../plans/plans.tables.js';
import { reports } from '../reporting/reporting.tables.js';
import { evidence, agreements } from '../sessions/sessions.tables.js';
import { organizations } from '../directory/directory.tables.js';
import { states, municipalities } from '../../platform/db/geo.tables.js';

/** Who did what, where and when: a training, a campaign, a convenio… */
export const activities = pgTable(
  'activities',
  {
    id: id(),
    /** Whose activity it is: that body's secretariat, or one above it, records and corrects it. */
    bodyId: uuid('body_id').notNull().references(() => bodies.id),
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
    index('activities_body_idx').on(t.bodyId),
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
