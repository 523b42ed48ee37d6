/**
 * The checks an import runs on what it read. None of them changes a value: an error is reported at
 * the row and column a person sees in the source, and the observations it names get the flag
 * `inconsistent`, so the server can refuse the file or keep it as published with the flag.
 */
import type { DatasetIssue, DatasetIssueCode, ObservationFlag, ParsedDataset } from '../model.js';

/** Where an observation was read: its 1-based row in the source (header = 1) and its column header. */
export interface CellSource {
  row: number;
  column: string;
  /** The table's name, when the source has several (a questionnaire answer's tables by year). */
  table?: string;
}

const numberFormat = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 6 });
/** A number as a person in Mexico reads it ("309,447,752,263"). */
export const formatNumber = (value: number): string => numberFormat.format(value);

/** An issue at a cell, its message prefixed with where it is. */
export function cellIssue(code: DatasetIssueCode, severity: DatasetIssue['severity'], at: CellSource | null, message: string): DatasetIssue {
  const table = at?.table === undefined ? '' : `Tabla "${at.table}", `;
  const where = at === null ? '' : `${table}${table === '' ? 'Fila' : 'fila'} ${at.row}, columna "${at.column}": `;
  return { row: at?.row ?? null, column: at?.column ?? null, code, severity, message: `${where}${message}` };
}

export function addFlag(flags: ObservationFlag[], flag: ObservationFlag): void {
  if (!flags.includes(flag)) flags.push(flag);
}

/** The codes marked isTotal, by dimension. */
function totalCodes(dataset: ParsedDataset): Map<string, Set<string>> {
  return new Map(dataset.dimensions.map((dimension) => [dimension.code, new Set(dimension.codes.filter((code) => code.isTotal).map((code) => code.code))]));
}

/** Values more than this many times off the median of their column are out of scale. */
export const OUT_OF_SCALE_FACTOR = 1000;

/**
 * Out of scale: a value more than 1000× above or below the median of the non-zero values of its
 * column (seed 002's "49,669.6", in millions, among amounts in pesos). Totals are left out: their
 * check is the sum of their parts.
 */
export function checkScale(dataset: ParsedDataset, sources: readonly CellSource[]): void {
  const totals = totalCodes(dataset);
  const byColumn = new Map<string, number[]>();
  dataset.observations.forEach((observation, index) => {
    if (observation.value === null || observation.value === 0) return;
    if (Object.entries(observation.key).some(([dimension, code]) => totals.get(dimension)?.has(code))) return;
    const column = `${observation.measure}\u0000${sources[index]!.column}`;
    const indices = byColumn.get(column);
    if (indices) indices.push(index);
    else byColumn.set(column, [index]);
  });
  for (const indices of byColumn.values()) {
    const magnitudes = Float64Array.from(indices, (index) => Math.abs(dataset.observations[index]!.value!)).sort();
    const middle = magnitudes.length >> 1;
    const median = magnitudes.length % 2 === 1 ? magnitudes[middle]! : (magnitudes[middle - 1]! + magnitudes[middle]!) / 2;
    for (const index of indices) {
      const observation = dataset.observations[index]!;
      const magnitude = Math.abs(observation.value!);
      const factor = magnitude > median ? magnitude / median : median / magnitude;
      if (factor <= OUT_OF_SCALE_FACTOR) continue;
      addFlag(observation.flags, 'inconsistent');
      const direction = magnitude > median ? 'mayor' : 'menor';
      dataset.issues.push(
        cellIssue(
          'out_of_scale',
          'error',
          sources[index]!,
          `el valor ${formatNumber(observation.value!)} es ${formatNumber(Math.round(factor))} veces ${direction} que la mediana de su columna (${formatNumber(median)}); revise la unidad o la escala.`,
        ),
      );
    }
  }
}

/** Which codes of a dimension a total of the source adds up. */
export interface TotalCoverage {
  dimension: string;
  total: string;
  parts: readonly string[];
}

/**
 * As tables print them: each total adds up the codes listed before it, totals excepted — so a table
 * with "…, TOTAL, SIN DATO, TOTAL" has a first total of the rows above it and a second that also
 * counts SIN DATO.
 */
export function totalsByPosition(dataset: ParsedDataset): TotalCoverage[] {
  return dataset.dimensions.flatMap((dimension) =>
    dimension.codes.flatMap((code, position) =>
      code.isTotal
        ? [{ dimension: dimension.code, total: code.code, parts: dimension.codes.slice(0, position).filter((part) => !part.isTotal).map((part) => part.code) }]
        : [],
    ),
  );
}

/**
 * Compares each total the source publishes with the sum of the parts it covers (by default, the codes
 * before it), for every combination of the other dimensions and every measure. A difference is a
 * 'total_mismatch' error at the total's cell, which is flagged inconsistent; parts without a value
 * (blank or unreadable) are not added and the message says how many there were.
 */
export function checkTotals(dataset: ParsedDataset, sources: readonly CellSource[], coverage: readonly TotalCoverage[] = totalsByPosition(dataset)): void {
  const labels = new Map(dataset.dimensions.map((dimension) => [dimension.code, new Map(dimension.codes.map((code) => [code.code, code.label]))]));
  for (const dimension of new Set(coverage.map((entry) => entry.dimension))) {
    // The observations that differ only by this dimension's code, each by its code.
    const groups = new Map<string, Map<string, number>>();
    dataset.observations.forEach((observation, index) => {
      const rest = Object.keys(observation.key)
        .filter((code) => code !== dimension)
        .sort()
        .map((code) => `${code}=${observation.key[code]}`);
      const group = `${observation.measure}\u0000${rest.join('\u0000')}`;
      const members = groups.get(group) ?? new Map<string, number>();
      members.set(observation.key[dimension] ?? '', index);
      groups.set(group, members);
    });
    for (const entry of coverage.filter((candidate) => candidate.dimension === dimension)) {
      for (const members of groups.values()) {
        const totalIndex = members.get(entry.total);
        const total = totalIndex === undefined ? null : dataset.observations[totalIndex]!;
        if (totalIndex === undefined || total === null || total.value === null) continue;
        let sum = 0;
        let found = 0;
        let blanks = 0;
        for (const part of entry.parts) {
          const index = members.get(part);
          if (index === undefined) continue;
          const value = dataset.observations[index]!.value;
          if (value === null) blanks++;
          else {
            sum += value;
            found++;
          }
        }
        if (found === 0 || Math.abs(total.value - sum) <= Math.max(1e-9, Math.abs(total.value) * 1e-12)) continue;
        addFlag(total.flags, 'inconsistent');
        const label = labels.get(dimension)?.get(entry.total) ?? entry.total;
        const blankNote = blanks === 0 ? '' : ` (${blanks === 1 ? 'una celda sin valor no se suma' : `${blanks} celdas sin valor no se suman`})`;
        dataset.issues.push(
          cellIssue(
            'total_mismatch',
            'error',
            sources[totalIndex]!,
            `el total publicado "${label}" es ${formatNumber(total.value)}, pero ${found === 1 ? 'la única parte con valor que cubre es' : `la suma de las ${found} partes que cubre es`} ${formatNumber(sum)}${blankNote}; diferencia de ${formatNumber(total.value - sum)}.`,
          ),
        );
      }
    }
  }
}
