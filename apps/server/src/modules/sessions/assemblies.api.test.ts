import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context.js';

let ctx: TestContext;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  const created = async (path: string, body: unknown) => {
    const response = await ctx.api('POST', path, body);
    if (response.status !== 201) throw new Error(`${path}: ${JSON.stringify(response.body)}`);
    return response.body.id as string;
  };
  ids.network = await created('/bodies', { kind: 'network', name: 'Red de prueba', acronym: 'RP', level: 'national' });
  ids.other = await created('/bodies', { kind: 'commission', name: 'Otra comisión', acronym: 'OC', level: 'national' });
  ids.assembly = await created('/sessions', { bodyId: ids.network, kind: 'assembly', number: 2, date: '2019-12-02' });
  ids.orgA = await created('/organizations', { name: 'Organización A', sector: 'civil_society', level: 'none' });
  ids.orgB = await created('/organizations', { name: 'Organización B', sector: 'civil_society', level: 'none' });
  ids.plan = await created('/plans', { name: 'Compromisos de la red', bodyId: ids.network });
  ids.node = await created('/plan-nodes', { planId: ids.plan, parentId: null, kind: 'axis', code: '1', title: 'Compromiso 1', responsibleOrganizationIds: [] });
});
afterAll(() => ctx.close());

const programme = [
  { startsAt: null, endsAt: null, title: '¡Bienvenidas y Bienvenidos!' },
  { startsAt: '09:00', endsAt: '09:30', title: 'Dinámica de integración', presenter: '', notes: '' },
  { startsAt: '10:00', endsAt: null, title: 'Estrategia Nacional de Atención a la Primera Infancia (ENAPI)', presenter: 'Ricardo Bucio Mújica' },
  { title: 'Clausura', notes: 'Brindis al final' },
];

describe('an assembly session', () => {
  it('is a kind of session whose record carries its agenda, attendance and reported activities', async () => {
    const session = await ctx.api('GET', `/sessions/${ids.assembly}`);
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ kind: 'assembly', number: 2, agenda: [], attendance: [], activities: [] });
  });

  it('replaces its agenda in order, blank texts and times as none, and shows it in the session', async () => {
    const before = (await ctx.api('GET', `/sessions/${ids.assembly}`)).body.version as number;
    const saved = await ctx.api('PUT', `/sessions/${ids.assembly}/agenda`, { version: before, items: programme });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(before + 1);
    expect(saved.body.items.map((item: { title: string }) => item.title)).toEqual(programme.map((item) => item.title));
    expect(saved.body.items[1]).toMatchObject({ position: 1, startsAt: '09:00', endsAt: '09:30', presenter: null, notes: null });
    expect(saved.body.items[0]).toMatchObject({ startsAt: null, endsAt: null });
    expect(saved.body.items[2].presenter).toBe('Ricardo Bucio Mújica');

    const again = await ctx.api('PUT', `/sessions/${ids.assembly}/agenda`, { items: [programme[3], programme[0]] });
    expect(again.body.items.map((item: { title: string; position: number }) => [item.position, item.title])).toEqual([
      [0, 'Clausura'],
      [1, '¡Bienvenidas y Bienvenidos!'],
    ]);
    const read = await ctx.api('GET', `/sessions/${ids.assembly}/agenda`);
    expect(read.body.items).toEqual(again.body.items);
    expect((await ctx.api('GET', `/sessions/${ids.assembly}`)).body.agenda).toEqual(again.body.items);
  });

  it('refuses a stale version with 409, changing nothing', async () => {
    const current = await ctx.api('GET', `/sessions/${ids.assembly}/agenda`);
    const stale = await ctx.api('PUT', `/sessions/${ids.assembly}/agenda`, { version: current.body.version - 1, items: programme });
    expect(stale.status).toBe(409);
    expect((await ctx.api('GET', `/sessions/${ids.assembly}/agenda`)).body.items).toEqual(current.body.items);
  });

  it('names the item that is wrong: a time not HH:MM, an end before its start, too many items', async () => {
    const current = (await ctx.api('GET', `/sessions/${ids.assembly}/agenda`)).body.items;
    const badTime = await ctx.api('PUT', `/sessions/${ids.assembly}/agenda`, {
      items: [{ title: 'Receso', startsAt: '11:00' }, { title: 'Comida', startsAt: '2 pm' }],
    });
    expect(badTime.status).toBe(422);
    expect(badTime.body.error.issues).toEqual([
      expect.objectContaining({ path: 'items.1.startsAt', message: 'Punto 2 («Comida»): escriba la hora de inicio como HH:MM (p. ej. 09:30).' }),
    ]);
    const backwards = await ctx.api('PUT', `/sessions/${ids.assembly}/agenda`, { items: [{ title: 'Taller', startsAt: '12:00', endsAt: '11:30' }] });
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.issues[0]).toMatchObject({
      path: 'items.0.endsAt',
      message: 'Punto 1 («Taller»): la hora de término (11:30) es anterior a la de inicio (12:00).',
    });
    const untitled = await ctx.api('PUT', `/sessions/${ids.assembly}/agenda`, { items: [{ title: 'Receso' }, { title: '  ' }] });
    expect(untitled.status).toBe(422);
    expect(untitled.body.error.issues[0].path).toBe('items.1.title');
    const tooMany = await ctx.api('PUT', `/sessions/${ids.assembly}/agenda`, { items: Array.from({ length: 101 }, (_, i) => ({ title: `Punto ${i + 1}` })) });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.issues[0].message).toBe('El orden del día admite hasta 100 puntos.');
    expect((await ctx.api('GET', `/sessions/${ids.assembly}/agenda`)).body.items).toEqual(current);
  });

  it('replaces its attendance, refusing an organisation that does not exist, and keeps both in its history', async () => {
    const saved = await ctx.api('PUT', `/sessions/${ids.assembly}/attendance`, { organizationIds: [ids.orgB, ids.orgA, ids.orgB] });
    expect(saved.status).toBe(200);
    expect(saved.body.organizations.map((organization: { name: string }) => organization.name)).toEqual(['Organización A', 'Organización B']);
    const unknown = await ctx.api('PUT', `/sessions/${ids.assembly}/attendance`, { organizationIds: [ids.orgA, '00000000-0000-4000-8000-000000000000'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.issues[0]).toMatchObject({ path: 'organizationIds.1', message: 'La organización no existe.' });
    const session = await ctx.api('GET', `/sessions/${ids.assembly}`);
    expect(session.body.attendance.map((organization: { id: string }) => organization.id).sort()).toEqual([ids.orgA, ids.orgB].sort());

    const history = await ctx.api('GET', `/history/session/${ids.assembly}`);
    const fields = history.body.flatMap((entry: { changes: Record<string, unknown> }) => Object.keys(entry.changes));
    expect(fields).toContain('agenda');
    expect(fields).toContain('attendanceOrganizationIds');
    const shown = JSON.stringify(history.body.map((entry: { shown: unknown }) => entry.shown));
    expect(shown).toContain('Orden del día');
    expect(shown).toContain('Organización B');
  });

  it('shows the activities of its body dated on its day, with their plan nodes, as what it reported', async () => {
    const onTheDay = await ctx.api('POST', '/activities', {
      bodyId: ids.network,
      kind: 'other',
      title: 'Propuestas para los programas sectoriales',
      startDate: '2019-11-01',
      endDate: '2019-12-31',
      leadOrganizationIds: [ids.orgA],
      planNodeIds: [ids.node],
    });
    expect(onTheDay.status).toBe(201);
    const others = [];
    others.push(await ctx.api('POST', '/activities', { bodyId: ids.network, kind: 'other', title: 'Otro día', startDate: '2019-12-03', leadOrganizationIds: [ids.orgA] }));
    others.push(await ctx.api('POST', '/activities', { bodyId: ids.other, kind: 'other', title: 'Otro órgano', startDate: '2019-12-02', leadOrganizationIds: [ids.orgA] }));
    expect(others.map((response) => response.status)).toEqual([201, 201]);
    const session = await ctx.api('GET', `/sessions/${ids.assembly}`);
    expect(session.body.activities).toEqual([
      expect.objectContaining({ id: onTheDay.body.id, title: 'Propuestas para los programas sectoriales', planNodes: [expect.objectContaining({ id: ids.node, code: '1' })] }),
    ]);
  });

  it('is managed by whoever may edit the session, read by anyone signed in', async () => {
    const secretariat = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.network }]);
    const otherSecretariat = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.other }]);
    const enlace = await ctx.signInAs([{ role: 'enlace', organizationId: ids.orgA }]);
    const reader = await ctx.signInAs([{ role: 'reader' }]);
    const items = [{ title: 'Bienvenida' }];
    expect((await secretariat('PUT', `/sessions/${ids.assembly}/agenda`, { items })).status).toBe(200);
    expect((await secretariat('PUT', `/sessions/${ids.assembly}/attendance`, { organizationIds: [ids.orgA] })).status).toBe(200);
    for (const client of [otherSecretariat, enlace, reader]) {
      expect((await client('PUT', `/sessions/${ids.assembly}/agenda`, { items })).status).toBe(403);
      expect((await client('PUT', `/sessions/${ids.assembly}/attendance`, { organizationIds: [] })).status).toBe(403);
    }
    expect((await reader('GET', `/sessions/${ids.assembly}/agenda`)).body.items).toHaveLength(1);
    expect((await reader('GET', `/sessions/${ids.assembly}`)).body.abilities.edit).toBe(false);
    expect((await ctx.anonymous('GET', `/sessions/${ids.assembly}/agenda`)).status).toBe(401);
    expect((await ctx.anonymous('PUT', `/sessions/${ids.assembly}/attendance`, { organizationIds: 'no es una lista' })).status).toBe(401);
    expect((await ctx.api('PUT', `/sessions/00000000-0000-4000-8000-000000000000/agenda`, { items })).status).toBe(404);
  });
});
