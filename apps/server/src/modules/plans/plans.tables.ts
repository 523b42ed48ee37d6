import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, recordColumns, searchVector } from '../../platform/db/columns.js';
import { agreements } from '../sessions/sessions.tables.js';
import { organizations } from '../directory/directory.tables.js';
import { bodies } from '../bodies/bodies.tables.js';

/** A programme, action plan or roadmap: a tree of nodes managed by the secretariat of its body. */
export const plans = pgTable(
  'plans',
  {
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
    search: searchVector(`name || ' ' || coalesce(short_name, '') || ' ' || coalesce(description, '')`),
    ...recordColumns(),
  },
  (t) => [index('plans_search_idx').using('gin', t.search)],
);

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
    search: searchVector(`code || ' ' || title`),
    ...recordColumns(),
  },
  (t) => [
    uniqueIndex('plan_nodes_code_idx').on(t.planId, t.code),
    index('plan_nodes_parent_idx').on(t.parentId),
    index('plan_nodes_search_idx').using('gin', t.search),
  ],
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
