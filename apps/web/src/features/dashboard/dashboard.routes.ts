import { lazyRouteComponent } from '@tanstack/react-router';
import type { RouteEntry } from '../../routes/route-table';

export const dashboardRoutes = [
  { path: '/', access: 'signedIn', component: lazyRouteComponent(() => import('./dashboard.page'), 'DashboardPage') },
] as const satisfies readonly RouteEntry[];
