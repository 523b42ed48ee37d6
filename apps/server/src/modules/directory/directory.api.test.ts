import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('organisations', () => {
  it('creates, finds by accent-insensitive stemmed search and refuses a duplicate acronym', async () => {
    const created = await ctx.api('POST', '/organizations', {
      name: 'Red por los Derechos de la Infancia en México',
      acronym: 'REDIM',
      sector: 'civil_society',
      level: 'none',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ acronym: 'REDIM', version: 1 });

    const found = await ctx.api('GET', '/organizations?q=infancia%20mexico');
    expect(found.body.items.map((o: { id: string }) => o.id)).toContain(created.body.id);
    const none = await ctx.api('GET', '/organizations?q=zzzz');
    expect(none.body.total).toBe(0);

    const duplicate = await ctx.api('POST', '/organizations', {
      name: 'Red por los Derechos de la Infancia en México, A.C.',
      sector: 'civil_society',
      level: 'none',
    });
    expect(duplicate.status).toBe(409);
    const list = await ctx.api('GET', '/organizations?q=REDIM');
    expect(list.body.total).toBe(1);
  });

  it('answers field-level validation errors in Spanish and writes nothing', async () => {
    const before = (await ctx.api('GET', '/organizations')).body.total;
    const response = await ctx.api('POST', '/organizations', { name: '  ', sector: 'ninguno', level: 'none', stateCode: 'JAL' });
    expect(response.status).toBe(422);
    const paths = response.body.error.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['name', 'sector', 'stateCode']);
    expect(response.body.error.issues.find((i: { path: string }) => i.path === 'name').message).toBe('Este campo es obligatorio.');
    expect((await ctx.api('GET', '/organizations')).body.total).toBe(before);
  });

  it('refuses a stale edit with 409 and keeps the newer one', async () => {
    const { body: org } = await ctx.api('POST', '/organizations', { name: 'Save the Children', sector: 'civil_society', level: 'none' });
    const first = await ctx.api('PATCH', `/organizations/${org.id}`, { acronym: 'STC', version: 1 });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await ctx.api('PATCH', `/organizations/${org.id}`, { acronym: 'SAVE', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect((await ctx.api('GET', `/organizations/${org.id}`)).body.acronym).toBe('STC');
  });

  it('lists the 32 states with their ISO codes', async () => {
    const { body } = await ctx.api('GET', '/states');
    expect(body).toHaveLength(32);
    expect(body.find((s: { code: string }) => s.code === 'MX-CMX')?.name).toBe('Ciudad de México');
  });

  it('serves an OpenAPI 3.1 document', async () => {
    const { body } = await ctx.api('GET', '/openapi.json');
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/organizations', '/sessions/{id}', '/imports/mechanism-report']));
  });
});

describe('sessions, participations, agreements and follow-up', () => {
  it('records a session with a participation, an agreement and its follow-up, and filters them', async () => {
    const body = await ctx.api('POST', '/bodies', { kind: 'commission', name: 'Comisión de Secretarías Ejecutivas', acronym: 'COMSE', level: 'national' });
    expect(body.status).toBe(201);
    const org = await ctx.api('POST', '/organizations', { name: 'World Vision México', sector: 'civil_society', level: 'none' });
    const session = await ctx.api('POST', '/sessions', {
      bodyId: body.body.id,
      kind: 'ordinary',
      number: 21,
      date: '2022-12-12',
      minutes: { title: 'Acta de la Vigésima Primera Sesión Ordinaria', url: 'https://www.gob.mx/sipinna' },
    });
    expect(session.status).toBe(201);
    const participation = await ctx.api('POST', '/participations', {
      sessionId: session.body.id,
      organizationIds: [org.body.id],
      description: 'Presentación de la iniciativa TurismoXlaNiñez para las niñas y los niños',
    });
    expect(participation.status).toBe(201);
    const agreement = await ctx.api('POST', '/agreements', {
      sessionId: session.body.id,
      participationId: participation.body.id,
      code: 'COMSE/SO21/01/2022',
      text: 'Impulsar espacios libres de explotación en destinos turísticos.',
      responsibleOrganizationIds: [org.body.id],
      stateCodes: ['MX-JAL', 'MX-ROO'],
      dueDate: '2099-01-31',
    });
    expect(agreement.status).toBe(201);
    const followUp = await ctx.api('POST', '/follow-ups', {
      agreementId: agreement.body.id,
      date: '2023-03-01',
      text: 'Jalisco instaló su mesa de trabajo.',
      stateCodes: ['MX-JAL'],
      evidence: { title: 'Oficio', url: 'https://example.org/oficio.pdf' },
    });
    expect(followUp.status).toBe(201);

    const detail = await ctx.api('GET', `/agreements/${agreement.body.id}`);
    expect(detail.body.stateCodes).toEqual(['MX-JAL', 'MX-ROO']);
    expect(detail.body.followUps[0]).toMatchObject({ text: 'Jalisco instaló su mesa de trabajo.', stateCodes: ['MX-JAL'] });
    expect(detail.body.followUps[0].evidence[0].title).toBe('Oficio');

    const sessionDetail = await ctx.api('GET', `/sessions/${session.body.id}`);
    expect(sessionDetail.body.minutes.title).toContain('Vigésima Primera');
    expect(sessionDetail.body.participations[0].organizations[0].name).toBe('World Vision México');

    const byState = await ctx.api('GET', '/agreements?stateCode=MX-ROO');
    expect(byState.body.items.map((a: { id: string }) => a.id)).toEqual([agreement.body.id]);
    expect((await ctx.api('GET', '/agreements?stateCode=MX-SON')).body.total).toBe(0);
    const bySearch = await ctx.api('GET', `/sessions?q=niña`);
    expect(bySearch.body.items.map((s: { id: string }) => s.id)).toContain(session.body.id);
    const byOrg = await ctx.api('GET', `/sessions?organizationId=${org.body.id}&from=2022-01-01&to=2022-12-31`);
    expect(byOrg.body.total).toBe(1);
    expect((await ctx.api('GET', `/sessions?organizationId=${org.body.id}&from=2023-01-01`)).body.total).toBe(0);
  });

  it('refuses a follow-up that names neither or both owners', async () => {
    const response = await ctx.api('POST', '/follow-ups', { date: '2023-01-01', text: 'x' });
    expect(response.status).toBe(422);
    expect(response.body.error.issues[0].path).toBe('agreementId');
  });

  it('answers 404 in Spanish for an unknown record', async () => {
    const response = await ctx.api('GET', '/sessions/00000000-0000-4000-8000-000000000000');
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe('No se encontró el registro solicitado.');
  });
});

describe('memberships and focal points', () => {
  it('records who sits in a body and its titular and alternate focal points, never showing their contacts', async () => {
    const body = await ctx.api('POST', '/bodies', {
      kind: 'network',
      name: 'Pacto por la Primera Infancia',
      acronym: 'PPI',
      level: 'national',
    });
    const org = await ctx.api('POST', '/organizations', { name: 'Universidad Autónoma de Querétaro', acronym: 'UAQ', sector: 'academia', level: 'none' });
    const membership = await ctx.api('POST', '/memberships', { bodyId: body.body.id, organizationId: org.body.id, role: 'member', startDate: '2023-01-01' });
    expect(membership.status).toBe(201);
    const person = { name: 'Persona Enlace', position: 'Coordinadora', email: 'enlace@example.org', phone: '5555555555' };
    const titular = await ctx.api('POST', '/focal-points', { membershipId: membership.body.id, kind: 'titular', person, startDate: '2023-01-01' });
    expect(titular.status).toBe(201);
    await ctx.api('POST', '/focal-points', {
      membershipId: membership.body.id,
      kind: 'alternate',
      person: { ...person, name: 'Persona Suplente' },
      startDate: '2023-01-01',
    });

    const detail = await ctx.api('GET', `/bodies/${body.body.id}`);
    expect(detail.body.memberships).toHaveLength(1);
    expect(detail.body.memberships[0].focalPoints.map((f: { kind: string }) => f.kind)).toEqual(['titular', 'alternate']);
    expect(JSON.stringify(detail.body)).not.toMatch(/enlace@example\.org|5555555555/);

    const badTerm = await ctx.api('POST', '/focal-points', { membershipId: membership.body.id, kind: 'titular', person, startDate: '2023-05-01', endDate: '2023-01-01' });
    expect(badTerm.status).toBe(422);
    expect(badTerm.body.error.issues[0].path).toBe('endDate');
  });
});

describe('partial edits', () => {
  it('leaves the fields an edit does not name as they were', async () => {
    const { body } = await ctx.api('POST', '/bodies', { kind: 'commission', name: 'Comisión de edición', acronym: 'CED', level: 'national' });
    const edited = await ctx.api('PATCH', `/bodies/${body.id}`, { name: 'Comisión de edición parcial', version: body.version });
    expect(edited.body).toMatchObject({ name: 'Comisión de edición parcial', acronym: 'CED' });
  });
});

describe('trees stay trees', () => {
  it('refuses to hang a body under itself or under one of its own working groups', async () => {
    const commission = (await ctx.api('POST', '/bodies', { kind: 'commission', name: 'Comisión raíz', acronym: 'CR', level: 'national' })).body;
    const group = (await ctx.api('POST', '/bodies', { kind: 'working_group', name: 'Grupo hijo', level: 'national', parentId: commission.id })).body;
    const cycle = await ctx.api('PATCH', `/bodies/${commission.id}`, { parentId: group.id, version: commission.version });
    expect(cycle.status).toBe(422);
    expect(cycle.body.error.issues[0].path).toBe('parentId');
    const self = await ctx.api('PATCH', `/bodies/${commission.id}`, { parentId: commission.id, version: commission.version });
    expect(self.status).toBe(422);
    expect((await ctx.api('GET', `/bodies/${commission.id}`)).body.parentId).toBeNull();
  });

  it('refuses an organisation that would depend on its own dependant', async () => {
    const parent = (await ctx.api('POST', '/organizations', { name: 'Secretaría de prueba', sector: 'government', level: 'federal' })).body;
    const child = (await ctx.api('POST', '/organizations', { name: 'Unidad de prueba', sector: 'government', level: 'federal', parentId: parent.id })).body;
    const cycle = await ctx.api('PATCH', `/organizations/${parent.id}`, { parentId: child.id, version: parent.version });
    expect(cycle.status).toBe(422);
    expect(cycle.body.error.issues[0].message).toMatch(/no puede depender/);
  });
});

describe('edits keep the create rules', () => {
  it('refuses to turn a permanent session into an ordinary one without its number', async () => {
    const body = (await ctx.api('POST', '/bodies', { kind: 'commission', name: 'Comisión de sesiones', acronym: 'CS', level: 'national' })).body;
    const session = (await ctx.api('POST', '/sessions', { bodyId: body.id, kind: 'permanent', date: '2023-05-24' })).body;
    const missing = await ctx.api('PATCH', `/sessions/${session.id}`, { kind: 'ordinary', version: session.version });
    expect(missing.status).toBe(422);
    expect(missing.body.error.issues[0]).toEqual({ path: 'number', message: 'Indique el número de la sesión.' });
    const numbered = await ctx.api('PATCH', `/sessions/${session.id}`, { kind: 'ordinary', number: 22, version: session.version });
    expect(numbered.body).toMatchObject({ kind: 'ordinary', number: 22 });
  });
});
