/**
 * The abilities of templates, exercises and contributions are the policy's own answers: for six kinds
 * of person, an ability that says yes is a write the API accepts, one that says no a write it refuses (403).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abilityPersonas, expectAnswerMatches, readWithAbilities } from '../../test/abilities.test-support.js';
import { createTestContext, type TestContext } from '../../test/test-context.js';

type ApiCall = TestContext['api'];
let ctx: TestContext;
const ids = { system: '', group: '', other: '', responsible: '', bystander: '', template: '', exercise: '', toWrite: '', toReview: '' };

const definition = { sections: [{ key: 'unica', title: 'Única', questions: [{ key: 'avances', number: '1', text: '¿Qué avances hubo?', kind: 'open' }] }] };
const answer = (text: string) => ({ text: { blocks: [{ type: 'paragraph', content: [{ text }] }], footnotes: [] } });

beforeAll(async () => {
  ctx = await createTestContext();
  const create = async (path: string, body: object) => {
    const response = await ctx.api('POST', path, body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };
  ids.system = (await create('/bodies', { kind: 'system', level: 'national', name: 'Sistema Nacional', acronym: 'SN' })).id;
  ids.other = (await create('/bodies', { kind: 'system', level: 'national', name: 'Otro sistema', acronym: 'OS' })).id;
  ids.group = (await create('/bodies', { kind: 'working_group', level: 'national', name: 'Grupo de trabajo', acronym: 'GT', parentId: ids.system })).id;
  ids.responsible = (await create('/organizations', { name: 'Organización Responsable', acronym: 'ORES', sector: 'civil_society', level: 'none' })).id;
  ids.bystander = (await create('/organizations', { name: 'Organización Ajena', acronym: 'OAJ', sector: 'civil_society', level: 'none' })).id;
  ids.template = (await create('/questionnaire-templates', { name: 'Cuestionario anual', bodyId: ids.group, definition })).id;
  const exercise = await create('/questionnaire-exercises', { templateId: ids.template, title: 'Informe 2025', bodyId: ids.group });
  ids.exercise = exercise.id;
  await ctx.api('PUT', `/questionnaire-exercises/${ids.exercise}`, { status: 'open', version: exercise.version });
  const second = await ctx.api('POST', '/organizations', { name: 'Organización Revisada', acronym: 'OREV', sector: 'civil_society', level: 'none' });
  const assigned = await ctx.api('POST', `/questionnaire-exercises/${ids.exercise}/assignments`, {
    questionIds: [exercise.questions[0].id],
    organizationIds: [ids.responsible, second.body.id],
    dueOn: null,
  });
  const contributionOf = (organizationId: string) => assigned.body.assignments.find((a: { organization: { id: string } }) => a.organization.id === organizationId).contributionId;
  ids.toWrite = contributionOf(ids.responsible);
  ids.toReview = contributionOf(second.body.id);
});
afterAll(() => ctx.close());

const personas = abilityPersonas(ids, 'contributing');
const read = readWithAbilities;

/** The contribution to review, submitted again (the administrator drafts on the organisation's behalf) when a reviewer sent it back. */
async function submittedForReview() {
  let current = await read(ctx.api, `/questionnaire-contributions/${ids.toReview}`);
  if (current.status !== 'submitted') {
    current = (await ctx.api('PUT', `/questionnaire-contributions/${ids.toReview}`, { answer: answer('Avances del año.'), version: current.version })).body;
    current = (await ctx.api('POST', `/questionnaire-contributions/${ids.toReview}/submit`, { version: current.version })).body;
  }
  expect(current.status).toBe('submitted');
}

describe.each(Object.keys(personas))('for %s', (persona) => {
  let client: ApiCall;
  beforeAll(async () => {
    client = await ctx.signInAs(personas[persona]!());
  });

  it('a template and an exercise: each ability is what the API does', async () => {
    const template = await read(client, `/questionnaire-templates/${ids.template}`);
    const templateEdit = await client('PUT', `/questionnaire-templates/${ids.template}`, { name: 'Cuestionario anual', version: template.version });
    expectAnswerMatches(template.abilities.edit!, templateEdit.status, 'template edit');
    const started = await client('POST', '/questionnaire-exercises', { templateId: ids.template, title: `Ejercicio de ${persona}`, bodyId: ids.group });
    expectAnswerMatches(template.abilities.createExercise!, started.status, 'exercise created');

    const exercise = await read(client, `/questionnaire-exercises/${ids.exercise}`);
    const exerciseEdit = await client('PUT', `/questionnaire-exercises/${ids.exercise}`, { title: 'Informe 2025', version: exercise.version });
    expectAnswerMatches(exercise.abilities.edit!, exerciseEdit.status, 'exercise edit');
  });

  it('a contribution: writing it and reviewing it', async () => {
    const toWrite = await read(client, `/questionnaire-contributions/${ids.toWrite}`);
    const written = await client('PUT', `/questionnaire-contributions/${ids.toWrite}`, { answer: answer(`Texto de ${persona}.`), version: toWrite.version });
    expectAnswerMatches(toWrite.abilities.edit!, written.status, 'contribution drafted');

    await submittedForReview();
    const toReview = await read(client, `/questionnaire-contributions/${ids.toReview}`);
    const sentBack = await client('POST', `/questionnaire-contributions/${ids.toReview}/send-back`, { comment: 'Precise las fechas.', version: toReview.version });
    expectAnswerMatches(toReview.abilities.review!, sentBack.status, 'contribution sent back');
  });
});

it('gives the secretariats of the body and above, and only the contributing enlace, what they may do', async () => {
  const abilities = async (persona: string, path: string) => (await read(await ctx.signInAs(personas[persona]!()), path)).abilities;
  expect(await abilities('the secretariat of a body above', `/questionnaire-exercises/${ids.exercise}`)).toMatchObject({ edit: true });
  expect(await abilities('the secretariat of another system', `/questionnaire-exercises/${ids.exercise}`)).toMatchObject({ edit: false });
  expect(await abilities('the enlace of the contributing organisation', `/questionnaire-contributions/${ids.toWrite}`)).toEqual({ edit: true, review: false });
  expect(await abilities('the enlace of another organisation', `/questionnaire-contributions/${ids.toWrite}`)).toEqual({ edit: false, review: false });
  expect(await abilities('a reader', `/questionnaire-templates/${ids.template}`)).toEqual({ edit: false, createExercise: false });
});
