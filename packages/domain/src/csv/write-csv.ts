/** A CSV column: its header and how to read the cell from a row. */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null | undefined;
}

/** Extras of a CSV file: `#` comment lines before the header; the BOM can be left out for machine readers. */
export interface CsvFileOptions {
  comments?: readonly string[];
  byteOrderMark?: boolean;
}

/**
 * RFC 4180 CSV with a BOM unless told not to (so spreadsheets open UTF-8 Spanish text correctly). Cells that a
 * spreadsheet would run as a formula (=, +, -, @ first) are prefixed with an apostrophe.
 */
export function writeCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[], options: CsvFileOptions = {}): string {
  const escape = (cell: string | number | null | undefined) => {
    let text = cell === null || cell === undefined ? '' : String(cell);
    if (/^[=+\-@\t\r]/.test(text) && typeof cell === 'string') text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  // A line break inside a comment would start a line that is not a comment.
  const comments = (options.comments ?? []).map((comment) => `# ${comment.replace(/[\r\n]+/g, ' ')}`);
  const lines = [...comments, columns.map((c) => escape(c.header)).join(','), ...rows.map((row) => columns.map((c) => escape(c.value(row))).join(','))];
  return `${options.byteOrderMark === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}
