import { lazyRouteComponent } from '@tanstack/react-router';
import type { RouteEntry } from '../../routes/route-table';
import { readPage, readText } from '../../routes/search-params';

export const notificationsRoutes = [
  {
    path: '/avisos',
    access: 'signedIn',
    validateSearch: (search: Record<string, unknown>): { estado?: string; page?: number } => ({ estado: readText(search.estado), page: readPage(search.page) }),
    component: lazyRouteComponent(() => import('./notifications.page'), 'NotificationsPage'),
  },
  { path: '/mi-cuenta/avisos', access: 'signedIn', component: lazyRouteComponent(() => import('./notification-preferences.page'), 'NotificationPreferencesPage') },
  {
    path: '/correos',
    access: 'signedIn',
    validateSearch: (search: Record<string, unknown>): { page?: number } => ({ page: readPage(search.page) }),
    component: lazyRouteComponent(() => import('./outbox.page'), 'OutboxPage'),
  },
  { path: '/correos/$mailId', access: 'signedIn', component: lazyRouteComponent(() => import('./outbox-mail.page'), 'OutboxMailPage') },
] as const satisfies readonly RouteEntry[];
