/**
 * What a dataset view shows, read from its address: the «Ver por» choice, the measure, count or rate,
 * public or internal, and the filters, each kept only when the dataset (and the person) allows it, so a
 * hand-edited or outdated address still shows a table instead of an error.
 */
import type { CrossTabRequest } from '../../api/statistics-resources';
import { canShowRate, chooseDefaultBy, listByChoices, type ByChoice, type DatasetDimension, type DatasetMeasure } from './cross-tab-rows';

/** The address parameters, as the route reads them (plain strings). */
export interface DatasetSearch {
  por?: string;
  cifra?: string;
  vista?: string;
  medida?: string;
  revision?: number;
  /** `dimension:code`, one per chosen code. */
  filtro?: string[];
}

export interface DatasetSelection {
  choices: ByChoice[];
  by: ByChoice | undefined;
  measure: DatasetMeasure | undefined;
  isRateAvailable: boolean;
  /** Chosen codes by dimension: only dimensions and codes the dataset has. */
  where: Record<string, string[]>;
  kind: CrossTabRequest['kind'];
  view: CrossTabRequest['view'];
}

interface SelectionContext {
  dimensions: readonly DatasetDimension[];
  measures: readonly DatasetMeasure[];
  hasPopulation: boolean;
  canViewInternal: boolean;
}

/** `sex:mujer` → ['sex', 'mujer']; a dimension's code is lower-case ASCII, so the first colon ends it. */
function splitFilter(item: string): [string, string] | null {
  const colon = item.indexOf(':');
  return colon > 0 ? [item.slice(0, colon), item.slice(colon + 1)] : null;
}

export function readSelection(search: DatasetSearch, { dimensions, measures, hasPopulation, canViewInternal }: SelectionContext): DatasetSelection {
  const choices = listByChoices(dimensions);
  const by = choices.find((choice) => choice.value === search.por) ?? chooseDefaultBy(choices);
  const measure = measures.find((entry) => entry.code === search.medida) ?? measures[0];
  const isRateAvailable = canShowRate(measure, hasPopulation);
  const where: Record<string, string[]> = {};
  for (const item of search.filtro ?? []) {
    const parts = splitFilter(item);
    const dimension = parts && dimensions.find((entry) => entry.code === parts[0]);
    if (!parts || !dimension || !dimension.codes.some((entry) => entry.code === parts[1])) continue;
    const codes = (where[dimension.code] ??= []);
    if (!codes.includes(parts[1])) codes.push(parts[1]);
  }
  return {
    choices,
    by,
    measure,
    isRateAvailable,
    where,
    kind: isRateAvailable && search.cifra === 'rate' ? 'rate' : 'count',
    view: canViewInternal && search.vista === 'internal' ? 'internal' : 'public',
  };
}

/** The filters as the address keeps them, one `dimension:code` per code. */
export function toFilterSearch(where: Readonly<Record<string, readonly string[]>>): string[] | undefined {
  const items = Object.entries(where).flatMap(([dimension, codes]) => codes.map((code) => `${dimension}:${code}`));
  return items.length > 0 ? items : undefined;
}
