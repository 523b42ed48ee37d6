/**
 * The light markup of the web editor's text boxes, read into and written from RichText:
 *
 *   Paragraphs are separated by a blank line; a line break inside one is kept.
 *   - a bullet item            1. a numbered item (the numbers written are ignored)
 *   **bold**, *italic*, [texto](https://…) (http and https only), a footnote mark [^1]
 *   | Cabecera | Otra |       a table: one line per row, cells between "|", the first row the header,
 *   | celda |  |               a blank cell kept blank; a single line right above it is its caption
 *   [^1]: text of the footnote (anywhere, usually at the end)
 *
 * A backslash makes the next character literal (\*, \[, \], \|, \\, and "\-" or "1\." at the start of
 * a line). `richTextToMarkup` escapes what it must, so reading back what it writes gives the same
 * RichText for every canonical one (see `markup.test.ts`): runs of text without line-edge spaces, a
 * footnote mark as a run of its own with empty text, adjacent plain runs differing in bold/italic.
 *
 * Blocks' `sources` (who contributed them) cannot be written in the markup: the consolidation editor
 * edits one block at a time (`blockToMarkup` / `markupToBlocks`) and keeps each block's sources itself.
 */
import { isWebUrl } from '../schemas/common.js';
import type { Block, Footnote, Inline, RichText } from './model.js';

export interface MarkupError {
  line: number;
  message: string;
}
export type MarkupReading<T> = { value: T } | { errors: MarkupError[] };

// ── Writing ────────────────────────────────────────────────────────────────────────────────────

/** Characters that mean something inside a line; written with a backslash when they are text. */
const INLINE_SPECIAL = /[\\*[\]|]/g;
const escapeInline = (text: string) => text.replace(INLINE_SPECIAL, (character) => `\\${character}`);
/** A line of text that would read as a list item or a footnote's text gets its marker escaped. */
const escapeLineStart = (line: string) =>
  line.replace(/^-(?= |$)/, '\\-').replace(/^(\d+)\.(?= |$)/, '$1\\.').replace(/^(\[\^[^\]]+\]):/, '$1\\:');
const escapeLineStarts = (text: string) => text.split('\n').map(escapeLineStart).join('\n');

/** Runs as markup: bold and italic opened and closed as they change, each link and footnote mark in place. */
export function inlinesToMarkup(runs: Inline[]): string {
  let bold = false;
  let italic = false;
  let out = '';
  const toggle = (toBold: boolean, toItalic: boolean) => {
    if (bold !== toBold) out += '**';
    if (italic !== toItalic) out += '*';
    bold = toBold;
    italic = toItalic;
  };
  for (const run of runs) {
    if (run.footnote !== undefined) {
      out += `[^${run.footnote}]`;
      continue;
    }
    toggle(run.bold === true, run.italic === true);
    const text = escapeInline(run.text);
    // A link's text starting with "^" would read as a footnote mark.
    out += run.href === undefined ? text : `[${text.replace(/^\^/, '\\^')}](${run.href.replace(/[\\)]/g, (character) => `\\${character}`)})`;
  }
  toggle(false, false);
  return escapeLineStarts(out);
}

const tableLine = (cells: string[]) => `| ${cells.map((cell) => escapeInline(cell.replace(/\s*\n\s*/g, ' '))).join(' | ')} |`;

/** One block as markup (no footnote definitions: they belong to the whole text). */
export function blockToMarkup(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return inlinesToMarkup(block.content);
    case 'list':
      return block.items.map((item, index) => `${block.ordered ? `${index + 1}.` : '-'} ${inlinesToMarkup(item)}`).join('\n');
    case 'table':
      return [
        ...(block.caption ? [escapeLineStart(escapeInline(block.caption.replace(/\s*\n\s*/g, ' ')))] : []),
        tableLine(block.header),
        ...block.rows.map(tableLine),
      ].join('\n');
  }
}

export function richTextToMarkup(richText: RichText): string {
  return [...richText.blocks.map(blockToMarkup), ...richText.footnotes.map((note) => `[^${note.id}]: ${inlinesToMarkup(note.content)}`)].join('\n\n');
}

// ── Reading ────────────────────────────────────────────────────────────────────────────────────

interface Line {
  text: string;
  number: number;
}

const FOOTNOTE_DEFINITION = /^\[\^([^\]\s\\]{1,20})\]:[ \t]*/;
const BULLET = /^- /;
const NUMBERED = /^\d+\. /;
const isTableLine = (text: string) => text.startsWith('|');

/** What a block of lines becomes while it is read. */
type Pending =
  | { type: 'paragraph'; lines: Line[]; opensChunk: boolean }
  | { type: 'list'; ordered: boolean; items: Line[][] }
  | { type: 'table'; caption: Line | null; rows: Line[] }
  | { type: 'footnote'; id: string; lines: Line[] };

class MarkupReader {
  readonly errors: MarkupError[] = [];
  readonly blocks: Block[] = [];
  readonly footnotes: Footnote[] = [];
  readonly references: { id: string; line: number }[] = [];

  read(text: string): void {
    const lines = text.split(/\r\n?|\n/).map((line, index) => ({ text: line.trim(), number: index + 1 }));
    let pending: Pending | null = null;
    let chunkStart = true;
    for (const line of lines) {
      if (line.text === '') {
        if (pending) this.finish(pending);
        pending = null;
        chunkStart = true;
        continue;
      }
      pending = this.take(pending, line, chunkStart);
      chunkStart = false;
    }
    if (pending) this.finish(pending);
  }

  /** Adds a line to the pending block, or finishes it and starts another. */
  private take(pending: Pending | null, line: Line, chunkStart: boolean): Pending {
    const definition = FOOTNOTE_DEFINITION.exec(line.text);
    if (definition) {
      if (pending) this.finish(pending);
      return { type: 'footnote', id: definition[1]!, lines: [{ text: line.text.slice(definition[0].length), number: line.number }] };
    }
    if (pending?.type === 'footnote') {
      pending.lines.push(line);
      return pending;
    }
    if (isTableLine(line.text)) {
      if (pending?.type === 'table') {
        pending.rows.push(line);
        return pending;
      }
      // A single line right above a table, opening its chunk, is the table's caption.
      if (pending?.type === 'paragraph' && pending.lines.length === 1 && pending.opensChunk) {
        return { type: 'table', caption: pending.lines[0]!, rows: [line] };
      }
      if (pending) this.finish(pending);
      return { type: 'table', caption: null, rows: [line] };
    }
    const ordered = NUMBERED.test(line.text);
    if (ordered || BULLET.test(line.text)) {
      const item = { text: line.text.replace(ordered ? NUMBERED : BULLET, ''), number: line.number };
      if (pending?.type === 'list' && pending.ordered === ordered) {
        pending.items.push([item]);
        return pending;
      }
      if (pending) this.finish(pending);
      return { type: 'list', ordered, items: [[item]] };
    }
    if (pending?.type === 'paragraph') {
      pending.lines.push(line);
      return pending;
    }
    if (pending?.type === 'list') {
      pending.items.at(-1)!.push(line);
      return pending;
    }
    if (pending) this.finish(pending);
    return { type: 'paragraph', lines: [line], opensChunk: chunkStart };
  }

  private finish(pending: Pending): void {
    switch (pending.type) {
      case 'paragraph':
        this.blocks.push({ type: 'paragraph', content: this.inlines(pending.lines) });
        return;
      case 'list':
        this.blocks.push({ type: 'list', ordered: pending.ordered, items: pending.items.map((item) => this.inlines(item)) });
        return;
      case 'table': {
        const [header = [], ...rows] = pending.rows.map((row) => splitCells(row.text));
        this.blocks.push({ type: 'table', ...(pending.caption ? { caption: unescapeText(pending.caption.text) } : {}), header, rows });
        return;
      }
      case 'footnote':
        if (this.footnotes.some((note) => note.id === pending.id)) {
          this.errors.push({ line: pending.lines[0]!.number, message: `La nota [^${pending.id}] está definida dos veces.` });
          return;
        }
        this.footnotes.push({ id: pending.id, content: this.inlines(pending.lines) });
    }
  }

  private inlines(lines: Line[]): Inline[] {
    return readInlines(lines, this.errors, this.references);
  }
}

/** Splits "| a |  | c |" into ['a', '', 'c'] (the outer bars optional at the end), unescaping each cell. */
function splitCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let index = 1; index < line.length; index++) {
    const character = line[index]!;
    if (character === '\\' && index + 1 < line.length) {
      cell += character + line[index + 1]!;
      index++;
    } else if (character === '|') {
      cells.push(cell);
      cell = '';
    } else cell += character;
  }
  if (cell.trim() !== '' || cells.length === 0) cells.push(cell);
  return cells.map((text) => unescapeText(text.trim()));
}

const ESCAPABLE = new Set(['\\', '*', '[', ']', '|', '-', '.', ':', '^', '(', ')']);
const unescapeText = (text: string) => text.replace(/\\(.)/g, (whole, character: string) => (ESCAPABLE.has(character) ? character : whole));

/**
 * The runs of some lines (joined by line breaks): `**` and `*` switch bold and italic, `[text](url)`
 * is a link, `[^id]` a footnote mark; plain neighbours with the same style make one run.
 */
function readInlines(lines: Line[], errors: MarkupError[], references: { id: string; line: number }[]): Inline[] {
  const text = lines.map((line) => line.text).join('\n');
  const lineAt = (offset: number) => lines[text.slice(0, offset).split('\n').length - 1]!.number;
  const runs: Inline[] = [];
  let bold = false;
  let italic = false;
  let buffer = '';
  const style = () => ({ ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}) });
  const flush = () => {
    if (buffer === '') return;
    const last = runs.at(-1);
    if (last && last.href === undefined && last.footnote === undefined && last.bold === (bold || undefined) && last.italic === (italic || undefined)) last.text += buffer;
    else runs.push({ text: buffer, ...style() });
    buffer = '';
  };
  for (let index = 0; index < text.length; ) {
    const character = text[index]!;
    if (character === '\\' && ESCAPABLE.has(text[index + 1] ?? '')) {
      buffer += text[index + 1];
      index += 2;
    } else if (text.startsWith('**', index)) {
      flush();
      bold = !bold;
      index += 2;
    } else if (character === '*') {
      flush();
      italic = !italic;
      index += 1;
    } else if (character === '[') {
      const footnote = matchAt(FOOTNOTE_MARK, text, index);
      const link = footnote ? null : readLink(text, index);
      if (footnote) {
        flush();
        runs.push({ text: '', footnote: footnote[1]! });
        references.push({ id: footnote[1]!, line: lineAt(index) });
        index += footnote[0].length;
      } else if (link) {
        flush();
        if (isWebUrl(link.href)) runs.push({ text: link.text, ...style(), href: link.href });
        else errors.push({ line: lineAt(index), message: `El enlace «${link.href}» no es válido: escriba la dirección completa, empezando con https:// o http://.` });
        index += link.length;
      } else {
        buffer += character;
        index += 1;
      }
    } else {
      buffer += character;
      index += 1;
    }
  }
  flush();
  return runs;
}

const FOOTNOTE_MARK = /\[\^([^\]\s\\]{1,20})\]/y;
const LINK = /\[((?:\\.|[^\\\]\n])*)\]\(((?:\\.|[^\\)\n])*)\)/y;

/** A sticky pattern's match exactly at `index`. */
function matchAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

/** "[text](address)" at `index`, both parts unescaped; null when there is none. */
function readLink(text: string, index: number): { text: string; href: string; length: number } | null {
  const match = matchAt(LINK, text, index);
  if (!match || match[1] === '') return null;
  return { text: unescapeText(match[1]!), href: unescapeText(match[2]!).trim(), length: match[0].length };
}

function read(text: string): MarkupReader {
  const reader = new MarkupReader();
  reader.read(text);
  return reader;
}

/** Reads the markup of a whole answer; every footnote mark must have its definition. */
export function markupToRichText(text: string): MarkupReading<RichText> {
  const reader = read(text);
  const defined = new Set(reader.footnotes.map((note) => note.id));
  for (const reference of reader.references) {
    if (!defined.has(reference.id)) reader.errors.push({ line: reference.line, message: `Falta el texto de la nota [^${reference.id}] (escríbalo en una línea «[^${reference.id}]: …»).` });
  }
  if (reader.errors.length) return { errors: sortByLine(reader.errors) };
  return { value: { blocks: reader.blocks, footnotes: reader.footnotes } };
}

/**
 * Reads the markup of one block being edited (it may become several). Footnote marks are kept as
 * written: their texts belong to the whole answer, so a definition here is an error.
 */
export function markupToBlocks(text: string): MarkupReading<Block[]> {
  const reader = read(text);
  for (const note of reader.footnotes) reader.errors.push({ line: lineOfDefinition(text, note.id), message: `La nota [^${note.id}] se escribe en las notas al pie de la respuesta, no en el párrafo.` });
  if (reader.errors.length) return { errors: sortByLine(reader.errors) };
  return { value: reader.blocks };
}

const lineOfDefinition = (text: string, id: string) => text.split(/\r\n?|\n/).findIndex((line) => line.trim().startsWith(`[^${id}]:`)) + 1;
const sortByLine = (errors: MarkupError[]) => [...errors].sort((a, b) => a.line - b.line);
