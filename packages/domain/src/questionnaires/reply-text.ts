/**
 * What every reply renderer (Word, Markdown, JSON) shares: footnotes numbered across the whole reply,
 * the plain text of an answer, and who wrote each block (the «Aportaciones» annex).
 */
import { formatSpanishDate } from '../text/dates.js';
import type { Answer, Block, ConsolidatedReply, Inline, ReplyQuestion, RichText } from './model.js';

/** The name the annex gives a block nobody contributed (written by the coordinator, or imported without attribution). */
export const COORDINATION = 'Coordinación';

export interface NumberedFootnotes {
  /** The reply-wide number of each footnote id of this text. */
  numbers: Map<string, number>;
  /** This text's footnotes in number order. */
  notes: { number: number; content: Inline[] }[];
}

/**
 * Numbers the footnotes of several texts 1, 2, … across all of them, so that the ids each answer
 * uses ("1", "2" in every answer) never collide: by order of first mark, then the unmarked ones.
 */
export function numberFootnotes(texts: RichText[]): NumberedFootnotes[] {
  let next = 1;
  return texts.map((text) => {
    const defined = new Map(text.footnotes.map((note) => [note.id, note.content]));
    const numbers = new Map<string, number>();
    const marked = text.blocks.flatMap(blockRuns).filter((run) => run.footnote !== undefined && defined.has(run.footnote));
    for (const id of [...marked.map((run) => run.footnote!), ...defined.keys()]) if (!numbers.has(id)) numbers.set(id, next++);
    return { numbers, notes: [...numbers].map(([id, number]) => ({ number, content: defined.get(id)! })) };
  });
}

const blockRuns = (block: Block): Inline[] => (block.type === 'paragraph' ? block.content : block.type === 'list' ? block.items.flat() : []);

/** How a footnote mark reads in plain text: "[3]"; a mark without its footnote's text reads as its id. */
type MarkText = (id: string) => string;

function runsPlainText(runs: Inline[], mark: MarkText): string {
  return runs.map((run) => (run.footnote === undefined ? run.text : mark(run.footnote))).join('');
}

/** A block as plain text: list items "- " (numbered "1. "), a table's rows tab-separated after its caption. */
export function blockPlainText(block: Block, mark: MarkText = (id) => `[${id}]`): string {
  switch (block.type) {
    case 'paragraph':
      return runsPlainText(block.content, mark);
    case 'list':
      return block.items.map((item, index) => `${block.ordered ? `${index + 1}.` : '-'} ${runsPlainText(item, mark)}`).join('\n');
    case 'table':
      return [...(block.caption ? [block.caption] : []), ...[block.header, ...block.rows].map((cells) => cells.join('\t'))].join('\n');
  }
}

/** A text's blocks separated by blank lines, then its footnotes ("[1] …"), marks numbered as `footnotes` says. */
function richTextPlainText(text: RichText, footnotes: NumberedFootnotes): string {
  const mark: MarkText = (id) => `[${footnotes.numbers.get(id) ?? id}]`;
  return [...text.blocks.map((block) => blockPlainText(block, mark)), ...footnotes.notes.map((note) => `[${note.number}] ${runsPlainText(note.content, mark)}`)].join('\n\n');
}

/**
 * An answer as plain text, for search, comparison and the JSON export: its text (footnotes numbered
 * from 1 and listed after it), then whatever else it holds — the "other" text, a number, a date in
 * Spanish, a table's rows tab-separated (after its column labels, when given).
 */
export function replyPlainText(answer: Answer, columns: string[] = []): string {
  const [footnotes] = numberFootnotes([answer.text]);
  return [
    richTextPlainText(answer.text, footnotes!),
    answer.otherText ?? '',
    answer.number === null ? '' : String(answer.number),
    answer.date === null ? '' : formatSpanishDate(answer.date),
    answer.rows.length ? [...(columns.length ? [columns] : []), ...answer.rows].map((cells) => cells.join('\t')).join('\n') : '',
  ]
    .filter((part) => part !== '')
    .join('\n\n');
}

export interface BlockAttribution {
  /** The block's first characters, to recognise it. */
  excerpt: string;
  /** Organisation names, or «Coordinación» when the block has no sources. */
  contributors: string[];
}

export interface QuestionAttribution {
  number: string;
  text: string;
  blocks: BlockAttribution[];
}

const EXCERPT_LENGTH = 120;

/** A text cut at a word boundary near `length` characters, with "…" when cut. */
export function excerptOf(text: string, length = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > length * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/**
 * Who wrote which block, per question (questions whose answer has no text are left out): the one
 * source the «Aportaciones» annex of every renderer reads. Sources no organisation of the reply
 * resolves are left out; a block left with none is the coordinator's.
 */
export function attributionOf(reply: ConsolidatedReply): QuestionAttribution[] {
  const names = new Map(reply.organisations.map((organisation) => [organisation.id, organisation.name]));
  return reply.questions
    .filter((question) => question.answer.text.blocks.length > 0)
    .map((question) => ({
      number: question.number,
      text: question.text,
      blocks: question.answer.text.blocks.map((block) => {
        const contributors = [...new Set((block.sources ?? []).flatMap((id) => names.get(id) ?? []))];
        return { excerpt: excerptOf(blockPlainText(block, () => '')), contributors: contributors.length ? contributors : [COORDINATION] };
      }),
    }));
}

/** "1." for "1", as the numbers are written before a question; a number already ending in "." or ")" is kept. */
export const questionLabel = (question: Pick<ReplyQuestion, 'number'>) => (/[.)]$/.test(question.number) ? question.number : `${question.number}.`);

/** Place, date in Spanish: "Ginebra, 2 de junio de 2021"; what is missing is left out. */
export function placeAndDate(reply: Pick<ConsolidatedReply, 'place' | 'date'>): string {
  return [reply.place, reply.date ? formatSpanishDate(reply.date) : null].filter((part) => part).join(', ');
}
