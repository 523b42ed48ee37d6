import { useQuery } from '@tanstack/react-query';
import type { DashboardView } from '@telar/domain';
import { Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { dashboardQuery } from '../../api/resources';
import { AgreementsTable } from '../../components/agreements-table.component';
import { PageHeader } from '../../components/page-header.component';
import { QueryContent } from '../../components/query-content.component';
import { formatCount, formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { MyTasks } from './my-tasks.component';
import { MyNotificationsSection } from '../notifications/my-notifications.section';
import { MyContributionsSection } from '../questionnaires/my-contributions.section';

const COUNT_KEYS = ['organizations', 'bodies', 'sessions', 'participations', 'agreements', 'followUps'] as const satisfies readonly (keyof DashboardView['counts'])[];
/** The list each counter opens; participations and follow-ups are read within their sessions and agreements. */
const COUNT_LINKS: Partial<Record<(typeof COUNT_KEYS)[number], string>> = {
  organizations: '/organizaciones',
  bodies: '/organos',
  sessions: '/sesiones',
  agreements: '/acuerdos',
};

export function DashboardPage(): ReactElement {
  const query = useQuery(dashboardQuery);
  return (
    <>
      <PageHeader title={t('dashboard.title')} />
      <MyTasks />
      <MyContributionsSection />
      <QueryContent query={query}>
        {(dashboard) => (
          <>
            <section aria-labelledby="resumen">
              <h2 id="resumen" className="visually-hidden">
                {t('dashboard.counts')}
              </h2>
              <dl className="count-cards">
                {COUNT_KEYS.map((key) => {
                  const to = COUNT_LINKS[key];
                  return (
                    <div key={key} className="count-card">
                      <dt>{to ? <Link to={to}>{t(`dashboard.count.${key}`)}</Link> : t(`dashboard.count.${key}`)}</dt>
                      <dd>{formatNumber(dashboard.counts[key])}</dd>
                    </div>
                  );
                })}
              </dl>
            </section>
            <section aria-labelledby="vencidos">
              <h2 id="vencidos">{t('dashboard.overdue')}</h2>
              <AgreementsTable caption={t('dashboard.overdue')} isCaptionHidden agreements={dashboard.overdue} emptyText={t('dashboard.overdueEmpty')} />
              {dashboard.overdueCount > dashboard.overdue.length && (
                <p>
                  <Link to="/acuerdos" search={{ overdue: true }}>
                    {formatCount('dashboard.overdueAll', dashboard.overdueCount)}
                  </Link>
                </p>
              )}
            </section>
            <section aria-labelledby="por-vencer">
              <h2 id="por-vencer">{t('dashboard.dueSoon')}</h2>
              <AgreementsTable caption={t('dashboard.dueSoon')} isCaptionHidden agreements={dashboard.dueSoon} emptyText={t('dashboard.dueSoonEmpty')} />
            </section>
            <MyNotificationsSection />
          </>
        )}
      </QueryContent>
    </>
  );
}
