/**
 * Every limit on what an import reads, in one place: the API and the command line apply the same.
 * Files are untrusted: they are refused before they can make the server build something big.
 */
import type { ZipLimits } from './zip-limits.js';

/**
 * The largest file an import takes (a plan template, a mechanism report text): the API's request
 * body limit (app.ts) and what the command line checks with stat before reading a file.
 */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * What an .xlsx may inflate to. Excel stores a 20,000-row template in a few MB of XML; the parts a
 * workbook has (sheets, styles, themes, images) are a few dozen.
 */
export const XLSX_ZIP_LIMITS: ZipLimits = { maxEntries: 1_000, maxEntryBytes: 32 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 };

/** The largest table read from a spreadsheet or CSV: rows and columns holding values. */
export const TABLE_LIMITS = { maxRows: 20_000, maxColumns: 100 };

export const formatCount = (n: number) => n.toLocaleString('es-MX');
/** Rounded up to a tenth, so that a file just over a limit does not read as the limit itself. */
export const formatMegabytes = (bytes: number) => `${formatCount(Math.ceil((bytes * 10) / (1024 * 1024)) / 10)} MB`;

export const tooManyRows = () => new Error(`La hoja tiene más de ${formatCount(TABLE_LIMITS.maxRows)} filas con datos; divida el archivo.`);
export const tooManyColumns = () => new Error(`La hoja tiene datos en más de ${formatCount(TABLE_LIMITS.maxColumns)} columnas; quite las columnas que sobran.`);

/** What a .docx may inflate to: its text, footnotes and numbering are a few MB at most (images are not read). */
export const DOCX_ZIP_LIMITS: ZipLimits = { maxEntries: 2_000, maxEntryBytes: 32 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 };

/**
 * A statistical dataset is larger than other imports: a file of observations in long form, one row
 * each (the SESNSP child-victims file is 5.6 MB and 108,864 rows). CSV up to 100 MB and 2,000,000
 * rows; an .xlsx within TABLE_LIMITS (larger tables travel as CSV).
 */
export const DATASET_IMPORT_MAX_BYTES = 100 * 1024 * 1024;
export const DATASET_MAX_ROWS = 2_000_000;
