/**
 * The abilities the API sends with a record are the policy's own answers: for every kind of person,
 * an ability that says yes is a write the API accepts, and one that says no is a write it refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abilityPersonas, expectAnswerMatches, readWithAbilities } from '../../test/abilities.test-support.js';
import { createTestContext, type TestContext } from '../../test/test-context.js';

type ApiCall = TestContext['api'];
let ctx: TestContext;
const ids = { system: '', commission: '', group: '', other: '', responsible: '', bystander: '', session: '', participation: '', agreement: '', membership: '', plan: '', activity: '' };

beforeAll(async () => {
  ctx = await createTestContext();
  const create = async (path: string, body: object) => {
    const response = await ctx.api('POST', path, body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id as string;
  };
  ids.system = await create('/bodies', { kind: 'system', level: 'national', name: 'Sistema Nacional', acronym: 'SN' });
  ids.other = await create('/bodies', { kind: 'system', level: 'national', name: 'Otro sistema', acronym: 'OS' });
  ids.commission = await create('/bodies', { kind: 'commission', level: 'national', name: 'Comisión', acronym: 'COM', parentId: ids.system });
  ids.group = await create('/bodies', { kind: 'working_group', level: 'national', name: 'Grupo de trabajo', acronym: 'GT', parentId: ids.commission });
  ids.responsible = await create('/organizations', { name: 'Organización Responsable', acronym: 'ORES', sector: 'civil_society', level: 'none' });
  ids.bystander = await create('/organizations', { name: 'Organización Ajena', acronym: 'OAJ', sector: 'civil_society', level: 'none' });
  ids.session = await create('/sessions', { bodyId: ids.group, kind: 'ordinary', number: 1, date: '2024-03-01' });
  ids.participation = await create('/participations', { sessionId: ids.session, organizationIds: [ids.responsible], description: 'Presentó el diagnóstico.' });
  ids.agreement = await create('/agreements', { sessionId: ids.session, text: 'Difundir el diagnóstico.', responsibleOrganizationIds: [ids.responsible] });
  ids.membership = await create('/memberships', { bodyId: ids.group, organizationId: ids.responsible, role: 'member' });
  ids.plan = await create('/plans', { name: 'Plan de la comisión', bodyId: ids.commission });
  ids.activity = await create('/activities', { bodyId: ids.group, kind: 'forum', title: 'Foro', startDate: '2024-03-10', leadOrganizationIds: [ids.responsible], stateCodes: ['MX-JAL'] });
});
afterAll(() => ctx.close());

const personas = abilityPersonas(ids, 'responsible');
const read = readWithAbilities;

describe.each(Object.keys(personas))('for %s', (persona) => {
  let client: ApiCall;
  beforeAll(async () => {
    client = await ctx.signInAs(personas[persona]!());
  });

  it('a session, its participations and its agreement: each ability is what the API does', async () => {
    const session = await read(client, `/sessions/${ids.session}`);
    const edited = await client('PATCH', `/sessions/${ids.session}`, { date: '2024-03-01', version: (await read(ctx.api, `/sessions/${ids.session}`)).version });
    expectAnswerMatches(session.abilities.edit!, edited.status, 'session edit');
    const added = await client('POST', '/agreements', { sessionId: ids.session, text: `Acuerdo de ${persona}.` });
    expectAnswerMatches(session.abilities.addRecords!, added.status, 'agreement added');

    const participation = (session.participations as { id: string; abilities: Record<string, boolean> }[]).find((p) => p.id === ids.participation)!;
    const participationFollowUp = await client('POST', '/follow-ups', { participationId: ids.participation, date: '2024-04-01', text: 'Se difundió.' });
    expectAnswerMatches(participation.abilities.reportFollowUp!, participationFollowUp.status, 'participation follow-up');

    const agreement = await read(client, `/agreements/${ids.agreement}`);
    const followUp = await client('POST', '/follow-ups', { agreementId: ids.agreement, date: '2024-04-01', text: 'Se difundió.' });
    expectAnswerMatches(agreement.abilities.reportFollowUp!, followUp.status, 'agreement follow-up');
    const agreementEdit = await client('PATCH', `/agreements/${ids.agreement}`, { text: 'Difundir el diagnóstico.', version: agreement.version });
    expectAnswerMatches(agreement.abilities.edit!, agreementEdit.status, 'agreement edit');
  });

  it('a body, its memberships, an organisation, a plan and an activity: each ability is what the API does', async () => {
    const body = await read(client, `/bodies/${ids.group}`);
    const bodyEdit = await client('PATCH', `/bodies/${ids.group}`, { name: 'Grupo de trabajo', version: body.version });
    expectAnswerMatches(body.abilities.edit!, bodyEdit.status, 'body edit');
    const membership = (body.memberships as { id: string; abilities: { addFocalPoint: boolean } }[])[0]!;
    const focalPoint = await client('POST', '/focal-points', { membershipId: membership.id, kind: 'titular', person: { name: 'Persona Enlace' }, startDate: '2024-01-01' });
    expectAnswerMatches(membership.abilities.addFocalPoint, focalPoint.status, 'focal point');

    const organization = await read(client, `/organizations/${ids.responsible}`);
    const organizationEdit = await client('PATCH', `/organizations/${ids.responsible}`, { name: 'Organización Responsable', version: organization.version });
    expectAnswerMatches(organization.abilities.edit!, organizationEdit.status, 'organisation edit');

    const plan = await read(client, `/plans/${ids.plan}`);
    const planEdit = await client('PATCH', `/plans/${ids.plan}`, { name: 'Plan de la comisión', version: plan.version });
    expectAnswerMatches(plan.abilities.edit!, planEdit.status, 'plan edit');

    const activity = await read(client, `/activities/${ids.activity}`);
    const activityEdit = await client('PATCH', `/activities/${ids.activity}`, { title: 'Foro', version: activity.version });
    expectAnswerMatches(activity.abilities.edit!, activityEdit.status, 'activity edit');
  });
});

describe('what the abilities say, person by person', () => {
  const abilitiesOf = async (persona: string) => {
    const client = await ctx.signInAs(personas[persona]!());
    const [session, agreement, organization, me] = await Promise.all([
      read(client, `/sessions/${ids.session}`),
      read(client, `/agreements/${ids.agreement}`),
      read(client, `/organizations/${ids.responsible}`),
      client('GET', '/auth/me'),
    ]);
    return { session: session.abilities, agreement: agreement.abilities, organization: organization.abilities, me: me.body.abilities };
  };

  it('gives a secretariat its body and the bodies under it, and nothing elsewhere', async () => {
    const above = await abilitiesOf('the secretariat of a body above');
    expect(above.session).toEqual({ edit: true, archive: true, publish: true, addRecords: true });
    expect(above.me).toEqual({ manageAccounts: false, createOrganization: true, createTopLevelBody: false, manageAnyBody: true, manageAllBodies: false, managedBodyIds: expect.any(Array) });
    expect([...above.me.managedBodyIds].sort()).toEqual([ids.system, ids.commission, ids.group].sort());
    const other = await abilitiesOf('the secretariat of another system');
    expect(other.session).toEqual({ edit: false, archive: false, publish: false, addRecords: false });
    expect(other.me.managedBodyIds).toEqual([ids.other]);
  });

  it('lets an enlace report follow-up of what its organisation answers for, and edit its organisation, but not the session', async () => {
    const enlace = await abilitiesOf('the enlace of the responsible organisation');
    expect(enlace.agreement).toEqual({ edit: false, archive: false, publish: false, reportFollowUp: true });
    expect(enlace.organization).toEqual({ edit: true, archive: false });
    expect(enlace.session.edit).toBe(false);
    expect(enlace.me).toMatchObject({ manageAnyBody: false, createOrganization: false, managedBodyIds: [] });
    const bystander = await abilitiesOf('the enlace of another organisation');
    expect(bystander.agreement.reportFollowUp).toBe(false);
    expect(bystander.organization.edit).toBe(false);
  });

  it('gives a reader nothing to do and an administrator everything', async () => {
    const reader = await abilitiesOf('a reader');
    expect(Object.values({ ...reader.session, ...reader.agreement, ...reader.organization }).some(Boolean)).toBe(false);
    const admin = (await ctx.api('GET', '/auth/me')).body.abilities;
    expect(admin).toEqual({ manageAccounts: true, createOrganization: true, createTopLevelBody: true, manageAnyBody: true, manageAllBodies: true, managedBodyIds: [] });
    expect((await read(ctx.api, `/organizations/${ids.responsible}`)).abilities).toEqual({ edit: true, archive: true });
  });

  it('lets a period be changed only while it is open, and a closed one not even by an administrator', async () => {
    const opened = await ctx.api('POST', '/reporting-periods', {
      planId: ids.plan,
      title: 'Primer semestre',
      periodFrom: '2024-01-01',
      periodTo: '2024-06-30',
      dueDate: '2024-07-31',
      organizationIds: [ids.responsible],
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const path = `/reporting-periods/${opened.body.id}`;
    expect((await read(ctx.api, path)).abilities).toEqual({ edit: true });
    expect((await read(await ctx.signInAs(personas['the enlace of the responsible organisation']!()), path)).abilities).toEqual({ edit: false });
    expect((await ctx.api('POST', `${path}/close`, { version: (await read(ctx.api, path)).version })).status).toBeLessThan(300);
    const closed = await read(ctx.api, path);
    expect(closed.abilities).toEqual({ edit: false });
    expect((await ctx.api('PATCH', path, { dueDate: '2024-08-31', version: closed.version })).status).toBe(409);
  });
});
