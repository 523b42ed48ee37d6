import { SurveyResultsViewSchema, TemplateDefinitionSchema } from '@telar/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportSurveyResultsCommand } from '../../cli/survey-results.command.js';
import { queryRows } from '../../platform/db/query.js';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { rebuildCounts } from './surveys.repository.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(ctx.handle.db, query))[0]!;

const definition = TemplateDefinitionSchema.parse({
  sections: [
    {
      key: 'percepcion',
      title: '¿Cómo percibes al Pacto?',
      questions: [
        { key: 'q_sc', number: '1', text: '¿Recomendarías el Pacto?', kind: 'single_choice', options: [{ key: 'si', label: 'Sí' }, { key: 'no', label: 'No' }] },
        {
          key: 'q_mc',
          number: '2',
          text: '¿Qué valoras del Pacto?',
          kind: 'multiple_choice',
          options: [{ key: 'a', label: 'Incidencia' }, { key: 'b', label: 'Redes' }, { key: 'c', label: 'Capacitación' }],
        },
        { key: 'q_num', number: '3', text: '¿A cuántas reuniones asististe?', kind: 'number' },
        { key: 'q_open', number: '4', text: '¿Qué cambiarías?', kind: 'open' },
      ],
    },
  ],
});

/** Respondents by state: Jalisco 6, Ciudad de México 5, Colima 3 and Aguascalientes 2 (both under 5). */
const RESPONDENT_STATES = [...Array(6).fill('MX-JAL'), ...Array(5).fill('MX-CMX'), ...Array(3).fill('MX-COL'), ...Array(2).fill('MX-AGU')] as string[];
/** Who chose what in the multiple-choice question: three respondents, overlapping options. */
const MULTIPLE = [['a', 'b'], ['b', 'c'], ['a', 'b', 'c']];
const NUMBERS = [1, 2, 3, 10];
const ANONYMOUS = 12; // a Colima member, answering anonymously
const OPEN: Record<number, string> = {
  0: 'Genera mucho valor y permite la incidencia',
  1: 'No entiendo qué hace el Pacto',
  6: 'Falta comunicación con los estados',
  [ANONYMOUS]: 'Más reuniones en los estados',
};

let networkId: string;
let surveyId: string;
let commissionIds: string[];
const orgNames: string[] = [];

async function insertSurvey(title: string, status: 'open' | 'closed') {
  return (
    await one<{ id: string }>(
      sql`insert into surveys (network_id, title, definition, anonymity, status, audience, opened_at, closed_at)
          values (${networkId}, ${title}, ${JSON.stringify(definition)}::jsonb, 'optional', ${status}, '{"kind":"all"}'::jsonb, now(),
                  ${status === 'closed' ? sql`now()` : sql`null`}) returning id`,
    )
  ).id;
}

/**
 * A network of 20 members (16 answered, 4 did not) and a closed survey, written straight into the
 * tables; the counts are then built by the surveys module's own recount.
 */
async function seedSurvey() {
  networkId = (await one<{ id: string }>(sql`insert into bodies (kind, name, acronym, level) values ('network', 'Pacto de prueba', 'PDP', 'national') returning id`)).id;
  await ctx.handle.db.execute(sql`insert into networks (body_id, point_weights) values (${networkId}, '{"assembly":3,"survey":1,"activity":2,"commission":2}'::jsonb)`);
  commissionIds = [];
  for (const name of ['Comisión de Salud', 'Comisión de Educación']) {
    const id = (await one<{ id: string }>(sql`insert into bodies (kind, name, level, parent_id) values ('commission', ${name}, 'national', ${networkId}) returning id`)).id;
    await ctx.handle.db.execute(sql`insert into network_bodies (body_id, network_id, role) values (${id}, ${networkId}, 'commission')`);
    commissionIds.push(id);
  }
  surveyId = await insertSurvey('Percepción del Pacto 2026', 'closed');
  const states = [...RESPONDENT_STATES, 'MX-JAL', 'MX-JAL', 'MX-JAL', 'MX-JAL'];
  for (const [i, state] of states.entries()) {
    const name = `Organización ${String(i).padStart(2, '0')}`;
    orgNames.push(name);
    // Academia: one of Jalisco, one of Mexico City, one of Aguascalientes (3 in all, under 5).
    const sector = [5, 10, 15].includes(i) ? 'academia' : 'civil_society';
    const org = (await one<{ id: string }>(sql`insert into organizations (name, name_key, sector, level) values (${name}, ${name.toLowerCase()}, ${sector}, 'state') returning id`)).id;
    const member = (await one<{ id: string }>(
      sql`insert into network_members (network_id, organization_id, state_code, sector) values (${networkId}, ${org}, ${state}, ${sector}) returning id`,
    )).id;
    // Commission of health: the first five of Jalisco; of education: two of Mexico City (under 5).
    const commissions = i < 5 ? [commissionIds[0]!] : i === 6 || i === 7 ? [commissionIds[1]!] : [];
    for (const bodyId of commissions) await ctx.handle.db.execute(sql`insert into memberships (body_id, organization_id, role) values (${bodyId}, ${org}, 'member')`);
    const answered = i < RESPONDENT_STATES.length;
    const invitation = (await one<{ id: string }>(
      sql`insert into survey_invitations (survey_id, member_id, token_hash, responded) values (${surveyId}, ${member}, ${`hash-${i}`}, ${answered}) returning id`,
    )).id;
    if (!answered) continue;
    const isAnonymous = i === ANONYMOUS;
    const response = (await one<{ id: string }>(
      sql`insert into survey_responses (survey_id, invitation_id, is_anonymous, state_code, sector, commission_ids, submitted_on)
          values (${surveyId}, ${isAnonymous ? null : invitation}, ${isAnonymous}, ${state}, ${sector}, ${sql.param(commissions)}::uuid[], current_date) returning id`,
    )).id;
    const answers: [string, string | null, number | null, string | null][] = [['q_sc', i < 10 ? 'si' : 'no', null, null]];
    for (const option of MULTIPLE[i] ?? []) answers.push(['q_mc', option, null, null]);
    if (NUMBERS[i] !== undefined) answers.push(['q_num', null, NUMBERS[i]!, null]);
    if (OPEN[i]) answers.push(['q_open', null, null, OPEN[i]!]);
    for (const [question, option, number, text] of answers) {
      await ctx.handle.db.execute(
        sql`insert into survey_answers (survey_id, response_id, question_key, option_key, number, text) values (${surveyId}, ${response}, ${question}, ${option}, ${number}, ${text})`,
      );
    }
  }
  await rebuildCounts(ctx.handle.db, surveyId);
}

const results = async (query = '') => {
  const response = await ctx.api('GET', `/surveys/${surveyId}/results${query}`);
  expect(response.status).toBe(200);
  return SurveyResultsViewSchema.parse(response.body);
};
const question = (view: { questions: { key: string }[] }, key: string) => view.questions.find((q) => q.key === key) as ReturnType<typeof SurveyResultsViewSchema.parse>['questions'][number];

describe('survey results', () => {
  beforeAll(seedSurvey);

  it('counts a multiple-choice question both by respondents and by mentions, as a hand recount does', async () => {
    const view = await results();
    expect(view).toMatchObject({ invited: 20, respondents: 16, responseRate: 0.8, segment: null, suppressed: false });
    // Hand recount of MULTIPLE: {a,b}, {b,c}, {a,b,c}: 3 respondents; a 2, b 3, c 2; 7 mentions.
    const multiple = question(view, 'q_mc');
    expect(multiple.answers).toBe(3);
    expect(multiple.mentions).toBe(7);
    expect(multiple.options).toEqual([
      { key: 'a', label: 'Incidencia', respondents: 2, mentions: 2, shareOfRespondents: 0.6667, shareOfMentions: 0.2857 },
      { key: 'b', label: 'Redes', respondents: 3, mentions: 3, shareOfRespondents: 1, shareOfMentions: 0.4286 },
      { key: 'c', label: 'Capacitación', respondents: 2, mentions: 2, shareOfRespondents: 0.6667, shareOfMentions: 0.2857 },
    ]);
    // Shares of respondents add up to more than 1; shares of mentions to 1.
    expect(multiple.options.reduce((sum, o) => sum + (o.shareOfRespondents ?? 0), 0)).toBeGreaterThan(1);
    const single = question(view, 'q_sc');
    expect(single).toMatchObject({ answers: 16, mentions: 16 });
    expect(single.options.map((o) => [o.key, o.respondents])).toEqual([['si', 10], ['no', 6]]);
    // Four answered the number question: its mean, median, min and max would nearly be the values, so none.
    expect(question(view, 'q_num')).toMatchObject({ answers: 4, numberSummary: null });
    expect(question(view, 'q_open')).toMatchObject({ answers: 4, options: [], themes: [] });
  });

  it('never shows a segment of fewer than 5 respondents on its own, and pools the small ones as «Otros»', async () => {
    const view = await results();
    expect(view.segments.state).toEqual([
      { segment: 'MX-CMX', label: 'Ciudad de México', respondents: 5 },
      { segment: 'MX-JAL', label: 'Jalisco', respondents: 6 },
      { segment: 'otros', label: 'Otros', respondents: 5 },
    ]);
    // Academia (3) cannot be shown, and showing the other sector alone would give academia as the rest: both pooled.
    expect(view.segments.sector).toEqual([{ segment: 'otros', label: 'Otros', respondents: 16 }]);
    expect(view.segments.commission).toEqual([{ segment: commissionIds[0], label: 'Comisión de Salud', respondents: 5 }]);

    const colima = await results('?segmentKind=state&segment=MX-COL');
    expect(colima).toMatchObject({ suppressed: true, respondents: null, invited: null, responseRate: null, questions: [], segment: { kind: 'state', value: 'MX-COL', label: 'Colima' } });
    expect((await results('?segmentKind=sector&segment=academia')).suppressed).toBe(true);
    expect((await results(`?segmentKind=commission&segment=${commissionIds[1]}`)).suppressed).toBe(true);

    // «Otros» of states: Colima (3) and Aguascalientes (2) together; their «Sí» are respondents 11 to 15 → none, «No» 5.
    const others = await results('?segmentKind=state&segment=otros');
    expect(others).toMatchObject({ suppressed: false, respondents: 5, invited: 5, segment: { kind: 'state', value: 'otros', label: 'Otros' } });
    expect(question(others, 'q_sc').options.map((o) => o.respondents)).toEqual([0, 5]);

    const jalisco = await results('?segmentKind=state&segment=MX-JAL');
    expect(jalisco).toMatchObject({ respondents: 6, invited: 10, responseRate: 0.6 });
    expect(question(jalisco, 'q_mc').options.map((o) => o.respondents)).toEqual([2, 3, 2]);
    expect((await results(`?segmentKind=commission&segment=${commissionIds[0]}`)).invited).toBe(5);

    const half = await ctx.api('GET', `/surveys/${surveyId}/results?segmentKind=state`);
    expect(half.status).toBe(422);
  });

  it('exports the same results, with the same suppression', async () => {
    const all = await ctx.request(`/api/surveys/${surveyId}/results/export?format=csv`);
    expect(all.status).toBe(200);
    expect(all.headers.get('content-disposition')).toContain('Resultados Percepci');
    const csv = await all.text();
    expect(csv).toContain('Opción múltiple');
    expect(csv).toMatch(/Redes,3,100,3,42\.9/);
    expect(csv).not.toMatch(/Colima|Aguascalientes|Academia/);
    const colima = await ctx.request(`/api/surveys/${surveyId}/results/export?format=csv&segmentKind=state&segment=MX-COL`);
    expect(colima.status).toBe(422);
    expect(JSON.stringify(await colima.json())).not.toContain('Incidencia');
    const xlsx = await ctx.request(`/api/surveys/${surveyId}/results/export?format=xlsx&segmentKind=state&segment=MX-JAL`);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('codes open answers with themes: counts, quotes marked, organisations only for named answers', async () => {
    const create = (label: string, questionKey = 'q_open') => ctx.api('POST', `/surveys/${surveyId}/themes`, { questionKey, label, description: null });
    const incidence = (await create('Incidencia')).body;
    const communication = (await create('Comunicación')).body;
    expect(incidence).toMatchObject({ label: 'Incidencia', position: 1, count: 0 });
    expect(communication.position).toBe(2);
    expect((await create('incidencia')).status).toBe(409);
    expect((await create('Otro', 'q_sc')).status).toBe(422);

    const answers = (await ctx.api('GET', `/surveys/${surveyId}/open-answers?questionKey=q_open`)).body as { answerId: string; text: string; organizationName: string | null }[];
    expect(answers).toHaveLength(4);
    const byText = (text: string) => answers.find((a) => a.text === text)!;
    expect(byText(OPEN[0]!).organizationName).toBe(orgNames[0]);
    expect(byText(OPEN[ANONYMOUS]!).organizationName).toBeNull();

    const tag = (text: string, themeIds: string[], quoteThemeIds: string[] = []) =>
      ctx.api('PUT', `/surveys/${surveyId}/answers/${byText(text).answerId}/themes`, { questionKey: 'q_open', themeIds, quoteThemeIds });
    expect((await tag(OPEN[0]!, [incidence.id], [incidence.id])).body).toMatchObject({ themeIds: [incidence.id], quoteThemeIds: [incidence.id] });
    await tag(OPEN[1]!, [communication.id]);
    await tag(OPEN[6]!, [communication.id, incidence.id]);
    await tag(OPEN[ANONYMOUS]!, [communication.id], [communication.id]);
    expect((await tag(OPEN[1]!, [], [incidence.id])).status).toBe(422);

    const open = question(await results(), 'q_open');
    expect(open.themes).toEqual([
      { id: incidence.id, label: 'Incidencia', count: 2, quotes: [OPEN[0]] },
      { id: communication.id, label: 'Comunicación', count: 3, quotes: [OPEN[ANONYMOUS]] },
    ]);
    // In Jalisco only answers 0 and 1 are: one of each theme, and only the quote that came from there.
    expect(question(await results('?segmentKind=state&segment=MX-JAL'), 'q_open').themes).toEqual([
      { id: incidence.id, label: 'Incidencia', count: 1, quotes: [OPEN[0]] },
      { id: communication.id, label: 'Comunicación', count: 1, quotes: [] },
    ]);
    const themes = (await ctx.api('GET', `/surveys/${surveyId}/themes?questionKey=q_open`)).body;
    expect(themes.map((t: { count: number }) => t.count)).toEqual([2, 3]);

    const renamed = await ctx.api('PATCH', `/surveys/themes/${incidence.id}`, { version: incidence.version, label: 'Incidencia política' });
    expect(renamed.body).toMatchObject({ label: 'Incidencia política', count: 2, version: incidence.version + 1 });
    expect((await ctx.api('PATCH', `/surveys/themes/${incidence.id}`, { version: incidence.version, label: 'Otra' })).status).toBe(409);

    const extra = (await create('Por quitar')).body;
    await tag(OPEN[1]!, [communication.id, extra.id]);
    expect((await ctx.api('DELETE', `/surveys/themes/${extra.id}`)).status).toBe(204);
    expect(question(await results(), 'q_open').themes.map((t) => t.label)).toEqual(['Incidencia política', 'Comunicación']);
  });

  it('publishes chosen questions of a closed survey on the portal, and nothing else', async () => {
    expect((await ctx.anonymous('GET', `/public/surveys/${surveyId}/results`)).status).toBe(404);
    expect((await ctx.anonymous('GET', '/public/surveys')).body).toEqual([]);

    const open = await insertSurvey('Encuesta abierta', 'open');
    expect((await ctx.api('PUT', `/surveys/${open}/publication`, { questionKeys: ['q_sc'] })).status).toBe(409);
    expect((await ctx.api('PUT', `/surveys/${surveyId}/publication`, { questionKeys: ['q_zz'] })).status).toBe(422);

    const published = await ctx.api('PUT', `/surveys/${surveyId}/publication`, { questionKeys: ['q_mc', 'q_open'] });
    expect(published.status).toBe(200);
    expect(published.body.questionKeys).toEqual(['q_mc', 'q_open']);
    expect(published.body.publishedAt).toBeTruthy();

    const list = await ctx.anonymous('GET', '/public/surveys');
    expect(list.body).toEqual([expect.objectContaining({ id: surveyId, title: 'Percepción del Pacto 2026', respondents: 16, questions: 2 })]);
    const portal = await ctx.anonymous('GET', `/public/surveys/${surveyId}/results`);
    expect(portal.status).toBe(200);
    const view = SurveyResultsViewSchema.parse(portal.body);
    expect(view.questions.map((q) => q.key)).toEqual(['q_mc', 'q_open']);
    expect(question(view, 'q_mc').options.map((o) => o.respondents)).toEqual([2, 3, 2]);
    expect(question(view, 'q_open').themes.flatMap((t) => t.quotes)).toEqual([OPEN[0], OPEN[ANONYMOUS]]);
    expect(view.segments.state.map((s) => s.segment)).toEqual(['MX-CMX', 'MX-JAL', 'otros']);
    const text = JSON.stringify(portal.body);
    expect(text).not.toMatch(/Organización \d|No entiendo|Colima|Aguascalientes/);
    expect((await ctx.anonymous('GET', `/public/surveys/${surveyId}/results?segmentKind=state&segment=MX-COL`)).body).toMatchObject({ suppressed: true, questions: [] });
    // Routes that are not the portal's still refuse anonymous callers.
    expect((await ctx.anonymous('GET', `/surveys/${surveyId}/results`)).status).toBe(401);

    const history = (await ctx.api('GET', `/history/survey/${surveyId}`)).body as { action: string }[];
    expect(history.map((entry) => entry.action)).toEqual(expect.arrayContaining(['publish']));
    await ctx.api('PUT', `/surveys/${surveyId}/publication`, { questionKeys: [] });
    expect((await ctx.anonymous('GET', `/public/surveys/${surveyId}/results`)).status).toBe(404);
  });

  it('lets only the network coordination read results: a reader or another body’s secretariat is refused', async () => {
    const reader = await ctx.signInAs([{ role: 'reader' }]);
    expect((await reader('GET', `/surveys/${surveyId}/results`)).status).toBe(403);
    expect((await reader('GET', `/surveys/${surveyId}/open-answers?questionKey=q_open`)).status).toBe(403);
    const other = (await one<{ id: string }>(sql`insert into bodies (kind, name, level) values ('system', 'Otro sistema', 'national') returning id`)).id;
    const outsider = await ctx.signInAs([{ role: 'secretariat', bodyId: other }]);
    expect((await outsider('GET', `/surveys/${surveyId}/results`)).status).toBe(403);
    const secretariat = await ctx.signInAs([{ role: 'secretariat', bodyId: networkId }]);
    expect((await secretariat('GET', `/surveys/${surveyId}/results`)).status).toBe(200);
  });

  it('prints the results from the command line, and lists the candidates of an ambiguous title', async () => {
    const printed: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (printed.push(String(chunk)), true));
    const code = await exportSurveyResultsCommand(['percepción del pacto 2026', '--format', 'json'], ctx.handle);
    write.mockRestore();
    expect(code).toBe(0);
    const json = JSON.parse(printed.join(''));
    expect(Object.keys(json)).toEqual(['survey', 'invited', 'responses', 'responseRate', 'questions']);
    expect(json).toMatchObject({ survey: 'Percepción del Pacto 2026', invited: 20, responses: 16, responseRate: 0.8 });
    expect(json.questions[1]).toEqual({
      text: '¿Qué valoras del Pacto?',
      kind: 'multiple_choice',
      answers: 3,
      options: [
        { label: 'Incidencia', respondents: 2, mentions: 2 },
        { label: 'Redes', respondents: 3, mentions: 3 },
        { label: 'Capacitación', respondents: 2, mentions: 2 },
      ],
      themes: [],
    });
    expect(json.questions[3].themes).toEqual([{ label: 'Incidencia política', count: 2 }, { label: 'Comunicación', count: 3 }]);

    const second = await insertSurvey('Percepción del Pacto 2026', 'closed');
    const errors: string[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation((line) => void errors.push(String(line)));
    const ambiguous = await exportSurveyResultsCommand(['Percepción del Pacto 2026', '--format', 'json'], ctx.handle);
    error.mockRestore();
    expect(ambiguous).toBe(1);
    expect(errors.join('\n')).toContain(surveyId);
    expect(errors.join('\n')).toContain(second);
  });
});
