import { lazyRouteComponent } from '@tanstack/react-router';
import type { RouteEntry } from '../../routes/route-table';
import { readIsoDate, readText } from '../../routes/search-params';

export const reportsRoutes = [
  {
    path: '/informes',
    access: 'signedIn',
    validateSearch: (search: Record<string, unknown>): { bodyId?: string; from?: string; to?: string } => ({
      bodyId: readText(search.bodyId),
      from: readIsoDate(search.from),
      to: readIsoDate(search.to),
    }),
    component: lazyRouteComponent(() => import('./reports.page'), 'ReportsPage'),
  },
] as const satisfies readonly RouteEntry[];
