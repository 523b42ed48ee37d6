import { lazyRouteComponent } from '@tanstack/react-router';
import type { RouteEntry } from '../../routes/route-table';

export const accountsRoutes = [
  { path: '/cuentas', access: 'signedIn', component: lazyRouteComponent(() => import('./accounts.page'), 'AccountsPage') },
] as const satisfies readonly RouteEntry[];
