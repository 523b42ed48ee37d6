import { parseArgs } from 'node:util';
import type { DatabaseHandle } from '../platform/db/client.js';
import { DomainError } from '../platform/errors.js';
import { createBackupService } from '../platform/backup/backup.service.js';

const formatCount = (n: number) => n.toLocaleString('es-MX');

/** TELAR_BACKUP_KEY, if set: backups are signed with it and restore accepts only backups it signed. */
const backupKey = () => process.env.TELAR_BACKUP_KEY || undefined;

const SIGNATURE_NOTES = {
  checked: 'Se comprobaron su suma SHA-256 y su firma con TELAR_BACKUP_KEY.',
  unchecked: 'Se comprobó su suma SHA-256; el respaldo está firmado, pero sin TELAR_BACKUP_KEY su firma no se comprobó.',
  absent: 'Se comprobó su suma SHA-256; el respaldo no está firmado (defina TELAR_BACKUP_KEY para firmar los respaldos).',
};

/** The one file argument, or undefined (usage error) when there is not exactly one. */
function fileArgument(args: string[]): string | undefined {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  return positionals.length === 1 ? positionals[0] : undefined;
}

/** `telar backup ARCHIVO`: every table, from one consistent snapshot, to a gzip JSON-lines file with its seal. */
export async function backupCommand(args: string[], handle: DatabaseHandle): Promise<number> {
  const file = fileArgument(args);
  if (!file) {
    console.error('Uso: telar backup ARCHIVO');
    return 2;
  }
  const summary = await createBackupService(handle.db, { key: backupKey() }).backup(file);
  console.log(
    `Respaldo escrito en ${file}: ${formatCount(summary.rows)} filas de ${summary.tables.length} tablas (${handle.kind}), ` +
      (summary.isSigned ? 'con su suma SHA-256 y firmado con TELAR_BACKUP_KEY.' : 'con su suma SHA-256, sin firma (defina TELAR_BACKUP_KEY para firmarlo).'),
  );
  return 0;
}

/** `telar restore ARCHIVO`: into an empty database with the same migrations, if its seal holds; all or nothing. */
export async function restoreCommand(args: string[], handle: DatabaseHandle): Promise<number> {
  const file = fileArgument(args);
  if (!file) {
    console.error('Uso: telar restore ARCHIVO');
    return 2;
  }
  try {
    const summary = await createBackupService(handle.db, { key: backupKey() }).restore(file);
    const kept = summary.tables.filter((t) => !t.restored).map((t) => t.name);
    console.log(`Respaldo restaurado desde ${file}: ${formatCount(summary.rows)} filas de ${summary.tables.length} tablas (${handle.kind}).`);
    console.log(SIGNATURE_NOTES[summary.signature]);
    if (kept.length) console.log(`Se conservaron los catálogos que ya tenía la base, idénticos al respaldo: ${kept.join(', ')}.`);
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(`No se restauró el respaldo: ${error.message}\nLa base de datos quedó como estaba.`);
    return 1;
  }
}
