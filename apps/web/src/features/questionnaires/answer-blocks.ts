import type { Block, Footnote, Inline, RichText } from '@telar/domain';

/**
 * Operations on the blocks of a consolidated answer. Every block keeps `sources`, the organisations
 * it came from, whatever is done to it; footnotes follow the blocks that cite them.
 */

function inlinesOf(block: Block): Inline[] {
  if (block.type === 'paragraph') return block.content;
  if (block.type === 'list') return block.items.flat();
  return [];
}

/** The footnote ids a set of blocks cites, in order of first citation. */
export function citedFootnoteIds(blocks: readonly Block[]): string[] {
  const ids = blocks.flatMap((block) => inlinesOf(block).flatMap((inline) => (inline.footnote ? [inline.footnote] : [])));
  return [...new Set(ids)];
}

function renameFootnotes(block: Block, renamed: ReadonlyMap<string, string>): Block {
  const rename = (inline: Inline): Inline => (inline.footnote && renamed.has(inline.footnote) ? { ...inline, footnote: renamed.get(inline.footnote) } : inline);
  if (block.type === 'paragraph') return { ...block, content: block.content.map(rename) };
  if (block.type === 'list') return { ...block, items: block.items.map((item) => item.map(rename)) };
  return block;
}

/** Footnotes no block cites any more are dropped, so a deleted paragraph takes its notes with it. */
function withCitedFootnotes(blocks: Block[], footnotes: readonly Footnote[]): RichText {
  const cited = new Set(citedFootnoteIds(blocks));
  return { blocks, footnotes: footnotes.filter((footnote) => cited.has(footnote.id)) };
}

/** A footnote id not yet used in `taken`: numbers after the highest numeric id. */
function nextFootnoteId(taken: Set<string>): string {
  let next = taken.size + 1;
  while (taken.has(String(next))) next += 1;
  return String(next);
}

/**
 * Appends `source`'s blocks (a contribution's text) to `target`, each attributed to the organisation
 * that wrote it (added to any sources the block already had). The footnotes they cite come along,
 * renumbered where `target` already uses their id.
 */
export function insertBlocks(target: RichText, source: RichText, organizationId: string): RichText {
  const taken = new Set(target.footnotes.map((footnote) => footnote.id));
  const renamed = new Map<string, string>();
  const added: Footnote[] = [];
  for (const id of citedFootnoteIds(source.blocks)) {
    const footnote = source.footnotes.find((candidate) => candidate.id === id);
    if (!footnote) continue;
    const newId = taken.has(id) ? nextFootnoteId(taken) : id;
    taken.add(newId);
    if (newId !== id) renamed.set(id, newId);
    added.push({ ...footnote, id: newId });
  }
  const blocks = source.blocks.map((block) => {
    const sources = [...new Set([...(block.sources ?? []), organizationId])];
    return { ...renameFootnotes(block, renamed), sources };
  });
  return { blocks: [...target.blocks, ...blocks], footnotes: [...target.footnotes, ...added] };
}

/** Moves a block one place up (-1) or down (+1); at either end nothing changes. */
export function moveBlock(richText: RichText, index: number, delta: -1 | 1): RichText {
  const to = index + delta;
  if (index < 0 || index >= richText.blocks.length || to < 0 || to >= richText.blocks.length) return richText;
  const blocks = [...richText.blocks];
  [blocks[index], blocks[to]] = [blocks[to]!, blocks[index]!];
  return { ...richText, blocks };
}

export function removeBlock(richText: RichText, index: number): RichText {
  return withCitedFootnotes(
    richText.blocks.filter((_, position) => position !== index),
    richText.footnotes,
  );
}

/** One block with the footnotes it cites, as its own small document (to edit it alone in markup). */
export function blockAsRichText(richText: RichText, index: number): RichText {
  const block = richText.blocks[index];
  return block ? withCitedFootnotes([block], richText.footnotes) : { blocks: [], footnotes: [] };
}

/**
 * Replaces block `index` by what its edited text became (one block or several), each keeping the
 * sources of the block edited. The edited footnotes replace the old ones of the same id.
 */
export function replaceBlock(richText: RichText, index: number, edited: RichText): RichText {
  const original = richText.blocks[index];
  if (!original) return richText;
  const replacement = edited.blocks.map((block) => (original.sources ? { ...block, sources: [...original.sources] } : block));
  const blocks = [...richText.blocks.slice(0, index), ...replacement, ...richText.blocks.slice(index + 1)];
  const editedIds = new Set(edited.footnotes.map((footnote) => footnote.id));
  return withCitedFootnotes(blocks, [...richText.footnotes.filter((footnote) => !editedIds.has(footnote.id)), ...edited.footnotes]);
}

/** A paragraph written by Telar (the plan's activities), attributed to no organisation. */
export function appendParagraph(richText: RichText, text: string): RichText {
  return { ...richText, blocks: [...richText.blocks, { type: 'paragraph', content: [{ text }] }] };
}
