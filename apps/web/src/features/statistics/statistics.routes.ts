import { lazyRouteComponent } from '@tanstack/react-router';
import type { RouteEntry } from '../../routes/route-table';
import { readDatasetSearch } from '../../routes/search-params';

export const statisticsRoutes = [
  { path: '/estadisticas', access: 'signedIn', component: lazyRouteComponent(() => import('./datasets-list.page'), 'DatasetsListPage') },
  { path: '/estadisticas/importar', access: 'signedIn', component: lazyRouteComponent(() => import('./dataset-import.page'), 'DatasetImportPage') },
  {
    path: '/estadisticas/$datasetId',
    access: 'signedIn',
    validateSearch: readDatasetSearch,
    component: lazyRouteComponent(() => import('./dataset.page'), 'DatasetPage'),
  },
  { path: '/estadisticas', access: 'portal', component: lazyRouteComponent(() => import('./public-datasets.page'), 'PublicDatasetsPage') },
  {
    path: '/estadisticas/$datasetId',
    access: 'portal',
    validateSearch: readDatasetSearch,
    component: lazyRouteComponent(() => import('./public-dataset.page'), 'PublicDatasetPage'),
  },
] as const satisfies readonly RouteEntry[];
