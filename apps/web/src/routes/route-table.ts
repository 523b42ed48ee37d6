import type { RouteComponent } from '@tanstack/react-router';

/**
 * Who may open a page, which also decides the frame it opens in:
 * - `signedIn`: the internal app; without a session, to the sign-in page and back afterwards.
 * - `portal`: the public portal, no session; its `path` is under /publico ("/sesiones" is /publico/sesiones).
 * - `signedOut`: the sign-in page and the account pages reached from an e-mail, without a frame;
 *   someone already signed in goes straight on to the address its `redirect` search parameter names, or home.
 * - `open`: anyone, signed in or not, without a frame and without checking a session (a survey's
 *   personal link: whoever holds it answers, even from a browser where a coordinator is signed in).
 */
export type RouteAccess = 'signedIn' | 'portal' | 'signedOut' | 'open';

/** Reads a page's search parameters from the URL (with the readers of search-params.ts). */
type SearchReader<TSearch extends object> = (search: Record<string, unknown>) => TSearch;

/**
 * One page of the app as data. Each feature folder exports a table of these
 * (`features/<area>/<area>.routes.ts`, `as const satisfies readonly RouteEntry[]` so paths and search
 * types stay exact) and router.tsx builds the route tree from them.
 *
 * The tables are part of the entry chunk, which every page loads first, the portal's too. So a table
 * imports nothing but `lazyRouteComponent` and the readers of search-params.ts: the page's own code
 * is fetched when the page opens. Search parameters stay plain strings and numbers here, so the
 * entry chunk does not pull in the domain schemas (and zod); pages check enum values themselves.
 */
export type RouteEntry = {
  readonly path: string;
  /** The page, as `lazyRouteComponent(() => import('./x.page'), 'XPage')`. */
  readonly component: RouteComponent;
} & (
  | { readonly access: 'signedIn' | 'portal' | 'open'; readonly validateSearch?: SearchReader<object> }
  | { readonly access: 'signedOut'; readonly validateSearch: SearchReader<{ redirect?: string; token?: string }> }
);
