import { getRouteApi } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { PageHeader } from '../../components/page-header.component';
import { t } from '../../i18n/translate';
import { ActivityDashboard, useDashboardSearch } from './activity-dashboard.component';

const routeApi = getRouteApi('/publico/tableros');

/** The portal's activity dashboard: the same as the internal one, from the public API and without internal links. */
export function PublicDashboardPage(): ReactElement {
  const { search, onSearchChange } = useDashboardSearch(routeApi);
  return (
    <>
      <PageHeader title={t('dashboards.public.title')} eyebrow={t('public.name')} />
      <p className="lead">{t('dashboards.public.intro')}</p>
      <ActivityDashboard api="/public/dashboards/activities" search={search} onSearchChange={onSearchChange} />
    </>
  );
}
