import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { PlanTreeNode } from '@telar/domain';
import { systemActor } from '../platform/auth/actor.js';
import type { DatabaseHandle } from '../platform/db/client.js';
import { DomainError } from '../platform/errors.js';
import { renderTableFile } from '../platform/documents/table-file.js';
import { ACTIVITY_EXPORT_COLUMNS, toActivityExportRow, toActivityJson } from '../modules/plans/index.js';
import { createServices } from '../services.js';
import { readImportFile } from './import-file.js';

const EVERYTHING = { page: 1, pageSize: 500 };

/** The plan tree as the export promises it: kind, code, title, status and children, nothing internal. */
const toExportNode = (node: PlanTreeNode): object => ({
  kind: node.kind,
  code: node.code,
  title: node.title,
  status: node.status,
  children: node.children.map(toExportNode),
});

/** Writes to the file given with --out, or to standard output (text formats only). */
function writeOutput(body: string | Buffer, out: string | undefined) {
  if (out) writeFileSync(out, body);
  else process.stdout.write(typeof body === 'string' ? `${body}\n` : body);
}

/** `telar export plans --format json` and `telar export activities --format json|csv|xlsx [--out ARCHIVO]`. */
export async function exportCommand([what, ...args]: string[], handle: DatabaseHandle): Promise<number> {
  const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'json' }, out: { type: 'string' } } });
  const services = createServices(handle.db, systemActor('cli'));
  if (what === 'plans' && values.format === 'json') {
    const plans = [];
    for (const summary of (await services.plans.list({}, EVERYTHING)).items) {
      const plan = await services.plans.get(summary.id);
      plans.push({ name: plan.name, nodes: plan.nodes.map(toExportNode) });
    }
    writeOutput(JSON.stringify(plans, null, 2), values.out);
    return 0;
  }
  if (what === 'activities' && ['json', 'csv', 'xlsx'].includes(values.format!)) {
    const activities = await services.activities.listAll({});
    if (values.format === 'json') {
      writeOutput(JSON.stringify(activities.map(toActivityJson), null, 2), values.out);
      return 0;
    }
    if (values.format === 'xlsx' && !values.out) {
      console.error('Indique el archivo de Excel con --out ARCHIVO.xlsx');
      return 2;
    }
    const table = { title: 'Actividades', columns: [...ACTIVITY_EXPORT_COLUMNS], rows: activities.map(toActivityExportRow) };
    writeOutput((await renderTableFile(table, values.format as 'csv' | 'xlsx', 'actividades')).body, values.out);
    return 0;
  }
  console.error('Uso: telar export plans --format json [--out ARCHIVO]\n     telar export activities --format json|csv|xlsx [--out ARCHIVO]');
  return 2;
}

/**
 * `telar import plan ARCHIVO [--body SIGLAS]`: the plan template (.xlsx or .csv). Without --body the
 * plan goes to the national system, when there is exactly one. Any error imports nothing.
 */
export async function importPlanCommand(args: string[], handle: DatabaseHandle): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { body: { type: 'string' } } });
  if (positionals.length !== 1) {
    console.error('Uso: telar import plan ARCHIVO [--body SIGLAS]');
    return 2;
  }
  const file = positionals[0]!;
  const bytes = await readImportFile(file);
  const services = createServices(handle.db, systemActor('cli'));
  const bodies = (await services.bodies.list({}, EVERYTHING)).items;
  const candidates = values.body ? bodies.filter((b) => b.acronym === values.body) : bodies.filter((b) => b.kind === 'system' && b.level === 'national' && !b.parentId);
  if (candidates.length !== 1) {
    console.error(values.body ? `No hay un órgano con las siglas «${values.body}».` : 'Indique con --body las siglas del órgano que administrará el plan.');
    return 1;
  }
  try {
    const { plan, nodeCount, warnings } = await services.plans.importPlan(candidates[0]!.id, { name: basename(file), bytes });
    for (const warning of warnings) console.error(`${file}:${warning.line}: ${warning.message}`);
    console.log(`Plan «${plan.name}» importado en ${candidates[0]!.acronym ?? candidates[0]!.name}: ${nodeCount} nodos.`);
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError) || !error.issues) throw error;
    for (const issue of error.issues) console.error(`${file}: ${issue.path}: ${issue.message}`);
    console.error('No se importó nada.');
    return 1;
  }
}
