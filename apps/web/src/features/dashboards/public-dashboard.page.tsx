import { getRouteApi } from '@tanstack/react-router';
import { useCallback, type ReactElement } from 'react';
import { PageHeader } from '../../components/page-header.component';
import { t } from '../../i18n/translate';
import { ActivityDashboard } from './activity-dashboard.component';
import type { ActivityDashboardSearch } from './dashboard-choices';

const routeApi = getRouteApi('/publico/tableros');

/** The portal's activity dashboard: the same as the internal one, from the public API and without internal links. */
export function PublicDashboardPage(): ReactElement {
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const onSearchChange = useCallback(
    (patch: ActivityDashboardSearch) => void navigate({ search: (previous) => ({ ...previous, ...patch }), replace: true }),
    [navigate],
  );
  return (
    <>
      <PageHeader title={t('dashboards.public.title')} eyebrow={t('public.name')} />
      <p className="lead">{t('dashboards.public.intro')}</p>
      <ActivityDashboard api="/public/dashboards/activities" search={search} onSearchChange={onSearchChange} />
    </>
  );
}
