import { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, Link, lazyRouteComponent } from '@tanstack/react-router';
import { ApiError } from './api/client';
import { AppLayout } from './components/layout/app-layout.component';
import { PageHeader } from './components/page-header.component';
import { LoadingLine } from './components/query-content.component';
import { t } from './i18n/translate';
import { readIsoDate, readPage, readText } from './routes/search-params';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not fix itself; only retry what may be a passing network or server fault.
      retry: (failureCount, error) => failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

function NotFoundPage() {
  return (
    <>
      <PageHeader title={t('app.notFound')} />
      <p>
        <Link to="/">{t('app.backHome')}</Link>
      </p>
    </>
  );
}

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: AppLayout,
  notFoundComponent: NotFoundPage,
  pendingComponent: LoadingLine,
});

// Search parameters stay plain strings and numbers here; pages check enum values themselves so this
// entry chunk does not pull in the domain schemas (and zod) before a page needs them.

const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./features/dashboard/dashboard.page'), 'DashboardPage'),
});

const organizationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organizaciones',
  validateSearch: (search: Record<string, unknown>): { q?: string; sector?: string; page?: number } => ({
    q: readText(search.q),
    sector: readText(search.sector),
    page: readPage(search.page),
  }),
  component: lazyRouteComponent(() => import('./features/organizations/organizations-list.page'), 'OrganizationsListPage'),
});

const organizationNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organizaciones/nueva',
  component: lazyRouteComponent(() => import('./features/organizations/organization-form.page'), 'OrganizationCreatePage'),
});

const organizationDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organizaciones/$organizationId',
  component: lazyRouteComponent(() => import('./features/organizations/organization-detail.page'), 'OrganizationDetailPage'),
});

const organizationEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organizaciones/$organizationId/editar',
  component: lazyRouteComponent(() => import('./features/organizations/organization-form.page'), 'OrganizationEditPage'),
});

const bodiesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organos',
  component: lazyRouteComponent(() => import('./features/bodies/bodies-tree.page'), 'BodiesTreePage'),
});

const bodyNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organos/nuevo',
  validateSearch: (search: Record<string, unknown>): { parentId?: string } => ({ parentId: readText(search.parentId) }),
  component: lazyRouteComponent(() => import('./features/bodies/body-form.page'), 'BodyCreatePage'),
});

const bodyDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organos/$bodyId',
  component: lazyRouteComponent(() => import('./features/bodies/body-detail.page'), 'BodyDetailPage'),
});

const bodyEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organos/$bodyId/editar',
  component: lazyRouteComponent(() => import('./features/bodies/body-form.page'), 'BodyEditPage'),
});

const sessionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sesiones',
  validateSearch: (
    search: Record<string, unknown>,
  ): { q?: string; bodyId?: string; kind?: string; from?: string; to?: string; page?: number } => ({
    q: readText(search.q),
    bodyId: readText(search.bodyId),
    kind: readText(search.kind),
    from: readIsoDate(search.from),
    to: readIsoDate(search.to),
    page: readPage(search.page),
  }),
  component: lazyRouteComponent(() => import('./features/sessions/sessions-list.page'), 'SessionsListPage'),
});

const sessionNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sesiones/nueva',
  validateSearch: (search: Record<string, unknown>): { bodyId?: string } => ({ bodyId: readText(search.bodyId) }),
  component: lazyRouteComponent(() => import('./features/sessions/session-form.page'), 'SessionCreatePage'),
});

const sessionDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sesiones/$sessionId',
  component: lazyRouteComponent(() => import('./features/sessions/session-detail.page'), 'SessionDetailPage'),
});

const sessionEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sesiones/$sessionId/editar',
  component: lazyRouteComponent(() => import('./features/sessions/session-form.page'), 'SessionEditPage'),
});

const agreementsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/acuerdos',
  validateSearch: (search: Record<string, unknown>): { q?: string; status?: string; page?: number } => ({
    q: readText(search.q),
    status: readText(search.status),
    page: readPage(search.page),
  }),
  component: lazyRouteComponent(() => import('./features/agreements/agreements-list.page'), 'AgreementsListPage'),
});

const agreementDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/acuerdos/$agreementId',
  component: lazyRouteComponent(() => import('./features/agreements/agreement-detail.page'), 'AgreementDetailPage'),
});

const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/importar',
  component: lazyRouteComponent(() => import('./features/imports/import.page'), 'ImportPage'),
});

const reportsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/informes',
  validateSearch: (search: Record<string, unknown>): { bodyId?: string; from?: string; to?: string } => ({
    bodyId: readText(search.bodyId),
    from: readIsoDate(search.from),
    to: readIsoDate(search.to),
  }),
  component: lazyRouteComponent(() => import('./features/reports/reports.page'), 'ReportsPage'),
});

const routeTree = rootRoute.addChildren([
  dashboardRoute,
  organizationsRoute,
  organizationNewRoute,
  organizationDetailRoute,
  organizationEditRoute,
  bodiesRoute,
  bodyNewRoute,
  bodyDetailRoute,
  bodyEditRoute,
  sessionsRoute,
  sessionNewRoute,
  sessionDetailRoute,
  sessionEditRoute,
  agreementsRoute,
  agreementDetailRoute,
  importRoute,
  reportsRoute,
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  // Preloading only fetches the page's code; its data is fetched by TanStack Query when it renders.
  defaultPreloadStaleTime: 0,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
