import { parseArgs } from 'node:util';
import type { DatabaseHandle } from '../platform/db/client.js';
import { DomainError } from '../platform/errors.js';
import { createBackupService } from '../platform/backup/backup.service.js';

const formatCount = (n: number) => n.toLocaleString('es-MX');

/** The one file argument, or undefined (usage error) when there is not exactly one. */
function fileArgument(args: string[]): string | undefined {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  return positionals.length === 1 ? positionals[0] : undefined;
}

/** `telar backup ARCHIVO`: every table, from one consistent snapshot, to a gzip JSON-lines file. */
export async function backupCommand(args: string[], handle: DatabaseHandle): Promise<number> {
  const file = fileArgument(args);
  if (!file) {
    console.error('Uso: telar backup ARCHIVO');
    return 2;
  }
  const summary = await createBackupService(handle.db).backup(file);
  console.log(`Respaldo escrito en ${file}: ${formatCount(summary.rows)} filas de ${summary.tables.length} tablas (${handle.kind}).`);
  return 0;
}

/** `telar restore ARCHIVO`: into an empty database with the same migrations; all or nothing. */
export async function restoreCommand(args: string[], handle: DatabaseHandle): Promise<number> {
  const file = fileArgument(args);
  if (!file) {
    console.error('Uso: telar restore ARCHIVO');
    return 2;
  }
  try {
    const summary = await createBackupService(handle.db).restore(file);
    const kept = summary.tables.filter((t) => !t.restored).map((t) => t.name);
    console.log(`Respaldo restaurado desde ${file}: ${formatCount(summary.rows)} filas de ${summary.tables.length} tablas (${handle.kind}).`);
    if (kept.length) console.log(`Se conservaron los catálogos que ya tenía la base, idénticos al respaldo: ${kept.join(', ')}.`);
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(`No se restauró el respaldo: ${error.message}\nLa base de datos quedó como estaba.`);
    return 1;
  }
}
