import { sql } from 'drizzle-orm';
import { type AnyPgColumn, date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, recordColumns, searchVector } from '../../platform/db/columns.js';
import { bodies } from '../bodies/bodies.tables.js';
import { states } from '../../platform/db/geo.tables.js';

export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    name: text('name').notNull(),
    acronym: text('acronym'),
    /** Normalised name (lower-case, accentless, no legal form): the de-duplication key. */
    nameKey: text('name_key').notNull(),
    sector: text('sector').notNull(),
    level: text('level').notNull(),
    stateCode: text('state_code').references(() => states.code),
    parentId: uuid('parent_id').references((): AnyPgColumn => organizations.id),
    search: searchVector(`coalesce(name, '') || ' ' || coalesce(acronym, '')`),
    ...recordColumns(),
  },
  (t) => [
    uniqueIndex('organizations_name_key_idx').on(t.nameKey),
    index('organizations_acronym_idx').on(sql`lower(${t.acronym})`),
    index('organizations_search_idx').using('gin', t.search),
    index('organizations_name_trgm_idx').using('gin', sql`${t.nameKey} gin_trgm_ops`),
  ],
);

/** An organisation's seat in a body (integrante, invitado permanente, secretaría técnica…). */
export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    bodyId: uuid('body_id').notNull().references(() => bodies.id),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    role: text('role').notNull(),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    ...recordColumns(),
  },
  (t) => [index('memberships_body_idx').on(t.bodyId), index('memberships_org_idx').on(t.organizationId)],
);

/** People only in their official role. Contacts are personal data: never public, never exported. */
export const people = pgTable('people', {
  id: id(),
  name: text('name').notNull(),
  position: text('position'),
  organizationId: uuid('organization_id').references(() => organizations.id),
  email: text('email'),
  phone: text('phone'),
  ...recordColumns(),
});

/** Enlace of a membership: titular or alternate, for a dated term. */
export const focalPoints = pgTable(
  'focal_points',
  {
    id: id(),
    membershipId: uuid('membership_id').notNull().references(() => memberships.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    kind: text('kind').notNull(),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    ...recordColumns(),
  },
  (t) => [index('focal_points_membership_idx').on(t.membershipId)],
);
