/**
 * The house style of the tables Telar writes as Excel workbooks or CSV (activities, dashboard tables,
 * lists of sessions, agreements and organisations, the plan template): named fonts, a frozen and
 * filtered header, fitted widths, a landscape page fitted to the width, real dates and numbers.
 */
import ExcelJS from 'exceljs';
import { LIST_EXPORT_CAP, mexicoCityDay, writeCsv } from '@telar/domain';

export interface TableColumn {
  key: string;
  header: string;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
export const DATE_FORMAT = 'dd/mm/yyyy';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const MIN_WIDTH = 10;
const MAX_WIDTH = 60;

/** Sheet names: at most 31 characters and none of : \ / ? * [ ]. */
const sheetName = (title: string) => title.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31) || 'Hoja1';

/** A value as a workbook cell: ISO days become dates, lists are joined with "; ". */
export function excelValue(value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 'Sí' : 'No';
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item) => csvValue(item)).join('; ');
  if (typeof value === 'string') {
    const day = ISO_DAY.exec(value);
    if (day) {
      const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
      if (date.toISOString().startsWith(value)) return date;
    }
    return value;
  }
  return JSON.stringify(value);
}

function csvValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'Sí' : 'No';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map((item) => csvValue(item) ?? '').join('; ');
  return JSON.stringify(value);
}

/** Width in characters that fits the longest line of each column, within bounds; longer text wraps. */
export function fitWidths(sheet: ExcelJS.Worksheet, cellWidth: (value: ExcelJS.CellValue) => number): void {
  (sheet.columns ?? []).forEach((column) => {
    let widest = MIN_WIDTH;
    column.eachCell?.({ includeEmpty: false }, (cell) => {
      widest = Math.max(widest, cellWidth(cell.value) + 2);
    });
    column.width = Math.min(MAX_WIDTH, widest);
    if (widest > MAX_WIDTH) column.alignment = { wrapText: true, vertical: 'top' };
  });
}

export const textWidth = (value: ExcelJS.CellValue) =>
  value instanceof Date ? 10 : Math.max(0, ...String(value ?? '').split(/\r?\n/).map((line) => line.length));

/** Fonts named outright, so every office suite shows the same one (Calibri, with Arial where it is missing). */
const EXCEL_BODY_FONT: Partial<ExcelJS.Font> = { name: 'Calibri', family: 2, size: 11 };
export const EXCEL_HEADER_FONT: Partial<ExcelJS.Font> = { ...EXCEL_BODY_FONT, bold: true };

/**
 * A sheet ready to read and to print: named fonts, a bold shaded header row frozen in view (with
 * filters when `columnCount` is given), and a landscape page (letter, Excel's default paper) fitted to the width, repeating
 * the header row on every printed page.
 */
export function styleSheet(sheet: ExcelJS.Worksheet, columnCount = 0): void {
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      cell.font = { ...EXCEL_BODY_FONT, ...cell.font };
    });
  });
  const header = sheet.getRow(1);
  header.font = EXCEL_HEADER_FONT;
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2' }];
  if (columnCount > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columnCount } };
  sheet.pageSetup = {
    ...sheet.pageSetup,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Telar';
  workbook.lastModifiedBy = 'Telar';
  workbook.created = new Date();
  return workbook;
}

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A table as a one-sheet workbook: activities, dashboard tables, lists. A `note` goes below the table, apart from it. */
export async function writeTableWorkbook(sheetTitle: string, columns: TableColumn[], rows: Record<string, unknown>[], note?: string): Promise<Buffer> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet(sheetName(sheetTitle));
  sheet.addRow(columns.map((c) => c.header));
  for (const row of rows) sheet.addRow(columns.map((c) => excelValue(row[c.key])));
  columns.forEach((_, index) => {
    const column = sheet.getColumn(index + 1);
    column.eachCell({ includeEmpty: false }, (cell, rowNumber) => {
      if (rowNumber > 1 && cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
    });
  });
  styleSheet(sheet, columns.length);
  fitWidths(sheet, textWidth);
  if (note) {
    // Added after the widths are fitted, so a long note does not widen the first column.
    sheet.addRow([]);
    sheet.addRow([note]).font = { ...EXCEL_BODY_FONT, italic: true };
  }
  return workbookBuffer(workbook);
}

/** The same table as CSV (UTF-8 with BOM, formula-safe), through the domain writer. */
export function writeTableCsv(columns: TableColumn[], rows: Record<string, unknown>[]): string {
  return writeCsv(
    rows,
    columns.map((c) => ({ header: c.header, value: (row: Record<string, unknown>) => csvValue(row[c.key]) })),
  );
}

/** A generated file ready to send: what the download routes answer with. */
export interface DownloadFile {
  body: string | Buffer;
  contentType: string;
  fileName: string;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A table as CSV (UTF-8) or as an Excel workbook, named `fileStem.csv|xlsx`; the workbook shows `note` below the table. */
export async function renderTableFile(
  table: { title: string; columns: TableColumn[]; rows: object[]; note?: string },
  format: 'csv' | 'xlsx',
  fileStem: string,
): Promise<DownloadFile> {
  const rows = table.rows as Record<string, unknown>[];
  if (format === 'csv') return { body: writeTableCsv(table.columns, rows), contentType: 'text/csv; charset=utf-8', fileName: `${fileStem}.csv` };
  return { body: await writeTableWorkbook(table.title, table.columns, rows, table.note), contentType: XLSX_CONTENT_TYPE, fileName: `${fileStem}.xlsx` };
}

const rowCount = new Intl.NumberFormat('es-MX');

/**
 * A list's download named after the list and today in Mexico City («Acuerdos 2026-12-02.xlsx»).
 * `rows` are read with one more than the cap, so a list that was cut is told from one that fits.
 */
export function renderListFile(list: { title: string; columns: TableColumn[]; rows: object[] }, format: 'csv' | 'xlsx'): Promise<DownloadFile> {
  const isTruncated = list.rows.length > LIST_EXPORT_CAP;
  const note = isTruncated
    ? `Lista incompleta: solo se incluyen las primeras ${rowCount.format(LIST_EXPORT_CAP)} filas. Afine los filtros para descargar el resto.`
    : undefined;
  const rows = isTruncated ? list.rows.slice(0, LIST_EXPORT_CAP) : list.rows;
  return renderTableFile({ ...list, rows, note }, format, `${list.title} ${mexicoCityDay(new Date().toISOString())}`);
}
