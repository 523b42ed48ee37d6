import { lazyRouteComponent } from '@tanstack/react-router';
import type { RouteEntry } from '../../routes/route-table';
import { readPage, readText } from '../../routes/search-params';

export const organizationsRoutes = [
  {
    path: '/organizaciones',
    access: 'signedIn',
    validateSearch: (search: Record<string, unknown>): { q?: string; sector?: string; page?: number } => ({
      q: readText(search.q),
      sector: readText(search.sector),
      page: readPage(search.page),
    }),
    component: lazyRouteComponent(() => import('./organizations-list.page'), 'OrganizationsListPage'),
  },
  {
    path: '/organizaciones/nueva',
    access: 'signedIn',
    component: lazyRouteComponent(() => import('./organization-form.page'), 'OrganizationCreatePage'),
  },
  {
    path: '/organizaciones/$organizationId',
    access: 'signedIn',
    component: lazyRouteComponent(() => import('./organization-detail.page'), 'OrganizationDetailPage'),
  },
  {
    path: '/organizaciones/$organizationId/editar',
    access: 'signedIn',
    component: lazyRouteComponent(() => import('./organization-form.page'), 'OrganizationEditPage'),
  },
] as const satisfies readonly RouteEntry[];
