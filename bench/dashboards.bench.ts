/**
 * Latency of the dashboard aggregations on the plans dataset (generate-plans-dataset.ts), measured
 * three ways: through the HTTP app in-process (session cookie, routing, validation, service, JSON,
 * gzip), as the service/repository call alone (what the endpoint runs: it reads the derived tables
 * activity_totals and activity_node_totals), and as the plain SQL GROUP BY over the raw tables with the
 * same filters — what the dashboards would cost without the derived tables.
 */
import type { ActivityDashboardView, DashboardFilter, PlanDetailView } from '@telar/domain';
import { type SQL, sql } from 'drizzle-orm';
import { createApp } from '../apps/server/src/app.js';
import { systemActor } from '../apps/server/src/platform/auth/actor.js';
import type { Database } from '../apps/server/src/platform/db/client.js';
import { isValidatedActivity } from '../apps/server/src/modules/activities/index.js';
import { findIndicatorView, listIndicatorValues } from '../apps/server/src/modules/indicators/index.js';
import { queryRows, whereAll } from '../apps/server/src/platform/db/query.js';
import { readActivityDashboard } from '../apps/server/src/modules/dashboards/index.js';
import { readPlanDetail } from '../apps/server/src/modules/plans/index.js';
import { createAuthService, generatePassword } from '../apps/server/src/modules/accounts/index.js';
import { measure, type Timing } from './measure.js';

export interface DashboardResult {
  label: string;
  path: string;
  /** Rows the API answers with (states, nodes, values…), to show what each figure moves. */
  rows: number;
  /** Gzipped bytes of the API's answer. */
  responseBytes: number;
  api: Timing;
  /** The service/repository call the endpoint makes (derived tables for the dashboards). */
  service: Timing;
  /** GROUP BY over the raw tables, same filters. */
  sql: Timing;
}

export interface DashboardBenchOptions {
  runs: number;
  warmUps: number;
  /** Runs of the raw GROUP BY, which reads the million activities each time (fewer: it is the baseline). */
  rawRuns: number;
}

export const ADMIN = { email: 'administracion@medicion.telar.mx', name: 'Medición de tableros' };

/** An administrator, created directly (as `telar users create-admin` does); returns the password. */
export async function createBenchAdmin(db: Database): Promise<{ email: string; password: string }> {
  const password = generatePassword();
  await createAuthService(db).createUser(systemActor('bench'), { email: ADMIN.email, name: ADMIN.name, password, roles: [{ role: 'admin', bodyId: null, organizationId: null }] });
  return { email: ADMIN.email, password };
}

async function signIn(app: ReturnType<typeof createApp>, credentials: { email: string; password: string }): Promise<string> {
  const response = await app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(credentials) });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 200 || !cookie) throw new Error(`No se pudo iniciar sesión para medir los tableros: ${response.status} ${await response.text()}`);
  return cookie;
}

// --- The raw GROUP BYs: what the dashboard reads, computed from activities and their links. ---

const validated = isValidatedActivity(sql`a`);
const rawSums = sql`count(a.id)::int as activities, coalesce(sum(a.events), 0)::float8 as events,
  coalesce(sum(a.participants), 0)::float8 as participants, coalesce(sum(a.people_reached), 0)::float8 as "peopleReached"`;

function rawWhere(filter: DashboardFilter, { isValidated = true, withState = true } = {}): SQL {
  return whereAll([
    sql`a.archived_at is null`,
    isValidated ? validated : sql`not ${validated}`,
    filter.from ? sql`a.start_date >= ${`${filter.from}-01-01`}` : undefined,
    filter.to ? sql`a.start_date <= ${`${filter.to}-12-31`}` : undefined,
    filter.kind ? sql`a.kind = ${filter.kind}` : undefined,
    withState && filter.stateCode ? sql`exists (select 1 from activity_states st where st.activity_id = a.id and st.state_code = ${filter.stateCode})` : undefined,
  ])!;
}

/** The five reads of the dashboard (total, pending review, by state, by year, by kind) over the raw tables, concurrently as the service does. */
async function rawDashboard(db: Database, filter: DashboardFilter) {
  const [[total], [pending], byState, byYear, byKind] = await Promise.all([
    queryRows<{ activities: number }>(db, sql`select ${rawSums} from activities a where ${rawWhere(filter)}`),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from activities a where ${rawWhere(filter, { isValidated: false })}`),
    queryRows<{ stateCode: string; activities: number }>(
      db,
      sql`select s.code as "stateCode", s.population, ${rawSums},
            round((coalesce(sum(a.participants), 0) * 100000.0 / s.population)::numeric, 2)::float8 as "participantsPer100k"
          from states s left join (activity_states st join activities a on a.id = st.activity_id and ${rawWhere(filter, { withState: false })}) on st.state_code = s.code
          group by s.code, s.population order by s.code`,
    ),
    queryRows(db, sql`select extract(year from a.start_date)::int::text as period, ${rawSums} from activities a where ${rawWhere(filter)} group by 1 order by 1`),
    queryRows(db, sql`select a.kind, ${rawSums} from activities a where ${rawWhere(filter)} group by a.kind order by activities desc, a.kind`),
  ]);
  return { total: total!, pendingReview: pending!.n, byState, byYear, byKind };
}

/** Validated activities per node of a plan, from the link table. */
const rawPlanNodeCounts = (db: Database, planId: string) =>
  queryRows<{ id: string; activities: number }>(
    db,
    sql`select n.id, count(a.id)::int as activities from plan_nodes n
        left join activity_plan_nodes an on an.plan_node_id = n.id
        left join activities a on a.id = an.activity_id and a.archived_at is null and ${validated}
        where n.plan_id = ${planId} and n.archived_at is null group by n.id`,
  );

/** An indicator's values by state and period: the total and how many breakdowns each has. */
const rawIndicatorValues = (db: Database, indicatorId: string) =>
  queryRows(
    db,
    sql`select v.state_code, v.period, min(v.period_start) as start, sum(v.value) filter (where v.disaggregation = '')::float8 as total, count(*)::int as breakdowns
        from indicator_values v where v.indicator_id = ${indicatorId} group by v.state_code, v.period order by start, v.state_code nulls first`,
  );

interface Case {
  label: string;
  path: string;
  service: () => Promise<unknown>;
  sql: () => Promise<unknown>;
  /** Checks the API's answer against the raw SQL (the derived tables must agree with the raw tables); returns its row count. */
  check: (answer: unknown) => Promise<number>;
}

function dashboardCase(db: Database, label: string, filter: DashboardFilter): Case {
  const params = new URLSearchParams(Object.entries(filter).map(([k, v]) => [k, String(v)]));
  return {
    label,
    path: `/api/dashboards/activities${params.size ? `?${params}` : ''}`,
    service: () => readActivityDashboard(db, filter),
    sql: () => rawDashboard(db, filter),
    async check(answer) {
      const view = answer as ActivityDashboardView;
      const raw = await rawDashboard(db, filter);
      const stateSum = (rows: { activities: number }[]) => rows.reduce((sum, r) => sum + r.activities, 0);
      if (view.total.activities !== raw.total.activities || view.pendingReview !== raw.pendingReview || stateSum(view.byState) !== stateSum(raw.byState)) {
        throw new Error(
          `${label}: los totales derivados no cuadran con las tablas crudas (API ${view.total.activities}/${view.pendingReview}/${stateSum(view.byState)}, ` +
            `SQL ${raw.total.activities}/${raw.pendingReview}/${stateSum(raw.byState)}).`,
        );
      }
      return view.byState.length + view.byYear.length + view.byKind.length;
    },
  };
}

const flatten = (nodes: PlanDetailView['nodes']): PlanDetailView['nodes'] => nodes.flatMap((node) => [node, ...flatten(node.children ?? [])]);

export async function benchDashboards(
  db: Database,
  admin: { email: string; password: string },
  options: DashboardBenchOptions,
  onProgress: (message: string) => void,
): Promise<DashboardResult[]> {
  const app = createApp({ db });
  const headers = { Cookie: await signIn(app, admin), 'Accept-Encoding': 'gzip' };
  const [plan] = await queryRows<{ id: string }>(db, sql`select plan_id as id from plan_nodes group by plan_id order by count(*) desc, plan_id limit 1`);
  // The indicator with the most values (a monthly one): the heaviest detail page.
  const [indicator] = await queryRows<{ id: string }>(
    db,
    sql`select i.id from indicators i where i.periodicity = 'monthly' and i.formula is null order by i.code limit 1`,
  );
  const [year] = await queryRows<{ year: number }>(db, sql`select max(extract(year from month))::int as year from activity_totals`);
  if (!plan || !indicator || !year) throw new Error('El conjunto de datos de planes está vacío: ejecute generatePlansDataset primero.');

  const cases: Case[] = [
    dashboardCase(db, 'tablero, todos los años', {}),
    dashboardCase(db, `tablero, un año (${year.year})`, { from: year.year, to: year.year }),
    dashboardCase(db, 'tablero, una entidad (MX-JAL)', { stateCode: 'MX-JAL' }),
    dashboardCase(db, 'tablero, un tipo (training)', { kind: 'training' }),
    {
      label: 'árbol del plan más grande',
      path: `/api/plans/${plan.id}`,
      service: () => readPlanDetail(db, plan.id),
      sql: () => rawPlanNodeCounts(db, plan.id),
      async check(answer) {
        const nodes = flatten((answer as PlanDetailView).nodes);
        const raw = new Map((await rawPlanNodeCounts(db, plan.id)).map((r) => [r.id, r.activities]));
        const wrong = nodes.find((node) => (raw.get(node.id) ?? 0) !== node.activityCount);
        if (wrong) throw new Error(`Nodo ${wrong.code}: la API cuenta ${wrong.activityCount} actividades y la tabla cruda ${raw.get(wrong.id)}.`);
        return nodes.length;
      },
    },
    {
      label: 'detalle de indicador (mensual)',
      path: `/api/indicators/${indicator.id}`,
      service: async () => {
        const view = await findIndicatorView(db, indicator.id);
        return listIndicatorValues(db, { id: indicator.id, formula: null, baseIndicatorId: null }, { withBreakdowns: false }).then((values) => ({ ...view, values }));
      },
      sql: () => rawIndicatorValues(db, indicator.id),
      check: async (answer) => (answer as { values: unknown[] }).values.length,
    },
  ];

  const results: DashboardResult[] = [];
  for (const testCase of cases) {
    const first = await app.request(testCase.path, { headers: { Cookie: headers.Cookie } });
    if (first.status !== 200) throw new Error(`${testCase.path} respondió ${first.status}: ${await first.text()}`);
    const rows = await testCase.check(await first.json());
    let responseBytes = 0;
    const api = async () => {
      const response = await app.request(testCase.path, { headers });
      const body = await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${testCase.path} respondió ${response.status}: ${new TextDecoder().decode(body)}`);
      responseBytes = body.byteLength;
    };
    const { api: apiTiming, service } = await measure({ runs: options.runs, warmUps: options.warmUps }, { api, service: testCase.service });
    const { sql: sqlTiming } = await measure({ runs: options.rawRuns, warmUps: 2 }, { sql: testCase.sql });
    results.push({ label: testCase.label, path: testCase.path, rows, responseBytes, api: apiTiming, service, sql: sqlTiming });
    onProgress(`${testCase.label}: API p95 ${apiTiming.p95.toFixed(1)} ms, servicio p95 ${service.p95.toFixed(1)} ms, SQL crudo p95 ${sqlTiming.p95.toFixed(1)} ms`);
  }
  return results;
}
