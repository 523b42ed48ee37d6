import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportedQuestion, ImportedQuestionnaire, RichText } from '@telar/domain';
import type { Actor } from '../../platform/auth/actor.js';
import { queryRows } from '../../platform/db/query.js';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { createQuestionnaireImportService } from './questionnaire-import.service.js';

let ctx: TestContext;
let bodyId: string;
let otherBodyId: string;
let sndif: string;
const admin: Actor = { kind: 'user', id: 'admin', email: 'admin@prueba.telar.mx', name: 'Administración', roles: [{ role: 'admin', bodyId: null, organizationId: null }] };

const paragraph = (text: string): RichText => ({ blocks: [{ type: 'paragraph', content: [{ text }] }], footnotes: [] });
const question = (fields: Partial<ImportedQuestion> & Pick<ImportedQuestion, 'number' | 'text'>): ImportedQuestion => ({
  kind: 'open',
  section: null,
  required: false,
  editorialNote: null,
  options: [],
  otherText: null,
  answer: paragraph(''),
  line: 1,
  ...fields,
});

/** What the parser reads from seed 001 (the reply to JAL MEX 4/2021), shortened. */
const unReply = (): ImportedQuestionnaire => ({
  title: 'Informe a la comunicación conjunta JAL MEX 4/2021',
  reference: 'JAL MEX 4/2021',
  date: '2021-06-02',
  recipient: 'Oficina de la Alta Comisionada de las Naciones Unidas para los Derechos Humanos',
  place: 'Ginebra',
  coverNote: paragraph('La Misión Permanente transmite la respuesta del Estado mexicano.'),
  contributors: ['Sistema Nacional para el Desarrollo Integral de la Familia', 'Guardia Nacional', 'SNDIF', 'Fiscalía General de la República (FGR)'],
  preamble: null,
  questions: [
    question({ number: '1', text: 'Por favor, proporcione cualquier información adicional sobre las acusaciones.', answer: paragraph('La Guardia Nacional informa…'), line: 40 }),
    question({ number: '2', text: 'Indique las medidas adoptadas.', answer: paragraph('El SNDIF informa…'), line: 61 }),
  ],
  warnings: [{ line: 12, message: 'Párrafo sin pregunta.' }],
});

/** What the parser reads from seed 002 (Alliance 8.7): sections and closed questions with marks. */
const allianceReply = (): ImportedQuestionnaire => ({
  title: 'Cuestionario de país pionero de la Alianza 8.7',
  reference: null,
  date: '2024-05-10',
  recipient: 'Alianza 8.7',
  place: null,
  coverNote: null,
  contributors: [],
  preamble: null,
  questions: [
    question({
      number: '1.a',
      section: 'Sección 1. Compromiso',
      text: '¿Tiene el país un plan de acción nacional?',
      kind: 'yes_no',
      required: true,
      options: [
        { label: 'Sí', marked: true },
        { label: 'No', marked: false },
        { label: 'No sé', marked: false },
      ],
      answer: { blocks: [], footnotes: [] },
    }),
    question({
      number: '1.b',
      section: 'Sección 1. Compromiso',
      text: '¿Qué sectores participan?',
      kind: 'multiple_choice',
      editorialNote: 'Incluya fechas y participantes.',
      options: [
        { label: 'Gobierno federal', marked: true },
        { label: 'Sociedad civil', marked: false },
        { label: 'Otros (precisar)', marked: true },
      ],
      otherText: 'Sindicatos',
      answer: { blocks: [], footnotes: [] },
    }),
    question({ number: '2', section: 'Sección 2. Resultados', text: 'Describa los resultados.', answer: paragraph('Se publicó el protocolo.') }),
  ],
  warnings: [],
});

const countRows = async (table: string) =>
  (await queryRows<{ n: number }>(ctx.handle.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;

beforeAll(async () => {
  ctx = await createTestContext();
  bodyId = (await ctx.api('POST', '/bodies', { kind: 'system', name: 'Sistema Nacional de Protección Integral', acronym: 'SIPINNA', level: 'national' })).body.id;
  otherBodyId = (await ctx.api('POST', '/bodies', { kind: 'commission', name: 'Comisión de Justicia', acronym: 'CJ', level: 'national' })).body.id;
  sndif = (await ctx.api('POST', '/organizations', { name: 'Sistema Nacional para el Desarrollo Integral de la Familia', acronym: 'SNDIF', sector: 'government', level: 'federal' })).body.id;
});
afterAll(() => ctx.close());

describe('importing an existing reply', () => {
  it('a dry run counts exactly what it would create and writes nothing', async () => {
    const before = await Promise.all(['questionnaire_templates', 'questionnaire_exercises', 'exercise_questions', 'organizations', 'audit_entries'].map(countRows));
    const result = await createQuestionnaireImportService(ctx.handle.db, admin).importQuestionnaire(unReply(), { bodyId, dryRun: true });
    // SNDIF is matched by name and again by its acronym; the Guardia Nacional and the FGR are new.
    expect(result).toMatchObject({ exerciseId: null, templateId: null, reused: false, created: { templates: 1, exercises: 1, questions: 2, organizations: 2 } });
    expect(result.warnings.map((w) => w.message)).toEqual(['Párrafo sin pregunta.', expect.stringContaining('Guardia Nacional'), expect.stringContaining('Fiscalía General de la República')]);
    const after = await Promise.all(['questionnaire_templates', 'questionnaire_exercises', 'exercise_questions', 'organizations', 'audit_entries'].map(countRows));
    expect(after).toEqual(before);
  });

  it('imports the reply as a closed exercise with its answers and named contributors, and a second import creates nothing', async () => {
    const service = createQuestionnaireImportService(ctx.handle.db, admin);
    const first = await service.importQuestionnaire(unReply(), { bodyId, dryRun: false });
    expect(first).toMatchObject({ reused: false, created: { templates: 1, exercises: 1, questions: 2, organizations: 2 } });
    const [exercise] = await queryRows<{ status: string; replyDate: string; place: string }>(
      ctx.handle.db,
      sql`select status, reply_date as "replyDate", place from questionnaire_exercises where id = ${first.exerciseId}`,
    );
    expect(exercise).toEqual({ status: 'closed', replyDate: '2021-06-02', place: 'Ginebra' });
    const contributors = await queryRows<{ name: string; nameAsWritten: string }>(
      ctx.handle.db,
      sql`select o.name, c.name_as_written as "nameAsWritten" from exercise_contributors c join organizations o on o.id = c.organization_id
          where c.exercise_id = ${first.exerciseId} order by c.position`,
    );
    expect(contributors).toEqual([
      { name: 'Sistema Nacional para el Desarrollo Integral de la Familia', nameAsWritten: 'Sistema Nacional para el Desarrollo Integral de la Familia' },
      { name: 'Guardia Nacional', nameAsWritten: 'Guardia Nacional' },
      { name: 'Fiscalía General de la República', nameAsWritten: 'Fiscalía General de la República (FGR)' },
    ]);
    const audit = await queryRows<{ action: string; actor: string }>(ctx.handle.db, sql`select action, actor from audit_entries where entity_id = ${first.exerciseId}`);
    expect(audit).toEqual([{ action: 'import', actor: 'admin@prueba.telar.mx' }]);

    const counts = await Promise.all(['questionnaire_templates', 'questionnaire_exercises', 'exercise_questions', 'organizations'].map(countRows));
    const second = await service.importQuestionnaire(unReply(), { bodyId, dryRun: false });
    expect(second).toMatchObject({ exerciseId: first.exerciseId, templateId: first.templateId, reused: true, created: { templates: 0, exercises: 0, questions: 0, organizations: 0 } });
    expect(await Promise.all(['questionnaire_templates', 'questionnaire_exercises', 'exercise_questions', 'organizations'].map(countRows))).toEqual(counts);
  });

  it('derives keys, kinds and options from the questions and keeps the marks as the official choices', async () => {
    const service = createQuestionnaireImportService(ctx.handle.db, admin);
    const result = await service.importQuestionnaire(allianceReply(), { bodyId, dryRun: false });
    const questions = await queryRows<{ key: string; section: string; definition: { kind: string; required: boolean; editorialNote: string | null; options: object[] }; answer: { selected: string[]; otherText: string | null } }>(
      ctx.handle.db,
      sql`select key, section, definition, answer from exercise_questions where exercise_id = ${result.exerciseId} order by position`,
    );
    expect(questions.map((q) => q.key)).toEqual(['q1_a', 'q1_b', 'q2']);
    expect(questions[0]!.definition).toMatchObject({ kind: 'yes_no', required: true, options: [{ key: 'yes', label: 'Sí' }, { key: 'no', label: 'No' }, { key: 'unknown', label: 'No sé' }] });
    expect(questions[0]!.answer.selected).toEqual(['yes']);
    expect(questions[1]!.definition).toMatchObject({
      editorialNote: 'Incluya fechas y participantes.',
      options: [{ key: 'gobierno_federal' }, { key: 'sociedad_civil' }, { key: 'otros_precisar', other: true }],
    });
    expect(questions[1]!.answer).toMatchObject({ selected: ['gobierno_federal', 'otros_precisar'], otherText: 'Sindicatos' });
    const [template] = await queryRows<{ definition: { sections: { title: string; questions: object[] }[] } }>(
      ctx.handle.db,
      sql`select v.definition from questionnaire_template_versions v where v.template_id = ${result.templateId}`,
    );
    expect(template!.definition.sections.map((s) => [s.title, s.questions.length])).toEqual([['Sección 1. Compromiso', 2], ['Sección 2. Resultados', 1]]);

    // Without a reference, the same title and date is the same reply; another date is another year's reply.
    expect((await service.importQuestionnaire(allianceReply(), { bodyId, dryRun: false })).reused).toBe(true);
    const otherDate = await service.importQuestionnaire({ ...allianceReply(), date: '2023-05-02' }, { bodyId, dryRun: false });
    expect(otherDate).toMatchObject({ reused: false, created: { exercises: 1 } });
    // Next year's reply to the same questionnaire reuses its template.
    const nextYear = await service.importQuestionnaire({ ...allianceReply(), reference: 'A87-2025' }, { bodyId, dryRun: false });
    expect(nextYear).toMatchObject({ reused: false, templateId: result.templateId, created: { templates: 0, exercises: 1, questions: 3 } });
  });

  it('refuses a text the template cannot hold, naming the question and its line, and writes nothing', async () => {
    const before = await countRows('questionnaire_exercises');
    const reply = { ...unReply(), reference: 'JAL MEX 9/2022', questions: [question({ number: '7', text: 'x'.repeat(4001), line: 88 })] };
    await expect(createQuestionnaireImportService(ctx.handle.db, admin).importQuestionnaire(reply, { bodyId, dryRun: false })).rejects.toMatchObject({
      code: 'import_invalid',
      issues: [{ path: 'questions.0', message: expect.stringContaining('Pregunta 7 (línea 88)') }],
    });
    expect(await countRows('questionnaire_exercises')).toBe(before);
  });

  it('refuses an answer longer than Telar holds (one that could never be edited or carried over), naming its question and line', async () => {
    const before = await countRows('questionnaire_exercises');
    const paragraphs = Array.from({ length: 401 }, (_, n) => ({ type: 'paragraph' as const, content: [{ text: `Párrafo ${n + 1}.` }] }));
    const reply = { ...unReply(), reference: 'JAL MEX 8/2022', questions: [question({ number: '3', text: '¿Qué avances hubo?', line: 40, answer: { blocks: paragraphs, footnotes: [] } })] };
    await expect(createQuestionnaireImportService(ctx.handle.db, admin).importQuestionnaire(reply, { bodyId, dryRun: false })).rejects.toMatchObject({
      code: 'import_invalid',
      issues: [{ path: 'questions.0', message: expect.stringContaining('Pregunta 3 (línea 40)') }],
    });
    expect(await countRows('questionnaire_exercises')).toBe(before);
  });

  it('is for the body’s secretariat or an administrator only', async () => {
    const secretariatElsewhere: Actor = { kind: 'user', id: 's', email: 's@prueba.telar.mx', name: 'S', roles: [{ role: 'secretariat', bodyId: otherBodyId, organizationId: null }] };
    const enlace: Actor = { kind: 'user', id: 'e', email: 'e@prueba.telar.mx', name: 'E', roles: [{ role: 'enlace', bodyId: null, organizationId: sndif }] };
    const secretariat: Actor = { kind: 'user', id: 't', email: 't@prueba.telar.mx', name: 'T', roles: [{ role: 'secretariat', bodyId, organizationId: null }] };
    const reply = { ...unReply(), reference: 'JAL MEX 1/2020' };
    for (const actor of [secretariatElsewhere, enlace]) {
      await expect(createQuestionnaireImportService(ctx.handle.db, actor).importQuestionnaire(reply, { bodyId, dryRun: true })).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect((await createQuestionnaireImportService(ctx.handle.db, secretariat).importQuestionnaire(reply, { bodyId, dryRun: true })).created.exercises).toBe(1);
  });
});

describe('POST /questionnaire-exercises/import', () => {
  // The seeds sit beside the repository, as for the parser's own tests.
  const seed001 = () => readFileSync(new URL('../../../../../../shared/seeds/001_6f61884c0cbed154.txt', import.meta.url), 'utf8');

  it('reads the text of a reply (seed 001), previews it, imports it once and reuses it after', async () => {
    const text = seed001();
    const preview = await ctx.api('POST', '/questionnaire-exercises/import', { text, bodyId: otherBodyId, dryRun: true });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ exerciseId: null, reused: false, created: { templates: 1, exercises: 1 } });
    expect(preview.body.created.questions).toBeGreaterThan(0);
    const imported = await ctx.api('POST', '/questionnaire-exercises/import', { text, bodyId: otherBodyId, dryRun: false });
    expect(imported.body.created).toEqual(preview.body.created);
    const exercise = await ctx.api('GET', `/questionnaire-exercises/${imported.body.exerciseId}`);
    expect(exercise.body).toMatchObject({ status: 'closed', reference: 'JAL MEX 4/2021', questionCount: preview.body.created.questions });
    const again = await ctx.api('POST', '/questionnaire-exercises/import', { text, bodyId: otherBodyId, dryRun: false });
    expect(again.body).toMatchObject({ exerciseId: imported.body.exerciseId, reused: true, created: { templates: 0, exercises: 0, questions: 0, organizations: 0 } });
  });

  it('imports the Alliance 8.7 report (seed 002) with its closed questions and marks, and writes it back as a Word reply with ☒ where the seed marked', async () => {
    const text = readFileSync(new URL('../../../../../../shared/seeds/002_01b722a5f4a19936.txt', import.meta.url), 'utf8');
    const imported = await ctx.api('POST', '/questionnaire-exercises/import', { text, bodyId: otherBodyId, dryRun: false });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body.created).toMatchObject({ exercises: 1, questions: 34 });
    const exercise = (await ctx.api('GET', `/questionnaire-exercises/${imported.body.exerciseId}`)).body;
    expect(exercise).toMatchObject({ title: 'Informe de progreso anual de País Pionero 2024', questionCount: 34, answeredCount: 31 });
    const json = await ctx.api('GET', `/questionnaire-exercises/${imported.body.exerciseId}/reply?format=json`);
    const marked = Object.fromEntries((json.body.questions as { number: string; marked: string[] }[]).filter((q) => q.marked.length).map((q) => [q.number, q.marked]));
    expect(marked).toMatchObject({ '9': ['En curso'], '13': ['gran progreso'], '15': ['sí'], '25': ['no'], '29': ['sí'], '31': ['sí'], '33': ['no'] });
    expect(marked['27']).toEqual(['Organizaciones de empleadores', 'Organizaciones de trabajadores', 'Ministerios de su Gobierno']);
    const docx = await ctx.request(`/api/questionnaire-exercises/${imported.body.exerciseId}/reply?format=docx`);
    expect(docx.status).toBe(200);
    const xml = (await (await JSZip.loadAsync(await docx.arrayBuffer())).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toMatch(/☒ ?En curso/);
    expect(xml).toMatch(/☐ ?No alcanzado/);
    expect(xml).toContain('9. ¿Cuál es la situación de su próximo paso 1');
  });

  it('refuses a text with no questions, naming the line, and a caller who does not coordinate the body', async () => {
    const refused = await ctx.api('POST', '/questionnaire-exercises/import', { text: 'Solo una nota sin preguntas.', bodyId, dryRun: false });
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues[0]).toMatchObject({ path: 'text', message: expect.stringMatching(/^Línea \d+: /) });
    const enlace = await ctx.signInAs([{ role: 'enlace', organizationId: sndif }]);
    expect((await enlace('POST', '/questionnaire-exercises/import', { text: seed001(), bodyId, dryRun: true })).status).toBe(403);
  });
});
