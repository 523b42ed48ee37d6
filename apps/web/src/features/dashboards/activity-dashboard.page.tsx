import { getRouteApi } from '@tanstack/react-router';
import { useCallback, type ReactElement } from 'react';
import { PageHeader } from '../../components/page-header.component';
import { t } from '../../i18n/translate';
import { ActivityDashboard } from './activity-dashboard.component';
import type { ActivityDashboardSearch } from './dashboard-choices';

const routeApi = getRouteApi('/_internal/tableros');

/** «Tableros»: validated activities by state, year and kind, with links to the activity list. */
export function ActivityDashboardPage(): ReactElement {
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const onSearchChange = useCallback(
    (patch: ActivityDashboardSearch) => void navigate({ search: (previous) => ({ ...previous, ...patch }), replace: true }),
    [navigate],
  );
  return (
    <>
      <PageHeader title={t('dashboards.title')} />
      <p className="lead">{t('dashboards.intro')}</p>
      <ActivityDashboard api="/dashboards/activities" search={search} onSearchChange={onSearchChange} hasActivityLinks />
    </>
  );
}
