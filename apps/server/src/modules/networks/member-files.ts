/**
 * The member list as its Excel and CSV downloads: the domain's member table (the columns the import reads
 * back, so a file exported, edited and imported keeps every member) with today's status. Contacts only in
 * the download of who manages the network.
 */
import { memberTableRow, type NetworkMemberView, writeMemberTableHeader } from '@telar/domain';
import type { TableColumn } from '../../platform/documents/table-file.js';

/** The Spanish name of each status, as the web catalogue shows it. */
export const MEMBER_STATUS_LABELS = { new: 'Nuevo', active: 'Activo', grace: 'En periodo de gracia', lapsed: 'Vencido', withdrawn: 'Dado de baja' } as const;

export const memberExportColumns = (withContacts: boolean): TableColumn[] => writeMemberTableHeader(withContacts).map((header, index) => ({ key: String(index), header }));

export function toMemberExportRow(member: NetworkMemberView, withContacts: boolean): Record<string, string | null> {
  const cells = memberTableRow(
    {
      name: member.name,
      acronym: member.acronym,
      stateCode: member.stateCode,
      sector: member.sector,
      joinedOn: member.joinedOn,
      leftOn: member.leftOn,
      contactName: member.contact?.name ?? null,
      contactEmail: member.contact?.email ?? null,
      contactPhone: member.contact?.phone ?? null,
      statusLabel: member.status ? MEMBER_STATUS_LABELS[member.status] : null,
    },
    withContacts,
  );
  return Object.fromEntries(cells.map((cell, index) => [String(index), cell || null]));
}
