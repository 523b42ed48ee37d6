/**
 * Files people exchange with Telar about plans and activities: the plan template read from CSV or
 * Excel (platform/documents/xlsx-reader.ts, never exceljs: files are untrusted), the plan written as
 * an Excel workbook (in the house style of platform/documents/table-file.ts) or a Word document, and
 * the activities download.
 */
import {
  AlignmentType,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { CELL_MARGINS, CELL_STYLE, cleanWordText, CONTENT_WIDTH, renderWordDocument, TABLE_BORDERS } from '../../platform/documents/word-style.js';
import type ExcelJS from 'exceljs';
import {
  DATE_FORMAT,
  EXCEL_HEADER_FONT,
  excelValue,
  fitWidths,
  newWorkbook,
  styleSheet,
  type TableColumn,
  textWidth,
  workbookBuffer,
} from '../../platform/documents/table-file.js';
import { TABLE_LIMITS, tooManyColumns, tooManyRows } from '../../platform/documents/import-limits.js';
import { readFirstSheet } from '../../platform/documents/xlsx-reader.js';
import {
  ACTIVITY_KIND_LABELS,
  PLAN_NODE_KIND_LABELS,
  PLAN_TEMPLATE_HEADERS,
  findStateByIso,
  flattenTree,
  formatSpanishDate,
  parseCsv,
  planToTable,
  type ActivityKind,
  type ActivityView,
  type PlanDetailView,
  type PlanTreeNode,
} from '@telar/domain';

// ---------------------------------------------------------------------------------------------
// Reading an uploaded table
// ---------------------------------------------------------------------------------------------

const UNSUPPORTED_FILE = 'Formato de archivo no admitido: suba la plantilla como .xlsx (Excel) o .csv.';
const OLD_EXCEL_FILE = 'Los archivos .xls (Excel 97-2003) no se admiten: guárdelo como .xlsx o .csv y vuelva a subirlo.';
const UNREADABLE_CSV = 'No se pudo leer el archivo CSV; guárdelo como «CSV UTF-8 (delimitado por comas)».';

/**
 * Reads an uploaded table into rows of text cells, keeping spreadsheet row numbers (row 1 is
 * `rows[0]`). CSV may be comma- or semicolon-separated (Excel in Spanish saves with ";"), UTF-8 with
 * or without BOM, or Windows-1252 as older Excel saves it; .xlsx is read from its first sheet.
 * Throws an Error with a Spanish message when the file is of another kind, cannot be read or passes
 * the limits of platform/documents/import-limits.ts.
 */
export async function readTableFile(fileName: string, bytes: Uint8Array): Promise<string[][]> {
  const name = fileName.trim().toLowerCase();
  if (name.endsWith('.csv')) return readCsvFile(bytes);
  if (name.endsWith('.xlsx')) return readFirstSheet(bytes);
  if (name.endsWith('.xls')) throw new Error(OLD_EXCEL_FILE);
  throw new Error(UNSUPPORTED_FILE);
}

function readCsvFile(bytes: Uint8Array): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Not UTF-8: "CSV (delimitado por comas)" from Excel in Spanish is Windows-1252.
    try {
      text = new TextDecoder('windows-1252').decode(bytes);
    } catch {
      throw new Error(UNREADABLE_CSV);
    }
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw new Error(UNREADABLE_CSV);

  // Excel's "sep=;" hint line, which Excel itself hides when it opens the file.
  const hint = /^sep=(.)\r?\n/i.exec(text);
  const rows = hint ? parseCsv(text.slice(hint[0].length), hint[1]!) : parseCsv(text, detectDelimiter(text));
  // The same table limits as a workbook's; the file's size already bounds what was parsed.
  if (rows.length > TABLE_LIMITS.maxRows) throw tooManyRows();
  if (rows.some((cells) => cells.length > TABLE_LIMITS.maxColumns)) throw tooManyColumns();
  return rows;
}

/** The separator of the header line: whichever of "," and ";" it has more of outside quotes. */
function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let isQuoted = false;
  for (const char of text) {
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (char === '\n' || char === '\r')) break;
    else if (!isQuoted && char === ',') commas++;
    else if (!isQuoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

// ---------------------------------------------------------------------------------------------
// The plan as a workbook
// ---------------------------------------------------------------------------------------------

const NUMBER_COLUMNS = new Set<string>(['avance', 'peso']);
const DATE_COLUMNS = new Set<string>(['fecha de inicio', 'fecha límite']);

/**
 * The plan template filled with the plan, to edit and upload again: sheet "Plan" with one row per
 * node, and sheet "Estados" listing the statuses the "estado" column accepts.
 */
export async function writePlanWorkbook(plan: PlanDetailView): Promise<Buffer> {
  const workbook = newWorkbook();
  workbook.title = plan.name;

  const sheet = workbook.addWorksheet('Plan');
  const [header = [], ...rows] = planToTable(plan);
  sheet.addRow(header);
  for (const cells of rows) {
    const row = sheet.addRow(
      cells.map((text, index): ExcelJS.CellValue => {
        const field = header[index] ?? '';
        if (text === '') return null;
        if (NUMBER_COLUMNS.has(field)) return Number(text);
        if (DATE_COLUMNS.has(field)) return excelValue(text);
        return text;
      }),
    );
    DATE_COLUMNS.forEach((field) => {
      const cell = row.getCell(header.indexOf(field) + 1);
      if (cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
    });
  }
  // Codes are text ("2.10" is not 2.1), so a typed-in code stays as written.
  const codeColumns = [PLAN_TEMPLATE_HEADERS.indexOf('código'), PLAN_TEMPLATE_HEADERS.indexOf('código superior')];
  for (const index of codeColumns) sheet.getColumn(index + 1).numFmt = '@';
  const titleColumn = sheet.getColumn(PLAN_TEMPLATE_HEADERS.indexOf('título') + 1);
  titleColumn.alignment = { wrapText: true, vertical: 'top' };
  styleSheet(sheet, header.length);
  fitWidths(sheet, textWidth);

  const statuses = workbook.addWorksheet('Estados');
  statuses.addRow(['Estado', 'Clave', 'Avance que representa', 'Cerrado']);
  for (const status of plan.statuses) {
    statuses.addRow([status.label, status.key, status.progress, status.isClosed ? 'Sí' : 'No']);
  }
  statuses.addRow([]);
  statuses.addRow(['Tipos de nodo']);
  statuses.lastRow!.font = EXCEL_HEADER_FONT;
  for (const label of Object.values(PLAN_NODE_KIND_LABELS)) statuses.addRow([label]);
  styleSheet(statuses);
  fitWidths(statuses, textWidth);

  return workbookBuffer(workbook);
}

// ---------------------------------------------------------------------------------------------
// The plan as a Word document
// ---------------------------------------------------------------------------------------------

const LATE_COLOR = 'C00000';
const HEADER_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' };
const DETAIL_STYLE = 'NodeDetail';
const NODE_HEADINGS = [HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
/** Late-node table: code, title, responsibles, due date, status, progress (shares of the width; the title takes what is left). */
const LATE_COLUMNS = [
  { header: 'Código', share: 0.1 },
  { header: 'Título', share: 0 },
  { header: 'Responsables', share: 0.2 },
  { header: 'Fecha límite', share: 0.13 },
  { header: 'Estado', share: 0.11 },
  { header: 'Avance', share: 0.1 },
];
/** Table text is 11 pt Arial; a bold character is at most about 0.62 em wide on average in Spanish words. */
const TABLE_TEXT_PT = 11;
const BOLD_EM_PER_CHARACTER = 0.62;

/**
 * Column widths (twips) where every word of every header fits on its line: a column is its share of
 * the width or its header's longest word, whichever is wider, and the flexible column gets the rest.
 */
function fitHeaderWidths(columns: { header: string; share: number }[]): number[] {
  const wordWidth = (word: string) => Math.ceil(word.length * BOLD_EM_PER_CHARACTER * TABLE_TEXT_PT * 20) + CELL_MARGINS.left + CELL_MARGINS.right;
  const widths = columns.map((c) => Math.max(Math.round(CONTENT_WIDTH * c.share), ...c.header.split(/\s+/).map(wordWidth)));
  const flexible = columns.findIndex((c) => c.share === 0);
  widths[flexible] = CONTENT_WIDTH - widths.reduce((sum, width, index) => (index === flexible ? sum : sum + width), 0);
  return widths;
}
const LATE_WIDTHS = fitHeaderWidths(LATE_COLUMNS);


const percentFormat = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 1 });
const formatProgress = (value: number | null) => (value === null ? 'sin dato' : `${percentFormat.format(value)} %`);

/** "del 1 de enero de 2021 al 31 de diciembre de 2024", or what part of it is known. */
function describePeriod(from: string | null, to: string | null): string {
  if (from && to) return `del ${formatSpanishDate(from)} al ${formatSpanishDate(to)}`;
  if (from) return `a partir del ${formatSpanishDate(from)}`;
  if (to) return `hasta el ${formatSpanishDate(to)}`;
  return 'sin definir';
}

const responsibleNames = (node: PlanTreeNode) => node.responsibleOrganizations.map((o) => (o.acronym ? `${o.name} (${o.acronym})` : o.name));

/**
 * The plan as a Word document: what it is, its period and overall progress, every node as a heading
 * nested by depth with its kind, status, progress, responsibles and due date, then the late nodes.
 */
export async function writePlanDocument(plan: PlanDetailView): Promise<Buffer> {
  const statusLabel = (key: string | null) => (key === null ? 'sin estado' : (plan.statuses.find((s) => s.key === key)?.label ?? key));
  const title = cleanWordText(plan.shortName ? `${plan.name} (${plan.shortName})` : plan.name);
  const late = flattenTree(plan.nodes).filter((node) => node.isLate);

  const body: (Paragraph | Table)[] = [
    new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
    labelled('Órgano', cleanWordText(plan.body.name)),
    labelled('Periodo', describePeriod(plan.periodFrom, plan.periodTo)),
    labelled('Avance general', formatProgress(plan.progress)),
    labelled('Nodos atrasados', String(late.length)),
  ];
  if (plan.description) {
    for (const line of splitLines(plan.description)) body.push(new Paragraph({ text: line, alignment: AlignmentType.JUSTIFIED }));
  }
  if (plan.nodes.length === 0) body.push(new Paragraph({ text: 'El plan todavía no tiene nodos.' }));

  const visit = (node: PlanTreeNode, depth: number) => {
    body.push(
      new Paragraph({
        text: cleanWordText(`${node.code} ${node.title.replace(/\s+/g, ' ')}`),
        heading: NODE_HEADINGS[Math.min(depth, NODE_HEADINGS.length - 1)],
      }),
      nodeDetails(node, statusLabel(node.status)),
    );
    for (const child of node.children) visit(child, depth + 1);
  };
  for (const root of plan.nodes) visit(root, 0);

  body.push(new Paragraph({ text: 'Nodos atrasados', heading: HeadingLevel.HEADING_2, pageBreakBefore: plan.nodes.length > 0 }));
  if (late.length === 0) body.push(new Paragraph({ text: 'Ningún nodo está atrasado.' }));
  else body.push(lateTable(late, statusLabel));

  return renderWordDocument({
    title,
    subject: 'Plan',
    titleSize: 28,
    paragraphStyles: [{ id: DETAIL_STYLE, name: 'Detalle de nodo', basedOn: 'Normal', run: { size: 20 }, paragraph: { spacing: { after: 120 } } }],
    body,
  });
}

function labelled(label: string, value: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)], spacing: { after: 60 } });
}

/** "Línea de acción · Estado: En curso · Avance: 50 % · Responsables: … · Fecha límite: … · Atrasado". */
function nodeDetails(node: PlanTreeNode, status: string): Paragraph {
  const parts: TextRun[][] = [
    [new TextRun(PLAN_NODE_KIND_LABELS[node.kind])],
    [new TextRun({ text: 'Estado: ', bold: true }), new TextRun(cleanWordText(status))],
    [new TextRun({ text: 'Avance: ', bold: true }), new TextRun(formatProgress(node.rolledProgress))],
  ];
  const responsible = responsibleNames(node);
  if (responsible.length) parts.push([new TextRun({ text: 'Responsables: ', bold: true }), new TextRun(cleanWordText(responsible.join('; ')))]);
  if (node.dueDate) parts.push([new TextRun({ text: 'Fecha límite: ', bold: true }), new TextRun(formatSpanishDate(node.dueDate))]);
  if (node.isLate) parts.push([new TextRun({ text: 'Atrasado', bold: true, color: LATE_COLOR })]);
  const children = parts.flatMap((runs, index) => (index === 0 ? runs : [new TextRun(' · '), ...runs]));
  return new Paragraph({ children, style: DETAIL_STYLE });
}

function lateTable(nodes: PlanTreeNode[], statusLabel: (key: string | null) => string): Table {
  const cell = (text: string, index: number, isHeader = false) =>
    new TableCell({
      width: { size: LATE_WIDTHS[index] ?? 0, type: WidthType.DXA },
      shading: isHeader ? HEADER_SHADING : undefined,
      children: [new Paragraph({ children: [new TextRun({ text: cleanWordText(text), bold: isHeader })], style: CELL_STYLE })],
    });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: LATE_WIDTHS,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    margins: CELL_MARGINS,
    rows: [
      new TableRow({ tableHeader: true, children: LATE_COLUMNS.map((c, i) => cell(c.header, i, true)) }),
      ...nodes.map(
        (node) =>
          new TableRow({
            cantSplit: true,
            children: [
              node.code,
              node.title.replace(/\s+/g, ' '),
              responsibleNames(node).join('; ') || 'Sin responsables',
              node.dueDate ? formatSpanishDate(node.dueDate) : '',
              statusLabel(node.status),
              formatProgress(node.rolledProgress),
            ].map((text, i) => cell(text, i)),
          }),
      ),
    ],
  });
}

function splitLines(text: string): string[] {
  return cleanWordText(text)
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

// ---------------------------------------------------------------------------------------------
// Activities for download
// ---------------------------------------------------------------------------------------------


/** The columns of the activities download, in order, with their Spanish headers. */
export const ACTIVITY_EXPORT_COLUMNS = [
  { key: 'kind', header: 'Tipo' },
  { key: 'title', header: 'Título' },
  { key: 'start', header: 'Fecha de inicio' },
  { key: 'end', header: 'Fecha de término' },
  { key: 'organizations', header: 'Instituciones' },
  { key: 'states', header: 'Entidades' },
  { key: 'stateCodes', header: 'Claves de entidad (ISO 3166-2)' },
  { key: 'events', header: 'Eventos' },
  { key: 'participants', header: 'Participantes' },
  { key: 'peopleReached', header: 'Personas alcanzadas' },
  { key: 'planNodes', header: 'Nodos del plan' },
] as const satisfies readonly TableColumn[];

export type ActivityExportRow = {
  /** The kind's Spanish label. */
  kind: string;
  title: string;
  start: string;
  end: string | null;
  /** Lead organisations first, then partners, joined by "; ". */
  organizations: string;
  /** State names (INEGI's short names) joined by "; ". */
  states: string;
  /** Their ISO 3166-2 codes, in the same order, joined by "; ". */
  stateCodes: string;
  events: number | null;
  participants: number | null;
  peopleReached: number | null;
  /** Node codes joined by "; ". */
  planNodes: string;
};

export interface ActivityJson {
  /** The kind's key ("training"). */
  kind: ActivityKind;
  title: string;
  start: string;
  end: string | null;
  organizations: string[];
  states: string[];
  events: number | null;
  participants: number | null;
  peopleReached: number | null;
  planNodes: string[];
}

/** An activity in the JSON download: lists stay lists. */
export function toActivityJson(a: ActivityView): ActivityJson {
  return {
    kind: a.kind,
    title: a.title,
    start: a.startDate,
    end: a.endDate,
    organizations: [...a.leadOrganizations, ...a.partnerOrganizations].map((o) => o.name),
    states: [...a.stateCodes],
    events: a.events,
    participants: a.participants,
    peopleReached: a.peopleReached,
    planNodes: a.planNodes.map((n) => n.code),
  };
}

/** An activity as a row of the CSV or Excel download. */
export function toActivityExportRow(a: ActivityView): ActivityExportRow {
  const json = toActivityJson(a);
  return {
    kind: ACTIVITY_KIND_LABELS[a.kind],
    title: json.title,
    start: json.start,
    end: json.end,
    organizations: json.organizations.join('; '),
    states: json.states.map((code) => findStateByIso(code)?.shortName ?? code).join('; '),
    stateCodes: json.states.join('; '),
    events: json.events,
    participants: json.participants,
    peopleReached: json.peopleReached,
    planNodes: json.planNodes.join('; '),
  };
}

