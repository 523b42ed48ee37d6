/**
 * Reading zip archives (.xlsx, .docx) sent by people, within limits. The sizes an archive declares
 * are not believed: every entry is inflated with a cap on its output, so a "zip bomb" costs at most
 * the limit in memory and is refused with a message saying which limit it passed.
 */
import { promisify } from 'node:util';
import { crc32, inflateRaw } from 'node:zlib';
import { formatCount, formatMegabytes } from './import-limits.js';

const inflateRawAsync = promisify(inflateRaw);

export interface ZipLimits {
  /** Entries the archive may list. */
  maxEntries: number;
  /** Bytes one entry may inflate to. */
  maxEntryBytes: number;
  /** Bytes the entries read may inflate to together. */
  maxTotalBytes: number;
}

/** The archive passes a limit; the message (Spanish) says which. */
export class ZipLimitError extends Error {}

/** The bytes are not an archive this reader takes: damaged, encrypted, split, ZIP64 or another compression. */
export class ZipFormatError extends Error {}

export interface ZipArchive {
  /** Entry names, in the order of the central directory. */
  readonly names: readonly string[];
  /** An entry's inflated bytes (undefined if there is none); what it inflates to counts towards the total. */
  read(name: string): Promise<Buffer | undefined>;
}

interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  localOffset: number;
}

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const END_SIZE = 22;
const STORED = 0;
const DEFLATED = 8;

const damaged = (reason: string) => new ZipFormatError(`El archivo comprimido está dañado o no es un ZIP: ${reason}.`);

/**
 * Opens an archive from its central directory, refusing more than `limits.maxEntries` entries before
 * reading any. Entries are inflated only when read, each within what is left of the limits.
 */
export function openZip(bytes: Uint8Array, limits: ZipLimits): ZipArchive {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  const count = view.readUInt16LE(end + 10);
  if (view.readUInt16LE(end + 4) !== 0 || view.readUInt16LE(end + 6) !== 0 || view.readUInt16LE(end + 8) !== count) {
    throw new ZipFormatError('El archivo comprimido está dividido en varias partes; no se admite.');
  }
  const directoryStart = view.readUInt32LE(end + 16);
  // The directory ends where the end record begins: no ZIP64 record, nothing hidden in between.
  if (directoryStart + view.readUInt32LE(end + 12) !== end) throw damaged('el directorio no está donde lo declara');
  if (count > limits.maxEntries) {
    throw new ZipLimitError(`El archivo contiene ${formatCount(count)} archivos comprimidos; se admiten hasta ${formatCount(limits.maxEntries)}.`);
  }

  const entries = new Map<string, ZipEntry>();
  let at = directoryStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw damaged('el directorio está incompleto');
    const nameEnd = at + 46 + view.readUInt16LE(at + 28);
    const next = nameEnd + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
    if (next > end) throw damaged('el directorio está incompleto');
    // Names are UTF-8 (flag 11) or CP437; the names Office writes are ASCII, the same in both.
    const entry: ZipEntry = {
      name: view.toString('utf8', at + 46, nameEnd),
      method: view.readUInt16LE(at + 10),
      crc: view.readUInt32LE(at + 16),
      compressedSize: view.readUInt32LE(at + 20),
      localOffset: view.readUInt32LE(at + 42),
    };
    if (view.readUInt16LE(at + 8) & 1) throw new ZipFormatError('El archivo comprimido está cifrado; guárdelo sin contraseña.');
    if (entry.method !== STORED && entry.method !== DEFLATED) throw damaged(`«${entry.name}» usa una compresión no admitida`);
    if (entries.has(entry.name)) throw damaged(`«${entry.name}» aparece dos veces`);
    entries.set(entry.name, entry);
    at = next;
  }
  if (at !== end) throw damaged('el directorio no está donde lo declara');

  let inflated = 0;
  return {
    names: [...entries.keys()],
    async read(name) {
      const entry = entries.get(name);
      if (!entry) return undefined;
      const data = storedBytes(view, entry, directoryStart);
      const isEntryLimit = limits.maxEntryBytes <= limits.maxTotalBytes - inflated;
      const budget = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - inflated);
      const overLimit = () =>
        new ZipLimitError(
          isEntryLimit
            ? `La parte «${entry.name}» del archivo se descomprime a más de ${formatMegabytes(limits.maxEntryBytes)}; divida el archivo.`
            : `El archivo se descomprime a más de ${formatMegabytes(limits.maxTotalBytes)}; divida el archivo.`,
        );
      let content: Buffer;
      if (entry.method === STORED) {
        content = data;
      } else {
        try {
          // zlib stops and fails as soon as the output passes the cap: the bomb is never inflated whole.
          // 256 KB per round trip to zlib's thread instead of 16 KB: 20× faster to reach the cap.
          content = await inflateRawAsync(data, { maxOutputLength: Math.max(1, budget), chunkSize: 256 * 1024 });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw overLimit();
          throw damaged(`«${entry.name}» no se puede descomprimir`);
        }
      }
      if (content.length > budget) throw overLimit();
      if (crc32(content) !== entry.crc) throw damaged(`«${entry.name}» no pasa la suma de verificación`);
      inflated += content.length;
      return content;
    },
  };
}

/** The end-of-central-directory record: the last one whose comment reaches exactly the end of the file. */
function findEndRecord(view: Buffer): number {
  const lowest = Math.max(0, view.length - END_SIZE - 0xffff);
  for (let at = view.length - END_SIZE; at >= lowest; at--) {
    if (view.readUInt32LE(at) === END_SIGNATURE && at + END_SIZE + view.readUInt16LE(at + 20) === view.length) return at;
  }
  throw damaged('no tiene directorio');
}

/** An entry's stored bytes: after its local header, as long as the central directory says, before the directory. */
function storedBytes(view: Buffer, entry: ZipEntry, directoryStart: number): Buffer {
  const at = entry.localOffset;
  if (at + 30 > directoryStart || view.readUInt32LE(at) !== LOCAL_SIGNATURE) throw damaged(`falta el encabezado de «${entry.name}»`);
  const start = at + 30 + view.readUInt16LE(at + 26) + view.readUInt16LE(at + 28);
  if (start + entry.compressedSize > directoryStart) throw damaged(`«${entry.name}» se sale del archivo`);
  return view.subarray(start, start + entry.compressedSize);
}
