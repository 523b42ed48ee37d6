import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { createApp } from './app.js';
import type { DatabaseHandle } from './db/client.js';
import { openConfiguredDatabase, prepareDatabase } from './db/open.js';
import { loadDemoData } from './demo/demo-data.js';
import { AppError } from './http/errors.js';
import { countRecords } from './repositories/stats.repository.js';
import { createServices } from './services/index.js';

const USAGE = `Uso:
  telar serve [--port N] [--demo-if-empty]
  telar demo
  telar import mechanism-report ARCHIVO [--body SIGLAS] [--dry-run] [--json]
  telar report mechanism --body SIGLAS --from AAAA-MM-DD --to AAAA-MM-DD --format docx|md|json --out ARCHIVO`;

type Command = (args: string[], handle: DatabaseHandle) => Promise<number | 'keep-open'>;

const commands: Record<string, Command> = {
  async serve(args, handle) {
    const { values } = parseArgs({ args, options: { port: { type: 'string' }, 'demo-if-empty': { type: 'boolean' } } });
    if (values['demo-if-empty'] && (await countRecords(handle.db)).bodies === 0) {
      await loadDemoData(handle.db);
      console.log('Base vacía: se cargaron los datos de demostración.');
    }
    const port = Number(values.port ?? process.env.PORT ?? 3000);
    const webRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));
    const server = serve({ fetch: createApp({ db: handle.db, webRoot }).fetch, port, hostname: process.env.HOST ?? '127.0.0.1' }, (info) =>
      console.log(`Telar escucha en http://${info.address}:${info.port} (${handle.kind})`),
    );
    const shutdown = () => server.close(() => void handle.close().then(() => process.exit(0)));
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
    return 'keep-open';
  },

  async demo(_args, handle) {
    // Drop everything, including the migration journal, so the demo starts from an empty schema.
    await handle.db.execute(sql`drop schema public cascade; create schema public; drop schema if exists drizzle cascade`);
    await prepareDatabase(handle);
    await loadDemoData(handle.db);
    console.log('La base de datos tiene ahora los datos de demostración.');
    return 0;
  },

  async import([what, ...args], handle) {
    if (what !== 'mechanism-report') return usageError();
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { body: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    });
    if (positionals.length !== 1) return usageError();
    const text = readFileSync(positionals[0]!, 'utf8');
    const result = await createServices(handle.db, 'cli').mechanismImport.importText(text, { bodyAcronym: values.body, dryRun: !!values['dry-run'] });
    if (values.json) {
      console.log(JSON.stringify({ described: result.described, created: result.created, warnings: result.warnings, diagnostics: result.diagnostics }, null, 2));
    } else {
      for (const d of [...result.diagnostics, ...result.warnings]) console.error(`${positionals[0]}:${d.line}: ${d.message}`);
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
    const file = await createServices(handle.db, 'cli').mechanismReport.generate({ acronym: body }, from, to, format as 'docx' | 'md' | 'json');
    writeFileSync(out, file.body);
    console.log(`Informe escrito en ${out} (${file.report.blocks.length} bloques).`);
    return 0;
  },
};

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
    console.error(error instanceof AppError || error instanceof Error ? `Error: ${error.message}` : error);
    process.exitCode = 1;
  },
);
