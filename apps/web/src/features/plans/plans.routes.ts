import { lazyRouteComponent } from '@tanstack/react-router';
import type { RouteEntry } from '../../routes/route-table';
import { readPage, readText } from '../../routes/search-params';

export const plansRoutes = [
  {
    path: '/planes',
    access: 'signedIn',
    validateSearch: (search: Record<string, unknown>): { q?: string; page?: number } => ({ q: readText(search.q), page: readPage(search.page) }),
    component: lazyRouteComponent(() => import('./plans-list.page'), 'PlansListPage'),
  },
  { path: '/planes/nuevo', access: 'signedIn', component: lazyRouteComponent(() => import('./plan-form.page'), 'PlanNewPage') },
  { path: '/planes/$planId', access: 'signedIn', component: lazyRouteComponent(() => import('./plan-detail.page'), 'PlanDetailPage') },
  { path: '/planes/$planId/nodos/$nodeId', access: 'signedIn', component: lazyRouteComponent(() => import('./plan-node.page'), 'PlanNodePage') },
  { path: '/planes', access: 'portal', component: lazyRouteComponent(() => import('./public-plans.page'), 'PublicPlansPage') },
  { path: '/planes/$planId', access: 'portal', component: lazyRouteComponent(() => import('./public-plan.page'), 'PublicPlanPage') },
] as const satisfies readonly RouteEntry[];
