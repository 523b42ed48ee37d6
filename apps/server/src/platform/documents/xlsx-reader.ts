/**
 * Reads the first sheet of an .xlsx workbook into rows of text, within limits. Uploaded workbooks
 * are not given to exceljs: it builds every part of a workbook in memory, expands merged ranges,
 * validations and defined names cell by cell, and so a few hundred bytes of XML can exhaust the
 * heap. This reader inflates only the parts it needs (zip-limits.ts) and keeps only cells with a value.
 */
import { posix } from 'node:path';
import { TABLE_LIMITS, tooManyColumns, tooManyRows, XLSX_ZIP_LIMITS } from './import-limits.js';
import { openZip, type ZipArchive, ZipFormatError } from './zip-limits.js';

const UNREADABLE_XLSX = 'No se pudo leer el archivo de Excel; revise que sea un .xlsx válido (ábralo y guárdelo de nuevo).';
const NO_WORKSHEET = 'El archivo de Excel no tiene ninguna hoja.';

/**
 * The first sheet's cells as the person sees them (dates as ISO days, formulas as their result, rich
 * text as text), keeping sheet row numbers: row 1 is `rows[0]`. Rows and cells without a value are
 * empty; nothing trails the last value. Throws an Error with a Spanish message for a damaged file or
 * one over the limits of import-limits.ts.
 */
export async function readFirstSheet(bytes: Uint8Array): Promise<string[][]> {
  return withReadableErrors(async () => {
    const workbook = await openWorkbook(bytes);
    const first = workbook.worksheets[0];
    const sheet = first ? await readText(workbook.zip, first.path) : undefined;
    if (sheet === undefined) throw new Error(NO_WORKSHEET);
    return readSheetRows(sheet, await workbook.context());
  });
}

/**
 * The worksheets of a workbook named `names` (compared without regard to case or surrounding
 * spaces), read as `readFirstSheet` reads the first, by the name asked for; a sheet the workbook
 * lacks is absent from the map. Within the same limits: a workbook whose sheets are read together.
 */
export async function readSheets(bytes: Uint8Array, names: string[]): Promise<Map<string, string[][]>> {
  return withReadableErrors(async () => {
    const workbook = await openWorkbook(bytes);
    const found = new Map<string, string[][]>();
    for (const name of names) {
      const sheet = workbook.worksheets.find((candidate) => candidate.name.trim().toLowerCase() === name.trim().toLowerCase());
      const xml = sheet ? await readText(workbook.zip, sheet.path) : undefined;
      if (xml !== undefined) found.set(name, readSheetRows(xml, await workbook.context()));
    }
    return found;
  });
}

async function withReadableErrors<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw error instanceof ZipFormatError ? new Error(UNREADABLE_XLSX) : error;
  }
}

/** The archive, its worksheets in the workbook's order and, read once when first asked, what reading cells needs. */
async function openWorkbook(bytes: Uint8Array) {
  const zip = openZip(bytes, XLSX_ZIP_LIMITS);
  const workbook = await readText(zip, 'xl/workbook.xml');
  if (workbook === undefined) throw new Error(UNREADABLE_XLSX);
  const { sheets, is1904 } = readWorkbook(workbook);
  const worksheets = findWorksheetPaths(sheets, (await readText(zip, 'xl/_rels/workbook.xml.rels')) ?? '');
  let context: SheetContext | undefined;
  return {
    zip,
    worksheets,
    context: async () =>
      (context ??= {
        strings: readSharedStrings((await readText(zip, 'xl/sharedStrings.xml')) ?? ''),
        dateStyles: readDateStyles((await readText(zip, 'xl/styles.xml')) ?? ''),
        is1904,
      }),
  };
}

async function readText(zip: ZipArchive, name: string): Promise<string | undefined> {
  return (await zip.read(name))?.toString('utf8');
}

/** The sheets (name and relationship id), in the workbook's order, and its date system. */
function readWorkbook(xml: string): { sheets: { name: string; id: string }[]; is1904: boolean } {
  const sheets: { name: string; id: string }[] = [];
  let is1904 = false;
  walkTags(xml, (tag) => {
    if (tag.isEnd) return;
    if (tag.name === 'workbookPr') is1904 = ['1', 'true'].includes(readAttributes(tag.attributes).get('date1904') ?? '');
    if (tag.name !== 'sheet') return;
    const attributes = readAttributes(tag.attributes);
    const id = [...attributes].find(([name]) => name.endsWith(':id'))?.[1];
    if (id) sheets.push({ name: attributes.get('name') ?? '', id });
  });
  return { sheets, is1904 };
}

/** The sheets that are worksheets (not chart sheets), each with its path inside the archive. */
function findWorksheetPaths(sheets: { name: string; id: string }[], relationships: string): { name: string; path: string }[] {
  const worksheets = new Map<string, string>();
  walkTags(relationships, (tag) => {
    const attributes = tag.name === 'Relationship' && !tag.isEnd ? readAttributes(tag.attributes) : undefined;
    const [id, target] = [attributes?.get('Id'), attributes?.get('Target')];
    if (id && target && attributes!.get('Type')?.endsWith('/worksheet')) worksheets.set(id, target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target)));
  });
  return sheets.flatMap((sheet) => {
    const path = worksheets.get(sheet.id);
    return path === undefined ? [] : [{ name: sheet.name, path }];
  });
}

interface SheetContext {
  strings: string[];
  /** By cell style index: whether its number format shows a date. */
  dateStyles: boolean[];
  is1904: boolean;
}

function readSheetRows(xml: string, context: SheetContext): string[][] {
  const rows: string[][] = [];
  const text = new TextCollector();
  let rowNumber = 0;
  let column = 0;
  let cell: { attributes: Map<string, string>; value: string | undefined } | undefined;
  const merges: string[] = [];
  walkTags(xml, (tag) => {
    if (text.visit(tag)) return;
    if (tag.name === 'mergeCell' && !tag.isEnd) merges.push(readAttributes(tag.attributes).get('ref') ?? '');
    if (tag.name === 'row' && !tag.isEnd) {
      rowNumber = Number(readAttributes(tag.attributes).get('r') ?? rowNumber + 1);
      column = 0;
    } else if (tag.name === 'c' && !tag.isEnd) {
      const attributes = readAttributes(tag.attributes);
      const reference = attributes.get('r');
      column = reference ? (parseReference(reference)?.column ?? Number.NaN) : column + 1;
      cell = tag.isEmpty ? undefined : { attributes, value: undefined };
      text.start();
    } else if (tag.name === 'v' && tag.isEnd && cell) {
      cell.value = tag.text();
    } else if (tag.name === 'c' && tag.isEnd && cell) {
      const value = cellText(cell.attributes, cell.value, text.end(), context);
      cell = undefined;
      if (value === '') return;
      // Checked before the row is built: a stray value at row 1,048,576 or column XFD builds nothing.
      if (!(Number.isInteger(rowNumber) && rowNumber >= 1 && column >= 1)) throw new Error(UNREADABLE_XLSX);
      if (rowNumber > TABLE_LIMITS.maxRows) throw tooManyRows();
      if (column > TABLE_LIMITS.maxColumns) throw tooManyColumns();
      (rows[rowNumber - 1] ??= [])[column - 1] = value;
    }
  });
  fillMergedRanges(rows, merges);
  return Array.from(rows, (cells) => (cells ? Array.from(cells, (value) => value ?? '') : []));
}

/**
 * A merged range shows its first cell's value in every cell, as Excel and exceljs read it, within the
 * table limits. Ranges do not overlap in a valid sheet, so together they cover at most the whole
 * table: more means a hostile file, refused before filling it.
 */
function fillMergedRanges(rows: string[][], merges: string[]): void {
  let area = 0;
  for (const merge of merges) {
    const [first, last = first] = merge.split(':').map(parseReference);
    const value = first && rows[first.row - 1]?.[first.column - 1];
    if (!first || !last || !value) continue;
    if (last.row > TABLE_LIMITS.maxRows) throw tooManyRows();
    if (last.column > TABLE_LIMITS.maxColumns) throw tooManyColumns();
    area += Math.max(0, last.row - first.row + 1) * Math.max(0, last.column - first.column + 1);
    if (area > TABLE_LIMITS.maxRows * TABLE_LIMITS.maxColumns) throw new Error(UNREADABLE_XLSX);
    for (let row = first.row; row <= last.row; row++) {
      for (let column = first.column; column <= last.column; column++) (rows[row - 1] ??= [])[column - 1] = value;
    }
  }
}

/** "AB12" → row 12, column 28; undefined for something that is not a cell reference. */
function parseReference(reference: string): { row: number; column: number } | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(reference);
  if (!match) return undefined;
  const column = [...match[1]!.toUpperCase()].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
  return { row: Number(match[2]), column };
}

/** A cell as the person sees it, from its type, its value and, for an inline string, its text. */
function cellText(attributes: Map<string, string>, value: string | undefined, inlineText: string, context: SheetContext): string {
  const type = attributes.get('t') ?? 'n';
  if (type === 'inlineStr') return inlineText;
  if (value === undefined) return '';
  switch (type) {
    case 's':
      return context.strings[Number(value)] ?? '';
    case 'str':
      return value;
    case 'b':
      return value === '1' || value === 'true' ? 'VERDADERO' : 'FALSO';
    case 'd':
      return isoDay(new Date(value));
    case 'e':
      return '';
    default: {
      const number = value.trim() === '' ? Number.NaN : Number(value);
      if (context.dateStyles[Number(attributes.get('s') ?? 0)]) return isoDay(excelDate(number, context.is1904));
      return formatPlainNumber(number);
    }
  }
}

/** The shared strings, each as plain text. */
function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  const text = new TextCollector();
  walkTags(xml, (tag) => {
    if (text.visit(tag) || tag.name !== 'si') return;
    if (tag.isEmpty) strings.push('');
    else if (tag.isEnd) strings.push(text.end());
    else text.start();
  });
  return strings;
}

/**
 * The text of a string item or inline string: the `<t>` elements of its runs together, without the
 * phonetic guides of East Asian text, with Excel's `_xHHHH_` escapes decoded.
 */
class TextCollector {
  private parts: string[] | undefined;
  private isPhonetic = false;

  start() {
    this.parts = [];
  }

  /** Takes the tags that belong to the text; true when the tag was one of them. */
  visit(tag: Tag): boolean {
    if (tag.name === 'rPh') {
      this.isPhonetic = !tag.isEnd && !tag.isEmpty;
      return true;
    }
    if (tag.name !== 't') return false;
    if (tag.isEnd && this.parts && !this.isPhonetic) this.parts.push(tag.text());
    return true;
  }

  end(): string {
    const text = (this.parts ?? []).join('');
    this.parts = undefined;
    return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, code: string) => String.fromCharCode(Number.parseInt(code, 16)));
  }
}

/** Number formats Excel has built in that show dates or times. */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** For each cell style (cellXfs), whether its number format shows a date. */
function readDateStyles(xml: string): boolean[] {
  const customFormats = new Map<number, string>();
  const styleFormats: number[] = [];
  let isCellStyle = false;
  walkTags(xml, (tag) => {
    if (tag.name === 'cellXfs') isCellStyle = !tag.isEnd && !tag.isEmpty;
    else if (tag.name === 'xf' && isCellStyle && !tag.isEnd) styleFormats.push(Number(readAttributes(tag.attributes).get('numFmtId') ?? 0));
    else if (tag.name === 'numFmt' && !tag.isEnd) {
      const attributes = readAttributes(tag.attributes);
      customFormats.set(Number(attributes.get('numFmtId')), attributes.get('formatCode') ?? '');
    }
  });
  return styleFormats.map((id) => {
    const code = customFormats.get(id);
    if (code === undefined) return BUILT_IN_DATE_FORMATS.has(id);
    // Quoted text, escaped characters and [colour]/[locale] parts say nothing about dates.
    return /[dmyhsb]/i.test(code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, ''));
  });
}

/** A serial day number as a date, in the 1900 or 1904 date system (as Excel and exceljs count). */
const excelDate = (serial: number, is1904: boolean) => new Date(Math.round((serial - 25569 + (is1904 ? 1462 : 0)) * 86_400_000));

const isoDay = (date: Date) => (Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10));

/** 0.30000000000000004 as 0.3: what the spreadsheet shows, never in exponent notation for ordinary figures. */
function formatPlainNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(15)));
}

interface Tag {
  /** The element's name without its namespace prefix. */
  name: string;
  /** What follows the name inside the tag. */
  attributes: string;
  isEnd: boolean;
  /** `<x/>`: opens and ends. */
  isEmpty: boolean;
  /** The text between the previous tag and this one, entities decoded. */
  text: () => string;
}

/**
 * Calls `visit` with each tag of an XML text, in order. Linear in the length of the text whatever it
 * holds (no pattern here can backtrack across a tag), so a hostile part costs what it weighs.
 * Comments, CDATA and processing instructions are not elements Excel writes in these parts.
 */
function walkTags(xml: string, visit: (tag: Tag) => void): void {
  const pattern = /<(\/?)(?:[\w.-]+:)?([\w.-]+)(?=[\s/>])([^<>]*)>/g;
  let textStart = 0;
  for (let match = pattern.exec(xml); match; match = pattern.exec(xml)) {
    const [, slash, name, attributes] = match as unknown as [string, string, string, string];
    const before = xml.slice(textStart, match.index);
    textStart = pattern.lastIndex;
    visit({ name, attributes, isEnd: slash === '/', isEmpty: attributes.endsWith('/'), text: () => decodeXml(before) });
  }
}

/** A tag's attributes by name (prefixed names keep their prefix: "r:id"). Stops at the first thing that is not one. */
function readAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const pattern = /\s*([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) attributes.set(match[1]!, decodeXml(match[2] ?? match[3] ?? ''));
  return attributes;
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/g, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name) return XML_ENTITIES[name]!;
    const code = decimal ? Number(decimal) : Number.parseInt(hex!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
