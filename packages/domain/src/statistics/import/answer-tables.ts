/**
 * The tables of a questionnaire answer as a dataset: one table per year ("Año 2017" in its caption or
 * in the text before it), the first column a category (the crime), the other columns measures. Seed
 * 001's crime tables are the model: "DELITO | # | CAUSA PENAL", nineteen crimes, a TOTAL of them,
 * SIN DATO, and a second TOTAL that also counts SIN DATO.
 */
import type { RichText } from '../../questionnaires/model.js';
import type { ParsedDataset } from '../model.js';
import { isTotalLabel, type RowSource, readTableCells } from './read-table.js';
import { cellIssue, checkScale, checkTotals } from './validate.js';

export interface AnswerTable {
  caption?: string;
  header: string[];
  rows: string[][];
  /** The text just before the table, where its year may be written instead of the caption. */
  context?: string;
}

/** Identifiers for the headers these tables use: "#" counts the complaints (denuncias) the question asks about. */
const ANSWER_IDENTIFIERS: Record<string, string> = {
  '#': 'denuncias',
  DELITO: 'crime',
  Delito: 'crime',
  DELITOS: 'crime',
  'CAUSA PENAL': 'causa_penal',
  'Causa penal': 'causa_penal',
};

/** The table blocks of an answer, each with the text of the paragraph just before it (where "Año 2017" may be written). */
export function answerTablesOf(text: RichText): AnswerTable[] {
  let context = '';
  const tables: AnswerTable[] = [];
  for (const block of text.blocks) {
    if (block.type === 'paragraph') context = block.content.map((run) => run.text).join('');
    else if (block.type === 'table') tables.push({ caption: block.caption, header: block.header, rows: block.rows, context });
  }
  return tables;
}

const YEAR = /(?:^|\D)((?:19|20)\d{2})(?!\d)/g;

/** The table's year: the caption's, else the last year the text before it names. */
function yearOf(table: AnswerTable): string | undefined {
  const fromCaption = [...(table.caption ?? '').matchAll(YEAR)].at(0)?.[1];
  return fromCaption ?? [...(table.context ?? '').matchAll(YEAR)].at(-1)?.[1];
}

/**
 * Reads the tables into one dataset with a period dimension (each table's year). Rows and columns in
 * issues are the table's own (header = row 1) and each message names the table. A total label written
 * twice in a table ("TOTAL" … "SIN DATO", "TOTAL") makes two codes, "TOTAL" and "TOTAL_2", both
 * labelled as written: each adds up the rows above it, so they are different totals.
 */
export function readAnswerTables(tables: AnswerTable[], options: { name: string }): ParsedDataset {
  const [first] = tables;
  if (!first) return { metadata: { name: options.name }, dimensions: [], measures: [], observations: [], issues: [] };
  const rows: string[][] = [['Año', ...first.header]];
  const rowSources: RowSource[] = [{ row: 1, table: first.caption ?? 'Tabla 1' }];
  const repeatedTotals = new Map<string, string>();
  const skipped: ReturnType<typeof cellIssue>[] = [];
  tables.forEach((table, index) => {
    const name = table.caption ?? `Tabla ${index + 1}`;
    const year = yearOf(table);
    if (year === undefined || table.header.join('\u0000') !== first.header.join('\u0000')) {
      const reason = year === undefined ? 'no dice de qué año es (ni en su título ni en el texto que la precede)' : `sus columnas no son las de la primera tabla (${first.header.join(', ')})`;
      skipped.push(cellIssue('unknown_column', 'error', { table: name, row: 1, column: table.header[0] ?? '' }, `la tabla no se importó: ${reason}.`));
      return;
    }
    const seen = new Map<string, number>();
    table.rows.forEach((cells, position) => {
      const label = (cells[0] ?? '').trim();
      let code = label;
      if (isTotalLabel(label)) {
        const count = (seen.get(label) ?? 0) + 1;
        seen.set(label, count);
        if (count > 1) {
          code = `${label}_${count}`;
          repeatedTotals.set(code, label);
        }
      }
      rows.push([year, code, ...cells.slice(1)]);
      rowSources.push({ row: position + 2, table: name });
    });
  });

  const { dataset, sources } = readTableCells(rows, { name: options.name, dimensions: ['Año', first.header[0]!], identifiers: ANSWER_IDENTIFIERS }, rowSources);
  for (const dimension of dataset.dimensions) {
    dimension.codes = dimension.codes.map((code) => {
      const label = repeatedTotals.get(code.code);
      return label === undefined ? code : { code: code.code, label, isTotal: true };
    });
  }
  dataset.issues.push(...skipped);
  checkScale(dataset, sources);
  checkTotals(dataset, sources);
  return dataset;
}
