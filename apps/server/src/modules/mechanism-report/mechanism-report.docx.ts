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
import { CELL_MARGINS, CELL_STYLE, CONTENT_WIDTH, renderWordDocument, TABLE_BORDERS } from '../../platform/documents/word-style.js';
import {
  NOT_APPLICABLE,
  REPORT_TITLE_PREFIX,
  SYSTEM_HEADING,
  formatSessionTitle,
  formatSpanishDate,
  isWebUrl,
  type EvidenceRef,
  type MechanismBlock,
  type MechanismReport,
} from '@telar/domain';

const MECHANISM_NAME = 'Mecanismo de participación de sociedad civil, academia y sector privado';

/** Row labels as the published report words them, without its "acuerdo/ o" typo. */
export const MECHANISM_LABELS = {
  participants: 'Participante',
  session: 'Número, tipo de sesión y fecha',
  description: 'Acciones en las que la participación fue/es relevante',
  agreements: 'Acuerdo adoptado',
  followUp: 'Actividades realizadas para el cumplimiento del acuerdo o en seguimiento a lo presentado',
  evidence: 'Medios de verificación',
} as const;

const LABEL_WIDTH = Math.round(CONTENT_WIDTH * 0.3);
const COLUMN_WIDTHS = [LABEL_WIDTH, CONTENT_WIDTH - LABEL_WIDTH];

const HEADER_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' };
const LABEL_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' };
const LABEL_CELL_WIDTH = { size: COLUMN_WIDTHS[0] ?? 0, type: WidthType.DXA };
const VALUE_CELL_WIDTH = { size: COLUMN_WIDTHS[1] ?? 0, type: WidthType.DXA };
const TABLE_WIDTH = { size: CONTENT_WIDTH, type: WidthType.DXA };
const LABEL_STYLE = 'TableLabel';

// Characters XML 1.0 forbids (control codes, lone surrogates); text extracted from PDFs carries them.
const XML_ILLEGAL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Renders the participation-mechanism report as a Word document laid out like the published one. */
export async function renderMechanismReportDocx(report: MechanismReport): Promise<Buffer> {
  const title = `${REPORT_TITLE_PREFIX} de la ${cleanText(report.bodyName)}`;
  const footnotes = createFootnoteRegistry(report);
  const body: (Paragraph | Table)[] = [
    // A letterhead line rather than a heading, so the title stays the document's first heading.
    new Paragraph({
      children: [new TextRun({ text: SYSTEM_HEADING, bold: true })],
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
    }),
    new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
    createBodyParagraph(describeApproval(report)),
    createBodyParagraph(describePeriod(report)),
  ];
  for (const block of report.blocks) {
    body.push(createBlockTable(block, footnotes), new Paragraph({}));
  }

  return renderWordDocument({
    title,
    subject: MECHANISM_NAME,
    description: report.period ? `Periodo ${formatSpanishPeriod(report.period)}` : undefined,
    titleSize: 26,
    paragraphStyles: [{ id: LABEL_STYLE, name: 'Etiqueta de tabla', basedOn: CELL_STYLE, run: { bold: true } }],
    body,
  });
}

/** The preamble: which agreement, in which session, created the mechanism. */
function describeApproval(report: MechanismReport): string {
  const body = cleanText(report.bodyName);
  const mechanism = `el ${MECHANISM_NAME} de la ${body}`;
  const approval = report.approvingAgreement;
  if (!approval) return `La ${body} cuenta con ${mechanism}.`;
  const agreement = approval.code ? ` mediante el acuerdo ${cleanText(approval.code)}` : '';
  const session = `${formatSessionTitle(approval.session)} realizada el ${formatSpanishDate(approval.session.date)}`;
  return (
    'Con fundamento en el Artículo Trigésimo Cuarto de los Lineamientos Generales para la Integración, ' +
    'Organización y Funcionamiento de las Comisiones del Sistema Nacional de Protección Integral de Niñas, ' +
    'Niños y Adolescentes, que permite a las Comisiones establecer mecanismos de colaboración, coordinación ' +
    'y comunicación con organizaciones de la sociedad civil, la academia, el sector privado y personas ' +
    'externas al Sistema Nacional para intercambiar información, experiencias y prácticas que fortalezcan ' +
    `sus resultados, la ${body} aprobó${agreement}, en el marco de la ${session}, ${mechanism}.`
  );
}

/** The sentence that introduces the blocks, or says there are none. */
function describePeriod(report: MechanismReport): string {
  const during = report.period ? ` durante el periodo ${formatSpanishPeriod(report.period)}` : '';
  if (report.blocks.length === 0) {
    return `No se registraron participaciones en el marco del mecanismo${during}.`;
  }
  return (
    'A partir de su aprobación, el mecanismo se ha implementado en las sesiones de la ' +
    `${cleanText(report.bodyName)}. ` +
    `A continuación se presenta el reporte de lo realizado${during}:`
  );
}

type FootnoteRegistry = (evidence: EvidenceRef) => FootnoteReferenceRun | null;

/**
 * Hands out one footnote per distinct address, at its first mention: the published report cites the
 * minutes page once (¹) rather than under every block. Evidence without an address of its own points
 * to the report's minutes page.
 */
function createFootnoteRegistry(report: MechanismReport): FootnoteRegistry {
  const cited = new Set<string>();
  const minutesNote = `Actas de las sesiones de la ${cleanText(report.bodyName)}. Disponibles en: `;
  return (evidence) => {
    const address = evidence.url ?? report.minutesUrl;
    if (!address || cited.has(address)) return null;
    cited.add(address);
    const note = address === report.minutesUrl ? minutesNote : `${cleanText(evidence.title)}. Disponible en: `;
    return new FootnoteReferenceRun({
      children: [new Paragraph({ style: 'FootnoteText', children: [new TextRun(note), createLink(address)] })],
    });
  };
}

// Only http(s) addresses become links (never javascript:, data: or file:); Word also refuses a malformed one.
function createLink(address: string): ParagraphChild {
  const text = cleanText(address);
  if (!isWebUrl(address)) return new TextRun(text);
  return new ExternalHyperlink({ link: new URL(address).href, children: [new TextRun({ text, style: 'Hyperlink' })] });
}

function createBlockTable(block: MechanismBlock, cite: FootnoteRegistry): Table {
  const session = `${formatSessionTitle(block.session)}, ${formatSpanishDate(block.session.date)}`;
  // The code goes in front only when the text does not quote it already (same rule as the Markdown).
  const agreements = block.agreements.map(({ code, text }) =>
    code && !text.includes(code) ? `${code}: ${text}` : text,
  );
  const evidence = block.evidence.map((item): ParagraphChild[] => {
    const note = cite(item);
    const title = new TextRun(cleanText(item.title));
    return note ? [title, note] : [title];
  });

  return new Table({
    width: TABLE_WIDTH,
    columnWidths: COLUMN_WIDTHS,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    margins: CELL_MARGINS,
    rows: [
      createRow(MECHANISM_LABELS.participants, [block.participants.join('; ')], true),
      createRow(MECHANISM_LABELS.session, [session]),
      createRow(MECHANISM_LABELS.description, [block.description]),
      createRow(MECHANISM_LABELS.agreements, agreements),
      createRow(MECHANISM_LABELS.followUp, block.followUp ? [block.followUp.text] : []),
      createRow(MECHANISM_LABELS.evidence, evidence, false, true),
    ],
  });
}

/**
 * One label | value row. Values are strings (split into paragraphs at line breaks) or ready-made runs;
 * a value with no text prints "N/A" as the report does.
 */
function createRow(label: string, values: (string | ParagraphChild[])[], isHeader = false, isLast = false): TableRow {
  const paragraphs = values.flatMap((value) =>
    typeof value === 'string'
      ? splitLines(value).map((line) => createCellParagraph([new TextRun(line)]))
      : [createCellParagraph(value)],
  );
  return new TableRow({
    tableHeader: isHeader,
    // Keeps the six rows of a block on one page when they fit.
    keepNext: !isLast,
    children: [
      new TableCell({
        width: LABEL_CELL_WIDTH,
        shading: isHeader ? HEADER_SHADING : LABEL_SHADING,
        children: [new Paragraph({ text: `${label}:`, style: LABEL_STYLE })],
      }),
      new TableCell({
        width: VALUE_CELL_WIDTH,
        shading: isHeader ? HEADER_SHADING : undefined,
        children: paragraphs.length ? paragraphs : [createCellParagraph([new TextRun(NOT_APPLICABLE)])],
      }),
    ],
  });
}

function createCellParagraph(children: ParagraphChild[]): Paragraph {
  return new Paragraph({ children, style: CELL_STYLE });
}

function createBodyParagraph(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun(text)], alignment: AlignmentType.JUSTIFIED });
}

/** "del 1 de noviembre de 2022 al 31 de octubre de 2023". */
function formatSpanishPeriod(period: { from: string; to: string }): string {
  return `del ${formatSpanishDate(period.from)} al ${formatSpanishDate(period.to)}`;
}

function splitLines(text: string): string[] {
  return cleanText(text)
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

function cleanText(text: string): string {
  return text.replace(XML_ILLEGAL, '');
}
