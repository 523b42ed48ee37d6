import { lazyRouteComponent } from '@tanstack/react-router';
import type { RouteEntry } from '../../routes/route-table';
import { readPage, readRedirect, readText } from '../../routes/search-params';

/** Where the router sends a person whose password someone else set (router.tsx), and back afterwards. */
export const PASSWORD_CHANGE_PATH = '/cambiar-contrasena';

export const accountsRoutes = [
  {
    path: '/usuarios',
    access: 'signedIn',
    validateSearch: (search: Record<string, unknown>): { q?: string; estado?: string; page?: number } => ({
      q: readText(search.q),
      estado: readText(search.estado),
      page: readPage(search.page),
    }),
    component: lazyRouteComponent(() => import('./users-list.page'), 'UsersListPage'),
  },
  { path: '/usuarios/nueva', access: 'signedIn', component: lazyRouteComponent(() => import('./account-create.page'), 'AccountCreatePage') },
  { path: '/usuarios/$userId', access: 'signedIn', component: lazyRouteComponent(() => import('./user-detail.page'), 'UserDetailPage') },
  { path: '/mi-cuenta', access: 'signedIn', component: lazyRouteComponent(() => import('./my-account.page'), 'MyAccountPage') },
  {
    path: PASSWORD_CHANGE_PATH,
    access: 'signedIn',
    validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({ redirect: readRedirect(search.redirect) }),
    component: lazyRouteComponent(() => import('./password-required.page'), 'PasswordRequiredPage'),
  },
] as const satisfies readonly RouteEntry[];
