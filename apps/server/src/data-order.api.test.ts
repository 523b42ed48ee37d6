import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './test/test-context.js';
import { DEMO_REPORT_PATH } from './demo/demo-data.js';

/** Data that makes no sense is refused with the field named, and nothing is written. */
let ctx: TestContext;
let bodyId: string;
let sessionId: string;
let agreementId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  bodyId = (await ctx.api('POST', '/bodies', { kind: 'commission', name: 'Comisión de Secretarías Ejecutivas', acronym: 'COMSE', level: 'national' })).body.id;
  sessionId = (await ctx.api('POST', '/sessions', { bodyId, kind: 'ordinary', number: 24, date: '2024-03-10' })).body.id;
  agreementId = (await ctx.api('POST', '/agreements', { sessionId, text: 'Acuerdo de la sesión', dueDate: '2024-06-30' })).body.id;
});
afterAll(() => ctx.close());

const issueOf = (response: { status: number; body: { error: { issues?: { path: string; message: string }[] } } }) => {
  expect(response.status).toBe(422);
  return response.body.error.issues?.[0];
};
const sessionDetail = async () => (await ctx.api('GET', `/sessions/${sessionId}`)).body;

describe('dates in order', () => {
  it('refuses an agreement due before its session, on create and on edit', async () => {
    const created = await ctx.api('POST', '/agreements', { sessionId, text: 'Otro acuerdo', dueDate: '2024-03-09' });
    expect(issueOf(created)).toEqual({ path: 'dueDate', message: 'La fecha de cumplimiento no puede ser anterior a la sesión en que se adoptó el acuerdo (10 de marzo de 2024).' });
    expect((await sessionDetail()).agreements).toHaveLength(1);

    const before = (await ctx.api('GET', `/agreements/${agreementId}`)).body;
    const edited = await ctx.api('PATCH', `/agreements/${agreementId}`, { dueDate: '2024-01-31', version: before.version });
    expect(issueOf(edited)?.path).toBe('dueDate');
    expect((await ctx.api('GET', `/agreements/${agreementId}`)).body).toMatchObject({ dueDate: '2024-06-30', version: before.version });
    // The session's own day is allowed.
    expect((await ctx.api('POST', '/agreements', { sessionId, text: 'Acuerdo del mismo día', dueDate: '2024-03-10' })).status).toBe(201);
  });

  it('refuses a follow-up dated before its agreement’s session, or its participation’s', async () => {
    const early = await ctx.api('POST', '/follow-ups', { agreementId, date: '2024-02-01', text: 'Avance' });
    expect(issueOf(early)?.path).toBe('date');
    expect(early.body.error.issues[0].message).toContain('10 de marzo de 2024');
    const organizationId = (await ctx.api('POST', '/organizations', { name: 'Red por los Derechos de la Infancia', sector: 'civil_society', level: 'none' })).body.id;
    const participation = await ctx.api('POST', '/participations', { sessionId, organizationIds: [organizationId], description: 'Presentó su informe' });
    const ofParticipation = await ctx.api('POST', '/follow-ups', { participationId: participation.body.id, date: '2023-12-31', text: 'Avance' });
    expect(issueOf(ofParticipation)?.path).toBe('date');
    expect((await ctx.api('GET', `/agreements/${agreementId}`)).body.followUps).toHaveLength(0);
    expect((await ctx.api('POST', '/follow-ups', { agreementId, date: '2024-04-01', text: 'Avance' })).status).toBe(201);
  });

  it('refuses moving a session after the deadlines and follow-ups that belong to it', async () => {
    const session = await sessionDetail();
    const moved = await ctx.api('PATCH', `/sessions/${sessionId}`, { date: '2024-05-01', version: session.version });
    expect(issueOf(moved)).toEqual({ path: 'date', message: expect.stringContaining('10 de marzo de 2024') });
    expect((await sessionDetail()).date).toBe('2024-03-10');
  });

  it('refuses a reporting deadline before the period starts, and a reversed period', async () => {
    const planId = (await ctx.api('POST', '/plans', { name: 'Plan de prueba', bodyId })).body.id;
    const organizationId = (await ctx.api('POST', '/organizations', { name: 'Secretaría de Salud', sector: 'government', level: 'federal' })).body.id;
    const period = { planId, title: 'Informe 2024', periodFrom: '2024-01-01', periodTo: '2024-12-31', dueDate: '2025-01-31', organizationIds: [organizationId] };
    expect(issueOf(await ctx.api('POST', '/reporting-periods', { ...period, dueDate: '2023-12-31' }))).toEqual({
      path: 'dueDate',
      message: 'La fecha límite de entrega no puede ser anterior al inicio del periodo.',
    });
    expect(issueOf(await ctx.api('POST', '/reporting-periods', { ...period, periodTo: '2023-12-31' }))?.path).toBe('periodTo');
    expect((await ctx.api('GET', `/reporting-periods?planId=${planId}`)).body.total).toBe(0);

    // While the period is open its deadline moves, never before the start; once closed it stays.
    const opened = (await ctx.api('POST', '/reporting-periods', period)).body;
    expect(issueOf(await ctx.api('PATCH', `/reporting-periods/${opened.id}`, { dueDate: '2023-06-30', version: opened.version }))?.path).toBe('dueDate');
    const moved = await ctx.api('PATCH', `/reporting-periods/${opened.id}`, { dueDate: '2025-02-28', version: opened.version });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ dueDate: '2025-02-28', version: opened.version + 1 });
    const history = await ctx.api('GET', `/history/reporting_period/${opened.id}`);
    expect(history.body[0]).toMatchObject({ action: 'update', changes: { dueDate: ['2025-01-31', '2025-02-28'] } });
    expect((await ctx.api('POST', `/reporting-periods/${opened.id}/close`, { version: moved.body.version })).status).toBe(204);
    const closed = await ctx.api('PATCH', `/reporting-periods/${opened.id}`, { dueDate: '2025-03-31', version: moved.body.version + 1 });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('period_closed');
  });

  it('refuses a reversed report period, to publish or to preview', async () => {
    const query = { bodyId, from: '2024-12-31', to: '2024-01-01' };
    expect(issueOf(await ctx.api('POST', '/reports/mechanism/publish', query))?.path).toBe('to');
    expect((await ctx.api('GET', `/reports/mechanism?bodyId=${bodyId}&from=2024-12-31&to=2024-01-01`)).status).toBe(422);
    expect((await ctx.anonymous('GET', '/public/reports')).body).toHaveLength(0);
  });
});

describe('session ordinals', () => {
  it('refuses a second «Vigésima Cuarta Sesión Ordinaria» of a body, naming and linking the first', async () => {
    const again = await ctx.api('POST', '/sessions', { bodyId, kind: 'ordinary', number: 24, date: '2024-09-10' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'duplicate',
      message: 'Este órgano ya registró la Vigésima Cuarta Sesión Ordinaria (10 de marzo de 2024).',
      issues: [{ path: 'number' }],
      existing: { entity: 'session', id: sessionId },
    });
    expect((await ctx.api('GET', `/sessions?bodyId=${bodyId}`)).body.total).toBe(1);
    // Another kind, or another body, may use the same number.
    expect((await ctx.api('POST', '/sessions', { bodyId, kind: 'extraordinary', number: 24, date: '2024-09-10' })).status).toBe(201);
    const otherBody = (await ctx.api('POST', '/bodies', { kind: 'commission', name: 'Otra comisión', acronym: 'OTRA', level: 'national' })).body.id;
    expect((await ctx.api('POST', '/sessions', { bodyId: otherBody, kind: 'ordinary', number: 24, date: '2024-09-10' })).status).toBe(201);
  });

  it('refuses renumbering a session onto an ordinal the body already used', async () => {
    const other = (await ctx.api('POST', '/sessions', { bodyId, kind: 'ordinary', number: 25, date: '2024-10-10' })).body;
    const renumbered = await ctx.api('PATCH', `/sessions/${other.id}`, { number: 24, version: other.version });
    expect(renumbered.status).toBe(409);
    expect(renumbered.body.error.existing).toEqual({ entity: 'session', id: sessionId });
    // Archiving a session frees its ordinal.
    expect((await ctx.api('POST', `/sessions/${other.id}/archive`, { version: other.version })).status).toBe(204);
    expect((await ctx.api('POST', '/sessions', { bodyId, kind: 'ordinary', number: 25, date: '2024-10-11' })).status).toBe(201);
  });

  it('refuses an import whose session repeats an ordinal on another date, writing nothing', async () => {
    const comse = (await ctx.api('GET', '/bodies?q=COMSE')).body.items[0].id;
    const recorded = (await ctx.api('POST', '/sessions', { bodyId: comse, kind: 'ordinary', number: 21, date: '2022-12-01' })).body.id;
    const before = (await ctx.api('GET', '/dashboard')).body.counts;
    const imported = await ctx.api('POST', '/imports/mechanism-report', { text: readFileSync(DEMO_REPORT_PATH, 'utf8'), bodyAcronym: 'COMSE', dryRun: false });
    expect(imported.status).toBe(409);
    expect(imported.body.error).toMatchObject({ message: expect.stringContaining('Vigésima Primera Sesión Ordinaria (1 de diciembre de 2022)'), existing: { id: recorded } });
    expect((await ctx.api('GET', '/dashboard')).body.counts).toEqual(before);
  });
});

describe('state organisations', () => {
  it('refuses a state or municipal organisation without its state, on create and on edit', async () => {
    const created = await ctx.api('POST', '/organizations', { name: 'DIF estatal', sector: 'government', level: 'state' });
    expect(issueOf(created)).toEqual({ path: 'stateCode', message: 'Una organización estatal o municipal necesita su entidad federativa.' });
    expect((await ctx.api('GET', '/organizations?q=DIF estatal')).body.total).toBe(0);
    const federal = (await ctx.api('POST', '/organizations', { name: 'Secretaría de Educación Pública', sector: 'government', level: 'federal' })).body;
    // The edit names the level and leaves the state out: the service checks the record as edited.
    expect(issueOf(await ctx.api('PATCH', `/organizations/${federal.id}`, { level: 'municipal', version: federal.version }))?.path).toBe('stateCode');
    expect((await ctx.api('GET', `/organizations/${federal.id}`)).body.level).toBe('federal');
    const withState = await ctx.api('PATCH', `/organizations/${federal.id}`, { level: 'state', stateCode: 'MX-JAL', version: federal.version });
    expect(withState.body).toMatchObject({ level: 'state', stateCode: 'MX-JAL' });
    expect(issueOf(await ctx.api('PATCH', `/organizations/${federal.id}`, { stateCode: null, version: withState.body.version }))?.path).toBe('stateCode');
  });
});

describe('published reports', () => {
  const period = { from: '2024-01-01', to: '2024-12-31' };
  it('replaces the public entry when a period is published again, and withdraws it with a reason', async () => {
    const first = await ctx.api('POST', '/reports/mechanism/publish', { bodyId, ...period });
    expect(first.status).toBe(201);
    const second = await ctx.api('POST', '/reports/mechanism/publish', { bodyId, ...period });
    expect(second.body.id).toBe(first.body.id);
    const listed = (await ctx.anonymous('GET', '/public/reports')).body;
    expect(listed.map((r: { id: string }) => r.id)).toEqual([first.body.id]);

    const withoutReason = await ctx.api('POST', `/reports/published/${first.body.id}/withdraw`, { reason: ' ' });
    expect(issueOf(withoutReason)?.path).toBe('reason');
    const reader = await ctx.signInAs([{ role: 'reader' }]);
    expect((await reader('POST', `/reports/published/${first.body.id}/withdraw`, { reason: 'Error' })).status).toBe(403);
    expect((await ctx.anonymous('GET', '/public/reports')).body).toHaveLength(1);

    const withdrawn = await ctx.api('POST', `/reports/published/${first.body.id}/withdraw`, { reason: 'El periodo estaba mal capturado.' });
    expect(withdrawn.status).toBe(204);
    expect((await ctx.anonymous('GET', '/public/reports')).body).toHaveLength(0);
    expect((await ctx.anonymous('GET', `/public/reports/${first.body.id}/file?format=json`)).status).toBe(404);
    expect((await ctx.api('POST', `/reports/published/${first.body.id}/withdraw`, { reason: 'Otra vez' })).status).toBe(404);
    const history = (await ctx.api('GET', `/history/published_report/${first.body.id}`)).body;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['unpublish', 'publish', 'create']);
    expect(history[0].changes.reason).toEqual([null, 'El periodo estaba mal capturado.']);

    // Published again after the withdrawal, the period has one public entry, a new one.
    const again = await ctx.api('POST', '/reports/mechanism/publish', { bodyId, ...period });
    expect(again.body.id).not.toBe(first.body.id);
    expect((await ctx.anonymous('GET', '/public/reports')).body.map((r: { id: string }) => r.id)).toEqual([again.body.id]);
  });
});
