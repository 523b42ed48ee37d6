import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CommunicationMechanism, PointWeights, WorkMechanism } from '@telar/domain';
import { id, recordColumns } from '../../platform/db/columns.js';
import { states } from '../../platform/db/geo.tables.js';
import { bodies } from '../bodies/bodies.tables.js';
import { organizations, people } from '../directory/directory.tables.js';
import { planNodes, plans } from '../plans/plans.tables.js';

/** What makes a body of kind `network` a network: its declared size, its plan, its membership rules. */
export const networks = pgTable('networks', {
  bodyId: uuid('body_id')
    .primaryKey()
    .references(() => bodies.id),
  /** The network's commitments: each commission works on one node of it. */
  planId: uuid('plan_id').references(() => plans.id),
  /** The size the network declares when its list is not known (seed 003: 446 in 32 states), with its source. */
  declaredMembers: integer('declared_members'),
  declaredStates: integer('declared_states'),
  declaredSource: text('declared_source'),
  declaredOn: date('declared_on', { mode: 'string' }),
  /** A member is new for this many days after joining. */
  newDays: integer('new_days').notNull().default(180),
  /** A pending contribution leaves a member in grace this many days after its year ends, then lapsed. */
  graceDays: integer('grace_days').notNull().default(90),
  membersPublic: boolean('members_public').notNull().default(false),
  rankingPublic: boolean('ranking_public').notNull().default(false),
  pointWeights: jsonb('point_weights').$type<PointWeights>().notNull(),
  /** What the source leaves unclear, recorded rather than guessed. */
  flags: text('flags').array().notNull().default(sql`'{}'`),
  ...recordColumns(),
});

/** An organisation's membership of a network. Contacts are personal data: never public, never in open data. */
export const networkMembers = pgTable(
  'network_members',
  {
    id: id(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.bodyId),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** Where the member works in this network (null: national); a segment of results and rates. */
    stateCode: text('state_code').references(() => states.code),
    sector: text('sector').notNull(),
    /** Null when the source does not say since when (never guessed). */
    joinedOn: date('joined_on', { mode: 'string' }),
    leftOn: date('left_on', { mode: 'string' }),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    /** Where Telar learnt of the membership (an import file, a seed line). */
    source: text('source'),
    ...recordColumns(),
  },
  (t) => [
    uniqueIndex('network_members_org_idx').on(t.networkId, t.organizationId).where(sql`${t.archivedAt} is null`),
    index('network_members_state_idx').on(t.networkId, t.stateCode),
    index('network_members_organization_idx').on(t.organizationId),
  ],
);

/** A member's contribution for a year: amount agreed, and whether it was paid, is pending or was waived. */
export const networkContributions = pgTable(
  'network_contributions',
  {
    id: id(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => networkMembers.id),
    year: integer('year').notNull(),
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }),
    status: text('status').notNull(),
    paidOn: date('paid_on', { mode: 'string' }),
    note: text('note'),
    ...recordColumns(),
  },
  (t) => [uniqueIndex('network_contributions_member_year_idx').on(t.memberId, t.year)],
);

/**
 * A body under a network (a child body in `bodies`) and what it is to the network: its board, its
 * coordination or a thematic commission on one commitment. Members of these bodies are `memberships`;
 * their sessions and agreements are the sessions module's.
 */
export const networkBodies = pgTable(
  'network_bodies',
  {
    bodyId: uuid('body_id')
      .primaryKey()
      .references(() => bodies.id),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.bodyId),
    role: text('role').notNull(),
    /** A commission's commitment: a node of the network's plan. */
    planNodeId: uuid('plan_node_id').references(() => planNodes.id),
    communication: jsonb('communication').$type<CommunicationMechanism>(),
    work: jsonb('work').$type<WorkMechanism>(),
    ...recordColumns(),
  },
  (t) => [index('network_bodies_network_idx').on(t.networkId), uniqueIndex('network_bodies_node_idx').on(t.planNodeId)],
);

/** A commission's focal point or alternate for a dated term. The person's contacts stay in `people`, never public. */
export const commissionFocalPoints = pgTable(
  'commission_focal_points',
  {
    id: id(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => networkBodies.bodyId),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role').notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }),
    ...recordColumns(),
  },
  (t) => [index('commission_focal_points_body_idx').on(t.bodyId, t.role)],
);
