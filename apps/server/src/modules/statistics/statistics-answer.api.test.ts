/**
 * Seed 001's yearly crime tables, imported from the official answer to its question 6 (the reply kept
 * byte for byte in the demo fixtures): refused by default, their inconsistencies named at their table,
 * row and column; kept as published, with flags, when the user chooses so.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context.js';

const UN_REPLY = new URL('../../demo/fixtures/oacnudh-jal-mex-4-2021.txt', import.meta.url);
let ctx: TestContext;
let exerciseId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const body = await ctx.api('POST', '/bodies', { kind: 'system', name: 'Sistema Nacional de prueba', acronym: 'SNP', level: 'national' });
  const imported = await ctx.api('POST', '/questionnaire-exercises/import', { text: readFileSync(UN_REPLY, 'utf8'), bodyId: body.body.id, dryRun: false });
  expect(imported.status, JSON.stringify(imported.body)).toBe(200);
  exerciseId = imported.body.exerciseId;
}, 60_000);
afterAll(() => ctx.close());

const NAME = 'Delitos denunciados 2017–2021';

describe('POST /statistics/datasets/import-answer', () => {
  it('refuses the tables by default and names each inconsistency where it is', async () => {
    const response = await ctx.api('POST', '/statistics/datasets/import-answer', { exerciseId, questionNumber: '6', name: NAME });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ isRefused: true, revision: null, dimensions: ['period', 'crime'] });
    const messages = response.body.errors.map((error: { message: string }) => error.message);
    expect(messages.some((message: string) => message.startsWith('Tabla "Año 2017"') && message.includes('270'))).toBe(true);
    expect(messages.some((message: string) => message.startsWith('Tabla "Año 2021"') && message.includes('CAUSA PENAL'))).toBe(true);
    expect((await ctx.api('GET', '/statistics/datasets')).body).toEqual([]);
  });

  it('keeps them as published with the flags when asked, blanks as not available', async () => {
    const response = await ctx.api('POST', '/statistics/datasets/import-answer', { exerciseId, questionNumber: '6', name: NAME, policy: 'keep_flagged' });
    expect(response.body).toMatchObject({ isRefused: false, revision: 1 });
    const table = await ctx.api('GET', `/statistics/datasets/${response.body.datasetId}/table?by=period&where=crime:SIN%20DATO&measure=causa_penal&view=internal`);
    expect(table.body.cells.find((cell: { key: { period: string } }) => cell.key.period === '2020')).toMatchObject({ value: null, flag: 'not_available' });
  });

  it('says which question has no tables, and refuses an unknown question', async () => {
    const noTables = await ctx.api('POST', '/statistics/datasets/import-answer', { exerciseId, questionNumber: '7', name: NAME });
    expect(noTables.status).toBe(422);
    expect(JSON.stringify(noTables.body)).toContain('no tiene tablas');
    expect((await ctx.api('POST', '/statistics/datasets/import-answer', { exerciseId, questionNumber: '99', name: NAME })).status).toBe(422);
  });

  it('is refused to a reader and to an anonymous caller', async () => {
    const reader = await ctx.signInAs([{ role: 'reader' }]);
    expect((await reader('POST', '/statistics/datasets/import-answer', { exerciseId, questionNumber: '6', name: 'Otro' })).status).toBe(403);
    expect((await ctx.anonymous('POST', '/statistics/datasets/import-answer', { exerciseId, questionNumber: '6', name: 'Otro' })).status).toBe(401);
  });
});
