import { hashKey, MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Link,
  lazyRouteComponent,
  Outlet,
  redirect,
  type AnyRoute,
  type ErrorComponentProps,
  type ResolveFullPath,
  type ResolveId,
  type RouteConstraints,
  type Route,
} from '@tanstack/react-router';
import { describeApiError } from './api/api-error.util';
import { meQuery } from './api/auth-resources';
import { ApiError } from './api/client';
import { PageHeader } from './components/page-header.component';
import { LoadingLine } from './components/query-content.component';
import { accountsRoutes, PASSWORD_CHANGE_PATH } from './features/accounts/accounts.routes';
import { activitiesRoutes } from './features/activities/activities.routes';
import { agreementsRoutes } from './features/agreements/agreements.routes';
import { authRoutes } from './features/auth/auth.routes';
import { bodiesRoutes } from './features/bodies/bodies.routes';
import { dashboardRoutes } from './features/dashboard/dashboard.routes';
import { dashboardsRoutes } from './features/dashboards/dashboards.routes';
import { importsRoutes } from './features/imports/imports.routes';
import { networksRoutes } from './features/networks/networks.routes';
import { organizationsRoutes } from './features/organizations/organizations.routes';
import { plansRoutes } from './features/plans/plans.routes';
import { publicRoutes } from './features/public/public.routes';
import { questionnairesRoutes } from './features/questionnaires/questionnaires.routes';
import { reportingRoutes } from './features/reporting/reporting.routes';
import { reportsRoutes } from './features/reports/reports.routes';
import { searchRoutes } from './features/search/search.routes';
import { notificationsRoutes } from './features/notifications/notifications.routes';
import { sessionsRoutes } from './features/sessions/sessions.routes';
import { statisticsRoutes } from './features/statistics/statistics.routes';
import { surveysRoutes } from './features/surveys/surveys.routes';
import { t } from './i18n/translate';
import type { RouteAccess, RouteEntry } from './routes/route-table';

/**
 * A session that ended (expired, signed out elsewhere) makes any internal request answer 401: forget
 * the person and send them to sign in, back to this page afterwards. The portal and the sign-in page
 * never need a session; the person's own query is handled by the route guard below.
 */
function handleSessionEnd(error: unknown) {
  if (!(error instanceof ApiError && error.isUnauthenticated)) return;
  const { pathname, href } = router.state.location;
  if (pathname.startsWith('/ingresar') || pathname.startsWith('/publico') || pathname.startsWith('/encuesta/')) return;
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

/**
 * The router fetches a page's code only once every guard has answered; the frame's and the page's
 * chunks are fetched while the session is checked instead, so the two wait for each other no more.
 */
function preloadPageCode(matches: readonly { routeId: string }[]): void {
  for (const { routeId } of matches) void router.loadRouteChunk((router.routesById as Record<string, AnyRoute>)[routeId]!)?.catch(() => undefined);
}

/**
 * Every internal page sits under this guard: without a session, to the sign-in page and back; with a
 * password someone else set, to the page that changes it (the API answers nothing else) and back.
 */
const internalRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_internal',
  beforeLoad: async ({ context, location, matches }) => {
    preloadPageCode(matches);
    try {
      const me = await context.queryClient.ensureQueryData(meQuery);
      if (me.mustChangePassword && location.pathname !== PASSWORD_CHANGE_PATH) throw redirect({ to: PASSWORD_CHANGE_PATH, search: { redirect: location.href } });
    } catch (error) {
      if (error instanceof ApiError && error.isUnauthenticated) throw redirect({ to: '/ingresar', search: { redirect: location.href } });
      throw error;
    }
  },
  component: lazyRouteComponent(() => import('./components/layout/app-layout.component'), 'AppLayout'),
});

/** The public portal: no session, its own frame, its own chunks. */
const publicRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/publico',
  component: lazyRouteComponent(() => import('./components/layout/public-layout.component'), 'PublicLayout'),
});

/** Where each kind of page hangs (see RouteAccess). */
const parentRoutes = { signedIn: internalRoute, portal: publicRoute, signedOut: rootRoute, open: rootRoute };

/** Someone already signed in goes straight on (and a sign-in sent with a live session would be refused). */
async function sendSignedInOn({ context, search }: { context: { queryClient: QueryClient }; search: { redirect?: string } }): Promise<void> {
  const me = await context.queryClient.ensureQueryData(meQuery).catch(() => null);
  if (me) throw redirect({ href: search.redirect ?? '/' });
}

/** The route of one table entry, under the frame its access asks for. */
function pageRoute(entry: RouteEntry) {
  return createRoute({
    getParentRoute: (): ParentRoute => parentRoutes[entry.access],
    path: entry.path,
    validateSearch: entry.validateSearch,
    beforeLoad: entry.access === 'signedOut' ? sendSignedInOn : undefined,
    component: entry.component,
  });
}

/** Every page of the app: each feature folder's table. */
const routeTable = [
  ...authRoutes,
  ...dashboardRoutes,
  ...organizationsRoutes,
  ...bodiesRoutes,
  ...sessionsRoutes,
  ...agreementsRoutes,
  ...importsRoutes,
  ...reportsRoutes,
  ...accountsRoutes,
  ...plansRoutes,
  ...activitiesRoutes,
  ...reportingRoutes,
  ...questionnairesRoutes,
  ...dashboardsRoutes,
  ...statisticsRoutes,
  ...networksRoutes,
  ...surveysRoutes,
  ...searchRoutes,
  ...notificationsRoutes,
  ...publicRoutes,
] as const;

type TableEntry = (typeof routeTable)[number];
type ParentRoute = RouteConstraints['TParentRoute'];
type SearchOf<TEntry> = TEntry extends { validateSearch: infer TValidate } ? TValidate : undefined;
/** The type createRoute gives a table entry's page when the call is written out for that entry. */
type PageRoute<TEntry> = TEntry extends RouteEntry ? PageRouteUnder<(typeof parentRoutes)[TEntry['access']], TEntry> : never;
type PageRouteUnder<TParent, TEntry extends RouteEntry> = TParent extends ParentRoute
  ? Route<unknown, TParent, TEntry['path'], ResolveFullPath<TParent, TEntry['path']>, string, ResolveId<TParent, string, TEntry['path']>, SearchOf<TEntry>>
  : never;

/**
 * The pages of one kind, in the order of the table. TypeScript cannot carry each entry's own types
 * through `map`, so they are given the types their routes would have if each were written out: that
 * keeps links, `getRouteApi` ids, params and search parameters checked against the table.
 */
function pageRoutes<TAccess extends RouteAccess>(access: TAccess) {
  return routeTable.filter((entry) => entry.access === access).map(pageRoute) as unknown as PageRoute<Extract<TableEntry, { access: TAccess }>>[];
}

const routeTree = rootRoute.addChildren([
  ...pageRoutes('signedOut'),
  ...pageRoutes('open'),
  internalRoute.addChildren(pageRoutes('signedIn')),
  publicRoute.addChildren(pageRoutes('portal')),
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
