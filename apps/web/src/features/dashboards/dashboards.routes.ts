import { lazyRouteComponent } from '@tanstack/react-router';
import type { RouteEntry } from '../../routes/route-table';
import { readDashboardSearch } from '../../routes/search-params';

export const dashboardsRoutes = [
  {
    path: '/tableros',
    access: 'signedIn',
    validateSearch: readDashboardSearch,
    component: lazyRouteComponent(() => import('./activity-dashboard.page'), 'ActivityDashboardPage'),
  },
  {
    path: '/tableros/organizaciones/$organizationId',
    access: 'signedIn',
    component: lazyRouteComponent(() => import('./organization-dashboard.page'), 'OrganizationDashboardPage'),
  },
  {
    path: '/tableros',
    access: 'portal',
    validateSearch: readDashboardSearch,
    component: lazyRouteComponent(() => import('./public-dashboard.page'), 'PublicDashboardPage'),
  },
] as const satisfies readonly RouteEntry[];
