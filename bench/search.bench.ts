/**
 * Latency of `GET /api/search` on a database holding both synthetic datasets (sessions, agreements,
 * follow-ups, organisations and bodies; plans, nodes, reports and a million activities), measured
 * three ways in the same rounds: through the HTTP app (session cookie, validation, service, JSON),
 * the service alone (its SQL and the titles), and a plain-SQL baseline: the simplest search across
 * the same tables — one GIN lookup per type, 20 ids each, no ranking, facets or display.
 */
import { SEARCH_TYPES, type SearchResultView } from '@telar/domain';
import { sql } from 'drizzle-orm';
import { createApp } from '../apps/server/src/app.js';
import type { Database } from '../apps/server/src/platform/db/client.js';
import { queryRows, toPrefixTsQuery } from '../apps/server/src/platform/db/query.js';
import { createServices } from '../apps/server/src/services.js';
import { systemActor } from '../apps/server/src/platform/auth/actor.js';
import { measure, type Timing } from './measure.js';
import { signInReader } from './queries.bench.js';

export interface SearchBenchResult {
  label: string;
  q: string;
  /** Items returned and the facet counts (capped), as the API answered. */
  items: number;
  facets: Record<string, number>;
  api: Timing;
  service: Timing;
  baseline: Timing;
}

/** Words a person would type: common ones (thousands of matches), an acronym, a session ordinal, accents left out. */
const CASES: { label: string; q: string }[] = [
  { label: 'palabra común «violencia»', q: 'violencia' },
  { label: 'sin acento «ninas»', q: 'ninas' },
  { label: 'dos palabras «trabajo infantil»', q: 'trabajo infantil' },
  { label: 'sigla «COMSE»', q: 'COMSE' },
  { label: 'ordinal «Vigésima Cuarta»', q: 'Vigésima Cuarta' },
  { label: 'número de sesión «24»', q: '24' },
  { label: 'actividad «capacitación»', q: 'capacitación' },
  { label: 'estado «Jalisco»', q: 'Jalisco' },
];

/** The tables with a search column, and the plain lookup the baseline makes in each. */
const BASELINE_TABLES = ['organizations', 'bodies', 'agreements', 'follow_ups', 'plans', 'plan_nodes', 'activities'];

function baseline(db: Database, q: string) {
  const query = toPrefixTsQuery(q)!;
  const lookups = BASELINE_TABLES.map(
    (table) => sql`(select id from ${sql.identifier(table)} where search @@ to_tsquery('telar_es', ${query}) and archived_at is null limit 20)`,
  );
  return queryRows(db, sql.join(lookups, sql` union all `));
}

export async function benchSearch(db: Database, options: { runs: number; warmUps: number }, onProgress: (message: string) => void): Promise<SearchBenchResult[]> {
  const app = createApp({ db });
  // Its own account: section 8 measures the lists on the same database, with theirs.
  const cookie = await signInReader(db, app, 'busqueda@medicion.telar.mx');
  const service = createServices(db, systemActor('bench')).search;
  const results: SearchBenchResult[] = [];
  for (const { label, q } of CASES) {
    const path = `/api/search?${new URLSearchParams({ q })}`;
    const response = await app.request(path, { headers: { Cookie: cookie } });
    if (response.status !== 200) throw new Error(`${path} respondió ${response.status}: ${await response.text()}`);
    const answer = (await response.json()) as SearchResultView;
    const timings = await measure(options, {
      api: async () => {
        const r = await app.request(path, { headers: { Cookie: cookie, 'Accept-Encoding': 'gzip' } });
        await r.arrayBuffer();
      },
      service: () => service.search({ q, limit: 20 }),
      baseline: () => baseline(db, q),
    });
    const facets = Object.fromEntries(SEARCH_TYPES.map((type) => [type, answer.facets.find((f) => f.type === type)?.count ?? 0]));
    results.push({ label, q, items: answer.items.length, facets, ...timings });
    onProgress(`${label}: API p95 ${timings.api.p95.toFixed(1)} ms, servicio p95 ${timings.service.p95.toFixed(1)} ms, SQL simple p95 ${timings.baseline.p95.toFixed(1)} ms`);
  }
  return results;
}
