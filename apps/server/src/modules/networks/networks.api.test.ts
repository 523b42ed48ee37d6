import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportNetworkCommand } from '../../cli/network.command.js';
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

const memberByAcronym = async (acronym: string) =>
  (await ctx.api('GET', `/networks/${ids.network}/members?pageSize=500`)).body.items.find((m: { acronym: string }) => m.acronym === acronym);
const setNetwork = async (values: object) => {
  const { version } = (await ctx.api('GET', `/networks/${ids.network}`)).body;
  const response = await ctx.api('PATCH', `/networks/${ids.network}`, { version, ...values });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
};

describe('member status over time', () => {
  it('follows the dates and the contributions: new, active, grace, lapsed, withdrawn', async () => {
    const member = await memberByAcronym('REDIM');
    const path = `/networks/${ids.network}/members/${member.id}/contributions`;
    const pending = await ctx.api('PUT', `${path}/${year - 1}`, { amount: 1500, status: 'pending' });
    expect(pending.status, JSON.stringify(pending.body)).toBe(200);
    await setNetwork({ graceDays: 400 });
    expect((await memberByAcronym('REDIM')).status).toBe('grace');
    await setNetwork({ graceDays: 0 });
    expect((await memberByAcronym('REDIM')).status).toBe('lapsed');
    expect((await ctx.api('GET', `/networks/${ids.network}/members?status=lapsed`)).body.total).toBe(1);
    const stale = await ctx.api('PUT', `${path}/${year - 1}`, { version: pending.body.version + 1, status: 'paid', paidOn: today });
    expect(stale.status).toBe(409);
    const paid = await ctx.api('PUT', `${path}/${year - 1}`, { version: pending.body.version, amount: 1500, status: 'paid', paidOn: today });
    expect(paid.body).toMatchObject({ year: year - 1, amount: 1500, status: 'paid', paidOn: today, version: 2 });
    expect((await memberByAcronym('REDIM')).status).toBe('active');
    expect((await ctx.api('GET', path)).body.map((c: { year: number; status: string }) => [c.year, c.status])).toEqual([[year - 1, 'paid']]);
    const wrongDate = await ctx.api('PUT', `${path}/${year}`, { status: 'pending', paidOn: today });
    expect(wrongDate.status).toBe(422);
    expect(wrongDate.body.error.issues[0].path).toBe('paidOn');
    await setNetwork({ graceDays: 90 });

    const leaving = await addMember({ organization: { name: 'Fundación que se retira' }, joinedOn: '2019-01-01' });
    expect(leaving.body.status).toBe('active');
    const left = await ctx.api('PATCH', `/networks/${ids.network}/members/${leaving.body.id}`, { version: leaving.body.version, leftOn: daysAgo(1) });
    expect(left.body.status).toBe('withdrawn');
    const backwards = await ctx.api('PATCH', `/networks/${ids.network}/members/${leaving.body.id}`, { version: left.body.version, joinedOn: today });
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.issues[0].path).toBe('leftOn');
    const view = (await ctx.api('GET', `/networks/${ids.network}`)).body;
    expect(view.counts).toMatchObject({ members: 2, byStatus: { withdrawn: 1 } });
  });

  it('keeps contacts out of the history every signed-in person reads', async () => {
    const member = await memberByAcronym('REDIM');
    await ctx.api('PATCH', `/networks/${ids.network}/members/${member.id}`, { version: member.version, contactEmail: 'nuevo@redim.example', contactPhone: '5512345678' });
    const history = await ctx.api('GET', `/history/network_member/${member.id}`);
    expect(history.status).toBe(200);
    expect(history.body[0].shown.fields.map((f: { label: string; after: string }) => [f.label, f.after])).toEqual([
      ['Correo del contacto', 'cambiado'],
      ['Teléfono del contacto', 'registrado'],
    ]);
    expect(JSON.stringify(history.body)).not.toMatch(/redim\.example|5512345678/);
    const trail = (await ctx.handle.db.execute(sql`select changes::text as changes from audit_entries where entity_id = ${member.id}`)) as unknown as { rows: unknown[] };
    expect(JSON.stringify(trail.rows)).not.toMatch(/redim\.example|5512345678/);
  });
});

describe('importing members', () => {
  const importFile = (text: string, dryRun: boolean, client = ctx.api) => {
    const form = new FormData();
    form.set('file', new File([text], 'integrantes.csv', { type: 'text/csv' }));
    form.set('dryRun', String(dryRun));
    return client('POST', `/networks/${ids.network}/members/import`, form);
  };
  const HEADER = 'Nombre,Siglas,Entidad federativa,Sector,Fecha de ingreso,Contacto,Correo electrónico\n';

  it('reports every problem with its row and column and writes nothing', async () => {
    const before = (await ctx.api('GET', `/networks/${ids.network}/members`)).body.total;
    const organizations = (await ctx.api('GET', '/organizations')).body.total;
    const result = await importFile(`${HEADER}Asociación Buena,AB,Jalisco,Sociedad civil,2024-01-15,Ana,ana@ab.example\nOtra Asociación,,Atlantis,Sociedad civil,mañana,,\nOrganización Desconocida,,Jalisco,,,,\n`, false);
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body.written).toBe(false);
    expect(result.body.issues.map((i: { row: number; column: string }) => [i.row, i.column])).toEqual(
      expect.arrayContaining([
        [3, expect.stringMatching(/Entidad/)],
        [3, expect.stringMatching(/ingreso/)],
        [4, 'Sector'],
      ]),
    );
    expect((await ctx.api('GET', `/networks/${ids.network}/members`)).body.total).toBe(before);
    expect((await ctx.api('GET', '/organizations')).body.total).toBe(organizations);
  });

  it('dry-runs, then imports: matched against the directory, created, or updated when already a member', async () => {
    const file = `${HEADER}Red por los Derechos de la Infancia en México,REDIM,Ciudad de México,Sociedad civil,2020-01-01,Luis,luis@redim.example\nAsociación Buena,AB,Jalisco,Sociedad civil,2024-01-15,Ana,ana@ab.example\n`;
    const before = (await ctx.api('GET', `/networks/${ids.network}/members`)).body.total;
    const dry = await importFile(file, true);
    expect(dry.body).toMatchObject({ dryRun: true, written: false, rows: 2, created: 1, organizationsCreated: 1, matched: 1, updated: 1, issues: [] });
    expect((await ctx.api('GET', `/networks/${ids.network}/members`)).body.total).toBe(before);
    const done = await importFile(file, false);
    expect(done.body).toMatchObject({ dryRun: false, written: true, created: 1, updated: 1 });
    expect((await ctx.api('GET', `/networks/${ids.network}/members`)).body.total).toBe(before + 1);
    expect((await memberByAcronym('AB')).contact).toMatchObject({ name: 'Ana', email: 'ana@ab.example' });
    expect((await memberByAcronym('REDIM')).contact.email).toBe('luis@redim.example');
  });

  it('reads back its own export: every member matched and kept as it was', async () => {
    const exported = (await ctx.api('GET', `/networks/${ids.network}/members/export?format=csv`)).body as string;
    const total = (await ctx.api('GET', `/networks/${ids.network}/members`)).body.total;
    const again = await importFile(exported, true);
    expect(again.body).toMatchObject({ issues: [], rows: total, created: 0, organizationsCreated: 0, matched: total, updated: total });
    expect(again.body.warnings).toEqual([]);
  });

  it('refuses the file of a reader or of another body\'s secretariat before reading it', async () => {
    const reader = await ctx.signInAs([{ role: 'reader' }]);
    expect((await importFile(HEADER, true, reader)).status).toBe(403);
    const outsider = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.other }]);
    expect((await importFile(HEADER, true, outsider)).status).toBe(403);
    expect((await importFile(HEADER, true, ctx.anonymous)).status).toBe(401);
  });

  it('exports the list with contacts only for who manages the network', async () => {
    const managed = await ctx.api('GET', `/networks/${ids.network}/members/export?format=csv`);
    expect(managed.status).toBe(200);
    const header = managed.body.replace(/^\uFEFF/, '').split(/\r?\n/)[0];
    expect(header).toBe('Nombre,Siglas,Entidad federativa,Clave de entidad (ISO 3166-2),Sector,Fecha de ingreso,Fecha de baja,Estatus,Contacto,Correo del contacto,Teléfono del contacto');
    expect(managed.body).toContain('ana@ab.example');
    const reader = await ctx.signInAs([{ role: 'reader' }]);
    const read = await reader('GET', `/networks/${ids.network}/members/export?format=csv&stateCode=MX-JAL`);
    expect(read.status).toBe(200);
    expect(read.body).toContain('Asociación Buena');
    expect(read.body.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('Nombre,Siglas,Entidad federativa,Clave de entidad (ISO 3166-2),Sector,Fecha de ingreso,Fecha de baja,Estatus');
    expect(read.body).not.toMatch(/ana@ab\.example|Luis/);
    expect(read.body).not.toContain('Red por los Derechos');
  });
});

describe('governance, commissions and focal points', () => {
  const nodes: Record<string, string> = {};
  beforeAll(async () => {
    const plan = await ctx.api('POST', '/plans', { name: 'Compromisos del Pacto', bodyId: ids.network });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    for (const [code, title] of [['1', 'Primera infancia en la agenda pública'], ['2', 'Presupuesto'], ['3', 'Datos']] as const) {
      nodes[code] = (await ctx.api('POST', '/plan-nodes', { planId: plan.body.id, parentId: null, kind: 'axis', code, title })).body.id;
    }
    await ctx.api('POST', '/plan-nodes', { planId: plan.body.id, parentId: nodes['1'], kind: 'action_line', code: '1.1', title: 'Línea' });
    await setNetwork({ planId: plan.body.id });
  });

  it('creates the board and the coordination, and one commission per commitment lacking one', async () => {
    const board = await ctx.api('POST', `/networks/${ids.network}/bodies`, { role: 'board', name: 'Consejo Directivo' });
    expect(board.status, JSON.stringify(board.body)).toBe(201);
    await ctx.api('POST', `/networks/${ids.network}/bodies`, { role: 'coordination', name: 'Coordinación' });
    const first = await ctx.api('POST', `/networks/${ids.network}/bodies`, { role: 'commission', name: 'Comisión de agenda pública', planNodeId: nodes['1'] });
    expect(first.status).toBe(201);
    expect((await ctx.api('GET', `/bodies/${first.body.bodyId}`)).body.parentId).toBe(ids.network);
    const fromPlan = await ctx.api('POST', `/networks/${ids.network}/commissions/from-plan`);
    expect(fromPlan.status, JSON.stringify(fromPlan.body)).toBe(200);
    expect(fromPlan.body.created.map((c: { planNodeId: string }) => c.planNodeId)).toEqual([nodes['2'], nodes['3']]);
    expect((await ctx.api('POST', `/networks/${ids.network}/commissions/from-plan`)).body.created).toEqual([]);
    const view = (await ctx.api('GET', `/networks/${ids.network}`)).body;
    expect(view.governance.map((g: { role: string; name: string }) => [g.role, g.name])).toEqual([['board', 'Consejo Directivo'], ['coordination', 'Coordinación']]);
    expect(view.commissions.map((c: { commitmentCode: string }) => c.commitmentCode)).toEqual(['1', '2', '3']);
    expect(view.commissions.every((c: { focalPoint: unknown }) => c.focalPoint === null)).toBe(true);
    const twice = await ctx.api('POST', `/networks/${ids.network}/bodies`, { role: 'commission', name: 'Otra', planNodeId: nodes['2'] });
    expect(twice.status).toBe(409);
  });

  it('holds dated terms: a new one closes the previous the day before, none overlap, contacts only for managers', async () => {
    const commission = (await ctx.api('GET', `/networks/${ids.network}`)).body.commissions[0];
    const path = `/networks/commissions/${commission.bodyId}`;
    const organizationId = (await memberByAcronym('REDIM')).organizationId;
    const first = await ctx.api('POST', `${path}/focal-points`, { role: 'focal_point', person: { name: 'Ana Pérez', position: 'Directora', organizationId, email: 'ana.perez@example.org', phone: '5511111111' }, startOn: '2025-01-01' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const second = await ctx.api('POST', `${path}/focal-points`, { role: 'focal_point', person: { name: 'Beatriz Ruiz', position: null, organizationId, email: 'beatriz@example.org' }, startOn: '2025-06-01' });
    expect(second.status).toBe(201);
    const terms = second.body.focalPoints.filter((t: { role: string }) => t.role === 'focal_point');
    expect(terms.map((t: { person: { name: string }; startOn: string; endOn: string | null }) => [t.person.name, t.startOn, t.endOn])).toEqual([
      ['Beatriz Ruiz', '2025-06-01', null],
      ['Ana Pérez', '2025-01-01', '2025-05-31'],
    ]);
    expect(terms[0].person.email).toBe('beatriz@example.org');
    const overlapping = await ctx.api('POST', `${path}/focal-points`, { role: 'focal_point', personId: terms[1].person.id, startOn: '2025-03-01' });
    expect(overlapping.status).toBe(422);
    expect(overlapping.body.error.issues[0].path).toBe('startOn');
    const reaching = await ctx.api('PATCH', `/networks/focal-points/${terms[1].id}`, { version: terms[1].version, endOn: '2025-07-01' });
    expect(reaching.status).toBe(422);
    const alternate = await ctx.api('POST', `${path}/focal-points`, { role: 'alternate', personId: terms[1].person.id, startOn: '2025-06-01' });
    expect(alternate.status).toBe(201);
    const mechanisms = await ctx.api('PATCH', path, {
      version: alternate.body.version,
      communication: { channels: ['whatsapp', 'email'], rules: 'Solo temas de la comisión', frequency: 'weekly' },
      work: { meetingFrequency: 'monthly', modality: 'online', documentPlatform: 'Carpeta compartida' },
    });
    expect(mechanisms.status, JSON.stringify(mechanisms.body)).toBe(200);
    expect(mechanisms.body.communication).toEqual({ channels: ['whatsapp', 'email'], otherChannel: null, rules: 'Solo temas de la comisión', frequency: 'weekly' });
    expect(mechanisms.body.work).toMatchObject({ meetingFrequency: 'monthly', modality: 'online', agreementsKeeper: null });

    const reader = await ctx.signInAs([{ role: 'reader' }]);
    const read = await reader('GET', path);
    expect(read.status).toBe(200);
    expect(read.body.focalPoints.map((t: { person: { name: string } }) => t.person.name)).toContain('Beatriz Ruiz');
    expect(JSON.stringify(read.body)).not.toMatch(/@example\.org|5511111111/);
    expect((await reader('PATCH', path, { version: mechanisms.body.version, work: null })).status).toBe(403);
    const outsider = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.other }]);
    expect((await outsider('POST', `${path}/focal-points`, { role: 'alternate', personId: terms[1].person.id, startOn: '2026-01-01' })).status).toBe(403);
    // The commission's own secretariat manages it, but not its sibling commissions nor the network.
    const sibling = (await ctx.api('GET', `/networks/${ids.network}`)).body.commissions[1];
    const own = await ctx.signInAs([{ role: 'secretariat', bodyId: commission.bodyId }]);
    const ownEdit = await own('PATCH', path, { version: mechanisms.body.version, work: { meetingFrequency: 'biweekly' } });
    expect(ownEdit.status, JSON.stringify(ownEdit.body)).toBe(200);
    expect(ownEdit.body.abilities.canManage).toBe(true);
    expect((await own('POST', `/networks/commissions/${sibling.bodyId}/focal-points`, { role: 'alternate', personId: terms[1].person.id, startOn: '2026-01-01' })).status).toBe(403);
    expect((await own('POST', `/networks/${ids.network}/members`, { organization: { name: 'Y' }, sector: 'other' })).status).toBe(403);
    const view = (await ctx.api('GET', `/networks/${ids.network}`)).body.commissions[0];
    expect(view.focalPoint).toEqual({ name: 'Beatriz Ruiz', organizationName: 'Red por los Derechos de la Infancia en México', startOn: '2025-06-01' });
    expect(view.alternate?.name).toBe('Ana Pérez');
  });
});

describe('points', () => {
  it('counts assemblies, surveys, activities and commission work of the year, weighted and ranked', async () => {
    const redim = await memberByAcronym('REDIM');
    const session = await ctx.api('POST', '/sessions', { bodyId: ids.network, kind: 'ordinary', number: 1, date: `${year}-02-10` });
    expect(session.status, JSON.stringify(session.body)).toBe(201);
    const old = await ctx.api('POST', '/sessions', { bodyId: ids.network, kind: 'ordinary', number: 2, date: `${year - 1}-02-10` });
    for (const id of [session.body.id, old.body.id]) {
      await ctx.handle.db.execute(sql`insert into session_attendance (session_id, organization_id) values (${id}, ${redim.organizationId})`);
    }
    const activity = await ctx.api('POST', '/activities', { bodyId: ids.network, kind: 'forum', title: 'Foro del Pacto', startDate: `${year}-03-01`, leadOrganizationIds: [redim.organizationId] });
    expect(activity.status, JSON.stringify(activity.body)).toBe(201);
    const commission = (await ctx.api('GET', `/networks/${ids.network}`)).body.commissions[1];
    await ctx.api('POST', '/memberships', { bodyId: commission.bodyId, organizationId: redim.organizationId, role: 'member', startDate: `${year}-01-01` });
    const seated = (await ctx.api('GET', `/networks/commissions/${commission.bodyId}`)).body;
    expect(seated.members).toEqual([{ organizationId: redim.organizationId, name: 'Red por los Derechos de la Infancia en México', acronym: 'REDIM' }]);
    expect((await ctx.api('GET', `/networks/${ids.network}`)).body.commissions[1].members).toBe(1);
    // A survey counts once closed; one still open (answered too) does not yet.
    await ctx.handle.db.execute(sql`insert into surveys (network_id, title, definition, anonymity, status, audience, opened_at, closed_at)
      values (${ids.network}, 'Percepción', '{"sections":[]}'::jsonb, 'named', 'closed', '{"kind":"all"}'::jsonb, ${`${year}-04-01T12:00:00Z`}, ${`${year}-04-20T12:00:00Z`}),
             (${ids.network}, 'Percepción abierta', '{"sections":[]}'::jsonb, 'named', 'open', '{"kind":"all"}'::jsonb, ${`${year}-05-01T12:00:00Z`}, null)`);
    await ctx.handle.db.execute(sql`insert into survey_invitations (survey_id, member_id, token_hash, responded)
      select id, ${redim.id}, 'hash-' || title, true from surveys where title like 'Percepción%'`);

    const points = await ctx.api('GET', `/networks/${ids.network}/points?year=${year}`);
    expect(points.status, JSON.stringify(points.body)).toBe(200);
    expect(points.body).toMatchObject({ year, weights: { assembly: 3, survey: 1, activity: 2, commission: 2 }, published: false });
    const top = points.body.rows[0];
    // One assembly of the year, one survey, one activity, one commission seat, and the focal terms its people
    // hold in the year: Beatriz (focal point) and Ana (alternate) since 2025-06-01, Ana's first term only in 2025.
    const focalTerms = year === 2025 ? 3 : 2;
    expect(top).toMatchObject({ memberId: redim.id, assemblies: 1, surveys: 1, activities: 1, commissions: 1 + focalTerms, rank: 1 });
    expect(top.points).toBe(3 + 1 + 2 + 2 * (1 + focalTerms));
    expect(points.body.rows.slice(1).every((row: { points: number; rank: number }) => row.points === 0 && row.rank === 2)).toBe(true);
    await setNetwork({ pointWeights: { assembly: 10, survey: 0, activity: 0, commission: 0 } });
    expect((await ctx.api('GET', `/networks/${ids.network}/points?year=${year}`)).body.rows[0].points).toBe(10);
    expect((await ctx.api('GET', `/networks/${ids.network}/points?year=${year - 1}`)).body.rows[0]).toMatchObject({ assemblies: 1, activities: 0 });
  });
});

describe('the portal', () => {
  it('shows the declared size, members by state and whether commissions have a focal point, never a person or a contact', async () => {
    const list = await ctx.anonymous('GET', '/public/networks');
    expect(list.status).toBe(200);
    expect(list.body[0]).toMatchObject({ id: ids.network, declaredMembers: 446, declaredStates: 32 });
    const shown = await ctx.anonymous('GET', `/public/networks/${ids.network}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ declaredSource: '2ª Asamblea Nacional, lámina 3', memberList: null, ranking: null });
    expect(shown.body.commissions.map((c: { commitmentCode: string; hasFocalPoint: boolean }) => [c.commitmentCode, c.hasFocalPoint])).toEqual([
      ['1', true],
      ['2', false],
      ['3', false],
    ]);
    expect(JSON.stringify(shown.body)).not.toMatch(/Beatriz|Ana Pérez|@|5511111111|Luis/);
    await setNetwork({ membersPublic: true, rankingPublic: true });
    const published = (await ctx.anonymous('GET', `/public/networks/${ids.network}`)).body;
    expect(published.memberList.map((m: { acronym: string }) => m.acronym)).toEqual(expect.arrayContaining(['REDIM', 'AB', 'CNN']));
    expect(published.ranking.rows[0]).toMatchObject({ acronym: 'REDIM', rank: 1 });
    expect(JSON.stringify(published)).not.toMatch(/@|5511111111|Luis|memberId/);
  });
});

describe('telar export network', () => {
  afterEach(() => vi.restoreAllMocks());
  it('prints the network in the agreed shape', async () => {
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
    expect(await exportNetworkCommand(['PPI', '--format', 'json'], ctx.handle)).toBe(0);
    const printed = JSON.parse(out.join('\n'));
    expect(Object.keys(printed)).toEqual(['name', 'declaredMembers', 'members', 'states', 'commissions']);
    expect(printed).toMatchObject({ name: 'Pacto por la Primera Infancia', declaredMembers: 446, members: 3, states: 2 });
    expect(printed.commissions[0]).toEqual({ name: 'Comisión de agenda pública', commitment: '1 Primera infancia en la agenda pública', hasFocalPoint: true, hasAlternate: true });
    expect(printed.commissions[1]).toEqual({ name: 'Comisión 2. Presupuesto', commitment: '2 Presupuesto', hasFocalPoint: false, hasAlternate: false });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await exportNetworkCommand(['PPI'], ctx.handle)).toBe(2);
  });
});
