/** The list of organisations as rows of its Excel and CSV downloads, in Spanish. */
import { findStateByIso, ORGANIZATION_LEVEL_LABELS, SECTOR_LABELS, type OrganizationView } from '@telar/domain';
import type { TableColumn } from '../../platform/documents/table-file.js';

export const ORGANIZATION_EXPORT_COLUMNS: TableColumn[] = [
  { key: 'name', header: 'Nombre' },
  { key: 'acronym', header: 'Siglas' },
  { key: 'sector', header: 'Sector' },
  { key: 'level', header: 'Ámbito u orden de gobierno' },
  { key: 'state', header: 'Entidad federativa' },
  { key: 'stateCode', header: 'Clave de entidad (ISO 3166-2)' },
  { key: 'inegiCode', header: 'Clave de entidad (INEGI)' },
];

export function toOrganizationExportRow(o: OrganizationView) {
  const state = o.stateCode ? findStateByIso(o.stateCode) : undefined;
  return {
    name: o.name,
    acronym: o.acronym,
    sector: SECTOR_LABELS[o.sector],
    level: ORGANIZATION_LEVEL_LABELS[o.level],
    state: state?.shortName ?? o.stateCode,
    stateCode: o.stateCode,
    inegiCode: state?.cve ?? null,
  };
}
