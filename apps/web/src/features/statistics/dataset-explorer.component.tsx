import { useQuery } from '@tanstack/react-query';
import type { RouteApi } from '@tanstack/react-router';
import type { CrossTabView, PublicDatasetView } from '@telar/domain';
import { useCallback, type ReactElement, type ReactNode } from 'react';
import { buildDatasetDownloadUrl, crossTabQuery, type CrossTabRequest, type DatasetDownloadFormat, type StatisticsSource } from '../../api/statistics-resources';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';
import '../../styles/dashboards.css';
import '../../styles/statistics.css';
import { CodeLabelOptions, DimensionCodeOptions } from './code-options.component';
import { buildStatRows, collectFlags, type ByChoice, type DatasetMeasure } from './cross-tab-rows';
import { readSelection, toFilterSearch, type DatasetSearch } from './dataset-selection';
import { CategoryBars, StatesMap, TimeSeriesChart } from './stat-charts.component';
import { FlagLegend, StatTable } from './stat-table.component';

/** What the view needs of a dataset: the portal's view has it all, the internal detail too. */
export type ExplorableDataset = Pick<PublicDatasetView, 'id' | 'name' | 'dimensions' | 'measures' | 'disclosureThreshold'>;

interface DatasetExplorerProps {
  source: StatisticsSource;
  dataset: ExplorableDataset;
  /** Whether rates per 100,000 children can be asked (the dataset has a population linked). */
  hasPopulation: boolean;
  /** Offers the internal (unsuppressed) view; only for people whose dataset abilities say so. */
  canViewInternal?: boolean;
  /** The revision shown (internal pages only; the portal shows the current one). */
  revision?: number;
  search: DatasetSearch;
  /** Changes some address parameters, keeping the others. */
  onSearchChange: (patch: DatasetSearch) => void;
}

const DOWNLOAD_FORMATS: readonly DatasetDownloadFormat[] = ['csv', 'xlsx', 'json', 'sdmx'];
/** The value of a filter the address gives several codes for (the select shows one at a time). */
const SEVERAL_CODES = '__several__';

/** A dataset view's address parameters on its internal or portal route, and how to change some of them (replacing the history entry). */
export function useDatasetSearch(routeApi: RouteApi<'/_internal/estadisticas/$datasetId'> | RouteApi<'/publico/estadisticas/$datasetId'>) {
  const search: DatasetSearch = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const onSearchChange = useCallback(
    (patch: DatasetSearch) => void navigate({ search: (previous) => ({ ...previous, ...patch }), replace: true }),
    [navigate],
  );
  return { search, onSearchChange };
}

/**
 * The dataset's cross-tab, shared by the internal page and the portal: a filter per dimension, «Ver
 * por», count or rate, the public or internal view, then the chart that fits the choice beside its
 * table, the flags' legend and the downloads of the same query. The choices live in the address, so
 * a view can be linked to and the back button undoes nothing unexpected.
 */
export function DatasetExplorer({ source, dataset, hasPopulation, canViewInternal = false, revision, search, onSearchChange }: DatasetExplorerProps): ReactElement {
  const { choices, by, measure, isRateAvailable, where, kind, view } = readSelection(search, { ...dataset, hasPopulation, canViewInternal });
  const request: CrossTabRequest = { by: by ? [by.value] : [], where, measure: measure?.code, kind, view, revision };
  const query = useQuery({ ...crossTabQuery(source, dataset.id, request), enabled: !!by });
  const setFilter = (dimension: string, code: string) => onSearchChange({ filtro: toFilterSearch({ ...where, [dimension]: code ? [code] : [] }) });

  return (
    <>
      <div className="stat-controls" role="search" aria-label={t('statistics.controls')}>
        <div className="filters">
          {dataset.dimensions.map((dimension) => {
            const chosen = where[dimension.code] ?? [];
            return (
              <FormField key={dimension.code} label={dimension.label}>
                {(control) => (
                  <select {...control} value={chosen.length > 1 ? SEVERAL_CODES : (chosen[0] ?? '')} onChange={(event) => setFilter(dimension.code, event.target.value)}>
                    <option value="">{t('statistics.filter.all')}</option>
                    {chosen.length > 1 && <option value={SEVERAL_CODES}>{t('statistics.filter.several', { count: chosen.length })}</option>}
                    <DimensionCodeOptions dimension={dimension} />
                  </select>
                )}
              </FormField>
            );
          })}
        </div>
        <div className="filters stat-controls__view">
          <FormField label={t('statistics.by')}>
            {(control) => (
              <select {...control} value={by?.value ?? ''} onChange={(event) => onSearchChange({ por: event.target.value })}>
                {choices.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {dataset.measures.length > 1 && (
            <FormField label={t('statistics.measure')}>
              {(control) => (
                <select {...control} value={measure?.code ?? ''} onChange={(event) => onSearchChange({ medida: event.target.value })}>
                  <CodeLabelOptions entries={dataset.measures} />
                </select>
              )}
            </FormField>
          )}
          <ChoiceGroup
            legend={t('statistics.kind')}
            name={`${dataset.id}-kind`}
            value={kind}
            options={[
              { value: 'count', label: t('statistics.kind.count') },
              { value: 'rate', label: t('statistics.kind.rate'), isDisabled: !isRateAvailable },
            ]}
            onChange={(value) => onSearchChange({ cifra: value === 'rate' ? 'rate' : undefined })}
            hint={isRateAvailable ? undefined : t('statistics.kind.rateUnavailable')}
          />
          {canViewInternal && (
            <ChoiceGroup
              legend={t('statistics.view')}
              name={`${dataset.id}-view`}
              value={view}
              options={[
                { value: 'public', label: t('statistics.view.public') },
                { value: 'internal', label: t('statistics.view.internal') },
              ]}
              onChange={(value) => onSearchChange({ vista: value === 'internal' ? 'internal' : undefined })}
            />
          )}
        </div>
      </div>
      <ViewBanner view={view} threshold={query.data?.disclosureThreshold ?? dataset.disclosureThreshold} />
      <QueryContent query={query}>
        {(table) => (
          <div aria-busy={query.isPlaceholderData || undefined}>
            {by && <CrossTabPanel table={table} by={by} measure={measure} />}
            <Downloads source={source} datasetId={dataset.id} request={request} />
          </div>
        )}
      </QueryContent>
    </>
  );
}

interface ChoiceGroupProps {
  legend: string;
  name: string;
  value: string;
  options: readonly { value: string; label: string; isDisabled?: boolean }[];
  onChange: (value: string) => void;
  hint?: string;
}

/** A small set of radio buttons under one legend (count or rate; public or internal). */
function ChoiceGroup({ legend, name, value, options, onChange, hint }: ChoiceGroupProps): ReactElement {
  return (
    <FormFieldset legend={legend} hint={hint}>
      <div className="stat-choice">
        {options.map((option) => (
          <label key={option.value} className="checkbox">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              disabled={option.isDisabled}
              onChange={() => onChange(option.value)}
            />{' '}
            {option.label}
          </label>
        ))}
      </div>
    </FormFieldset>
  );
}

/** Says which figures are on screen: the public ones (small counts withheld) or the internal ones, not to be published. */
export function ViewBanner({ view, threshold }: { view: CrossTabRequest['view']; threshold: number }): ReactElement {
  return (
    <p className={`stat-banner stat-banner--${view}`} role="status">
      {view === 'internal' ? t('statistics.banner.internal') : t('statistics.banner.public', { max: formatNumber(threshold - 1) })}
    </p>
  );
}

interface CrossTabPanelProps {
  table: CrossTabView;
  by: ByChoice;
  measure: DatasetMeasure | undefined;
}

/** The chart that fits the «Ver por» choice beside the table it pictures, then the flags' legend. */
function CrossTabPanel({ table, by, measure }: CrossTabPanelProps): ReactElement {
  const { rows, total } = buildStatRows(table, by);
  const measureLabel = measure?.label ?? table.measure;
  const valueHeader = table.kind === 'rate' ? t('statistics.rateOf', { measure: measureLabel }) : measureLabel;
  const caption = t('statistics.table.caption', { measure: valueHeader, by: by.label });
  const chartTitle = t(`statistics.chart.${by.chart}`, { measure: valueHeader, by: by.label, table: caption });
  const chart: Record<typeof by.chart, ReactNode> = {
    map: <StatesMap rows={rows} kind={table.kind} title={chartTitle} unit={valueHeader.toLocaleLowerCase('es-MX')} />,
    series: <TimeSeriesChart rows={rows} kind={table.kind} title={chartTitle} />,
    bars: <CategoryBars rows={rows} kind={table.kind} title={chartTitle} />,
  };
  return (
    <PageSection id="cuadro" title={caption}>
      <div className="dashboard-pair dashboard-pair--wide-table">
        {chart[by.chart]}
        <StatTable rows={rows} total={total} caption={caption} rowHeader={by.label} valueHeader={valueHeader} kind={table.kind} />
      </div>
      {table.suppressedCells > 0 && <p className="dashboard-note">{t('statistics.suppressedCount', { count: table.suppressedCells })}</p>}
      <FlagLegend flags={collectFlags(total ? [...rows, total] : rows)} />
    </PageSection>
  );
}

/** CSV, XLSX, JSON and SDMX-CSV of the cross-tab on screen, with its filters. */
function Downloads({ source, datasetId, request }: { source: StatisticsSource; datasetId: string; request: CrossTabRequest }): ReactElement {
  return (
    <p className="downloads">
      {DOWNLOAD_FORMATS.map((format) => (
        <a key={format} className="button" href={buildDatasetDownloadUrl(source, datasetId, format, request)} download>
          {t(`statistics.download.${format}`)}
        </a>
      ))}
    </p>
  );
}
