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
  {
    path: '/recuperar-contrasena',
    access: 'signedOut',
    validateSearch: (): { redirect?: string } => ({}),
    component: lazyRouteComponent(() => import('./password-forgot.page'), 'PasswordForgotPage'),
  },
  {
    // The address the invitation and reset mails link to (ACCOUNT_LINK_PATH on the server).
    path: '/contrasena/nueva',
    access: 'signedOut',
    validateSearch: (search: Record<string, unknown>): { token?: string } => ({ token: typeof search.token === 'string' ? search.token : undefined }),
    component: lazyRouteComponent(() => import('./password-from-link.page'), 'PasswordFromLinkPage'),
  },
] as const satisfies readonly RouteEntry[];
