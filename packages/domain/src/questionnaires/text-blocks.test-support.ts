import type { Inline, RichText } from './model.js';

/** The plain text of a RichText (what the parser tests compare answers by). */
export function richTextToPlain(text: RichText): string {
  const inlineText = (inlines: Inline[]) => inlines.map((inline) => inline.text).join('');
  return text.blocks
    .map((block) => {
      if (block.type === 'paragraph') return inlineText(block.content);
      if (block.type === 'list') return block.items.map(inlineText).join('\n');
      return [block.header.join('\t'), ...block.rows.map((row) => row.join('\t'))].join('\n');
    })
    .join('\n\n');
}
