import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from '../platform/db/client.js';
import { systemActor } from '../platform/auth/actor.js';
import { createAuthService, generatePassword } from '../modules/accounts/index.js';
import { createServices, type Services } from '../services.js';
import { loadDemoNetworks } from './demo-networks.js';
import { loadDemoPlans } from './demo-plans.js';
import { loadDemoNotificationExample } from './demo-notifications.js';
import { loadDemoQuestionnaires } from './demo-questionnaires.js';
import { loadDemoStatistics } from './demo-statistics.js';

/** The real COMSE participation-mechanism report (seed 000), kept byte for byte. */
export const DEMO_REPORT_PATH = fileURLToPath(new URL('./fixtures/comse-mecanismo-2022-2023.txt', import.meta.url));

/**
 * Demo data: the national system and three of its commissions, then the real report imported into
 * COMSE — published, as SIPINNA itself published that report — and an administrator account whose
 * password is generated and shown once.
 * Nothing is invented: the report gives no due dates, so none are set on its records; the one example
 * that shows notifications (demo-notifications.ts) says it is an example.
 */
export async function loadDemoData(db: Database): Promise<{ email: string; password: string }> {
  const demo = systemActor('demo');
  const services = createServices(db, demo);
  const sipinna = await services.bodies.create({
    kind: 'system',
    name: 'Sistema Nacional de Protección Integral de Niñas, Niños y Adolescentes',
    acronym: 'SIPINNA',
    level: 'national',
    parentId: null,
    stateCode: null,
  });
  const commissions = [
    ['COMSE', 'Comisión de Secretarías Ejecutivas de Protección Integral de los Sistemas Nacional y de las Entidades Federativas'],
    ['COMPREVNNA', 'Comisión para poner fin a toda forma de violencia contra niñas, niños y adolescentes'],
    ['CITI', 'Comisión Intersecretarial para la Prevención y Erradicación del Trabajo Infantil y la Protección de Adolescentes Trabajadores en Edad Permitida en México'],
  ] as const;
  const created = [];
  for (const [acronym, name] of commissions) {
    created.push(await services.bodies.create({ kind: 'commission', name, acronym, level: 'national', parentId: sipinna.id, stateCode: null }));
  }
  const comse = created[0]!;
  const result = await services.mechanismImport.importText(readFileSync(DEMO_REPORT_PATH, 'utf8'), { bodyAcronym: 'COMSE', dryRun: false });
  if (result.diagnostics.length) throw new Error(`El informe de demostración no se pudo importar: ${result.diagnostics[0]!.message}`);
  await publishDemoRecords(services, comse.id);
  await loadDemoPlans(services);
  await loadDemoNetworks(services);
  const questionnaires = await loadDemoQuestionnaires(services);
  await loadDemoStatistics(services, questionnaires.unReply);
  await loadDemoNotificationExample(db, services, demo, comse.id);
  const account = { email: 'admin@demo.telar.mx', password: generatePassword() };
  await createAuthService(db).createUser(demo, { ...account, name: 'Administración (demostración)', roles: [{ role: 'admin', bodyId: null, organizationId: null }] });
  return account;
}

/** The report is public, so its sessions, agreements and the report itself are published in the demo. */
async function publishDemoRecords(services: Services, comseId: string) {
  const everything = { page: 1, pageSize: 500 };
  for (const session of (await services.sessions.list({ bodyId: comseId }, everything)).items) await services.sessions.publish(session.id, session.version);
  for (const agreement of (await services.agreements.list({ bodyId: comseId }, everything)).items) await services.agreements.publish(agreement.id, agreement.version);
  await services.mechanismReport.publish(comseId, '2022-11-01', '2023-10-31');
}
