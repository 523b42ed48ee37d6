import { lazyRouteComponent } from '@tanstack/react-router';
import type { RouteEntry } from '../../routes/route-table';

export const reportingRoutes = [
  { path: '/pendientes', access: 'signedIn', component: lazyRouteComponent(() => import('./obligations.page'), 'ObligationsPage') },
  { path: '/reportes/$reportId', access: 'signedIn', component: lazyRouteComponent(() => import('./report.page'), 'ReportPage') },
  { path: '/periodos/$periodId', access: 'signedIn', component: lazyRouteComponent(() => import('./reporting-period.page'), 'ReportingPeriodPage') },
] as const satisfies readonly RouteEntry[];
