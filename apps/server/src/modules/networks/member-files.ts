/** The member list as rows of its Excel and CSV downloads, in Spanish; contacts only in the managers' download. */
import { findStateByIso, SECTOR_LABELS, type NetworkMemberView } from '@telar/domain';
import type { TableColumn } from '../../platform/documents/table-file.js';

/** The Spanish name of each status, as the web catalogue shows it. */
export const MEMBER_STATUS_LABELS = { new: 'Nuevo', active: 'Activo', grace: 'En periodo de gracia', lapsed: 'Vencido', withdrawn: 'Dado de baja' } as const;

const BASE_COLUMNS: TableColumn[] = [
  { key: 'name', header: 'Nombre' },
  { key: 'acronym', header: 'Siglas' },
  { key: 'state', header: 'Entidad federativa' },
  { key: 'stateCode', header: 'Clave de entidad (ISO 3166-2)' },
  { key: 'sector', header: 'Sector' },
  { key: 'joinedOn', header: 'Fecha de ingreso' },
  { key: 'leftOn', header: 'Fecha de baja' },
  { key: 'status', header: 'Estatus' },
];
const CONTACT_COLUMNS: TableColumn[] = [
  { key: 'contactName', header: 'Contacto' },
  { key: 'contactEmail', header: 'Correo del contacto' },
  { key: 'contactPhone', header: 'Teléfono del contacto' },
];

export const memberExportColumns = (withContacts: boolean) => (withContacts ? [...BASE_COLUMNS, ...CONTACT_COLUMNS] : BASE_COLUMNS);

export function toMemberExportRow(member: NetworkMemberView) {
  const state = member.stateCode ? findStateByIso(member.stateCode) : undefined;
  return {
    name: member.name,
    acronym: member.acronym,
    state: state?.shortName ?? member.stateCode,
    stateCode: member.stateCode,
    sector: SECTOR_LABELS[member.sector],
    joinedOn: member.joinedOn,
    leftOn: member.leftOn,
    status: member.status ? MEMBER_STATUS_LABELS[member.status] : null,
    contactName: member.contact?.name ?? null,
    contactEmail: member.contact?.email ?? null,
    contactPhone: member.contact?.phone ?? null,
  };
}
