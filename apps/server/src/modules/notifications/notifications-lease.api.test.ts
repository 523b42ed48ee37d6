import { AgreementCreateSchema, BodyCreateSchema, OrganizationCreateSchema, SessionCreateSchema } from '@telar/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/auth/actor.js';
import { type DatabaseHandle, openDatabase } from '../../platform/db/client.js';
import { prepareDatabase } from '../../platform/db/open.js';
import { createServices } from '../../services.js';
import { createAuthService } from '../accounts/index.js';
import { createEmptyPostgresDatabase, openTestDatabase, testDatabaseKind } from '../../test/test-context.js';
import { createNotificationScheduler, transportFromUrl } from './index.js';
import { startSmtpServer } from './smtp.test-support.js';

/**
 * Two server processes on one database: on PostgreSQL two connection pools to the same database (what two
 * `telar serve` processes hold); on PGlite, which one process owns, two schedulers on the one database.
 */
let first: DatabaseHandle;
let second: DatabaseHandle;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  if (testDatabaseKind === 'postgres') {
    const url = await createEmptyPostgresDatabase();
    first = await openDatabase({ url });
    await prepareDatabase(first);
    second = await openDatabase({ url });
  } else {
    first = second = await openTestDatabase();
  }
  smtp = await startSmtpServer();
  const services = createServices(first.db, systemActor('test'));
  const body = await services.bodies.create(BodyCreateSchema.parse({ kind: 'commission', name: 'Comisión de Seguimiento', acronym: 'COSE', level: 'national' }));
  const organization = await services.organizations.create(OrganizationCreateSchema.parse({ name: 'Sistema Nacional DIF', acronym: 'SNDIF', sector: 'government', level: 'federal' }));
  const session = await services.sessions.create(SessionCreateSchema.parse({ bodyId: body.id, kind: 'ordinary', number: 1, date: '2026-01-15' }));
  for (const [n, dueDate] of [[1, '2026-03-10'], [2, '2026-03-12']] as const) {
    await services.agreements.create(AgreementCreateSchema.parse({ sessionId: session.id, text: `Acuerdo ${n}`, dueDate, responsibleOrganizationIds: [organization.id] }));
  }
  const auth = createAuthService(first.db);
  for (const n of [1, 2, 3]) {
    await auth.createUser(systemActor('test'), { email: `enlace${n}@prueba.telar.mx`, name: `Enlace ${n}`, password: 'contraseña-de-prueba-2024', roles: [{ role: 'enlace', bodyId: null, organizationId: organization.id }] });
  }
});
afterAll(async () => {
  await smtp.close();
  if (second !== first) await second.close();
  await first.close();
});

describe('two server processes on one database', () => {
  it('send each message once: one holds the lease and sends, the other does nothing until the lease expires', async () => {
    // 07:05 in Mexico City on Tuesday 3 March 2026: the daily run is due; both deadlines are within 7 working days.
    const now = () => new Date('2026-03-03T13:05:00Z');
    const options = { transport: transportFromUrl(smtp.url), now, log: () => {} };
    const a = createNotificationScheduler(first.db, { ...options, holder: 'proceso-a' });
    const b = createNotificationScheduler(second.db, { ...options, holder: 'proceso-b' });
    const turns = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    // The same process held the lease on both of its turns, the other on none.
    const holders = turns.flatMap((held, turn) => (held ? [turn % 2 === 0 ? 'a' : 'b'] : []));
    expect(holders).toHaveLength(2);
    expect(new Set(holders).size).toBe(1);
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['enlace1@prueba.telar.mx', 'enlace2@prueba.telar.mx', 'enlace3@prueba.telar.mx']);
    expect(smtp.received.every((m) => m.subject === 'Telar: resumen del 3 de marzo de 2026 (2 avisos)')).toBe(true);

    // The holder stops (its lease is released): the other takes over, and finds nothing left to send.
    const [holder, other] = turns[0] ? [a, b] : [b, a];
    await holder.stop();
    expect(await other.tick()).toBe(true);
    await other.stop();
    expect(smtp.received).toHaveLength(3);
  });
});
