/**
 * Matching the labels of an imported document (or the headers of a spreadsheet) against a
 * dictionary of known labels with their variants. Keys are compared after `normalizeLabel`:
 * an equal key is an exact match; otherwise the most similar label is taken when it is close
 * enough and clearly closer than any label of another field (the margin), and the match is
 * "close" so that the caller can warn which label it took; two fields about as close are
 * "ambiguous", which callers report as an error rather than guess.
 */
import { normalizeLabel } from './normalize.js';

/** Similarity (1 − edit distance ÷ longer length) a label needs to be taken as a close match. */
export const LABEL_SIMILARITY_THRESHOLD = 0.8;
/** How much closer the best field must be than the next one. */
export const LABEL_SIMILARITY_MARGIN = 0.1;

export type LabelMatch<F extends string> =
  | { kind: 'exact'; field: F; label: string }
  | { kind: 'close'; field: F; label: string; similarity: number }
  | { kind: 'ambiguous'; labels: string[] }
  | { kind: 'none' };

interface DictionaryEntry<F extends string> {
  field: F;
  label: string;
  key: string;
}

export interface LabelMatcher<F extends string> {
  /** With `similar` false, only an exact match counts (and nothing is computed beyond the key). */
  match(text: string, similar?: boolean): LabelMatch<F>;
  /** Dictionary entries whose key starts with the words of `text` (a label cut by a page break). */
  entries: readonly DictionaryEntry<F>[];
}

/** `dictionary`: each field with its canonical label first, then its variants. */
export function createLabelMatcher<F extends string>(dictionary: Record<F, readonly string[]>): LabelMatcher<F> {
  const entries = (Object.entries(dictionary) as [F, readonly string[]][]).flatMap(([field, labels]) =>
    labels.map((label) => ({ field, label: labels[0] ?? label, key: normalizeLabel(label) })),
  );
  const exact = new Map(entries.map((entry) => [entry.key, entry]));
  return {
    entries,
    match(text, similar = true) {
      const key = normalizeLabel(text);
      if (key === '') return { kind: 'none' };
      const found = exact.get(key);
      if (found) return { kind: 'exact', field: found.field, label: found.label };
      if (!similar) return { kind: 'none' };
      // Best similarity per field.
      const best = new Map<F, { label: string; similarity: number }>();
      for (const entry of entries) {
        const similarity = computeSimilarity(key, entry.key, LABEL_SIMILARITY_THRESHOLD - LABEL_SIMILARITY_MARGIN);
        if (similarity > (best.get(entry.field)?.similarity ?? -1)) best.set(entry.field, { label: entry.label, similarity });
      }
      const ranked = [...best.entries()].sort((a, b) => b[1].similarity - a[1].similarity);
      const [first, second] = ranked;
      if (!first || first[1].similarity < LABEL_SIMILARITY_THRESHOLD) return { kind: 'none' };
      if (second && first[1].similarity - second[1].similarity < LABEL_SIMILARITY_MARGIN) {
        return { kind: 'ambiguous', labels: ranked.filter(([, m]) => first[1].similarity - m.similarity < LABEL_SIMILARITY_MARGIN).map(([, m]) => m.label) };
      }
      return { kind: 'close', field: first[0], label: first[1].label, similarity: first[1].similarity };
    },
  };
}

/**
 * 1 − Levenshtein distance ÷ longer length; 0 when it is certainly below `floor` (the length
 * difference alone says so), which keeps matching cheap on long value lines.
 */
export function computeSimilarity(a: string, b: string, floor = 0): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  if (1 - Math.abs(a.length - b.length) / longer < floor) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return 1 - (previous[b.length] ?? longer) / longer;
}
