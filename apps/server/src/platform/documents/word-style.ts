/** Telar's Word house style, shared by every document it writes (mechanism report, plans). */
import { AlignmentType, BorderStyle, Document, Footer, Header, ImageRun, type INumberingOptions, type IParagraphStyleOptions, Packer, PageNumber, Paragraph, Tab, type Table, TabStopType, TextRun } from 'docx';
import type { ImageInfo } from './image-info.js';

// Letter page (the size Mexican offices print on) with 2.5 cm margins; widths in twentieths of a point.
export const PAGE = { width: 12240, height: 15840, margin: 1418 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const FONT = 'Arial';
export const TEXT_COLOR = '1F1F1F';

// Option objects shared by every cell: docx only reads them, so one instance serves the whole document.
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '7F7F7F' };
export const TABLE_BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
export const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 };
/** Named style of table text: thousands of cells share one definition instead of carrying their own. */
export const CELL_STYLE = 'TableText';
const CELL_STYLE_DEFINITION: IParagraphStyleOptions = { id: CELL_STYLE, name: 'Texto de tabla', basedOn: 'Normal', paragraph: { spacing: { before: 0, after: 0 } } };

const headingStyle = (size: number) => ({ run: { font: FONT, size, bold: true, color: TEXT_COLOR }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } });

interface WordDocumentOptions {
  title: string;
  subject: string;
  description?: string;
  /** Size of the centred title, in half points. */
  titleSize: number;
  /** Named styles beyond the table text. */
  paragraphStyles?: IParagraphStyleOptions[];
  body: (Paragraph | Table)[];
  /** When given, every page gets this header line (e.g. "Telar · Comisión …") and a "Página X de Y" footer. */
  pageHeader?: string;
  /** A logo at the left of that header (the body's own). */
  headerLogo?: HeaderLogo;
  /** Footnotes by number, referred to by `FootnoteReferenceRun(number)` in the body. */
  footnotes?: Record<number, { children: Paragraph[] }>;
  /** Numbered-list definitions referred to by the body's paragraphs. */
  numbering?: INumberingOptions;
}

// Characters XML 1.0 forbids (control codes, lone surrogates); text extracted from PDFs carries them.
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text without the characters Word cannot hold. */
export const cleanWordText = (text: string) => text.replace(XML_ILLEGAL, '');

export type HeaderLogo = Pick<ImageInfo, 'type' | 'width' | 'height'> & { content: Uint8Array };

// The logo's box in the header, in pixels at 96 dpi: about 1.3 cm high, at most a third of the line wide.
const LOGO_BOX = { width: 200, height: 48 };

/** The logo scaled down, never up, to fit its box with its proportions. */
function createLogoRun(logo: HeaderLogo) {
  const scale = Math.min(1, LOGO_BOX.width / logo.width, LOGO_BOX.height / logo.height);
  return new ImageRun({
    type: logo.type,
    data: logo.content,
    transformation: { width: Math.max(1, Math.round(logo.width * scale)), height: Math.max(1, Math.round(logo.height * scale)) },
    altText: { name: 'Logotipo', title: 'Logotipo', description: 'Logotipo del órgano' },
  });
}

/** The system's name as documents print it in their header. */
export const SYSTEM_NAME = 'Telar';
const FRAME_TEXT_SIZE = 16;
const FRAME_COLOR = '595959';

/** Header line (after the logo, pushed to the right margin) and "Página X de Y" footer (PAGE and NUMPAGES fields, which Word fills in). */
function createPageFrame(headerText: string, logo: HeaderLogo | undefined) {
  const run = { size: FRAME_TEXT_SIZE, color: FRAME_COLOR };
  const headerLine = logo
    ? new Paragraph({
        spacing: { after: 0 },
        tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
        children: [createLogoRun(logo), new TextRun({ ...run, children: [new Tab(), headerText] })],
      })
    : new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 0 }, children: [new TextRun({ ...run, text: headerText })] });
  return {
    headers: { default: new Header({ children: [headerLine] }) },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 0 },
            children: [new TextRun({ ...run, children: ['Página ', PageNumber.CURRENT, ' de ', PageNumber.TOTAL_PAGES] })],
          }),
        ],
      }),
    },
  };
}

/** A Word document in the house style: one letter-size section holding `body`, optionally framed by a header and page numbers. */
export function renderWordDocument({ title, subject, description, titleSize, paragraphStyles = [], body, pageHeader, headerLogo, footnotes, numbering }: WordDocumentOptions): Promise<Buffer> {
  const document = new Document({
    title,
    subject,
    description,
    creator: 'Telar',
    lastModifiedBy: 'Telar',
    ...(footnotes ? { footnotes } : {}),
    ...(numbering ? { numbering } : {}),
    styles: {
      paragraphStyles: [CELL_STYLE_DEFINITION, ...paragraphStyles],
      default: {
        document: {
          run: { font: FONT, size: 22, color: TEXT_COLOR, language: { value: 'es-MX' } },
          paragraph: { spacing: { after: 160, line: 264 } },
        },
        heading1: { run: { font: FONT, size: titleSize, bold: true, color: TEXT_COLOR }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 240 } } },
        heading2: headingStyle(26),
        heading3: headingStyle(24),
        heading4: headingStyle(22),
        heading5: headingStyle(22),
        heading6: headingStyle(22),
      },
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
        ...(pageHeader === undefined ? {} : createPageFrame(pageHeader, headerLogo)),
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
