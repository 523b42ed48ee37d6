import { hashKey, MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, Link, lazyRouteComponent, Outlet, redirect, type ErrorComponentProps } from '@tanstack/react-router';
import { describeApiError } from './api/api-error.util';
import { meQuery } from './api/auth-resources';
import { ApiError } from './api/client';
import { PageHeader } from './components/page-header.component';
import { LoadingLine } from './components/query-content.component';
import { t } from './i18n/translate';
import { readDashboardSearch, readIsoDate, readPage, readRedirect, readText } from './routes/search-params';

/**
 * A session that ended (expired, signed out elsewhere) makes any internal request answer 401: forget
 * the person and send them to sign in, back to this page afterwards. The portal and the sign-in page
 * never need a session; the person's own query is handled by the route guard below.
 */
function handleSessionEnd(error: unknown) {
  if (!(error instanceof ApiError && error.isUnauthenticated)) return;
  const { pathname, href } = router.state.location;
  if (pathname.startsWith('/ingresar') || pathname.startsWith('/publico')) return;
  queryClient.removeQueries({ queryKey: meQuery.queryKey });
  void router.navigate({ to: '/ingresar', search: { redirect: href } });
}

const meQueryHash = hashKey(meQuery.queryKey);

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (query.queryHash !== meQueryHash) handleSessionEnd(error);
    },
  }),
  mutationCache: new MutationCache({ onError: (error) => handleSessionEnd(error) }),
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
    <main id="contenido" className="site-main">
      <PageHeader title={t('app.notFound')} />
      <p>
        <Link to="/">{t('app.backHome')}</Link> · <Link to="/publico">{t('public.name')}</Link>
      </p>
    </main>
  );
}

/** A page that could not load (the server unreachable while checking the session…), in Spanish. */
function LoadErrorPage({ error, reset }: ErrorComponentProps) {
  return (
    <main id="contenido" className="site-main">
      <PageHeader title={t('app.unexpectedError')} />
      <div className="alert alert--error" role="alert">
        <p>{describeApiError(error)}</p>
        <button type="button" className="button" onClick={reset}>
          {t('app.retry')}
        </button>
      </div>
    </main>
  );
}

// The root renders no frame: the internal app, the public portal and the sign-in page each bring
// their own, loaded with their pages, so the portal downloads nothing of the internal app.
const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: LoadErrorPage,
  pendingComponent: LoadingLine,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ingresar',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({ redirect: readRedirect(search.redirect) }),
  // Someone already signed in goes straight on (and a sign-in sent with a live session would be refused).
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQuery).catch(() => null);
    if (me) throw redirect({ href: search.redirect ?? '/' });
  },
  component: lazyRouteComponent(() => import('./features/auth/sign-in.page'), 'SignInPage'),
});

/** Every internal page sits under this guard: without a session, to the sign-in page and back. */
const internalRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_internal',
  beforeLoad: async ({ context, location }) => {
    try {
      await context.queryClient.ensureQueryData(meQuery);
    } catch (error) {
      if (error instanceof ApiError && error.isUnauthenticated) throw redirect({ to: '/ingresar', search: { redirect: location.href } });
      throw error;
    }
  },
  component: lazyRouteComponent(() => import('./components/layout/app-layout.component'), 'AppLayout'),
});

// Search parameters stay plain strings and numbers here; pages check enum values themselves so this
// entry chunk does not pull in the domain schemas (and zod) before a page needs them.

const dashboardRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./features/dashboard/dashboard.page'), 'DashboardPage'),
});

const organizationsRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/organizaciones',
  validateSearch: (search: Record<string, unknown>): { q?: string; sector?: string; page?: number } => ({
    q: readText(search.q),
    sector: readText(search.sector),
    page: readPage(search.page),
  }),
  component: lazyRouteComponent(() => import('./features/organizations/organizations-list.page'), 'OrganizationsListPage'),
});

const organizationNewRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/organizaciones/nueva',
  component: lazyRouteComponent(() => import('./features/organizations/organization-form.page'), 'OrganizationCreatePage'),
});

const organizationDetailRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/organizaciones/$organizationId',
  component: lazyRouteComponent(() => import('./features/organizations/organization-detail.page'), 'OrganizationDetailPage'),
});

const organizationEditRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/organizaciones/$organizationId/editar',
  component: lazyRouteComponent(() => import('./features/organizations/organization-form.page'), 'OrganizationEditPage'),
});

const bodiesRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/organos',
  component: lazyRouteComponent(() => import('./features/bodies/bodies-tree.page'), 'BodiesTreePage'),
});

const bodyNewRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/organos/nuevo',
  validateSearch: (search: Record<string, unknown>): { parentId?: string } => ({ parentId: readText(search.parentId) }),
  component: lazyRouteComponent(() => import('./features/bodies/body-form.page'), 'BodyCreatePage'),
});

const bodyDetailRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/organos/$bodyId',
  component: lazyRouteComponent(() => import('./features/bodies/body-detail.page'), 'BodyDetailPage'),
});

const bodyEditRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/organos/$bodyId/editar',
  component: lazyRouteComponent(() => import('./features/bodies/body-form.page'), 'BodyEditPage'),
});

const sessionsRoute = createRoute({
  getParentRoute: () => internalRoute,
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
  getParentRoute: () => internalRoute,
  path: '/sesiones/nueva',
  validateSearch: (search: Record<string, unknown>): { bodyId?: string } => ({ bodyId: readText(search.bodyId) }),
  component: lazyRouteComponent(() => import('./features/sessions/session-form.page'), 'SessionCreatePage'),
});

const sessionDetailRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/sesiones/$sessionId',
  component: lazyRouteComponent(() => import('./features/sessions/session-detail.page'), 'SessionDetailPage'),
});

const sessionEditRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/sesiones/$sessionId/editar',
  component: lazyRouteComponent(() => import('./features/sessions/session-form.page'), 'SessionEditPage'),
});

const agreementsRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/acuerdos',
  validateSearch: (search: Record<string, unknown>): { q?: string; status?: string; page?: number } => ({
    q: readText(search.q),
    status: readText(search.status),
    page: readPage(search.page),
  }),
  component: lazyRouteComponent(() => import('./features/agreements/agreements-list.page'), 'AgreementsListPage'),
});

const agreementDetailRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/acuerdos/$agreementId',
  component: lazyRouteComponent(() => import('./features/agreements/agreement-detail.page'), 'AgreementDetailPage'),
});

const importRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/importar',
  component: lazyRouteComponent(() => import('./features/imports/import.page'), 'ImportPage'),
});

const reportsRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/informes',
  validateSearch: (search: Record<string, unknown>): { bodyId?: string; from?: string; to?: string } => ({
    bodyId: readText(search.bodyId),
    from: readIsoDate(search.from),
    to: readIsoDate(search.to),
  }),
  component: lazyRouteComponent(() => import('./features/reports/reports.page'), 'ReportsPage'),
});

const accountsRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/cuentas',
  component: lazyRouteComponent(() => import('./features/accounts/accounts.page'), 'AccountsPage'),
});

// Plans, activities, periodic reporting and dashboards.

const plansRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/planes',
  validateSearch: (search: Record<string, unknown>): { q?: string; page?: number } => ({ q: readText(search.q), page: readPage(search.page) }),
  component: lazyRouteComponent(() => import('./features/plans/plans-list.page'), 'PlansListPage'),
});

const planNewRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/planes/nuevo',
  component: lazyRouteComponent(() => import('./features/plans/plan-form.page'), 'PlanNewPage'),
});

const planDetailRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/planes/$planId',
  component: lazyRouteComponent(() => import('./features/plans/plan-detail.page'), 'PlanDetailPage'),
});

const planNodeRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/planes/$planId/nodos/$nodeId',
  component: lazyRouteComponent(() => import('./features/plans/plan-node.page'), 'PlanNodePage'),
});

const activitiesRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/actividades',
  validateSearch: (
    search: Record<string, unknown>,
  ): { q?: string; kind?: string; stateCode?: string; organizationId?: string; planId?: string; page?: number } => ({
    q: readText(search.q),
    kind: readText(search.kind),
    stateCode: readText(search.stateCode),
    organizationId: readText(search.organizationId),
    planId: readText(search.planId),
    page: readPage(search.page),
  }),
  component: lazyRouteComponent(() => import('./features/activities/activities-list.page'), 'ActivitiesListPage'),
});

const activityNewRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/actividades/nueva',
  validateSearch: (search: Record<string, unknown>): { reportId?: string } => ({ reportId: readText(search.reportId) }),
  component: lazyRouteComponent(() => import('./features/activities/activity-form.page'), 'ActivityNewPage'),
});

const activityDetailRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/actividades/$activityId',
  component: lazyRouteComponent(() => import('./features/activities/activity-detail.page'), 'ActivityDetailPage'),
});

const activityEditRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/actividades/$activityId/editar',
  component: lazyRouteComponent(() => import('./features/activities/activity-form.page'), 'ActivityEditPage'),
});

const obligationsRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/pendientes',
  component: lazyRouteComponent(() => import('./features/reporting/obligations.page'), 'ObligationsPage'),
});

const reportRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/reportes/$reportId',
  component: lazyRouteComponent(() => import('./features/reporting/report.page'), 'ReportPage'),
});

const reportingPeriodRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/periodos/$periodId',
  component: lazyRouteComponent(() => import('./features/reporting/reporting-period.page'), 'ReportingPeriodPage'),
});

const activityDashboardRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/tableros',
  validateSearch: readDashboardSearch,
  component: lazyRouteComponent(() => import('./features/dashboards/activity-dashboard.page'), 'ActivityDashboardPage'),
});

const organizationDashboardRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: '/tableros/organizaciones/$organizationId',
  component: lazyRouteComponent(() => import('./features/dashboards/organization-dashboard.page'), 'OrganizationDashboardPage'),
});

// The public portal: no session, its own frame, its own chunks.

const publicRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/publico',
  component: lazyRouteComponent(() => import('./components/layout/public-layout.component'), 'PublicLayout'),
});

const publicHomeRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./features/public/public-home.page'), 'PublicHomePage'),
});

const publicSessionsRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/sesiones',
  validateSearch: (search: Record<string, unknown>): { page?: number } => ({ page: readPage(search.page) }),
  component: lazyRouteComponent(() => import('./features/public/public-sessions.page'), 'PublicSessionsPage'),
});

const publicSessionRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/sesiones/$sessionId',
  component: lazyRouteComponent(() => import('./features/public/public-session.page'), 'PublicSessionPage'),
});

const publicAgreementsRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/acuerdos',
  validateSearch: (search: Record<string, unknown>): { status?: string; stateCode?: string; page?: number } => ({
    status: readText(search.status),
    stateCode: readText(search.stateCode),
    page: readPage(search.page),
  }),
  component: lazyRouteComponent(() => import('./features/public/public-agreements.page'), 'PublicAgreementsPage'),
});

const publicAgreementRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/acuerdos/$agreementId',
  component: lazyRouteComponent(() => import('./features/public/public-agreement.page'), 'PublicAgreementPage'),
});

const publicReportsRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/informes',
  component: lazyRouteComponent(() => import('./features/public/public-reports.page'), 'PublicReportsPage'),
});

const openDataRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/datos-abiertos',
  component: lazyRouteComponent(() => import('./features/public/open-data.page'), 'OpenDataPage'),
});

const publicDashboardRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/tableros',
  validateSearch: readDashboardSearch,
  component: lazyRouteComponent(() => import('./features/dashboards/public-dashboard.page'), 'PublicDashboardPage'),
});

const publicPlansRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/planes',
  component: lazyRouteComponent(() => import('./features/plans/public-plans.page'), 'PublicPlansPage'),
});

const publicPlanRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/planes/$planId',
  component: lazyRouteComponent(() => import('./features/plans/public-plan.page'), 'PublicPlanPage'),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  internalRoute.addChildren([
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
    accountsRoute,
    plansRoute,
    planNewRoute,
    planDetailRoute,
    planNodeRoute,
    activitiesRoute,
    activityNewRoute,
    activityDetailRoute,
    activityEditRoute,
    obligationsRoute,
    reportRoute,
    reportingPeriodRoute,
    activityDashboardRoute,
    organizationDashboardRoute,
  ]),
  publicRoute.addChildren([
    publicHomeRoute,
    publicSessionsRoute,
    publicSessionRoute,
    publicAgreementsRoute,
    publicAgreementRoute,
    publicReportsRoute,
    openDataRoute,
    publicDashboardRoute,
    publicPlansRoute,
    publicPlanRoute,
  ]),
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
