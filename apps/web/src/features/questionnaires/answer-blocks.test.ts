import type { RichText } from '@telar/domain';
import { describe, expect, it } from 'vitest';
import { blockAsRichText, insertBlocks, moveBlock, removeBlock, replaceBlock } from './answer-blocks';

const SNDIF = '11111111-1111-4111-8111-111111111111';
const SEP = '22222222-2222-4222-8222-222222222222';
const paragraph = (text: string, sources?: string[], footnote?: string) => ({
  type: 'paragraph' as const,
  content: footnote ? [{ text }, { text: '', footnote }] : [{ text }],
  ...(sources ? { sources } : {}),
});

describe('insertBlocks', () => {
  it('appends a contribution’s blocks attributed to its organisation', () => {
    const target: RichText = { blocks: [paragraph('Introducción')], footnotes: [] };
    const contribution: RichText = { blocks: [paragraph('Aporte A'), { type: 'list', ordered: false, items: [[{ text: 'x' }]] }], footnotes: [] };
    const result = insertBlocks(target, contribution, SNDIF);
    expect(result.blocks).toHaveLength(3);
    expect(result.blocks[0]!.sources).toBeUndefined();
    expect(result.blocks[1]!.sources).toEqual([SNDIF]);
    expect(result.blocks[2]!.sources).toEqual([SNDIF]);
  });

  it('adds the organisation to sources a block already had, once', () => {
    const result = insertBlocks({ blocks: [], footnotes: [] }, { blocks: [paragraph('x', [SEP, SNDIF])], footnotes: [] }, SNDIF);
    expect(result.blocks[0]!.sources).toEqual([SEP, SNDIF]);
  });

  it('brings cited footnotes, renumbering ids already used', () => {
    const target: RichText = { blocks: [paragraph('a', [SEP], '1')], footnotes: [{ id: '1', content: [{ text: 'Nota SEP' }] }] };
    const source: RichText = { blocks: [paragraph('b', undefined, '1')], footnotes: [{ id: '1', content: [{ text: 'Nota SNDIF' }] }, { id: '9', content: [{ text: 'sin cita' }] }] };
    const result = insertBlocks(target, source, SNDIF);
    expect(result.footnotes).toEqual([
      { id: '1', content: [{ text: 'Nota SEP' }] },
      { id: '2', content: [{ text: 'Nota SNDIF' }] },
    ]);
    const inserted = result.blocks[1]!;
    expect(inserted.type === 'paragraph' && inserted.content[1]!.footnote).toBe('2');
  });
});

describe('moveBlock and removeBlock', () => {
  const text: RichText = { blocks: [paragraph('a', [SNDIF]), paragraph('b', [SEP], '1'), paragraph('c')], footnotes: [{ id: '1', content: [{ text: 'n' }] }] };

  it('moves a block up or down keeping its sources, and leaves the ends alone', () => {
    const moved = moveBlock(text, 1, -1);
    expect(moved.blocks.map((block) => block.type === 'paragraph' && block.content[0]!.text)).toEqual(['b', 'a', 'c']);
    expect(moved.blocks[0]!.sources).toEqual([SEP]);
    expect(moveBlock(text, 0, -1)).toBe(text);
    expect(moveBlock(text, 2, 1)).toBe(text);
  });

  it('removes a block and the footnotes only it cited', () => {
    const removed = removeBlock(text, 1);
    expect(removed.blocks).toHaveLength(2);
    expect(removed.footnotes).toEqual([]);
    expect(removeBlock(text, 0).footnotes).toHaveLength(1);
  });
});

describe('replaceBlock', () => {
  it('keeps the edited block’s sources on every block its new text became', () => {
    const text: RichText = { blocks: [paragraph('a', [SNDIF, SEP]), paragraph('b')], footnotes: [] };
    const edited: RichText = { blocks: [paragraph('a corregido'), paragraph('a segundo')], footnotes: [] };
    const result = replaceBlock(text, 0, edited);
    expect(result.blocks.map((block) => block.sources)).toEqual([[SNDIF, SEP], [SNDIF, SEP], undefined]);
  });

  it('replaces the block’s footnotes with the edited ones', () => {
    const text: RichText = { blocks: [paragraph('a', [SEP], '1')], footnotes: [{ id: '1', content: [{ text: 'viejo' }] }] };
    expect(blockAsRichText(text, 0)).toEqual(text);
    const result = replaceBlock(text, 0, { blocks: [paragraph('a', undefined, '1')], footnotes: [{ id: '1', content: [{ text: 'nuevo' }] }] });
    expect(result.footnotes).toEqual([{ id: '1', content: [{ text: 'nuevo' }] }]);
    expect(result.blocks[0]!.sources).toEqual([SEP]);
  });
});
