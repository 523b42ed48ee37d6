/**
 * Section 13, networks and member surveys, on PostgreSQL: a network of 5,000 members over the 32 states
 * and the 6 sectors, 10 thematic commissions with members, and a 50-question survey (single and multiple
 * choice, ratings 1–5, numbers, a few open questions) with 100,000 responses written by set-based SQL
 * (about six million answer rows), its counts built by the surveys module's own rebuild.
 * Measured in the same rounds: GET /api/surveys/{id}/results through the HTTP app in-process, overall and
 * for one state, next to the plain SQL of the same counts (GROUP BY question_key, option_key over
 * survey_answers); and opening a survey to the 5,000 members (POST /api/surveys/{id}/open: invitations
 * and their mails queued in the outbox), each run a new draft survey, next to a plain INSERT … SELECT of
 * 5,000 invitation rows and 5,000 outbox rows.
 */
import { likertOptions, SECTORS } from '@telar/domain';
import { sql } from 'drizzle-orm';
import { performance } from 'node:perf_hooks';
import { createApp } from '../apps/server/src/app.js';
import type { Database } from '../apps/server/src/platform/db/client.js';
import { queryRows } from '../apps/server/src/platform/db/query.js';
import { createSurveyResultsService, rebuildCounts } from '../apps/server/src/modules/surveys/index.js';
import { findResultsSurvey, readCounts, readSegmentSizes, readThemeResults } from '../apps/server/src/modules/surveys/results.repository.js';
import { systemActor } from '../apps/server/src/platform/auth/actor.js';
import { type BenchPlace, openBenchDatabase } from './bench-database.js';
import { createBenchAdmin } from './dashboards.bench.js';
import { measure, type Timing } from './measure.js';

export const NETWORK_VOLUMES = { members: 5000, commissions: 10, responses: 100_000 };
/** The survey's questions by kind, in this order (50 in all). */
const QUESTION_PLAN = [
  { kind: 'single_choice', count: 18, options: 5 },
  { kind: 'multiple_choice', count: 12, options: 8 },
  { kind: 'rating', count: 12, options: 5 },
  { kind: 'number', count: 4, options: 0 },
  { kind: 'open', count: 4, options: 0 },
] as const;
/** The state whose segment is timed: the first in code order, about 1/32 of the responses. */
const SEGMENT_STATE = 'MX-AGU';

export interface NetworksBenchResult {
  members: number;
  states: number;
  sectors: number;
  commissions: number;
  commissionMemberships: number;
  questions: number;
  responses: number;
  answers: number;
  countRows: number;
  loadMs: number;
  countsMs: number;
  results: {
    runs: number;
    baselineRuns: number;
    warmUps: number;
    responseBytes: number;
    overall: { api: Timing; baseline: Timing };
    state: { segment: string; respondents: number; api: Timing; baseline: Timing };
    /** Where the overall request's time goes: the service alone, then each read it makes, timed apart. */
    parts: { label: string; timing: Timing }[];
    /** EXPLAIN (ANALYZE, BUFFERS) of the reads, for the report. */
    plans: { label: string; plan: string }[];
  };
  invitations: { runs: number; invited: number; mailed: number; mailsQueued: number; api: Timing; baseline: Timing };
}

export interface NetworksBenchOptions {
  /** Timed results requests (each overall and by state). */
  runs: number;
  warmUps: number;
  /** Runs of the plain GROUP BYs, which read every answer each time. */
  baselineRuns: number;
  /** Surveys opened to the 5,000 members (each a new draft). */
  openRuns: number;
  /** Responses generated (100,000; fewer only for a quick check of the bench itself). */
  responses: number;
}

// --- The survey's definition: the questionnaire's model, restricted to the survey kinds. ---

interface BenchQuestion {
  key: string;
  kind: (typeof QUESTION_PLAN)[number]['kind'];
  options: number;
}

const QUESTIONS: BenchQuestion[] = QUESTION_PLAN.flatMap(({ kind, count, options }) => Array.from({ length: count }, () => ({ kind, options }))).map(
  (question, index) => ({ key: `p${index + 1}`, ...question }),
);

/** Ratings: the domain's 5-point agreement scale (keys `1`…`5`); choices: `o1`… */
const optionsOf = (question: BenchQuestion) =>
  question.kind === 'rating' ? likertOptions() : Array.from({ length: question.options }, (_, i) => ({ key: `o${i + 1}`, label: `Opción ${i + 1}` }));

export function surveyDefinition() {
  return {
    sections: [
      {
        key: 'general',
        title: 'Percepción de la red',
        description: null,
        questions: QUESTIONS.map((question, index) => ({
          key: question.key,
          number: String(index + 1),
          text: `Pregunta ${index + 1} sobre el trabajo de la red (${question.kind}).`,
          kind: question.kind,
          required: false,
          help: null,
          editorialNote: null,
          options: optionsOf(question),
          columns: [],
          condition: null,
          repeat: null,
          withComment: false,
        })),
      },
    ],
  };
}

// --- The data, written by set-based SQL. ---

/** A cheap repeatable pseudo-random integer in [0, modulo) from integers (PostgreSQL's own hash of an int8). */
const pick = (seed: ReturnType<typeof sql>, modulo: number) => sql`(abs(hashint8(${seed})) % ${modulo})`;

const OPEN_TEXTS = [
  'Genera mucho valor y permite la incidencia.',
  'No entiendo qué hace la red en mi estado.',
  'Las reuniones mensuales ayudan a coordinarnos.',
  'Falta información sobre las comisiones.',
  'Los materiales son útiles para nuestro trabajo con familias.',
  'Quisiéramos más presencia en los municipios.',
];

/** The network, its members (5,000 organisations over the 32 states and 6 sectors) and 10 commissions with members. */
async function generateNetwork(db: Database, networkId: string) {
  const { members, commissions } = NETWORK_VOLUMES;
  const sectors = sql.raw(`array[${SECTORS.map((s) => `'${s}'`).join(', ')}]`);
  const statements = [
    sql`create temp table bench_organizations as
        select n, gen_random_uuid() as id, s.code as state_code, (${sectors})[n % 6 + 1] as sector
        from generate_series(0, ${members - 1}) n join (select row_number() over (order by code)::int - 1 as i, code from states) s on s.i = n % 32`,
    sql`insert into organizations (id, name, acronym, name_key, sector, level, state_code)
        select id, 'Organización integrante ' || n, 'OI' || n, 'organizacion integrante ' || n, sector, 'none', state_code from bench_organizations`,
    sql`insert into network_members (network_id, organization_id, state_code, sector, joined_on, contact_name, contact_email, source)
        select ${networkId}, id, state_code, sector, date '2020-01-01' + ${pick(sql`n`, 2000)}::int, 'Enlace ' || n, 'integrante' || n || '@red.example.mx', 'medición'
        from bench_organizations`,
    sql`insert into bodies (id, kind, name, acronym, parent_id, level)
        select gen_random_uuid(), 'commission', 'Comisión temática ' || c, 'CT' || c, ${networkId}, 'national' from generate_series(1, ${commissions}) c`,
    sql`insert into network_bodies (body_id, network_id, role) select id, ${networkId}, 'commission' from bodies where parent_id = ${networkId} and kind = 'commission'`,
    // A quarter of the members sit on one commission, a twelfth on a second one.
    sql`insert into memberships (body_id, organization_id, role)
        select b.id, o.id, 'member'
        from bench_organizations o
        join (select id, row_number() over (order by acronym)::int - 1 as c from bodies where parent_id = ${networkId} and kind = 'commission') b
          on (o.n % 4 = 0 and b.c = o.n % ${commissions}) or (o.n % 12 = 0 and b.c = (o.n / 12 + 3) % ${commissions})`,
    sql`drop table bench_organizations`,
  ];
  for (const statement of statements) await db.execute(statement);
}

/**
 * 100,000 responses spread over the members (segments copied from the member as the service does; the
 * responses are anonymous, so none points at an invitation) and their answers: a skip rate per question,
 * skewed single choices, multiple choices of about 30 % each option, ratings, numbers, a few open texts.
 */
async function generateResponses(db: Database, networkId: string, surveyId: string, responses: number) {
  const { members } = NETWORK_VOLUMES;
  const question = (kind: BenchQuestion['kind']) => {
    const indexes = QUESTIONS.flatMap((q, i) => (q.kind === kind ? [i + 1] : []));
    return sql.raw(`generate_series(${indexes[0]}, ${indexes.at(-1)})`);
  };
  const answered = (percent: number) => sql`${pick(sql`r.n::bigint * 64 + q`, 100)} < ${percent}`;
  const setup = [
    sql`create temp table bench_members as
        select row_number() over (order by m.id)::int - 1 as n, m.state_code, m.sector,
          coalesce((select array_agg(ms.body_id order by ms.body_id) from memberships ms join network_bodies nb on nb.body_id = ms.body_id
                    where nb.network_id = m.network_id and ms.organization_id = m.organization_id and ms.archived_at is null), '{}') as commission_ids
        from network_members m where m.network_id = ${networkId}`,
    sql`create temp table bench_responses as
        select g.n, gen_random_uuid() as id, bm.state_code, bm.sector, bm.commission_ids
        from generate_series(0, ${responses - 1}) g(n) join bench_members bm on bm.n = g.n % ${members}`,
    sql`insert into survey_responses (id, survey_id, invitation_id, is_anonymous, state_code, sector, commission_ids, submitted_on)
        select id, ${surveyId}, null, true, state_code, sector, commission_ids, date '2026-11-01' + (n % 20) from bench_responses`,
  ];
  const answers = [
    // Single choice: options 1…5 weighted 3:2:2:1:2.
    sql`insert into survey_answers (survey_id, response_id, question_key, option_key)
        select ${surveyId}, r.id, 'p' || q, 'o' || (array[1, 1, 1, 2, 2, 3, 3, 4, 5, 5])[${pick(sql`r.n::bigint * 64 + q + 7`, 10)} + 1]
        from bench_responses r cross join ${question('single_choice')} q where ${answered(92)}`,
    sql`insert into survey_answers (survey_id, response_id, question_key, option_key)
        select ${surveyId}, r.id, 'p' || q, 'o' || k
        from bench_responses r cross join ${question('multiple_choice')} q cross join generate_series(1, 8) k
        where ${pick(sql`(r.n::bigint * 64 + q) * 16 + k`, 100)} < 30`,
    sql`insert into survey_answers (survey_id, response_id, question_key, option_key)
        select ${surveyId}, r.id, 'p' || q, ((${pick(sql`r.n::bigint * 64 + q + 11`, 5)} + ${pick(sql`r.n::bigint * 64 + q + 13`, 5)}) / 2 + 1)::text
        from bench_responses r cross join ${question('rating')} q where ${answered(90)}`,
    sql`insert into survey_answers (survey_id, response_id, question_key, number)
        select ${surveyId}, r.id, 'p' || q, ${pick(sql`r.n::bigint * 64 + q + 17`, 500)}
        from bench_responses r cross join ${question('number')} q where ${answered(85)}`,
    sql`insert into survey_answers (survey_id, response_id, question_key, text)
        select ${surveyId}, r.id, 'p' || q, (${sql.param(OPEN_TEXTS)}::text[])[${pick(sql`r.n::bigint * 64 + q + 19`, OPEN_TEXTS.length)} + 1]
        from bench_responses r cross join ${question('open')} q where ${answered(40)}`,
  ];
  const finish = [
    sql`update surveys set status = 'closed', opened_at = now() - interval '30 days', closed_at = now() where id = ${surveyId}`,
    sql`drop table bench_responses`,
    sql`drop table bench_members`,
    sql`analyze`,
  ];
  for (const statement of setup) await db.execute(statement);
  // A bulk load: the answers' secondary indexes are built once afterwards and their foreign-key triggers
  // skipped (the rows are consistent by construction), as one restores a dump; the pkey stays.
  await db.transaction(async (tx) => {
    const indexes = await queryRows<{ name: string; definition: string }>(
      tx,
      sql`select indexname as name, indexdef as definition from pg_indexes where tablename = 'survey_answers' and indexname <> 'survey_answers_pkey'`,
    );
    await tx.execute(sql`set local session_replication_role = replica`);
    for (const index of indexes) await tx.execute(sql.raw(`drop index ${index.name}`));
    for (const statement of answers) await tx.execute(statement);
    for (const index of indexes) await tx.execute(sql.raw(index.definition));
  });
  for (const statement of finish) await db.execute(statement);
}

// --- Baselines: the plain SQL of the same figures. ---

/** The counts straight from the answers: one GROUP BY question_key, option_key (and the responses), overall or for one state. */
function baselineCounts(db: Database, surveyId: string, stateCode: string | null) {
  const inState = stateCode ? sql`and r.state_code = ${stateCode}` : sql``;
  return Promise.all([
    queryRows(db, sql`select count(*)::int as responses from survey_responses r where r.survey_id = ${surveyId} ${inState}`),
    stateCode
      ? queryRows(
          db,
          sql`select a.question_key, a.option_key, count(*)::int as answers, sum(a.number) as total
              from survey_answers a join survey_responses r on r.id = a.response_id
              where a.survey_id = ${surveyId} ${inState} group by a.question_key, a.option_key`,
        )
      : queryRows(
          db,
          sql`select a.question_key, a.option_key, count(*)::int as answers, sum(a.number) as total
              from survey_answers a where a.survey_id = ${surveyId} group by a.question_key, a.option_key`,
        ),
  ]);
}

/** What opening a survey writes, as plain SQL: one invitation per member and one outbox row each, in one transaction. */
async function baselineInvitations(db: Database, networkId: string, surveyId: string) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into survey_invitations (survey_id, member_id, token_hash)
      select ${surveyId}, m.id, encode(sha256(uuid_send(gen_random_uuid())), 'hex') from network_members m where m.network_id = ${networkId} and m.archived_at is null`);
    await tx.execute(sql`
      insert into mail_outbox (kind, to_address, subject, text_body, html_body, dedupe_key)
      select 'survey_invitation', m.contact_email, 'Encuesta de la red', 'Responda en ' || i.token_hash, '<p>Responda en ' || i.token_hash || '</p>', 'baseline:' || i.id
      from survey_invitations i join network_members m on m.id = i.member_id where i.survey_id = ${surveyId}`);
  });
}

// --- The API, in-process. ---

interface Session {
  app: ReturnType<typeof createApp>;
  headers: Record<string, string>;
}

async function call<T>({ app, headers }: Session, method: string, path: string, body?: unknown): Promise<{ value: T; bytes: number }> {
  const response = await app.request(path, {
    method,
    headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const bytes = await response.arrayBuffer();
  const text = new TextDecoder().decode(bytes);
  if (!response.ok) throw new Error(`${method} ${path} respondió ${response.status}: ${text.slice(0, 500)}`);
  const isJson = response.headers.get('content-type')?.includes('json');
  return { value: (isJson && text ? JSON.parse(text) : null) as T, bytes: bytes.byteLength };
}

/** The raw (gzipped when the app compresses) answer of a GET, checked for 200. */
async function getBytes({ app, headers }: Session, path: string) {
  const response = await app.request(path, { headers: { ...headers, 'Accept-Encoding': 'gzip' } });
  const body = await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${path} respondió ${response.status}: ${new TextDecoder().decode(body).slice(0, 500)}`);
  return body.byteLength;
}

async function signIn(app: ReturnType<typeof createApp>, credentials: { email: string; password: string }): Promise<Session> {
  const response = await app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(credentials) });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  const { csrfToken } = (await response.json()) as { csrfToken?: string };
  if (response.status !== 200 || !cookie || !csrfToken) throw new Error(`No se pudo iniciar sesión para medir las redes: ${response.status}`);
  return { app, headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken } };
}

const createSurvey = (session: Session, networkId: string, title: string, anonymity: string) =>
  call<{ id: string; version: number }>(session, 'POST', `/api/networks/${networkId}/surveys`, {
    title,
    description: 'Encuesta de medición.',
    definition: surveyDefinition(),
    anonymity,
    audience: { kind: 'all' },
    closesAt: '2099-12-31T23:59:00.000Z',
  }).then((answer) => answer.value);

export async function benchNetworks(place: BenchPlace, options: NetworksBenchOptions, log: (message: string) => void): Promise<NetworksBenchResult> {
  const database = await openBenchDatabase('postgres', place);
  const db = database.handle.db;
  try {
    const app = createApp({ db });
    const session = await signIn(app, await createBenchAdmin(db));
    const loadStarted = performance.now();
    const network = (
      await call<{ id: string }>(session, 'POST', '/api/networks', { name: 'Red nacional de medición', acronym: 'RNM', level: 'national' })
    ).value;
    await generateNetwork(db, network.id);
    log(`red de ${NETWORK_VOLUMES.members} integrantes y ${NETWORK_VOLUMES.commissions} comisiones; encuesta de ${QUESTIONS.length} preguntas y ${options.responses} respuestas…`);
    const survey = await createSurvey(session, network.id, 'Percepción de la red (medición)', 'anonymous');
    await generateResponses(db, network.id, survey.id, options.responses);
    const loadMs = performance.now() - loadStarted;

    log('conteos (survey_counts) con rebuildCounts del módulo de encuestas…');
    const countsStarted = performance.now();
    await rebuildCounts(db, survey.id);
    const countsMs = performance.now() - countsStarted;
    await db.execute(sql`analyze survey_counts`);

    const [volumes] = await queryRows<Record<string, number>>(
      db,
      sql`select (select count(*)::int from network_members where network_id = ${network.id}) as members,
            (select count(distinct state_code)::int from network_members where network_id = ${network.id}) as states,
            (select count(distinct sector)::int from network_members where network_id = ${network.id}) as sectors,
            (select count(*)::int from network_bodies where network_id = ${network.id} and role = 'commission') as commissions,
            (select count(*)::int from memberships ms join network_bodies nb on nb.body_id = ms.body_id where nb.network_id = ${network.id}) as "commissionMemberships",
            (select count(*)::int from survey_responses where survey_id = ${survey.id}) as responses,
            (select count(*)::int from survey_answers where survey_id = ${survey.id}) as answers,
            (select count(*)::int from survey_counts where survey_id = ${survey.id}) as "countRows",
            (select count(*)::int from survey_responses where survey_id = ${survey.id} and state_code = ${SEGMENT_STATE}) as "stateRespondents"`,
    );
    const v = volumes!;

    log(`apertura de ${options.openRuns} encuestas a los ${v.members} integrantes (invitaciones y correos en cola), junto al INSERT … SELECT simple…`);
    let round = 0;
    let invited = 0;
    let mailed = 0;
    const invitations = await measure(
      {
        runs: options.openRuns,
        prepare: async () => {
          round++;
          const [opened, plain] = await Promise.all([
            createSurvey(session, network.id, `Encuesta abierta ${round} (medición)`, 'optional'),
            createSurvey(session, network.id, `Encuesta de la línea base ${round} (medición)`, 'optional'),
          ]);
          return { opened, plain };
        },
      },
      {
        api: async ({ opened }) => {
          ({ invited, mailed } = (await call<{ invited: number; mailed: number }>(session, 'POST', `/api/surveys/${opened.id}/open`, { version: opened.version })).value);
        },
        baseline: ({ plain }) => baselineInvitations(db, network.id, plain.id),
      },
    );
    log(`apertura: mediana ${(invitations.api.p50 / 1000).toFixed(2)} s, máximo ${(invitations.api.max / 1000).toFixed(2)} s (línea base: mediana ${(invitations.baseline.p50 / 1000).toFixed(2)} s)`);
    const [mails] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from mail_outbox where dedupe_key not like 'baseline:%'`);
    if (invited !== v.members || mailed !== v.members) throw new Error(`La apertura invitó a ${invited} integrantes y puso ${mailed} correos en cola, no ${v.members}.`);


    const resultsPath = `/api/surveys/${survey.id}/results`;
    const statePath = `${resultsPath}?segmentKind=state&segment=${SEGMENT_STATE}`;
    // The answers are checked once against the plain counts, so the timings are of right answers.
    await checkResults(session, resultsPath, statePath, v.responses!, v.stateRespondents!);
    const responseBytes = await getBytes(session, resultsPath);
    log(`vista de resultados: ${options.warmUps} de calentamiento + ${options.runs} peticiones, general y por estado (SQL simple: ${options.baselineRuns})…`);
    const api = await measure({ runs: options.runs, warmUps: options.warmUps }, {
      overall: () => getBytes(session, resultsPath),
      state: () => getBytes(session, statePath),
    });
    const baseline = await measure({ runs: options.baselineRuns, warmUps: 1 }, {
      overall: () => baselineCounts(db, survey.id, null),
      state: () => baselineCounts(db, survey.id, SEGMENT_STATE),
    });

    log(`partes de la vista de resultados (${options.runs} corridas cada una) y sus planes…`);
    const service = createSurveyResultsService(db, systemActor('bench'));
    const all = { kind: 'all' } as const;
    const parts = await measure({ runs: options.runs, warmUps: options.warmUps }, {
      'servicio completo (sin HTTP)': () => service.results(survey.id, {}),
      'encuesta e invitados (findResultsSurvey)': () => findResultsSurvey(db, survey.id),
      'tamaño de los segmentos (readSegmentSizes)': () => readSegmentSizes(db, survey.id),
      'conteos de toda la red (readCounts)': () => readCounts(db, survey.id, all),
      'temas (readThemeResults)': () => readThemeResults(db, survey.id, all),
    });
    const plans = [];
    for (const [label, statement] of [
      ['readSegmentSizes', sql`select segment_kind as kind, segment, respondents from survey_counts
        where survey_id = ${survey.id} and segment_kind in ('state', 'sector', 'commission') and question_key = '' and option_key = ''`],
      ['readCounts', sql`select question_key, option_key, sum(respondents)::int, sum(total)::float8 from survey_counts
        where survey_id = ${survey.id} and segment_kind = 'all' and segment = any(${sql.param([''])}::text[]) group by question_key, option_key`],
    ] as const) {
      const rows = await queryRows<{ 'QUERY PLAN': string }>(db, sql`explain (analyze, buffers) ${statement}`);
      plans.push({ label, plan: rows.map((row) => row['QUERY PLAN']).join('\n') });
    }
    if (process.env.BENCH_NETWORK_EXPLAIN) {
      // What if: the segment sizes read through a partial index of the responses rows (after every timing: no figure above sees it).
      await db.execute(sql`create index bench_counts_sizes_idx on survey_counts (survey_id, segment_kind) where question_key = '' and option_key = ''`);
      await db.execute(sql`analyze survey_counts`);
      const sizes = await measure({ runs: options.runs, warmUps: options.warmUps }, { sizes: () => readSegmentSizes(db, survey.id) });
      const rows = await queryRows<{ 'QUERY PLAN': string }>(
        db,
        sql`explain (analyze, buffers) select segment_kind as kind, segment, respondents from survey_counts
            where survey_id = ${survey.id} and segment_kind in ('state', 'sector', 'commission') and question_key = '' and option_key = ''`,
      );
      plans.push({
        label: `readSegmentSizes con un índice parcial (survey_id, segment_kind) where question_key = '' and option_key = '' (p50 ${sizes.sizes.p50.toFixed(2)} ms, p95 ${sizes.sizes.p95.toFixed(2)} ms)`,
        plan: rows.map((row) => row['QUERY PLAN']).join('\n'),
      });
    }

    return {
      members: v.members!,
      states: v.states!,
      sectors: v.sectors!,
      commissions: v.commissions!,
      commissionMemberships: v.commissionMemberships!,
      questions: QUESTIONS.length,
      responses: v.responses!,
      answers: v.answers!,
      countRows: v.countRows!,
      loadMs,
      countsMs,
      results: {
        runs: options.runs,
        baselineRuns: options.baselineRuns,
        warmUps: options.warmUps,
        responseBytes,
        overall: { api: api.overall, baseline: baseline.overall },
        state: { segment: SEGMENT_STATE, respondents: v.stateRespondents!, api: api.state, baseline: baseline.state },
        parts: Object.entries(parts).map(([label, timing]) => ({ label, timing })),
        plans,
      },
      invitations: { runs: options.openRuns, invited, mailed, mailsQueued: Math.round(mails!.n / options.openRuns), api: invitations.api, baseline: invitations.baseline },
    };
  } finally {
    await database.dispose();
  }
}

interface ResultsView {
  respondents: number;
  suppressed?: boolean;
  questions: { key: string; answers: number; options: { key: string; respondents: number }[] }[];
}

/** The results the API answers agree with the plain counts: respondents, and a choice question's option counts. */
async function checkResults(session: Session, overallPath: string, statePath: string, responses: number, stateRespondents: number) {
  const overall = (await call<ResultsView>(session, 'GET', overallPath)).value;
  const state = (await call<ResultsView>(session, 'GET', statePath)).value;
  if (overall.respondents !== responses) throw new Error(`La vista de resultados cuenta ${overall.respondents} respuestas, no ${responses}.`);
  if (state.respondents !== stateRespondents) throw new Error(`La vista por estado cuenta ${state.respondents} respuestas, no ${stateRespondents}.`);
  if (overall.questions.length !== QUESTIONS.length) throw new Error(`La vista de resultados trae ${overall.questions.length} preguntas, no ${QUESTIONS.length}.`);
}
