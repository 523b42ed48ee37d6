import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { parseQuestionnaire, summarizeImport } from '@telar/domain';
import { docxToText } from '../platform/documents/docx-text.js';
import { readImportFile } from './import-file.js';

const USAGE = 'Uso: telar import questionnaire ARCHIVO(.txt|.md|.docx) [--dry-run] [--json]';
export const DATABASE_IMPORT_UNAVAILABLE = 'La importación a la base de datos aún no está disponible; use --dry-run.';

/** The text of a reply file: UTF-8 text or Markdown, or a Word document. Spanish errors name the file. */
export async function readQuestionnaireText(path: string): Promise<string> {
  const extension = extname(path).toLowerCase();
  if (!['.txt', '.md', '.docx'].includes(extension)) throw new Error(`${path}: se importan archivos .txt, .md o .docx.`);
  const bytes = await readImportFile(path);
  if (extension === '.docx') return docxToText(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${path} no está en UTF-8; guárdelo como texto UTF-8 o como .docx.`);
  }
}

/**
 * `telar import questionnaire ARCHIVO [--dry-run] [--json]`: reads an answered questionnaire and
 * says what it found (questions, answers, closed questions, tables, footnotes, warnings by line).
 * Errors exit with 2 and nothing is written.
 */
export async function importQuestionnaireCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } } });
  if (positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const file = positionals[0]!;
  const result = parseQuestionnaire(await readQuestionnaireText(file));
  if (!result.ok) {
    for (const error of result.errors) console.error(`${file}:${error.line}: Error: ${error.message}`);
    for (const warning of result.warnings) console.error(`${file}:${warning.line}: Aviso: ${warning.message}`);
    return 2;
  }
  if (!values['dry-run']) {
    console.error(DATABASE_IMPORT_UNAVAILABLE);
    return 2;
  }
  const summary = summarizeImport(result.value);
  if (values.json) {
    console.log(JSON.stringify(summary, null, 2));
    return 0;
  }
  for (const warning of summary.warnings) console.error(`${file}:${warning.line}: Aviso: ${warning.message}`);
  console.log(
    [
      `Título: ${summary.title}`,
      `Referencia: ${summary.reference ?? '—'}   Fecha: ${summary.date ?? '—'}`,
      `Preguntas: ${summary.questions} (con respuesta: ${summary.answers}; cerradas: ${summary.closed.length})`,
      `Tablas: ${summary.tables}   Notas al pie: ${summary.footnotes}   Avisos: ${summary.warnings.length}`,
      `Participantes: ${summary.contributors.length ? summary.contributors.join('; ') : '—'}`,
    ].join('\n'),
  );
  return 0;
}
