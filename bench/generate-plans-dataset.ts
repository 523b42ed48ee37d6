/**
 * A national-scale synthetic dataset for plans, activities and indicators: 5 plans of 100–300 nodes
 * (a tree of objectives, strategies and lines of action), reporting periods and reports, a million
 * activities over 2016–2025 with their states, municipalities (all 2,469), organisations and plan
 * nodes, and ~230 indicators with ten million values (monthly or quarterly × national + 32 states ×
 * total, sex and age groups). Set-based SQL only, like generate-dataset.ts; it runs on top of that
 * dataset or on a bare migrated database (it then creates the body and organisations it needs).
 * Ends with rebuildActivityTotals (the derived dashboard tables) and VACUUM ANALYZE.
 */
import { ACTIVITY_KINDS, DEFAULT_PLAN_STATUSES } from '@telar/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../apps/server/src/platform/db/client.js';
import { rebuildActivityTotals } from '../apps/server/src/modules/activities/index.js';
import { queryRows } from '../apps/server/src/platform/db/query.js';

/** Volumes at scale 1 (plans, nodes and periods do not scale). */
export const PLANS_BASE_VOLUMES = { activities: 1_000_000, indicatorValues: 10_000_000, organizations: 2_000 } as const;
export const PLAN_COUNT = 5;
export const YEARS = { from: 2016, to: 2025 } as const;
/** Breakdowns of every indicator value: the total, by sex and by age group (one dimension per value). */
const DISAGGREGATIONS = ['', 'sex=female', 'sex=male', ...['0-2', '3-5', '6-8', '9-11', '12-14', '15-17', '18-29', '30-59', '60+'].map((g) => `age_group=${g}`)];
/** Places of every indicator value: national (null) and the 32 states. */
const PLACES = 33;
/** One indicator in seven is quarterly, the rest monthly. */
const QUARTERLY_EVERY = 7;
const REPORTS_PER_PERIOD = 40;

export interface PlansDatasetVolumes {
  plans: number;
  planNodes: number;
  reports: number;
  activities: number;
  activityStates: number;
  activityMunicipalities: number;
  activityPlanNodes: number;
  activityOrganizations: number;
  indicators: number;
  indicatorValues: number;
  activityTotals: number;
}

const CHUNK_ACTIVITIES = 100_000;
const CHUNK_INDICATORS = 10;
const n = (value: number) => sql.raw(String(Math.trunc(value)));
const textArray = (words: readonly string[]) => sql`array[${sql.join(words.map((w) => sql`${w}`), sql`, `)}]::text[]`;
/** md5-derived UUIDs, with version and variant nibbles set, so child rows compute their parent's id. */
const benchId = (entity: string, ordinal: SQL) =>
  sql`overlay(overlay(md5(${sql.raw(`'bench-plans-${entity}-'`)} || (${ordinal})) placing '4' from 13) placing '8' from 17)::uuid`;
/** A stable pseudo-random integer ≥ 0 from an integer expression (Knuth's multiplicative hash). */
const hash = (x: SQL) => sql`((((${x})::bigint * 2654435761) % 4294967296 + 4294967296) % 4294967296 / 65536)::int`;

const count = async (db: Database, table: string) => (await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;

/** Values per indicator, by its ordinal. */
const valuesPerIndicator = (ordinal: number) => (ordinal % QUARTERLY_EVERY === QUARTERLY_EVERY - 1 ? 4 : 12) * (YEARS.to - YEARS.from + 1) * PLACES * DISAGGREGATIONS.length;

export async function generatePlansDataset(db: Database, scale: number, onProgress: (message: string) => void = () => {}): Promise<PlansDatasetVolumes> {
  const activityCount = Math.max(1_000, Math.round(PLANS_BASE_VOLUMES.activities * scale));
  const valueTarget = Math.max(100_000, Math.round(PLANS_BASE_VOLUMES.indicatorValues * scale));
  let indicatorCount = 0;
  for (let total = 0; total < valueTarget; indicatorCount++) total += valuesPerIndicator(indicatorCount);

  const bodyId = await ensureBody(db);
  const organizationIds = await ensureOrganizations(db, PLANS_BASE_VOLUMES.organizations);
  onProgress(`órgano y ${organizationIds} organizaciones listos`);
  await insertPlans(db, bodyId);
  onProgress(`${PLAN_COUNT} planes, ${await count(db, 'plan_nodes')} nodos, ${await count(db, 'reports')} reportes`);

  for (let low = 0; low < activityCount; low += CHUNK_ACTIVITIES) {
    const high = Math.min(activityCount, low + CHUNK_ACTIVITIES) - 1;
    await db.transaction(async (tx) => {
      for (const statement of buildActivities(sql`generate_series(${n(low)}, ${n(high)}) as n`, bodyId)) await tx.execute(statement);
    });
    onProgress(`actividades: ${high + 1}/${activityCount}`);
  }

  await insertIndicators(db, indicatorCount);
  // Ten million rows into three random-order B-trees is most of the load; building them afterwards
  // from sorted input is several times faster. Same definitions, read from the catalogue and replayed.
  const restoreIndexes = await dropIndexes(db, 'indicator_values');
  for (let low = 0; low < indicatorCount; low += CHUNK_INDICATORS) {
    const high = Math.min(indicatorCount, low + CHUNK_INDICATORS) - 1;
    await db.execute(buildIndicatorValues(low, high));
    onProgress(`valores de indicadores: indicadores ${high + 1}/${indicatorCount}`);
  }
  onProgress('valores de indicadores: recreando índices…');
  await restoreIndexes();

  onProgress('reconstruyendo activity_totals y activity_node_totals…');
  await db.transaction((tx) => rebuildActivityTotals(tx));
  onProgress('vacuum analyze…');
  await db.execute(sql`vacuum analyze`);
  await db.execute(sql`checkpoint`);

  const volumes: PlansDatasetVolumes = {
    plans: await count(db, 'plans'),
    planNodes: await count(db, 'plan_nodes'),
    reports: await count(db, 'reports'),
    activities: await count(db, 'activities'),
    activityStates: await count(db, 'activity_states'),
    activityMunicipalities: await count(db, 'activity_municipalities'),
    activityPlanNodes: await count(db, 'activity_plan_nodes'),
    activityOrganizations: await count(db, 'activity_organizations'),
    indicators: await count(db, 'indicators'),
    indicatorValues: await count(db, 'indicator_values'),
    activityTotals: await count(db, 'activity_totals'),
  };
  return volumes;
}

/**
 * Drops a table's indexes (its primary key included) and returns what recreates them exactly as they
 * were. Foreign keys pointing at the table would block dropping its key; indicator_values has none.
 */
async function dropIndexes(db: Database, table: string): Promise<() => Promise<void>> {
  const indexes = await queryRows<{ name: string; definition: string; constraint: string | null }>(
    db,
    sql`select i.relname as name, pg_get_indexdef(i.oid) as definition,
          (select pg_get_constraintdef(c.oid) from pg_constraint c where c.conindid = i.oid and c.conrelid = t.oid) as constraint
        from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
        where t.relname = ${table} and t.relnamespace = 'public'::regnamespace`,
  );
  for (const index of indexes) {
    await db.execute(sql.raw(index.constraint ? `alter table ${table} drop constraint ${index.name}` : `drop index ${index.name}`));
  }
  return async () => {
    // More memory per sort than the default 64 MB: each index is built in one pass.
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local maintenance_work_mem = '512MB'`);
      for (const index of indexes) {
        await tx.execute(sql.raw(index.constraint ? `alter table ${table} add constraint ${index.name} ${index.constraint}` : index.definition));
      }
    });
  };
}

/** The national system, created when the database has no bodies (a bare migrated database). */
async function ensureBody(db: Database): Promise<string> {
  const [existing] = await queryRows<{ id: string }>(db, sql`select id from bodies where level = 'national' and parent_id is null order by created_at limit 1`);
  if (existing) return existing.id;
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into bodies (id, kind, name, acronym, parent_id, level, state_code)
      values (${benchId('body', sql`'national'`)}, 'system', 'Sistema Nacional de Protección Integral de Niñas, Niños y Adolescentes', 'SIPINNA', null, 'national', null)
      returning id`,
  );
  return row!.id;
}

/** At least `wanted` organisations (the generic dataset's, topped up with synthetic ones). */
async function ensureOrganizations(db: Database, wanted: number): Promise<number> {
  const missing = wanted - (await count(db, 'organizations'));
  if (missing > 0) {
    await db.execute(sql`with s as (select array_agg(code order by code) as codes from states)
      insert into organizations (id, name, acronym, name_key, sector, level, state_code)
      select ${benchId('org', sql`n`)}, 'Organización de planes ' || n, null, 'organizacion de planes ' || n,
        (array['civil_society', 'government', 'academia', 'private_sector', 'international'])[1 + n % 5],
        case when n % 5 = 1 then 'state' else 'none' end, s.codes[1 + n % 32]
      from generate_series(0, ${n(missing - 1)}) as n cross join s`);
  }
  return count(db, 'organizations');
}

/**
 * Plan p (0–4) has 5 objectives × 4 strategies × (4 + 2p) lines of action: 105 to 265 nodes.
 * Each plan has 20 half-year reporting periods over the ten years, each with 40 organisations' reports:
 * 60% accepted, 20% submitted, 10% sent back, 10% still due.
 */
async function insertPlans(db: Database, bodyId: string) {
  const statuses = JSON.stringify(DEFAULT_PLAN_STATUSES);
  const statusKeys = textArray(DEFAULT_PLAN_STATUSES.map((s) => s.key));
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into plans (id, name, short_name, description, body_id, period_from, period_to, statuses, published_at)
      select ${benchId('plan', sql`p`)}, 'Programa sintético de protección integral ' || (p + 1), 'PSPI-' || (p + 1),
        'Plan generado para medir los tableros', ${bodyId}, ${`${YEARS.from}-01-01`}::date, ${`${YEARS.to}-12-31`}::date, ${statuses}::jsonb, now()
      from generate_series(0, ${n(PLAN_COUNT - 1)}) as p`);
    await tx.execute(sql`insert into plan_nodes (id, plan_id, parent_id, position, kind, code, title)
      select ${benchId('node', sql`p || '-' || o`)}, ${benchId('plan', sql`p`)}, null, o, 'objective', (o + 1)::text,
        'Objetivo ' || (o + 1) || ': garantizar el derecho a la protección de niñas, niños y adolescentes'
      from generate_series(0, ${n(PLAN_COUNT - 1)}) as p cross join generate_series(0, 4) as o`);
    await tx.execute(sql`insert into plan_nodes (id, plan_id, parent_id, position, kind, code, title)
      select ${benchId('node', sql`p || '-' || o || '-' || s`)}, ${benchId('plan', sql`p`)}, ${benchId('node', sql`p || '-' || o`)}, s, 'strategy',
        (o + 1) || '.' || (s + 1), 'Estrategia ' || (o + 1) || '.' || (s + 1) || ' de prevención y atención'
      from generate_series(0, ${n(PLAN_COUNT - 1)}) as p cross join generate_series(0, 4) as o cross join generate_series(0, 3) as s`);
    await tx.execute(sql`insert into plan_nodes (id, plan_id, parent_id, position, kind, code, title, status, progress, start_date, due_date)
      select ${benchId('node', sql`p || '-' || o || '-' || s || '-' || l`)}, ${benchId('plan', sql`p`)}, ${benchId('node', sql`p || '-' || o || '-' || s`)}, l,
        'action_line', (o + 1) || '.' || (s + 1) || '.' || (l + 1), 'Línea de acción ' || (o + 1) || '.' || (s + 1) || '.' || (l + 1) || ': capacitar y difundir',
        (${statusKeys})[1 + (p * 7 + o * 5 + s * 3 + l) % ${n(DEFAULT_PLAN_STATUSES.length)}], ((p * 7 + o * 5 + s * 3 + l) * 13) % 101,
        date '2019-01-01', date '2019-01-01' + ((o * 4 + s) * 97 + l * 31) % 2900
      from generate_series(0, ${n(PLAN_COUNT - 1)}) as p cross join generate_series(0, 4) as o cross join generate_series(0, 3) as s
        cross join lateral generate_series(0, 3 + 2 * p) as l`);
    await tx.execute(sql`insert into reporting_periods (id, plan_id, title, period_from, period_to, due_date, closed_at)
      select ${benchId('period', sql`p || '-' || h`)}, ${benchId('plan', sql`p`)},
        (${n(YEARS.from)} + h / 2) || ' semestre ' || (h % 2 + 1),
        make_date(${n(YEARS.from)} + h / 2, 1 + 6 * (h % 2), 1), (make_date(${n(YEARS.from)} + h / 2, 1 + 6 * (h % 2), 1) + interval '6 months' - interval '1 day')::date,
        (make_date(${n(YEARS.from)} + h / 2, 1 + 6 * (h % 2), 1) + interval '7 months')::date, null
      from generate_series(0, ${n(PLAN_COUNT - 1)}) as p cross join generate_series(0, ${n((YEARS.to - YEARS.from + 1) * 2 - 1)}) as h`);
    // Report r is organisation (r * 37) mod organisations of period r / 40; ordinal = (p * 20 + h) * 40 + k.
    await tx.execute(sql`with o as (select array_agg(id order by id) as ids from organizations)
      insert into reports (id, reporting_period_id, organization_id, status, submitted_at, reviewed_at)
      select ${benchId('report', sql`r`)}, ${benchId('period', sql`(r / ${n(REPORTS_PER_PERIOD * 20)}) || '-' || (r / ${n(REPORTS_PER_PERIOD)}) % 20`)},
        o.ids[1 + (r % ${n(REPORTS_PER_PERIOD)}) * 37 % cardinality(o.ids)],
        case when ${hash(sql`r`)} % 10 < 6 then 'accepted' when ${hash(sql`r`)} % 10 < 8 then 'submitted' when ${hash(sql`r`)} % 10 < 9 then 'sent_back' else 'due' end,
        case when ${hash(sql`r`)} % 10 < 9 then now() end, case when ${hash(sql`r`)} % 10 < 9 and ${hash(sql`r`)} % 10 <> 6 and ${hash(sql`r`)} % 10 <> 7 then now() end
      from generate_series(0, ${n(PLAN_COUNT * 20 * REPORTS_PER_PERIOD - 1)}) as r cross join o`);
  });
}

/** Arrays every activity chunk reads: kinds, states, municipalities, leaf nodes, organisations. */
const catalogueCte = sql`c as (select
  ${textArray(ACTIVITY_KINDS)} as kinds,
  (select array_agg(code order by code) from states) as states,
  (select array_agg(cvegeo order by cvegeo) from municipalities) as municipalities,
  (select array_agg(id order by id) from plan_nodes where kind = 'action_line') as leaves,
  (select array_agg(id order by id) from organizations) as orgs)`;

const TITLES = [
  'Capacitación en derechos de niñas, niños y adolescentes',
  'Campaña de prevención de la violencia sexual infantil',
  'Foro estatal de participación adolescente',
  'Visita de inspección a centros de trabajo agrícola',
  'Taller sobre crianza positiva para familias',
  'Mesa de trabajo sobre niñez migrante',
  'Jornada de registro de nacimiento oportuno',
  'Difusión del protocolo contra el ciberacoso',
];

/**
 * Activity n: kind and start date from hashes of n (2016–2025), 1–3 states, 30% with 1–2 municipalities,
 * 40% linked to a line of action, a lead organisation and a partner in one of four, one in ten filed in a report;
 * all of them the body's, like its plans.
 */
function buildActivities(range: SQL, bodyId: string): SQL[] {
  const id = benchId('activity', sql`n`);
  const days = (YEARS.to - YEARS.from + 1) * 365 + 2;
  const reportCount = PLAN_COUNT * 20 * REPORTS_PER_PERIOD;
  return [
    sql`with ${catalogueCte}
    insert into activities (id, body_id, kind, title, description, start_date, end_date, date_precision, audience, events, participants, people_reached, report_id, source)
    select ${id}, ${bodyId}::uuid, c.kinds[1 + ${hash(sql`n`)} % cardinality(c.kinds)], (${textArray(TITLES)})[1 + n % ${n(TITLES.length)}] || ' ' || n,
      case when n % 3 = 0 then 'Actividad registrada para la medición de los tableros' end,
      date ${sql.raw(`'${YEARS.from}-01-01'`)} + ${hash(sql`n + 7`)} % ${n(days)},
      case when n % 4 = 0 then date ${sql.raw(`'${YEARS.from}-01-01'`)} + ${hash(sql`n + 7`)} % ${n(days)} + n % 30 end,
      'day', case when n % 5 = 0 then 'Personal docente' end,
      1 + n % 5, 10 + ${hash(sql`n + 3`)} % 400, 50 + ${hash(sql`n + 5`)} % 5000,
      case when n % 10 = 3 then ${benchId('report', sql`(n / 10) % ${n(reportCount)}`)} end, 'medición'
    from ${range} cross join c`,
    sql`with ${catalogueCte}
    insert into activity_states (activity_id, state_code)
    select ${id}, c.states[1 + (${hash(sql`n + 11`)} + pos * 11) % 32]
    from ${range} cross join c cross join lateral generate_series(0, n % 3) as pos`,
    sql`with ${catalogueCte}
    insert into activity_municipalities (activity_id, cvegeo)
    select ${id}, c.municipalities[1 + (${hash(sql`n + 13`)} + pos * 997) % cardinality(c.municipalities)]
    from ${range} cross join c cross join lateral generate_series(0, n % 2) as pos
    where n % 10 < 3`,
    sql`with ${catalogueCte}
    insert into activity_plan_nodes (activity_id, plan_node_id)
    select ${id}, c.leaves[1 + ${hash(sql`n + 17`)} % cardinality(c.leaves)]
    from ${range} cross join c where n % 5 in (1, 3)`,
    sql`with ${catalogueCte}
    insert into activity_organizations (activity_id, organization_id, role, position)
    select ${id}, c.orgs[1 + (${hash(sql`n + 19`)} + pos * (1 + n % 97)) % cardinality(c.orgs)], case when pos = 0 then 'lead' else 'partner' end, pos
    from ${range} cross join c cross join lateral generate_series(0, case when n % 4 = 0 then 1 else 0 end) as pos`,
  ];
}

/** Indicator i sits on line of action i mod leaves; one in seven is quarterly, the rest monthly. */
async function insertIndicators(db: Database, total: number) {
  await db.execute(sql`with ${catalogueCte}
    insert into indicators (id, plan_node_id, code, name, unit, baseline, baseline_year, target, target_year, periodicity, source, disaggregations)
    select ${benchId('indicator', sql`i`)}, c.leaves[1 + (i * 7) % cardinality(c.leaves)], 'IND-' || lpad((i + 1)::text, 3, '0'),
      'Niñas, niños y adolescentes atendidos (indicador ' || (i + 1) || ')', 'personas', 100 + i, ${n(YEARS.from)}, 1000 + i * 10, ${n(YEARS.to)},
      case when i % ${n(QUARTERLY_EVERY)} = ${n(QUARTERLY_EVERY - 1)} then 'quarterly' else 'monthly' end, 'Registros administrativos', array['sex', 'age_group']
    from generate_series(0, ${n(total - 1)}) as i cross join c`);
}

/** Every value of indicators low…high: its periods × national and 32 states × the breakdowns. */
function buildIndicatorValues(low: number, high: number): SQL {
  const months = (YEARS.to - YEARS.from + 1) * 12;
  return sql`with periods as (
      select 'monthly' as periodicity, to_char(make_date(${n(YEARS.from)} + m / 12, 1 + m % 12, 1), 'YYYY-MM') as period, make_date(${n(YEARS.from)} + m / 12, 1 + m % 12, 1) as start, m as k
      from generate_series(0, ${n(months - 1)}) as m
      union all
      select 'quarterly', (${n(YEARS.from)} + q / 4) || '-T' || (q % 4 + 1), make_date(${n(YEARS.from)} + q / 4, 1 + 3 * (q % 4), 1), q
      from generate_series(0, ${n(months / 3 - 1)}) as q),
    places as (select null::text as code, 0 as k union all select code, row_number() over (order by code)::int from states),
    breakdowns as (select d, k::int - 1 as k from unnest(${textArray(DISAGGREGATIONS)}) with ordinality as b(d, k)),
    i as (select i, ${benchId('indicator', sql`i`)} as id, case when i % ${n(QUARTERLY_EVERY)} = ${n(QUARTERLY_EVERY - 1)} then 'quarterly' else 'monthly' end as periodicity
      from generate_series(${n(low)}, ${n(high)}) as i)
    insert into indicator_values (indicator_id, period, period_start, state_code, disaggregation, value, source)
    select i.id, p.period, p.start, pl.code, b.d,
      (case when pl.k = 0 then 32 else 1 end) * (case when b.k = 0 then 3 else 1 end) * (20 + ${hash(sql`i.i * 100003 + p.k * 1009 + pl.k * 37 + b.k`)} % 500),
      'Registros administrativos'
    from i join periods p on p.periodicity = i.periodicity cross join places pl cross join breakdowns b
    order by i.i, p.start, pl.k, b.k`;
}
