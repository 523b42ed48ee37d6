/**
 * Disclosure control of a cross-tab of counts of persons: small counts are withheld (primary
 * suppression) and then more values, so that no withheld value can be worked out from the published
 * additive relations (secondary suppression): neither by subtraction in one relation that has a single
 * suppressed member, nor by adding and subtracting several (in a 2-D table, a suppressed cell that is
 * the only link between two groups of suppressed cells is found by adding up the rows of one group
 * and subtracting its columns).
 */
import { crossTabKeyId } from './cross-tab.js';
import type { CrossTab, TableCell } from './model.js';

/** A published "total = sum of parts": `members` are indices into cells then margins, total first. */
interface AdditiveRelation {
  members: number[];
  description: string;
}

const isSmallCount = (value: number | null, threshold: number): boolean => value !== null && value > 0 && value < threshold;

const describeKey = (key: Record<string, string>): string => {
  const parts = Object.entries(key).map(([dimension, code]) => `${dimension}=${code}`);
  return parts.length === 0 ? 'the grand total' : `{${parts.join(', ')}}`;
};

/**
 * The relations a cross-tab publishes (cells and margins together, cells first):
 * - one dimension: grand total = sum of cells;
 * - two or more: for each dimension d and code c, margin {d: c} = sum of the cells with d = c; and for
 *   each dimension d, grand total = sum of the margins by d.
 * A relation whose total the table lacks publishes nothing and is left out.
 */
function additiveRelations(table: CrossTab): AdditiveRelation[] {
  const entries = [...table.cells, ...table.margins];
  const indexOf = new Map(entries.map((entry, index) => [crossTabKeyId(entry.key), index]));
  const cellIndices = table.cells.map((_, index) => index);
  const grandTotal = indexOf.get(crossTabKeyId({}));
  if (table.dimensions.length === 0) return [];
  if (table.dimensions.length === 1) return grandTotal === undefined ? [] : [{ members: [grandTotal, ...cellIndices], description: 'grand total = sum of cells' }];
  const relations: AdditiveRelation[] = [];
  const marginsByDimension = table.dimensions.map((dimension) => {
    const margins = table.margins.flatMap((margin, index) => {
      const dimensions = Object.keys(margin.key);
      return dimensions.length === 1 && dimensions[0] === dimension ? [table.cells.length + index] : [];
    });
    for (const margin of margins) {
      const code = entries[margin]!.key[dimension];
      relations.push({
        members: [margin, ...cellIndices.filter((cell) => table.cells[cell]!.key[dimension] === code)],
        description: `total ${describeKey(entries[margin]!.key)} = sum of cells with ${dimension}=${code}`,
      });
    }
    return { dimension, margins };
  });
  if (grandTotal !== undefined) {
    for (const { dimension, margins } of marginsByDimension) {
      relations.push({ members: [grandTotal, ...margins], description: `grand total = sum of the totals by ${dimension}` });
    }
  }
  return relations;
}

/**
 * The suppressed entries whose value follows exactly from the relations, given every visible value:
 * Gauss–Jordan elimination of the relations restricted to the suppressed entries (sparse rows; the
 * coefficients start at ±1). An entry is worked out when a reduced row has it alone.
 */
function workedOutEntries(relations: readonly AdditiveRelation[], isSuppressed: (entry: number) => boolean): number[] {
  const EPSILON = 1e-9;
  const rows = relations.map((relation) => {
    const row = new Map<number, number>();
    relation.members.forEach((member, position) => {
      if (isSuppressed(member)) row.set(member, (row.get(member) ?? 0) + (position === 0 ? 1 : -1));
    });
    return row;
  });
  const rowsWith = new Map<number, Set<number>>();
  rows.forEach((row, index) => row.forEach((_, entry) => rowsWith.set(entry, (rowsWith.get(entry) ?? new Set()).add(index))));
  const isPivot = rows.map(() => false);
  for (const entry of [...rowsWith.keys()].sort((a, b) => a - b)) {
    const holders = [...rowsWith.get(entry)!];
    const pivot = holders.filter((index) => !isPivot[index]).sort((a, b) => rows[a]!.size - rows[b]!.size || a - b)[0];
    if (pivot === undefined) continue;
    isPivot[pivot] = true;
    const pivotRow = rows[pivot]!;
    const scale = pivotRow.get(entry)!;
    for (const [other, coefficient] of pivotRow) pivotRow.set(other, coefficient / scale);
    for (const index of holders) {
      if (index === pivot) continue;
      const row = rows[index]!;
      const factor = row.get(entry)!;
      for (const [other, coefficient] of pivotRow) {
        const value = (row.get(other) ?? 0) - factor * coefficient;
        if (Math.abs(value) < EPSILON) {
          row.delete(other);
          rowsWith.get(other)!.delete(index);
        } else {
          if (!row.has(other)) rowsWith.get(other)!.add(index);
          row.set(other, value);
        }
      }
    }
  }
  return rows.flatMap((row, index) => (isPivot[index] && row.size === 1 ? [...row.keys()] : [])).sort((a, b) => a - b);
}

/**
 * The table as the public may see it: every cell or margin from 1 to threshold − 1 suppressed, then,
 * while a relation has exactly one suppressed member, one more member of it suppressed; and when a
 * suppressed entry can still be worked out by combining relations, one more member of a relation it
 * is in, and again. The one chosen is the cheapest: the smallest non-zero value, then one that also
 * fixes another exposed relation, then a cell before a margin, then by key; zeros (and values not
 * available) only when nothing else is left. Each step suppresses a new entry and a table with every
 * entry suppressed gives nothing away, so it ends. A suppressed entry has value null and flag `suppressed`.
 */
export function protectCrossTab(table: CrossTab, threshold: number): CrossTab {
  const entries: TableCell[] = [...table.cells, ...table.margins];
  const relations = additiveRelations(table);
  const relationsOf = entries.map(() => [] as number[]);
  relations.forEach((relation, index) => relation.members.forEach((member) => relationsOf[member]!.push(index)));
  const suppressed = entries.map((entry) => entry.flag === 'suppressed' || isSmallCount(entry.value, threshold));
  const suppressedCount = relations.map((relation) => relation.members.filter((member) => suppressed[member]).length);

  const costClass = (value: number | null) => (value === null ? 2 : value === 0 ? 1 : 0);
  const cheapest = (candidates: readonly number[], exposed: number | null) =>
    candidates
      .filter((member) => !suppressed[member])
      .map((member) => ({
        member,
        value: entries[member]!.value,
        fixes: relationsOf[member]!.filter((relation) => relation !== exposed && suppressedCount[relation] === 1).length,
        isCell: member < table.cells.length,
        id: crossTabKeyId(entries[member]!.key),
      }))
      .sort(
        (a, b) =>
          costClass(a.value) - costClass(b.value) ||
          Math.abs(a.value ?? 0) - Math.abs(b.value ?? 0) ||
          b.fixes - a.fixes ||
          Number(b.isCell) - Number(a.isCell) ||
          (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      )[0]?.member;
  const suppress = (member: number) => {
    suppressed[member] = true;
    for (const relation of relationsOf[member]!) suppressedCount[relation]! += 1;
  };

  for (;;) {
    // A relation has at least two members, so one with a single suppressed member always has another.
    for (let exposed = suppressedCount.indexOf(1); exposed !== -1; exposed = suppressedCount.indexOf(1)) suppress(cheapest(relations[exposed]!.members, exposed)!);
    const [workedOut] = workedOutEntries(relations, (entry) => suppressed[entry]!);
    if (workedOut === undefined) break;
    // Normally a member of a relation it is in; failing that, anything left (everything suppressed is safe).
    const neighbours = relationsOf[workedOut]!.flatMap((relation) => relations[relation]!.members);
    suppress((cheapest(neighbours, null) ?? cheapest(entries.map((_, index) => index), null))!);
  }

  const publish = (entry: TableCell, index: number): TableCell => (suppressed[index] ? { key: entry.key, value: null, flag: 'suppressed' } : entry);
  return {
    dimensions: [...table.dimensions],
    cells: table.cells.map(publish),
    margins: table.margins.map((margin, index) => publish(margin, table.cells.length + index)),
  };
}

/**
 * What in a table could identify a person, in English for tests and logs: each visible value from 1 to
 * threshold − 1, each suppressed entry that still carries a number, each relation with exactly one
 * suppressed member and each suppressed entry that combining relations works out. Empty when the
 * table is safe to publish.
 */
export function disclosureRisks(table: CrossTab, threshold: number): string[] {
  const entries = [...table.cells, ...table.margins];
  const isSuppressed = (entry: TableCell) => entry.flag === 'suppressed';
  const risks = entries.flatMap((entry) => {
    if (isSuppressed(entry) && entry.value !== null) return [`suppressed ${describeKey(entry.key)} still shows ${entry.value}`];
    if (!isSuppressed(entry) && isSmallCount(entry.value, threshold)) return [`${describeKey(entry.key)} shows ${entry.value}, under the threshold of ${threshold}`];
    return [];
  });
  const relations = additiveRelations(table);
  const alone = new Set<number>();
  for (const relation of relations) {
    const hidden = relation.members.filter((member) => isSuppressed(entries[member]!));
    if (hidden.length !== 1) continue;
    alone.add(hidden[0]!);
    risks.push(`${relation.description}: ${describeKey(entries[hidden[0]!]!.key)} is its only suppressed member and can be worked out`);
  }
  for (const entry of workedOutEntries(relations, (index) => isSuppressed(entries[index]!))) {
    if (!alone.has(entry)) risks.push(`suppressed ${describeKey(entries[entry]!.key)} can be worked out by combining totals`);
  }
  return risks;
}
