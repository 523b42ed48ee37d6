import type { Block, Inline, RichText } from '@telar/domain';
import type { ReactElement, ReactNode } from 'react';
import { t } from '../i18n/translate';
import { TableScroll } from './table-scroll.component';

/** A run of text as React elements: never HTML, so nothing typed can become markup. */
function InlineRun({ inline }: { inline: Inline }): ReactElement {
  if (inline.footnote) return <sup className="rich-text__footnote-ref">{inline.footnote}</sup>;
  let node: ReactNode = inline.text;
  if (inline.italic) node = <em>{node}</em>;
  if (inline.bold) node = <strong>{node}</strong>;
  if (inline.href) node = <a href={inline.href} rel="noopener noreferrer" target="_blank">{node}</a>;
  return <>{node}</>;
}

function Inlines({ content }: { content: readonly Inline[] }): ReactElement {
  return (
    <>
      {content.map((inline, index) => (
        <InlineRun key={index} inline={inline} />
      ))}
    </>
  );
}

/** One block of an answer: a paragraph, a list or a table. */
export function RichTextBlock({ block }: { block: Block }): ReactElement {
  if (block.type === 'paragraph') return <p><Inlines content={block.content} /></p>;
  if (block.type === 'list') {
    const items = block.items.map((item, index) => (
      <li key={index}>
        <Inlines content={item} />
      </li>
    ));
    return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
  }
  return (
    <TableScroll label={block.caption ?? t('questionnaires.tableInText')}>
      <table className="table table--compact">
        {block.caption && <caption>{block.caption}</caption>}
        {block.header.length > 0 && (
          <thead>
            <tr>
              {block.header.map((cell, index) => (
                <th key={index} scope="col">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>
          {block.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, index) => (
                <td key={index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The footnotes of an answer, after its blocks. */
export function RichTextFootnotes({ richText }: { richText: RichText }): ReactElement | null {
  if (richText.footnotes.length === 0) return null;
  return (
    <div className="rich-text__footnotes">
      <p className="visually-hidden">{t('questionnaires.footnotes')}</p>
      {richText.footnotes.map((footnote) => (
        <p key={footnote.id}>
          <sup>{footnote.id}</sup> <Inlines content={footnote.content} />
        </p>
      ))}
    </div>
  );
}

/** An answer's text as the reply will read it; an empty one says so. */
export function RichTextView({ richText, emptyText }: { richText: RichText; emptyText?: string }): ReactElement {
  if (richText.blocks.length === 0) return <p className="empty">{emptyText ?? t('questionnaires.noText')}</p>;
  return (
    <div className="rich-text">
      {richText.blocks.map((block, index) => (
        <RichTextBlock key={index} block={block} />
      ))}
      <RichTextFootnotes richText={richText} />
    </div>
  );
}
