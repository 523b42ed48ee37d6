import { lazyRouteComponent } from '@tanstack/react-router';
import type { RouteEntry } from '../../routes/route-table';
import { readPage, readText, readYear } from '../../routes/search-params';

/** The member directory's filters, its page and the member open for editing. */
export interface MembersSearch {
  q?: string;
  stateCode?: string;
  sector?: string;
  status?: string;
  page?: number;
  integrante?: string;
}

const readMembersSearch = (search: Record<string, unknown>): MembersSearch => ({
  q: readText(search.q),
  stateCode: readText(search.stateCode),
  sector: readText(search.sector),
  status: readText(search.status),
  page: readPage(search.page),
  integrante: readText(search.integrante),
});

export const networksRoutes = [
  { path: '/redes', access: 'signedIn', component: lazyRouteComponent(() => import('./networks-list.page'), 'NetworksListPage') },
  { path: '/redes/nueva', access: 'signedIn', component: lazyRouteComponent(() => import('./network-create.page'), 'NetworkCreatePage') },
  { path: '/redes/comisiones/$bodyId', access: 'signedIn', component: lazyRouteComponent(() => import('./commission.page'), 'CommissionPage') },
  { path: '/redes/$networkId', access: 'signedIn', component: lazyRouteComponent(() => import('./network.page'), 'NetworkPage') },
  {
    path: '/redes/$networkId/integrantes',
    access: 'signedIn',
    validateSearch: readMembersSearch,
    component: lazyRouteComponent(() => import('./network-members.page'), 'NetworkMembersPage'),
  },
  {
    path: '/redes/$networkId/integrantes/importar',
    access: 'signedIn',
    component: lazyRouteComponent(() => import('./members-import.page'), 'MembersImportPage'),
  },
  {
    path: '/redes/$networkId/puntos',
    access: 'signedIn',
    validateSearch: (search: Record<string, unknown>): { year?: number } => ({ year: readYear(search.year) }),
    component: lazyRouteComponent(() => import('./network-points.page'), 'NetworkPointsPage'),
  },
  { path: '/redes', access: 'portal', component: lazyRouteComponent(() => import('./public-networks.page'), 'PublicNetworksPage') },
  { path: '/redes/$networkId', access: 'portal', component: lazyRouteComponent(() => import('./public-network.page'), 'PublicNetworkPage') },
] as const satisfies readonly RouteEntry[];
