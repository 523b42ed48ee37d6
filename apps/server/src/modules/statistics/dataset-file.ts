/** A dataset file read within limits: a CSV in UTF-8 or the first sheet of an .xlsx, handed to the domain's readers. */
import { type DatasetImportFields, type ParsedDataset, readDatasetCsv, readDatasetTable } from '@telar/domain';
import { DATASET_IMPORT_MAX_BYTES, DATASET_MAX_ROWS, formatCount, formatMegabytes } from '../../platform/documents/import-limits.js';
import { readFirstSheet } from '../../platform/documents/xlsx-reader.js';
import { DomainError } from '../../platform/errors.js';

const refuse = (message: string) => new DomainError('import_invalid', [{ path: 'file', message }]);

export async function readDatasetFile(file: { name: string; bytes: Uint8Array }, fields: Pick<DatasetImportFields, 'name' | 'dimensions' | 'measure' | 'wideDimension'>): Promise<ParsedDataset> {
  const options = { name: fields.name, dimensions: fields.dimensions, measure: fields.measure, wideDimension: fields.wideDimension };
  if (file.bytes.length > DATASET_IMPORT_MAX_BYTES) throw refuse(`${file.name} pesa ${formatMegabytes(file.bytes.length)}; se importan archivos de hasta ${formatMegabytes(DATASET_IMPORT_MAX_BYTES)}.`);
  if (/\.xlsx$/i.test(file.name)) {
    const rows = await readFirstSheet(file.bytes).catch((error: Error) => {
      throw refuse(error.message);
    });
    return readDatasetTable(rows, options);
  }
  if (!/\.(csv|txt)$/i.test(file.name)) throw refuse(`${file.name}: se importan archivos CSV (.csv) o de Excel (.xlsx).`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    throw refuse(`${file.name} no está en UTF-8; guárdelo como CSV UTF-8.`);
  }
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    if (++lines > DATASET_MAX_ROWS) throw refuse(`${file.name} tiene más de ${formatCount(DATASET_MAX_ROWS)} filas; divida el archivo.`);
  }
  return readDatasetCsv(text, options);
}
