import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { CrossTabQuerySchema, DatasetImportFieldsSchema } from '@telar/domain';
import { systemActor } from '../platform/auth/actor.js';
import type { DatabaseHandle } from '../platform/db/client.js';
import { DATASET_IMPORT_MAX_BYTES } from '../platform/documents/import-limits.js';
import { createServices } from '../services.js';
import { readImportFile } from './import-file.js';

const IMPORT_USAGE = 'Uso: telar import dataset ARCHIVO --name NOMBRE [--dimensions a,b,c] [--measure COLUMNA] [--keep-flagged] [--dry-run] [--json]';
const EXPORT_USAGE =
  'Uso: telar export dataset NOMBRE [--by dim1,dim2] [--where dim=valor]… [--measure count|rate] [--value-measure CLAVE] [--public] --format csv|json|xlsx [--out ARCHIVO]\n' +
  '     telar export dataset --list --json';
const EXPORT_FORMATS = ['csv', 'json', 'xlsx'] as const;

const printIssues = (issues: { row: number | null; column: string | null; message: string }[], label: string, file: string) => {
  for (const issue of issues) console.error(`${file}${issue.row ? `:${issue.row}` : ''}${issue.column ? ` (${issue.column})` : ''}: ${label}: ${issue.message}`);
};

/**
 * `telar import dataset ARCHIVO --name NOMBRE …`: a CSV or .xlsx as the dataset's next revision (the
 * dataset is created the first time). With errors in the file nothing is written and the command
 * exits with 1, unless `--keep-flagged` keeps the source's values marked inconsistent.
 */
export async function importDatasetCommand(args: string[], handle: DatabaseHandle): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      dimensions: { type: 'string' },
      measure: { type: 'string' },
      'keep-flagged': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  if (positionals.length !== 1 || !values.name) {
    console.error(IMPORT_USAGE);
    return 2;
  }
  const fields = DatasetImportFieldsSchema.safeParse({
    name: values.name,
    dimensions: values.dimensions,
    measure: values.measure,
    policy: values['keep-flagged'] ? 'keep_flagged' : 'refuse',
    dryRun: values['dry-run'] ? 'true' : 'false',
  });
  if (!fields.success) {
    for (const issue of fields.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
    return 2;
  }
  const path = positionals[0]!;
  const bytes = await readImportFile(path, DATASET_IMPORT_MAX_BYTES);
  const result = await createServices(handle.db, systemActor('cli')).statistics.importFile({ name: basename(path), bytes }, fields.data);
  const issue = ({ row, column, code, message }: (typeof result.warnings)[number]) => ({ row, column, code, message });
  if (values.json) {
    console.log(
      JSON.stringify(
        {
          dataset: result.dataset,
          revision: result.revision,
          observations: result.observations,
          dimensions: result.dimensions,
          warnings: result.warnings.map(issue),
          ...(result.errors.length ? { errors: result.errors.map(issue) } : {}),
        },
        null,
        2,
      ),
    );
  } else {
    printIssues(result.errors, 'Error', path);
    printIssues(result.warnings, 'Aviso', path);
    if (result.isRefused) console.log('El archivo tiene errores: no se importó nada (use --keep-flagged para conservar los valores de la fuente marcados).');
    else if (result.isDryRun) console.log(`Se importarían ${result.observations} observaciones en «${result.dataset}»: ${result.added} nuevas, ${result.changed} cambiadas, ${result.removed} quitadas.`);
    else if (!result.added && !result.changed && !result.removed) console.log(`Sin cambios: la revisión ${result.revision} de «${result.dataset}» sigue vigente.`);
    else console.log(`Revisión ${result.revision} de «${result.dataset}»: ${result.added} observaciones nuevas, ${result.changed} cambiadas, ${result.removed} quitadas.`);
  }
  return result.isRefused ? 1 : 0;
}

/**
 * `telar export dataset NOMBRE …`: a cross-tab of a dataset, in the internal view unless `--public`
 * (disclosure control applied); `--measure` is count or rate, `--value-measure` which of the dataset's
 * measures (its first by default). `--list --json`: the datasets.
 */
export async function exportDatasetCommand(args: string[], handle: DatabaseHandle): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      list: { type: 'boolean' },
      json: { type: 'boolean' },
      by: { type: 'string' },
      where: { type: 'string', multiple: true },
      measure: { type: 'string', default: 'count' },
      'value-measure': { type: 'string' },
      public: { type: 'boolean' },
      format: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const statistics = createServices(handle.db, systemActor('cli')).statistics;
  if (values.list) {
    const datasets = await statistics.list();
    const rows = datasets.map(({ name, observations, dimensions, measures }) => ({ name, observations, dimensions, measures }));
    console.log(values.json ? JSON.stringify(rows, null, 2) : rows.map((d) => `${d.name}\t${d.observations}\t${d.dimensions.join(',')}\t${d.measures.join(',')}`).join('\n'));
    return 0;
  }
  const format = values.format as (typeof EXPORT_FORMATS)[number];
  if (positionals.length !== 1 || !EXPORT_FORMATS.includes(format) || (format === 'xlsx' && !values.out)) {
    console.error(EXPORT_USAGE);
    return 2;
  }
  const query = CrossTabQuerySchema.safeParse({
    by: values.by ?? '',
    where: values.where ?? [],
    measure: values['value-measure'],
    kind: values.measure,
    view: values.public ? 'public' : 'internal',
  });
  if (!query.success) {
    for (const issue of query.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
    return 2;
  }
  const file = await statistics.downloadTable(await statistics.resolveId(positionals[0]!), query.data, format, 'session');
  if (values.out) {
    writeFileSync(values.out, file.body);
    console.log(`Cuadro escrito en ${values.out}.`);
  } else process.stdout.write(file.body);
  return 0;
}
