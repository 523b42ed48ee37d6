/**
 * Section 11, questionnaires, on PostgreSQL: an exercise with 60 questions and 30 organisations, each
 * organisation assigned every question (1,800 contributions, half accepted, every question consolidated),
 * plus a second exercise with 200 more, so the database holds 2,000 contributions. Measured in the same
 * rounds: GET …/consolidation through the HTTP app next to the plain SQL that reads the same rows; the
 * Word reply (GET …/reply?format=docx) next to the docx library packing the same text as plain paragraphs;
 * importing seed 001 (POST …/import, a dry run: the whole import, rolled back) next to parsing it alone.
 * The editor's route JS is measured from the built files like the dashboard's.
 */
import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import { sql } from 'drizzle-orm';
import { parseQuestionnaire } from '@telar/domain';
import { createApp } from '../apps/server/src/app.js';
import type { Database } from '../apps/server/src/platform/db/client.js';
import { queryRows } from '../apps/server/src/platform/db/query.js';
import { type BenchPlace, openBenchDatabase } from './bench-database.js';
import { measureRouteJs, type RouteJsResult } from './dashboard-web.bench.js';
import { createBenchAdmin } from './dashboards.bench.js';
import { measure, type Timing } from './measure.js';

export const QUESTIONNAIRE_SEED_PATH = '/work/shared/seeds/001_6f61884c0cbed154.txt';
const QUESTIONS = 60;
const ORGANIZATIONS = 30;
const EXTRA_CONTRIBUTIONS = 200;

export interface QuestionnairesBenchResult {
  questions: number;
  organizations: number;
  contributions: number;
  consolidationBytes: number;
  consolidation: { api: Timing; baseline: Timing };
  docxBytes: number;
  docx: { api: Timing; baseline: Timing };
  importSeed: { api: Timing; parse: Timing; questions: number };
  /** JS the editors' routes add to the shell: the contribution page and the consolidation page. */
  editorJs: { contribution: RouteJsResult; consolidation: RouteJsResult };
}

/** A repeatable id of version 4 shape (the API's ids are checked as such): an md5 with its version and variant digits set. */
const id = (kind: string, n: ReturnType<typeof sql>) => sql`overlay(overlay(md5(${kind} || ${n}) placing '4' from 13) placing 'a' from 17)::uuid`;
/** Two paragraphs of ordinary reply prose (~600 characters), as a RichText answer built in SQL. */
const answerOf = (n: ReturnType<typeof sql>, organization: ReturnType<typeof sql> | null) => sql`jsonb_build_object(
  'text', jsonb_build_object('blocks', jsonb_build_array(
      jsonb_build_object('type', 'paragraph', 'content', jsonb_build_array(jsonb_build_object('text',
        'El ' || (${n} % 28 + 1) || ' de marzo de 2024 se llevó a cabo la capacitación «Prevención de la explotación sexual infantil en entornos digitales», dirigida a personas servidoras públicas de las Procuradurías de Protección de 17 entidades federativas, con 160 participantes.')),
        'sources', ${organization === null ? sql`'[]'::jsonb` : sql`jsonb_build_array(${organization})`}),
      jsonb_build_object('type', 'paragraph', 'content', jsonb_build_array(jsonb_build_object('text',
        'Asimismo, en coordinación con el Sistema Nacional DIF, se difundieron materiales de prevención en las redes sociales institucionales y se elaboró un protocolo de atención para niñas, niños y adolescentes víctimas, aprobado en la sesión ordinaria ' || ${n} || '.')),
        'sources', ${organization === null ? sql`'[]'::jsonb` : sql`jsonb_build_array(${organization})`})),
    'footnotes', '[]'::jsonb),
  'selected', '[]'::jsonb, 'otherText', null, 'number', null, 'date', null, 'rows', '[]'::jsonb)`;

async function generate(db: Database) {
  const definition = {
    sections: [
      {
        key: 'general',
        title: 'Preguntas',
        description: null,
        questions: Array.from({ length: QUESTIONS }, (_, i) => ({
          key: `q${i + 1}`,
          number: String(i + 1),
          text: `Sírvase proporcionar información sobre las medidas adoptadas (${i + 1}).`,
          kind: 'open',
          required: false,
          help: null,
          editorialNote: null,
          options: [],
          columns: [],
          condition: null,
          repeat: null,
          withComment: false,
        })),
      },
    ],
  };
  const statements = [
    sql`insert into bodies (id, kind, name, acronym, level) values (${id('body', sql`0`)}, 'commission', 'Comisión de medición', 'CMED', 'national')`,
    sql`insert into organizations (id, name, name_key, sector, level) select ${id('org', sql`n`)}, 'Dependencia de prueba ' || n, 'dependencia de prueba ' || n, 'government', 'federal' from generate_series(0, ${ORGANIZATIONS - 1}) n`,
    sql`insert into questionnaire_templates (id, name, body_id) values (${id('template', sql`0`)}, 'Cuestionario de medición', ${id('body', sql`0`)})`,
    sql`insert into questionnaire_template_versions (id, template_id, number, definition) values (${id('version', sql`0`)}, ${id('template', sql`0`)}, 1, ${JSON.stringify(definition)}::jsonb)`,
    sql`insert into questionnaire_exercises (id, template_version_id, body_id, title, reference, status)
        select ${id('exercise', sql`n`)}, ${id('version', sql`0`)}, ${id('body', sql`0`)}, 'Comunicación de medición ' || n, 'MED ' || n || '/2026', 'open' from generate_series(0, 1) n`,
    sql`insert into exercise_questions (id, exercise_id, key, position, number, text, definition, answer)
        select ${id('question', sql`e || '-' || q`)}, ${id('exercise', sql`e`)}, 'q' || q, q, q::text, 'Sírvase proporcionar información sobre las medidas adoptadas (' || q || ').',
          ${JSON.stringify(definition.sections[0]!.questions[0])}::jsonb || jsonb_build_object('key', 'q' || q, 'number', q::text),
          case when e = 0 then ${answerOf(sql`q`, sql`${id('org', sql`q % ${ORGANIZATIONS}`)}`)} else ${answerOf(sql`q`, null)} end
        from generate_series(0, 1) e, generate_series(1, ${QUESTIONS}) q`,
    // Every organisation on every question of the first exercise; half accepted, the rest spread over the other statuses.
    sql`insert into questionnaire_contributions (exercise_id, question_id, organization_id, status, answer, submitted_at, reviewed_at)
        select ${id('exercise', sql`0`)}, ${id('question', sql`'0-' || q`)}, ${id('org', sql`o`)},
          (array['accepted', 'submitted', 'accepted', 'draft', 'accepted', 'sent_back'])[(q + o) % 6 + 1],
          ${answerOf(sql`q * 100 + o`, null)}, now(), now()
        from generate_series(1, ${QUESTIONS}) q, generate_series(0, ${ORGANIZATIONS - 1}) o`,
    sql`insert into questionnaire_contributions (exercise_id, question_id, organization_id, status, answer)
        select ${id('exercise', sql`1`)}, ${id('question', sql`'1-' || (n % ${QUESTIONS} + 1)`)}, ${id('org', sql`n / ${QUESTIONS}`)}, 'accepted', ${answerOf(sql`n`, null)}
        from generate_series(0, ${EXTRA_CONTRIBUTIONS - 1}) n`,
    sql`analyze`,
  ];
  for (const statement of statements) await db.execute(statement);
  const [exercise] = await queryRows<{ id: string; body_id: string }>(db, sql`select id, body_id from questionnaire_exercises where title = 'Comunicación de medición 0'`);
  const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from questionnaire_contributions`);
  return { exerciseId: exercise!.id, bodyId: exercise!.body_id, contributions: count!.n };
}

/** What the consolidation view reads, as plain SQL: the questions with their answers and the accepted contributions with their organisation. */
const baselineConsolidation = (db: Database, exerciseId: string) =>
  Promise.all([
    queryRows(db, sql`select id, number, text, definition, answer, version from exercise_questions where exercise_id = ${exerciseId} order by position`),
    queryRows(
      db,
      sql`select c.id, c.question_id, c.status, c.answer, o.id as organization_id, o.name, o.acronym
          from questionnaire_contributions c join organizations o on o.id = c.organization_id where c.exercise_id = ${exerciseId}`,
    ),
  ]);

/** The docx library packing the reply's text as plain paragraphs: what any Word output costs. */
async function baselineDocx(db: Database, exerciseId: string) {
  const rows = await queryRows<{ number: string; text: string; answer: { text: { blocks: { content?: { text: string }[] }[] } } }>(
    db,
    sql`select number, text, answer from exercise_questions where exercise_id = ${exerciseId} order by position`,
  );
  const paragraphs = rows.flatMap((row) => [
    new Paragraph(`${row.number}. ${row.text}`),
    ...row.answer.text.blocks.map((block) => new Paragraph((block.content ?? []).map((inline) => inline.text).join(''))),
  ]);
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

async function request(app: ReturnType<typeof createApp>, path: string, init: RequestInit) {
  const response = await app.request(path, init);
  const body = await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${path} respondió ${response.status}: ${new TextDecoder().decode(body)}`);
  return body.byteLength;
}

export async function benchQuestionnaires(place: BenchPlace, options: { runs: number; warmUps: number }, log: (message: string) => void): Promise<QuestionnairesBenchResult> {
  const database = await openBenchDatabase('postgres', place);
  const db = database.handle.db;
  try {
    const { exerciseId, bodyId, contributions } = await generate(db);
    log(`${QUESTIONS} preguntas, ${ORGANIZATIONS} organizaciones y ${contributions} aportaciones cargadas; vista de consolidación…`);
    const app = createApp({ db });
    const { cookie, csrfToken } = await signIn(app, await createBenchAdmin(db));
    const headers = { Cookie: cookie, 'Accept-Encoding': 'gzip' };

    const consolidationPath = `/api/questionnaire-exercises/${exerciseId}/consolidation`;
    const consolidationBytes = await request(app, consolidationPath, { headers });
    const consolidation = await measure(options, {
      api: () => request(app, consolidationPath, { headers }),
      baseline: () => baselineConsolidation(db, exerciseId),
    });

    log('respuesta en Word…');
    const docxPath = `/api/questionnaire-exercises/${exerciseId}/reply?format=docx`;
    const docxBytes = await request(app, docxPath, { headers });
    const docx = await measure({ runs: Math.max(10, Math.trunc(options.runs / 10)), warmUps: 2 }, {
      api: () => request(app, docxPath, { headers }),
      baseline: () => baselineDocx(db, exerciseId),
    });

    log('importación de la semilla 001 (simulada: todo el trabajo, sin guardar)…');
    const text = readFileSync(QUESTIONNAIRE_SEED_PATH, 'utf8');
    const parsed = parseQuestionnaire(text);
    if (!parsed.ok) throw new Error(`La semilla 001 no se pudo leer: ${parsed.errors.map((e) => `línea ${e.line}: ${e.message}`).join('; ')}`);
    const importInit = {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
      body: JSON.stringify({ text, bodyId, dryRun: true }),
    };
    const importSeed = await measure({ runs: 30, warmUps: 3 }, {
      api: () => request(app, '/api/questionnaire-exercises/import', importInit),
      parse: async () => parseQuestionnaire(text),
    });
    return {
      questions: QUESTIONS,
      organizations: ORGANIZATIONS,
      contributions,
      consolidationBytes,
      consolidation,
      docxBytes,
      docx,
      importSeed: { api: importSeed.api, parse: importSeed.parse, questions: parsed.value.questions.length },
      editorJs: { contribution: measureRouteJs(/^contribution\.page-[\w-]+\.js$/), consolidation: measureRouteJs(/^consolidation\.page-[\w-]+\.js$/) },
    };
  } finally {
    await database.dispose();
  }
}

/** Signs in; the answer carries the session's CSRF token, which the import (a write) needs. */
async function signIn(app: ReturnType<typeof createApp>, credentials: { email: string; password: string }) {
  const response = await app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(credentials) });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  const { csrfToken } = (await response.json()) as { csrfToken?: string };
  if (response.status !== 200 || !cookie || !csrfToken) throw new Error(`No se pudo iniciar sesión para medir los cuestionarios: ${response.status}`);
  return { cookie, csrfToken };
}
