import { lazyRouteComponent } from '@tanstack/react-router';
import type { RouteEntry } from '../../routes/route-table';
import { readRedirect } from '../../routes/search-params';

export const authRoutes = [
  {
    path: '/ingresar',
    access: 'signedOut',
    validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({ redirect: readRedirect(search.redirect) }),
    component: lazyRouteComponent(() => import('./sign-in.page'), 'SignInPage'),
  },
] as const satisfies readonly RouteEntry[];
