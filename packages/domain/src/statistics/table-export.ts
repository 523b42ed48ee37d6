/**
 * A cross-tab as a download: CSV for people (Spanish headers and labels, provenance in `#` lines),
 * SDMX-CSV for machines (codes, SDMX flags) and JSON. Whatever a table holds, a suppressed entry is
 * written without a number.
 */
import { type CsvColumn, writeCsv } from '../csv/write-csv.js';
import { type CrossTab, type CrossTabAudience, type CrossTabMeasure, type ObservationFlag, RATE_BASE, SDMX_OBS_STATUS, type TableCell } from './model.js';

/** The flags as people read them (the web's tables and legends use these too). */
export const FLAG_NAMES_ES: Record<ObservationFlag, string> = {
  provisional: 'preliminar',
  estimated: 'estimado',
  not_available: 'no disponible',
  break: 'ruptura de serie',
  suppressed: 'confidencial',
  inconsistent: 'inconsistente en la fuente',
  unreliable: 'poco confiable',
};

const publishedValue = (entry: TableCell): number | null => (entry.flag === 'suppressed' ? null : entry.value);

export interface CrossTabCsvMeta {
  datasetName: string;
  measureLabel: string;
  kind: CrossTabMeasure;
  view: CrossTabAudience;
  /** The dataset's disclosure threshold: counts from 1 to threshold − 1 are suppressed in the public view. */
  threshold: number;
  /** Label of each code, by dimension; a code without one is written as is. */
  labels: Record<string, Record<string, string>>;
  dimensionLabels: Record<string, string>;
  /** Written one per `#` line, as given. */
  provenance: string[];
}

/**
 * CSV for people: `#` lines naming the dataset, the measure, the view and the provenance; then one
 * column per dimension (its label), «valor» and «marca». The cells come first, then the margins with
 * «Total» in the dimensions they add up.
 */
export function crossTabToCsv(table: CrossTab, meta: CrossTabCsvMeta): string {
  const comments = [
    `Conjunto de datos: ${meta.datasetName}`,
    meta.kind === 'rate' ? `Medida: ${meta.measureLabel}, tasa por ${new Intl.NumberFormat('es-MX').format(RATE_BASE)} niñas, niños y adolescentes` : `Medida: ${meta.measureLabel}`,
    meta.view === 'public'
      ? `Vista pública: cifras de 1 a ${meta.threshold - 1} suprimidas, y otras para que no puedan deducirse de los totales`
      : 'Vista interna: cifras sin suprimir, no es para publicación',
    ...meta.provenance,
  ];
  const columns: CsvColumn<TableCell>[] = [
    ...table.dimensions.map((dimension) => ({
      header: meta.dimensionLabels[dimension] ?? dimension,
      value: (entry: TableCell) => {
        const code = entry.key[dimension];
        return code === undefined ? 'Total' : (meta.labels[dimension]?.[code] ?? code);
      },
    })),
    { header: 'valor', value: publishedValue },
    { header: 'marca', value: (entry) => (entry.flag === null ? null : FLAG_NAMES_ES[entry.flag]) },
  ];
  return writeCsv([...table.cells, ...table.margins], columns, { comments });
}

export interface CrossTabSdmxMeta {
  /** The dataflow's id, under agency TELAR, version 1.0. */
  datasetId: string;
  /** The measure's code. */
  measure: string;
}

/** SDMX's code for "all codes of this dimension" in a margin. */
const SDMX_TOTAL = '_T';
/** Flags SDMX has no code for travel in the comment column. */
const COMMENTED_FLAGS: readonly ObservationFlag[] = ['inconsistent', 'unreliable'];

/**
 * SDMX-CSV (version 2 layout) for machines: codes only, margins with `_T` in the dimensions they add
 * up, OBS_STATUS from the flag (A when none), CONF_STATUS C for a suppressed value and F otherwise.
 * No BOM and no comment lines, which SDMX-CSV does not allow: the provenance goes with the download
 * some other way (the server sends it in an HTTP header).
 */
export function crossTabToSdmxCsv(table: CrossTab, meta: CrossTabSdmxMeta): string {
  const columns: CsvColumn<TableCell>[] = [
    { header: 'STRUCTURE', value: () => 'dataflow' },
    { header: 'STRUCTURE_ID', value: () => `TELAR:${meta.datasetId}(1.0)` },
    { header: 'ACTION', value: () => 'I' },
    ...table.dimensions.map((dimension) => ({ header: dimension.toUpperCase(), value: (entry: TableCell) => entry.key[dimension] ?? SDMX_TOTAL })),
    { header: 'MEASURE', value: () => meta.measure },
    { header: 'OBS_VALUE', value: publishedValue },
    { header: 'OBS_STATUS', value: (entry) => (entry.flag === null ? undefined : SDMX_OBS_STATUS[entry.flag]) ?? 'A' },
    { header: 'CONF_STATUS', value: (entry) => (entry.flag === 'suppressed' ? 'C' : 'F') },
    { header: 'COMMENT', value: (entry) => (entry.flag !== null && COMMENTED_FLAGS.includes(entry.flag) ? FLAG_NAMES_ES[entry.flag] : null) },
  ];
  return writeCsv([...table.cells, ...table.margins], columns, { byteOrderMark: false });
}

/** JSON: exactly `{ dimensions, cells: [{ key, value, flag }], margins: [{ key, value, flag }] }`. */
export function crossTabToJson(table: CrossTab): string {
  const entry = (cell: TableCell): TableCell => ({ key: cell.key, value: publishedValue(cell), flag: cell.flag });
  return `${JSON.stringify({ dimensions: table.dimensions, cells: table.cells.map(entry), margins: table.margins.map(entry) }, null, 2)}\n`;
}
