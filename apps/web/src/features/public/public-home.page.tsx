import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { publicApi } from '../../api/public-resources';
import { PageHeader } from '../../components/page-header.component';
import { formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';

/** The portal's front page: what it holds and how many published sessions and agreements there are. */
export function PublicHomePage(): ReactElement {
  // One row is enough: only the totals are read.
  const sessions = useQuery(publicApi.sessions({ pageSize: 1 }));
  const agreements = useQuery(publicApi.agreements({ pageSize: 1 }));
  // A dash stands for a count still loading (or unreadable).
  const counts = [
    { to: '/publico/sesiones', label: 'public.home.sessions', total: sessions.data?.total },
    { to: '/publico/acuerdos', label: 'public.home.agreements', total: agreements.data?.total },
  ] as const;
  return (
    <>
      <PageHeader title={t('public.home.title')} />
      <p className="lead">{t('public.home.intro')}</p>
      <section aria-labelledby="publicado">
        <h2 id="publicado" className="visually-hidden">
          {t('public.home.counts')}
        </h2>
        <dl className="count-cards">
          {counts.map(({ to, label, total }) => (
            <div key={to} className="count-card">
              <dt>
                <Link to={to}>{t(label)}</Link>
              </dt>
              <dd>{total === undefined ? t('app.none') : formatNumber(total)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <ul className="link-list">
        <li>
          <Link to="/publico/estadisticas">{t('statistics.publicNav')}</Link>: {t('statistics.public.homeHint')}
        </li>
        <li>
          <Link to="/publico/informes">{t('public.nav.reports')}</Link>: {t('public.home.reportsHint')}
        </li>
        <li>
          <Link to="/publico/encuestas">{t('surveys.public.title')}</Link>: {t('surveys.public.homeHint')}
        </li>
        <li>
          <Link to="/publico/datos-abiertos">{t('public.nav.openData')}</Link>: {t('public.home.openDataHint')}
        </li>
      </ul>
    </>
  );
}
