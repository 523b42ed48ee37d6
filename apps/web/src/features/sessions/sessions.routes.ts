import { lazyRouteComponent } from '@tanstack/react-router';
import type { RouteEntry } from '../../routes/route-table';
import { readIsoDate, readPage, readText } from '../../routes/search-params';

export const sessionsRoutes = [
  {
    path: '/sesiones',
    access: 'signedIn',
    validateSearch: (
      search: Record<string, unknown>,
    ): { q?: string; bodyId?: string; kind?: string; from?: string; to?: string; page?: number } => ({
      q: readText(search.q),
      bodyId: readText(search.bodyId),
      kind: readText(search.kind),
      from: readIsoDate(search.from),
      to: readIsoDate(search.to),
      page: readPage(search.page),
    }),
    component: lazyRouteComponent(() => import('./sessions-list.page'), 'SessionsListPage'),
  },
  {
    path: '/sesiones/nueva',
    access: 'signedIn',
    validateSearch: (search: Record<string, unknown>): { bodyId?: string } => ({ bodyId: readText(search.bodyId) }),
    component: lazyRouteComponent(() => import('./session-form.page'), 'SessionCreatePage'),
  },
  { path: '/sesiones/$sessionId', access: 'signedIn', component: lazyRouteComponent(() => import('./session-detail.page'), 'SessionDetailPage') },
  { path: '/sesiones/$sessionId/editar', access: 'signedIn', component: lazyRouteComponent(() => import('./session-form.page'), 'SessionEditPage') },
] as const satisfies readonly RouteEntry[];
