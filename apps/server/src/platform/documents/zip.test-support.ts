/**
 * Zip archives for tests, written byte by byte so a test can make them lie: declared sizes and CRCs
 * are whatever the entry says, and a bomb's deflate stream is built without inflating it first.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface RawZipEntry {
  name: string;
  /** The bytes stored in the archive: deflated (method 8) or as they are (method 0). */
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  /** The inflated size both headers declare. */
  size: number;
}

/** An honest entry: the text deflated, with its real CRC and size. */
export function deflatedEntry(name: string, content: string | Uint8Array): RawZipEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return { name, data: deflateRawSync(bytes), method: 8, crc: crc32(bytes), size: bytes.length };
}

/**
 * An entry that inflates to `prefix + unit × copies + suffix` while storing `unit` compressed only
 * once: every full-flushed deflate segment is self-contained, so repeating it repeats its output.
 * It declares `declaredSize` (default: the true size, capped at 4 GiB − 1) and a CRC of 0, which
 * no reader gets to check: the inflated size is over any limit long before.
 */
export function bombEntry(name: string, parts: { prefix: string; unit: string; copies: number; suffix: string; declaredSize?: number }): RawZipEntry {
  const flushed = (text: string) => deflateRawSync(Buffer.from(text), { finishFlush: constants.Z_FULL_FLUSH });
  const repeated = flushed(parts.unit);
  const data = Buffer.concat([flushed(parts.prefix), ...Array<Buffer>(parts.copies).fill(repeated), deflateRawSync(Buffer.from(parts.suffix))]);
  const trueSize = parts.prefix.length + parts.unit.length * parts.copies + parts.suffix.length;
  return { name, data, method: 8, crc: 0, size: parts.declaredSize ?? Math.min(trueSize, 0xffffffff) };
}

/** A zip archive of the entries exactly as given: local headers, data, central directory, end record. */
export function writeZip(entries: RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.data));
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The smallest workbook parts around a first sheet whose XML is given: what Excel needs to open it. */
export function workbookEntries(sheet: RawZipEntry): RawZipEntry[] {
  const ns = 'http://schemas.openxmlformats.org';
  return [
    deflatedEntry(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    deflatedEntry(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    deflatedEntry(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    deflatedEntry(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    sheet,
  ];
}

export const SHEET_START = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_END = '</sheetData></worksheet>';

/**
 * A 4 MB .xlsx whose one cell inflates to 3.9 GB of text (and declares so): exceljs died of "heap out
 * of memory" reading it. `declaredSize` makes the headers lie about it.
 */
export function cellBombWorkbook(declaredSize?: number): Buffer {
  return writeZip(
    workbookEntries(
      bombEntry('xl/worksheets/sheet1.xml', {
        prefix: `${SHEET_START}<row r="1"><c r="A1" t="inlineStr"><is><t>`,
        unit: 'A'.repeat(1024 * 1024),
        copies: 4_000,
        suffix: `</t></is></c></row>${SHEET_END}`,
        declaredSize,
      }),
    ),
  );
}
