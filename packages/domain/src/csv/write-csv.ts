/** A CSV column: its header and how to read the cell from a row. */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null | undefined;
}

/**
 * RFC 4180 CSV with a BOM (so spreadsheets open UTF-8 Spanish text correctly). Cells that a
 * spreadsheet would run as a formula (=, +, -, @ first) are prefixed with an apostrophe.
 */
export function writeCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string {
  const escape = (cell: string | number | null | undefined) => {
    let text = cell === null || cell === undefined ? '' : String(cell);
    if (/^[=+\-@\t\r]/.test(text) && typeof cell === 'string') text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [columns.map((c) => escape(c.header)).join(','), ...rows.map((row) => columns.map((c) => escape(c.value(row))).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
