import { open } from 'node:fs/promises';
import { formatMegabytes, IMPORT_MAX_BYTES } from '../platform/documents/import-limits.js';

/**
 * The bytes of a file to import, within the API's limit (by default, that of every import but a
 * dataset's): its size is checked before reading, and no more than the limit is read even if the
 * file grows meanwhile. Spanish errors name the file.
 */
export async function readImportFile(path: string, maxBytes = IMPORT_MAX_BYTES): Promise<Buffer> {
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT' ? new Error(`No existe el archivo ${path}.`) : new Error(`No se pudo abrir el archivo ${path} (${error.code}).`);
  });
  try {
    const info = await handle.stat();
    // A device or a pipe has no size to check (/dev/zero never ends).
    if (!info.isFile()) throw new Error(`${path} no es un archivo.`);
    const tooLarge = (size: number) => new Error(`El archivo ${path} pesa ${formatMegabytes(size)}; se importan archivos de hasta ${formatMegabytes(maxBytes)}.`);
    if (info.size > maxBytes) throw tooLarge(info.size);
    // One byte more than the limit tells a file that grew since the check; unzeroed, as only what is read is kept.
    const buffer = Buffer.allocUnsafe(maxBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw tooLarge(length);
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}
