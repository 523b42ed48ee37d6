import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { surveyNetworkApi, surveysApi, type SurveySummaryView } from '../../api/survey-resources';
import { PageHeader } from '../../components/page-header.component';
import { PaginatedTable, type TableColumn } from '../../components/paginated-table.component';
import { QueryContent } from '../../components/query-content.component';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { formatShare } from './survey-results.component';
import { SurveyStatusBadge } from './survey-status.component';

const routeApi = getRouteApi('/_internal/redes/$networkId/encuestas');

const columns: TableColumn<SurveySummaryView>[] = [
  {
    header: t('surveys.list.title'),
    isRowHeader: true,
    render: (survey) => (
      <Link to="/encuestas/$surveyId" params={{ surveyId: survey.id }}>
        {survey.title}
      </Link>
    ),
  },
  { header: t('surveys.status'), render: (survey) => <SurveyStatusBadge status={survey.status} /> },
  { header: t('surveys.closesAt'), render: (survey) => (survey.closesAt ? formatDateTime(survey.closesAt) : t('app.none')) },
  { header: t('surveys.invited'), render: (survey) => formatNumber(survey.invited), className: 'numeric' },
  { header: t('surveys.responses'), render: (survey) => formatNumber(survey.responses), className: 'numeric' },
  { header: t('surveys.rate'), render: (survey) => formatShare(survey.responseRate), className: 'numeric' },
];

/** A network's surveys, newest first as the API sends them, and «Nueva encuesta» for its coordination. */
export function SurveysListPage(): ReactElement {
  const { networkId } = routeApi.useParams();
  const network = useQuery(surveyNetworkApi.detail(networkId));
  const query = useQuery(surveysApi.list(networkId));
  return (
    <>
      <PageHeader
        title={t('surveys.title')}
        trail={[{ label: network.data?.name ?? t('surveys.network'), to: `/redes/${networkId}` }]}
        actions={
          network.data?.abilities.canManage && (
            <Link to="/redes/$networkId/encuestas/nueva" params={{ networkId }} className="button button--primary">
              {t('surveys.new')}
            </Link>
          )
        }
      />
      <p className="lead">{t('surveys.intro')}</p>
      <QueryContent query={query}>
        {(surveys) => <PaginatedTable caption={t('surveys.list.caption')} columns={columns} rows={surveys} getRowKey={(survey) => survey.id} emptyText={t('surveys.list.empty')} />}
      </QueryContent>
    </>
  );
}
