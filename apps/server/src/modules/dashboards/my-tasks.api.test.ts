import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context.js';

let ctx: TestContext;
const ids: Record<string, string> = {};
type Item = { id: string };
const idsOf = (group: { items: Item[] }) => group.items.map((item) => item.id);

beforeAll(async () => {
  ctx = await createTestContext();
  const post = async (path: string, body: object, as = ctx.api) => {
    const response = await as('POST', path, body);
    expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
    return response.body;
  };
  ids.sipinna = (await post('/bodies', { kind: 'system', name: 'Sistema Nacional de Protección Integral', acronym: 'SIPINNA', level: 'national' })).id;
  ids.commission = (await post('/bodies', { kind: 'commission', name: 'Comisión para Poner Fin a la Violencia', acronym: 'COMPREVNNA', level: 'national', parentId: ids.sipinna })).id;
  ids.otherBody = (await post('/bodies', { kind: 'commission', name: 'Comisión de Secretarías Ejecutivas', acronym: 'COMSE', level: 'national' })).id;
  ids.dif = (await post('/organizations', { name: 'Sistema Nacional para el Desarrollo Integral de la Familia', acronym: 'SNDIF', sector: 'government', level: 'federal' })).id;
  ids.stps = (await post('/organizations', { name: 'Secretaría del Trabajo y Previsión Social', acronym: 'STPS', sector: 'government', level: 'federal' })).id;
  const plan = await post('/plans', { name: 'Plan de Acción 2019-2024', bodyId: ids.commission, periodFrom: '2019-01-01', periodTo: '2024-12-31' });
  const axis = await post('/plan-nodes', { planId: plan.id, parentId: null, kind: 'axis', code: '1', title: 'Eje 1' });
  await post('/plan-nodes', { planId: plan.id, parentId: axis.id, kind: 'action_line', code: '1.1', title: 'Línea 1.1', responsibleOrganizationIds: [ids.dif] });
  await post('/plan-nodes', { planId: plan.id, parentId: axis.id, kind: 'action_line', code: '1.2', title: 'Línea 1.2', responsibleOrganizationIds: [ids.stps] });

  const difEnlace = await ctx.signInAs([{ role: 'enlace', organizationId: ids.dif }]);
  const stpsEnlace = await ctx.signInAs([{ role: 'enlace', organizationId: ids.stps }]);
  const reportOf = (period: { reports: { id: string; version: number; organization: { id: string } }[] }, organizationId: string | undefined) =>
    period.reports.find((r) => r.organization.id === organizationId)!;

  // Still to file, deadline ahead.
  const open = await post('/reporting-periods', { planId: plan.id, title: 'Informe 2025', periodFrom: '2025-01-01', periodTo: '2025-12-31', dueDate: '2099-01-31' });
  ids.difDue = reportOf(open, ids.dif).id;
  // Filed: SNDIF's sent back for correction, STPS's waiting for review.
  const filed = await post('/reporting-periods', { planId: plan.id, title: 'Informe 2024', periodFrom: '2024-01-01', periodTo: '2024-12-31', dueDate: '2099-02-28' });
  const difFiled = reportOf(filed, ids.dif);
  const submitted = await post(`/reports/${difFiled.id}/submit`, { version: difFiled.version }, difEnlace);
  await post(`/reports/${difFiled.id}/review`, { decision: 'send_back', comment: 'Falta la evidencia.', version: submitted.version });
  ids.difSentBack = difFiled.id;
  const stpsFiled = reportOf(filed, ids.stps);
  await post(`/reports/${stpsFiled.id}/submit`, { version: stpsFiled.version }, stpsEnlace);
  ids.stpsSubmitted = stpsFiled.id;
  // A closed period asks nothing more of anyone.
  const closed = await post('/reporting-periods', { planId: plan.id, title: 'Informe 2023', periodFrom: '2023-01-01', periodTo: '2023-12-31', dueDate: '2099-03-31' });
  await post(`/reporting-periods/${closed.id}/close`, { version: closed.version });

  const session = await post('/sessions', { bodyId: ids.commission, kind: 'ordinary', number: 5, date: '2020-02-10' });
  const agreement = async (key: string, fields: object) => {
    ids[key] = (await post('/agreements', { sessionId: session.id, text: `Acuerdo ${key}`, ...fields })).id;
  };
  await agreement('difOverdue', { responsibleOrganizationIds: [ids.dif], dueDate: '2020-06-30' });
  await agreement('difUndated', { responsibleOrganizationIds: [ids.dif], status: 'in_progress' });
  await agreement('difFulfilled', { responsibleOrganizationIds: [ids.dif], dueDate: '2020-06-30', status: 'fulfilled' });
  await agreement('stpsPending', { responsibleOrganizationIds: [ids.stps], dueDate: '2020-06-30' });
});
afterAll(() => ctx.close());

describe('GET /me/tasks («Lo que me toca»)', () => {
  it("gives an enlace what their organisation owes and what was sent back, not other organisations' nor closed periods'", async () => {
    const enlace = await ctx.signInAs([{ role: 'enlace', organizationId: ids.dif }]);
    const { status, body } = await enlace('GET', '/me/tasks');
    expect(status).toBe(200);
    expect(idsOf(body.reportsDue)).toEqual([ids.difDue]);
    expect(body.reportsDue.total).toBe(1);
    expect(body.reportsDue.items[0]).toMatchObject({ status: 'due', reportingPeriod: { title: 'Informe 2025', dueDate: '2099-01-31' } });
    expect(idsOf(body.reportsSentBack)).toEqual([ids.difSentBack]);
    expect(body.reportsSentBack.items[0].reviewComment).toBe('Falta la evidencia.');
    // The earliest due first, the undated last; fulfilled ones owe nothing.
    expect(idsOf(body.agreementsOwed)).toEqual([ids.difOverdue, ids.difUndated]);
    expect(body.agreementsOwed.total).toBe(2);
    expect(body.reportsToReview).toEqual({ items: [], total: 0 });
  });

  it('gives a secretariat the reports submitted to the plans of the bodies it manages, including those under it', async () => {
    const secretariat = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.sipinna }]);
    const { body } = await secretariat('GET', '/me/tasks');
    expect(idsOf(body.reportsToReview)).toEqual([ids.stpsSubmitted]);
    expect(body.reportsToReview.items[0]).toMatchObject({ status: 'submitted', organization: { acronym: 'STPS' } });
    expect([body.reportsDue.total, body.reportsSentBack.total, body.agreementsOwed.total]).toEqual([0, 0, 0]);

    const elsewhere = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.otherBody }]);
    expect((await elsewhere('GET', '/me/tasks')).body.reportsToReview).toEqual({ items: [], total: 0 });
  });

  it('gives a reader nothing to do, and refuses an anonymous caller', async () => {
    const reader = await ctx.signInAs([{ role: 'reader' }]);
    const { status, body } = await reader('GET', '/me/tasks');
    expect(status).toBe(200);
    const empty = { items: [], total: 0 };
    expect(body).toEqual({ reportsDue: empty, reportsSentBack: empty, agreementsOwed: empty, reportsToReview: empty });
    expect((await ctx.anonymous('GET', '/me/tasks')).status).toBe(401);
  });
});
