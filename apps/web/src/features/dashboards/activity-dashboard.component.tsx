import { useQuery } from '@tanstack/react-query';
import { Link, type RouteApi } from '@tanstack/react-router';
import type { ActivityDashboardView, ActivityKind, ActivityTotals, KindTotalsRow, PeriodTotalsRow, StateTotalsRow } from '@telar/domain';
import { useCallback, useMemo, type ReactElement, type ReactNode } from 'react';
import {
  activityDashboardQuery,
  buildDashboardTableUrl,
  type ActivityDashboardApi,
  type ActivityDashboardFilters,
  type DashboardTable,
} from '../../api/dashboard-resources';
import { ChoiceOptions } from '../../components/choice-options.component';
import { FormField } from '../../components/form-field.component';
import ChoroplethMap from '../../components/mexico-map/choropleth-map.component';
import { MEXICO_STATE_SHAPES } from '../../components/mexico-map/mexico-states.generated';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { useStates } from '../../components/states.hook';
import { formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';
import '../../styles/dashboards.css';
import { ColumnChart, HorizontalBarChart } from './bar-charts.component';
import {
  ACTIVITY_KIND_CHOICES,
  DASHBOARD_MEASURES,
  listFilterYears,
  readDashboardFilters,
  roundMeasure,
  toCountMeasure,
  type ActivityDashboardSearch,
  type DashboardMeasure,
} from './dashboard-choices';

const TOTAL_KEYS = ['activities', 'events', 'participants', 'peopleReached'] as const satisfies readonly (keyof ActivityTotals)[];
/** Columns of the state table, in reading order (the map's measure decides the row order). */
const STATE_COLUMNS = ['activities', 'events', 'participants', 'participantsPer100k'] as const satisfies readonly DashboardMeasure[];

export const kindLabel = (kind: ActivityKind) => t(`activities.kind.${kind}`);

interface ActivityDashboardProps {
  /** The internal API (with a session) or the public portal's. */
  api: ActivityDashboardApi;
  search: ActivityDashboardSearch;
  /** Changes some address parameters, keeping the others. */
  onSearchChange: (patch: ActivityDashboardSearch) => void;
  /** Links rows to the activity list (internal app only: the portal has no such list). */
  hasActivityLinks?: boolean;
}

/** The activity dashboard shared by the internal app and the public portal: filters, totals, map, charts and tables. */
export function ActivityDashboard({ api, search, onSearchChange, hasActivityLinks = false }: ActivityDashboardProps): ReactElement {
  const { measure, ...filters } = readDashboardFilters(search);
  const query = useQuery(activityDashboardQuery(api, filters));
  return (
    <>
      <DashboardFilters filters={filters} measure={measure} onSearchChange={onSearchChange} />
      <QueryContent query={query}>
        {(view) => (
          <div aria-busy={query.isPlaceholderData || undefined}>
            <DashboardBody
              view={view}
              api={api}
              filters={filters}
              measure={measure}
              onSearchChange={onSearchChange}
              hasActivityLinks={hasActivityLinks}
            />
          </div>
        )}
      </QueryContent>
    </>
  );
}

/** The dashboard's address parameters on its internal or portal route, and how to change some of them (replacing the history entry). */
export function useDashboardSearch(routeApi: RouteApi<'/_internal/tableros'> | RouteApi<'/publico/tableros'>) {
  const search: ActivityDashboardSearch = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const onSearchChange = useCallback(
    (patch: ActivityDashboardSearch) => void navigate({ search: (previous) => ({ ...previous, ...patch }), replace: true }),
    [navigate],
  );
  return { search, onSearchChange };
}

interface FiltersProps {
  filters: ActivityDashboardFilters;
  measure: DashboardMeasure;
  onSearchChange: (patch: ActivityDashboardSearch) => void;
}

function DashboardFilters({ filters, measure, onSearchChange }: FiltersProps) {
  const { states } = useStates();
  const years = useMemo(listFilterYears, []);
  const toNumber = (value: string) => (value === '' ? undefined : Number(value));
  return (
    <div className="filters dashboard-filters" role="search" aria-label={t('dashboards.filters')}>
      <FilterSelect label={t('dashboards.filter.from')} value={filters.from ?? ''} onChange={(value) => onSearchChange({ from: toNumber(value) })}>
        <YearOptions years={years.filter((year) => filters.to === undefined || year <= filters.to)} />
      </FilterSelect>
      <FilterSelect label={t('dashboards.filter.to')} value={filters.to ?? ''} onChange={(value) => onSearchChange({ to: toNumber(value) })}>
        <YearOptions years={years.filter((year) => filters.from === undefined || year >= filters.from)} />
      </FilterSelect>
      <FilterSelect label={t('dashboards.filter.kind')} value={filters.kind ?? ''} onChange={(value) => onSearchChange({ kind: value || undefined })}>
        <option value="">{t('dashboards.filter.allKinds')}</option>
        <ChoiceOptions values={ACTIVITY_KIND_CHOICES} getLabel={kindLabel} />
      </FilterSelect>
      <FilterSelect label={t('dashboards.filter.state')} value={filters.stateCode ?? ''} onChange={(value) => onSearchChange({ stateCode: value || undefined })}>
        <option value="">{t('dashboards.filter.allStates')}</option>
        {states.map((state) => (
          <option key={state.code} value={state.code}>
            {state.name}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label={t('dashboards.filter.measure')} value={measure} onChange={(value) => onSearchChange({ measure: value })}>
        <ChoiceOptions values={DASHBOARD_MEASURES} getLabel={(value) => t(`dashboards.measure.${value}`)} />
      </FilterSelect>
    </div>
  );
}

interface FilterSelectProps {
  label: string;
  value: string | number;
  onChange: (value: string) => void;
  children: ReactNode;
}

/** One labelled filter that changes the address as soon as it is chosen. */
function FilterSelect({ label, value, onChange, children }: FilterSelectProps) {
  return (
    <FormField label={label}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          {children}
        </select>
      )}
    </FormField>
  );
}

/** «Any year», then the years offered. */
function YearOptions({ years }: { years: readonly number[] }) {
  return (
    <>
      <option value="">{t('dashboards.filter.anyYear')}</option>
      {years.map((year) => (
        <option key={year} value={year}>
          {year}
        </option>
      ))}
    </>
  );
}

interface BodyProps extends FiltersProps {
  view: ActivityDashboardView;
  api: ActivityDashboardApi;
  hasActivityLinks: boolean;
}

function DashboardBody({ view, api, filters, measure, onSearchChange, hasActivityLinks }: BodyProps) {
  const countMeasure = toCountMeasure(measure);
  const tableUrl = (table: DashboardTable, format: 'csv' | 'xlsx') => buildDashboardTableUrl(api, table, format, filters);
  const onSelectState = useCallback((code: string | null) => onSearchChange({ stateCode: code ?? undefined }), [onSearchChange]);
  return (
    <>
      <PageSection id="tablero-totales" title={t('dashboards.totals.title')}>
        <Totals total={view.total} />
        {view.pendingReview > 0 && (
          <p className="dashboard-pending">
            {view.pendingReview === 1 ? t('dashboards.pendingReview.one') : t('dashboards.pendingReview.other', { count: formatNumber(view.pendingReview) })}
          </p>
        )}
      </PageSection>
      <DashboardSection id="tablero-mapa" title={t('dashboards.byState.title')}>
        <StatesMapAndTable
          rows={view.byState}
          measure={measure}
          caption={t('dashboards.byState.caption')}
          hint={t('dashboards.map.hint')}
          selectedCode={filters.stateCode ?? null}
          onSelect={onSelectState}
          getActivitiesSearch={hasActivityLinks ? (stateCode) => ({ stateCode, kind: filters.kind }) : undefined}
        />
        <p className="dashboard-note">{t('dashboards.byState.note')}</p>
        <Downloads caption={t('dashboards.byState.caption')} getUrl={(format) => tableUrl('byState', format)} />
      </DashboardSection>
      <DashboardSection id="tablero-anual" title={t('dashboards.byYear.title')}>
        <YearChartAndTable rows={view.byYear} countMeasure={countMeasure} caption={t('dashboards.byYear.caption')} />
        <Downloads caption={t('dashboards.byYear.caption')} getUrl={(format) => tableUrl('byYear', format)} />
      </DashboardSection>
      <DashboardSection id="tablero-tipo" title={t('dashboards.byKind.title')}>
        <KindSection rows={view.byKind} countMeasure={countMeasure} filters={filters} hasActivityLinks={hasActivityLinks} />
        <Downloads caption={t('dashboards.byKind.caption')} getUrl={(format) => tableUrl('byKind', format)} />
      </DashboardSection>
    </>
  );
}
/** The four totals as cards. */
export function Totals({ total }: { total: ActivityTotals }) {
  return (
    <dl className="count-cards">
      {TOTAL_KEYS.map((key) => (
        <div key={key} className="count-card">
          <dt>{t(`dashboards.total.${key}`)}</dt>
          <dd>{formatNumber(total[key])}</dd>
        </div>
      ))}
    </dl>
  );
}

/** CSV and XLSX links for one table; the hidden text says which table each link downloads. */
function Downloads({ caption, getUrl }: { caption: string; getUrl: (format: 'csv' | 'xlsx') => string }) {
  return (
    <p className="downloads">
      {(['csv', 'xlsx'] as const).map((format) => (
        <a key={format} className="button" href={getUrl(format)} download>
          {t(`dashboards.download.${format}`)}
          <span className="visually-hidden"> · {caption}</span>
        </a>
      ))}
    </p>
  );
}

/** A dashboard section, named by its h2. */
export function DashboardSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="dashboard-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

interface StatesMapAndTableProps {
  rows: readonly StateTotalsRow[];
  measure: DashboardMeasure;
  caption: string;
  /** The sentence under the map, saying what choosing a state does. */
  hint: string;
  selectedCode?: string | null;
  onSelect: (code: string | null) => void;
  isCompact?: boolean;
  getActivitiesSearch?: (stateCode: string) => ActivitiesSearch;
}

/** The map of a measure by state beside the table it pictures. */
export function StatesMapAndTable({ rows, measure, caption, hint, selectedCode, onSelect, isCompact, getActivitiesSearch }: StatesMapAndTableProps) {
  const { getStateName } = useStates();
  const values = useMemo(() => new Map(rows.map((row) => [row.stateCode, roundMeasure(measure, row[measure])])), [rows, measure]);
  const unit = t(`dashboards.measureUnit.${measure}`);
  return (
    <div className="dashboard-pair dashboard-pair--wide-table">
      <div>
        <ChoroplethMap
          values={values}
          measureLabel={unit}
          title={t('dashboards.map.title', { measure: unit, table: caption })}
          selectedCode={selectedCode}
          onSelect={onSelect}
          getStateName={getStateName}
          isCompact={isCompact}
        />
        <p className="dashboard-note">{hint}</p>
      </div>
      <StateTable rows={rows} measure={measure} caption={caption} getStateName={getStateName} getActivitiesSearch={getActivitiesSearch} />
    </div>
  );
}

/** A column chart of one total per year beside the table of all totals per year. */
export function YearChartAndTable({ rows, countMeasure, caption }: { rows: readonly PeriodTotalsRow[]; countMeasure: keyof ActivityTotals; caption: string }) {
  return (
    <div className="dashboard-pair dashboard-pair--wide-table">
      <ColumnChart
        title={t('dashboards.chart.imageOf', { chart: t('dashboards.byYear.chart', { measure: t(`dashboards.measureUnit.${countMeasure}`) }), table: caption })}
        data={[...rows].sort((a, b) => a.period.localeCompare(b.period)).map((row) => ({ key: row.period, label: row.period, value: row[countMeasure] }))}
      />
      <YearTable rows={rows} caption={caption} />
    </div>
  );
}

/** Filters of the activity list a row links to. */
export interface ActivitiesSearch {
  stateCode?: string;
  kind?: string;
  organizationId?: string;
}

interface StateTableProps {
  rows: readonly StateTotalsRow[];
  measure: DashboardMeasure;
  caption: string;
  getStateName: (code: string) => string;
  /** Makes each state a link to the activity list with these filters. */
  getActivitiesSearch?: (stateCode: string) => ActivitiesSearch;
}

/** All 32 states (those without activities with zeros), sorted by the measure on the map. */
export function StateTable({ rows, measure, caption, getStateName, getActivitiesSearch }: StateTableProps) {
  const sorted = useMemo(() => {
    const byCode = new Map(rows.map((row) => [row.stateCode, row]));
    const all = MEXICO_STATE_SHAPES.map(
      (shape): StateTotalsRow & { name: string } => ({
        ...(byCode.get(shape.code) ?? { stateCode: shape.code, activities: 0, events: 0, participants: 0, peopleReached: 0, population: 0, participantsPer100k: 0 }),
        name: getStateName(shape.code) === shape.code ? shape.name : getStateName(shape.code),
      }),
    );
    return all.sort((a, b) => b[measure] - a[measure] || a.name.localeCompare(b.name, 'es-MX'));
  }, [rows, measure, getStateName]);
  return (
    <DashboardTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('dashboards.column.state')}</th>
          {STATE_COLUMNS.map((key) => (
            <th key={key} scope="col" className="numeric" aria-sort={key === measure ? 'descending' : undefined}>
              {key === 'participantsPer100k' ? (
                <>
                  <span aria-hidden="true">{t('dashboards.column.participantsPer100k')}</span>
                  <span className="visually-hidden">{t('dashboards.measure.participantsPer100k')}</span>
                </>
              ) : (
                t(`dashboards.column.${key}`)
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((row) => (
          <tr key={row.stateCode}>
            <th scope="row">
              {getActivitiesSearch ? (
                <Link to="/actividades" search={getActivitiesSearch(row.stateCode)}>
                  {row.name}
                </Link>
              ) : (
                row.name
              )}
            </th>
            {STATE_COLUMNS.map((key) => (
              <td key={key} className="numeric">
                {formatNumber(roundMeasure(key, row[key]))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </DashboardTable>
  );
}

/** A captioned table that may scroll, reachable with the keyboard and named by its caption. */
function DashboardTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="table dashboard-table">
        <caption>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

interface TotalsTableProps<Row extends ActivityTotals> {
  rows: readonly Row[];
  caption: string;
  /** The heading of the first column, which names each row. */
  rowHeader: string;
  getRowKey: (row: Row) => string;
  renderRowHeader: (row: Row) => ReactNode;
  /** The total the rows are sorted by, announced on its column. */
  sortedBy?: keyof ActivityTotals;
}

/** The four totals for each row (a year, a kind…), with a sentence in place of an empty body. */
function TotalsTable<Row extends ActivityTotals>({ rows, caption, rowHeader, getRowKey, renderRowHeader, sortedBy }: TotalsTableProps<Row>) {
  return (
    <DashboardTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          {TOTAL_KEYS.map((key) => (
            <th key={key} scope="col" className="numeric" aria-sort={key === sortedBy ? 'descending' : undefined}>
              {t(`dashboards.total.${key}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={TOTAL_KEYS.length + 1} className="empty">
              {t('dashboards.table.empty')}
            </td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={getRowKey(row)}>
            <th scope="row">{renderRowHeader(row)}</th>
            {TOTAL_KEYS.map((key) => (
              <td key={key} className="numeric">
                {formatNumber(row[key])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </DashboardTable>
  );
}

/** Totals per year, oldest first. */
function YearTable({ rows, caption }: { rows: readonly PeriodTotalsRow[]; caption: string }) {
  const sorted = [...rows].sort((a, b) => a.period.localeCompare(b.period));
  return <TotalsTable rows={sorted} caption={caption} rowHeader={t('dashboards.column.year')} getRowKey={(row) => row.period} renderRowHeader={(row) => row.period} />;
}

interface KindSectionProps {
  rows: readonly KindTotalsRow[];
  countMeasure: keyof ActivityTotals;
  filters: ActivityDashboardFilters;
  hasActivityLinks: boolean;
}

function KindSection({ rows, countMeasure, filters, hasActivityLinks }: KindSectionProps) {
  const sorted = [...rows].sort((a, b) => b[countMeasure] - a[countMeasure] || kindLabel(a.kind).localeCompare(kindLabel(b.kind), 'es-MX'));
  const caption = t('dashboards.byKind.caption');
  return (
    <div className="dashboard-pair dashboard-pair--wide-table">
      <HorizontalBarChart
        title={t('dashboards.chart.imageOf', { chart: t('dashboards.byKind.chart', { measure: t(`dashboards.measureUnit.${countMeasure}`) }), table: caption })}
        data={sorted.map((row) => ({ key: row.kind, label: kindLabel(row.kind), value: row[countMeasure] }))}
      />
      <TotalsTable
        rows={sorted}
        caption={caption}
        rowHeader={t('dashboards.column.kind')}
        sortedBy={countMeasure}
        getRowKey={(row) => row.kind}
        renderRowHeader={(row) =>
          hasActivityLinks ? (
            <Link to="/actividades" search={{ kind: row.kind, stateCode: filters.stateCode }}>
              {kindLabel(row.kind)}
            </Link>
          ) : (
            kindLabel(row.kind)
          )
        }
      />
    </div>
  );
}
