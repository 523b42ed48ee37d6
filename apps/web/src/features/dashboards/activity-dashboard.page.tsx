import { getRouteApi } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { PageHeader } from '../../components/page-header.component';
import { t } from '../../i18n/translate';
import { ActivityDashboard, useDashboardSearch } from './activity-dashboard.component';

const routeApi = getRouteApi('/_internal/tableros');

/** «Tableros»: validated activities by state, year and kind, with links to the activity list. */
export function ActivityDashboardPage(): ReactElement {
  const { search, onSearchChange } = useDashboardSearch(routeApi);
  return (
    <>
      <PageHeader title={t('dashboards.title')} />
      <p className="lead">{t('dashboards.intro')}</p>
      <ActivityDashboard api="/dashboards/activities" search={search} onSearchChange={onSearchChange} hasActivityLinks />
    </>
  );
}
