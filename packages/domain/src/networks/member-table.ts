/**
 * A network's member directory as a spreadsheet (the server turns CSV and XLSX into rows of text
 * cells). Headers are matched like the other importers' (text/labels.ts); states, sectors, dates and
 * e-mails are read, never guessed: a cell that cannot be read is an issue naming its row and column,
 * and the caller imports nothing while there is one. The export writes the same columns, so a file
 * exported, edited and imported back keeps every member as it was.
 */
import { findStateByText, MEXICAN_STATES } from '../geo/states.js';
import { SECTOR_LABELS } from '../history/history-text.js';
import { parseOrganizationName } from '../organizations/normalize.js';
import { EmailSchema } from '../schemas/accounts.js';
import { type Sector, SECTORS } from '../schemas/directory.js';
import { readSpanishDate } from '../text/dates.js';
import { createLabelMatcher } from '../text/labels.js';
import { collapseWhitespace, normalizeLabel } from '../text/normalize.js';

export interface MemberRow {
  /** The spreadsheet row (1-based). */
  row: number;
  name: string;
  acronym: string | null;
  /** ISO 3166-2:MX; null: national (or not said). */
  stateCode: string | null;
  sector: Sector;
  joinedOn: string | null;
  leftOn: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}

export interface MemberTableIssue {
  row: number;
  /** The column's header as written in the file; null for the file as a whole. */
  column: string | null;
  message: string;
}

export interface MemberTable {
  members: MemberRow[];
  /** Anything that stops the import. */
  issues: MemberTableIssue[];
  /** What was read but should be checked: a header taken as the closest column, a column ignored. */
  warnings: MemberTableIssue[];
}

type MemberField = 'name' | 'acronym' | 'state' | 'stateCode' | 'sector' | 'joinedOn' | 'leftOn' | 'status' | 'contactName' | 'contactEmail' | 'contactPhone';

/**
 * Each column with its canonical header first (the one the export writes), then the wordings other lists
 * use. The state may come by name, by code or both (the export writes both; they must agree). The status
 * is computed from the dates and dues, so its column is read past, never imported.
 */
const HEADER_LABELS: Record<MemberField, readonly string[]> = {
  name: ['Nombre', 'Organización', 'Nombre de la organización', 'Organización integrante', 'Integrante', 'Institución'],
  acronym: ['Siglas', 'Acrónimo', 'Sigla'],
  state: ['Entidad federativa', 'Entidad', 'Estado'],
  stateCode: ['Clave de entidad (ISO 3166-2)', 'Clave de entidad', 'Clave INEGI', 'Clave ISO', 'cve_ent'],
  sector: ['Sector', 'Tipo de organización'],
  joinedOn: ['Fecha de ingreso', 'Ingreso', 'Fecha de adhesión', 'Fecha de alta'],
  leftOn: ['Fecha de baja', 'Baja', 'Fecha de salida'],
  status: ['Estatus', 'Estatus de membresía', 'Estado de membresía', 'Situación'],
  contactName: ['Contacto', 'Nombre del contacto', 'Persona de contacto'],
  contactEmail: ['Correo del contacto', 'Correo', 'Correo electrónico', 'Correo de contacto', 'Email', 'E-mail'],
  contactPhone: ['Teléfono del contacto', 'Teléfono', 'Tel', 'Celular', 'Teléfono de contacto'],
};
const HEADERS = createLabelMatcher(HEADER_LABELS);
/** What the export writes without contacts (public or for readers), and the contacts after them. */
const BASE_FIELDS: readonly MemberField[] = ['name', 'acronym', 'state', 'stateCode', 'sector', 'joinedOn', 'leftOn', 'status'];
const CONTACT_FIELDS: readonly MemberField[] = ['contactName', 'contactEmail', 'contactPhone'];

/** The export's header row, in order (contacts last, only in the managers' file); `readMemberTable` reads it back. */
export function writeMemberTableHeader(withContacts = true): string[] {
  return [...BASE_FIELDS, ...(withContacts ? CONTACT_FIELDS : [])].map((field) => HEADER_LABELS[field][0]!);
}
export const MEMBER_TABLE_HEADERS: readonly string[] = writeMemberTableHeader();

/** Sector wordings, compared as labels; only an exact one counts (a sector is never guessed). */
const SECTOR_WORDINGS: Record<Sector, readonly string[]> = {
  government: [SECTOR_LABELS.government, 'Gubernamental', 'Sector público', 'Público', 'Gobierno federal', 'Gobierno estatal', 'Gobierno municipal'],
  civil_society: [SECTOR_LABELS.civil_society, 'Sociedad civil', 'Sociedad civil organizada', 'OSC', 'ONG', 'Asociación civil'],
  academia: [SECTOR_LABELS.academia, 'Universidad', 'Académico', 'Institución académica', 'Institución educativa'],
  private_sector: [SECTOR_LABELS.private_sector, 'Empresa', 'Privado', 'Iniciativa privada', 'Sector empresarial'],
  international: [SECTOR_LABELS.international, 'Internacional', 'Cooperación internacional', 'Organismo multilateral'],
  other: [SECTOR_LABELS.other, 'Otra', 'Otros'],
};
const SECTOR_BY_KEY = new Map<string, Sector>(SECTORS.flatMap((sector) => [sector, ...SECTOR_WORDINGS[sector]].map((label) => [normalizeLabel(label), sector] as const)));

const MAX = { name: 300, acronym: 40, contactName: 200, contactPhone: 50 } as const;

const quote = (text: string) => `«${text}»`;

/** A cell as typed: trimmed, spaces collapsed, without the apostrophe CSV exports put before a would-be formula. */
function cleanCell(cell: string | undefined): string {
  const text = collapseWhitespace(cell ?? '');
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}
const isBlankRow = (row: readonly string[]) => row.every((cell) => cleanCell(cell) === '');

/**
 * Reads a member directory. The first non-blank row is the header; blank rows are skipped. Rows are
 * numbered as the spreadsheet numbers them. Issues: a header as close to two columns, a column twice,
 * no name or no sector column (one issue on the header row), a row without a name or a sector, a name
 * over 300 characters, a state or sector not recognised (or a state name and code that disagree), a
 * date that is not one (or a leaving date before the joining date), an e-mail that is not one, and an
 * organisation already listed on an earlier row (names compared by the directory's key, so «Red X,
 * A.C.» and «Red X» are one). `members` holds the rows without an issue.
 */
export function readMemberTable(rows: readonly (readonly string[])[]): MemberTable {
  const issues: MemberTableIssue[] = [];
  const warnings: MemberTableIssue[] = [];
  const headerIndex = rows.findIndex((row) => !isBlankRow(row));
  const header = rows[headerIndex];
  if (!header) return { members: [], issues: [{ row: 1, column: null, message: 'El archivo está vacío: la primera fila debe tener los encabezados.' }], warnings };
  const headerRow = headerIndex + 1;

  const columns = new Map<MemberField, { index: number; header: string }>();
  header.forEach((cell, index) => {
    const text = cleanCell(cell);
    if (text === '') return;
    const match = HEADERS.match(text);
    if (match.kind === 'ambiguous') {
      issues.push({ row: headerRow, column: text, message: `La columna ${quote(text)} se parece por igual a ${match.labels.map(quote).join(' y ')}; escríbala como una de ellas.` });
    } else if (match.kind === 'none') {
      warnings.push({ row: headerRow, column: text, message: `No se reconoce la columna ${quote(text)}; se ignora. Las columnas son: ${MEMBER_TABLE_HEADERS.join(', ')}.` });
    } else if (columns.has(match.field)) {
      issues.push({ row: headerRow, column: text, message: `La columna ${quote(match.label)} aparece más de una vez.` });
    } else {
      if (match.kind === 'close') warnings.push({ row: headerRow, column: text, message: `La columna ${quote(text)} se tomó como ${quote(match.label)}.` });
      columns.set(match.field, { index, header: text });
    }
  });
  if (!columns.has('name')) {
    issues.push({ row: headerRow, column: null, message: `Falta la columna ${quote(HEADER_LABELS.name[0]!)} con el nombre de cada organización.` });
    return { members: [], issues, warnings };
  }
  if (!columns.has('sector')) {
    issues.push({ row: headerRow, column: null, message: `Falta la columna ${quote(HEADER_LABELS.sector[0]!)}: escriba el de cada organización (${SECTORS.map((s) => SECTOR_LABELS[s]).join(', ')}).` });
    return { members: [], issues, warnings };
  }

  const members: MemberRow[] = [];
  const rowByKey = new Map<string, number>();
  for (let index = headerIndex + 1; index < rows.length; index++) {
    const cells = rows[index]!;
    if (isBlankRow(cells)) continue;
    const row = index + 1;
    const cell = (field: MemberField) => {
      const column = columns.get(field);
      return column ? cleanCell(cells[column.index]) : '';
    };
    const issuesBefore = issues.length;
    const issue = (field: MemberField, message: string) => issues.push({ row, column: columns.get(field)?.header ?? null, message });
    const optional = (field: 'acronym' | 'contactName' | 'contactPhone', label: string) => {
      const text = cell(field);
      if (text.length > MAX[field]) issue(field, `${label}: máximo ${MAX[field]} caracteres.`);
      return text || null;
    };
    const date = (field: 'joinedOn' | 'leftOn') => {
      const text = cell(field);
      if (text === '') return null;
      const reading = readSpanishDate(text);
      if ('date' in reading) return reading.date;
      issue(field, reading.problem === 'impossible' ? `La fecha ${quote(text)} no existe en el calendario.` : `No se reconoce la fecha ${quote(text)}; escríbala como DD/MM/AAAA o AAAA-MM-DD.`);
      return null;
    };

    const written = cell('name');
    const parsed = parseOrganizationName(written);
    if (written === '') issue('name', 'Falta el nombre de la organización.');
    else if (parsed.name.length > MAX.name) issue('name', `El nombre pasa de ${MAX.name} caracteres.`);
    else if (parsed.key !== '') {
      const earlier = rowByKey.get(parsed.key);
      if (earlier !== undefined) issue('name', `La organización ${quote(parsed.name)} ya aparece en la fila ${earlier}.`);
      else rowByKey.set(parsed.key, row);
    }

    const readState = (field: 'state' | 'stateCode') => {
      const text = cell(field);
      const state = text === '' ? undefined : findStateByText(text);
      if (text !== '' && !state) issue(field, `No se reconoce la entidad ${quote(text)}; escriba su nombre, su clave INEGI (01 a 32) o su clave ISO (MX-JAL).`);
      return state;
    };
    const byName = readState('state');
    const byCode = readState('stateCode');
    if (byName && byCode && byName !== byCode) issue('stateCode', `La clave ${quote(cell('stateCode'))} no es la de ${quote(cell('state'))}.`);
    const state = byName ?? byCode;

    const sectorText = cell('sector');
    const sector = SECTOR_BY_KEY.get(normalizeLabel(sectorText));
    const sectorList = SECTORS.map((s) => SECTOR_LABELS[s]).join(', ');
    if (sectorText === '') issue('sector', `Falta el sector; escriba uno de: ${sectorList}.`);
    else if (!sector) issue('sector', `No se reconoce el sector ${quote(sectorText)}; escriba uno de: ${sectorList}.`);

    const joinedOn = date('joinedOn');
    const leftOn = date('leftOn');
    if (joinedOn && leftOn && leftOn < joinedOn) issue('leftOn', 'La fecha de baja es anterior a la de ingreso.');

    const emailText = cell('contactEmail');
    const email = emailText === '' ? null : EmailSchema.safeParse(emailText);
    if (email && !email.success) issue('contactEmail', `${quote(emailText)} no es un correo electrónico válido.`);

    const acronym = optional('acronym', 'Siglas') ?? parsed.acronym;
    const contactName = optional('contactName', 'Contacto');
    const contactPhone = optional('contactPhone', 'Teléfono');
    if (issues.length > issuesBefore || !sector) continue;
    members.push({
      row,
      name: parsed.name,
      // The column wins; a name written «Red X (REDX)» gives its acronym when the column is blank.
      acronym,
      stateCode: state?.iso ?? null,
      sector,
      joinedOn,
      leftOn,
      contactName,
      contactEmail: email?.success ? email.data : null,
      contactPhone,
    });
  }
  return { members, issues, warnings };
}

/**
 * A member as a row under `writeMemberTableHeader(withContacts)`: the state by its name and its ISO code,
 * the sector by its label, dates as ISO days, the status (computed by the caller) by its Spanish label.
 */
export function memberTableRow(member: Omit<MemberRow, 'row'> & { statusLabel?: string | null }, withContacts = true): string[] {
  const state = member.stateCode ? MEXICAN_STATES.find((s) => s.iso === member.stateCode) : undefined;
  const values: Record<MemberField, string | null> = {
    name: member.name,
    acronym: member.acronym,
    state: state?.shortName ?? member.stateCode,
    stateCode: member.stateCode,
    sector: SECTOR_LABELS[member.sector],
    status: member.statusLabel ?? null,
    joinedOn: member.joinedOn,
    leftOn: member.leftOn,
    contactName: member.contactName,
    contactEmail: member.contactEmail,
    contactPhone: member.contactPhone,
  };
  return [...BASE_FIELDS, ...(withContacts ? CONTACT_FIELDS : [])].map((field) => values[field] ?? '');
}
