import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_PASSWORD, type TestContext } from './test/test-context.js';

let ctx: TestContext;
type Client = TestContext['api'];
const ids: Record<string, string> = {};
const clients: Record<string, Client> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  const admin = ctx.api;
  const post = async (path: string, body: unknown) => {
    const response = await admin('POST', path, body);
    if (response.status !== 201) throw new Error(`${path}: ${JSON.stringify(response.body)}`);
    return response.body.id as string;
  };
  ids.bodyA = await post('/bodies', { kind: 'commission', name: 'Comisión A', acronym: 'CA', level: 'national' });
  ids.bodyB = await post('/bodies', { kind: 'commission', name: 'Comisión B', acronym: 'CB', level: 'national' });
  ids.groupA = await post('/bodies', { kind: 'working_group', name: 'Grupo de la Comisión A', acronym: 'GA', level: 'national', parentId: ids.bodyA });
  ids.orgX = await post('/organizations', { name: 'Organización X', sector: 'civil_society', level: 'none' });
  ids.orgY = await post('/organizations', { name: 'Organización Y', sector: 'civil_society', level: 'none' });
  ids.sessionA = await post('/sessions', { bodyId: ids.groupA, kind: 'ordinary', number: 1, date: '2024-01-10' });
  ids.participationA = await post('/participations', { sessionId: ids.sessionA, organizationIds: [ids.orgX], description: 'Presentación' });
  ids.agreementA = await post('/agreements', { sessionId: ids.sessionA, text: 'Acuerdo de prueba', responsibleOrganizationIds: [ids.orgX] });
  ids.membershipA = (await admin('POST', '/memberships', { bodyId: ids.bodyA, organizationId: ids.orgX, role: 'member' })).body.id;
  ids.planA = await post('/plans', { name: 'Plan de la Comisión A', bodyId: ids.bodyA });
  ids.nodeA = await post('/plan-nodes', { planId: ids.planA, parentId: null, kind: 'axis', code: '1', title: 'Eje 1', responsibleOrganizationIds: [ids.orgX] });
  ids.indicatorA = await post('/indicators', { planNodeId: ids.nodeA, name: 'Personas capacitadas', unit: 'personas' });
  const period = await admin('POST', '/reporting-periods', { planId: ids.planA, title: 'Anual', periodFrom: '2024-01-01', periodTo: '2024-12-31', dueDate: '2099-01-31' });
  ids.reportX = period.body.reports[0].id;
  ids.activityA = await post('/activities', { bodyId: ids.bodyA, kind: 'training', title: 'Taller', startDate: '2024-04-01', leadOrganizationIds: [ids.orgX], participants: 30 });
  ids.userU = await post('/users', { email: 'cuenta.u@prueba.telar.mx', name: 'Cuenta U', password: 'clave-de-la-cuenta-u-1', roles: [{ role: 'reader' }] });

  clients.admin = admin;
  clients.secretariatA = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.bodyA }]);
  clients.secretariatB = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.bodyB }]);
  clients.enlaceX = await ctx.signInAs([{ role: 'enlace', organizationId: ids.orgX }]);
  clients.enlaceY = await ctx.signInAs([{ role: 'enlace', organizationId: ids.orgY }]);
  clients.reader = await ctx.signInAs([{ role: 'reader' }]);
  clients.anonymous = ctx.anonymous;
});
afterAll(() => ctx.close());

/** A number no earlier call gave: for what must be unique (a node code, a permanent session's date). */
let lastNumber = 0;
const nextNumber = () => ++lastNumber;
const nextFreeDate = () => new Date(Date.UTC(2024, 1, 1) + nextNumber() * 86_400_000).toISOString().slice(0, 10);

const version = async (path: string) => (await ctx.api('GET', path)).body.version as number;
/** A working group of A made by the administrator, to be moved once. */
const newGroupOfA = async () => (await ctx.api('POST', '/bodies', { kind: 'working_group', name: `Grupo ${nextNumber()}`, level: 'national', parentId: ids.bodyA })).body as { id: string; version: number };
const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

/** Each write endpoint, built fresh per call (edits need the current version), and who may call it. */
const writes: { name: string; call: (client: Client) => Promise<{ status: number }>; allowed: string[] }[] = [
  {
    name: 'POST /organizations',
    call: (c) => c('POST', '/organizations', { name: `Nueva ${Math.random()}`, sector: 'academia', level: 'none' }),
    allowed: ['admin', 'secretariatA', 'secretariatB'],
  },
  {
    name: 'PATCH /organizations/X (another institution’s record for enlaceY)',
    call: async (c) => c('PATCH', `/organizations/${ids.orgX}`, { acronym: 'OX', version: await version(`/organizations/${ids.orgX}`) }),
    allowed: ['admin', 'enlaceX'],
  },
  {
    name: 'POST /bodies (top level)',
    call: (c) => c('POST', '/bodies', { kind: 'commission', name: `Comisión ${Math.random()}`, level: 'national' }),
    allowed: ['admin'],
  },
  {
    name: 'POST /bodies (working group under A)',
    call: (c) => c('POST', '/bodies', { kind: 'working_group', name: `Grupo ${Math.random()}`, level: 'national', parentId: ids.bodyA }),
    allowed: ['admin', 'secretariatA'],
  },
  {
    name: 'PATCH /bodies/A',
    call: async (c) => c('PATCH', `/bodies/${ids.bodyA}`, { name: 'Comisión A', version: await version(`/bodies/${ids.bodyA}`) }),
    allowed: ['admin', 'secretariatA'],
  },
  {
    name: 'PATCH /bodies/(a group of A) with no parent',
    call: async (c) => {
      const group = await newGroupOfA();
      return c('PATCH', `/bodies/${group.id}`, { parentId: null, version: group.version });
    },
    allowed: ['admin'],
  },
  {
    name: 'PATCH /bodies/(a group of A) moved under B',
    call: async (c) => {
      const group = await newGroupOfA();
      return c('PATCH', `/bodies/${group.id}`, { parentId: ids.bodyB, version: group.version });
    },
    allowed: ['admin'],
  },
  {
    name: 'POST /sessions (group of A)',
    call: (c) => c('POST', '/sessions', { bodyId: ids.groupA, kind: 'permanent', date: nextFreeDate() }),
    allowed: ['admin', 'secretariatA'],
  },
  {
    name: 'PATCH /sessions/S',
    call: async (c) => c('PATCH', `/sessions/${ids.sessionA}`, { modality: 'virtual', version: await version(`/sessions/${ids.sessionA}`) }),
    allowed: ['admin', 'secretariatA'],
  },
  {
    name: 'PUT /sessions/S/agenda',
    call: (c) => c('PUT', `/sessions/${ids.sessionA}/agenda`, { items: [{ startsAt: '10:00', endsAt: '10:30', title: `Bienvenida ${Math.random()}` }] }),
    allowed: ['admin', 'secretariatA'],
  },
  {
    name: 'PUT /sessions/S/attendance',
    call: (c) => c('PUT', `/sessions/${ids.sessionA}/attendance`, { organizationIds: [ids.orgX] }),
    allowed: ['admin', 'secretariatA'],
  },
  {
    name: 'POST /participations',
    call: (c) => c('POST', '/participations', { sessionId: ids.sessionA, organizationIds: [ids.orgY], description: `Otra ${Math.random()}` }),
    allowed: ['admin', 'secretariatA'],
  },
  {
    name: 'PATCH /participations/P',
    call: async (c) => {
      const session = (await ctx.api('GET', `/sessions/${ids.sessionA}`)).body;
      const current = session.participations.find((p: { id: string }) => p.id === ids.participationA);
      return c('PATCH', `/participations/${ids.participationA}`, { description: 'Presentación', version: current.version });
    },
    allowed: ['admin', 'secretariatA'],
  },
  {
    name: 'POST /agreements',
    call: (c) => c('POST', '/agreements', { sessionId: ids.sessionA, text: `Acuerdo ${Math.random()}` }),
    allowed: ['admin', 'secretariatA'],
  },
  {
    name: 'PATCH /agreements/G',
    call: async (c) => c('PATCH', `/agreements/${ids.agreementA}`, { status: 'in_progress', version: await version(`/agreements/${ids.agreementA}`) }),
    allowed: ['admin', 'secretariatA'],
  },
  {
    name: 'POST /follow-ups (agreement for which X is responsible)',
    call: (c) => c('POST', '/follow-ups', { agreementId: ids.agreementA, date: '2024-03-01', text: `Avance ${Math.random()}` }),
    allowed: ['admin', 'secretariatA', 'enlaceX'],
  },
  {
    name: 'POST /memberships',
    call: (c) => c('POST', '/memberships', { bodyId: ids.bodyA, organizationId: ids.orgY, role: 'guest' }),
    allowed: ['admin', 'secretariatA'],
  },
  {
    name: 'POST /focal-points (membership of X in A)',
    call: (c) => c('POST', '/focal-points', { membershipId: ids.membershipA, kind: 'alternate', person: { name: 'Persona' }, startDate: '2024-01-01' }),
    allowed: ['admin', 'secretariatA', 'enlaceX'],
  },
  {
    name: 'POST /imports/mechanism-report (dry run into A)',
    call: (c) =>
      c('POST', '/imports/mechanism-report', {
        dryRun: true,
        bodyAcronym: 'CA',
        text: 'Participante:\tOrganización X\nNúmero, tipo de sesión y fecha:\tSesión Permanente, 5 de marzo de 2024\nAcciones en las que la participación fue/es relevante:\tPresentación\n',
      }),
    allowed: ['admin', 'secretariatA'],
  },
  {
    name: 'POST /plans (body A)',
    call: (c) => c('POST', '/plans', { name: `Plan ${Math.random()}`, bodyId: ids.bodyA }),
    allowed: ['admin', 'secretariatA'],
  },
  {
    name: 'PATCH /plans/A',
    call: async (c) => c('PATCH', `/plans/${ids.planA}`, { description: 'Plan de trabajo', version: await version(`/plans/${ids.planA}`) }),
    allowed: ['admin', 'secretariatA'],
  },
  {
    name: 'POST /plan-nodes (plan A)',
    call: (c) => c('POST', '/plan-nodes', { planId: ids.planA, parentId: ids.nodeA, kind: 'action_line', code: `1.${nextNumber()}`, title: 'Línea' }),
    allowed: ['admin', 'secretariatA'],
  },
  {
    name: 'PATCH /plan-nodes/N',
    call: async (c) => c('PATCH', `/plan-nodes/${ids.nodeA}`, { status: 'in_progress', version: await version(`/plan-nodes/${ids.nodeA}`) }),
    allowed: ['admin', 'secretariatA'],
  },
  {
    name: 'POST /indicators (node of plan A)',
    call: (c) => c('POST', '/indicators', { planNodeId: ids.nodeA, name: 'Campañas', unit: 'campañas' }),
    allowed: ['admin', 'secretariatA'],
  },
  {
    name: 'PUT /indicators/I/values (outside a report)',
    call: (c) => c('PUT', `/indicators/${ids.indicatorA}/values`, { values: [{ period: '2024', value: Math.random() }] }),
    allowed: ['admin', 'secretariatA'],
  },
  {
    name: 'POST /reporting-periods (plan A)',
    call: (c) => c('POST', '/reporting-periods', { planId: ids.planA, title: 'Semestral', periodFrom: '2025-01-01', periodTo: '2025-06-30', dueDate: '2099-07-31' }),
    allowed: ['admin', 'secretariatA'],
  },
  {
    name: 'POST /activities (recorded directly for A)',
    call: (c) => c('POST', '/activities', { bodyId: ids.bodyA, kind: 'forum', title: 'Foro', startDate: '2024-05-01', leadOrganizationIds: [ids.orgX] }),
    allowed: ['admin', 'secretariatA'],
  },
  {
    name: 'POST /activities (recorded directly for B)',
    call: (c) => c('POST', '/activities', { bodyId: ids.bodyB, kind: 'forum', title: 'Foro', startDate: '2024-05-01', leadOrganizationIds: [ids.orgX] }),
    allowed: ['admin', 'secretariatB'],
  },
  {
    name: 'POST /activities (recorded directly for the group of A)',
    call: (c) => c('POST', '/activities', { bodyId: ids.groupA, kind: 'forum', title: 'Foro', startDate: '2024-05-01', leadOrganizationIds: [ids.orgX] }),
    allowed: ['admin', 'secretariatA'],
  },
  {
    name: 'POST /activities (recorded directly for A, on a line of plan A)',
    call: (c) => c('POST', '/activities', { bodyId: ids.bodyA, kind: 'forum', title: 'Foro', startDate: '2024-05-01', leadOrganizationIds: [ids.orgX], planNodeIds: [ids.nodeA] }),
    allowed: ['admin', 'secretariatA'],
  },
  {
    name: 'PATCH /activities/(recorded for A, led by X)',
    call: async (c) => c('PATCH', `/activities/${ids.activityA}`, { participants: nextNumber(), version: await version(`/activities/${ids.activityA}`) }),
    allowed: ['admin', 'secretariatA'],
  },
  {
    name: 'POST /activities/(recorded for A)/archive',
    call: async (c) => {
      const activity = (await ctx.api('POST', '/activities', { bodyId: ids.bodyA, kind: 'forum', title: 'Foro', startDate: '2024-05-01', leadOrganizationIds: [ids.orgX] })).body;
      return c('POST', `/activities/${activity.id}/archive`, { version: activity.version });
    },
    allowed: ['admin', 'secretariatA'],
  },
  {
    name: 'PUT /indicators/I/values (in the report X owes; X is responsible for the line)',
    call: (c) => c('PUT', `/indicators/${ids.indicatorA}/values`, { values: [{ period: '2023', value: Math.random() }], reportId: ids.reportX }),
    allowed: ['admin', 'secretariatA', 'enlaceX'],
  },
  {
    name: 'POST /activities (in the report X owes for plan A)',
    call: (c) => c('POST', '/activities', { kind: 'training', title: 'Taller', startDate: '2024-05-01', leadOrganizationIds: [ids.orgX], reportId: ids.reportX }),
    allowed: ['admin', 'secretariatA', 'enlaceX'],
  },
  {
    name: 'POST /reports/R/node-statuses (X reports its node)',
    call: (c) => c('POST', `/reports/${ids.reportX}/node-statuses`, { planNodeId: ids.nodeA, status: 'in_progress', progress: 40 }),
    allowed: ['admin', 'secretariatA', 'enlaceX'],
  },
  {
    name: 'POST /users',
    call: (c) => c('POST', '/users', { email: `nueva${Math.random()}@prueba.telar.mx`, name: 'Nueva', password: 'una-clave-segura-123', roles: [{ role: 'reader' }] }),
    allowed: ['admin'],
  },
  {
    name: 'PATCH /users/U (roles)',
    call: async (c) => c('PATCH', `/users/${ids.userU}`, { roles: [{ role: 'enlace', organizationId: ids.orgY }], version: await version(`/users/${ids.userU}`) }),
    allowed: ['admin'],
  },
  {
    name: 'POST /users/U/deactivate',
    call: async (c) => c('POST', `/users/${ids.userU}/deactivate`, { version: await version(`/users/${ids.userU}`) }),
    allowed: ['admin'],
  },
  {
    name: 'POST /users/U/reactivate',
    call: async (c) => c('POST', `/users/${ids.userU}/reactivate`, { version: await version(`/users/${ids.userU}`) }),
    allowed: ['admin'],
  },
  {
    name: 'POST /users/U/sign-out',
    call: (c) => c('POST', `/users/${ids.userU}/sign-out`),
    allowed: ['admin'],
  },
  {
    name: 'POST /users/U/password (reset by an administrator)',
    call: (c) => c('POST', `/users/${ids.userU}/password`, { password: `clave-asignada-${nextNumber()}` }),
    allowed: ['admin'],
  },
  {
    // Each signed-in person changes their own password, once (the next call would need the new one).
    name: 'POST /auth/password (one’s own)',
    call: (c) => c('POST', '/auth/password', { currentPassword: TEST_PASSWORD, newPassword: `${TEST_PASSWORD}-nueva` }),
    allowed: ['admin', 'secretariatA', 'secretariatB', 'enlaceX', 'enlaceY', 'reader'],
  },
];

describe('who may write what', () => {
  const roles = ['admin', 'secretariatA', 'secretariatB', 'enlaceX', 'enlaceY', 'reader', 'anonymous'];
  for (const write of writes) {
    for (const role of roles) {
      const expected = write.allowed.includes(role) ? 'allowed' : role === 'anonymous' ? 401 : 403;
      it(`${write.name} as ${role}: ${expected}`, async () => {
        const response = await write.call(clients[role]!);
        if (expected === 'allowed') expect(response.status, JSON.stringify((response as { body?: unknown }).body)).toBeLessThan(300);
        else expect(response.status).toBe(expected);
      });
    }
  }

  it('evidence upload: every role that writes, not readers nor the public', async () => {
    for (const [role, expected] of [['enlaceY', 201], ['reader', 403], ['anonymous', 401]] as const) {
      const form = new FormData();
      form.set('file', new File([Buffer.from(pdf)], 'oficio.pdf'));
      form.set('title', 'Oficio');
      expect((await clients[role]!('POST', '/evidence', form)).status, role).toBe(expected);
    }
  });
});
