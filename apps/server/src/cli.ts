import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MechanismImportSchema, UserCreateSchema } from '@telar/domain';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import type { DatabaseHandle } from './platform/db/client.js';
import { openConfiguredDatabase, prepareDatabase, resetDatabase } from './platform/db/open.js';
import { loadDemoData } from './demo/demo-data.js';
import { backupCommand, restoreCommand } from './cli/backup.command.js';
import { exportCommand, importPlanCommand } from './cli/plans.command.js';
import { notificationsCommand } from './cli/notifications.command.js';
import { exportQuestionnaireCommand, importQuestionnaireCommand } from './cli/questionnaire.command.js';
import { exportDatasetCommand, importDatasetCommand } from './cli/dataset.command.js';
import { exportNetworkCommand } from './cli/network.command.js';
import { exportSurveyResultsCommand } from './cli/survey-results.command.js';
import { createNotificationScheduler, transportFromUrl } from './modules/notifications/index.js';
import { readImportFile } from './cli/import-file.js';
import { DomainError } from './platform/errors.js';
import { countRecords } from './modules/dashboards/index.js';
import { createServices } from './services.js';
import { systemActor } from './platform/auth/actor.js';
import { createAuthService, generatePassword } from './modules/accounts/index.js';

const USAGE = `Uso:
  telar serve [--port N] [--demo-if-empty]
  telar demo
  telar backup ARCHIVO
  telar restore ARCHIVO
  telar users create-admin --email CORREO --name NOMBRE [--password CONTRASEÑA]
  telar import mechanism-report ARCHIVO [--body SIGLAS] [--dry-run] [--json]
  telar import plan ARCHIVO [--body SIGLAS]
  telar import questionnaire ARCHIVO(.txt|.md|.docx) (--dry-run | --body SIGLAS) [--json]
  telar import dataset ARCHIVO(.csv|.xlsx) --name NOMBRE [--dimensions a,b,c] [--measure COLUMNA] [--keep-flagged] [--dry-run] [--json]
  telar export plans --format json [--out ARCHIVO]
  telar export activities --format json|csv|xlsx [--out ARCHIVO]
  telar export questionnaire REFERENCIA-O-ID --format docx|md|json --out ARCHIVO
  telar export dataset NOMBRE [--by dim1,dim2] [--where dim=valor]… [--measure count|rate] [--value-measure CLAVE] [--public] --format csv|json|xlsx [--out ARCHIVO]
  telar export dataset --list --json
  telar export network NOMBRE-O-SIGLAS --format json
  telar export survey-results TÍTULO-O-ID --format json|csv [--out ARCHIVO]
  telar report mechanism --body SIGLAS --from AAAA-MM-DD --to AAAA-MM-DD --format docx|md|json --out ARCHIVO
  telar notifications run [--date AAAA-MM-DD] [--json]
  telar notifications outbox [--json]`;

type Command = (args: string[], handle: DatabaseHandle) => Promise<number | 'keep-open'>;

const commands: Record<string, Command> = {
  backup: backupCommand,
  restore: restoreCommand,
  export([what, ...args], handle) {
    if (what === 'questionnaire') return exportQuestionnaireCommand(args, handle);
    if (what === 'dataset') return exportDatasetCommand(args, handle);
    if (what === 'network') return exportNetworkCommand(args, handle);
    if (what === 'survey-results') return exportSurveyResultsCommand(args, handle);
    return exportCommand([what!, ...args], handle);
  },
  notifications: notificationsCommand,

  async serve(args, handle) {
    const { values } = parseArgs({ args, options: { port: { type: 'string' }, 'demo-if-empty': { type: 'boolean' } } });
    if (values['demo-if-empty'] && (await countRecords(handle.db)).bodies === 0) {
      printDemoAccount(await loadDemoData(handle.db));
    }
    const port = Number(values.port ?? process.env.PORT ?? 3000);
    // Notices and mail: one process among several holds the lease and does the work (TELAR_NOTIFY_AT, TELAR_SMTP_URL).
    const notifications = createNotificationScheduler(handle.db, {
      notifyAt: process.env.TELAR_NOTIFY_AT,
      tickSeconds: Number(process.env.TELAR_NOTIFY_EVERY) || undefined,
      transport: transportFromUrl(process.env.TELAR_SMTP_URL),
    });
    notifications.start();
    const webRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));
    const server = serve({ fetch: createApp({ db: handle.db, webRoot }).fetch, port, hostname: process.env.HOST ?? '127.0.0.1' }, (info) =>
      console.log(`Telar escucha en http://${info.address}:${info.port} (${handle.kind})`),
    );
    const shutdown = () => server.close(() => void notifications.stop().then(() => handle.close()).then(() => process.exit(0)));
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
    return 'keep-open';
  },

  async demo(_args, handle) {
    await resetDatabase(handle);
    printDemoAccount(await loadDemoData(handle.db));
    return 0;
  },

  async users([what, ...args], handle) {
    if (what !== 'create-admin') return usageError();
    const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } } });
    if (!values.email || !values.name) return usageError();
    // Without --password a strong one is generated and shown once; it is not stored anywhere in clear.
    const password = values.password ?? generatePassword();
    const input = UserCreateSchema.safeParse({ email: values.email, name: values.name, password, roles: [{ role: 'admin' }] });
    if (!input.success) {
      for (const issue of input.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
      return 1;
    }
    // A password typed on the command line (and kept in shell history) is only good for the first sign-in.
    await createAuthService(handle.db).createUser(systemActor('cli'), input.data, { mustChangePassword: values.password !== undefined });
    console.log(`Cuenta de administración creada para ${input.data.email}.`);
    if (!values.password) console.log(`Contraseña (se muestra solo esta vez): ${password}`);
    else console.log('La contraseña dada sirve para el primer ingreso: Telar pedirá cambiarla.');
    return 0;
  },

  async import([what, ...args], handle) {
    if (what === 'plan') return importPlanCommand(args, handle);
    if (what === 'questionnaire') return importQuestionnaireCommand(args, handle);
    if (what === 'dataset') return importDatasetCommand(args, handle);
    if (what !== 'mechanism-report') return usageError();
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { body: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    });
    if (positionals.length !== 1) return usageError();
    // The API's input schema, so the command takes what the API takes and nothing larger.
    const input = MechanismImportSchema.safeParse({ text: (await readImportFile(positionals[0]!)).toString('utf8'), bodyAcronym: values.body, dryRun: !!values['dry-run'] });
    if (!input.success) {
      for (const issue of input.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
      return 1;
    }
    const { text, ...options } = input.data;
    const result = await createServices(handle.db, systemActor('cli')).mechanismImport.importText(text, options);
    if (values.json) {
      console.log(JSON.stringify({ body: result.body, described: result.described, created: result.created, warnings: result.warnings, diagnostics: result.diagnostics }, null, 2));
    } else {
      for (const d of [...result.diagnostics, ...result.warnings]) console.error(`${positionals[0]}:${d.line}: ${d.message}`);
      if (result.body) {
        const body = result.body.acronym ? `${result.body.name} (${result.body.acronym})` : result.body.name;
        console.log(`Órgano${result.body.isNew ? ' nuevo (se crea con el título del documento)' : ''}: ${body}`);
      }
      console.log(`Descritos: ${JSON.stringify(result.described)}\n${values['dry-run'] ? 'Se crearían' : 'Creados'}: ${JSON.stringify(result.created)}`);
    }
    return result.diagnostics.length ? 1 : 0;
  },

  async report([what, ...args], handle) {
    if (what !== 'mechanism') return usageError();
    const { values } = parseArgs({
      args,
      options: { body: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string', default: 'docx' }, out: { type: 'string' } },
    });
    const { body, from, to, format, out } = values;
    if (!body || !from || !to || !out || !['docx', 'md', 'json'].includes(format!)) return usageError();
    const file = await createServices(handle.db, systemActor('cli')).mechanismReport.generate({ acronym: body }, from, to, format as 'docx' | 'md' | 'json');
    writeFileSync(out, file.body);
    console.log(`Informe escrito en ${out} (${file.report.blocks.length} bloques).`);
    return 0;
  },
};

function printDemoAccount(account: { email: string; password: string }) {
  console.log('Se cargaron los datos de demostración.');
  console.log(`Cuenta de administración de la demostración: ${account.email} / ${account.password} (se muestra solo esta vez).`);
}

function usageError(): number {
  console.error(USAGE);
  return 2;
}

async function main(argv: string[]): Promise<number | 'keep-open'> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) return usageError();
  const handle = await openConfiguredDatabase();
  try {
    const outcome = await command(args, handle);
    if (outcome !== 'keep-open') await handle.close();
    return outcome;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (outcome) => {
    if (outcome !== 'keep-open') process.exitCode = outcome;
  },
  (error: unknown) => {
    // A refused input says what was wrong with it (the issues name the field), not only "Revise los datos marcados."
    if (error instanceof DomainError && error.issues?.length) for (const issue of error.issues) console.error(`Error: ${issue.message}`);
    else console.error(error instanceof DomainError || error instanceof Error ? `Error: ${error.message}` : error);
    process.exitCode = 1;
  },
);
