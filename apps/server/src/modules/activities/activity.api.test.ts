import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context.js';

let ctx: TestContext;
const ids = { bodyA: '', bodyB: '', groupA: '', orgX: '', planA: '', reportX: '' };
type Client = TestContext['api'];
const clients = {} as Record<'secretariatA' | 'secretariatB' | 'secretariatGroupA' | 'enlaceX', Client>;

beforeAll(async () => {
  ctx = await createTestContext();
  const post = async (path: string, body: object) => {
    const response = await ctx.api('POST', path, body);
    if (response.status !== 201) throw new Error(`${path}: ${JSON.stringify(response.body)}`);
    return response.body.id as string;
  };
  ids.bodyA = await post('/bodies', { kind: 'commission', name: 'Comisión A', acronym: 'CA', level: 'national' });
  ids.bodyB = await post('/bodies', { kind: 'commission', name: 'Comisión B', acronym: 'CB', level: 'national' });
  ids.groupA = await post('/bodies', { kind: 'working_group', name: 'Grupo de la Comisión A', acronym: 'GA', level: 'national', parentId: ids.bodyA });
  ids.orgX = await post('/organizations', { name: 'Organización X', sector: 'government', level: 'federal' });
  ids.planA = await post('/plans', { name: 'Plan de la Comisión A', bodyId: ids.bodyA });
  await post('/plan-nodes', { planId: ids.planA, parentId: null, kind: 'axis', code: '1', title: 'Eje 1', responsibleOrganizationIds: [ids.orgX] });
  const period = await ctx.api('POST', '/reporting-periods', { planId: ids.planA, title: 'Anual', periodFrom: '2024-01-01', periodTo: '2024-12-31', dueDate: '2099-01-31' });
  ids.reportX = period.body.reports[0].id;
  clients.secretariatA = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.bodyA }]);
  clients.secretariatB = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.bodyB }]);
  clients.secretariatGroupA = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.groupA }]);
  clients.enlaceX = await ctx.signInAs([{ role: 'enlace', organizationId: ids.orgX }]);
});
afterAll(() => ctx.close());

const forum = (fields: object = {}) => ({ kind: 'forum', title: 'Foro nacional', startDate: '2019-06-01', leadOrganizationIds: [ids.orgX], ...fields });
const participantsIn2019 = async () => (await ctx.api('GET', '/dashboards/activities?from=2019&to=2019')).body.total.participants as number;

describe('whose activity it is', () => {
  it("keeps a validated activity out of other bodies' secretariats' hands", async () => {
    const recorded = await ctx.api('POST', '/activities', forum({ bodyId: ids.bodyA, participants: 24_523 }));
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const total = await participantsIn2019();

    for (const outsider of [clients.secretariatB, clients.secretariatGroupA]) {
      expect((await outsider('PATCH', `/activities/${recorded.body.id}`, { participants: 1_024_522, version: recorded.body.version })).status).toBe(403);
      expect((await outsider('POST', `/activities/${recorded.body.id}/archive`, { version: recorded.body.version })).status).toBe(403);
    }
    expect(await participantsIn2019()).toBe(total);
    const own = await clients.secretariatA('PATCH', `/activities/${recorded.body.id}`, { participants: 24_524, version: recorded.body.version });
    expect(own.status).toBe(200);
    expect(await participantsIn2019()).toBe(total + 1);
    expect(own.body.body).toEqual({ id: ids.bodyA, name: 'Comisión A', acronym: 'CA' });
  });

  it('records an activity for a body the secretariat manages, and asks which one', async () => {
    const before = (await ctx.api('GET', '/activities')).body.total;
    const unnamed = await clients.secretariatA('POST', '/activities', forum());
    expect(unnamed.status).toBe(422);
    expect(unnamed.body.error.issues[0].path).toBe('bodyId');
    const foreign = await clients.secretariatA('POST', '/activities', forum({ bodyId: ids.bodyB }));
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.issues[0].path).toBe('bodyId');
    expect((await ctx.api('GET', '/activities')).body.total).toBe(before);

    const forGroup = await clients.secretariatA('POST', '/activities', forum({ bodyId: ids.groupA }));
    expect(forGroup.status, JSON.stringify(forGroup.body)).toBe(201);
    expect(forGroup.body.body.id).toBe(ids.groupA);
    const byGroup = await clients.secretariatGroupA('PATCH', `/activities/${forGroup.body.id}`, { title: 'Foro del grupo', version: forGroup.body.version });
    expect(byGroup.status).toBe(200);
  });

  it('moves an activity only to a body the secretariat manages', async () => {
    const created = await clients.secretariatA('POST', '/activities', forum({ bodyId: ids.groupA }));
    const away = await clients.secretariatA('PATCH', `/activities/${created.body.id}`, { bodyId: ids.bodyB, version: created.body.version });
    expect(away.status).toBe(403);
    expect(away.body.error.issues[0].path).toBe('bodyId');
    const up = await clients.secretariatA('PATCH', `/activities/${created.body.id}`, { bodyId: ids.bodyA, version: created.body.version });
    expect(up.status).toBe(200);
    expect(up.body.body.id).toBe(ids.bodyA);
    // Now above its reach: the group's secretariat no longer edits it.
    expect((await clients.secretariatGroupA('PATCH', `/activities/${created.body.id}`, { title: 'Otro', version: up.body.version })).status).toBe(403);
  });

  it("files a reported activity under the body of the report's plan", async () => {
    const filed = await clients.enlaceX('POST', '/activities', forum({ startDate: '2024-03-01', reportId: ids.reportX }));
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(filed.body.body.id).toBe(ids.bodyA);
    const elsewhere = await clients.enlaceX('POST', '/activities', forum({ startDate: '2024-03-01', reportId: ids.reportX, bodyId: ids.bodyB }));
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.error.issues[0].path).toBe('bodyId');
    const moved = await clients.enlaceX('PATCH', `/activities/${filed.body.id}`, { bodyId: ids.groupA, version: filed.body.version });
    expect(moved.status).toBe(422);
    expect(moved.body.error.issues[0].path).toBe('bodyId');
    expect((await clients.enlaceX('PATCH', `/activities/${filed.body.id}`, { events: 2, version: filed.body.version })).status).toBe(200);
  });
});
