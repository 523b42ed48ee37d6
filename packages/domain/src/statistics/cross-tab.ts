/**
 * A cross-tab's margins, computed from its cells: what disclosure control, rates and every download
 * start from.
 */
import { type CrossTab, type ObservationFlag, shownFlag, type TableCell } from './model.js';

/** One string per key, dimensions in name order, so two keys with the same codes match whatever their field order. */
export const crossTabKeyId = (key: Record<string, string>): string =>
  JSON.stringify(
    Object.keys(key)
      .sort()
      .map((dimension) => [dimension, key[dimension]]),
  );

/** The codes of a dimension in the order the cells first show them. */
const codesInCells = (dimension: string, cells: readonly TableCell[]): string[] => [...new Set(cells.map((cell) => cell.key[dimension] ?? ''))];

/**
 * The total of some cells: the sum of their non-null values, null only when every part is null (then
 * `not_available`, since nothing is known). Its flag is the one shown for its parts' flags, but never
 * `suppressed`: a part withheld by disclosure control does not make the total itself confidential.
 */
function totalOf(key: Record<string, string>, parts: readonly TableCell[]): TableCell {
  const flags = new Set<ObservationFlag>(parts.flatMap((part) => (part.flag !== null && part.flag !== 'suppressed' ? [part.flag] : [])));
  const values = parts.flatMap((part) => (part.value === null ? [] : [part.value]));
  if (values.length === 0) flags.add('not_available');
  return { key, value: values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0), flag: shownFlag([...flags]) };
}

/**
 * A cross-tab from its cells (one per combination of codes of `dimensions`):
 * - no dimension: the cells are added into one grand-total cell (key {}) and there are no margins;
 * - one dimension: the only margin is the grand total ({}) — a margin per code would repeat its cell —
 *   so the one additive relation is "grand total = sum of cells";
 * - two or more: a margin per code of each dimension ({dim: code}), in the order the cells show the
 *   codes, dimension by dimension, then the grand total ({}).
 */
export function buildCrossTab(dimensions: string[], cells: TableCell[]): CrossTab {
  const incomplete = cells.find((cell) => dimensions.some((dimension) => cell.key[dimension] === undefined));
  if (incomplete) throw new Error(`Cross-tab cell ${crossTabKeyId(incomplete.key)} lacks a code of ${dimensions.join(', ')}`);
  const grandTotal = totalOf({}, cells);
  if (dimensions.length === 0) return { dimensions: [], cells: [grandTotal], margins: [] };
  if (dimensions.length === 1) return { dimensions: [...dimensions], cells: [...cells], margins: [grandTotal] };
  const margins = dimensions.flatMap((dimension) =>
    codesInCells(dimension, cells).map((code) =>
      totalOf(
        { [dimension]: code },
        cells.filter((cell) => cell.key[dimension] === code),
      ),
    ),
  );
  return { dimensions: [...dimensions], cells: [...cells], margins: [...margins, grandTotal] };
}
