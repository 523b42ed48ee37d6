/**
 * The member list as its Excel and CSV downloads: the domain's member table (the columns the import reads
 * back, so a file exported, edited and imported keeps every member) and today's status. Contacts only in
 * the download of who manages the network.
 */
import { MEMBER_TABLE_HEADERS, memberTableRow, type NetworkMemberView } from '@telar/domain';
import type { TableColumn } from '../../platform/documents/table-file.js';

/** The Spanish name of each status, as the web catalogue shows it. */
export const MEMBER_STATUS_LABELS = { new: 'Nuevo', active: 'Activo', grace: 'En periodo de gracia', lapsed: 'Vencido', withdrawn: 'Dado de baja' } as const;

/** The member table's columns holding contacts: those a member with only contacts fills. */
const CONTACT_COLUMNS = new Set(
  memberTableRow({ name: '', acronym: null, stateCode: null, sector: null, joinedOn: null, leftOn: null, contactName: 'x', contactEmail: 'x', contactPhone: 'x' }).flatMap((cell, index) =>
    cell ? [index] : [],
  ),
);

const STATUS_KEY = 'status';

export function memberExportColumns(withContacts: boolean): TableColumn[] {
  return [
    ...MEMBER_TABLE_HEADERS.flatMap((header, index) => (withContacts || !CONTACT_COLUMNS.has(index) ? [{ key: String(index), header }] : [])),
    { key: STATUS_KEY, header: 'Estatus' },
  ];
}

export function toMemberExportRow(member: NetworkMemberView): Record<string, string | null> {
  const cells = memberTableRow({
    name: member.name,
    acronym: member.acronym,
    stateCode: member.stateCode,
    sector: member.sector,
    joinedOn: member.joinedOn,
    leftOn: member.leftOn,
    contactName: member.contact?.name ?? null,
    contactEmail: member.contact?.email ?? null,
    contactPhone: member.contact?.phone ?? null,
  });
  return { ...Object.fromEntries(cells.map((cell, index) => [String(index), cell || null])), [STATUS_KEY]: member.status ? MEMBER_STATUS_LABELS[member.status] : null };
}
