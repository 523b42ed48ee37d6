/**
 * The 32 federal entities of Mexico, transcribed from INEGI's catalogue (cve_ent, official and
 * short names, abbreviation) with their ISO 3166-2:MX codes (see
 * shared/data/mexico-entidades-inegi-iso.csv), plus the aliases people write in reports.
 */
import { normalizeLabel } from '../text/normalize.js';

export interface MexicanState {
  /** INEGI two-digit code ("01"). */
  cve: string;
  /** INEGI official name ("Coahuila de Zaragoza"). */
  name: string;
  shortName: string;
  /** INEGI abbreviation ("Coah."). */
  abbreviation: string;
  /** ISO 3166-2:MX ("MX-COA"). */
  iso: string;
  /** Other ways the state is written, besides name and short name. */
  aliases: readonly string[];
}

export const MEXICAN_STATES = [
  { cve: '01', name: 'Aguascalientes', shortName: 'Aguascalientes', abbreviation: 'Ags.', iso: 'MX-AGU', aliases: [] },
  { cve: '02', name: 'Baja California', shortName: 'Baja California', abbreviation: 'BC', iso: 'MX-BCN', aliases: [] },
  { cve: '03', name: 'Baja California Sur', shortName: 'Baja California Sur', abbreviation: 'BCS', iso: 'MX-BCS', aliases: ['BCS'] },
  { cve: '04', name: 'Campeche', shortName: 'Campeche', abbreviation: 'Camp.', iso: 'MX-CAM', aliases: [] },
  { cve: '05', name: 'Coahuila de Zaragoza', shortName: 'Coahuila', abbreviation: 'Coah.', iso: 'MX-COA', aliases: [] },
  { cve: '06', name: 'Colima', shortName: 'Colima', abbreviation: 'Col.', iso: 'MX-COL', aliases: [] },
  { cve: '07', name: 'Chiapas', shortName: 'Chiapas', abbreviation: 'Chis.', iso: 'MX-CHP', aliases: [] },
  { cve: '08', name: 'Chihuahua', shortName: 'Chihuahua', abbreviation: 'Chih.', iso: 'MX-CHH', aliases: [] },
  {
    cve: '09',
    name: 'Ciudad de México',
    shortName: 'Ciudad de México',
    abbreviation: 'CDMX',
    iso: 'MX-CMX',
    aliases: ['CDMX', 'Distrito Federal', 'Ciudad de Mexico'],
  },
  { cve: '10', name: 'Durango', shortName: 'Durango', abbreviation: 'Dgo.', iso: 'MX-DUR', aliases: [] },
  { cve: '11', name: 'Guanajuato', shortName: 'Guanajuato', abbreviation: 'Gto.', iso: 'MX-GUA', aliases: [] },
  { cve: '12', name: 'Guerrero', shortName: 'Guerrero', abbreviation: 'Gro.', iso: 'MX-GRO', aliases: [] },
  { cve: '13', name: 'Hidalgo', shortName: 'Hidalgo', abbreviation: 'Hgo.', iso: 'MX-HID', aliases: [] },
  { cve: '14', name: 'Jalisco', shortName: 'Jalisco', abbreviation: 'Jal.', iso: 'MX-JAL', aliases: [] },
  {
    cve: '15',
    name: 'México',
    shortName: 'México',
    abbreviation: 'Mex.',
    iso: 'MX-MEX',
    // Never the bare "México": it names the country far more often than the state.
    aliases: ['Estado de México', 'Edomex', 'Edo. de México', 'Edo. Méx.', 'Edo. Mex.'],
  },
  { cve: '16', name: 'Michoacán de Ocampo', shortName: 'Michoacán', abbreviation: 'Mich.', iso: 'MX-MIC', aliases: [] },
  { cve: '17', name: 'Morelos', shortName: 'Morelos', abbreviation: 'Mor.', iso: 'MX-MOR', aliases: [] },
  { cve: '18', name: 'Nayarit', shortName: 'Nayarit', abbreviation: 'Nay.', iso: 'MX-NAY', aliases: [] },
  { cve: '19', name: 'Nuevo León', shortName: 'Nuevo León', abbreviation: 'NL', iso: 'MX-NLE', aliases: [] },
  { cve: '20', name: 'Oaxaca', shortName: 'Oaxaca', abbreviation: 'Oax.', iso: 'MX-OAX', aliases: [] },
  { cve: '21', name: 'Puebla', shortName: 'Puebla', abbreviation: 'Pue.', iso: 'MX-PUE', aliases: [] },
  { cve: '22', name: 'Querétaro', shortName: 'Querétaro', abbreviation: 'Qro.', iso: 'MX-QUE', aliases: ['Querétaro de Arteaga'] },
  { cve: '23', name: 'Quintana Roo', shortName: 'Quintana Roo', abbreviation: 'Q. Roo', iso: 'MX-ROO', aliases: ['Q. Roo', 'QRoo'] },
  { cve: '24', name: 'San Luis Potosí', shortName: 'San Luis Potosí', abbreviation: 'SLP', iso: 'MX-SLP', aliases: ['SLP', 'S.L.P.'] },
  { cve: '25', name: 'Sinaloa', shortName: 'Sinaloa', abbreviation: 'Sin.', iso: 'MX-SIN', aliases: [] },
  { cve: '26', name: 'Sonora', shortName: 'Sonora', abbreviation: 'Son.', iso: 'MX-SON', aliases: [] },
  { cve: '27', name: 'Tabasco', shortName: 'Tabasco', abbreviation: 'Tab.', iso: 'MX-TAB', aliases: [] },
  { cve: '28', name: 'Tamaulipas', shortName: 'Tamaulipas', abbreviation: 'Tamps.', iso: 'MX-TAM', aliases: [] },
  { cve: '29', name: 'Tlaxcala', shortName: 'Tlaxcala', abbreviation: 'Tlax.', iso: 'MX-TLA', aliases: [] },
  {
    cve: '30',
    name: 'Veracruz de Ignacio de la Llave',
    shortName: 'Veracruz',
    abbreviation: 'Ver.',
    iso: 'MX-VER',
    aliases: [],
  },
  { cve: '31', name: 'Yucatán', shortName: 'Yucatán', abbreviation: 'Yuc.', iso: 'MX-YUC', aliases: [] },
  { cve: '32', name: 'Zacatecas', shortName: 'Zacatecas', abbreviation: 'Zac.', iso: 'MX-ZAC', aliases: [] },
] as const satisfies readonly MexicanState[];

export type StateIsoCode = (typeof MEXICAN_STATES)[number]['iso'];

/** Finds a state by its ISO 3166-2:MX code. */
export function findStateByIso(iso: string): MexicanState | undefined {
  return MEXICAN_STATES.find((state) => state.iso === iso);
}

/**
 * A state as a spreadsheet cell writes it: INEGI code ("14" or "5"), ISO code ("MX-JAL") or a name,
 * short name, abbreviation or alias, accents, case and punctuation aside. The bare "México" is the
 * state here: a cell of a state column names a state, not the country. Undefined when none matches.
 */
export function findStateByText(text: string): MexicanState | undefined {
  const trimmed = text.trim();
  if (/^\d{1,2}$/.test(trimmed)) return MEXICAN_STATES.find((state) => state.cve === trimmed.padStart(2, '0'));
  const key = normalizeLabel(trimmed);
  if (key === '') return undefined;
  return STATES_BY_KEY.get(key);
}

const STATES_BY_KEY = new Map<string, MexicanState>(
  MEXICAN_STATES.flatMap((state) => [state.iso, state.name, state.shortName, state.abbreviation, ...state.aliases].map((label) => [normalizeLabel(label), state] as const)),
);
