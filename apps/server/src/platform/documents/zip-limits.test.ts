import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { openZip, ZipFormatError, ZipLimitError, type ZipLimits } from './zip-limits.js';
import { bombEntry, deflatedEntry, type RawZipEntry, writeZip } from './zip.test-support.js';

const MB = 1024 * 1024;
const limits: ZipLimits = { maxEntries: 10, maxEntryBytes: 2 * MB, maxTotalBytes: 3 * MB };
const text = (bytes: Buffer | undefined) => bytes?.toString('utf8');
/** 2 MB that deflate to a few KB. */
const large = (name: string) => deflatedEntry(name, 'á'.repeat(MB));

describe('openZip', () => {
  it('reads stored and deflated entries of an archive another library wrote', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>', { compression: 'STORE' });
    zip.file('xl/workbook.xml', '<workbook>niñas y niños</workbook>', { compression: 'DEFLATE' });
    const archive = openZip(await zip.generateAsync({ type: 'uint8array' }), limits);
    expect(archive.names).toEqual(['[Content_Types].xml', 'xl/', 'xl/workbook.xml']);
    expect(text(await archive.read('[Content_Types].xml'))).toBe('<Types/>');
    expect(text(await archive.read('xl/workbook.xml'))).toBe('<workbook>niñas y niños</workbook>');
    expect(await archive.read('xl/styles.xml')).toBeUndefined();
  });

  it('refuses more entries than allowed before reading any', () => {
    const entries = Array.from({ length: 11 }, (_, i) => deflatedEntry(`parte${i}.xml`, 'x'));
    expect(() => openZip(writeZip(entries), limits)).toThrow(new ZipLimitError('El archivo contiene 11 archivos comprimidos; se admiten hasta 10.'));
  });

  it('stops inflating an entry at its limit, whatever size it declares; entries not read cost nothing', async () => {
    for (const declaredSize of [undefined, 100]) {
      const bomb = bombEntry('xl/worksheets/sheet1.xml', { prefix: '<x>', unit: 'A'.repeat(MB), copies: 1_000, suffix: '</x>', declaredSize });
      const archive = openZip(writeZip([bomb, deflatedEntry('xl/workbook.xml', '<workbook/>')]), limits);
      expect(text(await archive.read('xl/workbook.xml'))).toBe('<workbook/>');
      await expect(archive.read('xl/worksheets/sheet1.xml')).rejects.toThrow(
        new ZipLimitError('La parte «xl/worksheets/sheet1.xml» del archivo se descomprime a más de 2 MB; divida el archivo.'),
      );
    }
  });

  it('counts every entry read towards the total, a stored one or the same data twice', async () => {
    const first = large('a.xml');
    // Two directory entries over the same stored bytes: what is counted is what is inflated.
    const archive = openZip(withSecondName(writeZip([first]), 'b.xml'), limits);
    expect((await archive.read('a.xml'))?.length).toBe(2 * MB);
    await expect(archive.read('b.xml')).rejects.toThrow(new ZipLimitError('El archivo se descomprime a más de 3 MB; divida el archivo.'));

    const stored: RawZipEntry = { ...deflatedEntry('c.bin', Buffer.alloc(2 * MB + 1)), method: 0, data: Buffer.alloc(2 * MB + 1) };
    await expect(openZip(writeZip([stored]), limits).read('c.bin')).rejects.toThrow(/«c\.bin» del archivo se descomprime a más de 2 MB/);
  });

  it('refuses what is not a zip, or a damaged, encrypted or ambiguous one', async () => {
    const good = writeZip([deflatedEntry('a.xml', '<a/>')]);
    const refuses = async (bytes: Uint8Array, message: RegExp) => {
      const error = await Promise.resolve()
        .then(() => openZip(bytes, limits).read('a.xml'))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ZipFormatError);
      expect((error as Error).message).toMatch(message);
    };
    await refuses(Buffer.from('esto no es un zip'), /no tiene directorio/);
    await refuses(good.subarray(0, good.length - 5), /no tiene directorio/);
    await refuses(Buffer.concat([good, Buffer.from('basura')]), /no tiene directorio/);
    // The directory is what counts: the local header's CRC is not read, the directory's is.
    expect(text(await openZip(patch(good, (b) => b.writeUInt32LE(0, 14)), limits).read('a.xml'))).toBe('<a/>');
    await refuses(patch(good, (b) => b.writeUInt32LE(1234, centralAt(b) + 16)), /«a\.xml» no pasa la suma de verificación/);
    await refuses(patch(good, (b) => b.writeUInt16LE(1, centralAt(b) + 8)), /está cifrado/);
    await refuses(patch(good, (b) => b.writeUInt16LE(12, centralAt(b) + 10)), /«a\.xml» usa una compresión no admitida/);
    await refuses(patch(good, (b) => b.writeUInt32LE(0xffffffff, centralAt(b) + 20)), /«a\.xml» se sale del archivo/);
    await refuses(patch(good, (b) => b.fill(0xff, 30 + 'a.xml'.length, 34 + 'a.xml'.length)), /«a\.xml» no se puede descomprimir/);
    await refuses(writeZip([deflatedEntry('a.xml', '<a/>'), deflatedEntry('a.xml', '<b/>')]), /«a\.xml» aparece dos veces/);
  });
});

/** Offset of the first central directory entry. */
const centralAt = (zip: Buffer) => zip.readUInt32LE(zip.length - 22 + 16);

function patch(zip: Buffer, edit: (copy: Buffer) => void): Buffer {
  const copy = Buffer.from(zip);
  edit(copy);
  return copy;
}

/** The archive with its one entry listed twice, the second time under another name (same length). */
function withSecondName(zip: Buffer, name: string): Buffer {
  const start = centralAt(zip);
  const end = zip.length - 22;
  const second = Buffer.from(zip.subarray(start, end));
  second.write(name, 46);
  const record = Buffer.from(zip.subarray(end));
  record.writeUInt16LE(2, 8);
  record.writeUInt16LE(2, 10);
  record.writeUInt32LE((end - start) * 2, 12);
  return Buffer.concat([zip.subarray(0, end), second, record]);
}
