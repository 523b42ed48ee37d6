/**
 * Disclosure control of a cross-tab of counts of persons: small counts are withheld (primary
 * suppression) and, in every additive relation the table publishes, a withheld value never stands
 * alone, so it cannot be worked out by subtraction (secondary suppression).
 *
 * The rule is the one-member rule on the published relations: a relation with one suppressed member
 * gives it away; with two or more it does not by itself. It does not audit combinations of relations
 * (in a large 2-D table a chain of suppressions can still be pinned down by adding rows and columns
 * together); those patterns are rare and would need linear programming to rule out.
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
 * The table as the public may see it: every cell or margin from 1 to threshold − 1 suppressed, then,
 * while a relation has exactly one suppressed member, one more member of it suppressed — the cheapest:
 * the smallest non-zero value, then one that also fixes another exposed relation, then a cell before a
 * margin, then by key; zeros (and values not available) only when nothing else is left. Each step
 * suppresses a new member, so it ends. A suppressed entry has value null and flag `suppressed`.
 */
export function protectCrossTab(table: CrossTab, threshold: number): CrossTab {
  const entries: TableCell[] = [...table.cells, ...table.margins];
  const relations = additiveRelations(table);
  const relationsOf = entries.map(() => [] as number[]);
  relations.forEach((relation, index) => relation.members.forEach((member) => relationsOf[member]!.push(index)));
  const suppressed = entries.map((entry) => entry.flag === 'suppressed' || isSmallCount(entry.value, threshold));
  const suppressedCount = relations.map((relation) => relation.members.filter((member) => suppressed[member]).length);

  const costClass = (value: number | null) => (value === null ? 2 : value === 0 ? 1 : 0);
  for (let exposed = suppressedCount.indexOf(1); exposed !== -1; exposed = suppressedCount.indexOf(1)) {
    const fixesOthers = (member: number) => relationsOf[member]!.filter((relation) => relation !== exposed && suppressedCount[relation] === 1).length;
    const [cheapest] = relations[exposed]!.members
      .filter((member) => !suppressed[member])
      .map((member) => ({ member, value: entries[member]!.value, fixes: fixesOthers(member), isCell: member < table.cells.length, id: crossTabKeyId(entries[member]!.key) }))
      .sort(
        (a, b) =>
          costClass(a.value) - costClass(b.value) ||
          Math.abs(a.value ?? 0) - Math.abs(b.value ?? 0) ||
          b.fixes - a.fixes ||
          Number(b.isCell) - Number(a.isCell) ||
          (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
    // A relation has at least two members, so one with a single suppressed member always has another.
    suppressed[cheapest!.member] = true;
    for (const relation of relationsOf[cheapest!.member]!) suppressedCount[relation]! += 1;
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
 * threshold − 1, each suppressed entry that still carries a number, and each relation with exactly
 * one suppressed member. Empty when the table is safe to publish.
 */
export function disclosureRisks(table: CrossTab, threshold: number): string[] {
  const entries = [...table.cells, ...table.margins];
  const isSuppressed = (entry: TableCell) => entry.flag === 'suppressed';
  const risks = entries.flatMap((entry) => {
    if (isSuppressed(entry) && entry.value !== null) return [`suppressed ${describeKey(entry.key)} still shows ${entry.value}`];
    if (!isSuppressed(entry) && isSmallCount(entry.value, threshold)) return [`${describeKey(entry.key)} shows ${entry.value}, under the threshold of ${threshold}`];
    return [];
  });
  for (const relation of additiveRelations(table)) {
    const hidden = relation.members.filter((member) => isSuppressed(entries[member]!));
    if (hidden.length === 1) risks.push(`${relation.description}: ${describeKey(entries[hidden[0]!]!.key)} is its only suppressed member and can be worked out`);
  }
  return risks;
}
