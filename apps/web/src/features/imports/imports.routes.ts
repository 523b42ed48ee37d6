import { lazyRouteComponent } from '@tanstack/react-router';
import type { RouteEntry } from '../../routes/route-table';

export const importsRoutes = [
  { path: '/importar', access: 'signedIn', component: lazyRouteComponent(() => import('./import.page'), 'ImportPage') },
] as const satisfies readonly RouteEntry[];
