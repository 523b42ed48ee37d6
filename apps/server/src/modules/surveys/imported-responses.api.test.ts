import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/auth/actor.js';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { createImportedResponseService } from './imported-responses.service.js';

let ctx: TestContext;
let networkId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  networkId = (await ctx.api('POST', '/networks', { name: 'Red de prueba', level: 'national' })).body.id;
});
afterAll(() => ctx.close());

const definition = {
  sections: [
    {
      key: 's',
      title: 'Encuesta',
      questions: [
        { key: 'abierta', number: '1', text: '¿Cómo percibes a la red?', kind: 'open' },
        { key: 'opcion', number: '2', text: '¿La recomiendas?', kind: 'single_choice', options: [{ key: 'si', label: 'Sí' }, { key: 'no', label: 'No' }] },
      ],
    },
  ],
};
const draft = async (anonymity = 'anonymous') => {
  const response = await ctx.api('POST', `/networks/${networkId}/surveys`, { title: `Encuesta ${Math.random()}`, definition, anonymity, audience: { kind: 'all' } });
  expect(response.status).toBe(201);
  return response.body as { id: string; version: number };
};
const importer = () => createImportedResponseService(ctx.handle.db, systemActor('demo'));

describe('responses gathered outside Telar (the demo’s import)', () => {
  it('records anonymous responses dated as the source says, counts them and closes the survey with its flags', async () => {
    const survey = await draft();
    const result = await importer().importResponses(survey.id, {
      version: survey.version,
      submittedOn: '2019-12-02',
      // Five: results of fewer than 5 respondents are not shown.
      responses: [{ abierta: { text: 'Genera valor' }, opcion: { selected: ['si'] } }, { abierta: { text: 'No avanzamos' } }, ...Array.from({ length: 3 }, () => ({ opcion: { selected: ['no'] } }))],
      flags: ['Respuestas tomadas de una presentación.'],
    });
    expect(result).toEqual({ imported: 5 });
    const { body: view } = await ctx.api('GET', `/surveys/${survey.id}`);
    expect(view).toMatchObject({ status: 'closed', flags: ['Respuestas tomadas de una presentación.'], counts: { invited: 0, responses: 5 } });
    const { body: results } = await ctx.api('GET', `/surveys/${survey.id}/results`);
    const choice = results.questions.find((q: { key: string }) => q.key === 'opcion');
    expect(choice.options.find((o: { key: string }) => o.key === 'si').respondents).toBe(1);
    const open = (await ctx.api('GET', `/surveys/${survey.id}/open-answers?questionKey=abierta`)).body;
    expect(open.map((answer: { text: string; organizationName: null }) => [answer.text, answer.organizationName]).sort()).toEqual([
      ['Genera valor', null],
      ['No avanzamos', null],
    ]);
  });

  it('refuses a survey that is not an anonymous draft, and names the response that is wrong, writing nothing', async () => {
    const named = await draft('named');
    await expect(importer().importResponses(named.id, { version: named.version, submittedOn: '2019-12-02', responses: [], flags: [] })).rejects.toMatchObject({ code: 'validation' });
    const survey = await draft();
    const bad = importer().importResponses(survey.id, {
      version: survey.version,
      submittedOn: '2019-12-02',
      responses: [{ abierta: { text: 'Bien' } }, { opcion: { selected: ['tal vez'] } }],
      flags: [],
    });
    await expect(bad).rejects.toMatchObject({ code: 'validation', issues: [expect.objectContaining({ path: expect.stringMatching(/^responses\.1\.opcion/), message: expect.stringMatching(/^Respuesta 2: /) })] });
    expect((await ctx.api('GET', `/surveys/${survey.id}`)).body).toMatchObject({ status: 'draft', counts: { responses: 0 } });
    await importer().importResponses(survey.id, { version: survey.version, submittedOn: '2019-12-02', responses: [{ abierta: { text: 'Bien' } }], flags: [] });
    await expect(importer().importResponses(survey.id, { version: survey.version + 1, submittedOn: '2019-12-02', responses: [], flags: [] })).rejects.toMatchObject({ code: 'survey_not_draft' });
  });

  it('is for the network’s managers only', async () => {
    const survey = await draft();
    const reader = createImportedResponseService(ctx.handle.db, {
      kind: 'user',
      id: '00000000-0000-4000-8000-000000000000',
      email: 'lectura@prueba.telar.mx',
      name: 'Lectura',
      roles: [{ role: 'reader', bodyId: null, organizationId: null }],
    });
    await expect(reader.importResponses(survey.id, { version: survey.version, submittedOn: '2019-12-02', responses: [], flags: [] })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
