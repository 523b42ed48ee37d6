import { lazyRouteComponent } from '@tanstack/react-router';
import type { RouteEntry } from '../../routes/route-table';
import { readText } from '../../routes/search-params';

export const searchRoutes = [
  {
    path: '/buscar',
    access: 'signedIn',
    validateSearch: (search: Record<string, unknown>): { q?: string; type?: string } => ({ q: readText(search.q), type: readText(search.type) }),
    component: lazyRouteComponent(() => import('./search-results.page'), 'SearchResultsPage'),
  },
] as const satisfies readonly RouteEntry[];
