import { lazyRouteComponent } from '@tanstack/react-router';
import type { RouteEntry } from '../../routes/route-table';
import { readText } from '../../routes/search-params';

export const bodiesRoutes = [
  { path: '/organos', access: 'signedIn', component: lazyRouteComponent(() => import('./bodies-tree.page'), 'BodiesTreePage') },
  {
    path: '/organos/nuevo',
    access: 'signedIn',
    validateSearch: (search: Record<string, unknown>): { parentId?: string } => ({ parentId: readText(search.parentId) }),
    component: lazyRouteComponent(() => import('./body-form.page'), 'BodyCreatePage'),
  },
  { path: '/organos/$bodyId', access: 'signedIn', component: lazyRouteComponent(() => import('./body-detail.page'), 'BodyDetailPage') },
  { path: '/organos/$bodyId/editar', access: 'signedIn', component: lazyRouteComponent(() => import('./body-form.page'), 'BodyEditPage') },
] as const satisfies readonly RouteEntry[];
