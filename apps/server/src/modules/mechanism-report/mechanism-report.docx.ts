import {
  AlignmentType,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { CELL_MARGINS, CELL_STYLE, cleanWordText, CONTENT_WIDTH, type HeaderLogo, renderWordDocument, SYSTEM_NAME, TABLE_BORDERS } from '../../platform/documents/word-style.js';
import {
  buildReportDocument,
  formatSpanishPeriod,
  NOT_APPLICABLE,
  type MechanismReport,
  type ReportDocument,
  type ReportDocumentRow,
  type ReportDocumentValue,
} from '@telar/domain';

const MECHANISM_NAME = 'Mecanismo de participación de sociedad civil, academia y sector privado';

const LABEL_WIDTH = Math.round(CONTENT_WIDTH * 0.3);
const COLUMN_WIDTHS = [LABEL_WIDTH, CONTENT_WIDTH - LABEL_WIDTH];

const HEADER_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' };
const LABEL_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' };
const TABLE_WIDTH = { size: CONTENT_WIDTH, type: WidthType.DXA };
const LABEL_STYLE = 'TableLabel';

/**
 * Renders the participation-mechanism report as a Word document laid out like the published one,
 * from the same document model as the Markdown export: the document's own preamble and footnote
 * when it was imported with them, a header naming the system and the body, and "Página X de Y".
 * A block is a table whose first row (the participant) repeats when the block continues on the
 * next page; blocks are not kept on one page, so pages fill up.
 */
export async function renderMechanismReportDocx(report: MechanismReport, logo?: HeaderLogo): Promise<Buffer> {
  const document = buildReportDocument(report);
  const citeMinutes = createMinutesCitation(document);
  const labelCell = createLabelCells();
  const body: (Paragraph | Table)[] = [
    // A letterhead line rather than a heading, so the title stays the document's first heading.
    new Paragraph({
      children: [new TextRun({ text: document.heading, bold: true })],
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
    }),
    new Paragraph({ text: cleanWordText(document.title), heading: HeadingLevel.HEADING_1 }),
    ...document.preamble.map((text) => new Paragraph({ children: [new TextRun(cleanWordText(text))], alignment: AlignmentType.JUSTIFIED })),
  ];
  for (const rows of document.blocks) {
    body.push(createBlockTable(rows, citeMinutes, labelCell), new Paragraph({}));
  }

  return renderWordDocument({
    title: cleanWordText(document.title),
    subject: MECHANISM_NAME,
    description: report.period ? `Periodo ${formatSpanishPeriod(report.period)}` : undefined,
    titleSize: 26,
    paragraphStyles: [{ id: LABEL_STYLE, name: 'Etiqueta de tabla', basedOn: CELL_STYLE, run: { bold: true } }],
    body,
    pageHeader: `${SYSTEM_NAME} · ${cleanWordText(report.bodyName)}`,
    headerLogo: logo,
  });
}

type MinutesCitation = () => FootnoteReferenceRun | null;

/** The minutes footnote, attached to its first mention only, as the published report cites it once (¹). */
function createMinutesCitation(document: ReportDocument): MinutesCitation {
  let isCited = false;
  const note = document.minutesNote;
  return () => {
    if (!note || isCited) return null;
    isCited = true;
    return new FootnoteReferenceRun({
      children: [new Paragraph({ style: 'FootnoteText', children: [new TextRun(`${cleanWordText(note.text)} `), createLink(note.url)] })],
    });
  };
}

// Only http(s) addresses reach here (the document model checks them); Word also refuses a malformed one.
function createLink(address: string): ParagraphChild {
  const text = cleanWordText(address);
  return new ExternalHyperlink({ link: new URL(address).href, children: [new TextRun({ text, style: 'Hyperlink' })] });
}

type LabelCells = (label: string, isHeader: boolean) => TableCell;

/**
 * Label cells are the same in every block, so each is built once and shared by every table (docx
 * only reads components when it writes them): building the component objects is about a fifth of
 * the time of a 1,000-block report (profiled), and label cells are half of its cells.
 */
function createLabelCells(): LabelCells {
  const cells = new Map<string, TableCell>();
  return (label, isHeader) => {
    const key = `${isHeader ? 'header' : 'row'}:${label}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = new TableCell({
        shading: isHeader ? HEADER_SHADING : LABEL_SHADING,
        children: [new Paragraph({ text: `${label}:`, style: LABEL_STYLE })],
      });
      cells.set(key, cell);
    }
    return cell;
  };
}

function createBlockTable(rows: ReportDocumentRow[], citeMinutes: MinutesCitation, labelCell: LabelCells): Table {
  return new Table({
    width: TABLE_WIDTH,
    columnWidths: COLUMN_WIDTHS,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    margins: CELL_MARGINS,
    rows: rows.map((row, index) => createRow(row, citeMinutes, labelCell, index === 0)),
  });
}

/**
 * One label | value row; each value a paragraph (split at line breaks); no value prints "N/A" as the
 * report does. Cells carry no width of their own: the fixed layout takes the table grid's, and
 * leaving out what is the default (a width per cell, "not a header row") keeps the XML a fifth smaller.
 */
function createRow(row: ReportDocumentRow, citeMinutes: MinutesCitation, labelCell: LabelCells, isHeader: boolean): TableRow {
  const paragraphs = row.values.flatMap((value) => createValueParagraphs(value, citeMinutes));
  return new TableRow({
    // The participant row heads the block and repeats on the next page when the block continues there.
    ...(isHeader ? { tableHeader: true } : {}),
    children: [
      labelCell(row.label, isHeader),
      new TableCell({
        shading: isHeader ? HEADER_SHADING : undefined,
        children: paragraphs.length ? paragraphs : [createCellParagraph([new TextRun(NOT_APPLICABLE)])],
      }),
    ],
  });
}

function createValueParagraphs(value: ReportDocumentValue, citeMinutes: MinutesCitation): Paragraph[] {
  const lines = splitLines(value.text);
  if (lines.length === 0) return [];
  const trailing: ParagraphChild[] = [];
  if (value.link) trailing.push(new TextRun(' '), createLink(value.link));
  if (value.citesMinutes) {
    const citation = citeMinutes();
    if (citation) trailing.push(citation);
  }
  return lines.map((line, index) =>
    createCellParagraph([new TextRun(line), ...(index === lines.length - 1 ? trailing : [])]),
  );
}

function createCellParagraph(children: ParagraphChild[]): Paragraph {
  return new Paragraph({ children, style: CELL_STYLE });
}

function splitLines(text: string): string[] {
  return cleanWordText(text)
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
