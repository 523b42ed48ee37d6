import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/test-context.js';
import { loadDemoData } from './demo-data.js';
import { readPactoFixture } from './demo-networks.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await loadDemoData(ctx.handle.db);
}, 180_000);
afterAll(() => ctx.close());

const seed = readPactoFixture();

const findPacto = async () => {
  const networks = (await ctx.api('GET', '/networks')).body as { id: string; name: string }[];
  expect(networks.map((network) => network.name)).toEqual(['Pacto por la Primera Infancia']);
  return (await ctx.api('GET', `/networks/${networks[0]!.id}`)).body;
};

describe('the Pacto por la Primera Infancia from seed 003', () => {
  it('is a network of a declared 446 members in 32 states, with its source, and no invented member', async () => {
    const pacto = await findPacto();
    expect(pacto).toMatchObject({ declaredMembers: 446, declaredStates: 32, planName: 'Pacto por la Primera Infancia: compromisos' });
    expect(pacto.declaredSource).toContain('«Gobernanza del Pacto»');
    expect(pacto.declaredSource).toContain('003, líneas 250 y 261');
    // The seeds name no member of the Pacto: the count is what they support, and the flags say why.
    expect(seed.members).toEqual([]);
    expect(pacto.counts.members).toBe(seed.members.length);
    expect((await ctx.api('GET', `/networks/${pacto.id}/members`)).body.total).toBe(0);
    expect(pacto.flags.some((flag: string) => flag.includes('no los nombra'))).toBe(true);
    expect(pacto.governance.map((body: { role: string; name: string }) => [body.role, body.name])).toEqual([
      ['board', 'Consejo Directivo'],
      ['coordination', 'Coordinación'],
    ]);
  });

  it('has ten commissions, each on its commitment, awaiting a focal point, with no mechanisms', async () => {
    const pacto = await findPacto();
    const commissions = pacto.commissions as { bodyId: string; commitmentCode: string; commitmentTitle: string; focalPoint: unknown; alternate: unknown }[];
    expect(commissions.map((commission) => commission.commitmentCode).sort((a, b) => Number(a) - Number(b))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(commissions.every((commission) => commission.focalPoint === null && commission.alternate === null)).toBe(true);
    const ninth = commissions.find((commission) => commission.commitmentCode === '9')!;
    expect(ninth.commitmentTitle).toBe('Lograr el registro oportuno del 90% de los niños y niñas');
    const { body: detail } = await ctx.api('GET', `/networks/commissions/${ninth.bodyId}`);
    expect(detail).toMatchObject({ commitment: { code: '9' }, focalPoints: [], communication: null, work: null });
  });

  it('held its 2nd National Assembly on 2 December (2019, inferred) with its programme in order, untimed, and the achievements it reported', async () => {
    const pacto = await findPacto();
    const sessions = (await ctx.api('GET', `/sessions?bodyId=${pacto.id}`)).body.items;
    expect(sessions).toHaveLength(1);
    const { body: assembly } = await ctx.api('GET', `/sessions/${sessions[0].id}`);
    expect(assembly).toMatchObject({ kind: 'assembly', number: 2, date: '2019-12-02' });
    const titles = assembly.agenda.map((item: { title: string }) => item.title);
    expect(titles[0]).toBe('¡Bienvenidas y Bienvenidos!');
    expect(titles[1]).toBe('Dinámica de integración');
    expect(titles.slice(-2)).toEqual(['Clausura', 'Brindis ¡Gracias!']);
    expect(titles).toEqual(seed.assembly.agenda.map((item) => item.title));
    expect(assembly.agenda.every((item: { startsAt: string | null; endsAt: string | null }) => item.startsAt === null && item.endsAt === null)).toBe(true);
    const presenters = assembly.agenda.filter((item: { presenter: string | null }) => item.presenter).map((item: { title: string; presenter: string }) => [item.title, item.presenter]);
    expect(presenters).toEqual([
      ['Estrategia Nacional de Atención a la Primera Infancia (ENAPI)', 'Ricardo Bucio Mújica'],
      ['Taller: Incidencia en Política Pública y Trabajo en Red', 'Alternativas y Capacidades A.C.'],
    ]);
    // The workshop's presenter is not made a member: no attendance, no members.
    expect(assembly.attendance).toEqual([]);
    expect(assembly.activities.map((activity: { title: string }) => activity.title)).toEqual(expect.arrayContaining([expect.stringMatching(/^Propuestas específicas/)]));
    expect(assembly.activities).toHaveLength(seed.achievements.length);
    // Every fact of the fixture names its seed line.
    expect(seed.assembly.agenda.every((item) => /^003: línea \d+$/.test(item.source))).toBe(true);
  });
});

describe('the perception survey of seed 003', () => {
  const findSurvey = async () => {
    const pacto = await findPacto();
    const surveys = (await ctx.api('GET', `/networks/${pacto.id}/surveys`)).body as { id: string; title: string; status: string; anonymity: string; responses: number }[];
    expect(surveys).toHaveLength(1);
    return surveys[0]!;
  };

  it('holds the 17 answers of the second slide as anonymous responses of a closed survey, and flags the first slide’s six statements without counting them', async () => {
    const listed = await findSurvey();
    expect(listed).toMatchObject({ title: '¿Cómo percibes al Pacto?', status: 'closed', anonymity: 'anonymous', responses: 17 });
    const { body: survey } = await ctx.api('GET', `/surveys/${listed.id}`);
    const promptsFlag = survey.flags.find((flag: string) => flag.includes('pueden ser respuestas o ejemplos'));
    expect(seed.survey.possiblePrompts).toHaveLength(6);
    for (const prompt of seed.survey.possiblePrompts) expect(promptsFlag).toContain(`«${prompt.text}» (línea ${prompt.line})`);

    const answers = (await ctx.api('GET', `/surveys/${listed.id}/open-answers?questionKey=percepcion&limit=100`)).body as { text: string; themeIds: string[]; organizationName: string | null }[];
    expect(answers.map((answer) => answer.text).sort()).toEqual(seed.survey.answers.map((answer) => answer.text).sort());
    expect(answers.some((answer) => seed.survey.possiblePrompts.some((prompt) => prompt.text === answer.text))).toBe(false);
    expect(answers.every((answer) => answer.themeIds.length > 0 && answer.organizationName === null)).toBe(true);
  });

  it('codes the answers into themes with quotes, and publishes the question on the portal', async () => {
    const { id } = await findSurvey();
    const { body: results } = await ctx.api('GET', `/surveys/${id}/results`);
    expect(results.respondents).toBe(17);
    const [question] = results.questions;
    const counts = Object.fromEntries(question.themes.map((theme: { label: string; count: number }) => [theme.label, theme.count]));
    const expected = Object.fromEntries(seed.survey.themes.map((theme) => [theme.label, seed.survey.answers.filter((answer) => answer.themes.includes(theme.key)).length]));
    expect(counts).toEqual(expected);
    expect(counts['Valor de pertenecer']).toBe(6);
    const participation = question.themes.find((theme: { label: string }) => theme.label === 'Participación baja o incipiente');
    expect(participation.quotes).toEqual([expect.stringContaining('solo somos 40 en vez de 400')]);

    const portal = (await ctx.anonymous('GET', '/public/surveys')).body as { id: string }[];
    expect(portal.map((survey) => survey.id)).toContain(id);
    const { body: published } = await ctx.anonymous('GET', `/public/surveys/${id}/results`);
    expect(published.questions.map((q: { key: string }) => q.key)).toEqual(['percepcion']);
  });
});
