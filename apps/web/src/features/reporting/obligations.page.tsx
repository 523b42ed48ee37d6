import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReportView } from '@telar/domain';
import type { ComponentProps, ReactElement } from 'react';
import { periodicReportsApi } from '../../api/plan-resources';
import { useMeAbilities } from '../../auth/me.hook';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { LoadingLine, QueryContent } from '../../components/query-content.component';
import { formatDate, formatRefName } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { isReportOpen, ReportStatusBadge, useEnlaceOrganizationIds } from './report-status.component';
import { ReportsTable } from './reports-table.component';
import '../../styles/plans.css';

/** One report an enlace owes or sent: what, for which organisation, by when, where it stands. */
function ObligationCard({ report }: { report: ReportView }) {
  const headingId = `reporte-${report.id}`;
  return (
    <li className={`obligation${report.isOverdue ? ' obligation--overdue' : ''}`}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="obligation__title">
          <Link to="/reportes/$reportId" params={{ reportId: report.id }}>
            {report.plan.name} · {report.reportingPeriod.title}
          </Link>
        </h3>
        <p className="obligation__meta">
          <ReportStatusBadge report={report} /> <span>{formatRefName(report.organization)}</span>
        </p>
        <p className="obligation__due">
          {isReportOpen(report)
            ? t('reporting.dueOn', { date: formatDate(report.reportingPeriod.dueDate) })
            : report.submittedAt
              ? t('reporting.sentOn', { date: formatDate(report.submittedAt) })
              : t('reporting.dueOn', { date: formatDate(report.reportingPeriod.dueDate) })}
        </p>
        {report.status === 'sent_back' && report.reviewComment && (
          <div className="obligation__comment">
            <p className="obligation__comment-label">{t('reporting.sentBackBecause')}</p>
            <p>{report.reviewComment}</p>
          </div>
        )}
      </article>
    </li>
  );
}

interface ReportsSectionProps {
  id: string;
  title: string;
  reports: readonly ReportView[];
  columns: ComponentProps<typeof ReportsTable>['columns'];
  emptyText: string;
}

/** A section headed by its title, with the reports in a table captioned the same, each linked by plan and period. */
function ReportsSection({ id, title, reports, columns, emptyText }: ReportsSectionProps) {
  return (
    <PageSection id={id} title={title}>
      <ReportsTable
        caption={title}
        isCaptionHidden
        reports={reports}
        linkHeader={t('reporting.report')}
        linkText={(report) => `${report.plan.name} · ${report.reportingPeriod.title}`}
        columns={columns}
        emptyText={emptyText}
      />
    </PageSection>
  );
}

function EnlaceObligations({ reports }: { reports: ReportView[] }) {
  const open = reports.filter(isReportOpen);
  const done = reports.filter((report) => !isReportOpen(report));
  const overdue = open.filter((report) => report.isOverdue).length;
  return (
    <>
      <p className="lead" role="status">
        {open.length === 0
          ? t('reporting.nothingOwed')
          : t('reporting.owedSummary', { count: open.length, overdue, date: formatDate(open[0]?.reportingPeriod.dueDate) })}
      </p>
      <section aria-labelledby="por-entregar">
        <h2 id="por-entregar">{t('reporting.toDeliver')}</h2>
        {open.length === 0 ? (
          <p className="empty">{t('reporting.toDeliverEmpty')}</p>
        ) : (
          <ul className="obligations">
            {open.map((report) => (
              <ObligationCard key={report.id} report={report} />
            ))}
          </ul>
        )}
      </section>
      <ReportsSection id="entregados" title={t('reporting.delivered')} reports={done} columns={['organization', 'submittedAt', 'status']} emptyText={t('reporting.deliveredEmpty')} />
    </>
  );
}

function ReviewQueue({ reports }: { reports: ReportView[] }) {
  return (
    <ReportsSection
      id="por-revisar"
      title={t('reporting.toReview')}
      reports={reports}
      columns={['organization', 'dueDate', 'submittedAt', 'activities', 'status']}
      emptyText={t('reporting.toReviewEmpty')}
    />
  );
}

/** «Mis pendientes»: the one page where a person sees what they owe (an enlace) or must review (a secretariat), and by when. */
export function ObligationsPage(): ReactElement {
  const abilities = useMeAbilities();
  const enlaceOf = useEnlaceOrganizationIds();
  const isEnlace = enlaceOf.size > 0;
  const hasRole = isEnlace || abilities?.manageAnyBody;
  const query = useQuery({ ...periodicReportsApi.list({ mine: true, pageSize: 200 }), enabled: hasRole });
  return (
    <>
      <PageHeader title={isEnlace || !abilities?.manageAnyBody ? t('reporting.mine') : t('reporting.toReview')} eyebrow={t('nav.obligations')} />
      {!abilities ? <LoadingLine /> : !hasRole ? (
        <p className="empty">{t('reporting.noRole')}</p>
      ) : (
        <QueryContent query={query}>
          {(result) => {
            if (!isEnlace) return <ReviewQueue reports={result.items} />;
            // An enlace who is also a secretariat: the server lists both; waiting-for-review ones of other organisations go to the queue.
            const own = result.items.filter((report) => enlaceOf.has(report.organization.id));
            const toReview = result.items.filter((report) => !enlaceOf.has(report.organization.id));
            return (
              <>
                <EnlaceObligations reports={own} />
                {abilities?.manageAnyBody && <ReviewQueue reports={toReview} />}
              </>
            );
          }}
        </QueryContent>
      )}
    </>
  );
}
