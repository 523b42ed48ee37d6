import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, composeFromContribution, emptyAnswer, type RichText } from '@telar/domain';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { buildConsolidatedReply } from './consolidation.service.js';

type ApiCall = TestContext['api'];
type Block = RichText['blocks'][number];

let ctx: TestContext;
let bodyId: string;
const org: Record<'sndif' | 'stps' | 'fgr', string> = { sndif: '', stps: '', fgr: '' };
let nodeId: string;
let exerciseId: string;
/** The current exercise's questions: 1 open, 2 yes/no, 3 on the plan's axis, 4 open and left empty. */
const q: Record<'open' | 'yesNo' | 'node' | 'empty', string> = { open: '', yesNo: '', node: '', empty: '' };
let coordinator: ApiCall;
const enlaces: Record<string, ApiCall> = {};

const paragraph = (text: string, sources?: string[]): Block => ({ type: 'paragraph', content: [{ text }], ...(sources ? { sources } : {}) });
const textAnswer = (...blocks: Block[]): Answer => ({ ...emptyAnswer(), text: { blocks, footnotes: [] } });
const texts = (answer: Answer) => answer.text.blocks.map((b) => (b.type === 'paragraph' ? b.content[0]!.text : b.type));

const definition = {
  sections: [
    {
      key: 'medidas',
      title: 'Medidas',
      questions: [
        { key: 'medidas', number: '1', text: '¿Qué medidas se adoptaron en {periodo}?', kind: 'open' },
        { key: 'plan', number: '2', text: '¿Hay un plan nacional?', kind: 'yes_no', options: [{ key: 'yes', label: 'Sí' }, { key: 'no', label: 'No' }, { key: 'not_applicable', label: 'No aplica' }] },
        { key: 'eje', number: '3', text: 'Eje {codigo} «{titulo}»: avance', kind: 'open', repeat: { over: 'plan_nodes', nodeKind: 'axis' } },
        { key: 'otras', number: '4', text: 'Otras acciones', kind: 'open' },
      ],
    },
  ],
};

const consolidation = async (call: ApiCall = coordinator) => call('GET', `/questionnaire-exercises/${exerciseId}/consolidation`);
const entryOf = async (questionId: string, id = exerciseId) =>
  (await coordinator('GET', `/questionnaire-exercises/${id}/consolidation`)).body.questions.find((e: { question: { id: string } }) => e.question.id === questionId);
const saveAnswer = (questionId: string, answer: Answer, version: number, call: ApiCall = coordinator, id = exerciseId) =>
  call('PUT', `/questionnaire-exercises/${id}/questions/${questionId}/answer`, { answer, version });

/** An exercise of the template over the plan, its question ids in order. */
async function createExercise(title: string, periodFrom: string, periodTo: string, previousExerciseId: string | null) {
  const created = await coordinator('POST', '/questionnaire-exercises', { templateId, title, recipient: 'Alianza 8.7', bodyId, planId, periodFrom, periodTo, previousExerciseId });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: created.body.id as string, version: created.body.version as number, questionIds: created.body.questions.map((x: { id: string }) => x.id) as string[] };
}
let templateId: string;
let planId: string;

/** The contribution of `who` to a question, written by its enlace, submitted, and accepted by the coordinator unless told otherwise. */
async function contribute(contributionId: string, who: keyof typeof org, answer: Answer, accept = true) {
  const enlace = enlaces[who]!;
  const { body } = await enlace('GET', `/questionnaire-contributions/${contributionId}`);
  const drafted = await enlace('PUT', `/questionnaire-contributions/${contributionId}`, { answer, version: body.version });
  expect(drafted.status, JSON.stringify(drafted.body)).toBe(200);
  const submitted = await enlace('POST', `/questionnaire-contributions/${contributionId}/submit`, { version: drafted.body.version });
  if (accept) expect((await coordinator('POST', `/questionnaire-contributions/${contributionId}/accept`, { version: submitted.body.version })).status).toBe(200);
}

beforeAll(async () => {
  ctx = await createTestContext();
  bodyId = (await ctx.api('POST', '/bodies', { kind: 'system', name: 'Sistema Nacional de Protección Integral', acronym: 'SIPINNA', level: 'national' })).body.id;
  for (const [key, name, acronym] of [['sndif', 'Sistema Nacional para el Desarrollo Integral de la Familia', 'SNDIF'], ['stps', 'Secretaría del Trabajo y Previsión Social', 'STPS'], ['fgr', 'Fiscalía General de la República', 'FGR']] as const) {
    org[key] = (await ctx.api('POST', '/organizations', { name, acronym, sector: 'government', level: 'federal' })).body.id;
    enlaces[key] = await ctx.signInAs([{ role: 'enlace', organizationId: org[key] }]);
  }
  coordinator = await ctx.signInAs([{ role: 'secretariat', bodyId }]);

  planId = (await ctx.api('POST', '/plans', { name: 'Hoja de ruta 8.7', bodyId, periodFrom: '2019-01-01', periodTo: '2024-12-31' })).body.id;
  nodeId = (await ctx.api('POST', '/plan-nodes', { planId, parentId: null, kind: 'axis', code: '1', title: 'Prevención', status: 'in_progress' })).body.id;
  const activity = (title: string, startDate: string, endDate: string | null, participants: number | null) =>
    ctx.api('POST', '/activities', { bodyId, kind: 'training', title, startDate, endDate, participants, events: 2, leadOrganizationIds: [org.stps], planNodeIds: [nodeId] });
  expect((await activity('Capacitación a inspectores', '2023-03-14', '2023-03-15', 120)).status).toBe(201);
  expect((await activity('Foro de 2021', '2021-05-01', null, 40)).status).toBe(201);
  expect((await activity('Campaña que cruza el año', '2022-11-01', '2023-01-31', null)).status).toBe(201);

  templateId = (await coordinator('POST', '/questionnaire-templates', { name: 'Cuestionario Alianza 8.7', bodyId, definition })).body.id;
  // Last year's exercise, answered by the coordinator: what this year's starts from.
  const previous = await createExercise('Cuestionario 2022', '2022-01-01', '2022-12-31', null);
  for (const [index, text] of [[0, 'Medidas de 2022.'], [2, 'Avance del eje en 2022.'], [3, 'Otras acciones de 2022.']] as const) {
    expect((await saveAnswer(previous.questionIds[index]!, textAnswer(paragraph(text)), 1, coordinator, previous.id)).status).toBe(200);
  }
  const current = await createExercise('Cuestionario 2023', '2023-01-01', '2023-12-31', previous.id);
  exerciseId = current.id;
  [q.open, q.yesNo, q.node, q.empty] = current.questionIds as [string, string, string, string];
  const assigned = await coordinator('POST', `/questionnaire-exercises/${exerciseId}/assignments`, { questionIds: [q.open], organizationIds: [org.sndif, org.stps, org.fgr], dueOn: '2024-01-31' });
  const onYesNo = await coordinator('POST', `/questionnaire-exercises/${exerciseId}/assignments`, { questionIds: [q.yesNo], organizationIds: [org.sndif], dueOn: '2024-01-31' });
  const contributionOf = (questionId: string, organizationId: string, assignments = [...assigned.body.assignments, ...onYesNo.body.assignments]) =>
    assignments.find((a: { questionId: string; organization: { id: string } }) => a.questionId === questionId && a.organization.id === organizationId).contributionId as string;
  expect((await coordinator('PUT', `/questionnaire-exercises/${exerciseId}`, { status: 'open', version: current.version })).status).toBe(200);
  await contribute(contributionOf(q.open, org.sndif), 'sndif', textAnswer(paragraph('El SNDIF capacitó a 300 personas.'), paragraph('Publicó un protocolo.')));
  await contribute(contributionOf(q.open, org.stps), 'stps', textAnswer(paragraph('La STPS realizó 40 inspecciones.')));
  await contribute(contributionOf(q.open, org.fgr), 'fgr', textAnswer(paragraph('Aún en revisión.')), false);
  await contribute(contributionOf(q.yesNo, org.sndif), 'sndif', { ...emptyAnswer(), selected: ['yes'] });
});
afterAll(() => ctx.close());

describe('consolidation view', () => {
  it('gives each question its accepted contributions, what is still coming and last exercise’s answer', async () => {
    const { status, body: view } = await consolidation();
    expect(status).toBe(200);
    expect(view.questions.map((e: { question: { number: string } }) => e.question.number)).toEqual(['1', '2', '3', '4']);
    const open = view.questions[0];
    expect(open.accepted.map((a: { organization: { acronym: string } }) => a.organization.acronym)).toEqual(['SNDIF', 'STPS']);
    expect(texts(open.accepted[0].answer)).toEqual(['El SNDIF capacitó a 300 personas.', 'Publicó un protocolo.']);
    expect(open.waiting).toEqual([{ organization: { id: org.fgr, name: 'Fiscalía General de la República', acronym: 'FGR' }, status: 'submitted' }]);
    expect(open).toMatchObject({ hasCarriedAnswer: true, prefill: null, answerVersion: 1 });
    expect(texts(open.previousAnswer)).toEqual(['Medidas de 2022.']);
    // In the order of their names.
    expect(view.organizations.map((o: { acronym: string }) => o.acronym)).toEqual(['FGR', 'STPS', 'SNDIF']);
  });

  it('pre-fills a question on a plan node with its status and the node’s activities in the period, not outside it', async () => {
    const entry = await entryOf(q.node);
    expect(entry.question.planNode).toEqual({ id: nodeId, code: '1', title: 'Prevención' });
    expect(entry.prefill.status).toBe('En curso');
    expect(entry.prefill.activities).toEqual([
      { id: expect.any(String), title: 'Campaña que cruza el año', startDate: '2022-11-01', endDate: '2023-01-31', participants: null, events: 2 },
      { id: expect.any(String), title: 'Capacitación a inspectores', startDate: '2023-03-14', endDate: '2023-03-15', participants: 120, events: 2 },
    ]);
  });

  it('is the coordinator’s: an enlace is refused, the public must sign in', async () => {
    expect((await consolidation(enlaces.sndif)).status).toBe(403);
    expect((await consolidation(ctx.anonymous)).status).toBe(401);
  });
});

describe('official answer', () => {
  it('keeps who wrote each paragraph through composing, editing and reordering', async () => {
    const entry = await entryOf(q.open);
    let answer: Answer = entry.answer;
    for (const accepted of entry.accepted) answer = composeFromContribution(answer, { organizationId: accepted.organization.id, answer: accepted.answer }).answer;
    // The coordinator rewrites the STPS paragraph and moves it first.
    const [first, second, stps] = answer.text.blocks as [Block, Block, Block];
    const edited = { ...stps, content: [{ text: 'La STPS realizó 40 inspecciones en 2023.' }] };
    const saved = await saveAnswer(q.open, { ...answer, text: { ...answer.text, blocks: [edited, first, second] } }, entry.answerVersion);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.answerVersion).toBe(2);
    const reread = await entryOf(q.open);
    expect(reread.answer.text.blocks.map((b: Block) => [texts({ ...emptyAnswer(), text: { blocks: [b], footnotes: [] } })[0], b.sources])).toEqual([
      ['La STPS realizó 40 inspecciones en 2023.', [org.stps]],
      ['El SNDIF capacitó a 300 personas.', [org.sndif]],
      ['Publicó un protocolo.', [org.sndif]],
    ]);
    expect(reread.question.isAnswered).toBe(true);
  });

  it('refuses a paragraph attributed to an organisation without an accepted contribution, naming the block', async () => {
    const entry = await entryOf(q.open);
    const refused = await saveAnswer(q.open, textAnswer(paragraph('Bien.', [org.sndif]), paragraph('De la FGR, aún no aceptada.', [org.fgr])), entry.answerVersion);
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['answer.text.blocks.1.sources']);
    expect((await entryOf(q.open)).answerVersion).toBe(entry.answerVersion);
  });

  it('refuses a stale version (409) and an enlace (403)', async () => {
    expect((await saveAnswer(q.open, textAnswer(paragraph('Viejo')), 1)).status).toBe(409);
    const { answerVersion } = await entryOf(q.open);
    expect((await saveAnswer(q.open, textAnswer(paragraph('Mío')), answerVersion, enlaces.sndif)).status).toBe(403);
  });
});

describe('carried answer', () => {
  const decide = (questionId: string, decision: string, version: number) => coordinator('POST', `/questionnaire-exercises/${exerciseId}/questions/${questionId}/carried/${decision}`, { version });

  it('used on an answered question appends its blocks; on an empty one becomes the answer; either way it is cleared', async () => {
    const answered = await entryOf(q.open);
    const appended = await decide(q.open, 'use', answered.answerVersion);
    expect(appended.status, JSON.stringify(appended.body)).toBe(200);
    expect(texts(appended.body.answer)).toEqual(['La STPS realizó 40 inspecciones en 2023.', 'El SNDIF capacitó a 300 personas.', 'Publicó un protocolo.', 'Medidas de 2022.']);
    expect(appended.body.hasCarriedAnswer).toBe(false);

    const empty = await entryOf(q.empty);
    const used = await decide(q.empty, 'use', empty.answerVersion);
    expect(texts(used.body.answer)).toEqual(['Otras acciones de 2022.']);
    // Decided already: nothing left to take.
    expect((await decide(q.empty, 'use', used.body.answerVersion)).status).toBe(409);
    expect((await decide(q.empty, 'keep', used.body.answerVersion)).status).toBe(422);
  });

  it('discarded leaves the answer as it was, last year’s still shown for reference', async () => {
    const before = await entryOf(q.node);
    expect(before.hasCarriedAnswer).toBe(true);
    const discarded = await decide(q.node, 'discard', before.answerVersion);
    expect(discarded.body).toMatchObject({ answer: before.answer, hasCarriedAnswer: false, answerVersion: before.answerVersion + 1 });
    expect(texts(discarded.body.previousAnswer)).toEqual(['Avance del eje en 2022.']);
  });
});

describe('the consolidated reply', () => {
  it('names the contributors of each answer in the order they appear and marks the chosen options', async () => {
    const { answerVersion } = await entryOf(q.yesNo);
    expect((await saveAnswer(q.yesNo, { ...emptyAnswer(), selected: ['yes'] }, answerVersion)).status).toBe(200);
    const reply = await buildConsolidatedReply(ctx.handle.db, exerciseId);
    expect(reply).toMatchObject({ title: 'Cuestionario 2023', recipient: 'Alianza 8.7', bodyName: 'Sistema Nacional de Protección Integral' });
    expect(reply.questions[0]!.contributors).toEqual(['Secretaría del Trabajo y Previsión Social', 'Sistema Nacional para el Desarrollo Integral de la Familia']);
    expect(reply.questions[1]!.options).toEqual([
      { label: 'Sí', marked: true },
      { label: 'No', marked: false },
      { label: 'No aplica', marked: false },
    ]);
    expect(reply.questions[3]!.contributors).toEqual([]);
    expect(reply.organisations.map((o) => o.acronym)).toEqual(['STPS', 'SNDIF']);
  });

  it('downloads as Word, Markdown or JSON for anyone signed in', async () => {
    const markdown = await enlaces.fgr!('GET', `/questionnaire-exercises/${exerciseId}/reply?format=md`);
    expect(markdown.status).toBe(200);
    expect(markdown.headers.get('content-disposition')).toContain('respuesta-cuestionario-2023.md');
    expect(markdown.body).toContain('La STPS realizó 40 inspecciones en 2023.');
    expect(markdown.body).toContain('Secretaría del Trabajo y Previsión Social');
    const json = await coordinator('GET', `/questionnaire-exercises/${exerciseId}/reply?format=json`);
    expect(json.body.questions[1]).toMatchObject({ number: '2', marked: ['Sí'] });
    const word = await coordinator('GET', `/questionnaire-exercises/${exerciseId}/reply`);
    expect((word.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    expect((await ctx.anonymous('GET', `/questionnaire-exercises/${exerciseId}/reply?format=md`)).status).toBe(401);
  });

  it('is on the portal only while published', async () => {
    const onPortal = () => ctx.anonymous('GET', `/public/questionnaire-replies/${exerciseId}`);
    expect((await onPortal()).status).toBe(404);
    expect((await ctx.anonymous('GET', '/public/questionnaire-replies')).body).toEqual([]);
    const open = (await coordinator('GET', `/questionnaire-exercises/${exerciseId}`)).body;
    // An open exercise's reply is still being written: it is published once closed.
    const whileOpen = await coordinator('POST', `/questionnaire-exercises/${exerciseId}/publish`, { version: open.version });
    expect(whileOpen.status).toBe(409);
    expect(whileOpen.body.error.code).toBe('exercise_not_closed');
    const { version } = (await coordinator('PUT', `/questionnaire-exercises/${exerciseId}`, { status: 'closed', version: open.version })).body;
    expect((await enlaces.sndif!('POST', `/questionnaire-exercises/${exerciseId}/publish`, { version })).status).toBe(403);
    expect((await coordinator('POST', `/questionnaire-exercises/${exerciseId}/publish`, { version })).status).toBe(204);
    // While public, the official answers stay as published.
    const entry = (await coordinator('GET', `/questionnaire-exercises/${exerciseId}/consolidation`)).body.questions[0];
    const edit = await coordinator('PUT', `/questionnaire-exercises/${exerciseId}/questions/${entry.question.id}/answer`, { answer: entry.answer, version: entry.answerVersion });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('reply_published');
    expect((await ctx.anonymous('GET', '/public/questionnaire-replies')).body).toEqual([{ id: exerciseId, title: 'Cuestionario 2023', recipient: 'Alianza 8.7', reference: null, replyDate: null }]);
    const published = await onPortal();
    expect(published.status).toBe(200);
    expect(published.body.questions).toHaveLength(4);
    expect(published.body.organisations.map((o: { name: string }) => o.name)).toContain('Sistema Nacional para el Desarrollo Integral de la Familia');
    expect((await coordinator('POST', `/questionnaire-exercises/${exerciseId}/unpublish`, { version: version + 1 })).status).toBe(204);
    expect((await onPortal()).status).toBe(404);
  });
});
