import { lazyRouteComponent } from '@tanstack/react-router';
import type { RouteEntry } from '../../routes/route-table';
import { readPage, readText } from '../../routes/search-params';

export const activitiesRoutes = [
  {
    path: '/actividades',
    access: 'signedIn',
    validateSearch: (
      search: Record<string, unknown>,
    ): { q?: string; kind?: string; stateCode?: string; organizationId?: string; planId?: string; page?: number } => ({
      q: readText(search.q),
      kind: readText(search.kind),
      stateCode: readText(search.stateCode),
      organizationId: readText(search.organizationId),
      planId: readText(search.planId),
      page: readPage(search.page),
    }),
    component: lazyRouteComponent(() => import('./activities-list.page'), 'ActivitiesListPage'),
  },
  {
    path: '/actividades/nueva',
    access: 'signedIn',
    validateSearch: (search: Record<string, unknown>): { reportId?: string } => ({ reportId: readText(search.reportId) }),
    component: lazyRouteComponent(() => import('./activity-form.page'), 'ActivityNewPage'),
  },
  { path: '/actividades/$activityId', access: 'signedIn', component: lazyRouteComponent(() => import('./activity-detail.page'), 'ActivityDetailPage') },
  { path: '/actividades/$activityId/editar', access: 'signedIn', component: lazyRouteComponent(() => import('./activity-form.page'), 'ActivityEditPage') },
] as const satisfies readonly RouteEntry[];
