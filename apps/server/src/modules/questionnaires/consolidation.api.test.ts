import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, composeFromContribution, emptyAnswer, type ImportedQuestion, type ImportedQuestionnaire, type RichText } from '@telar/domain';
import type { Actor } from '../../platform/auth/actor.js';
import { queryRows } from '../../platform/db/query.js';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { buildConsolidatedReply, createConsolidationService, createPublicReplyService } from './consolidation.service.js';
import { createQuestionnaireImportService } from './questionnaire-import.service.js';

let ctx: TestContext;
let bodyId: string;
const org: Record<'sndif' | 'stps' | 'fgr', string> = { sndif: '', stps: '', fgr: '' };
let nodeId: string;
let exerciseId: string;
const q: Record<'open' | 'yesNo' | 'node' | 'empty', string> = { open: '', yesNo: '', node: '', empty: '' };
const contributionIds: Record<string, string> = {};

const admin: Actor = { kind: 'user', id: 'admin', email: 'admin@prueba.telar.mx', name: 'Administración', roles: [{ role: 'admin', bodyId: null, organizationId: null }] };
let coordinator: Actor;
let enlace: Actor;

const paragraph = (text: string, sources?: string[]): RichText['blocks'][number] => ({ type: 'paragraph', content: [{ text }], ...(sources ? { sources } : {}) });
const textAnswer = (...blocks: RichText['blocks']): Answer => ({ ...emptyAnswer(), text: { blocks, footnotes: [] } });
const question = (number: string, text: string, fields: Partial<ImportedQuestion> = {}): ImportedQuestion => ({
  number, text, kind: 'open', section: null, required: false, editorialNote: null, options: [], otherText: null, answer: { blocks: [], footnotes: [] }, line: 1, ...fields,
});
const questionnaire = (title: string, questions: ImportedQuestion[]): ImportedQuestionnaire => ({
  title, reference: null, date: '2024-02-01', recipient: 'Alianza 8.7', place: 'Ciudad de México', coverNote: null, contributors: [], preamble: null, questions, warnings: [],
});

/** Until the exercise workflow (branch qcore) is on main, contributions are written as it leaves them. */
async function contribute(questionId: string, organizationId: string, status: string, answer: Answer) {
  const [row] = await queryRows<{ id: string }>(
    ctx.handle.db,
    sql`insert into questionnaire_contributions (exercise_id, question_id, organization_id, status, answer)
        values (${exerciseId}, ${questionId}, ${organizationId}, ${status}, ${JSON.stringify(answer)}::jsonb) returning id`,
  );
  return row!.id;
}

const service = (actor: Actor = coordinator) => createConsolidationService(ctx.handle.db, actor);
const entryOf = async (questionId: string) => (await service().getConsolidation(exerciseId)).questions.find((e) => e.question.id === questionId)!;

beforeAll(async () => {
  ctx = await createTestContext();
  bodyId = (await ctx.api('POST', '/bodies', { kind: 'system', name: 'Sistema Nacional de Protección Integral', acronym: 'SIPINNA', level: 'national' })).body.id;
  for (const [key, name, acronym] of [['sndif', 'Sistema Nacional para el Desarrollo Integral de la Familia', 'SNDIF'], ['stps', 'Secretaría del Trabajo y Previsión Social', 'STPS'], ['fgr', 'Fiscalía General de la República', 'FGR']] as const) {
    org[key] = (await ctx.api('POST', '/organizations', { name, acronym, sector: 'government', level: 'federal' })).body.id;
  }
  coordinator = { kind: 'user', id: 'c', email: 'coordinacion@prueba.telar.mx', name: 'Coordinación', roles: [{ role: 'secretariat', bodyId, organizationId: null }] };
  enlace = { kind: 'user', id: 'e', email: 'enlace@prueba.telar.mx', name: 'Enlace', roles: [{ role: 'enlace', bodyId: null, organizationId: org.sndif }] };

  const plan = (await ctx.api('POST', '/plans', { name: 'Hoja de ruta 8.7', bodyId, periodFrom: '2019-01-01', periodTo: '2024-12-31' })).body;
  nodeId = (await ctx.api('POST', '/plan-nodes', { planId: plan.id, parentId: null, kind: 'axis', code: '1', title: 'Prevención', status: 'in_progress' })).body.id;
  const activity = (title: string, startDate: string, endDate: string | null, participants: number | null) =>
    ctx.api('POST', '/activities', { bodyId, kind: 'training', title, startDate, endDate, participants, events: 2, leadOrganizationIds: [org.stps], planNodeIds: [nodeId] });
  expect((await activity('Capacitación a inspectores', '2023-03-14', '2023-03-15', 120)).status).toBe(201);
  expect((await activity('Foro de 2021', '2021-05-01', null, 40)).status).toBe(201);
  expect((await activity('Campaña que cruza el año', '2022-11-01', '2023-01-31', null)).status).toBe(201);

  const importer = createQuestionnaireImportService(ctx.handle.db, admin);
  const previous = await importer.importQuestionnaire(
    questionnaire('Cuestionario 2022', [question('1', '¿Qué medidas se adoptaron?', { answer: { blocks: [paragraph('Medidas de 2022.', [])], footnotes: [] } })]),
    { bodyId, dryRun: false },
  );
  const current = await importer.importQuestionnaire(
    questionnaire('Cuestionario 2023', [
      question('1', '¿Qué medidas se adoptaron?'),
      question('2', '¿Hay un plan nacional?', { kind: 'yes_no', options: [{ label: 'Sí', marked: false }, { label: 'No', marked: false }, { label: 'No aplica', marked: false }] }),
      question('3', 'Avance de la línea 1'),
      question('4', 'Otras acciones'),
    ]),
    { bodyId, dryRun: false },
  );
  exerciseId = current.exerciseId!;
  // What creating the exercise from a template with a plan and a previous exercise leaves (branch qcore).
  await ctx.handle.db.execute(sql`update questionnaire_exercises set status = 'open', period_from = '2023-01-01', period_to = '2023-12-31', plan_id = ${plan.id},
    previous_exercise_id = ${previous.exerciseId} where id = ${exerciseId}`);
  const questions = await queryRows<{ id: string; key: string }>(ctx.handle.db, sql`select id, key from exercise_questions where exercise_id = ${exerciseId} order by position`);
  [q.open, q.yesNo, q.node, q.empty] = questions.map((row) => row.id) as [string, string, string, string];
  await ctx.handle.db.execute(sql`update exercise_questions set carried_answer = (select answer from exercise_questions where exercise_id = ${previous.exerciseId} and key = 'q1')
    where id in (${q.open}, ${q.empty})`);
  await ctx.handle.db.execute(sql`update exercise_questions set plan_node_id = ${nodeId} where id = ${q.node}`);

  contributionIds.sndif = await contribute(q.open, org.sndif, 'accepted', textAnswer(paragraph('El SNDIF capacitó a 300 personas.'), paragraph('Publicó un protocolo.')));
  contributionIds.stps = await contribute(q.open, org.stps, 'accepted', textAnswer(paragraph('La STPS realizó 40 inspecciones.')));
  await contribute(q.open, org.fgr, 'submitted', textAnswer(paragraph('Aún en revisión.')));
  await contribute(q.yesNo, org.sndif, 'accepted', { ...emptyAnswer(), selected: ['yes'] });
});
afterAll(() => ctx.close());

describe('consolidation view', () => {
  it('gives each question its accepted contributions, what is still coming and last exercise’s answer', async () => {
    const view = await service().getConsolidation(exerciseId);
    expect(view.questions.map((e) => e.question.number)).toEqual(['1', '2', '3', '4']);
    const open = view.questions[0]!;
    expect(open.accepted.map((a) => a.organization.acronym)).toEqual(['SNDIF', 'STPS']);
    expect(open.accepted[0]!.answer.text.blocks).toHaveLength(2);
    expect(open.waiting).toEqual([{ organization: { id: org.fgr, name: 'Fiscalía General de la República', acronym: 'FGR' }, status: 'submitted' }]);
    expect(open).toMatchObject({ hasCarriedAnswer: true, previousAnswer: { text: { blocks: [{ content: [{ text: 'Medidas de 2022.' }] }] } }, prefill: null, answerVersion: 1 });
    // In the order of their names.
    expect(view.organizations.map((o) => o.acronym)).toEqual(['FGR', 'STPS', 'SNDIF']);
  });

  it('pre-fills a question on a plan node with its status and the node’s activities in the period, not outside it', async () => {
    const entry = await entryOf(q.node);
    expect(entry.question.planNode).toMatchObject({ id: nodeId, code: '1' });
    expect(entry.prefill!.status).toBe('En curso');
    expect(entry.prefill!.activities).toEqual([
      { id: expect.any(String), title: 'Campaña que cruza el año', startDate: '2022-11-01', endDate: '2023-01-31', participants: null, events: 2 },
      { id: expect.any(String), title: 'Capacitación a inspectores', startDate: '2023-03-14', endDate: '2023-03-15', participants: 120, events: 2 },
    ]);
  });

  it('is the coordinator’s: an enlace is refused', async () => {
    await expect(service(enlace).getConsolidation(exerciseId)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('official answer', () => {
  it('keeps who wrote each paragraph through composing, editing and reordering', async () => {
    const entry = await entryOf(q.open);
    let answer = entry.answer;
    for (const accepted of entry.accepted) answer = composeFromContribution(answer, { organizationId: accepted.organization.id, answer: accepted.answer }).answer;
    // The coordinator rewrites the STPS paragraph and moves it first.
    const [first, second, stps] = answer.text.blocks as [RichText['blocks'][number], RichText['blocks'][number], RichText['blocks'][number]];
    const edited = { ...stps, content: [{ text: 'La STPS realizó 40 inspecciones en 2023.' }] };
    const saved = await service().updateAnswer(exerciseId, q.open, { answer: { ...answer, text: { ...answer.text, blocks: [edited, first, second] } }, version: entry.answerVersion });
    expect(saved.answerVersion).toBe(2);
    const reread = await entryOf(q.open);
    expect(reread.answer.text.blocks.map((b) => [b.type === 'paragraph' ? b.content[0]!.text : '', b.sources])).toEqual([
      ['La STPS realizó 40 inspecciones en 2023.', [org.stps]],
      ['El SNDIF capacitó a 300 personas.', [org.sndif]],
      ['Publicó un protocolo.', [org.sndif]],
    ]);
    expect(reread.question.isAnswered).toBe(true);
  });

  it('refuses a paragraph attributed to an organisation without an accepted contribution, naming the block', async () => {
    const entry = await entryOf(q.open);
    const answer = textAnswer(paragraph('Bien.', [org.sndif]), paragraph('De la FGR, aún no aceptada.', [org.fgr]));
    await expect(service().updateAnswer(exerciseId, q.open, { answer, version: entry.answerVersion })).rejects.toMatchObject({
      code: 'validation',
      issues: [{ path: 'answer.text.blocks.1.sources' }],
    });
    expect((await entryOf(q.open)).answerVersion).toBe(entry.answerVersion);
  });

  it('refuses a stale version (409) and an enlace (403)', async () => {
    await expect(service().updateAnswer(exerciseId, q.open, { answer: textAnswer(paragraph('Viejo')), version: 1 })).rejects.toMatchObject({ code: 'conflict' });
    const { answerVersion } = await entryOf(q.open);
    await expect(service(enlace).updateAnswer(exerciseId, q.open, { answer: textAnswer(paragraph('Mío')), version: answerVersion })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('carried answer', () => {
  it('used on an answered question appends its blocks; on an empty one becomes the answer; either way it is cleared', async () => {
    const answered = await entryOf(q.open);
    const appended = await service().decideCarried(exerciseId, q.open, 'use', answered.answerVersion);
    expect(appended.answer.text.blocks.map((b) => (b.type === 'paragraph' ? b.content[0]!.text : ''))).toEqual([
      'La STPS realizó 40 inspecciones en 2023.',
      'El SNDIF capacitó a 300 personas.',
      'Publicó un protocolo.',
      'Medidas de 2022.',
    ]);
    expect(appended.hasCarriedAnswer).toBe(false);

    const empty = await entryOf(q.empty);
    const used = await service().decideCarried(exerciseId, q.empty, 'use', empty.answerVersion);
    expect(used.answer.text.blocks).toEqual([paragraph('Medidas de 2022.', [])]);
    // Decided already: nothing left to take.
    await expect(service().decideCarried(exerciseId, q.empty, 'use', used.answerVersion)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('discarded leaves the answer as it was', async () => {
    await ctx.handle.db.execute(sql`update exercise_questions set carried_answer = ${JSON.stringify(textAnswer(paragraph('Propuesta')))}::jsonb where id = ${q.node}`);
    const before = await entryOf(q.node);
    expect(before.hasCarriedAnswer).toBe(true);
    const discarded = await service().decideCarried(exerciseId, q.node, 'discard', before.answerVersion);
    expect(discarded).toMatchObject({ answer: before.answer, hasCarriedAnswer: false, previousAnswer: null, answerVersion: before.answerVersion + 1 });
  });
});

describe('the consolidated reply', () => {
  it('names the contributors of each answer in the order they appear and marks the chosen options', async () => {
    const { answerVersion } = await entryOf(q.yesNo);
    await service().updateAnswer(exerciseId, q.yesNo, { answer: { ...emptyAnswer(), selected: ['yes'] }, version: answerVersion });
    const reply = await buildConsolidatedReply(ctx.handle.db, exerciseId);
    expect(reply).toMatchObject({ title: 'Cuestionario 2023', recipient: 'Alianza 8.7', date: '2024-02-01', place: 'Ciudad de México', bodyName: 'Sistema Nacional de Protección Integral' });
    expect(reply.questions[0]!.contributors).toEqual(['Secretaría del Trabajo y Previsión Social', 'Sistema Nacional para el Desarrollo Integral de la Familia']);
    expect(reply.questions[1]!.options).toEqual([
      { label: 'Sí', marked: true },
      { label: 'No', marked: false },
      { label: 'No aplica', marked: false },
    ]);
    expect(reply.questions[3]!.contributors).toEqual([]);
    expect(reply.organisations.map((o) => o.acronym)).toEqual(['STPS', 'SNDIF']);
    await expect(createConsolidationService(ctx.handle.db, { kind: 'anonymous' }).buildReply(exerciseId)).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('downloads as Word, Markdown or JSON, named after the reply', async () => {
    const markdown = await service(enlace).exportReply(exerciseId, 'md');
    expect(markdown).toMatchObject({ fileName: 'respuesta-cuestionario-2023.md', contentType: 'text/markdown; charset=utf-8' });
    expect(markdown.body).toContain('La STPS realizó 40 inspecciones en 2023.');
    expect(markdown.body).toContain('Secretaría del Trabajo y Previsión Social');
    const json = JSON.parse((await service().exportReply(exerciseId, 'json')).body as string);
    expect(json.questions[1]).toMatchObject({ number: '2', marked: ['Sí'] });
    const word = await service().exportReply(exerciseId, 'docx');
    expect((word.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });

  it('is on the portal only while published', async () => {
    const portal = createPublicReplyService(ctx.handle.db);
    await expect(portal.getReply(exerciseId)).rejects.toMatchObject({ code: 'not_found' });
    expect(await portal.listReplies()).toEqual([]);
    const [{ version }] = await queryRows<{ version: number }>(ctx.handle.db, sql`select version from questionnaire_exercises where id = ${exerciseId}`) as [{ version: number }];
    await expect(service(enlace).publish(exerciseId, version)).rejects.toMatchObject({ code: 'forbidden' });
    await service().publish(exerciseId, version);
    expect(await portal.listReplies()).toEqual([{ id: exerciseId, title: 'Cuestionario 2023', recipient: 'Alianza 8.7', reference: null, replyDate: '2024-02-01' }]);
    expect((await portal.getReply(exerciseId)).questions).toHaveLength(4);
    await service().unpublish(exerciseId, version + 1);
    await expect(portal.getReply(exerciseId)).rejects.toMatchObject({ code: 'not_found' });
  });
});
