/**
 * Networks and member surveys end to end, in separate browsers: the coordination (an administrator, who
 * also reads «Correos enviados») writes a survey for the members of three states and opens it; two members
 * answer through the personal links their invitation mails carry, one of them anonymously; the response
 * rate by state moves on the survey page; more members answer (through the API, as their links allow); the
 * coordination closes the survey, codes the open answers into themes and publishes the results; a citizen on a phone reads
 * them on the portal, where a state with fewer than 5 respondents is neither offered nor shown.
 */
import type { Browser, Page } from 'playwright-core';
import { devices } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousAxeViolations, launchBrowser, openPage, openSignedInPage } from './support/browser.js';
import { type RunningTelar, startTelar } from './support/telar-server.js';

const NETWORK = 'Red por la Primera Infancia e2e';
const SURVEY = '¿Cómo percibes a la Red?';
const CHOICE_QUESTION = '¿Qué le aporta la Red a su organización?';
const OPEN_QUESTION = '¿Qué cambiaría de la Red?';
const CHOICES = ['Información', 'Incidencia en política pública', 'Vinculación con otras organizaciones', 'Capacitación'];
/** The audience: three states. Chiapas ends with 2 respondents, under the threshold of 5. */
const AUDIENCE = [
  { code: 'MX-JAL', name: 'Jalisco', members: 7 },
  { code: 'MX-OAX', name: 'Oaxaca', members: 6 },
  { code: 'MX-CHP', name: 'Chiapas', members: 3 },
] as const;
/** Members outside the audience: never invited. */
const OUTSIDE = { code: 'MX-CMX', name: 'Ciudad de México', members: 2 } as const;
const INVITED = AUDIENCE.reduce((sum, state) => sum + state.members, 0);
const THEME_VALUE = 'Valor e incidencia';
const THEME_INFORMATION = 'Falta de información';

interface Member {
  id: string;
  name: string;
  email: string;
  stateCode: string;
}

let telar: RunningTelar;
let browser: Browser;
let coordination: Page;
let member: Page;
let networkId: string;
let surveyId: string;
const members: Member[] = [];

const emailOf = (stateCode: string, n: number) => `integrante${n}.${stateCode.slice(3).toLowerCase()}@e2e.telar.mx`;

/** A question's text as a pattern for its accessible name (which starts with its number). */
const named = (text: string) => new RegExp(text.replace(/[?¿.()]/g, '.'));
const answersText = (count: number) => `${count} ${count === 1 ? 'respuesta' : 'respuestas'}`;

/** Ticks a checkbox whose state the server's answer sets (the list refreshes after each write). */
async function tick(checkbox: ReturnType<Page['getByRole']>) {
  await checkbox.click();
  await expect.poll(() => checkbox.isChecked()).toBe(true);
}

async function expectNoSeriousAxeViolations(page: Page) {
  expect(await findSeriousAxeViolations(page)).toEqual([]);
}

/** The personal link of a member's invitation, read from the outbox through the API «Correos enviados» reads. */
async function invitationLink(email: string): Promise<string> {
  const outbox = await telar.adminApi.get<{ items: { id: string; toAddress: string; subject: string }[] }>('/outbox?pageSize=100');
  const mail = outbox.items.find((item) => item.toAddress === email && item.subject.includes(SURVEY));
  if (!mail) throw new Error(`No hay invitación en la bandeja de salida para ${email}.`);
  const { text } = await telar.adminApi.get<{ text: string }>(`/outbox/${mail.id}`);
  return /https?:\/\/\S+\/encuesta\/[\w-]+/.exec(text)![0];
}

/** A rate table's row for a state, as its cells read: state, invited, responded, rate. */
async function rateRow(page: Page, stateName: string) {
  const table = page.getByRole('table', { name: 'Tasa de respuesta por estado' });
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: stateName, exact: true }) });
  return (await row.getByRole('cell').allTextContents()).map((cell) => cell.trim());
}

beforeAll(async () => {
  telar = await startTelar();
  browser = await launchBrowser();
  const network = await telar.adminApi.post<{ id: string }>('/networks', { name: NETWORK, acronym: 'RPIE', level: 'national' });
  networkId = network.id;
  const sectors = ['civil_society', 'academia', 'private_sector'];
  for (const state of [...AUDIENCE, OUTSIDE]) {
    for (let n = 1; n <= state.members; n++) {
      const name = `Colectivo ${state.name} ${n}`;
      const email = emailOf(state.code, n);
      const created = await telar.adminApi.post<{ id: string }>(`/networks/${networkId}/members`, {
        organization: { name, acronym: null },
        stateCode: state.code,
        sector: sectors[n % sectors.length],
        joinedOn: '2024-03-01',
        contactName: `Enlace ${n}`,
        contactEmail: email,
      });
      members.push({ id: created.id, name, email, stateCode: state.code });
    }
  }
  coordination = await openSignedInPage(browser, telar.baseUrl, telar.admin);
  member = await openPage(browser);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await telar?.stop();
});

describe('a network survey, from the invitation to the portal', () => {
  it('the coordination writes a survey for the members of three states and opens it: one invitation mail per member', async () => {
    await coordination.goto(`${telar.baseUrl}/redes/${networkId}`);
    await coordination.getByRole('heading', { level: 1, name: NETWORK }).waitFor();
    await expectNoSeriousAxeViolations(coordination);
    await coordination.goto(`${telar.baseUrl}/redes/${networkId}/encuestas/nueva`);
    await coordination.getByRole('heading', { level: 1, name: 'Nueva encuesta' }).waitFor();
    await coordination.getByLabel('Título', { exact: true }).fill(SURVEY);
    await coordination.getByLabel('Descripción', { exact: true }).fill('Queremos saber qué valor le da la Red a sus integrantes.');
    await coordination.getByRole('radio', { name: /^A elección de quien responde/ }).check();
    await coordination.getByRole('radio', { name: 'Integrantes de estados' }).check();
    const states = coordination.getByRole('group', { name: 'Estados' });
    for (const state of AUDIENCE) await states.getByRole('checkbox', { name: state.name, exact: true }).check();

    await coordination.getByLabel('Tipo de la pregunta 1.1', { exact: true }).selectOption({ label: 'Opción múltiple' });
    await coordination.getByLabel('Texto de la pregunta 1.1', { exact: true }).fill(CHOICE_QUESTION);
    await coordination.getByLabel('Opciones de la pregunta 1.1', { exact: true }).fill(CHOICES.join('\n'));
    await coordination.getByRole('button', { name: 'Agregar pregunta a la sección 1' }).click();
    await coordination.getByLabel('Tipo de la pregunta 1.2', { exact: true }).selectOption({ label: 'Abierta' });
    await coordination.getByLabel('Texto de la pregunta 1.2', { exact: true }).fill(OPEN_QUESTION);
    await expectNoSeriousAxeViolations(coordination);
    await coordination.getByRole('button', { name: 'Guardar borrador' }).click();
    await coordination.waitForURL(/\/encuestas\/[0-9a-f-]{36}$/);
    surveyId = /\/encuestas\/([0-9a-f-]{36})$/.exec(coordination.url())![1]!;
    await coordination.getByRole('heading', { level: 1, name: SURVEY }).waitFor();
    const audience = coordination.getByText(/^Integrantes de: /);
    await audience.waitFor();
    expect((await audience.textContent())!.replace('Integrantes de: ', '').split(', ').sort()).toEqual(AUDIENCE.map((state) => state.name).sort());

    await coordination.getByRole('button', { name: 'Abrir e invitar' }).click();
    await coordination.getByRole('dialog').getByRole('button', { name: 'Abrir e invitar' }).click();
    await coordination.getByText(`Encuesta abierta: se invitó a ${INVITED} integrantes.`).waitFor();
    await coordination.getByRole('table', { name: 'Tasa de respuesta por estado' }).waitFor();
    expect(await rateRow(coordination, 'Jalisco')).toEqual(['7', '0', '0 %']);
    await expectNoSeriousAxeViolations(coordination);

    // One mail per invited member, none to the members outside the three states.
    const outbox = await telar.adminApi.get<{ items: { toAddress: string; subject: string }[] }>('/outbox?pageSize=100');
    const invitations = outbox.items.filter((mail) => mail.subject.includes(SURVEY));
    expect(invitations.map((mail) => mail.toAddress).sort()).toEqual(members.filter((m) => m.stateCode !== OUTSIDE.code).map((m) => m.email).sort());
  });

  it('two members answer through their personal links from «Correos enviados», one of them anonymously', async () => {
    const [jalisco1] = members.filter((m) => m.stateCode === 'MX-JAL');
    const [chiapas1] = members.filter((m) => m.stateCode === 'MX-CHP');
    for (const [respondent, isAnonymous] of [[jalisco1!, false], [chiapas1!, true]] as const) {
      // The coordination finds the member's mail in the outbox and hands over its link.
      await coordination.goto(`${telar.baseUrl}/correos`);
      const row = coordination.getByRole('row').filter({ hasText: respondent.email });
      await row.getByRole('link', { name: named(SURVEY) }).click();
      const mailText = (await coordination.locator('pre.mail-text').textContent()) ?? '';
      expect(mailText).toContain(`Hola, ${respondent.name}:`);
      const link = /https?:\/\/\S+\/encuesta\/[\w-]+/.exec(mailText)![0];

      await member.goto(link);
      await member.getByRole('heading', { level: 1, name: SURVEY }).waitFor();
      await member.getByText(respondent.name).first().waitFor();
      await expectNoSeriousAxeViolations(member);
      const choices = member.getByRole('group', { name: named(CHOICE_QUESTION) });
      await choices.getByRole('checkbox', { name: isAnonymous ? 'Información' : 'Incidencia en política pública' }).check();
      await choices.getByRole('checkbox', { name: 'Vinculación con otras organizaciones' }).check();
      await member
        .getByLabel(named(OPEN_QUESTION))
        .fill(isAnonymous ? 'No entiendo qué hace la Red en mi estado; falta información.' : 'Genera mucho valor y permite la incidencia.');
      if (isAnonymous) await member.getByRole('checkbox', { name: 'Responder de forma anónima' }).check();
      await member.getByRole('button', { name: 'Enviar respuestas' }).click();
      await member.getByText('¡Gracias! Sus respuestas quedaron registradas.').waitFor();
      await member.goto(link);
      await member.getByText('Esta invitación ya fue respondida. Gracias por participar.').waitFor();
    }
  });

  it('the response rate by state updates on the survey page', async () => {
    await coordination.goto(`${telar.baseUrl}/encuestas/${surveyId}`);
    await coordination.getByRole('table', { name: 'Tasa de respuesta por estado' }).waitFor();
    await expect.poll(() => rateRow(coordination, 'Jalisco')).toEqual(['7', '1', '14.3 %']);
    expect(await rateRow(coordination, 'Chiapas')).toEqual(['3', '1', '33.3 %']);
    expect(await rateRow(coordination, 'Oaxaca')).toEqual(['6', '0', '0 %']);
    await coordination.getByText(`Respondieron 2 de ${INVITED} invitados`).waitFor();
    await expectNoSeriousAxeViolations(coordination);
  });

  it('more members answer; the coordination closes the survey, codes the open answers into themes and publishes its results', async () => {
    const survey = await telar.adminApi.get<{ definition: { sections: { questions: { key: string; kind: string; options: { key: string; label: string }[] }[] }[] } }>(
      `/surveys/${surveyId}`,
    );
    const [choice, open] = survey.definition.sections[0]!.questions;
    const keyOf = (label: string) => choice!.options.find((option) => option.label === label)!.key;
    // Jalisco and Oaxaca reach 5 respondents each; Chiapas stays at 2.
    const more = [
      ...members.filter((m) => m.stateCode === 'MX-JAL').slice(1, 5),
      ...members.filter((m) => m.stateCode === 'MX-OAX').slice(0, 5),
      ...members.filter((m) => m.stateCode === 'MX-CHP').slice(1, 2),
    ];
    for (const [index, respondent] of more.entries()) {
      const token = (await invitationLink(respondent.email)).split('/encuesta/')[1]!;
      const response = await fetch(`${telar.baseUrl}/api/survey-invitations/${token}/response`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          answers: {
            [choice!.key]: { selected: [keyOf(CHOICES[index % CHOICES.length]!), keyOf('Información')].filter((key, i, all) => all.indexOf(key) === i) },
            [open!.key]: { text: index % 2 ? 'Nos falta información sobre las comisiones.' : 'La Red genera valor para nuestro trabajo.' },
          },
          anonymous: index % 3 === 0,
        }),
      });
      expect(response.status, await response.clone().text()).toBe(201);
    }

    await coordination.goto(`${telar.baseUrl}/encuestas/${surveyId}?vista=resultados`);
    // A survey that takes anonymous answers shows its results once closed (while open, each new answer could be
    // told apart by comparing two views); only a closed survey is published.
    await coordination.getByRole('button', { name: 'Cerrar', exact: true }).click();
    await coordination.getByRole('dialog').getByRole('button', { name: 'Cerrar', exact: true }).click();
    await coordination.getByText('Encuesta cerrada.').waitFor();
    await coordination.getByRole('heading', { level: 3, name: named(CHOICE_QUESTION) }).waitFor();
    await coordination.getByText('Codificar las respuestas de la pregunta 2').click();
    const themeLabel = coordination.getByLabel('Nombre del tema', { exact: false });
    for (const label of [THEME_VALUE, THEME_INFORMATION]) {
      await themeLabel.fill(label);
      await coordination.getByRole('button', { name: 'Agregar tema' }).click();
      await coordination.getByText(`${label}: ${answersText(0)}`).waitFor();
      // The form empties itself once the theme is saved.
      await expect.poll(() => themeLabel.inputValue()).toBe('');
    }
    // The anonymous answer is shown without its organisation; the named one with it.
    const answers = coordination.locator('li.survey-answer');
    await expect.poll(() => answers.count()).toBe(12);
    await coordination.locator('li.survey-answer').filter({ hasText: 'No entiendo qué hace la Red' }).getByText('Respuesta anónima').waitFor();
    await coordination.locator('li.survey-answer').filter({ hasText: 'Genera mucho valor y permite la incidencia.' }).getByText('Colectivo Jalisco 1').waitFor();

    const count = await answers.count();
    for (let i = 0; i < count; i++) {
      const answer = coordination.locator('li.survey-answer').nth(i);
      const text = (await answer.locator('blockquote').textContent()) ?? '';
      const theme = /valor/i.test(text) ? THEME_VALUE : THEME_INFORMATION;
      await tick(answer.getByRole('checkbox', { name: theme, exact: true }));
    }
    const valueCount = (await Promise.all(Array.from({ length: count }, (_, i) => answers.nth(i).locator('blockquote').textContent()))).filter((text) => /valor/i.test(text ?? '')).length;
    await coordination.getByText(`${THEME_VALUE}: ${answersText(valueCount)}`).waitFor();
    await coordination.getByText(`${THEME_INFORMATION}: ${answersText(count - valueCount)}`).waitFor();
    // A representative quote: only marked quotes reach the portal.
    const quoted = coordination.locator('li.survey-answer').filter({ hasText: 'Genera mucho valor y permite la incidencia.' });
    await tick(quoted.getByRole('checkbox', { name: `Cita de «${THEME_VALUE}»` }));
    await coordination.getByRole('blockquote').filter({ hasText: 'Genera mucho valor y permite la incidencia.' }).first().waitFor();
    await expectNoSeriousAxeViolations(coordination);

    const publication = coordination.getByRole('group', { name: 'Preguntas que se publican' });
    await publication.getByRole('checkbox', { name: named(CHOICE_QUESTION) }).check();
    await publication.getByRole('checkbox', { name: named(OPEN_QUESTION) }).check();
    await coordination.getByRole('button', { name: 'Publicar', exact: true }).click();
    await coordination.getByText('Se publicaron 2 preguntas.').waitFor();
  });

  it('a citizen on a phone sees the published chart, and no state with fewer than 5 respondents', async () => {
    const citizen = await openPage(browser, { ...devices['Pixel 7'] });
    await citizen.goto(`${telar.baseUrl}/publico/encuestas`);
    await citizen.getByRole('link', { name: SURVEY }).click();
    await citizen.getByRole('heading', { level: 1, name: SURVEY }).waitFor();
    const chart = citizen.getByRole('img', { name: new RegExp(`^Gráfica de barras.*${named(CHOICE_QUESTION).source}`) });
    await chart.waitFor();
    // Multiple choice counted as respondents and as mentions: «Información» chosen by 11 of the 12, 11 of 21 mentions.
    const options = citizen.getByRole('table', { name: new RegExp(`^Resultados de la pregunta 1\\. ${named(CHOICE_QUESTION).source}`) });
    const information = options.getByRole('row').filter({ has: citizen.getByRole('rowheader', { name: 'Información', exact: true }) });
    expect((await information.getByRole('cell').allTextContents()).map((cell) => cell.trim())).toEqual(['11', '91.7 %', '11', '52.4 %']);
    const footer = options.getByRole('row').filter({ has: citizen.getByRole('rowheader', { name: 'Respondieron la pregunta' }) });
    expect((await footer.getByRole('cell').allTextContents()).map((cell) => cell.trim()).filter(Boolean)).toEqual(['12', '21']);
    await citizen.getByRole('table', { name: new RegExp(`Temas de las respuestas a la pregunta 2`) }).getByRole('rowheader', { name: THEME_VALUE }).waitFor();
    await citizen.getByRole('blockquote').filter({ hasText: 'Genera mucho valor y permite la incidencia.' }).waitFor();
    // Only the marked quote is public.
    expect(await citizen.getByText('Nos falta información sobre las comisiones.').count()).toBe(0);
    await expect.poll(async () => (await citizen.locator('dl.facts').textContent()) ?? '').toContain('12');
    await expectNoSeriousAxeViolations(citizen);

    // By state: Jalisco 5, Oaxaca 5, Chiapas 2. Chiapas is not offered; pooled alone it could be read off
    // the total, so the smallest offered state (Jalisco: ties go by code) joins it in «Otros» (7).
    await citizen.getByLabel('Ver por', { exact: true }).selectOption({ label: 'Estado' });
    const stateSelect = citizen.getByLabel('Estado', { exact: true });
    await stateSelect.waitFor();
    const offered = (await stateSelect.locator('option').allTextContents()).map((text) => text.trim());
    expect(offered).toEqual(['Elija uno', 'Oaxaca (5 respuestas)', 'Otros (7 respuestas)']);
    expect(offered.filter((text) => text.includes('Chiapas'))).toEqual([]);
    await stateSelect.selectOption({ label: 'Oaxaca (5 respuestas)' });
    await expect.poll(() => citizen.url()).toContain('segment=MX-OAX');
    await chart.waitFor();
    await expectNoSeriousAxeViolations(citizen);

    // Asked for by its address, the small state shows nothing but the notice.
    await citizen.goto(`${telar.baseUrl}/publico/encuestas/${surveyId}?segmentKind=state&segment=MX-CHP`);
    await citizen.getByText('Grupo de menos de 5 respuestas: no se muestra').waitFor();
    expect(await citizen.getByRole('img', { name: /^Gráfica de barras/ }).count()).toBe(0);
    expect(await citizen.getByRole('blockquote').count()).toBe(0);
    await expectNoSeriousAxeViolations(citizen);
    for (const small of ['MX-CHP', 'MX-JAL']) {
      const results = await (await fetch(`${telar.baseUrl}/api/public/surveys/${surveyId}/results?segmentKind=state&segment=${small}`)).json();
      expect(results).toMatchObject({ suppressed: true });
      expect(JSON.stringify(results)).not.toContain('No entiendo');
      expect(results.segments.state.map((segment: { label: string }) => segment.label)).not.toContain('Chiapas');
    }
    await citizen.context().close();
  });
});
