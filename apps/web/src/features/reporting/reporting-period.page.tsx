import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { REPORT_STATUSES, type ReportingPeriodView } from '@telar/domain';
import type { ReactElement } from 'react';
import { describeApiError } from '../../api/api-error.util';
import { reportingActionsApi, reportingPeriodsApi } from '../../api/plan-resources';
import { useApiMutation } from '../../api/resources';
import { FormAlert } from '../../components/form-alert.component';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { RecordHistory } from '../records/record-history.component';
import { PeriodDueDateForm } from './period-due-date-form.component';
import { ReportsTable } from './reports-table.component';
import '../../styles/plans.css';

const routeApi = getRouteApi('/_internal/periodos/$periodId');

const COUNT_KEYS = [...REPORT_STATUSES, 'overdue'] as const;

function PeriodCounts({ period }: { period: ReportingPeriodView }) {
  return (
    <dl className="count-cards">
      {COUNT_KEYS.map((key) => (
        <div key={key} className="count-card">
          <dt>{t(`reporting.status.${key}`)}</dt>
          <dd>{formatNumber(period.counts[key])}</dd>
        </div>
      ))}
    </dl>
  );
}

function ClosePeriod({ period }: { period: ReportingPeriodView }) {
  const mutation = useApiMutation(reportingActionsApi.closePeriod);
  return (
    <div className="record-status">
      <button type="button" className="button" disabled={mutation.isPending} onClick={() => mutation.mutate({ id: period.id, version: period.version })}>
        {t('reporting.closePeriod')}
      </button>
      {mutation.isError && <FormAlert tone="error">{describeApiError(mutation.error)}</FormAlert>}
    </div>
  );
}

export function ReportingPeriodPage(): ReactElement {
  const { periodId } = routeApi.useParams();
  const query = useQuery(reportingPeriodsApi.detail(periodId));
  return (
    <QueryContent query={query}>
      {(period) => {
        return (
          <>
            <PageHeader
              title={period.title}
              trail={[
                { label: t('nav.plans'), to: '/planes' },
                { label: period.plan.name, to: `/planes/${period.plan.id}` },
              ]}
              actions={
                <Link to="/planes/$planId" params={{ planId: period.plan.id }} className="button">
                  {t('plans.backToPlan')}
                </Link>
              }
            />
            <p className="record-status__badges">
              {period.closedAt ? (
                <span className="badge badge--archived">{t('reporting.closedOn', { date: formatDateTime(period.closedAt) })}</span>
              ) : (
                <span className="badge badge--published">{t('reporting.open')}</span>
              )}
            </p>
            {period.abilities.edit && <ClosePeriod period={period} />}
            <dl className="facts">
              <div>
                <dt>{t('reporting.covers')}</dt>
                <dd>
                  {formatDate(period.periodFrom)} – {formatDate(period.periodTo)}
                </dd>
              </div>
              <div>
                <dt>{t('reporting.dueDate')}</dt>
                <dd>{formatDate(period.dueDate)}</dd>
              </div>
            </dl>
            {period.abilities.edit && (
              <PageSection id="fecha-limite" title={t('reporting.changeDueDate')}>
                <PeriodDueDateForm period={period} />
              </PageSection>
            )}
            <PageSection id="resumen" title={t('reporting.counts')}>
              <PeriodCounts period={period} />
            </PageSection>
            <PageSection id="reportes" title={t('reporting.reports')}>
              <ReportsTable
                caption={t('reporting.reportsByOrganization')}
                reports={period.reports}
                linkHeader={t('reporting.organization')}
                linkText={(report) => report.organization.acronym ?? report.organization.name}
                columns={['status', 'submittedAt', 'activities', 'comment']}
                emptyText={t('reporting.reportsEmpty')}
              />
            </PageSection>
            <RecordHistory entity="reporting_period" id={period.id} />
          </>
        );
      }}
    </QueryContent>
  );
}
