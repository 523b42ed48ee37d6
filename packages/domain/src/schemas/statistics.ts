/**
 * The statistics API: datasets with provenance and revisions, their cross-tabs (counts or rates per
 * 100,000 children; public or internal view) and the import of a file.
 */
import { z } from 'zod';
import {
  CROSS_TAB_MEASURES,
  CROSS_TAB_VIEWS,
  DATASET_ISSUE_CODES,
  DIMENSION_KINDS,
  INCONSISTENCY_POLICIES,
  MEASURE_UNITS,
  MIN_DISCLOSURE_THRESHOLD,
  OBSERVATION_FLAGS,
} from '../statistics/model.js';
import { abilitiesOf } from './abilities.js';
import { IsoDateSchema, optionalText, requiredText, VersionSchema } from './common.js';
import { orNull, viewCount, viewDate, viewId, viewInstant, viewVersion } from './view-fields.js';

// ── Views ──────────────────────────────────────────────────────────────────────────────────────

export const DatasetSummaryViewSchema = z
  .strictObject({
    id: viewId,
    name: z.string(),
    description: z.string().nullable(),
    publisher: z.string().nullable(),
    /** Observations of the current revision. */
    observations: viewCount,
    dimensions: z.array(z.string()),
    measures: z.array(z.string()),
    currentRevision: z.number().int().min(0),
    isPublic: z.boolean(),
    updatedAt: viewInstant,
  })
  .meta({ id: 'DatasetSummaryView', description: 'Conjunto de datos estadísticos en una lista.' });
export type DatasetSummaryView = z.infer<typeof DatasetSummaryViewSchema>;

export const DatasetDimensionViewSchema = z
  .strictObject({
    code: z.string(),
    label: z.string(),
    kind: z.enum(DIMENSION_KINDS),
    /** Levels it can be asked at besides its own (a month's year; a municipality's state). */
    levels: z.array(z.string()),
    codes: z.array(z.strictObject({ code: z.string(), label: z.string() })),
  })
  .meta({ id: 'DatasetDimensionView', description: 'Dimensión de un conjunto de datos y su lista de claves.' });

export const DatasetMeasureViewSchema = z
  .strictObject({ code: z.string(), label: z.string(), unit: z.enum(MEASURE_UNITS), scale: z.number(), isPersonCount: z.boolean() })
  .meta({ id: 'DatasetMeasureView', description: 'Medida de un conjunto de datos: unidad y escala.' });

export const DatasetRevisionViewSchema = z
  .strictObject({
    number: z.number().int().min(1),
    createdAt: viewInstant,
    createdBy: z.string(),
    fileName: z.string().nullable(),
    observations: viewCount,
    added: viewCount,
    removed: viewCount,
    changed: viewCount,
    /** Up to 50 changed observations, before and after. */
    samples: z.array(z.strictObject({ key: z.record(z.string(), z.string()), measure: z.string(), before: z.number().nullable(), after: z.number().nullable() })),
    warnings: viewCount,
  })
  .meta({ id: 'DatasetRevisionView', description: 'Revisión de un conjunto de datos: qué cambió respecto de la anterior.' });
export type DatasetRevisionView = z.infer<typeof DatasetRevisionViewSchema>;

export const DatasetAbilitiesSchema = abilitiesOf('DatasetAbilities', 'Lo que la persona puede hacer con un conjunto de datos.', {
  edit: 'Cambiar su descripción, su regla de confidencialidad y sus enlaces de población y cobertura.',
  importRevision: 'Importar una revisión nueva.',
  publish: 'Publicarlo en el portal y retirarlo.',
  viewInternal: 'Ver los valores sin supresión (vista interna).',
});
export type DatasetAbilities = z.infer<typeof DatasetAbilitiesSchema>;

export const DatasetRefSchema = z.strictObject({ id: viewId, name: z.string() }).meta({ id: 'DatasetRef', description: 'Conjunto de datos referido.' });

export const DatasetDetailViewSchema = z
  .strictObject({
    id: viewId,
    name: z.string(),
    description: z.string().nullable(),
    publisher: z.string().nullable(),
    sourceUrl: z.string().nullable(),
    licence: z.string().nullable(),
    cutoffDate: viewDate.nullable(),
    retrievedDate: viewDate.nullable(),
    provenance: z.string().nullable(),
    /** Counts of persons from 1 to threshold − 1 are suppressed in every public output. */
    disclosureThreshold: z.number().int().min(MIN_DISCLOSURE_THRESHOLD),
    isPublic: z.boolean(),
    /** Where rates per 100,000 children take their denominator (a dataset with state, year and sex). */
    population: orNull(DatasetRefSchema),
    /** Where the share of victims with a recorded age comes from, and under what percentage a state-year is unreliable. */
    coverage: orNull(DatasetRefSchema),
    coverageThreshold: z.number().nullable(),
    dimensions: z.array(DatasetDimensionViewSchema),
    measures: z.array(DatasetMeasureViewSchema),
    currentRevision: z.number().int().min(0),
    observations: viewCount,
    revisions: z.array(DatasetRevisionViewSchema),
    abilities: DatasetAbilitiesSchema,
    version: viewVersion,
    updatedAt: viewInstant,
  })
  .meta({ id: 'DatasetDetailView', description: 'Conjunto de datos con su procedencia, dimensiones, medidas y revisiones.' });
export type DatasetDetailView = z.infer<typeof DatasetDetailViewSchema>;

/** The public portal's dataset: no abilities, no internal links, no revision authors. */
export const PublicDatasetViewSchema = DatasetDetailViewSchema.omit({ abilities: true, revisions: true, version: true, population: true, coverage: true })
  .extend({ hasRates: z.boolean() })
  .meta({ id: 'PublicDatasetView', description: 'Conjunto de datos publicado en el portal.' });
export type PublicDatasetView = z.infer<typeof PublicDatasetViewSchema>;

export const TableCellSchema = z
  .strictObject({ key: z.record(z.string(), z.string()), value: z.number().nullable(), flag: z.enum(OBSERVATION_FLAGS).nullable() })
  .meta({ id: 'TableCell', description: 'Celda de un cuadro: su clave por dimensión, el valor (nulo si está suprimido o no disponible) y su marca.' });

export const CrossTabViewSchema = z
  .strictObject({
    dataset: DatasetRefSchema,
    revision: z.number().int().min(1),
    measure: z.string(),
    kind: z.enum(CROSS_TAB_MEASURES),
    /** public: disclosure control applied; internal: the values as stored. */
    view: z.enum(CROSS_TAB_VIEWS),
    disclosureThreshold: z.number().int(),
    dimensions: z.array(z.string()),
    /** The filters applied, by dimension (codes). */
    where: z.record(z.string(), z.array(z.string())),
    /** Label of each code that appears, by dimension. */
    labels: z.record(z.string(), z.record(z.string(), z.string())),
    cells: z.array(TableCellSchema),
    /** Totals by each single dimension ({dim: code}) and the grand total ({}). */
    margins: z.array(TableCellSchema),
    suppressedCells: viewCount,
  })
  .meta({ id: 'CrossTabView', description: 'Cuadro de un conjunto de datos: celdas, márgenes y marcas.' });
export type CrossTabView = z.infer<typeof CrossTabViewSchema>;

export const DatasetIssueViewSchema = z
  .strictObject({ row: z.number().int().nullable(), column: z.string().nullable(), code: z.enum(DATASET_ISSUE_CODES), severity: z.enum(['error', 'warning']), message: z.string() })
  .meta({ id: 'DatasetIssueView', description: 'Problema encontrado al leer un archivo: fila, columna, clave y mensaje.' });

export const DatasetImportResultSchema = z
  .strictObject({
    dataset: z.string(),
    datasetId: viewId.nullable(),
    /** The revision written (null in a dry run or when refused). */
    revision: z.number().int().nullable(),
    observations: viewCount,
    dimensions: z.array(z.string()),
    isDryRun: z.boolean(),
    /** True when nothing was written because errors were found and the policy is to refuse. */
    isRefused: z.boolean(),
    added: viewCount,
    removed: viewCount,
    changed: viewCount,
    warnings: z.array(DatasetIssueViewSchema),
    errors: z.array(DatasetIssueViewSchema),
  })
  .meta({ id: 'DatasetImportResult', description: 'Resultado (o vista previa) de importar un archivo a un conjunto de datos.' });
export type DatasetImportResult = z.infer<typeof DatasetImportResultSchema>;

// ── Inputs ─────────────────────────────────────────────────────────────────────────────────────

const commaList = z
  .string()
  .max(2000)
  .transform((text) => text.split(',').map((part) => part.trim()).filter(Boolean));

/**
 * The fields sent with an uploaded file (multipart): which dataset, which columns are dimensions and
 * which holds the values, and what to do with an inconsistent source.
 */
export const DatasetImportFieldsSchema = z.object({
  name: requiredText(200),
  dimensions: commaList.optional(),
  measure: z.string().trim().max(100).optional(),
  /** For a wide table (years as columns): the dimension the value columns make ("period"). */
  wideDimension: z.string().trim().max(40).optional(),
  policy: z.enum(INCONSISTENCY_POLICIES).default('refuse'),
  dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});
export type DatasetImportFields = z.output<typeof DatasetImportFieldsSchema>;

/** The tables of a questionnaire's official answer to one question (seed 001's yearly crime tables), as a dataset. */
export const DatasetAnswerImportSchema = z.object({
  exerciseId: z.uuid({ message: 'Identificador no válido.' }),
  /** The question's number as the reply shows it ("6"). */
  questionNumber: requiredText(20),
  name: requiredText(200),
  policy: z.enum(INCONSISTENCY_POLICIES).default('refuse'),
  dryRun: z.boolean().default(false),
});
export type DatasetAnswerImportInput = z.input<typeof DatasetAnswerImportSchema>;

export const DatasetUpdateSchema = z.object({
  description: optionalText(4000).optional(),
  publisher: optionalText(300).optional(),
  sourceUrl: optionalText(2000).optional(),
  licence: optionalText(500).optional(),
  cutoffDate: IsoDateSchema.nullable().optional(),
  retrievedDate: IsoDateSchema.nullable().optional(),
  disclosureThreshold: z
    .number({ error: 'Escriba un número entero.' })
    .int({ message: 'Escriba un número entero.' })
    .min(MIN_DISCLOSURE_THRESHOLD, { message: `El umbral no puede ser menor que ${MIN_DISCLOSURE_THRESHOLD}.` })
    .max(100, { message: 'El umbral no puede ser mayor que 100.' })
    .optional(),
  populationDatasetId: z.uuid({ message: 'Identificador no válido.' }).nullable().optional(),
  coverageDatasetId: z.uuid({ message: 'Identificador no válido.' }).nullable().optional(),
  coverageThreshold: z.number().min(0).max(100).nullable().optional(),
  version: VersionSchema,
});
export type DatasetUpdateInput = z.input<typeof DatasetUpdateSchema>;

/** `by=state,year&where=crime_type:Secuestro&where=sex:mujer&measure=victims&kind=rate&view=public&revision=3` */
export const CrossTabQuerySchema = z.object({
  by: commaList.default([]),
  where: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
  measure: z.string().max(40).optional(),
  kind: z.enum(CROSS_TAB_MEASURES).default('count'),
  view: z.enum(CROSS_TAB_VIEWS).default('public'),
  revision: z.coerce.number().int().min(1).optional(),
});
export type CrossTabQuery = z.output<typeof CrossTabQuerySchema>;

export const DATASET_DOWNLOAD_FORMATS = ['csv', 'xlsx', 'json', 'sdmx'] as const;
