import { addWorkingDays, mexicoCityDay } from '@telar/domain';
import type { Database } from '../platform/db/client.js';
import type { Actor } from '../platform/auth/actor.js';
import { createAuthService, generatePassword } from '../modules/accounts/index.js';
import type { Services } from '../services.js';

/** How far ahead the example agreement is due when the demo is loaded. */
const EXAMPLE_DUE_IN_WORKING_DAYS = 15;

/**
 * What notifications show in the demo. The seeds give no deadlines and no people, so this adds an example,
 * said to be one in its text and left unpublished (it never reaches the portal): a COMSE agreement due in 15
 * working days with SNDIF and SEP responsible, an enlace account for each and one for COMSE's secretariat.
 * Their passwords are generated and never shown: the accounts receive notices, nobody signs in with them.
 */
export async function loadDemoNotificationExample(db: Database, services: Services, actor: Actor, comseId: string) {
  const organizationId = async (acronym: string) => (await services.organizations.list({ q: acronym }, { page: 1, pageSize: 10 })).items.find((o) => o.acronym === acronym)!.id;
  const [sndif, sep] = [await organizationId('SNDIF'), await organizationId('SEP')];
  const [session] = (await services.sessions.list({ bodyId: comseId }, { page: 1, pageSize: 1 })).items;
  await services.agreements.create({
    sessionId: session!.id,
    participationId: null,
    code: 'DEMO-AVISOS-1',
    text: 'Ejemplo de demostración: entregar a la Secretaría Ejecutiva el informe de avances del programa de trabajo.',
    dueDate: addWorkingDays(mexicoCityDay(new Date().toISOString()), EXAMPLE_DUE_IN_WORKING_DAYS),
    status: 'pending',
    responsibleOrganizationIds: [sndif, sep],
    stateCodes: [],
  });
  const auth = createAuthService(db);
  const people = [
    { email: 'enlace.sndif@demo.telar.mx', name: 'Enlace del SNDIF (demostración)', role: 'enlace', organizationId: sndif, bodyId: null },
    { email: 'enlace.sep@demo.telar.mx', name: 'Enlace de la SEP (demostración)', role: 'enlace', organizationId: sep, bodyId: null },
    { email: 'secretaria.comse@demo.telar.mx', name: 'Secretaría Técnica de la COMSE (demostración)', role: 'secretariat', organizationId: null, bodyId: comseId },
  ] as const;
  for (const { role, organizationId, bodyId, ...person } of people) {
    await auth.createUser(actor, { ...person, password: generatePassword(), roles: [{ role, organizationId, bodyId }] });
  }
}
