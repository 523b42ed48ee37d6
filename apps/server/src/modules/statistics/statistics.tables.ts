import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, recordColumns } from '../../platform/db/columns.js';

/** A statistical dataset: its provenance, its disclosure rule and where its rates and coverage come from. */
export const datasets = pgTable(
  'stat_datasets',
  {
    id: id(),
    name: text('name').notNull(),
    description: text('description'),
    publisher: text('publisher'),
    sourceUrl: text('source_url'),
    licence: text('licence'),
    cutoffDate: date('cutoff_date', { mode: 'string' }),
    retrievedDate: date('retrieved_date', { mode: 'string' }),
    provenance: text('provenance'),
    /** Counts of persons from 1 to threshold − 1 are suppressed in public outputs; never below 3. */
    disclosureThreshold: integer('disclosure_threshold').notNull().default(5),
    isPublic: boolean('is_public').notNull().default(false),
    populationDatasetId: uuid('population_dataset_id'),
    coverageDatasetId: uuid('coverage_dataset_id'),
    /** Percentage of age coverage under which a state-year is unreliable. */
    coverageThreshold: numeric('coverage_threshold', { mode: 'number' }),
    /** 0 until the first import. */
    currentRevision: integer('current_revision').notNull().default(0),
    ...recordColumns(),
  },
  (t) => [uniqueIndex('stat_datasets_name_idx').on(sql`lower(${t.name})`), check('stat_datasets_threshold_min', sql`${t.disclosureThreshold} >= 3`)],
);

/** A dimension of a dataset; its position (1–6) is the observation column `k<position>` holding its code's ordinal. */
export const datasetDimensions = pgTable(
  'stat_dimensions',
  {
    datasetId: uuid('dataset_id').notNull().references(() => datasets.id),
    position: smallint('position').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    kind: text('kind').notNull(),
  },
  (t) => [primaryKey({ columns: [t.datasetId, t.position] }), uniqueIndex('stat_dimensions_code_idx').on(t.datasetId, t.code)],
);

/** The code list of a dimension: codes are numbered (ordinal ≥ 1) so observations store small integers. */
export const datasetCodes = pgTable(
  'stat_codes',
  {
    datasetId: uuid('dataset_id').notNull().references(() => datasets.id),
    position: smallint('position').notNull(),
    ordinal: integer('ordinal').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    /** A total as the source published it: never summed with its parts. */
    isTotal: boolean('is_total').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.datasetId, t.position, t.ordinal] }), uniqueIndex('stat_codes_code_idx').on(t.datasetId, t.position, t.code)],
);

/** A measure of a dataset; its position is the observations' `measure`. */
export const datasetMeasures = pgTable(
  'stat_measures',
  {
    datasetId: uuid('dataset_id').notNull().references(() => datasets.id),
    position: smallint('position').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    unit: text('unit').notNull(),
    scale: doublePrecision('scale').notNull().default(1),
    isPersonCount: boolean('is_person_count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.datasetId, t.position] }), uniqueIndex('stat_measures_code_idx').on(t.datasetId, t.code)],
);

/** Each import of a dataset: what changed against the previous revision. */
export const datasetRevisions = pgTable(
  'stat_revisions',
  {
    datasetId: uuid('dataset_id').notNull().references(() => datasets.id),
    number: integer('number').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    createdBy: text('created_by').notNull(),
    fileName: text('file_name'),
    observations: integer('observations').notNull(),
    added: integer('added').notNull(),
    removed: integer('removed').notNull(),
    changed: integer('changed').notNull(),
    /** Up to 50 changed observations: [{ key, measure, before, after }]. */
    samples: jsonb('samples').notNull().default(sql`'[]'::jsonb`),
    /** The warnings of the import, as DatasetIssue[]. */
    warnings: jsonb('warnings').notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [primaryKey({ columns: [t.datasetId, t.number] })],
);

/** An observation's measure and the ordinals of its codes in dimensions 1…6 (0 when the dataset has fewer). */
const observationKey = () => ({
  measure: smallint('measure').notNull(),
  k1: integer('k1').notNull().default(0),
  k2: integer('k2').notNull().default(0),
  k3: integer('k3').notNull().default(0),
  k4: integer('k4').notNull().default(0),
  k5: integer('k5').notNull().default(0),
  k6: integer('k6').notNull().default(0),
});

/**
 * Observations, valid from revision `rev_from` until the revision `rev_to` that replaced or removed
 * them (null: current). A re-import closes what changed and adds the new values; nothing is overwritten,
 * so revision r is the rows with rev_from ≤ r and (rev_to is null or rev_to > r).
 */
export const observations = pgTable(
  'stat_observations',
  {
    datasetId: uuid('dataset_id').notNull().references(() => datasets.id),
    ...observationKey(),
    value: doublePrecision('value'),
    /** Bitmask of OBSERVATION_FLAGS. */
    flags: smallint('flags').notNull().default(0),
    comment: text('comment'),
    revFrom: integer('rev_from').notNull(),
    revTo: integer('rev_to'),
  },
  (t) => [
    index('stat_observations_current_idx').on(t.datasetId, t.measure, t.k1, t.k2, t.k3, t.k4, t.k5, t.k6).where(sql`${t.revTo} is null`),
    index('stat_observations_history_idx').on(t.datasetId, t.revFrom),
  ],
);

