/**
 * TEMPORARY: stand-ins for the pure functions the net-domain branch adds to packages/domain/src/networks/
 * (readMemberTable), with the same signature. Deleted when that branch is merged.
 */
import { findStateByIso, MEXICAN_STATES, SECTORS } from '@telar/domain';

export interface MemberTableRow {
  row: number;
  name: string;
  acronym: string | null;
  stateCode: string | null;
  sector: string;
  joinedOn: string | null;
  leftOn: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}

const HEADERS: Record<string, keyof Omit<MemberTableRow, 'row'>> = {
  nombre: 'name',
  siglas: 'acronym',
  entidad: 'stateCode',
  'entidad federativa': 'stateCode',
  sector: 'sector',
  'fecha de ingreso': 'joinedOn',
  'fecha de baja': 'leftOn',
  contacto: 'contactName',
  'correo del contacto': 'contactEmail',
  'teléfono del contacto': 'contactPhone',
};
const SECTOR_NAMES: Record<string, string> = {
  gobierno: 'government',
  'organización de la sociedad civil': 'civil_society',
  'sociedad civil': 'civil_society',
  academia: 'academia',
  'sector privado': 'private_sector',
  'organismo internacional': 'international',
  otro: 'other',
};

export function readMemberTable(rows: string[][]): { members: MemberTableRow[]; issues: { row: number; column: string | null; message: string }[] } {
  const issues: { row: number; column: string | null; message: string }[] = [];
  const header = rows[0] ?? [];
  const columns = header.map((h) => HEADERS[h.trim().toLowerCase()]);
  if (!columns.includes('name')) return { members: [], issues: [{ row: 1, column: null, message: 'Falta la columna «Nombre».' }] };
  const members: MemberTableRow[] = [];
  rows.slice(1).forEach((cells, index) => {
    const row = index + 2;
    if (!cells.some((cell) => cell?.trim())) return;
    const value = (key: keyof Omit<MemberTableRow, 'row'>) => {
      const at = columns.indexOf(key);
      const text = at >= 0 ? (cells[at] ?? '').trim() : '';
      return text || null;
    };
    const name = value('name');
    if (!name) issues.push({ row, column: 'Nombre', message: 'Falta el nombre de la organización.' });
    const stateText = value('stateCode');
    const state = stateText ? (findStateByIso(stateText) ?? MEXICAN_STATES.find((s) => s.name.toLowerCase() === stateText.toLowerCase() || s.shortName.toLowerCase() === stateText.toLowerCase())) : undefined;
    if (stateText && !state) issues.push({ row, column: 'Entidad', message: `«${stateText}» no es una entidad federativa.` });
    const sectorText = value('sector');
    const sector = sectorText ? (SECTOR_NAMES[sectorText.toLowerCase()] ?? ((SECTORS as readonly string[]).includes(sectorText) ? sectorText : null)) : 'civil_society';
    if (!sector) issues.push({ row, column: 'Sector', message: `«${sectorText}» no es un sector.` });
    const date = (key: 'joinedOn' | 'leftOn', column: string) => {
      const text = value(key);
      if (text && !/^\d{4}-\d{2}-\d{2}$/.test(text)) {
        issues.push({ row, column, message: `«${text}» no es una fecha (AAAA-MM-DD).` });
        return null;
      }
      return text;
    };
    const joinedOn = date('joinedOn', 'Fecha de ingreso');
    const leftOn = date('leftOn', 'Fecha de baja');
    if (name && sector) {
      members.push({ row, name, acronym: value('acronym'), stateCode: state?.iso ?? null, sector, joinedOn, leftOn, contactName: value('contactName'), contactEmail: value('contactEmail'), contactPhone: value('contactPhone') });
    }
  });
  return { members, issues };
}
