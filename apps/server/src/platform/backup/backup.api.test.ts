import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { backupCommand, restoreCommand } from '../../cli/backup.command.js';
import { type DatabaseHandle, openDatabase } from '../db/client.js';
import { prepareDatabase } from '../db/open.js';
import { queryRows } from '../db/query.js';
import { createTestContext, openTestDatabase, type TestContext, testDatabaseKind } from '../../test/test-context.js';
import { createBackupService } from './backup.service.js';

const seedText = readFileSync(new URL('../../../../../../shared/seeds/000_8ad403c787fb8b13.txt', import.meta.url), 'utf8');
const pdfBytes = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const workDir = mkdtempSync(join(tmpdir(), 'telar-backup-'));
const backupFile = join(workDir, 'respaldo.jsonl.gz');

let ctx: TestContext;
/** Ids of an organisation whose parent was edited after it, so the child's row comes first in the table. */
let family: { parent: string; child: string };
const opened: DatabaseHandle[] = [];

/** A fresh migrated database (INEGI catalogues only), closed after the file. */
async function emptyDatabase(open: () => Promise<DatabaseHandle> = openTestDatabase) {
  const handle = await open();
  opened.push(handle);
  return handle;
}

/** Every table of schema public, each as its sorted whole rows in text (generated columns included). */
async function snapshot(handle: DatabaseHandle): Promise<Record<string, string[]>> {
  const tables = await queryRows<{ name: string }>(handle.db, sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`);
  const result: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await queryRows<{ row: string }>(handle.db, sql`select t::text as row from public.${sql.identifier(name)} t`);
    result[name] = rows.map((r) => r.row).sort();
  }
  return result;
}

const readBackupLines = (file: string) => gunzipSync(readFileSync(file)).toString('utf8').split('\n').slice(0, -1);
const writeBackupLines = (file: string, lines: string[]) => writeFileSync(file, gzipSync(`${lines.join('\n')}\n`));

/** Line index (0-based) of the first row of a table in a backup's lines. */
function firstRowIndex(lines: string[], table: string): number {
  const header = JSON.parse(lines[0]!) as { tables: { name: string; rows: number }[] };
  let index = 1;
  for (const t of header.tables) {
    if (t.name === table) return index;
    index += t.rows;
  }
  throw new Error(`no table ${table}`);
}

beforeAll(async () => {
  ctx = await createTestContext();
  expect((await ctx.api('POST', '/imports/mechanism-report', { text: seedText, dryRun: false })).status).toBe(200);

  const form = new FormData();
  form.set('file', new File([Buffer.from(pdfBytes)], 'acta.pdf'));
  form.set('title', 'Acta con acentos: niñas, niños y adolescentes');
  form.set('kind', 'minutes');
  const evidence = (await (await ctx.request('/api/evidence', { method: 'POST', body: form })).json()) as { id: string };
  const agreements = (await ctx.api('GET', '/agreements')).body.items as { id: string }[];
  const followUp = await ctx.api('POST', '/follow-ups', { agreementId: agreements[0]!.id, date: '2023-11-15', text: 'Avance con su acta.', evidenceIds: [evidence.id] });
  expect(followUp.status).toBe(201);

  // A reader, whom an edited backup could make an administrator.
  await ctx.signInAs([{ role: 'reader' }]);

  const child = await ctx.api('POST', '/organizations', { name: 'Delegación de prueba', sector: 'government', level: 'state', stateCode: 'MX-SIN' });
  const parent = await ctx.api('POST', '/organizations', { name: 'Secretaría de prueba', sector: 'government', level: 'federal' });
  await ctx.api('PATCH', `/organizations/${child.body.id}`, { parentId: parent.body.id, version: child.body.version });
  // Rewriting the parent moves its row after the child's.
  expect((await ctx.api('PATCH', `/organizations/${parent.body.id}`, { name: 'Secretaría de prueba (federal)', version: parent.body.version })).status).toBe(200);
  family = { parent: parent.body.id, child: child.body.id };

  await createBackupService(ctx.handle.db).backup(backupFile);
});

afterAll(async () => {
  await Promise.all(opened.map((handle) => handle.close()));
  await ctx.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('telar backup', () => {
  it('writes a header naming every table, its columns and rows, then the rows with bytea in base64', async () => {
    const lines = readBackupLines(backupFile);
    const header = JSON.parse(lines[0]!);
    expect(header).toMatchObject({ format: 'telar-backup', version: 2 });
    expect(header.migrations.length).toBeGreaterThanOrEqual(3);
    const source = await snapshot(ctx.handle);
    expect(header.tables.map((t: { name: string }) => t.name).sort()).toEqual(Object.keys(source));
    for (const t of header.tables) expect(t.rows, t.name).toBe(source[t.name]!.length);
    expect(lines).toHaveLength(1 + Object.values(source).reduce((n, rows) => n + rows.length, 0) + 1);
    // The seal: the SHA-256 of every line before it, each with its "\n"; unsigned without a key.
    const content = gunzipSync(readFileSync(backupFile)).toString('utf8');
    const sha256 = createHash('sha256').update(content.slice(0, content.lastIndexOf('\n', content.length - 2) + 1)).digest('hex');
    expect(JSON.parse(lines.at(-1)!)).toEqual({ sha256 });

    const organizations = header.tables.find((t: { name: string }) => t.name === 'organizations');
    expect(organizations.columns.map((c: { name: string }) => c.name)).not.toContain('search');
    // Referenced tables come before the tables that point at them.
    const position = (name: string) => header.tables.findIndex((t: { name: string }) => t.name === name);
    expect(position('states')).toBeLessThan(position('organizations'));
    expect(position('sessions')).toBeLessThan(position('agreements'));
    expect(position('evidence')).toBeLessThan(position('follow_up_evidence'));

    const stored = lines.map((line) => line.includes('"file_name":"acta.pdf"') && JSON.parse(line)).find(Boolean);
    expect(stored.content).toBe(Buffer.from(pdfBytes).toString('base64'));
    expect(stored.title).toBe('Acta con acentos: niñas, niños y adolescentes');
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
  });

  it('appears only when complete, and reports an unwritable place in Spanish', async () => {
    await expect(createBackupService(ctx.handle.db).backup(join(workDir, 'no-existe', 'respaldo.gz'))).rejects.toThrow(/No se pudo escribir el respaldo/);
  });
});

// Each test restores whole databases, several times over: on a busy machine that takes more than the default 30 s.
describe('telar restore', { timeout: 120_000 }, () => {
  it('restores into an empty database every table row for row, audit trail and files included', async () => {
    const target = await emptyDatabase();
    const summary = await createBackupService(target.db).restore(backupFile);
    expect(summary.tables.filter((t) => !t.restored).map((t) => t.name).sort()).toEqual(['municipalities', 'states']);
    const source = await snapshot(ctx.handle);
    expect(source.audit_entries!.length).toBeGreaterThan(5);
    expect(source.evidence!.filter((row) => row.includes('\\x255044462d')).length).toBe(1); // the uploaded PDF's bytes
    expect(await snapshot(target)).toEqual(source);

    // The child organisation's row was written before its parent's, and both came back linked.
    const lines = readBackupLines(backupFile);
    const start = firstRowIndex(lines, 'organizations');
    const rowOf = (id: string) => lines.findIndex((line, i) => i >= start && line.includes(`"id":"${id}"`));
    expect(rowOf(family.child)).toBeLessThan(rowOf(family.parent));

    // New audit entries continue after the restored ones.
    const [{ max }] = (await queryRows<{ max: number }>(target.db, sql`select max(id)::int as max from audit_entries`)) as [{ max: number }];
    const [{ next }] = (await queryRows<{ next: number }>(target.db, sql`select nextval(pg_get_serial_sequence('public.audit_entries', 'id'))::int as next`)) as [{ next: number }];
    expect(next).toBe(max + 1);
  });

  it('refuses a database that already has data, and changes nothing', async () => {
    const before = await snapshot(ctx.handle);
    await expect(createBackupService(ctx.handle.db).restore(backupFile)).rejects.toThrow(/La base de datos ya tiene datos: .*organizations \(\d+\)/);
    expect(await snapshot(ctx.handle)).toEqual(before);
  });

  it('refuses a cut file, a damaged row and a foreign file, leaving the empty database empty', async () => {
    const target = await emptyDatabase();
    const empty = await snapshot(target);
    const restore = (file: string) => createBackupService(target.db).restore(file);
    const bytes = readFileSync(backupFile);
    const lines = readBackupLines(backupFile);
    const damaged = (name: string, edit: (lines: string[]) => void) => {
      const copy = [...lines];
      edit(copy);
      writeBackupLines(join(workDir, name), copy);
      return join(workDir, name);
    };

    writeFileSync(join(workDir, 'cortado.gz'), bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    await expect(restore(join(workDir, 'cortado.gz'))).rejects.toThrow(/está incompleto: se cortó antes de terminar/);
    await expect(restore(damaged('sin-final.gz', (l) => l.splice(-3)))).rejects.toThrow(/El respaldo está incompleto: la tabla \w+ debía tener \d+ filas/);
    const auditLine = firstRowIndex(lines, 'audit_entries');
    await expect(restore(damaged('json-roto.gz', (l) => (l[auditLine] = l[auditLine]!.slice(0, 20))))).rejects.toThrow(
      new RegExp(`^Línea ${auditLine + 1}: la fila de la tabla audit_entries no es JSON válido`),
    );
    await expect(restore(damaged('columna-ajena.gz', (l) => (l[auditLine] = '{"id":1}')))).rejects.toThrow(`Línea ${auditLine + 1}: la fila de la tabla audit_entries no tiene las columnas`);
    const sessionLine = firstRowIndex(lines, 'sessions');
    await expect(restore(damaged('fecha-imposible.gz', (l) => (l[sessionLine] = l[sessionLine]!.replace(/"date":"[^"]*"/, '"date":"2023-02-31"'))))).rejects.toThrow(
      new RegExp(`^Líneas ${sessionLine + 1}–\\d+: no se pudieron restaurar las filas de la tabla sessions`),
    );
    await expect(restore(damaged('sobrante.gz', (l) => l.push('{}')))).rejects.toThrow(`Línea ${lines.length + 1}: el respaldo tiene contenido después de su suma de verificación`);
    await expect(restore(damaged('sin-sello.gz', (l) => l.pop()))).rejects.toThrow('El respaldo está incompleto: le falta la última línea, con su suma de verificación.');
    await expect(restore(damaged('sello-roto.gz', (l) => (l[l.length - 1] = '{"sha256":"abc"}')))).rejects.toThrow(
      `Línea ${lines.length}: se esperaba la suma de verificación del respaldo; el archivo está dañado o fue modificado.`,
    );
    await expect(
      restore(damaged('otra-version.gz', (l) => (l[0] = JSON.stringify({ ...JSON.parse(l[0]!), migrations: ['abc'] })))),
    ).rejects.toThrow(/El respaldo es de otra versión del esquema/);
    await expect(restore(damaged('formato-3.gz', (l) => (l[0] = JSON.stringify({ ...JSON.parse(l[0]!), version: 3 }))))).rejects.toThrow(/lee el formato 2/);
    // Backups made before the seal existed are refused: nothing tells whether they were edited.
    await expect(restore(damaged('formato-1.gz', (l) => (l[0] = JSON.stringify({ ...JSON.parse(l[0]!), version: 1 }))))).rejects.toThrow(
      /^El respaldo tiene el formato 1, anterior a la suma de verificación: no se puede comprobar que no fue modificado y no se restaura\./,
    );

    writeFileSync(join(workDir, 'texto.txt'), seedText);
    await expect(restore(join(workDir, 'texto.txt'))).rejects.toThrow(/no es un respaldo de Telar o está dañado/);
    writeFileSync(join(workDir, 'ajeno.gz'), gzipSync('{"hola":"mundo"}\n'));
    await expect(restore(join(workDir, 'ajeno.gz'))).rejects.toThrow('El archivo no es un respaldo de Telar.');
    await expect(restore(join(workDir, 'no-existe.gz'))).rejects.toThrow(/No existe el archivo/);

    expect(await snapshot(target)).toEqual(empty);
    // Still empty and usable: the intact backup restores after all those refusals.
    await createBackupService(target.db).restore(backupFile);
    expect(await snapshot(target)).toEqual(await snapshot(ctx.handle));
  });

  it('refuses a backup edited after it was made (a reader turned admin, an audit entry rewritten), writing nothing', async () => {
    const target = await emptyDatabase();
    const empty = await snapshot(target);
    const lines = readBackupLines(backupFile);
    const roleLine = lines.findIndex((line) => line.includes('"role":"reader"'));
    const auditLine = firstRowIndex(lines, 'audit_entries');
    expect(roleLine).toBeGreaterThan(0);
    const edits: Record<string, (l: string[]) => void> = {
      'lector-administrador.gz': (l) => (l[roleLine] = l[roleLine]!.replace('"role":"reader"', '"role":"admin"')),
      'bitacora-reescrita.gz': (l) => (l[auditLine] = l[auditLine]!.replace(/"actor":"[^"]*"/, '"actor":"nadie"')),
    };
    for (const [name, edit] of Object.entries(edits)) {
      const copy = [...lines];
      edit(copy);
      expect(copy).not.toEqual(lines);
      writeBackupLines(join(workDir, name), copy);
      await expect(createBackupService(target.db).restore(join(workDir, name)), name).rejects.toThrow(
        'El respaldo fue modificado después de hacerse: su contenido no coincide con su suma SHA-256.',
      );
    }
    expect(await snapshot(target)).toEqual(empty);
  });

  it('signs with TELAR_BACKUP_KEY, and with the key restores only what that key signed', async () => {
    const key = randomBytes(32).toString('base64');
    const signed = join(workDir, 'firmado.gz');
    expect((await createBackupService(ctx.handle.db, { key }).backup(signed)).isSigned).toBe(true);
    expect(Object.keys(JSON.parse(readBackupLines(signed).at(-1)!))).toEqual(['sha256', 'hmacSha256']);

    const target = await emptyDatabase();
    const empty = await snapshot(target);
    const restoreWith = (file: string, withKey?: string) => createBackupService(target.db, { key: withKey }).restore(file);
    // Whoever edits the content can compute its SHA-256 again; without the key, not its signature.
    const lines = readBackupLines(signed);
    const roleLine = lines.findIndex((line) => line.includes('"role":"reader"'));
    const forged = [...lines.slice(0, -1)];
    forged[roleLine] = forged[roleLine]!.replace('"role":"reader"', '"role":"admin"');
    const sha256 = createHash('sha256').update(forged.map((line) => `${line}\n`).join('')).digest('hex');
    writeBackupLines(join(workDir, 'falsificado.gz'), [...forged, JSON.stringify({ ...JSON.parse(lines.at(-1)!), sha256 })]);
    writeBackupLines(join(workDir, 'falsificado-sin-firma.gz'), [...forged, JSON.stringify({ sha256 })]);

    const wrongSignature = 'La firma del respaldo no coincide con TELAR_BACKUP_KEY: se hizo con otra clave o fue modificado.';
    const unsigned = 'El respaldo no está firmado y TELAR_BACKUP_KEY está definida: solo se restauran respaldos firmados con esa clave.';
    await expect(restoreWith(join(workDir, 'falsificado.gz'), key)).rejects.toThrow(wrongSignature);
    await expect(restoreWith(join(workDir, 'falsificado-sin-firma.gz'), key)).rejects.toThrow(unsigned);
    await expect(restoreWith(signed, randomBytes(32).toString('base64'))).rejects.toThrow(wrongSignature);
    await expect(restoreWith(backupFile, key)).rejects.toThrow(unsigned);
    expect(() => createBackupService(target.db, { key: 'corta' })).toThrow(/^TELAR_BACKUP_KEY debe tener al menos 32 caracteres/);
    expect(await snapshot(target)).toEqual(empty);

    expect((await restoreWith(signed, key)).signature).toBe('checked');
    expect(await snapshot(target)).toEqual(await snapshot(ctx.handle));
    // Without the key the signature cannot be checked; the SHA-256 still is.
    expect((await createBackupService((await emptyDatabase()).db).restore(signed)).signature).toBe('unchecked');
  });

  it('refuses reference catalogues that differ from the backup', async () => {
    const target = await emptyDatabase();
    await target.db.execute(sql`update states set name = 'Otro nombre' where code = 'MX-SIN'`);
    await expect(createBackupService(target.db).restore(backupFile)).rejects.toThrow(/El catálogo states de esta base de datos no es igual al del respaldo/);
  });

  it.runIf(testDatabaseKind === 'postgres')('moves a backup from PostgreSQL to the embedded database and back', async () => {
    const source = await snapshot(ctx.handle);
    const embedded = await emptyDatabase(async () => {
      const handle = await openDatabase({});
      await prepareDatabase(handle);
      return handle;
    });
    await createBackupService(embedded.db).restore(backupFile);
    expect(await snapshot(embedded)).toEqual(source);

    const fromEmbedded = join(workDir, 'desde-pglite.gz');
    await createBackupService(embedded.db).backup(fromEmbedded);
    const server = await emptyDatabase();
    await createBackupService(server.db).restore(fromEmbedded);
    expect(await snapshot(server)).toEqual(source);
  });
});

describe('telar backup / restore commands', () => {
  // Three restores into fresh databases: slow on a busy machine, and the default 30 s is not what this tests.
  it('print what they did, and a refusal exits 1 saying the database was left as it was', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const file = join(workDir, 'desde-comando.gz');
      expect(await backupCommand([file], ctx.handle)).toBe(0);
      expect(log.mock.calls.at(-1)?.[0]).toMatch(/^Respaldo escrito en .*desde-comando\.gz: [\d,]+ filas de \d+ tablas \(\w+\), con su suma SHA-256, sin firma/);
      expect(await restoreCommand([], ctx.handle)).toBe(2);
      expect(await restoreCommand([file], ctx.handle)).toBe(1);
      expect(error.mock.calls.at(-1)?.[0]).toMatch(/^No se restauró el respaldo: La base de datos ya tiene datos.*\nLa base de datos quedó como estaba\.$/s);
      expect(await restoreCommand([file], await emptyDatabase())).toBe(0);
      expect(log.mock.calls.at(-2)?.[0]).toMatch(/^Se comprobó su suma SHA-256; el respaldo no está firmado/);
      expect(log.mock.calls.at(-1)?.[0]).toMatch(/Se conservaron los catálogos que ya tenía la base, idénticos al respaldo: states, municipalities\./);

      vi.stubEnv('TELAR_BACKUP_KEY', randomBytes(32).toString('base64'));
      expect(await restoreCommand([file], await emptyDatabase())).toBe(1);
      expect(error.mock.calls.at(-1)?.[0]).toMatch(/^No se restauró el respaldo: El respaldo no está firmado y TELAR_BACKUP_KEY está definida/);
      const signed = join(workDir, 'firmado-desde-comando.gz');
      expect(await backupCommand([signed], ctx.handle)).toBe(0);
      expect(log.mock.calls.at(-1)?.[0]).toMatch(/, con su suma SHA-256 y firmado con TELAR_BACKUP_KEY\.$/);
      expect(await restoreCommand([signed], await emptyDatabase())).toBe(0);
      expect(log.mock.calls.at(-2)?.[0]).toBe('Se comprobaron su suma SHA-256 y su firma con TELAR_BACKUP_KEY.');
    } finally {
      log.mockRestore();
      error.mockRestore();
      vi.unstubAllEnvs();
    }
  }, 120_000);
});
