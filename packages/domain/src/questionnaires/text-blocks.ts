/**
 * Lines of text extracted from a PDF or Word file → RichText: paragraphs (lines joined), lists ("- ",
 * "1."), tables (tab-separated rows), footnotes ("¹ …" lines) and inline bold, italics, links and
 * footnote references. Page breaks leave blank lines in the middle of paragraphs, lists and tables;
 * the builder joins the pieces back and says so in a warning.
 */
import { isWebUrl } from '../schemas/common.js';
import { splitNormalizedLines } from '../text/normalize.js';
import type { Block, Footnote, ImportDiagnostic, Inline, RichText } from './model.js';

export interface SourceLine {
  /** 1-based line number in the document. */
  line: number;
  text: string;
}

export const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUPERSCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/u;
/** A footnote's text: superscript digits at the start of a line ("¹ *Constitución…*", "¹⁰ El documento…"). */
export const FOOTNOTE_DEFINITION = /^\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(\S.*)$/u;

export const superscriptToDigits = (marks: string): string => [...marks].map((mark) => String(SUPERSCRIPT_DIGITS.indexOf(mark))).join('');

/** Ends like a finished sentence (a page break inside a paragraph leaves it without). */
export const FINAL_PUNCTUATION = /[.!?:;»"”)…]$/u;
export const startsLowercase = (text: string): boolean => /^\p{Ll}/u.test(text.trim());
const stripEmphasisMarks = (text: string) => text.replace(/\*+$/, '').trimEnd();
export const endsSentence = (text: string): boolean => FINAL_PUNCTUATION.test(stripEmphasisMarks(text.trim()).replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/u, ''));

const BULLET_ITEM = /^\s*[-–•·]\s+(.*)$/u;
const NUMBERED_ITEM = /^\s*(?:[-–•·]\s+)?\(?\d{1,3}[.)]\s+(.*)$/u;
const BARE_URL_LINE = /^<?https?:\/\/\S+>?$/u;
const URL_ANYWHERE = /https?:\/\//u;

/** A numbered line inside an answer ("1.\tEl entregable…", "- 1. Alcanzar…"): a list item, not a table row. */
export const isNumberedItem = (text: string): boolean => NUMBERED_ITEM.test(text);

/** The cells of a tab-separated line; leading tabs are indentation, trailing ones may be blank cells. */
export function splitCells(text: string): string[] {
  return text.replace(/^\t+/, '').split('\t').map((cell) => cell.trim());
}

const countFilled = (cells: string[]) => cells.filter((cell) => cell !== '').length;

interface ParagraphDraft {
  type: 'paragraph';
  line: number;
  text: string;
  afterBlank: boolean;
}
interface ListDraft {
  type: 'list';
  line: number;
  ordered: boolean;
  items: string[];
}
interface TableDraft {
  type: 'table';
  line: number;
  caption?: string;
  header: string[];
  rows: { line: number; cells: string[] }[];
}
type Draft = ParagraphDraft | ListDraft | TableDraft;

interface FootnoteDraft {
  id: string;
  line: number;
  text: string;
}

/** RichText blocks of a passage, its footnote texts (attached later to the passage that calls them) and the ids it calls. */
export interface BuiltText {
  blocks: Block[];
  footnotes: (Footnote & { line: number })[];
  references: string[];
}

/**
 * Builds the blocks of a passage. `knownFootnotes` are the ids whose texts the document has: only
 * those superscripts become references ("m²" stays text).
 */
export function buildRichText(lines: SourceLine[], knownFootnotes: ReadonlySet<string>, warnings: ImportDiagnostic[]): BuiltText {
  const drafts: Draft[] = [];
  const footnotes: FootnoteDraft[] = [];
  let openParagraph: ParagraphDraft | null = null;
  let openFootnote: FootnoteDraft | null = null;
  let blanks = 0;
  const last = () => drafts.at(-1);

  for (const [index, { line, text }] of lines.entries()) {
    if (text.trim() === '') {
      blanks++;
      openParagraph = null;
      continue;
    }
    const afterBlank = blanks > 0;
    blanks = 0;
    const definition = FOOTNOTE_DEFINITION.exec(text);
    if (definition) {
      openParagraph = null;
      openFootnote = { id: superscriptToDigits(definition[1]!), line, text: definition[2]!.trim() };
      footnotes.push(openFootnote);
      continue;
    }
    if (openFootnote) {
      // A footnote goes on over lines, and over a blank line when it announces a link or stops mid-sentence.
      const continues = !afterBlank || BARE_URL_LINE.test(text.trim()) || openFootnote.text.endsWith(':') || (!endsSentence(openFootnote.text) && startsLowercase(text));
      if (continues) {
        openFootnote.text = `${openFootnote.text} ${text.trim()}`;
        continue;
      }
      openFootnote = null;
    }

    const previous = last();
    const cells = splitCells(text);
    const tableOpen = previous?.type === 'table' ? previous : null;
    const nextCells = splitCells(lines[index + 1]?.text ?? '');
    if (!isNumberedItem(text) && cells.length >= 2) {
      const width = tableOpen?.header.length ?? 0;
      const fitsOpenTable = tableOpen !== null && cells.length >= width && countFilled(cells.slice(width)) === 0;
      if (tableOpen && (!afterBlank || fitsOpenTable)) {
        tableOpen.rows.push({ line, cells });
        openParagraph = null;
        continue;
      }
      if (countFilled(cells) >= 2 && countFilled(nextCells) >= 1 && nextCells.length >= 2 && !isNumberedItem(lines[index + 1]?.text ?? '')) {
        const header = trimTrailingBlanks(cells);
        const caption = previous?.type === 'paragraph' && previous.text.length <= 300 && !endsSentence(previous.text) ? previous.text : undefined;
        if (caption !== undefined) drafts.pop();
        drafts.push({ type: 'table', line, header, rows: [], ...(caption !== undefined ? { caption: stripMarkdown(caption) } : {}) });
        openParagraph = null;
        continue;
      }
    }

    const numbered = NUMBERED_ITEM.exec(text);
    const bullet = numbered ? null : BULLET_ITEM.exec(text);
    if (numbered || bullet) {
      const ordered = numbered !== null;
      const itemText = (numbered ?? bullet)![1]!.replace(/\t+/g, ' ').trim();
      if (previous?.type === 'list' && previous.ordered === ordered) previous.items.push(itemText);
      else drafts.push({ type: 'list', line, ordered, items: [itemText] });
      openParagraph = null;
      continue;
    }
    // An indented line after a list item (a link cut by a page break) goes on with the item.
    if (previous?.type === 'list' && /^\s/.test(text)) {
      previous.items[previous.items.length - 1] += ` ${text.trim()}`;
      continue;
    }
    // The model has no headings: a Markdown heading inside a passage is a bold paragraph.
    const markdownHeading = /^\s*#{1,6}\s+(.+)$/u.exec(text)?.[1];
    const lineText = markdownHeading ? `**${markdownHeading.trim()}**` : text.replace(/\t+/g, ' ').trim();
    if (openParagraph && !afterBlank) {
      openParagraph.text = `${openParagraph.text} ${lineText}`;
      continue;
    }
    openParagraph = { type: 'paragraph', line, text: lineText, afterBlank };
    drafts.push(openParagraph);
  }

  const joined = joinPageBreaks(drafts, warnings);
  const references: string[] = [];
  const toInlines = (text: string) => {
    const inlines = parseInlines(text, knownFootnotes);
    for (const inline of inlines) if (inline.footnote && !references.includes(inline.footnote)) references.push(inline.footnote);
    return inlines;
  };
  const blocks = joined.map((draft): Block => {
    if (draft.type === 'paragraph') return { type: 'paragraph', content: toInlines(draft.text) };
    if (draft.type === 'list') return { type: 'list', ordered: draft.ordered, items: draft.items.map(toInlines) };
    return finishTable(draft, warnings);
  });
  return {
    blocks,
    footnotes: footnotes.map((footnote) => ({ id: footnote.id, line: footnote.line, content: parseInlines(footnote.text, new Set()) })),
    references,
  };
}

/** A paragraph cut by a page break: the first part ends mid-sentence and the rest starts in lower case. */
function joinPageBreaks(drafts: Draft[], warnings: ImportDiagnostic[]): Draft[] {
  const joined: Draft[] = [];
  for (const draft of drafts) {
    const previous = joined.at(-1);
    if (draft.type === 'paragraph' && draft.afterBlank && startsLowercase(draft.text) && previous && previous.type !== 'table') {
      const previousText = previous.type === 'paragraph' ? previous.text : previous.items.at(-1)!;
      if (!endsSentence(previousText)) {
        if (previous.type === 'paragraph') previous.text = `${previousText} ${draft.text}`;
        else previous.items[previous.items.length - 1] = `${previousText} ${draft.text}`;
        warnings.push({ line: draft.line, message: 'Párrafo partido por un salto de página: se une con el anterior.' });
        continue;
      }
    }
    // A list interrupted by a page break (and a paragraph joined to its last item) goes on.
    if (draft.type === 'list' && previous?.type === 'list' && previous.ordered === draft.ordered) {
      previous.items.push(...draft.items);
      continue;
    }
    joined.push(draft);
  }
  return joined;
}

function trimTrailingBlanks(cells: string[]): string[] {
  const copy = [...cells];
  while (copy.length > 1 && copy.at(-1) === '') copy.pop();
  return copy;
}

const NUMERIC_CELL = /^[\d.,\s%$-]+$/u;

/**
 * Rows are kept as written, blank cells as ''. Trailing blank cells beyond the header are dropped;
 * a row with more or fewer cells, or text where its column holds numbers, gets a warning.
 */
function finishTable(draft: TableDraft, warnings: ImportDiagnostic[]): Block {
  const width = draft.header.length;
  const rows = draft.rows.map(({ cells }) => {
    const row = cells.length > width && countFilled(cells.slice(width)) === 0 ? cells.slice(0, width) : [...cells];
    while (row.length < width) row.push('');
    return row;
  });
  const numericColumns = new Set<number>();
  for (let column = 1; column < width; column++) {
    const filled = rows.map((row) => row[column] ?? '').filter((cell) => cell !== '');
    if (filled.length >= 3 && filled.filter((cell) => NUMERIC_CELL.test(cell)).length / filled.length >= 0.6) numericColumns.add(column);
  }
  draft.rows.forEach(({ line }, index) => {
    const row = rows[index]!;
    const mixed = [...numericColumns].some((column) => (row[column] ?? '') !== '' && !NUMERIC_CELL.test(row[column]!));
    if (row.length !== width || mixed) {
      warnings.push({ line, message: `La fila de la tabla tiene ${row.length === width ? 'columnas mezcladas' : `${row.length} celdas y el encabezado ${width}`}; se conserva como está escrita.` });
    }
  });
  return { type: 'table', header: draft.header, rows, ...(draft.caption !== undefined ? { caption: draft.caption } : {}) };
}

/** Text without Markdown emphasis or underline tags (question texts, captions, option labels). */
export function stripMarkdown(text: string): string {
  return text
    .replace(/<\/?u>/g, '')
    .replace(/\*\*/g, '')
    .replace(/(^|[\s(])\*(?=\S)([^*]*?\S)\*(?=$|[\s).,;:])/gu, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

// Emphasis: **bold**, *italic* (not a lone "*" of "* Requerido" nor the "*" of a required mark).
const EMPHASIS = /\*\*(.+?)\*\*|(?<![*\p{L}0-9])\*(?=[^\s*])([^*]*?[^\s*])\*(?![*\p{L}0-9])/gu;
// Links (<a href="…">, <https://…>, bare addresses) and footnote references (superscript digits).
const LINK_OR_REFERENCE = new RegExp(
  [
    String.raw`<a\s+href="([^"\s>]+)"?>?(?:([^<]*)<\/a>)?`,
    String.raw`<(https?:\/\/[^>\s]+)>`,
    String.raw`(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)»”])`,
    `(${SUPERSCRIPT_RUN.source})`,
  ].join('|'),
  'gu',
);

/** The inlines of a line of Markdown-ish text. */
export function parseInlines(text: string, knownFootnotes: ReadonlySet<string>): Inline[] {
  const inlines: Inline[] = [];
  const source = text.replace(/<\/?u>/g, '');
  let at = 0;
  for (const match of source.matchAll(EMPHASIS)) {
    pushLinks(inlines, source.slice(at, match.index), {}, knownFootnotes);
    pushLinks(inlines, match[1] ?? match[2]!, match[1] !== undefined ? { bold: true } : { italic: true }, knownFootnotes);
    at = match.index + match[0].length;
  }
  pushLinks(inlines, source.slice(at), {}, knownFootnotes);
  return mergeRuns(inlines);
}

function pushLinks(inlines: Inline[], text: string, style: { bold?: boolean; italic?: boolean }, knownFootnotes: ReadonlySet<string>) {
  // A lone "**" is what is left of a bold run cut by the extraction.
  const plain = (value: string) => {
    const cleaned = value.replace(/\*\*/g, '');
    if (cleaned !== '') inlines.push({ text: cleaned, ...style });
  };
  let at = 0;
  for (const match of text.matchAll(LINK_OR_REFERENCE)) {
    plain(text.slice(at, match.index));
    at = match.index + match[0].length;
    const [whole, anchorHref, anchorText, angleHref, bareHref, marks] = match;
    if (marks !== undefined) {
      const id = superscriptToDigits(marks);
      if (knownFootnotes.has(id)) inlines.push({ text: id, footnote: id, ...style });
      else plain(marks);
      continue;
    }
    const href = anchorHref ?? angleHref ?? bareHref!;
    if (isWebUrl(href)) inlines.push({ text: anchorText?.trim() || href, href, ...style });
    else plain(whole);
  }
  plain(text.slice(at));
}

function mergeRuns(inlines: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const inline of inlines) {
    const previous = merged.at(-1);
    const sameStyle = (a: Inline, b: Inline) => !a.href && !b.href && !a.footnote && !b.footnote && !!a.bold === !!b.bold && !!a.italic === !!b.italic;
    if (previous && sameStyle(previous, inline)) previous.text += inline.text;
    else merged.push({ ...inline });
  }
  return merged;
}

export const containsUrl = (text: string): boolean => URL_ANYWHERE.test(text);

/**
 * A contribution an agency wrote as a document of its own (seed 004: the SNDIF's text for an OHCHR
 * report) → the RichText of its answer, read by the same rules as an imported reply's answers.
 */
export function readContributionText(text: string): { value: RichText; warnings: ImportDiagnostic[] } {
  const lines = splitNormalizedLines(text).map((line, index) => ({ line: index + 1, text: line }));
  const known = new Set(lines.flatMap(({ text: line }) => FOOTNOTE_DEFINITION.exec(line)?.[1] ?? []).map(superscriptToDigits));
  const warnings: ImportDiagnostic[] = [];
  const built = buildRichText(lines, known, warnings);
  return { value: { blocks: built.blocks, footnotes: built.footnotes.map(({ line: _line, ...footnote }) => footnote) }, warnings };
}
