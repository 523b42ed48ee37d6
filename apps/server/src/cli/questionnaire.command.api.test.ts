import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, type TestContext } from '../test/test-context.js';
import { exportQuestionnaireCommand, importQuestionnaireCommand } from './questionnaire.command.js';

const workDir = mkdtempSync(join(tmpdir(), 'telar-questionnaire-'));
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.api('POST', '/bodies', { kind: 'system', name: 'Sistema Nacional de Protección Integral de Niñas, Niños y Adolescentes', acronym: 'SIPINNA', level: 'national' });
});
afterAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
  await ctx.close();
});
afterEach(() => vi.restoreAllMocks());
const importQuestionnaire = (args: string[]) => importQuestionnaireCommand(args, ctx.handle);
const exportQuestionnaire = (args: string[]) => exportQuestionnaireCommand(args, ctx.handle);

const SEED_001 = new URL('../../../../../shared/seeds/001_6f61884c0cbed154.txt', import.meta.url);
const SEED_002 = new URL('../../../../../shared/seeds/002_01b722a5f4a19936.txt', import.meta.url);

function captureOutput() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(parts.join(' ')));
  return { out, err };
}

describe('telar import questionnaire', () => {
  it('prints the summary of a reply as JSON with --dry-run --json', async () => {
    const file = join(workDir, 'alianza.txt');
    copyFileSync(SEED_002, file);
    const output = captureOutput();
    expect(await importQuestionnaire([file, '--dry-run', '--json'])).toBe(0);
    const summary = JSON.parse(output.out.join('\n'));
    expect(Object.keys(summary)).toEqual(['title', 'reference', 'date', 'questions', 'answers', 'contributors', 'closed', 'tables', 'footnotes', 'warnings']);
    expect(summary).toMatchObject({ title: 'Informe de progreso anual de País Pionero 2024', reference: null, date: null, questions: 34, answers: 31, tables: 1, footnotes: 0 });
    expect(summary.closed[0]).toEqual({ number: '9', kind: 'status', options: ['No alcanzado', 'Previsto', 'En curso', 'Completado'], marked: ['En curso'] });
    expect(summary.warnings[0]).toEqual({ line: 33, message: 'Párrafo partido por un salto de página: se une con el anterior.' });
  });

  it('prints a Spanish summary without --json and the warnings with their lines', async () => {
    const file = join(workDir, 'respuesta.md');
    writeFileSync(file, 'Informe anual\n\n1. ¿Primera?\nUno.\n\n2. ¿Segunda?\nDos\n\n\n\nde dos.\n');
    const output = captureOutput();
    expect(await importQuestionnaire([file, '--dry-run'])).toBe(0);
    expect(output.out.join('\n')).toContain('Preguntas: 2 (con respuesta: 2; cerradas: 0)');
    expect(output.err).toEqual([`${file}:11: Aviso: Párrafo partido por un salto de página: se une con el anterior.`]);
  });

  it('exits with 2 and the errors by line when the file has no questions, writing nothing', async () => {
    const file = join(workDir, 'vacio.txt');
    writeFileSync(file, 'Solo un título\n');
    const output = captureOutput();
    expect(await importQuestionnaire([file, '--dry-run', '--json'])).toBe(2);
    expect(output.err).toEqual([`${file}:1: Error: No se encontró ninguna pregunta numerada (por ejemplo «1. ¿…?»).`]);
    expect(output.out).toEqual([]);
  });

  it('asks for the body that receives a reply imported for real', async () => {
    const file = join(workDir, 'respuesta.txt');
    writeFileSync(file, '1. ¿Primera?\nUno.\n');
    const output = captureOutput();
    expect(await importQuestionnaire([file])).toBe(2);
    expect(output.err[0]).toMatch(/^Uso: telar import questionnaire/);
    expect(await importQuestionnaire([file, '--body', 'NOEXISTE'])).toBe(2);
    expect(output.err[1]).toBe('No hay un órgano con las siglas «NOEXISTE».');
  });

  it('imports seed 001 once under --body and exports its reply by reference as Word, Markdown and JSON', async () => {
    const file = join(workDir, 'oacnudh.txt');
    copyFileSync(SEED_001, file);
    const output = captureOutput();
    expect(await importQuestionnaire([file, '--body', 'SIPINNA', '--json'])).toBe(0);
    const first = JSON.parse(output.out.join('\n'));
    expect(first).toMatchObject({ reference: 'JAL MEX 4/2021', date: '2021-06-02', questions: 9, answers: 9, tables: 5, footnotes: 12, reused: false, created: { exercises: 1, questions: 9 } });
    expect(first.contributors).toHaveLength(5);
    output.out.length = 0;
    expect(await importQuestionnaire([file, '--body', 'SIPINNA', '--json'])).toBe(0);
    expect(JSON.parse(output.out.join('\n'))).toMatchObject({ reused: true, created: { templates: 0, exercises: 0, questions: 0, organizations: 0 } });

    const json = join(workDir, 'respuesta.json');
    expect(await exportQuestionnaire(['JAL MEX 4/2021', '--format', 'json', '--out', json])).toBe(0);
    const reply = JSON.parse(readFileSync(json, 'utf8'));
    expect(reply.questions.map((q: { number: string }) => q.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(reply.questions[5].answer).toContain('ABUSO SEXUAL\t43\t10');
    const docx = join(workDir, 'respuesta.docx');
    expect(await exportQuestionnaire(['JAL MEX 4/2021', '--format', 'docx', '--out', docx])).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(docx));
    const footnotes = await zip.file('word/footnotes.xml')!.async('string');
    expect(footnotes).toContain('Constitución Política de los Estados Unidos Mexicanos');
    const markdown = join(workDir, 'respuesta.md');
    expect(await exportQuestionnaire([first.exerciseId, '--format', 'md', '--out', markdown])).toBe(0);
    expect(readFileSync(markdown, 'utf8')).toContain('JAL MEX 4/2021');
    await expect(exportQuestionnaire(['XYZ 1/2020', '--format', 'md', '--out', markdown])).rejects.toThrow();
  });

  it('refuses other file types and text that is not UTF-8, naming the file', async () => {
    const pdf = join(workDir, 'respuesta.pdf');
    writeFileSync(pdf, '%PDF');
    await expect(importQuestionnaire([pdf, '--dry-run'])).rejects.toThrow(`${pdf}: se importan archivos .txt, .md o .docx.`);
    const latin1 = join(workDir, 'latin1.txt');
    writeFileSync(latin1, Buffer.from([0x31, 0x2e, 0x20, 0xbf, 0x53, 0xed, 0x3f]));
    await expect(importQuestionnaire([latin1, '--dry-run'])).rejects.toThrow(`${latin1} no está en UTF-8; guárdelo como texto UTF-8 o como .docx.`);
  });
});
