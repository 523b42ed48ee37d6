/**
 * Composing the official answer of a question from what organisations contributed: their blocks are
 * appended marked with who wrote them, so that every later edit (which keeps `sources` as sent) still
 * says where each paragraph came from, and the reply's «Aportaciones» can name them.
 */
import type { Answer, Block, Footnote, Inline, RichText } from './model.js';

/**
 * Appends `addition` to `base`: its footnotes get ids unused in `base` (numbers after the highest one)
 * and its references are rewritten to match. With `sources`, every appended block is attributed to
 * them; without, the blocks keep the sources they had.
 */
export function appendRichText(base: RichText, addition: RichText, sources?: string[]): RichText {
  const used = new Set(base.footnotes.map((f) => f.id));
  let next = Math.max(0, ...base.footnotes.map((f) => Number(f.id)).filter(Number.isInteger)) + 1;
  const renumbered = new Map<string, string>();
  for (const footnote of addition.footnotes) {
    while (used.has(String(next))) next++;
    renumbered.set(footnote.id, String(next));
    used.add(String(next++));
  }
  const relink = (runs: Inline[]): Inline[] =>
    runs.map((run) => (run.footnote !== undefined && renumbered.has(run.footnote) ? { ...run, footnote: renumbered.get(run.footnote)! } : run));
  const blocks = addition.blocks.map((block): Block => {
    const attributed = sources ? { ...block, sources: [...sources] } : block;
    if (attributed.type === 'paragraph') return { ...attributed, content: relink(attributed.content) };
    if (attributed.type === 'list') return { ...attributed, items: attributed.items.map(relink) };
    return attributed;
  });
  const footnotes = addition.footnotes.map((f): Footnote => ({ id: renumbered.get(f.id)!, content: relink(f.content) }));
  return { blocks: [...base.blocks, ...blocks], footnotes: [...base.footnotes, ...footnotes] };
}

/**
 * The official answer with an accepted contribution's text appended, attributed to its organisation.
 * A closed question is answered once by the coordinator: the union of both choices comes back as a
 * suggestion (`suggestedSelected`), never applied on its own.
 */
export function composeFromContribution(answer: Answer, contribution: { organizationId: string; answer: Answer }): { answer: Answer; suggestedSelected: string[] } {
  return {
    answer: { ...answer, text: appendRichText(answer.text, contribution.answer.text, [contribution.organizationId]) },
    suggestedSelected: [...new Set([...answer.selected, ...contribution.answer.selected])],
  };
}

/** The organisation ids an answer's blocks cite, each once, in the order they first appear. */
export function citedOrganizationIds(text: RichText): string[] {
  return [...new Set(text.blocks.flatMap((block) => block.sources ?? []))];
}
