/**
 * The text of a Word (.docx) document in the shape the questionnaire importer reads: one line per
 * paragraph with a blank line between paragraphs, numbered paragraphs as "N. ", bulleted ones as
 * "- ", bold runs as **…**, table rows as tab-separated cells, footnote calls as superscript digits
 * and each footnote's text as a "¹ text" line after its paragraph. Check-box symbols are kept.
 * Only document.xml, footnotes.xml and numbering.xml are inflated, within DOCX_ZIP_LIMITS.
 */
import { DOCX_ZIP_LIMITS } from './import-limits.js';
import { readAttributes, walkTags } from './xml-tags.js';
import { openZip, type ZipArchive, ZipFormatError } from './zip-limits.js';

const UNREADABLE_DOCX = 'No se pudo leer el archivo de Word; revise que sea un .docx válido (ábralo y guárdelo de nuevo).';
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const toSuperscript = (n: number) => [...String(n)].map((digit) => SUPERSCRIPT[Number(digit)]).join('');

// Check boxes written with the Wingdings symbol font (<w:sym w:char="F0FE"/>) as the characters they show.
const WINGDINGS_BOXES: Record<string, string> = { F0A8: '☐', F06F: '☐', F071: '☐', F0FE: '☒', F0FD: '☒', F078: '☒' };

/** Throws an Error with a Spanish message for a damaged file or one over the limits. */
export async function docxToText(bytes: Uint8Array): Promise<string> {
  try {
    const zip = openZip(bytes, DOCX_ZIP_LIMITS);
    const document = await readText(zip, 'word/document.xml');
    if (document === undefined) throw new Error(UNREADABLE_DOCX);
    const footnotes = readFootnotes((await readText(zip, 'word/footnotes.xml')) ?? '');
    const numbering = readNumbering((await readText(zip, 'word/numbering.xml')) ?? '');
    return readDocument(document, footnotes, numbering);
  } catch (error) {
    throw error instanceof ZipFormatError ? new Error(UNREADABLE_DOCX) : error;
  }
}

async function readText(zip: ZipArchive, name: string): Promise<string | undefined> {
  return (await zip.read(name))?.toString('utf8');
}

interface Run {
  text: string;
  bold: boolean;
}

/** Collects the runs of a paragraph: text, tabs, symbols, bold. */
class ParagraphReader {
  runs: Run[] = [];
  footnoteIds: string[] = [];
  numId: string | null = null;
  level = '0';
  private bold = false;
  private inRunProperties = false;

  visit(name: string, attributes: Map<string, string>, isEnd: boolean, text: () => string): void {
    if (name === 'r') {
      if (!isEnd) this.bold = false;
    } else if (name === 'rPr') this.inRunProperties = !isEnd;
    else if (name === 'b' && this.inRunProperties && !isEnd) this.bold = !['0', 'false', 'off'].includes(attributes.get('w:val') ?? 'true');
    else if (name === 't' && isEnd) this.runs.push({ text: text(), bold: this.bold });
    else if (name === 'tab' && !isEnd) this.runs.push({ text: '\t', bold: false });
    else if ((name === 'br' || name === 'cr') && !isEnd) this.runs.push({ text: ' ', bold: false });
    else if (name === 'sym' && !isEnd) {
      const symbol = WINGDINGS_BOXES[(attributes.get('w:char') ?? '').toUpperCase()];
      if (symbol) this.runs.push({ text: symbol, bold: false });
    } else if (name === 'footnoteReference' && !isEnd) {
      const id = attributes.get('w:id');
      if (id) {
        this.footnoteIds.push(id);
        this.runs.push({ text: `\u0000${id}\u0000`, bold: false });
      }
    } else if (name === 'numId' && !isEnd) this.numId = attributes.get('w:val') ?? null;
    else if (name === 'ilvl' && !isEnd) this.level = attributes.get('w:val') ?? '0';
  }

  /** The runs as Markdown-ish text: adjacent bold runs become one **…**. */
  text(): string {
    let out = '';
    let bold = '';
    const flushBold = () => {
      const trimmed = bold.trim();
      if (trimmed) out += `${bold.slice(0, bold.length - bold.trimStart().length)}**${trimmed}**${bold.slice(bold.trimEnd().length)}`;
      else out += bold;
      bold = '';
    };
    for (const run of this.runs) {
      if (run.bold) bold += run.text;
      else {
        flushBold();
        out += run.text;
      }
    }
    flushBold();
    return out;
  }
}

interface NumberingLevel {
  decimal: boolean;
  start: number;
}

/** numId → level → whether it is numbered (decimal, letters, roman) or bulleted, and where it starts. */
function readNumbering(xml: string): Map<string, Map<string, NumberingLevel>> {
  const abstracts = new Map<string, Map<string, NumberingLevel>>();
  const numToAbstract = new Map<string, string>();
  let abstractId: string | null = null;
  let level: { id: string; decimal: boolean; start: number } | null = null;
  let numId: string | null = null;
  walkTags(xml, (tag) => {
    const attributes = readAttributes(tag.attributes);
    if (tag.name === 'abstractNum') abstractId = tag.isEnd ? null : (attributes.get('w:abstractNumId') ?? null);
    else if (tag.name === 'lvl' && abstractId !== null) {
      if (!tag.isEnd) level = { id: attributes.get('w:ilvl') ?? '0', decimal: false, start: 1 };
      else if (level) {
        if (!abstracts.has(abstractId)) abstracts.set(abstractId, new Map());
        abstracts.get(abstractId)!.set(level.id, { decimal: level.decimal, start: level.start });
        level = null;
      }
    } else if (tag.name === 'numFmt' && level && !tag.isEnd) level.decimal = attributes.get('w:val') !== 'bullet' && attributes.get('w:val') !== 'none';
    else if (tag.name === 'start' && level && !tag.isEnd) level.start = Number(attributes.get('w:val') ?? 1) || 1;
    else if (tag.name === 'num' && !tag.isEnd) numId = attributes.get('w:numId') ?? null;
    else if (tag.name === 'abstractNumId' && numId !== null && !tag.isEnd) numToAbstract.set(numId, attributes.get('w:val') ?? '');
  });
  return new Map([...numToAbstract].map(([num, abstract]) => [num, abstracts.get(abstract) ?? new Map()]));
}

/** Footnote id → its text (the separators, ids ≤ 0, are not footnotes). */
function readFootnotes(xml: string): Map<string, string> {
  const footnotes = new Map<string, string>();
  let id: string | null = null;
  let paragraphs: string[] = [];
  let paragraph: ParagraphReader | null = null;
  walkTags(xml, (tag) => {
    const attributes = readAttributes(tag.attributes);
    if (tag.name === 'footnote') {
      if (!tag.isEnd) {
        id = attributes.get('w:id') ?? null;
        paragraphs = [];
      } else if (id !== null && Number(id) > 0) footnotes.set(id, paragraphs.join(' ').replace(/\s+/g, ' ').trim());
    } else if (tag.name === 'p' && !tag.isEmpty) {
      if (!tag.isEnd) paragraph = new ParagraphReader();
      else if (paragraph) {
        paragraphs.push(paragraph.text());
        paragraph = null;
      }
    } else paragraph?.visit(tag.name, attributes, tag.isEnd, tag.text);
  });
  return footnotes;
}

function readDocument(xml: string, footnotes: Map<string, string>, numbering: Map<string, Map<string, NumberingLevel>>): string {
  const lines: string[] = [];
  const counters = new Map<string, number>();
  const footnoteMarks = new Map<string, number>();
  let paragraph: ParagraphReader | null = null;
  let row: string[] | null = null;
  let cell: string[] | null = null;
  let tableDepth = 0;
  // Footnote texts wait until the end of the table they are called from.
  let pendingFootnotes: string[] = [];

  const finishParagraph = (reader: ParagraphReader) => {
    let text = reader.text().replace(/\u0000(-?\d+)\u0000/g, (_whole, id: string) => {
      const mark = footnoteMarks.get(id) ?? footnoteMarks.size + 1;
      footnoteMarks.set(id, mark);
      return toSuperscript(mark);
    });
    for (const id of reader.footnoteIds) {
      const content = footnotes.get(id);
      if (content !== undefined) pendingFootnotes.push(`${toSuperscript(footnoteMarks.get(id)!)} ${content}`);
    }
    const level = reader.numId !== null ? numbering.get(reader.numId)?.get(reader.level) : undefined;
    if (reader.numId !== null && reader.numId !== '0' && text.trim() !== '') {
      if (level?.decimal) {
        const key = `${reader.numId}:${reader.level}`;
        const next = counters.get(key) ?? level.start;
        counters.set(key, next + 1);
        text = `${next}. ${text.trim()}`;
      } else text = `- ${text.trim()}`;
    }
    if (cell) cell.push(text.replace(/\t/g, ' ').trim());
    else {
      lines.push(text, '');
      flushFootnotes();
    }
  };
  const flushFootnotes = () => {
    for (const footnote of pendingFootnotes) lines.push(footnote, '');
    pendingFootnotes = [];
  };

  walkTags(xml, (tag) => {
    if (tag.name === 'tbl') {
      tableDepth += tag.isEnd ? -1 : 1;
      if (tag.isEnd && tableDepth === 0) {
        lines.push('');
        flushFootnotes();
      }
      return;
    }
    if (tableDepth === 1 && tag.name === 'tr') {
      if (!tag.isEnd) row = [];
      else if (row) {
        lines.push(row.join('\t'));
        row = null;
      }
      return;
    }
    if (tableDepth === 1 && tag.name === 'tc') {
      if (!tag.isEnd) cell = [];
      else if (cell) {
        row?.push(cell.filter((text) => text !== '').join(' '));
        cell = null;
      }
      return;
    }
    if (tag.name === 'p' && !tag.isEmpty) {
      if (!tag.isEnd) paragraph = new ParagraphReader();
      else if (paragraph) {
        finishParagraph(paragraph);
        paragraph = null;
      }
      return;
    }
    if (tag.name === 'p' && tag.isEmpty && !cell) lines.push('');
    paragraph?.visit(tag.name, readAttributes(tag.attributes), tag.isEnd, tag.text);
  });
  flushFootnotes();
  return lines.join('\n').replace(/\n{4,}/g, '\n\n\n');
}
