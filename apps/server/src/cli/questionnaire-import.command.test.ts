import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_IMPORT_UNAVAILABLE, importQuestionnaireCommand } from './questionnaire-import.command.js';

const workDir = mkdtempSync(join(tmpdir(), 'telar-questionnaire-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

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
    expect(await importQuestionnaireCommand([file, '--dry-run', '--json'])).toBe(0);
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
    expect(await importQuestionnaireCommand([file, '--dry-run'])).toBe(0);
    expect(output.out.join('\n')).toContain('Preguntas: 2 (con respuesta: 2; cerradas: 0)');
    expect(output.err).toEqual([`${file}:11: Aviso: Párrafo partido por un salto de página: se une con el anterior.`]);
  });

  it('exits with 2 and the errors by line when the file has no questions, writing nothing', async () => {
    const file = join(workDir, 'vacio.txt');
    writeFileSync(file, 'Solo un título\n');
    const output = captureOutput();
    expect(await importQuestionnaireCommand([file, '--dry-run', '--json'])).toBe(2);
    expect(output.err).toEqual([`${file}:1: Error: No se encontró ninguna pregunta numerada (por ejemplo «1. ¿…?»).`]);
    expect(output.out).toEqual([]);
  });

  it('says the database import is not available yet without --dry-run', async () => {
    const file = join(workDir, 'respuesta.txt');
    writeFileSync(file, '1. ¿Primera?\nUno.\n');
    const output = captureOutput();
    expect(await importQuestionnaireCommand([file])).toBe(2);
    expect(output.err).toEqual([DATABASE_IMPORT_UNAVAILABLE]);
  });

  it('refuses other file types and text that is not UTF-8, naming the file', async () => {
    const pdf = join(workDir, 'respuesta.pdf');
    writeFileSync(pdf, '%PDF');
    await expect(importQuestionnaireCommand([pdf, '--dry-run'])).rejects.toThrow(`${pdf}: se importan archivos .txt, .md o .docx.`);
    const latin1 = join(workDir, 'latin1.txt');
    writeFileSync(latin1, Buffer.from([0x31, 0x2e, 0x20, 0xbf, 0x53, 0xed, 0x3f]));
    await expect(importQuestionnaireCommand([latin1, '--dry-run'])).rejects.toThrow(`${latin1} no está en UTF-8; guárdelo como texto UTF-8 o como .docx.`);
  });
});
