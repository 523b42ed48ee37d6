import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { createNotificationScheduler, deliverQueuedMail, runNotifications, transportFromUrl } from './index.js';
import { type ReceivedMail, startSmtpServer } from './smtp.test-support.js';

type Api = TestContext['api'];

let ctx: TestContext;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const savedPublicUrl = process.env.TELAR_PUBLIC_URL;
const people: Record<string, { api: Api; id: string; email: string }> = {};
const ids: Record<string, string> = {};

async function person(key: string, roles: Parameters<TestContext['signInAs']>[0]) {
  const api = await ctx.signInAs(roles);
  const me = (await api('GET', '/auth/me')).body;
  people[key] = { api, id: me.id, email: me.email };
}

async function agreement(key: string, dueDate: string, responsibleOrganizationIds: string[]) {
  const response = await ctx.api('POST', '/agreements', { sessionId: ids.session, text: `Acuerdo ${key}: informar avances del programa estatal.`, dueDate, responsibleOrganizationIds });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  ids[key] = response.body.id;
}

const run = (date: string) => runNotifications(ctx.handle.db, { date, isDaily: true });
const deliver = () => deliverQueuedMail(ctx.handle.db, transportFromUrl(smtp.url)!);
const mailTo = (key: string, from = 0) => smtp.received.slice(from).filter((m: ReceivedMail) => m.to.includes(people[key]!.email));

beforeAll(async () => {
  process.env.TELAR_PUBLIC_URL = 'https://telar.example.mx';
  ctx = await createTestContext();
  smtp = await startSmtpServer();
  ids.body = (await ctx.api('POST', '/bodies', { kind: 'commission', name: 'Comisión de Seguimiento', acronym: 'COSE', level: 'national' })).body.id;
  ids.other = (await ctx.api('POST', '/bodies', { kind: 'commission', name: 'Comisión de Protección', acronym: 'COPRO', level: 'national' })).body.id;
  for (const [key, acronym] of [['dif', 'SNDIF'], ['stps', 'STPS'], ['sep', 'SEP']] as const) {
    ids[key] = (await ctx.api('POST', '/organizations', { name: `Organización ${acronym}`, acronym, sector: 'government', level: 'federal' })).body.id;
  }
  ids.session = (await ctx.api('POST', '/sessions', { bodyId: ids.body, kind: 'ordinary', number: 3, date: '2025-02-10' })).body.id;
  await person('enlaceDif', [{ role: 'enlace', organizationId: ids.dif }]);
  await person('enlaceStps', [{ role: 'enlace', organizationId: ids.stps }]);
  await person('secretariat', [{ role: 'secretariat', bodyId: ids.body }]);
  await person('otherSecretariat', [{ role: 'secretariat', bodyId: ids.other }]);
  await person('inactive', [{ role: 'enlace', organizationId: ids.dif }]);
  const inactive = (await ctx.api('GET', `/users/${people.inactive!.id}`)).body;
  expect((await ctx.api('POST', `/users/${inactive.id}/deactivate`, { version: inactive.version })).status).toBe(204);
});
afterAll(async () => {
  await smtp.close();
  await ctx.close();
  if (savedPublicUrl === undefined) delete process.env.TELAR_PUBLIC_URL;
  else process.env.TELAR_PUBLIC_URL = savedPublicUrl;
});

describe('agreement deadlines', () => {
  it('mails one Spanish digest to each enlace of a responsible organisation and to the body’s secretariat, never to an inactive account', async () => {
    // Due Monday 22 September 2025: from Friday the 12th that is 5 working days (16 September is a rest day).
    await agreement('informe', '2025-09-22', [ids.dif!]);
    const summary = await run('2025-09-12');
    expect(summary).toEqual({ date: '2025-09-12', messages: 2, recipients: 2, skipped: 0 });
    expect(await deliver()).toEqual({ sent: 2, failed: 0 });

    const [toEnlace] = mailTo('enlaceDif');
    expect(toEnlace!.subject).toBe('Telar: resumen del 12 de septiembre de 2025 (1 aviso)');
    expect(toEnlace!.text).toContain('Acuerdo sin clave de COSE: fecha de cumplimiento próxima');
    expect(toEnlace!.text).toContain('Vence en 5 días hábiles, el 22 de septiembre de 2025.');
    expect(toEnlace!.text).toContain(`https://telar.example.mx/acuerdos/${ids.informe}`);
    expect(toEnlace!.html).toContain(`href="https://telar.example.mx/acuerdos/${ids.informe}"`);
    expect(toEnlace!.listUnsubscribe).toContain('https://telar.example.mx/mi-cuenta/avisos');
    expect(mailTo('secretariat')).toHaveLength(1);
    expect(mailTo('inactive')).toHaveLength(0);
    expect(mailTo('enlaceStps')).toHaveLength(0);
    expect(mailTo('otherSecretariat')).toHaveLength(0);
  });

  it('sends nothing when the run is repeated the same day', async () => {
    const before = smtp.received.length;
    expect(await run('2025-09-12')).toEqual({ date: '2025-09-12', messages: 0, recipients: 0, skipped: 2 });
    expect(await deliver()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(before);
  });

  it('after days without a run sends the notice that became due meanwhile, once, and weekly once overdue', async () => {
    const before = smtp.received.length;
    // The 7-day notice went out; on Friday the 19th the deadline is 1 working day away.
    expect((await run('2025-09-19')).messages).toBe(2);
    expect((await run('2025-09-19')).messages).toBe(0);
    // Overdue from the 23rd: told on the first day late, not again until a week later.
    expect((await run('2025-09-23')).messages).toBe(2);
    expect((await run('2025-09-25')).messages).toBe(0);
    expect((await run('2025-09-30')).messages).toBe(2);
    await deliver();
    const overdue = mailTo('enlaceDif', before).map((m) => m.text);
    expect(overdue[1]).toContain('Venció el 22 de septiembre de 2025; lleva 1 día de atraso.');
    expect(overdue[2]).toContain('lleva 8 días de atraso');
    // Overdue items of one's own are mandatory: no List-Unsubscribe.
    expect(mailTo('enlaceDif', before)[1]!.listUnsubscribe).toBeUndefined();
  });

  it('escalates to the secretariat once an agreement is more than 14 days overdue', async () => {
    await run('2025-10-07');
    const { body } = await people.secretariat!.api('GET', '/notifications');
    const escalations = body.items.filter((n: { kind: string }) => n.kind === 'overdue_escalation');
    expect(escalations).toHaveLength(1);
    expect(escalations[0].title).toBe('Acuerdo sin clave de COSE: más de 14 días de atraso');
    await run('2025-10-14');
    expect((await people.secretariat!.api('GET', '/notifications')).body.items.filter((n: { kind: string }) => n.kind === 'overdue_escalation')).toHaveLength(1);
  });

  it('reads the day in Mexico City: at 23:59 on the eve of a rest day a deadline two days later is 1 working day away', async () => {
    await agreement('vispera', '2026-09-17', [ids.stps!]);
    await agreement('hoy', '2026-09-15', [ids.stps!]);
    // 23:59 on Tuesday 15 September 2026 in Mexico City is already the 16th in UTC; the 16th is a rest day.
    const scheduler = createNotificationScheduler(ctx.handle.db, { transport: null, now: () => new Date('2026-09-16T05:59:00Z'), holder: 'test', log: () => {} });
    expect(await scheduler.tick()).toBe(true);
    await scheduler.stop();
    const { body } = await people.enlaceStps!.api('GET', '/notifications');
    const bodies = body.items.map((n: { body: string }) => n.body);
    expect(bodies).toContainEqual(expect.stringContaining('Vence en 1 día hábil, el 17 de septiembre de 2026.'));
    expect(bodies).toContainEqual(expect.stringContaining('Vence hoy, el 15 de septiembre de 2026.'));
    expect(bodies.some((text: string) => text.includes('atraso'))).toBe(false);
  });
});

describe('each person’s notices', () => {
  it('shows the bell’s count and the list, marks read only the person’s own', async () => {
    const enlace = people.enlaceDif!.api;
    const count = (await enlace('GET', '/notifications/unread-count')).body.unread;
    expect(count).toBeGreaterThan(0);
    const list = (await enlace('GET', '/notifications?unread=true&pageSize=1')).body;
    expect(list.total).toBe(count);
    expect(list.items[0]).toMatchObject({ isRead: false, linkPath: `/acuerdos/${ids.informe}` });
    const secretariatBefore = (await people.secretariat!.api('GET', '/notifications/unread-count')).body.unread;
    expect((await enlace('POST', '/notifications/read', { ids: [list.items[0].id] })).status).toBe(204);
    expect((await enlace('GET', '/notifications/unread-count')).body.unread).toBe(count - 1);
    // Naming another person's notice changes nothing for them.
    const theirs = (await people.secretariat!.api('GET', '/notifications?pageSize=1')).body.items[0].id;
    await enlace('POST', '/notifications/read', { ids: [theirs] });
    expect((await people.secretariat!.api('GET', '/notifications/unread-count')).body.unread).toBe(secretariatBefore);
    await enlace('POST', '/notifications/read', {});
    expect((await enlace('GET', '/notifications/unread-count')).body.unread).toBe(0);
  });

  it('refuses anonymous callers and keeps the outbox for administrators', async () => {
    expect((await ctx.anonymous('GET', '/notifications')).status).toBe(401);
    expect((await people.enlaceDif!.api('GET', '/outbox')).status).toBe(403);
    await deliver();
    const outbox = (await ctx.api('GET', '/outbox?pageSize=5')).body;
    expect(outbox.items[0]).toMatchObject({ status: 'sent', attempts: 1 });
    const mail = (await ctx.api('GET', `/outbox/${outbox.items[0].id}`)).body;
    expect(mail.text).toContain('Hola, Persona');
  });

  it('lets a person switch optional kinds off and choose immediate mail, but not switch off their own overdue items', async () => {
    ids.inmujeres = (await ctx.api('POST', '/organizations', { name: 'Instituto Nacional de las Mujeres', acronym: 'INMUJERES', sector: 'government', level: 'federal' })).body.id;
    await person('enlaceInmujeres', [{ role: 'enlace', organizationId: ids.inmujeres }]);
    const enlace = people.enlaceInmujeres!.api;
    const preferences = (await enlace('GET', '/notifications/preferences')).body;
    expect(preferences.delivery).toBe('digest');
    expect(preferences.kinds.find((k: { kind: string }) => k.kind === 'session_published')).toEqual({ kind: 'session_published', isOn: false, isMandatory: false });
    const refused = await enlace('PUT', '/notifications/preferences', { delivery: 'digest', kinds: { agreement_overdue: false }, version: preferences.version });
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues[0].message).toBe('Los avisos de sus propios pendientes vencidos no se pueden desactivar.');
    const saved = await enlace('PUT', '/notifications/preferences', { delivery: 'immediate', kinds: { agreement_due: false }, version: preferences.version });
    expect(saved.status).toBe(200);
    expect(saved.body.kinds.find((k: { kind: string }) => k.kind === 'agreement_due').isOn).toBe(false);
    expect((await enlace('PUT', '/notifications/preferences', { delivery: 'digest', kinds: {}, version: preferences.version })).status).toBe(409);

    await agreement('apagado', '2027-03-10', [ids.inmujeres!]);
    await agreement('vencido', '2027-02-20', [ids.inmujeres!]);
    const before = smtp.received.length;
    const summary = await run('2027-03-05');
    await deliver();
    // The due notice was switched off; the overdue one comes alone, at once, not in a digest.
    const mails = mailTo('enlaceInmujeres', before);
    expect(mails.map((m) => m.subject)).toEqual(['Telar: Acuerdo sin clave de COSE: vencido']);
    expect(summary.skipped).toBeGreaterThanOrEqual(1);
  });
});

describe('reports', () => {
  it('tells the enlaces a report was sent back, with the link to the report', async () => {
    const planBody = ids.body!;
    const plan = await ctx.api('POST', '/plans', { name: 'Programa de seguimiento', bodyId: planBody, periodFrom: '2026-01-01', periodTo: '2026-12-31' });
    const node = await ctx.api('POST', '/plan-nodes', { planId: plan.body.id, parentId: null, kind: 'axis', code: '1', title: 'Eje 1', responsibleOrganizationIds: [ids.sep] });
    expect(node.status, JSON.stringify(node.body)).toBe(201);
    await person('enlaceSep', [{ role: 'enlace', organizationId: ids.sep }]);
    const period = await ctx.api('POST', '/reporting-periods', { planId: plan.body.id, title: 'Primer semestre 2026', periodFrom: '2026-01-01', periodTo: '2026-06-30', dueDate: '2099-07-31' });
    const report = period.body.reports[0];
    const submitted = await people.enlaceSep!.api('POST', `/reports/${report.id}/submit`, { version: report.version });
    const sentBack = await people.secretariat!.api('POST', `/reports/${report.id}/review`, { decision: 'send_back', comment: 'Faltan evidencias.', version: submitted.body.version });
    expect(sentBack.status).toBe(200);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());
    const before = smtp.received.length;
    await run(today);
    await deliver();
    const [mail] = mailTo('enlaceSep', before);
    expect(mail!.text).toContain('Su reporte «Primer semestre 2026» fue devuelto');
    expect(mail!.text).toContain(`https://telar.example.mx/reportes/${report.id}`);
    expect(mail!.text).not.toContain('Faltan evidencias.');
  });
});
