/**
 * Reads a table of statistics — a header row and data rows, as the caller read them from CSV or XLSX —
 * into a dataset: dimensions with their code lists, measures with unit and scale, one observation per
 * value cell. Long form (one value column per measure) or wide form (a dimension's codes as columns,
 * "2023 | 2024 | 2025"). Nothing is corrected: a blank stays null (not available), a doubtful value is
 * kept as written with an issue at its row and column and the flag `inconsistent`.
 */
import type { DatasetIssue, Dimension, DimensionCode, DimensionKind, Measure, MeasureUnit, Observation, ObservationFlag, ParsedDataset } from '../model.js';
import { parseCsv } from '../../csv/parse-csv.js';
import { MEXICAN_STATES, type MexicanState } from '../../geo/states.js';
import { hasWords, parseDigits, parseSpanishAmount } from './spanish-amounts.js';
import { addFlag, type CellSource, cellIssue, checkScale, checkTotals, formatNumber } from './validate.js';

export interface DatasetTableOptions {
  name: string;
  /** Column headers read as dimensions; default every column but the measure(s). */
  dimensions?: string[];
  /** The value column; default the last column whose values are all numbers (with `dimensions` given: every other column). */
  measure?: string;
  /** For a wide table: the dimension whose codes are the value columns ("period" for years as columns). */
  wideDimension?: string;
  /** The source's row number of the header (1 unless comment or title lines come before it). */
  firstRow?: number;
  /** The code to give a column's dimension or measure instead of its header in snake_case ({ '#': 'denuncias' }). */
  identifiers?: Record<string, string>;
}

/** More data rows than this are refused (the server also limits the file's bytes). */
export const MAX_DATASET_ROWS = 2_000_000;

/** The code of an empty category ("crime_subtype" left blank): SDMX's "not applicable". */
export const NOT_APPLICABLE_CODE = '_Z';
const NOT_APPLICABLE_LABEL = '(sin desagregar)';

const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const TOTAL_LABEL = /^(total|total general|gran total|suma|suma total)$/i;
const YEAR_IN_TEXT = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/;

/** Whether a row or column label is a total the source publishes ("TOTAL", "Total general", "Suma"). */
export const isTotalLabel = (label: string): boolean => TOTAL_LABEL.test(label.trim());

/** A header as an identifier: lower-case ASCII snake_case, at most 40 characters ("Tipo de delito" → "tipo_de_delito"). */
export function toIdentifier(text: string): string {
  const snake = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const identifier = (/^[a-z]/.test(snake) ? snake : `c_${snake}`).slice(0, 40).replace(/_+$/, '');
  return identifier === 'c' ? 'column' : identifier;
}

// ── Column roles ───────────────────────────────────────────────────────────────────────────────

type Role = 'year' | 'month' | 'period' | 'state_cve' | 'state_iso' | 'state_any' | 'municipality_geo' | 'municipality_cve' | 'municipality_any' | 'sex' | 'age_group';

const ROLE_BY_HEADER = new Map<string, Role>([
  ...['year', 'ano', 'anio', 'ejercicio'].map((header) => [header, 'year'] as const),
  ...['month', 'mes'].map((header) => [header, 'month'] as const),
  ...['period', 'periodo'].map((header) => [header, 'period'] as const),
  ...['cve_ent', 'cve_entidad', 'clave_entidad'].map((header) => [header, 'state_cve'] as const),
  ...['state_iso', 'iso', 'entidad_iso'].map((header) => [header, 'state_iso'] as const),
  ...['entidad', 'estado', 'state', 'entidad_federativa', 'nom_ent'].map((header) => [header, 'state_any'] as const),
  ...['cvegeo', 'cve_geo'].map((header) => [header, 'municipality_geo'] as const),
  ...['cve_mun', 'cve_municipio', 'clave_municipio'].map((header) => [header, 'municipality_cve'] as const),
  ...['municipio', 'municipality', 'nom_mun'].map((header) => [header, 'municipality_any'] as const),
  ...['sex', 'sexo'].map((header) => [header, 'sex'] as const),
  ...['age_group', 'edad', 'grupo_edad', 'grupo_de_edad', 'rango_edad', 'rango_de_edad'].map((header) => [header, 'age_group'] as const),
]);

const roleOf = (header: string): Role | undefined => ROLE_BY_HEADER.get(toIdentifier(header));

// ── States ─────────────────────────────────────────────────────────────────────────────────────

const normalizeName = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.\s]+/g, ' ')
    .trim();

const STATE_BY_CVE = new Map<string, MexicanState>(MEXICAN_STATES.map((state) => [state.cve, state]));
const STATE_BY_ISO = new Map<string, MexicanState>(MEXICAN_STATES.map((state) => [state.iso, state]));
const STATE_BY_NAME = new Map<string, MexicanState>(
  MEXICAN_STATES.flatMap((state) => [state.name, state.shortName, state.abbreviation, ...state.aliases].map((name) => [normalizeName(name), state] as const)),
);

// ── Reading one dimension's code from a row ────────────────────────────────────────────────────

/** What a dimension reads from a row's cells: its code, or an error (the code is then the text as written). */
interface Reading {
  code: string;
  label: string;
  isTotal?: boolean;
  /** A problem with this reading, reported once for every row that reads the same cells. */
  issue?: { code: DatasetIssue['code']; severity: DatasetIssue['severity']; column: string; message: string };
}

interface DimensionReader {
  dimension: Dimension;
  columns: number[];
  read: (cells: string[]) => Reading;
}

/** An error reading: the text as written is kept as the code, and the observation is flagged. */
const unreadable = (text: string, column: string, message: string, code: DatasetIssue['code'] = 'unknown_code'): Reading => ({
  code: text === '' ? NOT_APPLICABLE_CODE : text,
  label: text === '' ? NOT_APPLICABLE_LABEL : text,
  issue: { code, severity: 'error', column, message },
});

function readPeriod(year: string, month: string | null, yearHeader: string, monthHeader: string | null): Reading {
  if (!/^\d{4}$/.test(year)) return unreadable(year, yearHeader, `"${year}" no es un año de cuatro cifras.`);
  if (month === null) return { code: year, label: year };
  const byName = MONTHS.indexOf(normalizeName(month));
  const number = byName >= 0 ? byName + 1 : /^\d{1,2}$/.test(month) ? Number(month) : 0;
  if (number < 1 || number > 12) return unreadable(`${year}-${month}`, monthHeader!, `"${month}" no es un mes (1 a 12 o su nombre).`);
  return { code: `${year}-${String(number).padStart(2, '0')}`, label: `${MONTHS[number - 1]} ${year}` };
}

function readPeriodCode(text: string, header: string): Reading {
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month) return readPeriod(month[1]!, month[2]!, header, header);
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(text);
  if (quarter) return { code: `${quarter[1]}-Q${quarter[2]}`, label: `${quarter[2]}.º trimestre ${quarter[1]}` };
  return readPeriod(text, null, header, null);
}

/** A state from one cell, by the kind of column it is in; `matched` when it was written by name. */
function findState(text: string, role: Role): { state: MexicanState; matched: boolean } | undefined {
  if (/^\d{1,2}$/.test(text) && role !== 'state_iso') {
    const state = STATE_BY_CVE.get(text.padStart(2, '0'));
    return state && { state, matched: false };
  }
  const byIso = STATE_BY_ISO.get(text.toUpperCase());
  if (byIso) return { state: byIso, matched: false };
  if (role !== 'state_any') return undefined;
  const byName = STATE_BY_NAME.get(normalizeName(text));
  return byName && { state: byName, matched: true };
}

function stateReader(columns: number[], headers: string[], roles: Role[]): DimensionReader['read'] {
  return (cells) => {
    let found: { state: MexicanState; column: number } | undefined;
    let matchedFrom: { text: string; column: number } | undefined;
    for (const column of columns) {
      const text = (cells[column] ?? '').trim();
      if (text === '') continue;
      const result = findState(text, roles[column]!);
      if (!result) {
        // A table's own total row ("Total", "Nacional") is a code of the state dimension marked as a total.
        if (isTotalLabel(text) || normalizeName(text) === 'nacional') return { code: text.toUpperCase(), label: text, isTotal: true };
        return unreadable(text, headers[column]!, `no hay una entidad federativa "${text}".`);
      }
      if (found && found.state !== result.state) {
        return {
          code: found.state.iso,
          label: found.state.shortName,
          issue: {
            code: 'code_mismatch',
            severity: 'error',
            column: headers[column]!,
            message: `"${text}" (${result.state.shortName}) no es la entidad de la columna "${headers[found.column]}" (${found.state.shortName}); se conserva ${found.state.iso}.`,
          },
        };
      }
      if (result.matched) matchedFrom = { text, column };
      found ??= { state: result.state, column };
    }
    if (!found) return unreadable('', headers[columns[0]!]!, 'falta la entidad federativa.');
    const reading: Reading = { code: found.state.iso, label: found.state.shortName };
    if (matchedFrom) {
      reading.issue = {
        code: 'code_matched',
        severity: 'warning',
        column: headers[matchedFrom.column]!,
        message: `"${matchedFrom.text}" se leyó como la entidad ${found.state.iso} (${found.state.shortName}).`,
      };
    }
    return reading;
  };
}

function municipalityReader(columns: number[], headers: string[], roles: Role[], stateColumn: number | undefined): DimensionReader['read'] {
  const geo = columns.find((column) => roles[column] === 'municipality_geo');
  const cve = columns.find((column) => roles[column] === 'municipality_cve');
  const name = columns.find((column) => roles[column] === 'municipality_any');
  return (cells) => {
    let code: string;
    let header: string;
    if (geo !== undefined || cve === undefined || stateColumn === undefined) {
      const column = geo ?? name ?? cve!;
      header = headers[column]!;
      code = (cells[column] ?? '').trim();
      if (/^\d{4}$/.test(code)) code = `0${code}`;
    } else {
      header = headers[cve]!;
      const state = (cells[stateColumn] ?? '').trim();
      const municipality = (cells[cve] ?? '').trim();
      code = /^\d{1,2}$/.test(state) && /^\d{1,3}$/.test(municipality) ? `${state.padStart(2, '0')}${municipality.padStart(3, '0')}` : `${state}${municipality}`;
    }
    if (!/^\d{5}$/.test(code) || !STATE_BY_CVE.has(code.slice(0, 2))) {
      return unreadable(code, header, `"${code}" no es una clave INEGI de municipio (cinco cifras, las dos primeras de la entidad).`);
    }
    const label = name !== undefined && name !== geo ? (cells[name] ?? '').trim() : '';
    return { code, label: label === '' || label === code ? code : label };
  };
}

const SEX_LABELS = new Map([
  ['hombre', 'Hombres'],
  ['hombres', 'Hombres'],
  ['mujer', 'Mujeres'],
  ['mujeres', 'Mujeres'],
]);

function categoryReading(text: string): Reading {
  if (text === '') return { code: NOT_APPLICABLE_CODE, label: NOT_APPLICABLE_LABEL };
  return isTotalLabel(text) ? { code: text, label: text, isTotal: true } : { code: text, label: text };
}

// ── Measures ───────────────────────────────────────────────────────────────────────────────────

function unitOf(header: string): MeasureUnit {
  const words = toIdentifier(header);
  if (/(^|_)(victims?|victimas?|personas?|poblacion|population|ninas?|ninos?|nna)(_|$)/.test(words)) return 'persons';
  if (/(^|_)(casos?|delitos?|carpetas?|denuncias?|causas?|cases?)(_|$)/.test(words)) return 'cases';
  if (/(^|_)(pesos|presupuesto|mxn|monto|importe)(_|$)/.test(words)) return 'mxn';
  if (/(^|_)(pct|porcentaje|percent|percentage|por_ciento)(_|$)/.test(words) || header.includes('%')) return 'percent';
  return 'other';
}

function scaleOf(header: string): number {
  const words = toIdentifier(header);
  if (/(^|_)millones(_|$)/.test(words)) return 1e6;
  if (/(^|_)miles(_|$)/.test(words)) return 1e3;
  return 1;
}

function measureOf(code: string, label: string, unitHeader: string): Measure {
  // A header that says nothing of its unit ("#") may be named by its code ("denuncias").
  const unit = [unitHeader, code].map(unitOf).find((candidate) => candidate !== 'other') ?? 'other';
  return { code, label, unit, scale: scaleOf(unitHeader), isPersonCount: unit === 'persons' };
}

const isCount = (measure: Measure): boolean => measure.unit === 'persons' || measure.unit === 'cases';

// ── The table ──────────────────────────────────────────────────────────────────────────────────

/** One value cell of a row: which column, which measure, and the wide dimension's code when there is one. */
interface ValueColumn {
  column: number;
  measure: number;
  wideCode: string | null;
}

/** Where each row of `rows` is in the source: its row number, and the table's name when the source has several. */
export interface RowSource {
  row: number;
  table?: string;
}

/** A parsed dataset and, for each observation, the cell it was read from (for the checks to point at). */
export interface TableReading {
  dataset: ParsedDataset;
  sources: CellSource[];
}

const isBlankRow = (cells: string[]): boolean => cells.every((cell) => cell.trim() === '');

function emptyDataset(options: DatasetTableOptions, issues: DatasetIssue[]): ParsedDataset {
  return { metadata: { name: options.name }, dimensions: [], measures: [], observations: [], issues };
}

/** A table's measure columns in long form: the one asked, every non-dimension column, or the last numeric column. */
function chooseMeasureColumns(header: string[], rows: string[][], options: DatasetTableOptions, dimensionColumns: Set<number> | null): number[] {
  if (options.measure !== undefined) return [header.indexOf(options.measure)];
  if (dimensionColumns !== null) return header.map((_, column) => column).filter((column) => !dimensionColumns.has(column));
  for (let column = header.length - 1; column >= 0; column--) {
    if (roleOf(header[column]!) !== undefined) continue;
    let hasValue = false;
    let isNumeric = true;
    for (let index = 1; index < rows.length && isNumeric; index++) {
      const text = (rows[index]![column] ?? '').trim();
      if (text === '') continue;
      hasValue = true;
      isNumeric = parseSpanishAmount(text) !== null;
    }
    if (hasValue && isNumeric) return [column];
  }
  return [];
}

/** The text of a header with its year taken out: "Presupuesto destinado 2023 (millones de pesos)" → "Presupuesto destinado (millones de pesos)". */
const withoutYear = (header: string): string => header.replace(YEAR_IN_TEXT, (match, year: string) => match.replace(year, '')).replace(/\s+/g, ' ').trim();

/**
 * Reads a table without the scale and total checks (the callers that know more about their source
 * run those with what they know). `rowSources[i]` says where `rows[i]` is; default row i + firstRow.
 */
export function readTableCells(rows: string[][], options: DatasetTableOptions, rowSources?: readonly RowSource[]): TableReading {
  const firstRow = options.firstRow ?? 1;
  const sourceOf = (index: number): RowSource => rowSources?.[index] ?? { row: firstRow + index };
  const at = (index: number, column: string): CellSource => {
    const source = rowSources?.[index];
    if (source === undefined) return { row: firstRow + index, column };
    return source.table === undefined ? { row: source.row, column } : { row: source.row, column, table: source.table };
  };
  const header = (rows[0] ?? []).map((cell) => cell.trim());
  const identifierOf = (text: string): string => options.identifiers?.[text] ?? toIdentifier(text);
  const issues: DatasetIssue[] = [];
  if (header.length === 0) return { dataset: emptyDataset(options, [cellIssue('unknown_column', 'error', null, 'El archivo no tiene una fila de encabezados.')]), sources: [] };
  if (rows.length - 1 > MAX_DATASET_ROWS) {
    issues.push(
      cellIssue('too_many_rows', 'error', null, `El archivo tiene ${formatNumber(rows.length - 1)} filas de datos; el límite es ${formatNumber(MAX_DATASET_ROWS)}. Divídalo por año o por entidad.`),
    );
    return { dataset: emptyDataset(options, issues), sources: [] };
  }
  // In a wide table `measure` names the values; otherwise it is a column.
  const measureColumn = options.wideDimension === undefined ? options.measure : undefined;
  const missing = [...(options.dimensions ?? []), ...(measureColumn === undefined ? [] : [measureColumn])].filter((name) => !header.includes(name));
  if (missing.length > 0) {
    for (const name of missing) issues.push(cellIssue('unknown_column', 'error', { ...sourceOf(0), column: name }, `el archivo no tiene la columna "${name}".`));
    return { dataset: emptyDataset(options, issues), sources: [] };
  }

  // Wide form: value columns named by a year ("2023", "Presupuesto 2023 (millones de pesos)") or a total.
  const givenDimensions = options.dimensions === undefined ? null : new Set(options.dimensions.map((name) => header.indexOf(name)));
  const isWideHeader = (text: string): boolean => roleOf(text) === undefined && (YEAR_IN_TEXT.test(text) || isTotalLabel(text));
  const firstWide = header.findIndex((text, column) => !givenDimensions?.has(column) && isWideHeader(text));
  const isWide =
    options.wideDimension !== undefined ||
    (options.measure === undefined && firstWide > 0 && header.every((text, column) => (givenDimensions ? givenDimensions.has(column) : column < firstWide) || isWideHeader(text)));

  let dimensionColumns: number[];
  let valueColumns: ValueColumn[];
  const measures: Measure[] = [];
  let wide: { dimension: Dimension; codes: Map<string, DimensionCode> } | null = null;
  if (isWide) {
    dimensionColumns = givenDimensions ? [...givenDimensions] : header.map((_, column) => column).filter((column) => column < firstWide);
    const valueIndexes = header.map((_, column) => column).filter((column) => !dimensionColumns.includes(column));
    const wideCode = toIdentifier(options.wideDimension ?? 'period');
    const kind: DimensionKind = wideCode === 'period' || wideCode === 'year' ? 'period' : wideCode === 'sex' ? 'sex' : 'category';
    const codes = new Map<string, DimensionCode>();
    valueColumns = valueIndexes.map((column) => {
      const text = header[column]!;
      const year = kind === 'period' ? YEAR_IN_TEXT.exec(text)?.[1] : undefined;
      const code = year ?? (isTotalLabel(text) ? text.toUpperCase() : text);
      if (!codes.has(code)) codes.set(code, { code, label: year ?? text, ...(year === undefined && isTotalLabel(text) ? { isTotal: true } : {}) });
      return { column, measure: 0, wideCode: code };
    });
    const label = withoutYear(header[valueIndexes[0] ?? 0] ?? '');
    const hasNamedHeaders = valueIndexes.some((column) => YEAR_IN_TEXT.test(header[column]!) && withoutYear(header[column]!) !== '');
    const measureName = options.measure ?? (hasNamedHeaders ? label : null);
    measures.push(measureName === null ? measureOf('value', 'Valor', '') : measureOf(toIdentifier(measureName), measureName, measureName));
    wide = { dimension: { code: wideCode, label: kind === 'period' ? 'Periodo' : options.wideDimension!, kind, codes: [] }, codes };
  } else {
    const measureColumns = chooseMeasureColumns(header, rows, options, givenDimensions);
    if (measureColumns.length === 0) {
      issues.push(cellIssue('unknown_column', 'error', null, 'No se encontró una columna de valores numéricos; indique cuál es la medida.'));
      return { dataset: emptyDataset(options, issues), sources: [] };
    }
    dimensionColumns = givenDimensions ? [...givenDimensions] : header.map((_, column) => column).filter((column) => !measureColumns.includes(column));
    valueColumns = measureColumns.map((column, measure) => ({ column, measure, wideCode: null }));
    for (const column of measureColumns) measures.push(measureOf(identifierOf(header[column]!), header[column]!, header[column]!));
  }

  const readers = dimensionReaders(header, dimensionColumns, identifierOf);
  if (wide) readers.push({ dimension: wide.dimension, columns: [], read: () => ({ code: '', label: '' }) });
  const codeLists = readers.map(() => new Map<string, DimensionCode>());

  const observations: Observation[] = [];
  const sources: CellSource[] = [];
  const firstRowOfKey = new Map<string, number>();
  // A reading problem is reported once per distinct cells (with how many rows share it), not once per row.
  const readingIssues = new Map<string, { index: number; issue: NonNullable<Reading['issue']>; rows: number }>();
  const cache = readers.map(() => new Map<string, Reading>());
  const readingCodes: string[] = new Array<string>(readers.length);
  const wideIndex = wide ? readers.length - 1 : -1;

  for (let index = 1; index < rows.length; index++) {
    const cells = rows[index]!;
    if (isBlankRow(cells)) continue;
    let isRowInconsistent = false;
    for (let d = 0; d < readers.length; d++) {
      if (d === wideIndex) continue;
      const reader = readers[d]!;
      const cacheKey = reader.columns.length === 1 ? (cells[reader.columns[0]!] ?? '') : reader.columns.map((column) => cells[column] ?? '').join('\u0001');
      let reading = cache[d]!.get(cacheKey);
      if (reading === undefined) {
        reading = reader.read(cells);
        cache[d]!.set(cacheKey, reading);
      }
      readingCodes[d] = reading.code;
      if (!codeLists[d]!.has(reading.code)) {
        codeLists[d]!.set(reading.code, { code: reading.code, label: reading.label, ...(reading.isTotal ? { isTotal: true } : {}) });
      }
      if (reading.issue) {
        const issueKey = `${d}\u0000${cacheKey}`;
        const seen = readingIssues.get(issueKey);
        if (seen) seen.rows++;
        else readingIssues.set(issueKey, { index, issue: reading.issue, rows: 1 });
        isRowInconsistent ||= reading.issue.severity === 'error';
      }
    }
    const rowKey = readingCodes.join('\u0001');
    for (const valueColumn of valueColumns) {
      const measure = measures[valueColumn.measure]!;
      const columnName = header[valueColumn.column]!;
      const key: Record<string, string> = {};
      for (let d = 0; d < readers.length; d++) key[readers[d]!.dimension.code] = d === wideIndex ? valueColumn.wideCode! : readingCodes[d]!;
      const flags: ObservationFlag[] = isRowInconsistent ? ['inconsistent'] : [];
      const text = cells[valueColumn.column] ?? '';
      const where = at(index, columnName);
      let value: number | null;
      let comment: string | null = null;
      const trimmed = text.trim();
      if (trimmed === '') {
        value = null;
        flags.push('not_available');
        issues.push(cellIssue('blank', 'warning', where, 'celda en blanco: se guarda como no disponible, no como cero.'));
      } else {
        value = parseDigits(trimmed);
        if (value === null) value = parseSpanishAmount(trimmed);
        if (value === null) {
          addFlag(flags, 'inconsistent');
          comment = trimmed;
          issues.push(cellIssue('unreadable_value', 'error', where, `"${trimmed}" no es un número.`));
        } else if (hasWords(trimmed)) {
          comment = trimmed;
          issues.push(cellIssue('amount_in_words', 'warning', where, `"${trimmed}" está escrito con palabras; se leyó como ${formatNumber(value)}.`));
        }
        if (value !== null && isCount(measure)) {
          if (value < 0) {
            addFlag(flags, 'inconsistent');
            issues.push(cellIssue('negative', 'error', where, `un conteo no puede ser negativo (${trimmed}).`));
          } else if (!Number.isInteger(value)) {
            addFlag(flags, 'inconsistent');
            issues.push(cellIssue('not_integer', 'error', where, `un conteo debe ser un número entero (${trimmed}).`));
          }
        }
      }
      const duplicateKey = valueColumns.length === 1 ? rowKey : `${rowKey}\u0002${valueColumn.wideCode ?? ''}\u0002${measure.code}`;
      const firstIndex = firstRowOfKey.get(duplicateKey);
      if (firstIndex === undefined) firstRowOfKey.set(duplicateKey, observations.length);
      else {
        addFlag(flags, 'inconsistent');
        addFlag(observations[firstIndex]!.flags, 'inconsistent');
        issues.push(cellIssue('duplicate_key', 'error', where, `repite la clave de la fila ${sources[firstIndex]!.row} (${Object.values(key).join(', ')}).`));
      }
      observations.push({ key, measure: measure.code, value, flags, comment });
      sources.push(where);
    }
  }

  for (const { index, issue, rows: count } of readingIssues.values()) {
    const others = count > 1 ? ` (y otras ${formatNumber(count - 1)} filas con el mismo valor)` : '';
    issues.push(cellIssue(issue.code, issue.severity, at(index, issue.column), `${issue.message}${others}`));
  }
  if (wide) codeLists[wideIndex] = wide.codes;
  const dimensions = readers.map((reader, d) => ({ ...reader.dimension, codes: [...codeLists[d]!.values()] }));
  return { dataset: { metadata: { name: options.name }, dimensions, measures, observations, issues }, sources };
}

/** The dimensions the columns make: year and month one period, every state column one state, and so on. */
function dimensionReaders(header: string[], columns: number[], identifierOf: (header: string) => string): DimensionReader[] {
  const roles = header.map((text) => roleOf(text)) as Role[];
  const byRole = (wanted: readonly Role[]): number[] => columns.filter((column) => wanted.includes(roles[column]!));
  const readers: DimensionReader[] = [];
  const used = new Set<string>();
  const add = (code: string, label: string, kind: DimensionKind, readerColumns: number[], read: DimensionReader['read']): void => {
    let unique = code;
    for (let n = 2; used.has(unique); n++) unique = `${code.slice(0, 37)}_${n}`;
    used.add(unique);
    readers.push({ dimension: { code: unique, label, kind, codes: [] }, columns: readerColumns, read });
  };
  const cellOf = (cells: string[], column: number): string => (cells[column] ?? '').trim();

  const [year] = byRole(['year']);
  const [month] = byRole(['month']);
  const [period] = byRole(['period']);
  const stateColumns = byRole(['state_cve', 'state_iso', 'state_any']);
  const municipalityColumns = byRole(['municipality_geo', 'municipality_cve', 'municipality_any']);
  const handled = new Set<number>([...stateColumns, ...municipalityColumns]);
  for (const column of columns) {
    if (handled.has(column)) {
      if (column === stateColumns[0]) add('state', 'Entidad federativa', 'state', stateColumns, stateReader(stateColumns, header, roles));
      if (column === municipalityColumns[0]) {
        const stateCve = stateColumns.find((candidate) => roles[candidate] === 'state_cve');
        add('municipality', 'Municipio', 'municipality', municipalityColumns, municipalityReader(municipalityColumns, header, roles, stateCve));
      }
      continue;
    }
    const role = roles[column];
    const text = header[column]!;
    if (role === 'year' && column === year) {
      const monthHeader = month === undefined ? null : header[month]!;
      add('period', 'Periodo', 'period', month === undefined ? [column] : [column, month], (cells) =>
        readPeriod(cellOf(cells, column), month === undefined ? null : cellOf(cells, month), text, monthHeader),
      );
    } else if (role === 'month' && year !== undefined) continue;
    else if (role === 'period' && column === period) add('period', 'Periodo', 'period', [column], (cells) => readPeriodCode(cellOf(cells, column), text));
    else if (role === 'sex') {
      add('sex', 'Sexo', 'sex', [column], (cells) => {
        const code = cellOf(cells, column).toLowerCase();
        return code === '' ? categoryReading('') : { code, label: SEX_LABELS.get(code) ?? cellOf(cells, column) };
      });
    } else if (role === 'age_group') add('age_group', 'Grupo de edad', 'age_group', [column], (cells) => categoryReading(cellOf(cells, column)));
    else add(identifierOf(text), text, 'category', [column], (cells) => categoryReading(cellOf(cells, column)));
  }
  return readers;
}

/** Reads a table and runs the scale and total checks on it. */
export function readDatasetTable(rows: string[][], options: DatasetTableOptions): ParsedDataset {
  const { dataset, sources } = readTableCells(rows, options);
  checkScale(dataset, sources);
  checkTotals(dataset, sources);
  return dataset;
}

/** The separator a CSV uses: comma, or semicolon or tab when its header has more of them. */
function separatorOf(headerLine: string): string {
  const count = (separator: string): number => headerLine.split(separator).length - 1;
  const candidates = [',', ';', '\t'];
  return candidates.reduce((best, candidate) => (count(candidate) > count(best) ? candidate : best), ',');
}

/**
 * Reads a CSV file: leading `#` lines are its provenance (`# provenance: …` is kept verbatim in
 * metadata.provenance), the next line its header; rows are numbered as an editor shows them.
 */
export function readDatasetCsv(text: string, options: Omit<DatasetTableOptions, 'firstRow'>): ParsedDataset {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let provenance: string | null = null;
  let offset = 0;
  let commentLines = 0;
  while (offset < source.length && source[offset] === '#') {
    const end = source.indexOf('\n', offset);
    const line = source.slice(offset, end === -1 ? source.length : end).replace(/\r$/, '');
    const match = /^#\s*provenance:\s?(.*)$/i.exec(line);
    if (match) provenance = provenance === null ? match[1]! : `${provenance}\n${match[1]!}`;
    commentLines++;
    offset = end === -1 ? source.length : end + 1;
  }
  const body = source.slice(offset);
  const headerEnd = body.indexOf('\n');
  const rows = parseCsv(body, separatorOf(headerEnd === -1 ? body : body.slice(0, headerEnd)));
  const dataset = readDatasetTable(rows, { ...options, firstRow: commentLines + 1 });
  if (provenance !== null) dataset.metadata.provenance = provenance;
  return dataset;
}
