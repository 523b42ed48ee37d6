import type { CrossTabView, IndicatorDataSourceSchema, IndicatorDetailView, IndicatorSummaryView, IndicatorValueView } from '@telar/domain';
import type { z } from 'zod';
import { anonymous } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/client.js';
import { DomainError, invalidField } from '../../platform/errors.js';
import { errorMessages } from '../../platform/messages.js';
import { createStatisticsService } from '../statistics/index.js';
import { listDatasetSources } from './indicator.repository.js';
import type { IndicatorDatasetQuery } from './indicators.tables.js';

export interface DatasetSource {
  datasetId: string;
  query: IndicatorDatasetQuery;
}

/**
 * The dataset's table by state × year from its current revision, as the portal sees it: indicators show on
 * the public portal's plan pages, so whoever asks gets the disclosure-controlled public view (small counts
 * suppressed), never the internal one.
 */
const readTable = (db: Database, { datasetId, query }: DatasetSource) =>
  createStatisticsService(db, anonymous).crossTab(
    datasetId,
    { by: ['state', 'year'], where: query.where, measure: query.measure ?? undefined, kind: query.kind, view: 'public' },
    'portal',
  );

/** A dataset unpublished or archived since: the indicator shows no values rather than failing its plan's page. */
async function readTableIfVisible(db: Database, source: DatasetSource): Promise<CrossTabView | null> {
  try {
    return await readTable(db, source);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') return null;
    throw error;
  }
}

/** The table's cells as indicator values: each state by year, and the year margins as the national values. */
function valuesOf(table: CrossTabView): IndicatorValueView[] {
  const source = `${table.dataset.name}, revisión ${table.revision}`;
  const value = (cell: CrossTabView['cells'][number], stateCode: string | null): IndicatorValueView => ({
    period: cell.key.year!,
    stateCode,
    disaggregation: '',
    value: cell.value,
    flag: cell.flag,
    source,
    notes: null,
    reportId: null,
  });
  const national = table.margins.filter((m) => Object.keys(m.key).length === 1 && m.key.year).map((m) => value(m, null));
  const byState = table.cells.map((cell) => value(cell, cell.key.state!));
  return [...national, ...byState].sort((a, b) => a.period.localeCompare(b.period) || (a.stateCode ?? '').localeCompare(b.stateCode ?? ''));
}

/** The latest national value with a number (a suppressed year has none). */
const latestOf = (values: IndicatorValueView[]) =>
  values
    .filter((v) => v.stateCode === null && v.value !== null)
    .map((v) => ({ period: v.period, value: v.value! }))
    .at(-1) ?? null;

/**
 * Checks a dataset source by running its query once: the dataset must be on the portal, have states and
 * years, and every filter must resolve. The statistics service's refusals are reported on the indicator's fields.
 */
export async function validateDatasetSource(db: Database, source: z.output<typeof IndicatorDataSourceSchema>): Promise<DatasetSource> {
  const { datasetId, ...query } = source;
  try {
    await readTable(db, { datasetId, query });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === 'not_found') throw invalidField('dataSource.datasetId', 'El conjunto de datos no existe o no está publicado en el portal.');
    if (error.code === 'rate_unavailable') throw invalidField('dataSource.kind', errorMessages.rate_unavailable);
    if (error.code === 'validation') {
      throw new DomainError(
        'validation',
        error.issues?.map((issue) =>
          issue.path.startsWith('by.')
            ? { path: 'dataSource.datasetId', message: 'El conjunto de datos no tiene valores por entidad y año.' }
            : { ...issue, path: `dataSource.${issue.path}` },
        ),
      );
    }
    throw error;
  }
  return { datasetId, query };
}

/** A dataset-backed indicator's values, read live, and where they come from. */
export async function readDatasetValues(db: Database, source: DatasetSource): Promise<Pick<IndicatorDetailView, 'dataSource' | 'values' | 'latest'>> {
  const table = await readTableIfVisible(db, source);
  if (!table) return { dataSource: null, values: [], latest: null };
  const values = valuesOf(table);
  return {
    dataSource: { dataset: table.dataset, revision: table.revision, measure: table.measure, kind: table.kind, where: source.query.where },
    values,
    latest: latestOf(values),
  };
}

/** Summaries (a plan's nodes) with the latest value of their dataset-backed indicators, so progress and roll-ups see them. */
export async function withDatasetLatest(db: Database, summaries: IndicatorSummaryView[]): Promise<IndicatorSummaryView[]> {
  const sources = await listDatasetSources(db, summaries.map((s) => s.id));
  if (!sources.size) return summaries;
  return Promise.all(
    summaries.map(async (summary) => {
      const source = sources.get(summary.id);
      return source ? { ...summary, latest: (await readDatasetValues(db, source)).latest } : summary;
    }),
  );
}
