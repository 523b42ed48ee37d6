/**
 * A budget table pasted from a PDF report (seed 002, "Presupuesto de Egresos de la Federación destinado
 * a … NNA durante el periodo 2023-2025"): tab-separated lines, a title over one or more lines, a header
 * "Acción o programa | Presupuesto destinado 2023 (millones de pesos) | …" and one line per programme.
 * The extraction runs rows together ("Bienestar y Desarrollo Infantil Beca Universal de Educación Básica
 * Rita Cetina TOTAL" with cells of two or three values); this pre-pass splits such a line only where
 * it is unambiguous and hands the rest to the generic wide-table reader.
 *
 * What is read, and why:
 * - A line ending in a total word whose every cell holds two values or more: the total is the last
 *   value of each cell (the values follow the labels' order). What remains is one code, labelled as
 *   written, with a 'merged_row' error: its names cannot be told apart, so a value left alone in a cell
 *   is kept (flagged, "of one of these programmes") and several values in a cell are not read at all.
 * - The total adds up every programme of the table, wherever the extraction put it: 2023's programmes
 *   add up to 309,447,752,263 and the total is written "309 mil 447 millones 752 mil".
 * - The header says "millones de pesos" but the amounts are pesos (the median programme, read as
 *   millions, would be more than Mexico's whole federal budget). The measure is stated in pesos
 *   (scale 1) with a 'unit_mismatch' warning at each such header; no value is rescaled. A value that
 *   does follow the header ("49,669.6") is then out of scale: an error at its cell.
 */
import type { DatasetIssue, ParsedDataset } from '../model.js';
import { isTotalLabel, type RowSource, readTableCells } from './read-table.js';
import { addFlag, cellIssue, checkScale, checkTotals, formatNumber } from './validate.js';

/** More pesos than Mexico's whole federal budget (about 9.3 billion — 9.3 × 10¹² — pesos in 2025). */
const MORE_THAN_FEDERAL_BUDGET = 1e13;

const TOTAL_AT_END = /^(.*\S)\s+(TOTAL|Total|TOTAL GENERAL|Total general)$/;

/**
 * The values one cell holds, as written: two numbers in a row start a new value ("2,626,901,670 309
 * mil 447 millones 752 mil" is 2,626,901,670 and 309 mil 447 millones 752 mil).
 */
export function splitCellValues(cell: string): string[] {
  const values: string[] = [];
  let start = -1;
  let end = -1;
  let lastWasNumber = false;
  for (const match of cell.matchAll(/[^\s,]+(?:,\d+)*(?:\.\d+)?/g)) {
    const token = match[0];
    const isNumber = /^\d/.test(token);
    if (start >= 0 && isNumber && lastWasNumber) {
      values.push(cell.slice(start, end));
      start = -1;
    }
    if (start < 0) start = match.index;
    end = match.index + token.length;
    lastWasNumber = isNumber;
  }
  if (start >= 0) values.push(cell.slice(start, end));
  return values;
}

/** A cell of a merged line that holds values of several programmes, and the merged label they went to. */
interface MergedCell {
  row: number;
  column: string;
  label: string;
  message: string;
}

/**
 * Reads the table. `firstLine` is the line of the source where `text` starts, so rows in issues are
 * the lines a person sees in the file.
 */
export function readBudgetTable(text: string, options: { name: string; firstLine?: number }): ParsedDataset {
  const firstLine = options.firstLine ?? 1;
  const lines = text.split(/\r?\n/).map((line, index) => ({ row: firstLine + index, cells: line.split('\t').map((cell) => cell.trim()) }));
  const filled = (cells: string[]): string[] => cells.filter((cell) => cell !== '');
  const headerIndex = lines.findIndex((line) => filled(line.cells).length >= 2);
  if (headerIndex < 0) {
    return { metadata: { name: options.name }, dimensions: [], measures: [], observations: [], issues: [cellIssue('unknown_column', 'error', null, 'No se encontró la fila de encabezados de la tabla.')] };
  }
  const title = lines
    .slice(0, headerIndex)
    .map((line) => filled(line.cells).join(' '))
    .filter(Boolean)
    .join(' ');
  const headerLine = lines[headerIndex]!;
  const header = filled(headerLine.cells);
  const width = header.length;

  const rows: string[][] = [header];
  const rowSources: RowSource[] = [{ row: headerLine.row }];
  const issues: DatasetIssue[] = [];
  const mergedCells: MergedCell[] = [];
  for (const line of lines.slice(headerIndex + 1)) {
    if (filled(line.cells).length === 0) continue;
    const [label = '', ...cells] = line.cells.slice(0, width);
    const values = cells.map(splitCellValues);
    if (values.every((cell) => cell.length <= 1)) {
      rows.push([label, ...cells]);
      rowSources.push({ row: line.row });
      continue;
    }
    const withTotal = TOTAL_AT_END.exec(label);
    const splitsTotal = withTotal !== null && values.every((cell) => cell.length >= 2);
    const partLabel = splitsTotal ? withTotal[1]! : label;
    const partCells = values.map((cell, index) => (splitsTotal ? cell.slice(0, -1).join(' ') : cells[index]!));
    rows.push([partLabel, ...partCells]);
    rowSources.push({ row: line.row });
    if (splitsTotal) {
      rows.push([withTotal[2]!, ...values.map((cell) => cell.at(-1)!)]);
      rowSources.push({ row: line.row });
    }
    const split = splitsTotal ? `se separó el total "${withTotal[2]}" (el último valor de cada celda); ` : '';
    issues.push(
      cellIssue(
        'merged_row',
        'error',
        { row: line.row, column: header[0]! },
        `la fila junta varias filas de la fuente ("${label}"); ${split}"${partLabel}" queda como una sola clave porque sus nombres no se pueden separar sin inventar.`,
      ),
    );
    values.forEach((cell, index) => {
      const parts = splitsTotal ? cell.slice(0, -1) : cell;
      if (parts.length === 0) return;
      const column = header[index + 1]!;
      const message =
        parts.length === 1
          ? `el valor ${parts[0]} es de uno de los programas que junta "${partLabel}"; no se sabe de cuál.`
          : `la celda tiene ${parts.length} valores (${parts.join('; ')}) de los programas que junta "${partLabel}"; no se asigna ninguno.`;
      mergedCells.push({ row: line.row, column, label: partLabel, message });
    });
  }

  const { dataset, sources } = readTableCells(rows, { name: options.name, identifiers: { [header[0]!]: 'programa' } }, rowSources);
  if (title !== '') dataset.metadata.description = title;
  // A cell of several values is reported as such, not also as an unreadable number.
  const isMerged = (issue: DatasetIssue): boolean => mergedCells.some((cell) => cell.row === issue.row && cell.column === issue.column);
  dataset.issues = [...issues, ...dataset.issues.filter((issue) => !(issue.code === 'unreadable_value' && isMerged(issue)))];
  for (const cell of mergedCells) {
    dataset.issues.push(cellIssue('merged_row', 'error', cell, cell.message));
    sources.forEach((source, index) => {
      const observation = dataset.observations[index]!;
      if (source.row === cell.row && source.column === cell.column && observation.key.programa === cell.label) addFlag(observation.flags, 'inconsistent');
    });
  }
  statePesos(dataset, header, headerLine.row);
  checkScale(dataset, sources);
  const programmes = dataset.dimensions.find((dimension) => dimension.code === 'programa')?.codes ?? [];
  const parts = programmes.filter((code) => !code.isTotal).map((code) => code.code);
  checkTotals(
    dataset,
    sources,
    programmes.filter((code) => code.isTotal).map((code) => ({ dimension: 'programa', total: code.code, parts })),
  );
  return dataset;
}

/** When the header's millions do not fit the amounts, the measure is stated in pesos and each such header is named. */
function statePesos(dataset: ParsedDataset, header: string[], headerRow: number): void {
  const [measure] = dataset.measures;
  if (!measure || measure.scale === 1) return;
  const amounts = dataset.observations
    .filter((observation) => observation.value !== null && observation.value !== 0 && !isTotalLabel(observation.key.programa ?? ''))
    .map((observation) => Math.abs(observation.value!))
    .sort((a, b) => a - b);
  const median = amounts[amounts.length >> 1];
  if (median === undefined || median * measure.scale <= MORE_THAN_FEDERAL_BUDGET) return;
  const scaleWords = measure.scale === 1e6 ? 'millones de pesos' : 'miles de pesos';
  for (const column of header.slice(1)) {
    dataset.issues.push(
      cellIssue(
        'unit_mismatch',
        'warning',
        { row: headerRow, column },
        `el encabezado dice "${scaleWords}" pero los montos están en pesos: la mediana de la tabla, ${formatNumber(median)}, en ${scaleWords} sería más que todo el presupuesto federal. Se guardan en pesos, sin reescalar.`,
      ),
    );
  }
  measure.scale = 1;
}
