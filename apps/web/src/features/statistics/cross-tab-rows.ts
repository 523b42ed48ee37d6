/**
 * What the dataset pages draw from a dataset and its cross-tab: the «Ver por» choices and the chart
 * each one gets, the one-dimensional table's rows, and how a cell's number is written.
 */
import type { CrossTabView, DatasetDetailView, DimensionKind, ObservationFlag } from '@telar/domain';
import { t, type MessageKey } from '../../i18n/translate';

export type DatasetDimension = DatasetDetailView['dimensions'][number];
export type DatasetMeasure = DatasetDetailView['measures'][number];

/** The picture beside the table: a map for states, a line over time for periods, bars for the rest. */
export type ChartKind = 'map' | 'series' | 'bars';

/** One «Ver por» choice: a dimension, or a level another dimension rolls up to (a month's year). */
export interface ByChoice {
  value: string;
  label: string;
  chart: ChartKind;
  /** The order its codes are shown in when the chart does not sort them (the dimension's own list). */
  codeOrder: readonly string[];
}

const CHART_OF_KIND: Record<DimensionKind, ChartKind> = {
  state: 'map',
  period: 'series',
  municipality: 'bars',
  sex: 'bars',
  age_group: 'bars',
  category: 'bars',
};

const LEVEL_CHARTS: Record<string, ChartKind> = { year: 'series', quarter: 'series', month: 'series', state: 'map', municipality: 'bars' };
const LEVEL_LABELS: Record<string, MessageKey> = {
  year: 'statistics.level.year',
  quarter: 'statistics.level.quarter',
  month: 'statistics.level.month',
  state: 'statistics.level.state',
  municipality: 'statistics.level.municipality',
};

/** Every dimension, then the levels they roll up to that are not dimensions themselves, once each. */
export function listByChoices(dimensions: readonly DatasetDimension[]): ByChoice[] {
  const choices = new Map<string, ByChoice>();
  for (const dimension of dimensions) {
    choices.set(dimension.code, { value: dimension.code, label: dimension.label, chart: CHART_OF_KIND[dimension.kind], codeOrder: dimension.codes.map((entry) => entry.code) });
  }
  for (const dimension of dimensions) {
    for (const level of dimension.levels) {
      if (choices.has(level)) continue;
      const labelKey = LEVEL_LABELS[level];
      choices.set(level, { value: level, label: labelKey ? t(labelKey) : level, chart: LEVEL_CHARTS[level] ?? 'bars', codeOrder: [] });
    }
  }
  return [...choices.values()];
}

/** A filter's options under one heading (a period's years, quarters or months). */
export interface CodeGroup {
  /** null: the options stand alone, without an <optgroup>. */
  label: string | null;
  codes: DatasetDimension['codes'];
}

const PERIOD_GROUPS: readonly { pattern: RegExp; label: MessageKey }[] = [
  { pattern: /^\d{4}$/, label: 'statistics.filter.years' },
  { pattern: /^\d{4}-Q[1-4]$/, label: 'statistics.filter.quarters' },
  { pattern: /^\d{4}-(0[1-9]|1[0-2])$/, label: 'statistics.filter.months' },
];

/**
 * A dimension's codes as its filter offers them. A period's list holds its years and quarters beside its
 * months (a year asked for stands for its months), so they are grouped by level; other kinds in one list.
 */
export function groupFilterCodes(dimension: DatasetDimension): CodeGroup[] {
  if (dimension.kind !== 'period') return [{ label: null, codes: dimension.codes }];
  const groups = PERIOD_GROUPS.map(({ pattern, label }) => ({ label: t(label), codes: dimension.codes.filter((entry) => pattern.test(entry.code)) }));
  const others = dimension.codes.filter((entry) => !PERIOD_GROUPS.some(({ pattern }) => pattern.test(entry.code)));
  const filled = [...groups, { label: t('statistics.filter.other'), codes: others }].filter((group) => group.codes.length > 0);
  return filled.length > 1 ? filled : [{ label: null, codes: dimension.codes }];
}

/** The first view offered: the map when there are states, else the time series, else the first dimension. */
export function chooseDefaultBy(choices: readonly ByChoice[]): ByChoice | undefined {
  return choices.find((choice) => choice.chart === 'map') ?? choices.find((choice) => choice.chart === 'series') ?? choices[0];
}

/** A rate per 100,000 children needs a count of persons and a population to divide it by. */
export function canShowRate(measure: DatasetMeasure | undefined, hasPopulation: boolean): boolean {
  return !!measure && measure.isPersonCount && hasPopulation;
}

/** One row of the one-dimensional table: a code of the «Ver por» dimension and its cell. */
export interface StatRow {
  code: string;
  label: string;
  value: number | null;
  flag: ObservationFlag | null;
}

export interface StatTableRows {
  rows: StatRow[];
  /** The grand total (the margin with an empty key), when the cross-tab has one. */
  total: StatRow | null;
}

const isEmptyKey = (key: Record<string, string>) => Object.keys(key).length === 0;

type OrderedChoice = Pick<ByChoice, 'value' | 'chart' | 'codeOrder'>;

/** Periods oldest first, other codes in the dimension's own order (codes it does not list go last, by label). */
function compareCodes(choice: OrderedChoice): (a: { code: string; label: string }, b: { code: string; label: string }) => number {
  const position = new Map(choice.codeOrder.map((code, index) => [code, index]));
  const rank = (entry: { code: string }) => position.get(entry.code) ?? Number.MAX_SAFE_INTEGER;
  return (a, b) => (choice.chart === 'series' ? a.code.localeCompare(b.code) : rank(a) - rank(b) || a.label.localeCompare(b.label, 'es-MX'));
}

const grandTotal = (view: CrossTabView) => {
  const grand = view.margins.find((margin) => isEmptyKey(margin.key));
  return grand ? { value: grand.value, flag: grand.flag } : null;
};

/** The rows of a cross-tab asked `by` one dimension, in the dimension's order, and the grand total apart. */
export function buildStatRows(view: CrossTabView, choice: OrderedChoice): StatTableRows {
  const labels = view.labels[choice.value] ?? {};
  const rows = view.cells.flatMap((cell): StatRow[] => {
    const code = cell.key[choice.value];
    return code === undefined ? [] : [{ code, label: labels[code] ?? code, value: cell.value, flag: cell.flag }];
  });
  rows.sort(compareCodes(choice));
  const grand = grandTotal(view);
  return { rows, total: grand ? { code: '', label: t('statistics.table.total'), ...grand } : null };
}

/** One row of a cross-tab asked by one or more dimensions: a label per dimension and the cell. */
export interface CrossTabRow {
  labels: string[];
  value: number | null;
  flag: ObservationFlag | null;
}

/** The rows of a cross-tab asked `by` several dimensions, ordered by the first, then the next; the grand total apart. */
export function buildCrossTabRows(view: CrossTabView, choices: readonly OrderedChoice[]): { rows: CrossTabRow[]; total: Pick<StatRow, 'value' | 'flag'> | null } {
  const entries = view.cells.flatMap((cell) => {
    const keys = choices.map((choice) => cell.key[choice.value]);
    if (keys.some((code) => code === undefined)) return [];
    const parts = choices.map((choice, index) => ({ code: keys[index]!, label: view.labels[choice.value]?.[keys[index]!] ?? keys[index]! }));
    return [{ parts, value: cell.value, flag: cell.flag }];
  });
  const comparers = choices.map(compareCodes);
  entries.sort((a, b) => comparers.reduce((order, compare, index) => order || compare(a.parts[index]!, b.parts[index]!), 0));
  return { rows: entries.map(({ parts, value, flag }) => ({ labels: parts.map((part) => part.label), value, flag })), total: grandTotal(view) };
}

/** Flags that keep a value out of a ranking: nothing to compare, or a number that cannot be compared fairly. */
const UNRANKED_FLAGS: ReadonlySet<ObservationFlag> = new Set(['suppressed', 'not_available', 'unreliable', 'inconsistent']);

/** The states (or categories) ranked by value, highest first; suppressed and unreliable ones are left out. */
export function rankRows(rows: readonly StatRow[]): StatRow[] {
  return rows
    .filter((row) => row.value !== null && !(row.flag && UNRANKED_FLAGS.has(row.flag)))
    .sort((a, b) => b.value! - a.value! || a.label.localeCompare(b.label, 'es-MX'));
}

const countFormat = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 2 });
const rateFormat = new Intl.NumberFormat('es-MX', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A count as published (es-MX grouping), a rate with two decimals. */
export function formatStatValue(value: number, kind: CrossTabView['kind']): string {
  return (kind === 'rate' ? rateFormat : countFormat).format(value);
}

/**
 * What a cell says: «Confidencial» for a suppressed cell (never its number, even if one came), «n.d.» for
 * a value the source left blank, else the number.
 */
export function formatStatCell(row: Pick<StatRow, 'value' | 'flag'>, kind: CrossTabView['kind']): string {
  if (row.flag === 'suppressed') return t('statistics.cell.suppressed');
  if (row.value === null) return t('statistics.cell.notAvailable');
  return formatStatValue(row.value, kind);
}

/** Flags a cell without a number says in words («Confidencial», «n.d.») instead of a mark. */
const SPOKEN_FLAGS: ReadonlySet<ObservationFlag> = new Set(['suppressed', 'not_available']);

/** Whether a cell's flag goes beside it as a mark: a number carries its mark; a sum with a blank part keeps «n.d.» beside it. */
export function hasFlagMark(row: Pick<StatRow, 'value' | 'flag'>): boolean {
  return !!row.flag && row.flag !== 'suppressed' && (row.value !== null || !SPOKEN_FLAGS.has(row.flag));
}

/** Whether a flag is said in words in the cell (so a legend shows those words, not a mark). */
export const isSpokenFlag = (flag: ObservationFlag): boolean => SPOKEN_FLAGS.has(flag);

/**
 * The domain's FLAG_PRECEDENCE (the test keeps them equal), written here so the portal's pages do not
 * load the domain's schemas (and zod) for one list.
 */
export const LEGEND_FLAG_ORDER = ['suppressed', 'not_available', 'inconsistent', 'unreliable', 'break', 'estimated', 'provisional'] as const satisfies readonly ObservationFlag[];

/** The flags a table shows, most telling first, so the legend lists only those present. */
export function collectFlags(rows: readonly Pick<StatRow, 'flag'>[]): ObservationFlag[] {
  const present = new Set(rows.flatMap((row) => (row.flag ? [row.flag] : [])));
  return LEGEND_FLAG_ORDER.filter((flag) => present.has(flag));
}
