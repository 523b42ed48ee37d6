import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context.js';

let ctx: TestContext;
const ids = { network: '', other: '' };
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());
const year = Number(today.slice(0, 4));
const daysAgo = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ctx = await createTestContext();
  const created = await ctx.api('POST', '/networks', {
    name: 'Pacto por la Primera Infancia',
    acronym: 'PPI',
    level: 'national',
    declaredMembers: 446,
    declaredStates: 32,
    declaredSource: '2ª Asamblea Nacional, lámina 3',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  ids.network = created.body.id;
  ids.other = (await ctx.api('POST', '/bodies', { kind: 'system', name: 'Otro sistema', acronym: 'OTRO', level: 'national' })).body.id;
});
afterAll(() => ctx.close());

const addMember = (body: object) => ctx.api('POST', `/networks/${ids.network}/members`, { sector: 'civil_society', ...body });

describe('a network', () => {
  it('is a body of kind network with its declared size and source, and no invented members', async () => {
    const { body } = await ctx.api('GET', `/networks/${ids.network}`);
    expect(body).toMatchObject({ name: 'Pacto por la Primera Infancia', acronym: 'PPI', declaredMembers: 446, declaredStates: 32, newDays: 180, graceDays: 90 });
    expect(body.counts).toEqual({ members: 0, byStatus: { new: 0, active: 0, grace: 0, lapsed: 0, withdrawn: 0 }, states: 0 });
    expect(body.abilities).toEqual({ canManage: true });
    expect((await ctx.api('GET', `/bodies/${ids.network}`)).body.kind).toBe('network');
    const list = await ctx.api('GET', '/networks');
    expect(list.body).toEqual([{ id: ids.network, name: 'Pacto por la Primera Infancia', acronym: 'PPI', declaredMembers: 446, members: 0, states: 0 }]);
  });

  it('refuses a declared size without its source, naming the field, and writes nothing', async () => {
    const refused = await ctx.api('POST', '/networks', { name: 'Red sin fuente', level: 'national', declaredMembers: 10 });
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues[0].path).toBe('declaredSource');
    expect((await ctx.api('GET', '/networks')).body).toHaveLength(1);
  });

  it('is read by anyone signed in, managed by its secretariat only, and refused to anonymous callers', async () => {
    expect((await ctx.anonymous('GET', '/networks')).status).toBe(401);
    expect((await ctx.anonymous('POST', '/networks', { name: 'x' })).status).toBe(401);
    const reader = await ctx.signInAs([{ role: 'reader' }]);
    const read = await reader('GET', `/networks/${ids.network}`);
    expect(read.status).toBe(200);
    expect(read.body.abilities.canManage).toBe(false);
    expect((await reader('POST', '/networks', { name: 'Red', level: 'national' })).status).toBe(403);
    expect((await reader('POST', `/networks/${ids.network}/members`, { organization: { name: 'X' }, sector: 'other' })).status).toBe(403);
    const outsider = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.other }]);
    expect((await outsider('PATCH', `/networks/${ids.network}`, { version: 1, membersPublic: true })).status).toBe(403);
    const secretariat = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.network }]);
    const edited = await secretariat('PATCH', `/networks/${ids.network}`, { version: 1, newDays: 365 });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ newDays: 365, version: 2, abilities: { canManage: true } });
    const stale = await secretariat('PATCH', `/networks/${ids.network}`, { version: 1, newDays: 30 });
    expect(stale.status).toBe(409);
    await ctx.api('PATCH', `/networks/${ids.network}`, { version: 2, newDays: 180 });
  });
});

describe('members', () => {
  it('matches the organisation against the directory by name or acronym, or creates it, never twice', async () => {
    const redim = (await ctx.api('POST', '/organizations', { name: 'Red por los Derechos de la Infancia en México', acronym: 'REDIM', sector: 'civil_society', level: 'none' })).body;
    const byName = await addMember({ organization: { name: 'Red por los Derechos de la Infancia en México, A.C.' }, stateCode: 'MX-CMX', joinedOn: '2020-01-01', contactEmail: 'enlace@redim.example' });
    expect(byName.status, JSON.stringify(byName.body)).toBe(201);
    expect(byName.body).toMatchObject({ organizationId: redim.id, status: 'active', contact: { email: 'enlace@redim.example' } });
    const again = await addMember({ organization: { name: 'Otra forma de escribirla', acronym: 'REDIM' } });
    expect(again.status).toBe(409);
    const created = await addMember({ organization: { name: 'Colectivo Nuevo por la Niñez', acronym: 'CNN' }, stateCode: 'MX-JAL', joinedOn: daysAgo(10) });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('new');
    const found = await ctx.api('GET', '/organizations?q=Colectivo%20Nuevo');
    expect(found.body.items.map((o: { id: string }) => o.id)).toEqual([created.body.organizationId]);
  });

  it('lists members with filters and today\'s status; contacts only for who manages the network', async () => {
    const list = await ctx.api('GET', `/networks/${ids.network}/members`);
    expect(list.body.total).toBe(2);
    expect((await ctx.api('GET', `/networks/${ids.network}/members?status=new`)).body.items.map((m: { acronym: string }) => m.acronym)).toEqual(['CNN']);
    expect((await ctx.api('GET', `/networks/${ids.network}/members?stateCode=MX-CMX`)).body.items.map((m: { acronym: string }) => m.acronym)).toEqual(['REDIM']);
    expect((await ctx.api('GET', `/networks/${ids.network}/members?q=colectivo`)).body.total).toBe(1);
    const reader = await ctx.signInAs([{ role: 'reader' }]);
    const read = await reader('GET', `/networks/${ids.network}/members`);
    expect(read.status).toBe(200);
    expect(read.body.items.every((m: { contact: unknown }) => m.contact === null)).toBe(true);
    expect(JSON.stringify(read.body)).not.toContain('enlace@redim.example');
    const view = (await ctx.api('GET', `/networks/${ids.network}`)).body;
    expect(view.counts).toMatchObject({ members: 2, states: 2, byStatus: { new: 1, active: 1 } });
    expect(view.membersByState).toEqual([{ stateCode: 'MX-CMX', members: 1 }, { stateCode: 'MX-JAL', members: 1 }]);
  });
});

export { year };
