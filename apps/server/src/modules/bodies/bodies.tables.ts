import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, id, recordColumns, searchVector } from '../../platform/db/columns.js';
import { states } from '../../platform/db/geo.tables.js';

export const bodies = pgTable(
  'bodies',
  {
    id: id(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    acronym: text('acronym'),
    parentId: uuid('parent_id').references((): AnyPgColumn => bodies.id),
    level: text('level').notNull(),
    stateCode: text('state_code').references(() => states.code),
    /** The agreement that approved this body's civil-society participation mechanism (report preamble). */
    mechanismAgreementId: uuid('mechanism_agreement_id'),
    search: searchVector(`coalesce(name, '') || ' ' || coalesce(acronym, '')`),
    ...recordColumns(),
  },
  (t) => [
    index('bodies_parent_idx').on(t.parentId),
    uniqueIndex('bodies_acronym_idx').on(sql`upper(${t.acronym})`, sql`coalesce(${t.stateCode}, '')`),
    index('bodies_search_idx').using('gin', t.search),
  ],
);

/** A body's logo for the header of its Word documents; apart from `bodies` so that lists never read images. */
export const bodyLogos = pgTable('body_logos', {
  bodyId: uuid('body_id')
    .primaryKey()
    .references(() => bodies.id, { onDelete: 'cascade' }),
  contentType: text('content_type').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  content: bytea('content').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
