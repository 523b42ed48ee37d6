import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
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
      <FormField label={t('dashboards.filter.from')}>
        {(control) => (
          <select {...control} value={filters.from ?? ''} onChange={(event) => onSearchChange({ from: toNumber(event.target.value) })}>
            <option value="">{t('dashboards.filter.anyYear')}</option>
            {years
              .filter((year) => filters.to === undefined || year <= filters.to)
              .map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
          </select>
        )}
      </FormField>
      <FormField label={t('dashboards.filter.to')}>
        {(control) => (
          <select {...control} value={filters.to ?? ''} onChange={(event) => onSearchChange({ to: toNumber(event.target.value) })}>
            <option value="">{t('dashboards.filter.anyYear')}</option>
            {years
              .filter((year) => filters.from === undefined || year >= filters.from)
              .map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
          </select>
        )}
      </FormField>
      <FormField label={t('dashboards.filter.kind')}>
        {(control) => (
          <select {...control} value={filters.kind ?? ''} onChange={(event) => onSearchChange({ kind: event.target.value || undefined })}>
            <option value="">{t('dashboards.filter.allKinds')}</option>
            <ChoiceOptions values={ACTIVITY_KIND_CHOICES} getLabel={kindLabel} />
          </select>
        )}
      </FormField>
      <FormField label={t('dashboards.filter.state')}>
        {(control) => (
          <select {...control} value={filters.stateCode ?? ''} onChange={(event) => onSearchChange({ stateCode: event.target.value || undefined })}>
            <option value="">{t('dashboards.filter.allStates')}</option>
            {states.map((state) => (
              <option key={state.code} value={state.code}>
                {state.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('dashboards.filter.measure')}>
        {(control) => (
          <select {...control} value={measure} onChange={(event) => onSearchChange({ measure: event.target.value })}>
            <ChoiceOptions values={DASHBOARD_MEASURES} getLabel={(value) => t(`dashboards.measure.${value}`)} />
          </select>
        )}
      </FormField>
    </div>
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
      <StateSection
        rows={view.byState}
        filters={filters}
        measure={measure}
        onSearchChange={onSearchChange}
        hasActivityLinks={hasActivityLinks}
        downloads={<Downloads caption={t('dashboards.byState.caption')} getUrl={(format) => tableUrl('byState', format)} />}
      />
      <section aria-labelledby="tablero-anual" className="dashboard-section">
        <h2 id="tablero-anual">{t('dashboards.byYear.title')}</h2>
        <div className="dashboard-pair dashboard-pair--wide-table">
          <ColumnChart
            title={t('dashboards.chart.imageOf', { chart: t('dashboards.byYear.chart', { measure: t(`dashboards.measureUnit.${countMeasure}`) }), table: t('dashboards.byYear.caption') })}
            data={[...view.byYear]
              .sort((a, b) => a.period.localeCompare(b.period))
              .map((row) => ({ key: row.period, label: row.period, value: row[countMeasure] }))}
          />
          <YearTable rows={view.byYear} />
        </div>
        <Downloads caption={t('dashboards.byYear.caption')} getUrl={(format) => tableUrl('byYear', format)} />
      </section>
      <section aria-labelledby="tablero-tipo" className="dashboard-section">
        <h2 id="tablero-tipo">{t('dashboards.byKind.title')}</h2>
        <KindSection rows={view.byKind} countMeasure={countMeasure} filters={filters} hasActivityLinks={hasActivityLinks} />
        <Downloads caption={t('dashboards.byKind.caption')} getUrl={(format) => tableUrl('byKind', format)} />
      </section>
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

interface StateSectionProps {
  rows: readonly StateTotalsRow[];
  filters: ActivityDashboardFilters;
  measure: DashboardMeasure;
  onSearchChange: (patch: ActivityDashboardSearch) => void;
  hasActivityLinks: boolean;
  downloads: ReactNode;
}

function StateSection({ rows, filters, measure, onSearchChange, hasActivityLinks, downloads }: StateSectionProps) {
  const { getStateName } = useStates();
  const values = useMemo(() => new Map(rows.map((row) => [row.stateCode, roundMeasure(measure, row[measure])])), [rows, measure]);
  const onSelect = useCallback((code: string | null) => onSearchChange({ stateCode: code ?? undefined }), [onSearchChange]);
  const unit = t(`dashboards.measureUnit.${measure}`);
  return (
    <section aria-labelledby="tablero-mapa" className="dashboard-section">
      <h2 id="tablero-mapa">{t('dashboards.byState.title')}</h2>
      <div className="dashboard-pair dashboard-pair--wide-table">
        <div>
          <ChoroplethMap
            values={values}
            measureLabel={unit}
            title={t('dashboards.map.title', { measure: unit, table: t('dashboards.byState.caption') })}
            selectedCode={filters.stateCode ?? null}
            onSelect={onSelect}
            getStateName={getStateName}
          />
          <p className="dashboard-note">{t('dashboards.map.hint')}</p>
        </div>
        <StateTable
          rows={rows}
          measure={measure}
          caption={t('dashboards.byState.caption')}
          getStateName={getStateName}
          getActivitiesSearch={hasActivityLinks ? (stateCode) => ({ stateCode, kind: filters.kind }) : undefined}
        />
      </div>
      <p className="dashboard-note">{t('dashboards.byState.note')}</p>
      {downloads}
    </section>
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
    <TableRegion caption={caption}>
      <table className="table dashboard-table">
        <caption>{caption}</caption>
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
      </table>
    </TableRegion>
  );
}

/** A table that may scroll, reachable with the keyboard and named by its caption. */
function TableRegion({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      {children}
    </div>
  );
}

/** Totals per year, oldest first. */
export function YearTable({ rows, caption = t('dashboards.byYear.caption') }: { rows: readonly PeriodTotalsRow[]; caption?: string }) {
  const sorted = [...rows].sort((a, b) => a.period.localeCompare(b.period));
  return (
    <TableRegion caption={caption}>
      <table className="table dashboard-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboards.column.year')}</th>
            {TOTAL_KEYS.map((key) => (
              <th key={key} scope="col" className="numeric">
                {t(`dashboards.total.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 && (
            <tr>
              <td colSpan={TOTAL_KEYS.length + 1} className="empty">
                {t('dashboards.table.empty')}
              </td>
            </tr>
          )}
          {sorted.map((row) => (
            <tr key={row.period}>
              <th scope="row">{row.period}</th>
              {TOTAL_KEYS.map((key) => (
                <td key={key} className="numeric">
                  {formatNumber(row[key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
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
      <TableRegion caption={caption}>
        <table className="table dashboard-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboards.column.kind')}</th>
              {TOTAL_KEYS.map((key) => (
                <th key={key} scope="col" className="numeric" aria-sort={key === countMeasure ? 'descending' : undefined}>
                  {t(`dashboards.total.${key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.length === 0 && (
              <tr>
                <td colSpan={TOTAL_KEYS.length + 1} className="empty">
                  {t('dashboards.table.empty')}
                </td>
              </tr>
            )}
            {sorted.map((row) => (
              <tr key={row.kind}>
                <th scope="row">
                  {hasActivityLinks ? (
                    <Link to="/actividades" search={{ kind: row.kind, stateCode: filters.stateCode }}>
                      {kindLabel(row.kind)}
                    </Link>
                  ) : (
                    kindLabel(row.kind)
                  )}
                </th>
                {TOTAL_KEYS.map((key) => (
                  <td key={key} className="numeric">
                    {formatNumber(row[key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </div>
  );
}
