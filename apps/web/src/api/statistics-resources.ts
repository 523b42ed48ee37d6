import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  CrossTabView,
  DATASET_DOWNLOAD_FORMATS,
  DatasetDetailView,
  DatasetImportResult,
  DatasetSummaryView,
  InconsistencyPolicy,
  PublicDatasetView,
} from '@telar/domain';
import { buildApiUrl, getJson, sendFormData, sendJson, type QueryParams } from './client';

/** Where a dataset is read: the internal API (with a session) or the portal's, always suppressed. */
export type StatisticsSource = '/statistics/datasets' | '/public/datasets';

export type DatasetDownloadFormat = (typeof DATASET_DOWNLOAD_FORMATS)[number];

/** A cross-tab as the pages ask for it: by which dimensions, filtered how, counted or as a rate, in which view. */
export interface CrossTabRequest {
  by: readonly string[];
  /** Codes kept, by dimension; a dimension without codes is not filtered. */
  where: Readonly<Record<string, readonly string[]>>;
  measure?: string;
  kind: 'count' | 'rate';
  view: 'public' | 'internal';
  revision?: number;
}

/**
 * The query string of a cross-tab or its download: `by=state,year&where=sex:mujer&where=sex:hombre&kind=rate`.
 * The public source is always the public view, so it never sends `view` (nor a revision: the portal shows the current one).
 */
export function toCrossTabParams(source: StatisticsSource, request: CrossTabRequest): QueryParams {
  const where = Object.entries(request.where).flatMap(([dimension, codes]) => codes.map((code) => `${dimension}:${code}`));
  const isPublic = source === '/public/datasets';
  return {
    by: request.by.join(','),
    where,
    measure: request.measure,
    kind: request.kind,
    view: isPublic ? undefined : request.view,
    revision: isPublic ? undefined : request.revision,
  };
}

const datasetPath = (source: StatisticsSource, id: string) => `${source}/${encodeURIComponent(id)}`;

/** The cross-tab on screen; the previous one stays shown while a new filter loads. */
export const crossTabQuery = (source: StatisticsSource, id: string, request: CrossTabRequest) => {
  const params = toCrossTabParams(source, request);
  return queryOptions({
    queryKey: [source, id, 'table', params],
    queryFn: ({ signal }) => getJson<CrossTabView>(`${datasetPath(source, id)}/table`, params, signal),
    placeholderData: keepPreviousData,
  });
};

/** The address of the same cross-tab as a file (the browser saves it: Content-Disposition attachment). */
export const buildDatasetDownloadUrl = (source: StatisticsSource, id: string, format: DatasetDownloadFormat, request: CrossTabRequest) =>
  buildApiUrl(`${datasetPath(source, id)}/download`, { ...toCrossTabParams(source, request), format });

/** What the portal reads: published datasets only, without an account. */
export const publicStatisticsApi = {
  list: queryOptions({ queryKey: ['/public/datasets', 'list'], queryFn: ({ signal }) => getJson<DatasetSummaryView[]>('/public/datasets', undefined, signal) }),
  detail: (id: string) =>
    queryOptions({ queryKey: ['/public/datasets', id], queryFn: ({ signal }) => getJson<PublicDatasetView>(datasetPath('/public/datasets', id), undefined, signal) }),
};

/** The fields sent with a file to import (DatasetImportFieldsSchema); blank ones are left out. */
export interface DatasetImportRequest {
  file: File;
  name: string;
  dimensions: string;
  measure: string;
  wideDimension: string;
  policy: InconsistencyPolicy;
  dryRun: boolean;
}

function importForm({ file, dryRun, ...fields }: DatasetImportRequest): FormData {
  const form = new FormData();
  form.set('file', file);
  for (const [name, value] of Object.entries(fields)) if (value.trim() !== '') form.set(name, value.trim());
  form.set('dryRun', String(dryRun));
  return form;
}

export const statisticsApi = {
  list: queryOptions({
    queryKey: ['/statistics/datasets', 'list'],
    queryFn: ({ signal }) => getJson<DatasetSummaryView[]>('/statistics/datasets', undefined, signal),
  }),
  detail: (id: string) =>
    queryOptions({
      queryKey: ['/statistics/datasets', id],
      queryFn: ({ signal }) => getJson<DatasetDetailView>(datasetPath('/statistics/datasets', id), undefined, signal),
    }),
  update: (id: string, input: unknown) => sendJson<DatasetDetailView>('PATCH', datasetPath('/statistics/datasets', id), input),
  /** Names the version it acts on, like an edit, so a change made meanwhile is not overridden. */
  changePublication: ({ id, version, action }: { id: string; version: number; action: 'publish' | 'unpublish' }) =>
    sendJson<DatasetDetailView | null>('POST', `${datasetPath('/statistics/datasets', id)}/${action}`, { version }),
  /** A file read into a dataset (a new one, or a new revision of the one with that name), or only previewed (`dryRun`). */
  importFile: (request: DatasetImportRequest) => sendFormData<DatasetImportResult>('/statistics/datasets/import', importForm(request)),
};
