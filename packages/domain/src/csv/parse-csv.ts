/**
 * RFC 4180 CSV: quoted fields may hold the separator, doubled quotes and line breaks. The separator is
 * a comma, or a semicolon as Excel in Spanish writes it.
 */
export function parseCsv(text: string, separator = ','): string[][] {
  const QUOTE = 34;
  const LINE_FEED = 10;
  const CARRIAGE_RETURN = 13;
  const separatorCode = separator.charCodeAt(0);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  // Plain characters are taken as one slice from here up to the next quote, separator or line break:
  // adding them one at a time makes a large file's parse several times slower.
  let runStart = 0;
  let isQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (isQuoted) {
      if (char !== QUOTE) continue;
      field += text.slice(runStart, i);
      if (text.charCodeAt(i + 1) === QUOTE) {
        field += '"';
        i++;
      } else isQuoted = false;
      runStart = i + 1;
    } else if (char === QUOTE) {
      field += text.slice(runStart, i);
      isQuoted = true;
      runStart = i + 1;
    } else if (char === separatorCode) {
      row.push(field + text.slice(runStart, i));
      field = '';
      runStart = i + 1;
    } else if (char === LINE_FEED || char === CARRIAGE_RETURN) {
      row.push(field + text.slice(runStart, i));
      if (char === CARRIAGE_RETURN && text.charCodeAt(i + 1) === LINE_FEED) i++;
      rows.push(row);
      row = [];
      field = '';
      runStart = i + 1;
    }
  }
  const last = field + text.slice(runStart);
  if (last !== '' || row.length > 0) {
    row.push(last);
    rows.push(row);
  }
  return rows;
}

/** Rows as objects keyed by the header line; `#` comment lines before the header are skipped. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const rows = parseCsv(text).filter((cells) => !(cells.length === 1 && cells[0] === '') && !cells[0]?.startsWith('#'));
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}
