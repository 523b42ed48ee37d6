import type { DatasetIssue, DatasetMetadata, DimensionKind, MeasureUnit } from '@telar/domain';
import { asc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { queryRows, updateIfVersion } from '../../platform/db/query.js';
import { isoInstant } from '../../platform/db/views.sql.js';
import { datasetCodes, datasetDimensions, datasetMeasures, datasetRevisions, datasets } from './statistics.tables.js';

export type DatasetRow = typeof datasets.$inferSelect;
/** Observations have one column per dimension position, k1…k6. */
export const MAX_DIMENSIONS = 6;
/** Rows per statement when observations travel as one array per column. */
const CHUNK_ROWS = 20_000;
/** How many changed observations a revision keeps as examples. */
const SAMPLE_LIMIT = 50;

export interface StoredCode {
  ordinal: number;
  code: string;
  label: string;
  isTotal: boolean;
}
export interface StoredDimension {
  position: number;
  code: string;
  label: string;
  kind: DimensionKind;
  codes: StoredCode[];
}
export interface StoredMeasure {
  position: number;
  code: string;
  label: string;
  unit: MeasureUnit;
  scale: number;
  isPersonCount: boolean;
}

/** One observation as stored: ordinals by dimension position (index 0 = k1), 0 where the dataset has no such dimension. */
export interface ObservationRow {
  measure: number;
  keys: number[];
  value: number | null;
  flags: number;
  comment: string | null;
}

export interface RevisionCounts {
  added: number;
  removed: number;
  changed: number;
}
export interface RevisionSample {
  measure: number;
  keys: number[];
  before: number | null;
  after: number | null;
}

const K_COLUMNS = Array.from({ length: MAX_DIMENSIONS }, (_, i) => `k${i + 1}`);
const sameKey = (a: string, b: string) => sql.raw(['measure', ...K_COLUMNS].map((column) => `${a}.${column} = ${b}.${column}`).join(' and '));
const sameContent = (a: string, b: string) =>
  sql.raw(`${a}.value is not distinct from ${b}.value and ${a}.flags = ${b}.flags and ${a}.comment is not distinct from ${b}.comment`);
const arrayParam = (values: unknown[]) => sql.param(values);

/** Observations valid in revision r: current ones (r omitted) have no end. */
const validIn = (alias: string, revision: number | undefined) =>
  revision === undefined
    ? sql.raw(`${alias}.rev_to is null`)
    : sql`${sql.raw(alias)}.rev_from <= ${revision} and (${sql.raw(alias)}.rev_to is null or ${sql.raw(alias)}.rev_to > ${revision})`;

export async function listDatasetRows(db: Database): Promise<(DatasetRow & { observations: number; dimensionCodes: string[]; measureCodes: string[] })[]> {
  return queryRows(
    db,
    sql`select d.id, d.name, d.description, d.publisher, d.current_revision as "currentRevision", d.is_public as "isPublic", ${isoInstant(sql`d.updated_at`)} as "updatedAt",
          coalesce((select r.observations from stat_revisions r where r.dataset_id = d.id and r.number = d.current_revision), 0)::int as observations,
          coalesce((select array_agg(x.code order by x.position) from stat_dimensions x where x.dataset_id = d.id), '{}') as "dimensionCodes",
          coalesce((select array_agg(m.code order by m.position) from stat_measures m where m.dataset_id = d.id), '{}') as "measureCodes"
        from stat_datasets d where d.archived_at is null order by lower(d.name)`,
  );
}

/** A dataset's row, its instants in ISO 8601 as the views give them. */
const datasetColumns = { ...getTableColumns(datasets), updatedAt: sql<string>`${isoInstant(sql`${datasets.updatedAt}`)}` };

export async function findDataset(db: Database, id: string): Promise<DatasetRow | undefined> {
  const [row] = await db.select(datasetColumns).from(datasets).where(eq(datasets.id, id));
  return row;
}

export async function findDatasetByName(db: Database, name: string): Promise<DatasetRow | undefined> {
  const [row] = await db
    .select(datasetColumns)
    .from(datasets)
    .where(sql`lower(${datasets.name}) = lower(${name.trim()})`);
  return row;
}

/** Holds the dataset's row until the transaction ends: two imports of one dataset write their revisions one after the other. */
export async function lockDataset(db: Database, id: string) {
  await db.execute(sql`select 1 from stat_datasets where id = ${id} for update`);
}

/** Dimensions with their code lists in ordinal order, and measures, by position. */
export async function findStructure(db: Database, datasetId: string): Promise<{ dimensions: StoredDimension[]; measures: StoredMeasure[] }> {
  const dimensionRows = await db.select().from(datasetDimensions).where(eq(datasetDimensions.datasetId, datasetId)).orderBy(asc(datasetDimensions.position));
  const codeRows = await db.select().from(datasetCodes).where(eq(datasetCodes.datasetId, datasetId)).orderBy(asc(datasetCodes.position), asc(datasetCodes.ordinal));
  const measureRows = await db.select().from(datasetMeasures).where(eq(datasetMeasures.datasetId, datasetId)).orderBy(asc(datasetMeasures.position));
  return {
    dimensions: dimensionRows.map((d) => ({
      position: d.position,
      code: d.code,
      label: d.label,
      kind: d.kind as DimensionKind,
      codes: codeRows.filter((c) => c.position === d.position).map(({ ordinal, code, label, isTotal }) => ({ ordinal, code, label, isTotal })),
    })),
    measures: measureRows.map((m) => ({ position: m.position, code: m.code, label: m.label, unit: m.unit as MeasureUnit, scale: m.scale, isPersonCount: m.isPersonCount })),
  };
}

export async function listRevisions(db: Database, datasetId: string) {
  return db
    .select({ ...getTableColumns(datasetRevisions), createdAt: sql<string>`${isoInstant(sql`${datasetRevisions.createdAt}`)}` })
    .from(datasetRevisions).where(eq(datasetRevisions.datasetId, datasetId)).orderBy(asc(datasetRevisions.number));
}

export async function insertDataset(db: Database, metadata: Partial<DatasetMetadata> & { name: string }): Promise<DatasetRow> {
  const [row] = await db
    .insert(datasets)
    .values({
      name: metadata.name,
      description: metadata.description ?? null,
      publisher: metadata.publisher ?? null,
      sourceUrl: metadata.sourceUrl ?? null,
      licence: metadata.licence ?? null,
      cutoffDate: metadata.cutoffDate ?? null,
      retrievedDate: metadata.retrievedDate ?? null,
      provenance: metadata.provenance ?? null,
    })
    .returning();
  return row!;
}

export type DatasetUpdateValues = Partial<Omit<typeof datasets.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>>;

export async function updateDataset(db: Database, id: string, version: number, values: DatasetUpdateValues) {
  return updateIfVersion(db, datasets, id, version, values);
}

/** Dimensions and their labels by position; a position's kind and code never change once written. */
export async function upsertDimensions(db: Database, datasetId: string, dimensions: Omit<StoredDimension, 'codes'>[]) {
  if (!dimensions.length) return;
  await db
    .insert(datasetDimensions)
    .values(dimensions.map(({ position, code, label, kind }) => ({ datasetId, position, code, label, kind })))
    .onConflictDoUpdate({ target: [datasetDimensions.datasetId, datasetDimensions.position], set: { label: sql`excluded.label` } });
}

/** Codes by ordinal: new ones are inserted, known ones keep their ordinal and take the new label. */
export async function upsertCodes(db: Database, datasetId: string, codes: (StoredCode & { position: number })[]) {
  if (!codes.length) return;
  const column = <K extends keyof (typeof codes)[number]>(key: K) => arrayParam(codes.map((c) => c[key]));
  await db.execute(sql`insert into stat_codes (dataset_id, position, ordinal, code, label, is_total)
    select ${datasetId}::uuid, * from unnest(${column('position')}::smallint[], ${column('ordinal')}::int[], ${column('code')}::text[], ${column('label')}::text[], ${column('isTotal')}::boolean[])
    on conflict (dataset_id, position, ordinal) do update set label = excluded.label, is_total = excluded.is_total`);
}

export async function upsertMeasures(db: Database, datasetId: string, measures: StoredMeasure[]) {
  if (!measures.length) return;
  await db
    .insert(datasetMeasures)
    .values(measures.map((m) => ({ datasetId, ...m })))
    .onConflictDoUpdate({
      target: [datasetMeasures.datasetId, datasetMeasures.position],
      set: { label: sql`excluded.label`, unit: sql`excluded.unit`, scale: sql`excluded.scale`, isPersonCount: sql`excluded.is_person_count` },
    });
}

/** Metadata a new file brings (provenance, dates…): what the file does not say stays as it was. */
export async function updateImportedMetadata(db: Database, datasetId: string, metadata: Partial<DatasetMetadata>) {
  const values = Object.fromEntries(
    (['description', 'publisher', 'sourceUrl', 'licence', 'cutoffDate', 'retrievedDate', 'provenance'] as const).flatMap((field) =>
      metadata[field] ? [[field, metadata[field]]] : [],
    ),
  );
  if (Object.keys(values).length) await db.update(datasets).set({ ...values, updatedAt: sql`now()` }).where(eq(datasets.id, datasetId));
}

/** Inserts observations into `target` (its columns in this order), one array per column through `unnest`, in chunks. */
async function insertByColumns(db: Database, target: SQL, rows: ObservationRow[], extra: { columns: SQL; values: SQL } = { columns: sql``, values: sql`` }) {
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const chunk = rows.slice(start, start + CHUNK_ROWS);
    const keys = K_COLUMNS.map((_, i) => sql`${arrayParam(chunk.map((row) => row.keys[i] ?? 0))}::int[]`);
    await db.execute(sql`insert into ${target} (${extra.columns}measure, k1, k2, k3, k4, k5, k6, value, flags, comment)
      select ${extra.values}* from unnest(${arrayParam(chunk.map((row) => row.measure))}::smallint[], ${sql.join(keys, sql`, `)},
        ${arrayParam(chunk.map((row) => row.value))}::float8[], ${arrayParam(chunk.map((row) => row.flags))}::smallint[], ${arrayParam(chunk.map((row) => row.comment))}::text[])`);
  }
}

/**
 * Loads a revision's observations into a temporary table (`stat_incoming`, dropped at commit), so the
 * comparison with the current revision is done by the database.
 */
async function loadIncoming(db: Database, rows: ObservationRow[]) {
  await db.execute(sql`create temporary table stat_incoming (measure smallint, k1 int, k2 int, k3 int, k4 int, k5 int, k6 int,
    value float8, flags smallint, comment text) on commit drop`);
  await insertByColumns(db, sql`stat_incoming`, rows);
  await db.execute(sql`analyze stat_incoming`);
}

/** A dataset's first revision: every observation is new, so there is nothing to compare. */
export async function insertFirstObservations(db: Database, datasetId: string, rows: ObservationRow[]): Promise<RevisionCounts> {
  await insertByColumns(db, sql`stat_observations`, rows, { columns: sql`dataset_id, rev_from, `, values: sql`${datasetId}::uuid, 1, ` });
  return { added: rows.length, removed: 0, changed: 0 };
}

/** Current observations joined to the incoming ones by key: what a revision adds, removes and changes. */
const comparison = (datasetId: string) => sql`from stat_incoming i
  full join (select * from stat_observations where dataset_id = ${datasetId} and rev_to is null) o on ${sameKey('i', 'o')}`;

/**
 * Compares `rows` with the dataset's current observations. When they differ, writes them as revision
 * `revision`: what changed or went away is closed (rev_to), what changed or is new is added (rev_from);
 * unchanged observations stay as they are. Call inside the import's transaction.
 */
export async function writeObservations(db: Database, datasetId: string, revision: number, rows: ObservationRow[]): Promise<{ counts: RevisionCounts; samples: RevisionSample[] }> {
  await loadIncoming(db, rows);
  const [counts] = await queryRows<RevisionCounts>(
    db,
    sql`select count(*) filter (where o.measure is null)::int as added, count(*) filter (where i.measure is null)::int as removed,
          count(*) filter (where i.measure is not null and o.measure is not null and not (${sameContent('i', 'o')}))::int as changed
        ${comparison(datasetId)}`,
  );
  if (!counts!.added && !counts!.removed && !counts!.changed) return { counts: counts!, samples: [] };
  const samples = await queryRows<{ measure: number; k: number[]; before: number | null; after: number | null }>(
    db,
    sql`select coalesce(i.measure, o.measure) as measure, array[${sql.raw(K_COLUMNS.map((k) => `coalesce(i.${k}, o.${k})`).join(', '))}] as k,
          o.value as before, i.value as after
        ${comparison(datasetId)}
        where i.measure is null or o.measure is null or not (${sameContent('i', 'o')})
        order by (i.measure is not null and o.measure is not null) desc limit ${SAMPLE_LIMIT}`,
  );
  await db.execute(sql`update stat_observations o set rev_to = ${revision}
    where o.dataset_id = ${datasetId} and o.rev_to is null
      and not exists (select 1 from stat_incoming i where ${sameKey('i', 'o')} and ${sameContent('i', 'o')})`);
  await db.execute(sql`insert into stat_observations (dataset_id, measure, k1, k2, k3, k4, k5, k6, value, flags, comment, rev_from)
    select ${datasetId}::uuid, i.measure, i.k1, i.k2, i.k3, i.k4, i.k5, i.k6, i.value, i.flags, i.comment, ${revision} from stat_incoming i
    where not exists (select 1 from stat_observations o where o.dataset_id = ${datasetId} and o.rev_to is null and ${sameKey('i', 'o')})`);
  return { counts: counts!, samples: samples.map(({ measure, k, before, after }) => ({ measure, keys: k, before, after })) };
}

export async function insertRevision(
  db: Database,
  revision: { datasetId: string; number: number; createdBy: string; fileName: string | null; observations: number; samples: object[]; warnings: DatasetIssue[] } & RevisionCounts,
) {
  await db.insert(datasetRevisions).values(revision);
  await db.update(datasets).set({ currentRevision: revision.number, updatedAt: sql`now()` }).where(eq(datasets.id, revision.datasetId));
}

export interface AggregateQuery {
  measure: number;
  /** Grouping dimensions, by position; `parentOf[ordinal]` (1-based, as SQL arrays) rolls a code up to a coarser level. */
  by: { position: number; parentOf?: number[] }[];
  /** Only these ordinals of a dimension. */
  where: { position: number; ordinals: number[] }[];
  /** Never these ordinals (a source's own totals, unless a filter names them). */
  exclude: { position: number; ordinals: number[] }[];
  /** Omitted: the current revision. */
  revision?: number;
}

export interface AggregateRow {
  groups: number[];
  value: number | null;
  /** OR of the flags of every observation added in. */
  flags: number;
}

/** Sums of a measure by the grouping codes: one row per group that has observations. */
export async function aggregateObservations(db: Database, datasetId: string, query: AggregateQuery): Promise<AggregateRow[]> {
  const column = (position: number) => sql.raw(`o.k${position}`);
  const groups = query.by.map(({ position, parentOf }) =>
    parentOf ? sql`(${arrayParam(parentOf)}::int[])[${column(position)}]` : column(position),
  );
  const conditions: SQL[] = [
    sql`o.dataset_id = ${datasetId}`,
    sql`o.measure = ${query.measure}`,
    validIn('o', query.revision),
    ...query.where.map(({ position, ordinals }) => sql`${column(position)} = any(${arrayParam(ordinals)}::int[])`),
    ...query.exclude.filter((e) => e.ordinals.length).map(({ position, ordinals }) => sql`${column(position)} <> all(${arrayParam(ordinals)}::int[])`),
  ];
  const numbers = groups.map((_, i) => sql.raw(String(i + 1)));
  const rows = await queryRows<Record<string, number | null>>(
    db,
    sql`select ${sql.join([...groups.map((group, i) => sql`${group} as ${sql.raw(`g${i + 1}`)}`), sql`sum(o.value)::float8 as value`, sql`bit_or(o.flags)::int as flags`], sql`, `)}
        from stat_observations o where ${sql.join(conditions, sql` and `)}
        ${groups.length ? sql`group by ${sql.join(numbers, sql`, `)} order by ${sql.join(numbers, sql`, `)}` : sql``}`,
  );
  return rows.map((row) => ({ groups: groups.map((_, i) => Number(row[`g${i + 1}`] ?? 0)), value: row.value === null ? null : Number(row.value), flags: Number(row.flags ?? 0) }));
}

/** Every current observation of a dataset (small datasets: a population or a coverage table). */
export async function listObservations(db: Database, datasetId: string, measure: number): Promise<ObservationRow[]> {
  const rows = await queryRows<{ measure: number; k: number[]; value: number | null; flags: number; comment: string | null }>(
    db,
    sql`select measure, array[${sql.raw(K_COLUMNS.join(', '))}] as k, value, flags, comment from stat_observations
        where dataset_id = ${datasetId} and measure = ${measure} and rev_to is null`,
  );
  return rows.map((row) => ({ measure: row.measure, keys: row.k.map(Number), value: row.value === null ? null : Number(row.value), flags: row.flags, comment: row.comment }));
}
