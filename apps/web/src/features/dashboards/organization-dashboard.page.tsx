import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import type { OrganizationDashboardView } from '@telar/domain';
import { useCallback, type ReactElement } from 'react';
import { organizationDashboardQuery } from '../../api/dashboard-resources';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { PaginatedTable, type TableColumn } from '../../components/paginated-table.component';
import { QueryContent } from '../../components/query-content.component';
import { formatDate, formatNumber, formatRefName } from '../../i18n/format';
import { hasMessage, t } from '../../i18n/translate';
import '../../styles/dashboards.css';
import { DashboardSection, StatesMapAndTable, Totals, YearChartAndTable } from './activity-dashboard.component';

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
  const { organization } = view;
  const activitiesSearch = useCallback((stateCode: string) => ({ stateCode, organizationId: organization.id }), [organization.id]);
  const onSelect = useCallback(
    (code: string | null) => {
      if (code) void navigate({ to: '/actividades', search: activitiesSearch(code) });
    },
    [navigate, activitiesSearch],
  );
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
      <DashboardSection id="institucion-anual" title={t('dashboards.byYear.title')}>
        <YearChartAndTable rows={view.byYear} countMeasure="activities" caption={t('dashboards.organization.byYearCaption')} />
      </DashboardSection>
      <DashboardSection id="institucion-entidades" title={t('dashboards.byState.title')}>
        <StatesMapAndTable
          rows={view.byState}
          measure="activities"
          caption={t('dashboards.organization.byStateCaption')}
          hint={t('dashboards.organization.mapHint')}
          onSelect={onSelect}
          isCompact
          getActivitiesSearch={activitiesSearch}
        />
      </DashboardSection>
      <RecordsSection id="institucion-reportes" title={t('dashboards.organization.reports')} columns={reportColumns()} rows={view.reports} emptyText={t('dashboards.organization.reportsEmpty')} />
      <RecordsSection id="institucion-planes" title={t('dashboards.organization.nodes')} columns={nodeColumns()} rows={view.nodes} emptyText={t('dashboards.organization.nodesEmpty')} />
    </>
  );
}

type ReportRow = OrganizationDashboardView['reports'][number];
type NodeRow = OrganizationDashboardView['nodes'][number];

interface RecordsSectionProps<Row extends { id: string }> {
  id: string;
  title: string;
  columns: TableColumn<Row>[];
  rows: readonly Row[];
  emptyText: string;
}

/** A section of the organisation's records, in a table captioned (for assistive technology) by the section's title. */
function RecordsSection<Row extends { id: string }>({ id, title, columns, rows, emptyText }: RecordsSectionProps<Row>) {
  return (
    <PageSection id={id} title={title}>
      <PaginatedTable caption={title} isCaptionHidden columns={columns} rows={rows} getRowKey={(row) => row.id} emptyText={emptyText} />
    </PageSection>
  );
}

/** The plan a row belongs to, linked. */
function planColumn<Row>(getPlan: (row: Row) => { id: string; name: string }): TableColumn<Row> {
  return {
    header: t('dashboards.column.plan'),
    render: (row) => {
      const plan = getPlan(row);
      return (
        <Link to="/planes/$planId" params={{ planId: plan.id }}>
          {plan.name}
        </Link>
      );
    },
  };
}

function ReportStatus({ report }: { report: ReportRow }) {
  return (
    <>
      {t(`dashboards.reportStatus.${report.status}`)}
      {report.isOverdue && (
        <>
          {' '}
          <span className="badge badge--overdue">{t('dashboards.organization.overdue')}</span>
        </>
      )}
    </>
  );
}

const reportColumns = (): TableColumn<ReportRow>[] => [
  {
    header: t('dashboards.column.period'),
    isRowHeader: true,
    render: (report) => (
      <Link to="/reportes/$reportId" params={{ reportId: report.id }}>
        {report.reportingPeriod.title}
      </Link>
    ),
  },
  planColumn((report) => report.plan),
  { header: t('dashboards.column.dueDate'), render: (report) => formatDate(report.reportingPeriod.dueDate) },
  { header: t('dashboards.column.status'), render: (report) => <ReportStatus report={report} /> },
  { header: t('dashboards.total.activities'), render: (report) => formatNumber(report.activityCount), className: 'numeric' },
];

const nodeColumns = (): TableColumn<NodeRow>[] => [
  { header: t('dashboards.column.code'), isRowHeader: true, render: (node) => node.code },
  {
    header: t('dashboards.column.node'),
    render: (node) => (
      <Link to="/planes/$planId/nodos/$nodeId" params={{ planId: node.planId, nodeId: node.id }}>
        {node.title}
      </Link>
    ),
  },
  planColumn((node) => ({ id: node.planId, name: node.planName })),
  { header: t('dashboards.column.status'), render: (node) => nodeStatusLabel(node.status) },
];
