import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';

/** The 32 entidades federativas; the ISO 3166-2:MX code is the key used across Telar. */
export const states = pgTable('states', {
  code: text('code').primaryKey(),
  inegiCode: text('inegi_code').notNull().unique(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  abbreviation: text('abbreviation').notNull(),
  population: integer('population').notNull(),
});

/** The 2,469 municipalities with their INEGI geostatistical key (cvegeo). */
export const municipalities = pgTable(
  'municipalities',
  {
    cvegeo: text('cvegeo').primaryKey(),
    stateCode: text('state_code').notNull().references(() => states.code),
    name: text('name').notNull(),
    population: integer('population').notNull(),
  },
  (t) => [index('municipalities_state_idx').on(t.stateCode)],
);
