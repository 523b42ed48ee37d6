/**
 * Latency of the list and search endpoints on the synthetic dataset, measured twice: through the HTTP
 * app in-process (routing, validation, service, JSON, gzip) and as the repository call alone, which is
 * the raw SQL the endpoint runs. The gap between the two is what the API layer costs.
 */
import { sql } from 'drizzle-orm';
import { createApp } from '../apps/server/src/app.js';
import { systemActor } from '../apps/server/src/platform/auth/actor.js';
import type { Database } from '../apps/server/src/platform/db/client.js';
import { type AgreementFilter, listAgreements } from '../apps/server/src/modules/sessions/index.js';
import { listOrganizations, type OrganizationFilter } from '../apps/server/src/modules/directory/index.js';
import { queryRows } from '../apps/server/src/platform/db/query.js';
import { listSessions, type SessionFilter } from '../apps/server/src/modules/sessions/index.js';
import { createAuthService, generatePassword } from '../apps/server/src/modules/accounts/index.js';
import { measure, type Timing } from './measure.js';

const PAGE = { page: 1, pageSize: 25 };

/** One list endpoint with one filter; the same filter builds the URL and the repository call. */
type QueryCase =
  | { label: string; resource: 'sessions'; filter: SessionFilter }
  | { label: string; resource: 'agreements'; filter: AgreementFilter }
  | { label: string; resource: 'organizations'; filter: OrganizationFilter };

export interface QueryResult {
  label: string;
  path: string;
  /** Rows the filter matches (the page's `total`). */
  total: number;
  api: Timing;
  sql: Timing;
}

export interface QueryBenchOptions {
  runs: number;
  warmUps: number;
}

/** Lists are internal data: creates a reader account and signs in through the API, returning its session cookie. */
export async function signInReader(db: Database, app: ReturnType<typeof createApp>, email = 'lectura@medicion.telar.mx'): Promise<string> {
  const password = generatePassword();
  await createAuthService(db).createUser(systemActor('bench'), { email, name: 'Medición', password, roles: [{ role: 'reader', bodyId: null, organizationId: null }] });
  const response = await app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 200 || !cookie) throw new Error(`No se pudo iniciar sesión para medir la API: ${response.status} ${await response.text()}`);
  return cookie;
}

/** The body with the most sessions, so "filter by body" returns a full page. */
async function findBusiestBody(db: Database): Promise<string> {
  const [row] = await queryRows<{ id: string }>(db, sql`select body_id as id from sessions group by body_id order by count(*) desc, body_id limit 1`);
  if (!row) throw new Error('El conjunto de datos no tiene sesiones.');
  return row.id;
}

function buildCases(bodyId: string): QueryCase[] {
  return [
    { label: 'sesiones, página 1', resource: 'sessions', filter: {} },
    { label: 'sesiones por órgano', resource: 'sessions', filter: { bodyId } },
    { label: 'sesiones por periodo (1 trimestre)', resource: 'sessions', filter: { from: '2020-01-01', to: '2020-03-31' } },
    { label: 'acuerdos por estatus', resource: 'agreements', filter: { status: 'pending' } },
    { label: 'acuerdos por entidad', resource: 'agreements', filter: { stateCode: 'MX-JAL' } },
    { label: 'búsqueda sesiones q=niña', resource: 'sessions', filter: { q: 'niña' } },
    { label: 'búsqueda acuerdos q=violencia', resource: 'agreements', filter: { q: 'violencia' } },
    { label: 'búsqueda organizaciones q=protección', resource: 'organizations', filter: { q: 'protección' } },
  ];
}

function listWithRepository(db: Database, queryCase: QueryCase): Promise<{ total: number }> {
  switch (queryCase.resource) {
    case 'sessions':
      return listSessions(db, queryCase.filter, PAGE);
    case 'agreements':
      return listAgreements(db, queryCase.filter, PAGE);
    case 'organizations':
      return listOrganizations(db, queryCase.filter, PAGE);
  }
}

function toPath(queryCase: QueryCase): string {
  const params = new URLSearchParams({ ...(queryCase.filter as Record<string, string>), page: String(PAGE.page), pageSize: String(PAGE.pageSize) });
  return `/api/${queryCase.resource}?${params}`;
}

/** Measures every case through the API and through its repository call, after checking both agree. */
export async function benchQueries(db: Database, options: QueryBenchOptions, onProgress: (message: string) => void): Promise<QueryResult[]> {
  const app = createApp({ db });
  // Every request carries the session cookie a browser would, so the API figure includes resolving it.
  const headers = { Cookie: await signInReader(db, app), 'Accept-Encoding': 'gzip' };
  const cases = buildCases(await findBusiestBody(db));
  const results: QueryResult[] = [];
  for (const queryCase of cases) {
    const path = toPath(queryCase);
    // A browser sends Accept-Encoding, so the API figure includes the compression it triggers.
    const requestApi = async () => {
      const response = await app.request(path, { headers });
      const body = await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path} respondió ${response.status}: ${new TextDecoder().decode(body)}`);
    };
    const { total } = await listWithRepository(db, queryCase);
    const apiTotal = ((await (await app.request(path, { headers: { Cookie: headers.Cookie } })).json()) as { total: number }).total;
    if (apiTotal !== total) throw new Error(`${path}: la API cuenta ${apiTotal} filas y el repositorio ${total}.`);
    const timings = await measure(options, { api: requestApi, sql: () => listWithRepository(db, queryCase) });
    results.push({ label: queryCase.label, path, total, ...timings });
    onProgress(`${queryCase.label}: API p95 ${timings.api.p95.toFixed(1)} ms, SQL p95 ${timings.sql.p95.toFixed(1)} ms`);
  }
  return results;
}
