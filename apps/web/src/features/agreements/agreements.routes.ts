import { lazyRouteComponent } from '@tanstack/react-router';
import type { RouteEntry } from '../../routes/route-table';
import { readPage, readText } from '../../routes/search-params';

export const agreementsRoutes = [
  {
    path: '/acuerdos',
    access: 'signedIn',
    validateSearch: (search: Record<string, unknown>): { q?: string; status?: string; overdue?: boolean; page?: number } => ({
      q: readText(search.q),
      status: readText(search.status),
      // «Vencidos»: open agreements past their due date.
      overdue: search.overdue === true || search.overdue === 'true' ? true : undefined,
      page: readPage(search.page),
    }),
    component: lazyRouteComponent(() => import('./agreements-list.page'), 'AgreementsListPage'),
  },
  { path: '/acuerdos/$agreementId', access: 'signedIn', component: lazyRouteComponent(() => import('./agreement-detail.page'), 'AgreementDetailPage') },
] as const satisfies readonly RouteEntry[];
