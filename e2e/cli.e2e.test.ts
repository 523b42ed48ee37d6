import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const telarBin = fileURLToPath(new URL('../bin/telar.mjs', import.meta.url));
const seedPath = fileURLToPath(new URL('../../shared/seeds/000_8ad403c787fb8b13.txt', import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), 'telar-cli-'));
const env = { ...process.env, TELAR_DATA_DIR: join(workDir, 'data'), DATABASE_URL: '' };

/** Runs the built `telar` command on the embedded database of this test. */
async function telar(...args: string[]) {
  return run(process.execPath, [telarBin, ...args], { env });
}

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('telar command line', () => {
  const seedCounts = { sessions: 9, participations: 13, agreements: 2, followUps: 11, organizations: 13 };

  it('describes the seed in a dry run without writing, then imports it once', async () => {
    const dryRun = JSON.parse((await telar('import', 'mechanism-report', seedPath, '--dry-run', '--json')).stdout);
    expect(dryRun).toEqual({ body: { id: null, name: expect.stringMatching(/^Comisión de Secretarías Ejecutivas/), acronym: 'COMSE', isNew: true }, described: seedCounts, created: seedCounts, warnings: [], diagnostics: [] });
    const unknownBody = await telar('import', 'mechanism-report', seedPath, '--body', 'COMSEX').catch((error: { code: number; stderr: string }) => error);
    expect(unknownBody).toMatchObject({ code: 1, stderr: expect.stringContaining('No hay un órgano con las siglas «COMSEX»') });
    const first = JSON.parse((await telar('import', 'mechanism-report', seedPath, '--body', 'COMSE', '--json')).stdout);
    expect(first.created).toEqual(seedCounts);
    const second = JSON.parse((await telar('import', 'mechanism-report', seedPath, '--body', 'COMSE', '--json')).stdout);
    expect(second.created).toEqual({ sessions: 0, participations: 0, agreements: 0, followUps: 0, organizations: 0 });
  });

  it('refuses an import file over the limit before reading it, exiting 1', async () => {
    for (const [kind, name] of [['plan', 'grande.xlsx'], ['mechanism-report', 'grande.md']] as const) {
      const file = join(workDir, name);
      writeFileSync(file, '');
      truncateSync(file, 48 * 1024 * 1024); // sparse: 48 MB that take no disk
      const failure = await telar('import', kind, file).catch((error: { code: number; stderr: string }) => error);
      expect(failure).toMatchObject({ code: 1 });
      expect((failure as { stderr: string }).stderr).toBe(`Error: El archivo ${file} pesa 48 MB; se importan archivos de hasta 5 MB.\n`);
    }
  });

  it('writes the report as JSON with ISO state codes and as a Word document', async () => {
    const jsonPath = join(workDir, 'informe.json');
    await telar('report', 'mechanism', '--body', 'COMSE', '--from', '2022-11-01', '--to', '2023-10-31', '--format', 'json', '--out', jsonPath);
    const report = JSON.parse(readFileSync(jsonPath, 'utf8'));
    expect(report.blocks).toHaveLength(13);
    expect(report.blocks[0].session).toEqual({ kind: 'ordinary', number: 21, date: '2022-12-12' });
    expect(report.blocks.map((b: { followUp: { states: string[] } | null }) => b.followUp?.states.length ?? null)).toEqual([
      null, 14, null, 0, 0, 8, 0, 0, 0, 1, 0, 5, 0,
    ]);

    const docxPath = join(workDir, 'informe.docx');
    await telar('report', 'mechanism', '--body', 'COMSE', '--from', '2022-11-01', '--to', '2023-10-31', '--format', 'docx', '--out', docxPath);
    const xml = await (await JSZip.loadAsync(readFileSync(docxPath))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Universidad Autónoma de Yucatán');
  });

  it('exits with an error and line-numbered diagnostics for a malformed file, writing nothing', async () => {
    const badPath = join(workDir, 'malo.txt');
    writeFileSync(badPath, 'Participante:\tAlguien\nNúmero, tipo de sesión y fecha:\tSesión Imaginaria, 40 de mayo de 2023\n');
    const failure = await telar('import', 'mechanism-report', badPath, '--json').catch((error: { code: number; stdout: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    const result = JSON.parse((failure as { stdout: string }).stdout);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ line: 2, field: 'Número, tipo de sesión y fecha' }));
    expect(result.created).toEqual({ sessions: 0, participations: 0, agreements: 0, followUps: 0, organizations: 0 });
  });

  it('resets the database to the demo data, with the real report already imported', async () => {
    const { stdout } = await telar('demo');
    expect(stdout).toMatch(/admin@demo\.telar\.mx \/ \S{24}/);
    const again = JSON.parse((await telar('import', 'mechanism-report', seedPath, '--body', 'COMSE', '--dry-run', '--json')).stdout);
    expect(again.created).toEqual({ sessions: 0, participations: 0, agreements: 0, followUps: 0, organizations: 0 });
  });

  it('exports the demo plans and activities, and imports a plan from the template once', async () => {
    const plans = JSON.parse((await telar('export', 'plans', '--format', 'json')).stdout);
    const action = plans.find((p: { name: string }) => p.name.startsWith('Plan de Acción 2019-2024'));
    expect(Object.keys(action)).toEqual(['name', 'nodes']);
    expect(Object.keys(action.nodes[0])).toEqual(['kind', 'code', 'title', 'status', 'children']);
    const codes = action.nodes.flatMap((n: { code: string; children: { code: string }[] }) => [n.code, ...n.children.map((c) => c.code)]);
    expect(codes).toEqual(expect.arrayContaining(['2.2', '2.3', '2.6']));

    const activities = JSON.parse((await telar('export', 'activities', '--format', 'json')).stdout);
    expect(activities).toHaveLength(83);
    expect(activities.find((a: { events: number | null }) => a.events === 23)).toMatchObject({ participants: 1502, start: '2024-01-01', end: '2024-12-31' });
    const csv = (await telar('export', 'activities', '--format', 'csv')).stdout;
    expect(csv.split('\n')[0]).toContain('Tipo');
    const xlsxPath = join(workDir, 'actividades.xlsx');
    await telar('export', 'activities', '--format', 'xlsx', '--out', xlsxPath);
    expect(readFileSync(xlsxPath).subarray(0, 2).toString()).toBe('PK');

    const planCsv = join(workDir, 'plan.csv');
    writeFileSync(
      planCsv,
      ['plan,código,código superior,tipo,título,estado,responsables', 'Programa estatal de prueba,1,,Eje,Prevención,,SNDIF', 'Programa estatal de prueba,1.1,1,Línea de acción,Capacitar al personal,En curso,SNDIF'].join('\n'),
    );
    const imported = await telar('import', 'plan', planCsv);
    expect(imported.stdout).toContain('2 nodos');
    const again = await telar('import', 'plan', planCsv).catch((error: { code: number; stderr: string }) => error);
    expect(again).toMatchObject({ code: 1 });
    expect((again as { stderr: string }).stderr).toContain('Ya existe un plan con ese nombre');
    const exported = JSON.parse((await telar('export', 'plans', '--format', 'json')).stdout).find((p: { name: string }) => p.name === 'Programa estatal de prueba');
    expect(exported.nodes).toEqual([{ kind: 'axis', code: '1', title: 'Prevención', status: null, children: [{ kind: 'action_line', code: '1.1', title: 'Capacitar al personal', status: 'in_progress', children: [] }] }]);
  });
});
