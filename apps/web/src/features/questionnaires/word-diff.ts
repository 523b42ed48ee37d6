/** One run of a word diff: text both versions share, or only the old (removed) or new (added) one has. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Beyond this many word pairs the comparison would be slow; the texts are then shown as replaced whole. */
const MAX_CELLS = 4_000_000;

/** Words with the spaces that follow them, so joining the tokens gives back the text. */
function tokenize(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

function pushPart(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/**
 * The word-by-word difference between last year's answer and this year's text (longest common
 * subsequence of words; trailing spaces ignored when comparing). Removed runs come before added ones.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  if (a.length * b.length > MAX_CELLS) {
    return [...(before ? [{ kind: 'removed' as const, text: before }] : []), ...(after ? [{ kind: 'added' as const, text: after }] : [])];
  }
  const same = (i: number, j: number) => a[i]!.trimEnd() === b[j]!.trimEnd();
  // lengths[i][j]: the longest common run of a[i..] and b[j..], filled from the end.
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i * width + j] = same(i, j) ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (same(i, j)) {
      pushPart(parts, 'same', b[j]!);
      i += 1;
      j += 1;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      pushPart(parts, 'removed', a[i]!);
      i += 1;
    } else {
      pushPart(parts, 'added', b[j]!);
      j += 1;
    }
  }
  for (; i < a.length; i += 1) pushPart(parts, 'removed', a[i]!);
  for (; j < b.length; j += 1) pushPart(parts, 'added', b[j]!);
  return parts;
}
