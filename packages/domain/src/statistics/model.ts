/**
 * Statistics: datasets of observations with their provenance, SDMX-style flags and revisions; the
 * cross-tabs asked of them; and what an import reads from a file before anything is written.
 *
 * A dataset declares its dimensions (each with a code list) and its measures (unit and scale). An
 * observation is one value for one code of every dimension and one measure, with flags and a comment.
 */
import { z } from 'zod';

/** How a dimension's codes are read, matched and rolled up. */
export const DIMENSION_KINDS = ['period', 'state', 'municipality', 'sex', 'age_group', 'category'] as const;
export type DimensionKind = (typeof DIMENSION_KINDS)[number];

/**
 * The levels a dimension can be asked at. A period is stored at its finest level ("2024-03", "2024-Q1"
 * or "2024") and rolls up to quarter and year; a municipality (INEGI cvegeo "01001") rolls up to its state.
 */
export const DIMENSION_LEVELS = ['year', 'quarter', 'month', 'state', 'municipality'] as const;
export type DimensionLevel = (typeof DIMENSION_LEVELS)[number];

export const MEASURE_UNITS = ['persons', 'cases', 'mxn', 'percent', 'other'] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];

/**
 * Observation flags (SDMX OBS_STATUS / CONF_STATUS where one exists):
 * provisional P, estimated E, not_available M (blank in the source, never zero), break B,
 * suppressed C (confidential: the value is withheld by disclosure control),
 * inconsistent — kept as published although it contradicts the source's own totals or scale,
 * unreliable — the state-year's age coverage is under the dataset's threshold.
 */
export const OBSERVATION_FLAGS = ['provisional', 'estimated', 'not_available', 'break', 'suppressed', 'inconsistent', 'unreliable'] as const;
export type ObservationFlag = (typeof OBSERVATION_FLAGS)[number];

/** The one-letter SDMX codes; `inconsistent` and `unreliable` have none and travel in the comment column. */
export const SDMX_OBS_STATUS: Partial<Record<ObservationFlag, string>> = { provisional: 'P', estimated: 'E', not_available: 'M', break: 'B' };

/** Which flag a cell shows when it has several: the one that changes how its number may be read most. */
export const FLAG_PRECEDENCE: readonly ObservationFlag[] = ['suppressed', 'not_available', 'inconsistent', 'unreliable', 'break', 'estimated', 'provisional'];

/** Flags as a bitmask, as the database keeps them (bit i = OBSERVATION_FLAGS[i]). */
export const flagsToMask = (flags: readonly ObservationFlag[]): number => flags.reduce((mask, flag) => mask | (1 << OBSERVATION_FLAGS.indexOf(flag)), 0);
export const maskToFlags = (mask: number): ObservationFlag[] => OBSERVATION_FLAGS.filter((_, i) => (mask & (1 << i)) !== 0);
/** The flag shown for a set of flags, or null. */
export const shownFlag = (flags: readonly ObservationFlag[]): ObservationFlag | null => FLAG_PRECEDENCE.find((flag) => flags.includes(flag)) ?? null;

/** Default disclosure rule: counts of persons from 1 to threshold − 1 are suppressed; an administrator may not go below 3. */
export const DEFAULT_DISCLOSURE_THRESHOLD = 5;
export const MIN_DISCLOSURE_THRESHOLD = 3;
/** Rates are per this many children. */
export const RATE_BASE = 100_000;

export const DimensionCodeSchema = z.object({
  code: z.string().min(1).max(200),
  label: z.string().min(1).max(500),
  /**
   * A total the source publishes ("TOTAL" rows of a table): kept as written and checked against its
   * parts, never added into a sum — a cross-tab includes it only when a filter asks for it by code.
   */
  isTotal: z.boolean().optional(),
});
export type DimensionCode = z.infer<typeof DimensionCodeSchema>;

export const DimensionSchema = z.object({
  /** Identifier used in queries (`--by state,year`, `--where crime_type=Secuestro`): lower-case ASCII. */
  code: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: z.string().min(1).max(200),
  kind: z.enum(DIMENSION_KINDS),
  /** Every code the dataset uses, in the order they are shown. */
  codes: z.array(DimensionCodeSchema),
});
export type Dimension = z.infer<typeof DimensionSchema>;

export const MeasureSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: z.string().min(1).max(200),
  unit: z.enum(MEASURE_UNITS),
  /** 1, 1000 or 1,000,000: the value times the scale is the amount in the unit ("millones de pesos" = mxn × 1e6). */
  scale: z.number().positive(),
  /** Counts of persons (victims, children): disclosure control applies to them and rates may be computed. */
  isPersonCount: z.boolean(),
});
export type Measure = z.infer<typeof MeasureSchema>;

/**
 * Whether a measure's public tables pass disclosure control. Fail closed: every measure is treated as a
 * count that may single out a child unless its unit says plainly that it is money or a percentage — a
 * column of victims headed «valor» or «#» is read as unit 'other' and must still be suppressed.
 */
export const needsDisclosureControl = (measure: Pick<Measure, 'unit'>): boolean => measure.unit !== 'mxn' && measure.unit !== 'percent';

export interface Observation {
  /** Code of each dimension, by dimension code. */
  key: Record<string, string>;
  measure: string;
  /** null = blank in the source (flag not_available), never confused with 0. */
  value: number | null;
  flags: ObservationFlag[];
  comment: string | null;
}

export const DatasetMetadataSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(4000).nullable(),
  publisher: z.string().max(300).nullable(),
  sourceUrl: z.string().max(2000).nullable(),
  licence: z.string().max(500).nullable(),
  /** Last day the data covers / was cut, and the day it was retrieved: ISO dates. */
  cutoffDate: z.string().nullable(),
  retrievedDate: z.string().nullable(),
  /** The provenance as the source states it (a CSV's `# provenance:` line, kept verbatim). */
  provenance: z.string().max(8000).nullable(),
});
export type DatasetMetadata = z.infer<typeof DatasetMetadataSchema>;

export const DATASET_ISSUE_CODES = [
  'total_mismatch', // a total differs from the sum of its parts
  'not_integer', // a count of persons or cases with decimals
  'negative', // a count below zero
  'out_of_scale', // a value orders of magnitude off the rest of its column (seed 002's 49,669.6)
  'amount_in_words', // an amount written in Spanish words, read as a number
  'blank', // an empty cell: kept as not available, never as zero
  'unreadable_value', // a value that is not a number nor an amount in words
  'unknown_code', // a code not in the dimension's list, or no state/municipality by that code
  'code_mismatch', // two columns of one dimension disagree (cve_ent 06 beside state_iso MX-COA)
  'unit_mismatch', // the header's unit or scale does not fit the values (seed 002: "millones de pesos" over amounts in pesos)
  'code_matched', // a state written by name ("Colima") matched to its code
  'duplicate_key', // two rows for the same key
  'unknown_column', // a mapped column the file does not have
  'merged_row', // a row of the source that runs two of its rows together (a PDF extraction)
  'too_many_rows', // the file is over the import limit
] as const;
export type DatasetIssueCode = (typeof DATASET_ISSUE_CODES)[number];

/** A problem found in a file, where it is: 1-based row of the file (header = 1) and the column's header. */
export interface DatasetIssue {
  row: number | null;
  column: string | null;
  code: DatasetIssueCode;
  /** error: refused unless the user keeps the source's values with flags; warning: imported as read. */
  severity: 'error' | 'warning';
  /** Spanish, for people. */
  message: string;
}

/** What an importer read from a file: nothing is written yet. */
export interface ParsedDataset {
  metadata: Partial<DatasetMetadata>;
  dimensions: Dimension[];
  measures: Measure[];
  observations: Observation[];
  issues: DatasetIssue[];
}

/**
 * What to do with an inconsistent source: refuse the import (nothing written), or keep the values as
 * published with the flag `inconsistent` on each cell an error names.
 */
export const INCONSISTENCY_POLICIES = ['refuse', 'keep_flagged'] as const;
export type InconsistencyPolicy = (typeof INCONSISTENCY_POLICIES)[number];

// ── Cross-tabs ─────────────────────────────────────────────────────────────────────────────────

/** One cell of a cross-tab, or one of its margins (key has one dimension) or the grand total (key {}). */
export interface TableCell {
  key: Record<string, string>;
  /** null when suppressed or not available: the flag says which. */
  value: number | null;
  flag: ObservationFlag | null;
}

/** A cross-tab: cells by every dimension of `dimensions`, margins by each one of them, and the grand total. */
export interface CrossTab {
  dimensions: string[];
  cells: TableCell[];
  margins: TableCell[];
}

export const CROSS_TAB_VIEWS = ['public', 'internal'] as const;
export type CrossTabAudience = (typeof CROSS_TAB_VIEWS)[number];
export const CROSS_TAB_MEASURES = ['count', 'rate'] as const;
export type CrossTabMeasure = (typeof CROSS_TAB_MEASURES)[number];
