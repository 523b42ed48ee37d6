/** A plain-text table with columns padded to their widest cell; numeric-looking cells align right. */
export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const isNumeric = (cell: string) => /^[\d.,]+( ?(ms|s|KB|×))?$/.test(cell);
  const formatRow = (cells: string[]) =>
    cells.map((cell, column) => (isNumeric(cell) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd();
  return [formatRow(headers), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(formatRow)].join('\n');
}
