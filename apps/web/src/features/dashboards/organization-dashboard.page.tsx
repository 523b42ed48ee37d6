import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import type { OrganizationDashboardView } from '@telar/domain';
import { useCallback, useMemo, type ReactElement } from 'react';
import { organizationDashboardQuery } from '../../api/dashboard-resources';
import ChoroplethMap from '../../components/mexico-map/choropleth-map.component';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { useStates } from '../../components/states.hook';
import { formatDate, formatNumber, formatRefName } from '../../i18n/format';
import { hasMessage, t } from '../../i18n/translate';
import '../../styles/dashboards.css';
import { StateTable, Totals, YearTable } from './activity-dashboard.component';
import { ColumnChart } from './bar-charts.component';

const routeApi = getRouteApi('/_internal/tableros/organizaciones/$organizationId');

/** A node status: the label of the default statuses, else the plan's own key as it is. */
function nodeStatusLabel(status: string | null): string {
  if (!status) return t('app.none');
  const key = `dashboards.nodeStatus.${status}`;
  return hasMessage(key) ? t(key) : status;
}

/** One organisation's activities (totals, by year, by state), its periodic reports and its plan items. */
export function OrganizationDashboardPage(): ReactElement {
  const { organizationId } = routeApi.useParams();
  const query = useQuery(organizationDashboardQuery(organizationId));
  return (
    <QueryContent query={query}>
      {(view) => <OrganizationDashboard view={view} />}
    </QueryContent>
  );
}

function OrganizationDashboard({ view }: { view: OrganizationDashboardView }) {
  const navigate = useNavigate();
  const { getStateName } = useStates();
  const { organization } = view;
  const values = useMemo(() => new Map(view.byState.map((row) => [row.stateCode, row.activities])), [view.byState]);
  const activitiesSearch = useCallback((stateCode: string) => ({ stateCode, organizationId: organization.id }), [organization.id]);
  const onSelect = useCallback(
    (code: string | null) => {
      if (code) void navigate({ to: '/actividades', search: activitiesSearch(code) });
    },
    [navigate, activitiesSearch],
  );
  const byYearCaption = t('dashboards.organization.byYearCaption');
  const byStateCaption = t('dashboards.organization.byStateCaption');
  const unit = t('dashboards.measureUnit.activities');
  return (
    <>
      <PageHeader
        title={formatRefName(organization)}
        eyebrow={t('dashboards.organization.eyebrow')}
        actions={
          <>
            <Link to="/organizaciones/$organizationId" params={{ organizationId: organization.id }} className="button">
              {t('dashboards.organization.profile')}
            </Link>
            <Link to="/actividades" search={{ organizationId: organization.id }} className="button">
              {t('dashboards.organization.activities')}
            </Link>
          </>
        }
      />
      <PageSection id="institucion-totales" title={t('dashboards.totals.title')}>
        <Totals total={view.total} />
      </PageSection>
      <section aria-labelledby="institucion-anual" className="dashboard-section">
        <h2 id="institucion-anual">{t('dashboards.byYear.title')}</h2>
        <div className="dashboard-pair dashboard-pair--wide-table">
          <ColumnChart
            title={t('dashboards.chart.imageOf', { chart: t('dashboards.byYear.chart', { measure: unit }), table: byYearCaption })}
            data={[...view.byYear].sort((a, b) => a.period.localeCompare(b.period)).map((row) => ({ key: row.period, label: row.period, value: row.activities }))}
          />
          <YearTable rows={view.byYear} caption={byYearCaption} />
        </div>
      </section>
      <section aria-labelledby="institucion-entidades" className="dashboard-section">
        <h2 id="institucion-entidades">{t('dashboards.byState.title')}</h2>
        <div className="dashboard-pair dashboard-pair--wide-table">
          <div>
            <ChoroplethMap
              values={values}
              measureLabel={unit}
              title={t('dashboards.map.title', { measure: unit, table: byStateCaption })}
              onSelect={onSelect}
              getStateName={getStateName}
              isCompact
            />
            <p className="dashboard-note">{t('dashboards.organization.mapHint')}</p>
          </div>
          <StateTable rows={view.byState} measure="activities" caption={byStateCaption} getStateName={getStateName} getActivitiesSearch={activitiesSearch} />
        </div>
      </section>
      <PageSection id="institucion-reportes" title={t('dashboards.organization.reports')}>
        <ReportsTable reports={view.reports} />
      </PageSection>
      <PageSection id="institucion-planes" title={t('dashboards.organization.nodes')}>
        <NodesTable nodes={view.nodes} />
      </PageSection>
    </>
  );
}

function ReportsTable({ reports }: { reports: OrganizationDashboardView['reports'] }) {
  if (reports.length === 0) return <p className="empty">{t('dashboards.organization.reportsEmpty')}</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{t('dashboards.organization.reports')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboards.column.period')}</th>
            <th scope="col">{t('dashboards.column.plan')}</th>
            <th scope="col">{t('dashboards.column.dueDate')}</th>
            <th scope="col">{t('dashboards.column.status')}</th>
            <th scope="col" className="numeric">
              {t('dashboards.total.activities')}
            </th>
          </tr>
        </thead>
        <tbody>
          {reports.map((report) => (
            <tr key={report.id}>
              <th scope="row">
                <Link to="/reportes/$reportId" params={{ reportId: report.id }}>
                  {report.reportingPeriod.title}
                </Link>
              </th>
              <td>
                <Link to="/planes/$planId" params={{ planId: report.plan.id }}>
                  {report.plan.name}
                </Link>
              </td>
              <td>{formatDate(report.reportingPeriod.dueDate)}</td>
              <td>
                {t(`dashboards.reportStatus.${report.status}`)}
                {report.isOverdue && (
                  <>
                    {' '}
                    <span className="badge badge--overdue">{t('dashboards.organization.overdue')}</span>
                  </>
                )}
              </td>
              <td className="numeric">{formatNumber(report.activityCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NodesTable({ nodes }: { nodes: OrganizationDashboardView['nodes'] }) {
  if (nodes.length === 0) return <p className="empty">{t('dashboards.organization.nodesEmpty')}</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{t('dashboards.organization.nodes')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboards.column.code')}</th>
            <th scope="col">{t('dashboards.column.node')}</th>
            <th scope="col">{t('dashboards.column.plan')}</th>
            <th scope="col">{t('dashboards.column.status')}</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((node) => (
            <tr key={node.id}>
              <th scope="row">{node.code}</th>
              <td>
                <Link to="/planes/$planId/nodos/$nodeId" params={{ planId: node.planId, nodeId: node.id }}>
                  {node.title}
                </Link>
              </td>
              <td>
                <Link to="/planes/$planId" params={{ planId: node.planId }}>
                  {node.planName}
                </Link>
              </td>
              <td>{nodeStatusLabel(node.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
