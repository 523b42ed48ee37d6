/**
 * A consolidated reply as a Word document in the shape the State's replies are sent: the covering
 * note (its paragraphs, place and date at the right, the recipient in bold) on its own page, the
 * title, each question in bold followed by its answer — real Word footnotes, numbered across the
 * document, links, lists, tables whose blank cells stay blank, closed questions as ☒/☐ lines — and,
 * after a page break, the «Aportaciones» annex saying which organisations wrote each paragraph.
 */
import {
  AlignmentType,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  PageBreak,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { CELL_MARGINS, CELL_STYLE, cleanWordText, CONTENT_WIDTH, type HeaderLogo, renderWordDocument, SYSTEM_NAME, TABLE_BORDERS } from '../../platform/documents/word-style.js';
import {
  attributionOf,
  type Block,
  type ConsolidatedReply,
  type Inline,
  type NumberedFootnotes,
  numberFootnotes,
  placeAndDate,
  questionLabel,
  type ReplyQuestion,
  type RichText,
} from '@telar/domain';

const NUMBERED_LIST = 'reply-numbered-list';
const HEADER_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' };
const TABLE_WIDTH = { size: CONTENT_WIDTH, type: WidthType.DXA };
const ANNEX_WIDTHS = [0.14, 0.56, 0.3].map((share) => Math.round(CONTENT_WIDTH * share));

export async function renderReplyDocx(reply: ConsolidatedReply, options: { headerLogo?: HeaderLogo } = {}): Promise<Buffer> {
  const [coverFootnotes, ...answerFootnotes] = numberFootnotes([reply.coverNote ?? { blocks: [], footnotes: [] }, ...reply.questions.map((question) => question.answer.text)]);
  const writer = new ReplyWriter();
  const body: (Paragraph | Table)[] = [];

  if (reply.coverNote) {
    body.push(...writer.richText(reply.coverNote, coverFootnotes!));
    const placeDate = placeAndDate(reply);
    if (placeDate) body.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 240 }, children: [new TextRun(cleanWordText(`${placeDate}.`))] }));
    if (reply.recipient) body.push(...lines(reply.recipient).map((line) => new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text: line, bold: true })] })));
    body.push(new Paragraph({ children: [new PageBreak()] }));
  }
  body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(cleanWordText(reply.title))] }));
  if (!reply.coverNote) {
    const details = [reply.reference ? `Referencia: ${reply.reference}` : '', placeAndDate(reply)].filter((part) => part).join(' · ');
    if (details) body.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(cleanWordText(details))] }));
  }

  let section: string | null = null;
  reply.questions.forEach((question, index) => {
    if (question.section && question.section !== section) body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(cleanWordText(question.section))] }));
    section = question.section;
    body.push(
      new Paragraph({ keepNext: true, spacing: { before: 240 }, alignment: AlignmentType.JUSTIFIED, children: [new TextRun({ text: cleanWordText(`${questionLabel(question)} ${question.text}`), bold: true })] }),
      ...answerExtras(question),
      ...writer.richText(question.answer.text, answerFootnotes[index]!),
    );
  });

  body.push(new Paragraph({ children: [new PageBreak()] }), new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Aportaciones')] }), annexTable(reply));

  return renderWordDocument({
    title: cleanWordText(reply.title),
    subject: cleanWordText(reply.reference ?? reply.title),
    titleSize: 24,
    body,
    pageHeader: reply.bodyName ? `${SYSTEM_NAME} · ${cleanWordText(reply.bodyName)}` : SYSTEM_NAME,
    headerLogo: options.headerLogo,
    footnotes: writer.footnotes,
    numbering: {
      config: [
        {
          reference: NUMBERED_LIST,
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }],
        },
      ],
    },
  });
}

/** Writes answers' text, collecting their footnotes under the reply-wide numbers. */
class ReplyWriter {
  readonly footnotes: Record<number, { children: Paragraph[] }> = {};
  /** Each numbered list is its own instance, so that it counts from 1. */
  private numberedLists = 0;

  richText(text: RichText, footnotes: NumberedFootnotes): (Paragraph | Table)[] {
    for (const note of footnotes.notes) {
      this.footnotes[note.number] = { children: [new Paragraph({ style: 'FootnoteText', children: runs(note.content, () => null) })] };
    }
    const mark = (id: string) => {
      const number = footnotes.numbers.get(id);
      return number === undefined ? null : new FootnoteReferenceRun(number);
    };
    return text.blocks.flatMap((block) => this.block(block, mark));
  }

  private block(block: Block, mark: FootnoteMark): (Paragraph | Table)[] {
    switch (block.type) {
      case 'paragraph':
        return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: runs(block.content, mark) })];
      case 'list': {
        const instance = block.ordered ? ++this.numberedLists : 0;
        return block.items.map(
          (item) =>
            new Paragraph({
              ...(block.ordered ? { numbering: { reference: NUMBERED_LIST, level: 0, instance } } : { bullet: { level: 0 } }),
              spacing: { after: 60 },
              children: runs(item, mark),
            }),
        );
      }
      case 'table':
        return [
          ...(block.caption ? [new Paragraph({ keepNext: true, children: [new TextRun({ text: cleanWordText(block.caption), italics: true })] })] : []),
          dataTable(block.header, block.rows),
          new Paragraph({}),
        ];
    }
  }
}

type FootnoteMark = (id: string) => FootnoteReferenceRun | null;

/** Runs with their bold, italics and links; a line break inside a run stays one. */
function runs(content: Inline[], mark: FootnoteMark): ParagraphChild[] {
  return content.flatMap((run): ParagraphChild[] => {
    if (run.footnote !== undefined) return [mark(run.footnote) ?? new TextRun('')];
    const textRuns = cleanWordText(run.text)
      .split(/\r\n?|\n/)
      .map((line, index) => new TextRun({ text: line, bold: run.bold, italics: run.italic, ...(index > 0 ? { break: 1 } : {}), ...(run.href ? { style: 'Hyperlink' } : {}) }));
    // Only http(s) addresses reach here (the model checks them).
    return run.href ? [new ExternalHyperlink({ link: new URL(run.href).href, children: textRuns })] : textRuns;
  });
}

/** The options of a closed question ("☒ Sí", "☐ No"), then what else the answer holds beside its text. */
function answerExtras(question: ReplyQuestion): (Paragraph | Table)[] {
  const { answer } = question;
  const extras: (Paragraph | Table)[] = question.options.map(
    (option) => new Paragraph({ spacing: { after: 60 }, children: [new TextRun(cleanWordText(`${option.marked ? '☒' : '☐'} ${option.label}`))] }),
  );
  if (answer.otherText) extras.push(new Paragraph({ children: [new TextRun(cleanWordText(`Otro: ${answer.otherText}`))] }));
  if (answer.number !== null) extras.push(new Paragraph({ children: [new TextRun(String(answer.number))] }));
  if (answer.date !== null) extras.push(new Paragraph({ children: [new TextRun(placeAndDate({ place: null, date: answer.date }))] }));
  if (answer.rows.length) extras.push(dataTable(question.columns, answer.rows), new Paragraph({}));
  return extras;
}

const cell = (text: string, isHeader = false) =>
  new TableCell({
    ...(isHeader ? { shading: HEADER_SHADING } : {}),
    children: [new Paragraph({ style: CELL_STYLE, children: text ? [new TextRun({ text: cleanWordText(text), bold: isHeader })] : [] })],
  });

/** A table with its header row repeated on each page; rows as wide as the widest, a blank cell left blank. */
function dataTable(header: string[], rows: string[][]): Table {
  const width = Math.max(1, header.length, ...rows.map((row) => row.length));
  const row = (cells: string[], isHeader: boolean) =>
    new TableRow({ ...(isHeader ? { tableHeader: true } : {}), children: Array.from({ length: width }, (_, index) => cell(cells[index] ?? '', isHeader)) });
  return new Table({
    width: TABLE_WIDTH,
    columnWidths: Array.from({ length: width }, () => Math.floor(CONTENT_WIDTH / width)),
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    margins: CELL_MARGINS,
    rows: [...(header.length ? [row(header, true)] : []), ...rows.map((cells) => row(cells, false))],
  });
}

/** Pregunta | Párrafo | Aportó: one row per block of every answered question. */
function annexTable(reply: ConsolidatedReply): Table {
  const rows = attributionOf(reply).flatMap((question) =>
    question.blocks.map((block) => new TableRow({ cantSplit: true, children: [cell(questionLabel(question)), cell(block.excerpt), cell(block.contributors.join(', '))] })),
  );
  return new Table({
    width: TABLE_WIDTH,
    columnWidths: ANNEX_WIDTHS,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    margins: CELL_MARGINS,
    rows: [new TableRow({ tableHeader: true, children: ['Pregunta', 'Párrafo', 'Aportó'].map((label) => cell(label, true)) }), ...rows],
  });
}

const lines = (text: string) =>
  cleanWordText(text)
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line);
