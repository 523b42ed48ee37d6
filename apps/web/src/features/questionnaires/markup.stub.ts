/**
 * TEMPORARY: the signatures of packages/domain/src/questionnaires/markup.ts, which another branch is
 * writing. Delete this file and import both functions from '@telar/domain' once it is merged.
 * Until then it reads only plain paragraphs (one per blank-line-separated chunk).
 */
import type { RichText } from '@telar/domain';

export function richTextToMarkup(richText: RichText): string {
  return richText.blocks
    .map((block) => (block.type === 'paragraph' ? block.content.map((inline) => inline.text).join('') : block.type === 'list' ? block.items.map((item) => `- ${item.map((inline) => inline.text).join('')}`).join('\n') : block.rows.map((row) => `| ${row.join(' | ')} |`).join('\n')))
    .join('\n\n');
}

export function markupToRichText(text: string): { value: RichText } | { errors: { line: number; message: string }[] } {
  const paragraphs = text.split(/\n\s*\n/).map((chunk) => chunk.trim()).filter(Boolean);
  return { value: { blocks: paragraphs.map((chunk) => ({ type: 'paragraph' as const, content: [{ text: chunk }] })), footnotes: [] } };
}
