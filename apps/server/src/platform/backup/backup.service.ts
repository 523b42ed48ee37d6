import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { DomainError } from '../errors.js';
import {
  type BackupTable,
  closeRowCursor,
  countRows,
  countRowsNotInTable,
  fetchRowLines,
  insertBackupRows,
  listAppliedMigrations,
  listPublicTables,
  lockTables,
  openRowCursor,
  REFERENCE_TABLES,
  resetSequence,
  updateRowColumns,
  useUtcInTransaction,
} from './backup.repository.js';

/*
 * File format (version 2): gzip-compressed JSON lines. Line 1 is the header; then, table after
 * table in the header's order, exactly `rows` lines per table, each one row as a JSON object of its
 * stored columns (bytea as base64, everything else as the database writes it in JSON); the last line
 * is the seal: the SHA-256 of every line before it (as UTF-8, each with its "\n") and, for a backup
 * made with TELAR_BACKUP_KEY, their HMAC-SHA-256 under that key. Version 1 had no seal: it is
 * refused, since nothing can tell whether it was edited.
 */
const BACKUP_FORMAT = 'telar-backup';
const BACKUP_VERSION = 2;

const BackupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  /** Hashes of the applied migrations: a backup restores only into the same schema. */
  migrations: z.array(z.string()),
  tables: z.array(
    z.object({
      name: z.string(),
      columns: z.array(z.object({ name: z.string(), type: z.string() })),
      rows: z.number().int().nonnegative(),
    }),
  ),
});
type BackupHeader = z.infer<typeof BackupHeaderSchema>;

const HexDigestSchema = z.string().regex(/^[0-9a-f]{64}$/);
const BackupSealSchema = z.strictObject({ sha256: HexDigestSchema, hmacSha256: HexDigestSchema.optional() });
type BackupSeal = z.infer<typeof BackupSealSchema>;

/** The shortest TELAR_BACKUP_KEY accepted; `openssl rand -base64 32` gives 44 characters. */
const MIN_KEY_LENGTH = 32;

/** A page holds up to this many rows or about this many bytes (evidence files make rows large). */
const PAGE_ROWS = 1000;
const PAGE_BYTES = 8 * 1024 * 1024;

export interface BackupSummary {
  tables: { name: string; rows: number }[];
  rows: number;
  /** Whether the seal carries an HMAC under the key. */
  isSigned: boolean;
}

export interface RestoreSummary {
  /** `restored: false` for a reference catalogue the database already held, identical. */
  tables: { name: string; rows: number; restored: boolean }[];
  rows: number;
  /** The SHA-256 matched; the HMAC was checked with the key, or is there but unchecked for want of the key, or is absent. */
  signature: 'checked' | 'unchecked' | 'absent';
}

export interface BackupOptions {
  /** TELAR_BACKUP_KEY: backups are signed with it, and restore accepts only backups it signed. */
  key?: string;
}

const refused = (message: string) => new DomainError('validation', undefined, message);

export function createBackupService(db: Database, { key }: BackupOptions = {}) {
  if (key !== undefined && key.length < MIN_KEY_LENGTH) {
    throw refused(`TELAR_BACKUP_KEY debe tener al menos ${MIN_KEY_LENGTH} caracteres (por ejemplo, la salida de «openssl rand -base64 32»).`);
  }
  return {
    /** Writes every table of the database to `file` from one consistent snapshot; the file appears only when complete. */
    async backup(file: string): Promise<BackupSummary> {
      const partial = `${file}.${process.pid}.partial`;
      try {
        const header = await db.transaction(
          async (tx) => {
            await useUtcInTransaction(tx);
            const tables = orderByDependencies(await listPublicTables(tx));
            const header: BackupHeader = {
              format: BACKUP_FORMAT,
              version: BACKUP_VERSION,
              createdAt: new Date().toISOString(),
              migrations: await listAppliedMigrations(tx),
              tables: [],
            };
            for (const t of tables) {
              header.tables.push({ name: t.name, columns: t.columns.map(({ name, type }) => ({ name, type })), rows: await countRows(tx, t.name) });
            }
            const sealer = createSealer(key);
            async function* lines() {
              yield sealer.add(`${JSON.stringify(header)}\n`);
              for (const table of tables) {
                for await (const page of readTablePages(tx, table)) yield sealer.add(`${page.join('\n')}\n`);
              }
              yield `${JSON.stringify(sealer.seal())}\n`;
            }
            // Owner-only: the file holds contacts and password hashes.
            await pipeline(lines, createGzip(), createWriteStream(partial, { mode: 0o600 }));
            return header;
          },
          { isolationLevel: 'repeatable read', accessMode: 'read only' },
        );
        await rename(partial, file);
        const tables = header.tables.map(({ name, rows }) => ({ name, rows }));
        return { tables, rows: sumRows(tables), isSigned: key !== undefined };
      } catch (error) {
        await rm(partial, { force: true });
        throw isFileError(error) ? refused(`No se pudo escribir el respaldo en ${file} (${error.code}).`) : error;
      }
    },

    /**
     * Loads a backup into a database that has no data yet (the INEGI catalogues aside) and the same
     * migrations, in one transaction: any refusal or error leaves the database as it was. The seal is
     * checked against what was read before the transaction commits, so an edited file writes nothing.
     */
    async restore(file: string): Promise<RestoreSummary> {
      const lines = readLines(file);
      const sealer = createSealer(key);
      // Every line before the seal is hashed as it is read: the seal covers exactly what is restored.
      const readLine = async () => {
        const line = await nextLine(lines);
        if (line) sealer.add(`${line.text}\n`);
        return line;
      };
      try {
        const header = parseHeader(await readLine());
        return await db.transaction(async (tx) => {
          const tables = await checkTarget(tx, header);
          const positions = new Map(header.tables.map((t, i) => [t.name, i]));
          const summary: RestoreSummary['tables'] = [];
          const laterReferences: LaterReferences[] = [];
          for (const entry of header.tables) {
            const table = tables.get(entry.name)!;
            // References to rows not restored yet (a parent later in the same table, a cycle
            // between tables) are written null first and set once every row is in.
            const later = table.foreignKeys.filter((fk) => positions.get(fk.referencedTable)! >= positions.get(table.name)!).flatMap((fk) => fk.columns);
            const restored = await restoreTable(tx, readLine, entry, { table, columns: later, rows: [] });
            if (restored.rows.length) laterReferences.push(restored);
            summary.push({ name: entry.name, rows: entry.rows, restored: restored.isRestored });
          }
          const signature = checkSeal(await nextLine(lines), sealer.seal(), key);
          const extra = await nextLine(lines);
          if (extra) throw refused(`Línea ${extra.number}: el respaldo tiene contenido después de su suma de verificación.`);
          for (const { table, columns, rows } of laterReferences) {
            for (let i = 0; i < rows.length; i += PAGE_ROWS) await updateRowColumns(tx, table, columns, JSON.stringify(rows.slice(i, i + PAGE_ROWS)));
          }
          for (const table of tables.values()) {
            for (const column of table.columns) if (column.sequence) await resetSequence(tx, table.name, column);
          }
          return { tables: summary, rows: sumRows(summary), signature };
        });
      } finally {
        await lines.return(undefined);
      }
    },
  };
}

/** SHA-256 of a backup's content, and its HMAC-SHA-256 under the key if there is one, fed as written or read. */
function createSealer(key: string | undefined) {
  const hash = createHash('sha256');
  const mac = key === undefined ? undefined : createHmac('sha256', key);
  return {
    /** Adds text exactly as the file holds it (whole lines with their "\n") and gives it back. */
    add(text: string): string {
      hash.update(text);
      mac?.update(text);
      return text;
    },
    seal: (): BackupSeal => ({ sha256: hash.digest('hex'), ...(mac && { hmacSha256: mac.digest('hex') }) }),
  };
}

/** Compares the file's seal (its last line) with the one computed from what was read. */
function checkSeal(line: Line | undefined, computed: BackupSeal, key: string | undefined): RestoreSummary['signature'] {
  if (!line) throw refused('El respaldo está incompleto: le falta la última línea, con su suma de verificación.');
  const seal = BackupSealSchema.safeParse(parseJson(line.text));
  if (!seal.success) throw refused(`Línea ${line.number}: se esperaba la suma de verificación del respaldo; el archivo está dañado o fue modificado.`);
  if (seal.data.sha256 !== computed.sha256) throw refused('El respaldo fue modificado después de hacerse: su contenido no coincide con su suma SHA-256.');
  if (key === undefined) return seal.data.hmacSha256 ? 'unchecked' : 'absent';
  if (!seal.data.hmacSha256) {
    throw refused('El respaldo no está firmado y TELAR_BACKUP_KEY está definida: solo se restauran respaldos firmados con esa clave.');
  }
  if (!timingSafeEqual(Buffer.from(seal.data.hmacSha256, 'hex'), Buffer.from(computed.hmacSha256!, 'hex'))) {
    throw refused('La firma del respaldo no coincide con TELAR_BACKUP_KEY: se hizo con otra clave o fue modificado.');
  }
  return 'checked';
}

/** Tables in foreign-key order (referenced first). A cycle is broken at the first table by name. */
function orderByDependencies(tables: BackupTable[]): BackupTable[] {
  const remaining = new Map(tables.map((t) => [t.name, t]));
  const ordered: BackupTable[] = [];
  while (remaining.size) {
    const ready = [...remaining.values()].filter((t) => t.foreignKeys.every((fk) => fk.referencedTable === t.name || !remaining.has(fk.referencedTable)));
    for (const table of ready.length ? ready : [remaining.values().next().value!]) {
      ordered.push(table);
      remaining.delete(table.name);
    }
  }
  return ordered;
}

/** A table's rows through a cursor, in pages sized so a page stays near PAGE_BYTES. */
async function* readTablePages(tx: Database, table: BackupTable): AsyncGenerator<string[]> {
  await openRowCursor(tx, table);
  // Start with one row: until we have seen how big the rows are, a page could hold 1000 files.
  let size = 1;
  for (;;) {
    const page = await fetchRowLines(tx, size);
    if (!page.length) break;
    yield page;
    const bytes = page.reduce((n, line) => n + line.length, 0);
    size = Math.max(1, Math.min(PAGE_ROWS, Math.floor((PAGE_BYTES * page.length) / bytes)));
  }
  await closeRowCursor(tx);
}

/** Rows of a table whose `columns` were written null, with their primary key and the values to set. */
interface LaterReferences {
  table: BackupTable;
  columns: string[];
  rows: Record<string, unknown>[];
}

type ReadLine = () => Promise<Line | undefined>;

/** Inserts a table's rows from the file, or checks them against a reference catalogue the database already has. */
async function restoreTable(tx: Database, readLine: ReadLine, entry: BackupHeader['tables'][number], later: LaterReferences) {
  const { table, columns } = later;
  if (columns.length && !table.primaryKey.length) throw refused(`La tabla ${table.name} se refiere a filas posteriores y no tiene llave primaria; no se puede restaurar.`);
  const isKept = REFERENCE_TABLES.has(table.name) && (await countRows(tx, table.name)) > 0;
  for await (const page of readRowPages(readLine, entry)) {
    if (isKept) {
      await checkPagePresent(tx, table, page);
      continue;
    }
    await insertPage(tx, table, page, new Set(columns));
    for (const row of page.rows) {
      if (columns.some((column) => row[column] !== null)) later.rows.push(pick(row, [...table.primaryKey, ...columns]));
    }
  }
  return { ...later, isRestored: !isKept };
}

/**
 * Refuses, before anything is written, a database with other migrations, another structure or data
 * of its own. Returns the database's tables by name.
 */
async function checkTarget(tx: Database, header: BackupHeader): Promise<Map<string, BackupTable>> {
  const migrations = await listAppliedMigrations(tx);
  if (JSON.stringify(migrations) !== JSON.stringify(header.migrations)) {
    throw refused(
      `El respaldo es de otra versión del esquema (${header.migrations.length} migraciones; esta base tiene ${migrations.length}, o son distintas). ` +
        'Restaure con la misma versión de Telar que hizo el respaldo.',
    );
  }
  const tables = new Map((await listPublicTables(tx)).map((t) => [t.name, t]));
  const describe = (columns: { name: string; type: string }[]) => columns.map((c) => `${c.name} ${c.type}`).join(', ');
  for (const entry of header.tables) {
    const table = tables.get(entry.name);
    if (!table || describe(table.columns) !== describe(entry.columns)) throw refused(`La tabla ${entry.name} del respaldo no coincide con la de esta base de datos.`);
  }
  const missing = [...tables.keys()].filter((name) => !header.tables.some((t) => t.name === name));
  if (missing.length || header.tables.length !== tables.size) throw refused(`El respaldo no trae las tablas ${missing.join(', ') || '(repetidas)'} de esta base de datos.`);

  await lockTables(tx, [...tables.keys()]);
  const occupied: string[] = [];
  for (const entry of header.tables) {
    const rows = await countRows(tx, entry.name);
    if (rows === 0) continue;
    if (!REFERENCE_TABLES.has(entry.name)) occupied.push(`${entry.name} (${rows})`);
    else if (rows !== entry.rows) throw refused(`El catálogo ${entry.name} de esta base tiene ${rows} filas y el del respaldo ${entry.rows}.`);
  }
  if (occupied.length) throw refused(`La base de datos ya tiene datos: ${occupied.join(', ')}. Restaure en una base de datos vacía.`);
  return tables;
}

interface RowPage {
  lines: string[];
  rows: Record<string, unknown>[];
  firstLine: number;
  lastLine: number;
}

/** The next `entry.rows` lines of the file as validated rows, in pages. */
async function* readRowPages(readLine: ReadLine, entry: BackupHeader['tables'][number]): AsyncGenerator<RowPage> {
  const columns = new Set(entry.columns.map((c) => c.name));
  let page: RowPage | undefined;
  let bytes = 0;
  for (let read = 0; read < entry.rows; read++) {
    const line = await readLine();
    if (!line) throw refused(`El respaldo está incompleto: la tabla ${entry.name} debía tener ${entry.rows} filas y el archivo termina tras ${read}.`);
    page ??= { lines: [], rows: [], firstLine: line.number, lastLine: line.number };
    page.lines.push(line.text);
    page.rows.push(parseRow(line, entry.name, columns));
    page.lastLine = line.number;
    bytes += line.text.length;
    if (page.lines.length >= PAGE_ROWS || bytes >= PAGE_BYTES) {
      yield page;
      page = undefined;
      bytes = 0;
    }
  }
  if (page) yield page;
}

const toJsonArray = (page: RowPage) => `[${page.lines.join(',')}]`;

async function insertPage(tx: Database, table: BackupTable, page: RowPage, nulled: ReadonlySet<string>): Promise<void> {
  await explainPageError(table, page, () => insertBackupRows(tx, table, toJsonArray(page), nulled));
}

/** A reference catalogue the database already has is kept only if the backup's rows are all in it. */
async function checkPagePresent(tx: Database, table: BackupTable, page: RowPage): Promise<void> {
  if (await explainPageError(table, page, () => countRowsNotInTable(tx, table, toJsonArray(page)))) {
    throw refused(`El catálogo ${table.name} de esta base de datos no es igual al del respaldo (líneas ${page.firstLine}–${page.lastLine}).`);
  }
}

/** A value the database rejects (bad date, bad base64, broken reference) is reported with the page's lines. */
async function explainPageError<T>(table: BackupTable, page: RowPage, query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    // Drizzle wraps the driver's error; its own message repeats the whole query and page.
    const reason = error instanceof Error ? ((error.cause as Error | undefined) ?? error).message : String(error);
    throw refused(`Líneas ${page.firstLine}–${page.lastLine}: no se pudieron restaurar las filas de la tabla ${table.name}: ${reason}`);
  }
}

/** The value of a line of JSON, or undefined when it is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseHeader(line: Line | undefined): BackupHeader {
  const value = line && parseJson(line.text);
  const format = value as { format?: unknown; version?: unknown } | undefined;
  if (format?.format !== BACKUP_FORMAT) throw refused('El archivo no es un respaldo de Telar.');
  if (format.version === 1) {
    throw refused(
      'El respaldo tiene el formato 1, anterior a la suma de verificación: no se puede comprobar que no fue modificado y no se restaura. ' +
        'Restáurelo con la versión de Telar que lo hizo y haga un respaldo nuevo.',
    );
  }
  if (format.version !== BACKUP_VERSION) throw refused(`El respaldo tiene el formato ${String(format.version)}; esta versión de Telar lee el formato ${BACKUP_VERSION}.`);
  const header = BackupHeaderSchema.safeParse(value);
  if (!header.success) throw refused('Línea 1: el encabezado del respaldo está dañado.');
  return header.data;
}

function parseRow(line: Line, table: string, columns: ReadonlySet<string>): Record<string, unknown> {
  const row = parseJson(line.text);
  if (row === undefined) throw refused(`Línea ${line.number}: la fila de la tabla ${table} no es JSON válido.`);
  const keys = row !== null && typeof row === 'object' && !Array.isArray(row) ? Object.keys(row) : [];
  if (keys.length !== columns.size || !keys.every((key) => columns.has(key))) {
    throw refused(`Línea ${line.number}: la fila de la tabla ${table} no tiene las columnas que declara el encabezado.`);
  }
  return row as Record<string, unknown>;
}

interface Line {
  text: string;
  number: number;
}

/** The decompressed lines of a file, numbered from 1, with Spanish errors for a missing, foreign or cut file. */
async function* readLines(file: string): AsyncGenerator<Line, void, undefined> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  // Pieces of the line being read: splitting only each new chunk keeps a 20 MB line linear.
  let pending: string[] = [];
  let number = 0;
  try {
    for await (const chunk of gunzip) {
      const parts = decoder.write(chunk as Buffer).split('\n');
      if (parts.length === 1) {
        pending.push(parts[0]!);
        continue;
      }
      const last = parts.pop()!;
      parts[0] = pending.join('') + parts[0];
      pending = [last];
      for (const text of parts) yield { text, number: ++number };
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw refused(`No existe el archivo ${file}.`);
    if (code === 'Z_BUF_ERROR') throw refused(`El archivo ${file} está incompleto: se cortó antes de terminar.`);
    if (code === 'Z_DATA_ERROR') throw refused(`El archivo ${file} no es un respaldo de Telar o está dañado (no es un gzip válido).`);
    throw isFileError(error) ? refused(`No se pudo leer el archivo ${file} (${error.code}).`) : error;
  } finally {
    source.destroy();
  }
  const rest = pending.join('') + decoder.end();
  if (rest) yield { text: rest, number: ++number };
}

async function nextLine(lines: AsyncGenerator<Line>): Promise<Line | undefined> {
  const result = await lines.next();
  return result.done ? undefined : result.value;
}

function isFileError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

const sumRows = (tables: { rows: number }[]) => tables.reduce((n, t) => n + t.rows, 0);

const pick = (row: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((key) => [key, row[key]]));
