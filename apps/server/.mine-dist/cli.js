var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/cli.ts
import { readFileSync as readFileSync5, writeFileSync as writeFileSync2 } from "node:fs";
import { fileURLToPath as fileURLToPath4 } from "node:url";
import { parseArgs as parseArgs2 } from "node:util";

// ../../packages/domain/src/mechanism-report/model.ts
var SESSION_KINDS = ["ordinary", "extraordinary", "permanent", "installation"];

// ../../packages/domain/src/schemas/common.ts
import { z } from "zod";
var IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Use el formato AAAA-MM-DD." }).refine((value) => {
  const date4 = /* @__PURE__ */ new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date4.getTime()) && date4.toISOString().startsWith(value);
}, { message: "La fecha no existe en el calendario." });
var StateCodeSchema = z.string().regex(/^MX-[A-Z]{3}$/, { message: "Clave de entidad no v\xE1lida." });
var IdSchema = z.string().uuid({ message: "Identificador no v\xE1lido." });
var requiredText = (max) => z.string().trim().min(1, { message: "Este campo es obligatorio." }).max(max, { message: `M\xE1ximo ${max} caracteres.` });
var optionalText = (max) => z.string().trim().max(max, { message: `M\xE1ximo ${max} caracteres.` }).nullish().transform((value) => value ? value : null);
var VersionSchema = z.number().int().min(1);
var PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(25),
  q: z.string().trim().max(200).optional()
});
var VersionOnlySchema = z.object({ version: VersionSchema });

// ../../packages/domain/src/schemas/directory.ts
import { z as z2 } from "zod";
var SECTORS = ["government", "civil_society", "academia", "private_sector", "international", "other"];
var ORGANIZATION_LEVELS = ["federal", "state", "municipal", "none"];
var OrganizationCreateSchema = z2.object({
  name: requiredText(300),
  acronym: optionalText(40),
  sector: z2.enum(SECTORS),
  level: z2.enum(ORGANIZATION_LEVELS),
  stateCode: StateCodeSchema.nullish().transform((v) => v ?? null),
  parentId: IdSchema.nullish().transform((v) => v ?? null)
});
var OrganizationUpdateSchema = OrganizationCreateSchema.partial().extend({ version: VersionSchema });
var BODY_KINDS = ["system", "commission", "working_group", "subgroup", "network"];
var BODY_LEVELS = ["national", "state", "municipal"];
var BodyCreateSchema = z2.object({
  kind: z2.enum(BODY_KINDS),
  name: requiredText(300),
  acronym: optionalText(40),
  parentId: IdSchema.nullish().transform((v) => v ?? null),
  level: z2.enum(BODY_LEVELS),
  stateCode: StateCodeSchema.nullish().transform((v) => v ?? null)
}).refine((body) => body.level === "national" || body.stateCode !== null, {
  message: "Un \xF3rgano estatal o municipal necesita su entidad federativa.",
  path: ["stateCode"]
});
var BodyUpdateSchema = z2.object({
  kind: z2.enum(BODY_KINDS).optional(),
  name: requiredText(300).optional(),
  // optional() first: a field left out of an edit stays as it is instead of becoming null.
  acronym: optionalText(40).optional(),
  parentId: IdSchema.nullish(),
  level: z2.enum(BODY_LEVELS).optional(),
  stateCode: StateCodeSchema.nullish(),
  version: VersionSchema
});
var MEMBERSHIP_ROLES = ["member", "permanent_guest", "technical_secretariat", "presidency", "guest"];
var FOCAL_POINT_KINDS = ["titular", "alternate"];
var MembershipCreateSchema = z2.object({
  bodyId: IdSchema,
  organizationId: IdSchema,
  role: z2.enum(MEMBERSHIP_ROLES),
  startDate: IsoDateSchema.nullish().or(z2.literal("")).transform((v) => v || null),
  endDate: IsoDateSchema.nullish().or(z2.literal("")).transform((v) => v || null)
}).refine((m) => !m.startDate || !m.endDate || m.startDate <= m.endDate, {
  message: "La fecha de t\xE9rmino es anterior a la de inicio.",
  path: ["endDate"]
});
var FocalPointCreateSchema = z2.object({
  membershipId: IdSchema,
  kind: z2.enum(FOCAL_POINT_KINDS),
  person: z2.object({
    name: requiredText(200),
    position: optionalText(300),
    email: z2.string().trim().email({ message: "Correo electr\xF3nico no v\xE1lido." }).max(200).nullish().or(z2.literal("")).transform((v) => v || null),
    phone: optionalText(40)
  }),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema.nullish().or(z2.literal("")).transform((v) => v || null)
}).refine((f) => !f.endDate || f.startDate <= f.endDate, {
  message: "La fecha de t\xE9rmino es anterior a la de inicio.",
  path: ["endDate"]
});

// ../../packages/domain/src/schemas/sessions.ts
import { z as z3 } from "zod";
var SESSION_MODALITIES = ["in_person", "virtual", "hybrid"];
var EvidenceLinkSchema = z3.object({
  title: requiredText(300),
  url: z3.string().trim().url({ message: "Escriba una direcci\xF3n web completa (https://\u2026)." }).max(2e3)
});
var SessionCreateSchema = z3.object({
  bodyId: IdSchema,
  kind: z3.enum(SESSION_KINDS),
  number: z3.number().int().min(1, { message: "El n\xFAmero de sesi\xF3n va de 1 a 99." }).max(99, { message: "El n\xFAmero de sesi\xF3n va de 1 a 99." }).nullish().transform((v) => v ?? null),
  date: IsoDateSchema,
  modality: z3.enum(SESSION_MODALITIES).nullish().transform((v) => v ?? null),
  minutes: EvidenceLinkSchema.nullish().transform((v) => v ?? null)
}).refine((s) => s.kind === "permanent" || s.number !== null, {
  message: "Indique el n\xFAmero de la sesi\xF3n.",
  path: ["number"]
});
var SessionUpdateSchema = z3.object({
  kind: z3.enum(SESSION_KINDS).optional(),
  number: z3.number().int().min(1, { message: "El n\xFAmero de sesi\xF3n va de 1 a 99." }).max(99, { message: "El n\xFAmero de sesi\xF3n va de 1 a 99." }).nullish(),
  date: IsoDateSchema.optional(),
  modality: z3.enum(SESSION_MODALITIES).nullish(),
  version: VersionSchema
});
var ParticipationCreateSchema = z3.object({
  sessionId: IdSchema,
  organizationIds: z3.array(IdSchema).min(1, { message: "Elija al menos una organizaci\xF3n participante." }),
  description: requiredText(5e3)
});
var ParticipationUpdateSchema = z3.object({
  organizationIds: z3.array(IdSchema).min(1, { message: "Elija al menos una organizaci\xF3n participante." }).optional(),
  description: requiredText(5e3).optional(),
  version: VersionSchema
});
var AGREEMENT_STATUSES = ["pending", "in_progress", "fulfilled", "cancelled"];
var AgreementCodeSchema = z3.string().trim().regex(/^[A-ZÑ0-9-]+(\/[A-ZÑ0-9-]+){2,5}$/, { message: "Clave de acuerdo no v\xE1lida (p. ej. COMSE/SO16/02/2021)." });
var AgreementCreateSchema = z3.object({
  sessionId: IdSchema,
  participationId: IdSchema.nullish().transform((v) => v ?? null),
  code: AgreementCodeSchema.nullish().or(z3.literal("")).transform((v) => v || null),
  text: requiredText(1e4),
  responsibleOrganizationIds: z3.array(IdSchema).default([]),
  stateCodes: z3.array(StateCodeSchema).default([]),
  dueDate: IsoDateSchema.nullish().or(z3.literal("")).transform((v) => v || null),
  status: z3.enum(AGREEMENT_STATUSES).default("pending")
});
var AgreementUpdateSchema = z3.object({
  code: AgreementCodeSchema.nullish().or(z3.literal("")).transform((v) => v === void 0 ? void 0 : v || null),
  text: requiredText(1e4).optional(),
  responsibleOrganizationIds: z3.array(IdSchema).optional(),
  stateCodes: z3.array(StateCodeSchema).optional(),
  dueDate: IsoDateSchema.nullish().or(z3.literal("")).transform((v) => v === void 0 ? void 0 : v || null),
  status: z3.enum(AGREEMENT_STATUSES).optional(),
  version: VersionSchema
});
var FollowUpCreateSchema = z3.object({
  agreementId: IdSchema.nullish().transform((v) => v ?? null),
  participationId: IdSchema.nullish().transform((v) => v ?? null),
  date: IsoDateSchema,
  text: requiredText(1e4),
  stateCodes: z3.array(StateCodeSchema).default([]),
  evidence: EvidenceLinkSchema.nullish().transform((v) => v ?? null),
  /** Files uploaded beforehand through POST /api/evidence. */
  evidenceIds: z3.array(IdSchema).default([])
}).refine((f) => f.agreementId === null !== (f.participationId === null), {
  message: "El seguimiento corresponde a un acuerdo o a una participaci\xF3n (uno de los dos).",
  path: ["agreementId"]
});
var EVIDENCE_KINDS = ["minutes", "report", "official_letter", "link", "other"];
var MechanismImportSchema = z3.object({
  text: z3.string().min(1, { message: "Pegue o cargue el texto del informe." }).max(2e6),
  bodyAcronym: z3.string().trim().max(40).optional(),
  dryRun: z3.boolean().default(true)
});
var MechanismReportQuerySchema = z3.object({
  bodyId: IdSchema,
  from: IsoDateSchema,
  to: IsoDateSchema
});

// ../../packages/domain/src/csv/parse-csv.ts
function parseCsv(text7, separator = ",") {
  const rows = [];
  let row = [];
  let field = "";
  let isQuoted = false;
  for (let i = 0; i < text7.length; i++) {
    const char = text7[i];
    if (isQuoted) {
      if (char === '"' && text7[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') isQuoted = false;
      else field += char;
    } else if (char === '"') isQuoted = true;
    else if (char === separator) {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text7[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
function parseCsvRecords(text7) {
  const rows = parseCsv(text7).filter((cells) => !(cells.length === 1 && cells[0] === "") && !cells[0]?.startsWith("#"));
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""])));
}

// ../../packages/domain/src/geo/states.ts
var MEXICAN_STATES = [
  { cve: "01", name: "Aguascalientes", shortName: "Aguascalientes", abbreviation: "Ags.", iso: "MX-AGU", aliases: [] },
  { cve: "02", name: "Baja California", shortName: "Baja California", abbreviation: "BC", iso: "MX-BCN", aliases: [] },
  { cve: "03", name: "Baja California Sur", shortName: "Baja California Sur", abbreviation: "BCS", iso: "MX-BCS", aliases: ["BCS"] },
  { cve: "04", name: "Campeche", shortName: "Campeche", abbreviation: "Camp.", iso: "MX-CAM", aliases: [] },
  { cve: "05", name: "Coahuila de Zaragoza", shortName: "Coahuila", abbreviation: "Coah.", iso: "MX-COA", aliases: [] },
  { cve: "06", name: "Colima", shortName: "Colima", abbreviation: "Col.", iso: "MX-COL", aliases: [] },
  { cve: "07", name: "Chiapas", shortName: "Chiapas", abbreviation: "Chis.", iso: "MX-CHP", aliases: [] },
  { cve: "08", name: "Chihuahua", shortName: "Chihuahua", abbreviation: "Chih.", iso: "MX-CHH", aliases: [] },
  {
    cve: "09",
    name: "Ciudad de M\xE9xico",
    shortName: "Ciudad de M\xE9xico",
    abbreviation: "CDMX",
    iso: "MX-CMX",
    aliases: ["CDMX", "Distrito Federal", "Ciudad de Mexico"]
  },
  { cve: "10", name: "Durango", shortName: "Durango", abbreviation: "Dgo.", iso: "MX-DUR", aliases: [] },
  { cve: "11", name: "Guanajuato", shortName: "Guanajuato", abbreviation: "Gto.", iso: "MX-GUA", aliases: [] },
  { cve: "12", name: "Guerrero", shortName: "Guerrero", abbreviation: "Gro.", iso: "MX-GRO", aliases: [] },
  { cve: "13", name: "Hidalgo", shortName: "Hidalgo", abbreviation: "Hgo.", iso: "MX-HID", aliases: [] },
  { cve: "14", name: "Jalisco", shortName: "Jalisco", abbreviation: "Jal.", iso: "MX-JAL", aliases: [] },
  {
    cve: "15",
    name: "M\xE9xico",
    shortName: "M\xE9xico",
    abbreviation: "Mex.",
    iso: "MX-MEX",
    // Never the bare "México": it names the country far more often than the state.
    aliases: ["Estado de M\xE9xico", "Edomex", "Edo. de M\xE9xico", "Edo. M\xE9x.", "Edo. Mex."]
  },
  { cve: "16", name: "Michoac\xE1n de Ocampo", shortName: "Michoac\xE1n", abbreviation: "Mich.", iso: "MX-MIC", aliases: [] },
  { cve: "17", name: "Morelos", shortName: "Morelos", abbreviation: "Mor.", iso: "MX-MOR", aliases: [] },
  { cve: "18", name: "Nayarit", shortName: "Nayarit", abbreviation: "Nay.", iso: "MX-NAY", aliases: [] },
  { cve: "19", name: "Nuevo Le\xF3n", shortName: "Nuevo Le\xF3n", abbreviation: "NL", iso: "MX-NLE", aliases: [] },
  { cve: "20", name: "Oaxaca", shortName: "Oaxaca", abbreviation: "Oax.", iso: "MX-OAX", aliases: [] },
  { cve: "21", name: "Puebla", shortName: "Puebla", abbreviation: "Pue.", iso: "MX-PUE", aliases: [] },
  { cve: "22", name: "Quer\xE9taro", shortName: "Quer\xE9taro", abbreviation: "Qro.", iso: "MX-QUE", aliases: ["Quer\xE9taro de Arteaga"] },
  { cve: "23", name: "Quintana Roo", shortName: "Quintana Roo", abbreviation: "Q. Roo", iso: "MX-ROO", aliases: ["Q. Roo", "QRoo"] },
  { cve: "24", name: "San Luis Potos\xED", shortName: "San Luis Potos\xED", abbreviation: "SLP", iso: "MX-SLP", aliases: ["SLP", "S.L.P."] },
  { cve: "25", name: "Sinaloa", shortName: "Sinaloa", abbreviation: "Sin.", iso: "MX-SIN", aliases: [] },
  { cve: "26", name: "Sonora", shortName: "Sonora", abbreviation: "Son.", iso: "MX-SON", aliases: [] },
  { cve: "27", name: "Tabasco", shortName: "Tabasco", abbreviation: "Tab.", iso: "MX-TAB", aliases: [] },
  { cve: "28", name: "Tamaulipas", shortName: "Tamaulipas", abbreviation: "Tamps.", iso: "MX-TAM", aliases: [] },
  { cve: "29", name: "Tlaxcala", shortName: "Tlaxcala", abbreviation: "Tlax.", iso: "MX-TLA", aliases: [] },
  {
    cve: "30",
    name: "Veracruz de Ignacio de la Llave",
    shortName: "Veracruz",
    abbreviation: "Ver.",
    iso: "MX-VER",
    aliases: []
  },
  { cve: "31", name: "Yucat\xE1n", shortName: "Yucat\xE1n", abbreviation: "Yuc.", iso: "MX-YUC", aliases: [] },
  { cve: "32", name: "Zacatecas", shortName: "Zacatecas", abbreviation: "Zac.", iso: "MX-ZAC", aliases: [] }
];

// ../../packages/domain/src/text/normalize.ts
var LATIN_ACCENTED = /[\u00C0-\u024F]/g;
function foldAccents(text7) {
  return text7.replace(LATIN_ACCENTED, (char) => char.normalize("NFD").charAt(0));
}
function collapseWhitespace(text7) {
  return text7.replace(/\s+/g, " ").trim();
}
function normalizeForMatch(text7) {
  return collapseWhitespace(foldAccents(text7.normalize("NFC")).toLowerCase());
}
function capitalizeWords(text7) {
  return text7.replace(new RegExp("(^|\\s)(\\p{Ll})", "gu"), (_match, space, letter) => space + letter.toUpperCase());
}

// ../../packages/domain/src/geo/detect-states.ts
var NON_STATE_PHRASES = ["Miguel Hidalgo", "Vicente Guerrero", "Jos\xE9 Mar\xEDa Morelos", "Morelos y Pav\xF3n"];
function listStatePhrases() {
  const phrases = MEXICAN_STATES.flatMap(
    (state) => (
      // The bare "México" is skipped on purpose: it names the country, not Estado de México.
      [state.name, state.shortName, ...state.aliases].filter((phrase) => phrase !== "M\xE9xico").map((phrase) => ({ folded: foldAccents(phrase).toLowerCase(), iso: state.iso }))
    )
  );
  phrases.push(...NON_STATE_PHRASES.map((phrase) => ({ folded: foldAccents(phrase).toLowerCase(), iso: null })));
  return phrases;
}
var STATE_PHRASES = listStatePhrases();
var ISO_BY_KEY = new Map(STATE_PHRASES.map((phrase) => [toPhraseKey(phrase.folded), phrase.iso]));
var STATE_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(${STATE_PHRASES.map((phrase) => phrase.folded).sort((a, b) => b.length - a.length).map(toPhrasePattern).join("|")})(?![\\p{L}\\p{N}])`,
  "giu"
);
function toPhrasePattern(phrase) {
  return phrase.split(" ").map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).reduce((pattern, word) => `${pattern}${pattern.endsWith(".") ? "\\s*" : "\\s+"}${word}`);
}
function toPhraseKey(text7) {
  return text7.toLowerCase().replace(/\s+/g, "");
}
function detectStates(text7) {
  const found = /* @__PURE__ */ new Set();
  for (const match of foldAccents(text7.normalize("NFC")).matchAll(STATE_PATTERN)) {
    const iso = ISO_BY_KEY.get(toPhraseKey(match[0]));
    if (iso) found.add(iso);
  }
  return [...found];
}

// ../../packages/domain/src/text/ordinals.ts
var UNIT_STEMS = ["primer", "segund", "tercer", "cuart", "quint", "sext", "septim", "octav", "noven"];
var TEN_STEMS = [
  "decim",
  "vigesim",
  "trigesim",
  "cuadragesim",
  "quincuagesim",
  "sexagesim",
  "septuagesim",
  "octogesim",
  "nonagesim"
];
var UNIT_WORDS = ["primer", "segund", "tercer", "cuart", "quint", "sext", "s\xE9ptim", "octav", "noven"];
var TEN_WORDS = [
  "d\xE9cim",
  "vig\xE9sim",
  "trig\xE9sim",
  "cuadrag\xE9sim",
  "quincuag\xE9sim",
  "sexag\xE9sim",
  "septuag\xE9sim",
  "octog\xE9sim",
  "nonag\xE9sim"
];
var SPECIAL_FORMS = {
  undecimo: 11,
  undecima: 11,
  duodecimo: 12,
  duodecima: 12,
  onceavo: 11,
  onceava: 11,
  doceavo: 12,
  doceava: 12,
  treceavo: 13,
  treceava: 13,
  catorceavo: 14,
  catorceava: 14,
  quinceavo: 15,
  quinceava: 15
};
var WORD_ORDINAL = new RegExp(
  `^(?:(${TEN_STEMS.join("|")})[oa])?(?:(${UNIT_STEMS.join("|")}|setim)(?:[oa])?)?$`
);
var DIGIT_ORDINAL = /^(\d{1,2})\s*(?:a|o|er|era|ero|ra|ro|do|da|to|ta|vo|va|mo|ma|no|na|°|º|ª)?\.?$/;
function parseSpanishOrdinal(text7) {
  const normalized = normalizeForMatch(text7);
  const digits = DIGIT_ORDINAL.exec(normalized);
  if (digits) return toOrdinalRange(Number(digits[1]));
  const compact = normalized.replace(/[\s.-]+/g, "");
  const special = SPECIAL_FORMS[compact];
  if (special !== void 0) return special;
  const words = WORD_ORDINAL.exec(compact);
  if (!words || compact === "") return null;
  const [, tens, unit] = words;
  const tensValue = tens ? (TEN_STEMS.indexOf(tens) + 1) * 10 : 0;
  const unitValue = unit ? unit === "setim" ? 7 : UNIT_STEMS.indexOf(unit) + 1 : 0;
  return toOrdinalRange(tensValue + unitValue);
}
function toOrdinalRange(value) {
  return value >= 1 && value <= 99 ? value : null;
}
function formatSpanishOrdinal(value, gender = "feminine") {
  if (!Number.isInteger(value) || value < 1 || value > 99) {
    throw new RangeError(`Ordinal out of range 1-99: ${value}`);
  }
  const ending = gender === "feminine" ? "a" : "o";
  const tens = Math.floor(value / 10);
  const unit = value % 10;
  const words = [
    tens > 0 ? `${TEN_WORDS[tens - 1]}${ending}` : null,
    unit > 0 ? `${UNIT_WORDS[unit - 1]}${ending}` : null
  ].filter((word) => word !== null);
  return capitalizeWords(words.join(" "));
}

// ../../packages/domain/src/text/dates.ts
var SPANISH_MONTHS = [
  "enero",
  "febrero",
  "marzo",
  "abril",
  "mayo",
  "junio",
  "julio",
  "agosto",
  "septiembre",
  "octubre",
  "noviembre",
  "diciembre"
];
var MONTH_PATTERN = `${SPANISH_MONTHS.join("|")}|setiembre`;
var WORDS_DATE = new RegExp(
  `^(\\d{1,2}|primero)\\s*(?:o\\.?|\xB0|\xBA|er\\.?|ro\\.?)?\\s+(?:de\\s+)?(${MONTH_PATTERN})\\s+(?:de(?:l)?\\s+)?(\\d{4})\\.?$`
);
var NUMERIC_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
var ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function parseSpanishDate(text7) {
  const normalized = normalizeForMatch(text7);
  const words = WORDS_DATE.exec(normalized);
  if (words) {
    const [, day = "", month = "", year = ""] = words;
    const monthIndex = month === "setiembre" ? 9 : SPANISH_MONTHS.indexOf(month) + 1;
    return buildIsoDate(Number(year), monthIndex, day === "primero" ? 1 : Number(day));
  }
  const numeric2 = NUMERIC_DATE.exec(normalized);
  if (numeric2) return buildIsoDate(Number(numeric2[3]), Number(numeric2[2]), Number(numeric2[1]));
  const iso = ISO_DATE.exec(normalized);
  if (iso) return buildIsoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}
function buildIsoDate(year, month, day) {
  if (year < 1e3 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
function formatSpanishDate(isoDate) {
  const match = ISO_DATE.exec(isoDate);
  if (!match || buildIsoDate(Number(match[1]), Number(match[2]), Number(match[3])) === null) {
    throw new RangeError(`Not an ISO date: ${isoDate}`);
  }
  return `${Number(match[3])} de ${SPANISH_MONTHS[Number(match[2]) - 1]} de ${match[1]}`;
}

// ../../packages/domain/src/organizations/normalize.ts
var TRAILING_ACRONYM = new RegExp("\\s*\\(\\s*([\\p{L}\\p{N}&.-]*\\p{Lu}[\\p{L}\\p{N}&.-]*)\\s*\\)\\s*$", "u");
var TRAILING_LEGAL_FORM = /[\s,]+(?:A\.\s?C|S\.\s?C|I\.\s?A\.\s?P|I\.\s?B\.\s?P|A\.\s?B\.\s?P|S\.\s?A\.?(?:\s?P\.\s?I\.?)?\s+de\s+C\.\s?V)\.?$/iu;
function parseOrganizationName(raw) {
  const written = collapseWhitespace(raw.normalize("NFC"));
  const acronymMatch = TRAILING_ACRONYM.exec(written);
  const name = acronymMatch ? written.slice(0, acronymMatch.index).replace(/[\s,]+$/, "") : written;
  return { name, acronym: acronymMatch?.[1] ?? null, key: toOrganizationKey(name) };
}
function toOrganizationKey(name) {
  const withoutLegalForm = name.replace(TRAILING_LEGAL_FORM, "");
  return normalizeForMatch(withoutLegalForm.replace(/[^\p{L}\p{N}]+/gu, " "));
}

// ../../packages/domain/src/messages/es-MX.ts
var MESSAGES_ES_MX = {
  "location.line": (p) => `L\xEDnea ${p.line}`,
  "location.lineField": (p) => `L\xEDnea ${p.line}, \xAB${p.field}\xBB`,
  "document.empty": () => "el documento est\xE1 vac\xEDo.",
  "document.noBlocks": () => "no se encontr\xF3 ning\xFAn bloque de participaci\xF3n; cada bloque empieza con la etiqueta \xABParticipante:\xBB.",
  "internal.error": () => "no se pudo leer el documento por un error interno; avise al equipo de Telar.",
  "label.unknown": (p) => `no se reconoce la etiqueta "${p.label}".`,
  "label.incomplete": () => "la etiqueta qued\xF3 partida (salto de p\xE1gina) y no se encontr\xF3 su continuaci\xF3n en la l\xEDnea siguiente.",
  "field.missing": (p) => `al bloque que empieza aqu\xED le falta el campo \xAB${p.field}\xBB.`,
  "field.empty": () => "el campo est\xE1 vac\xEDo.",
  "line.continuation": () => "esta l\xEDnea no tiene etiqueta y se uni\xF3 al campo anterior; revise que no falte una etiqueta.",
  "line.ignored": () => "esta l\xEDnea no pertenece a ning\xFAn campo y se ignor\xF3.",
  "session.kindUnreadable": (p) => `no se reconoce el tipo de sesi\xF3n en "${p.value}"; se espera \xABSesi\xF3n Ordinaria\xBB, \xABSesi\xF3n Extraordinaria\xBB, \xABSesi\xF3n Permanente\xBB o \xABSesi\xF3n de Instalaci\xF3n\xBB.`,
  "session.ordinalMissing": (p) => `falta el n\xFAmero de la sesi\xF3n en "${p.value}" (por ejemplo \xABVig\xE9sima Primera Sesi\xF3n Ordinaria\xBB).`,
  "session.outsidePeriod": (p) => `la sesi\xF3n del ${p.date} queda fuera del periodo del informe.`,
  "ordinal.unreadable": (p) => `no se reconoce el n\xFAmero ordinal "${p.value}".`,
  "date.missing": (p) => `falta la fecha en "${p.value}".`,
  "date.unreadable": (p) => `no se reconoce la fecha "${p.value}".`,
  "footnote.missing": (p) => `se cita la nota ${p.marker} pero el documento no la contiene; el medio de verificaci\xF3n queda sin enlace.`,
  "preamble.bodyMissing": () => "no se encontr\xF3 el t\xEDtulo \xABInforme del Mecanismo de participaci\xF3n de sociedad civil, academia y sector privado de \u2026\xBB.",
  "preamble.agreementMissing": () => "no se encontr\xF3 el acuerdo que aprob\xF3 el mecanismo (\xABaprob\xF3 mediante el acuerdo \u2026, en el marco de la \u2026 Sesi\xF3n \u2026\xBB).",
  "preamble.periodMissing": () => "no se encontr\xF3 el periodo del informe (\xABdel \u2026 al \u2026\xBB).",
  "period.reversed": (p) => `el periodo del informe termina (${p.to}) antes de empezar (${p.from}).`
};

// ../../packages/domain/src/mechanism-report/messages.ts
var REPORT_FIELDS = ["participants", "session", "description", "agreement", "followUp", "evidence"];
var FIELD_LABELS = {
  participants: ["Participante", "Participantes"],
  session: ["N\xFAmero, tipo de sesi\xF3n y fecha"],
  description: ["Acciones en las que la participaci\xF3n fue/es relevante"],
  agreement: ["Acuerdo adoptado", "Acuerdos adoptados"],
  // "acuerdo/ o" and "acuerdo o" both occur; they normalise to the same words.
  followUp: ["Actividades realizadas para el cumplimiento del acuerdo/ o en seguimiento a lo presentado"],
  evidence: ["Medios de verificaci\xF3n"]
};
var NOT_APPLICABLE = "N/A";
var SYSTEM_HEADING = "SISTEMA NACIONAL DE PROTECCI\xD3N INTEGRAL DE NI\xD1AS, NI\xD1OS Y ADOLESCENTES";
var REPORT_TITLE_PREFIX = "Informe del Mecanismo de participaci\xF3n de sociedad civil, academia y sector privado";
var APPROVAL_TEXT_PREFIX = "Aprobaci\xF3n";
var SESSION_KIND_TITLES = {
  ordinary: "Sesi\xF3n Ordinaria",
  extraordinary: "Sesi\xF3n Extraordinaria",
  permanent: "Sesi\xF3n Permanente",
  installation: "Sesi\xF3n de Instalaci\xF3n"
};
function formatSessionTitle(session) {
  const title = SESSION_KIND_TITLES[session.kind];
  return session.number === null ? title : `${formatSpanishOrdinal(session.number)} ${title}`;
}
function getFieldLabel(field) {
  return FIELD_LABELS[field][0];
}
function createDiagnostic(code, line, field, ...params) {
  const render = MESSAGES_ES_MX[code];
  const fieldLabel = field === void 0 ? void 0 : getFieldLabel(field);
  const location = fieldLabel === void 0 ? MESSAGES_ES_MX["location.line"]({ line }) : MESSAGES_ES_MX["location.lineField"]({ line, field: fieldLabel });
  return {
    line,
    ...fieldLabel === void 0 ? {} : { field: fieldLabel },
    code,
    message: `${location}: ${render(...params)}`
  };
}

// ../../packages/domain/src/mechanism-report/parse.ts
var SUPERSCRIPT_DIGITS = "\u2070\xB9\xB2\xB3\u2074\u2075\u2076\u2077\u2078\u2079";
var FOOTNOTE_LINE = new RegExp(`^(?:\\[\\^(\\d+)\\]:|([${SUPERSCRIPT_DIGITS}]+)(?=\\s))\\s*(.*)$`, "u");
var TRAILING_MARKER = new RegExp(`\\s*(?:\\[\\^(\\d+)\\]|([${SUPERSCRIPT_DIGITS}]+))$`, "u");
var TRAILING_URL = /\s*<(https?:\/\/[^\s>]+)>$/;
var URL_IN_TEXT = /<(https?:\/\/[^\s>]+)>|(https?:\/\/[^\s<>]+)/;
var AGREEMENT_CODE = new RegExp("(?<![\\p{L}\\p{N}/])\\p{Lu}[\\p{Lu}\\p{N}]*(?:\\/[\\p{Lu}\\p{N}]+)+\\/(?:19|20)\\d{2}(?![\\p{L}\\p{N}/])", "u");
var NOT_APPLICABLE_VALUES = /* @__PURE__ */ new Set(["n/a", "n.a.", "na", "no aplica", "ninguno", "ninguna", "-", "\u2014"]);
var MAX_UNKNOWN_LABEL_WORDS = 4;
var LABEL_WORDS = REPORT_FIELDS.flatMap(
  (field) => FIELD_LABELS[field].map((label) => ({ field, words: toLabelWords(label) }))
);
function parseMechanismReport(text7) {
  const findings = { errors: [], warnings: [] };
  try {
    return parseDocument(typeof text7 === "string" ? text7 : "", findings);
  } catch {
    return {
      report: null,
      diagnostics: [...findings.errors, createDiagnostic("internal.error", 1, void 0)],
      warnings: findings.warnings,
      blockLines: []
    };
  }
}
function parseDocument(text7, findings) {
  const lines = splitLines(text7);
  if (lines.every((line) => line.trim() === "")) {
    return refuse(findings, createDiagnostic("document.empty", 1, void 0));
  }
  const scanned = scanLines(lines, findings);
  if (scanned.blocks.length === 0) return refuse(findings, createDiagnostic("document.noBlocks", 1, void 0));
  const minutesUrl = findMinutesUrl(scanned.footnotes);
  const preamble = readPreamble(scanned.preamble, findings);
  const context = {
    footnoteUrls: collectFootnoteUrls(scanned.footnotes),
    minutesUrl,
    period: preamble.period
  };
  const blocks = scanned.blocks.flatMap((raw) => {
    const block = buildBlock(raw, context, findings);
    return block ? [block] : [];
  });
  const report = { ...preamble, minutesUrl, blocks };
  return {
    report: findings.errors.length === 0 ? report : null,
    diagnostics: sortByLine(findings.errors),
    warnings: sortByLine(findings.warnings),
    blockLines: scanned.blocks.map((block) => block.line)
  };
}
function sortByLine(diagnostics) {
  return diagnostics.toSorted((a, b) => a.line - b.line);
}
function refuse(findings, error) {
  return { report: null, diagnostics: [...findings.errors, error], warnings: findings.warnings, blockLines: [] };
}
function splitLines(text7) {
  return text7.replace(/^\uFEFF/, "").normalize("NFC").split(/\r\n|\r|\n/);
}
function scanLines(lines, findings) {
  const scanned = { preamble: [[]], blocks: [], footnotes: [] };
  const state = { lastField: null, lastFootnote: null, isAfterBreak: true };
  let pending = null;
  for (const [index7, rawLine] of lines.entries()) {
    const lineNumber = index7 + 1;
    if (rawLine.trim() === "") {
      state.isAfterBreak = true;
      if (scanned.blocks.length === 0) scanned.preamble.push([]);
      continue;
    }
    if (pending) {
      const isCompleted = completePendingLabel(pending, rawLine);
      if (!isCompleted) findings.warnings.push(createDiagnostic("label.incomplete", pending.field.line, pending.field.field));
      pending = null;
      if (isCompleted) {
        state.isAfterBreak = false;
        continue;
      }
    }
    const isIndented = /^\s/.test(rawLine);
    const line = rawLine.trim().replace(/^[-*+]\s+/, "");
    const footnote = isIndented ? null : FOOTNOTE_LINE.exec(line);
    if (footnote) {
      const marker = footnote[1] ?? toPlainDigits(footnote[2] ?? "");
      state.lastFootnote = { marker, parts: [footnote[3] ?? ""] };
      scanned.footnotes.push(state.lastFootnote);
      state.isAfterBreak = false;
      continue;
    }
    if (/^#{1,6}\s/.test(line) && scanned.blocks.length > 0) {
      state.isAfterBreak = true;
      continue;
    }
    const head = splitHead(line);
    const label = matchLabel(head, isIndented);
    if (label) {
      state.lastField = addField(scanned.blocks, label.field, lineNumber, head.value);
      state.lastFootnote = null;
      state.isAfterBreak = false;
      if (label.remainingWords !== "") pending = { field: state.lastField, remainingWords: label.remainingWords };
    } else if (scanned.blocks.length === 0) {
      scanned.preamble.at(-1)?.push({ line: lineNumber, text: line.replace(/^#{1,6}\s+/, "") });
    } else {
      attachUnlabelledLine({ line, lineNumber, isIndented, head }, state, findings);
    }
  }
  if (pending) findings.warnings.push(createDiagnostic("label.incomplete", pending.field.line, pending.field.field));
  return scanned;
}
function attachUnlabelledLine(entry, state, findings) {
  const { line, lineNumber, isIndented, head } = entry;
  const wasAfterBreak = state.isAfterBreak;
  state.isAfterBreak = false;
  if (!isIndented && looksLikeLabel(head)) {
    findings.errors.push(createDiagnostic("label.unknown", lineNumber, void 0, { label: head.head }));
  } else if (state.lastFootnote && !wasAfterBreak) {
    state.lastFootnote.parts.push(line);
  } else if (state.lastField && (isIndented || !wasAfterBreak)) {
    if (!isIndented) findings.warnings.push(createDiagnostic("line.continuation", lineNumber, state.lastField.field));
    state.lastField.parts.push(line);
  } else {
    findings.warnings.push(createDiagnostic("line.ignored", lineNumber, void 0));
  }
}
function completePendingLabel(pending, rawLine) {
  const head = splitHead(rawLine.trim());
  if (toLabelWords(head.head) !== pending.remainingWords) return false;
  pending.field.parts.push(head.value);
  return true;
}
function addField(blocks, field, line, value) {
  const current = blocks.at(-1);
  const previous = current?.fields.at(-1);
  const isRepeatedAgreement = field === "agreement" && previous?.field === "agreement";
  const startsBlock = !current || !previous || field === "participants" || !isRepeatedAgreement && REPORT_FIELDS.indexOf(field) <= REPORT_FIELDS.indexOf(previous.field);
  const block = startsBlock ? { line, fields: [] } : current;
  if (startsBlock) blocks.push(block);
  const raw = { field, line, parts: [value] };
  block.fields.push(raw);
  return raw;
}
function splitHead(line) {
  const bold = /^\*\*([^*]+?)\*\*\s*(:?)\s*(.*)$/.exec(line);
  if (bold) return toLineHead(bold[1] ?? "", bold[3] ?? "", "bold", bold[2] === ":");
  const tab = line.indexOf("	");
  if (tab >= 0) return toLineHead(line.slice(0, tab), line.slice(tab + 1), "tab", false);
  const colon = /^([^:]{1,120}):(?=\s|$)(.*)$/.exec(line);
  if (colon) return toLineHead(colon[1] ?? "", colon[2] ?? "", "colon", true);
  return toLineHead(line, "", "none", false);
}
function toLineHead(head, value, separator, hasColon) {
  const trimmedHead = head.trim();
  return {
    head: trimmedHead.replace(/\s*:$/, ""),
    value: value.trim(),
    separator,
    hasColon: hasColon || trimmedHead.endsWith(":")
  };
}
function matchLabel(head, isIndented) {
  const words = toLabelWords(head.head);
  if (words === "") return null;
  const whole = LABEL_WORDS.find((label) => label.words === words);
  if (whole) return { field: whole.field, remainingWords: "" };
  const mayBeCut = !isIndented && !head.hasColon && (head.separator === "tab" || head.separator === "none");
  if (!mayBeCut || !words.includes(" ")) return null;
  const cut = LABEL_WORDS.find((label) => label.words.startsWith(`${words} `));
  return cut ? { field: cut.field, remainingWords: cut.words.slice(words.length + 1) } : null;
}
function looksLikeLabel(head) {
  if (head.head === "" || !new RegExp("^\\p{Lu}", "u").test(head.head)) return false;
  if (head.separator === "bold" || head.separator === "tab" && head.hasColon) return true;
  return head.separator === "colon" && head.head.split(/\s+/).length <= MAX_UNKNOWN_LABEL_WORDS;
}
function toLabelWords(text7) {
  return normalizeForMatch(text7.replace(/[^\p{L}\p{N}]+/gu, " "));
}
function toPlainDigits(superscript) {
  return [...superscript].map((digit) => String(SUPERSCRIPT_DIGITS.indexOf(digit))).join("");
}
function collectFootnoteUrls(footnotes) {
  const urls = /* @__PURE__ */ new Map();
  for (const footnote of footnotes) {
    const url = findUrl(footnote.parts.join(" "));
    if (url && !urls.has(footnote.marker)) urls.set(footnote.marker, url);
  }
  return urls;
}
function findMinutesUrl(footnotes) {
  const withUrl = footnotes.filter((footnote) => findUrl(footnote.parts.join(" ")) !== null);
  const minutes = withUrl.find((footnote) => /^actas?\b/.test(normalizeForMatch(footnote.parts.join(" ")))) ?? withUrl[0];
  return minutes ? findUrl(minutes.parts.join(" ")) : null;
}
function findUrl(text7) {
  const match = URL_IN_TEXT.exec(text7);
  return match ? match[1] ?? match[2] ?? null : null;
}
var TITLE_PATTERN = /^informe del mecanismo de participacion de sociedad civil, academia y sector privado\s+(?:de la|del|de)\s+(.+)$/di;
var APPROVAL_PATTERN = /\baprobo(?:\s+mediante\s+el\s+acuerdo\s+([^\s,]+))?\s*,\s*en\s+el\s+marco\s+de\s+la\s+(.+?)\s+(?:realizada|celebrada)\s+el\s+(.+?),\s+(.+?)\.?$/di;
var PERIOD_DATE = String.raw`\d{1,2}\S*\s+(?:de\s+)?\p{L}+\s+del?\s+\d{4}`;
var PERIOD_PATTERN = new RegExp(String.raw`\bdel\s+(${PERIOD_DATE})\s+al\s+(${PERIOD_DATE})`, "iu");
function readPreamble(paragraphLines, findings) {
  const paragraphs = paragraphLines.filter((lines) => lines.length > 0).map((lines) => ({ line: lines[0]?.line ?? 1, text: lines.map((entry) => entry.text).join(" ") }));
  return {
    bodyName: readBodyName(paragraphs, findings),
    approvingAgreement: readApprovingAgreement(paragraphs, findings),
    period: readPeriod(paragraphs, findings)
  };
}
function readBodyName(paragraphs, findings) {
  for (const paragraph of paragraphs) {
    const match = TITLE_PATTERN.exec(foldAccents(paragraph.text));
    if (match) return sliceGroup(paragraph.text, match, 1).trim();
  }
  findings.warnings.push(createDiagnostic("preamble.bodyMissing", 1, void 0));
  return "";
}
function readApprovingAgreement(paragraphs, findings) {
  for (const paragraph of paragraphs) {
    const match = APPROVAL_PATTERN.exec(foldAccents(paragraph.text));
    if (!match) continue;
    const sessionText = `${sliceGroup(paragraph.text, match, 2)}, ${sliceGroup(paragraph.text, match, 3)}`;
    const session = readSession(sessionText, paragraph.line, void 0, findings);
    if (!session) return null;
    const object = sliceGroup(paragraph.text, match, 4);
    const text7 = /^el\s/i.test(object) ? `${APPROVAL_TEXT_PREFIX} del ${object.slice(3)}` : `${APPROVAL_TEXT_PREFIX} de ${object}`;
    return { code: match[1] ? sliceGroup(paragraph.text, match, 1) : null, text: text7, session };
  }
  findings.warnings.push(createDiagnostic("preamble.agreementMissing", 1, void 0));
  return null;
}
function readPeriod(paragraphs, findings) {
  for (const paragraph of paragraphs) {
    const match = PERIOD_PATTERN.exec(paragraph.text);
    if (!match) continue;
    const [, fromText = "", toText = ""] = match;
    const from = readDate(fromText, paragraph.line, void 0, findings);
    const to = readDate(toText, paragraph.line, void 0, findings);
    if (!from || !to) return null;
    if (from > to) findings.warnings.push(createDiagnostic("period.reversed", paragraph.line, void 0, { from, to }));
    return { from, to };
  }
  findings.warnings.push(createDiagnostic("preamble.periodMissing", 1, void 0));
  return null;
}
function sliceGroup(original, match, group) {
  const span = match.indices?.[group];
  return span ? original.slice(span[0], span[1]) : "";
}
function buildBlock(raw, context, findings) {
  const errorCount = findings.errors.length;
  const read = (field) => raw.fields.find((entry) => entry.field === field);
  const requireField = (field) => {
    const found = read(field);
    if (!found) findings.errors.push(createDiagnostic("field.missing", raw.line, field, { field: getFieldLabel(field) }));
    return found;
  };
  const participantsField = requireField("participants");
  const sessionField = requireField("session");
  const descriptionField = requireField("description");
  const participants = participantsField ? readParticipants(participantsField, findings) : [];
  const session = sessionField ? readSession(joinParts(sessionField), sessionField.line, "session", findings) : null;
  const description = descriptionField ? joinParts(descriptionField) : "";
  if (descriptionField && description === "") {
    findings.warnings.push(createDiagnostic("field.empty", descriptionField.line, "description"));
  }
  for (const optional of ["agreement", "followUp", "evidence"]) {
    if (!read(optional)) findings.warnings.push(createDiagnostic("field.missing", raw.line, optional, { field: getFieldLabel(optional) }));
  }
  const agreements2 = raw.fields.filter((entry) => entry.field === "agreement").map(joinParts).filter((value) => !isNotApplicable(value)).map(toAgreement);
  const followUpField = read("followUp");
  const followUpText = followUpField ? joinParts(followUpField) : "";
  const evidenceField = read("evidence");
  const evidence2 = evidenceField ? resolveEvidence(evidenceField, context, findings) : [];
  if (findings.errors.length > errorCount || !session) return null;
  if (context.period && (session.date < context.period.from || session.date > context.period.to)) {
    findings.warnings.push(createDiagnostic("session.outsidePeriod", sessionField?.line ?? raw.line, "session", { date: session.date }));
  }
  return {
    participants,
    session,
    description,
    agreements: agreements2,
    followUp: isNotApplicable(followUpText) ? null : { text: followUpText, states: detectStates(followUpText) },
    evidence: evidence2
  };
}
function joinParts(field) {
  return field.parts.filter((part) => part !== "").join(" ").trim();
}
function isNotApplicable(value) {
  return value === "" || NOT_APPLICABLE_VALUES.has(normalizeForMatch(value));
}
function splitItems(value) {
  return value.split(";").map((item) => item.trim()).filter((item) => item !== "" && !isNotApplicable(item));
}
function readParticipants(field, findings) {
  const participants = splitItems(joinParts(field));
  if (participants.length === 0) findings.errors.push(createDiagnostic("field.empty", field.line, "participants"));
  return participants;
}
var SESSION_PATTERN = /^(.*?)\bsesion\s+(ordinaria|extraordinaria|permanente|de\s+instalacion)\b\s*(?:,|\bdel?\b|\b(?:celebrada|realizada)\s+el\b)?\s*(.*)$/di;
function readSession(value, line, field, findings) {
  const refuseSession = (code, detail) => {
    findings.errors.push(createDiagnostic(code, line, field, { value: detail }));
    return null;
  };
  const match = SESSION_PATTERN.exec(foldAccents(value));
  if (!match) return refuseSession("session.kindUnreadable", value);
  const kind = toSessionKind(match[2] ?? "");
  const ordinalText = sliceGroup(value, match, 1).trim();
  const dateText = sliceGroup(value, match, 3).trim();
  const number = ordinalText === "" ? null : parseSpanishOrdinal(ordinalText);
  if (ordinalText !== "" && number === null) return refuseSession("ordinal.unreadable", ordinalText);
  if (number === null && (kind === "ordinary" || kind === "extraordinary")) {
    return refuseSession("session.ordinalMissing", value);
  }
  if (dateText === "") return refuseSession("date.missing", value);
  const date4 = readDate(dateText, line, field, findings);
  return date4 ? { kind, number, date: date4 } : null;
}
function toSessionKind(word) {
  const normalized = normalizeForMatch(word);
  if (normalized === "ordinaria") return "ordinary";
  if (normalized === "extraordinaria") return "extraordinary";
  if (normalized === "permanente") return "permanent";
  return "installation";
}
function readDate(text7, line, field, findings) {
  const date4 = parseSpanishDate(text7);
  if (!date4) findings.errors.push(createDiagnostic("date.unreadable", line, field, { value: text7 }));
  return date4;
}
function toAgreement(value) {
  const leading = new RegExp(`^(${AGREEMENT_CODE.source})\\s*:\\s+`, "u").exec(value);
  if (leading?.[1]) return { code: leading[1], text: value.slice(leading[0].length) };
  return { code: AGREEMENT_CODE.exec(value)?.[0] ?? null, text: value };
}
function resolveEvidence(field, context, findings) {
  return splitItems(joinParts(field)).map(toPendingEvidence).map((item) => {
    if (item.url) return { title: item.title, url: item.url };
    const footnoteUrl = item.marker === null ? void 0 : context.footnoteUrls.get(item.marker);
    if (item.marker !== null && footnoteUrl === void 0) {
      findings.warnings.push(createDiagnostic("footnote.missing", field.line, "evidence", { marker: item.marker }));
    }
    const isMinutes = /^acta\b/.test(normalizeForMatch(item.title));
    return { title: item.title, url: footnoteUrl ?? (isMinutes ? context.minutesUrl : null) };
  });
}
function toPendingEvidence(item) {
  const explicitUrl = TRAILING_URL.exec(item);
  if (explicitUrl) return { title: item.slice(0, explicitUrl.index).trim(), marker: null, url: explicitUrl[1] ?? null };
  const marker = TRAILING_MARKER.exec(item);
  if (!marker) return { title: item, marker: null, url: null };
  return {
    title: item.slice(0, marker.index).trim(),
    marker: marker[1] ?? toPlainDigits(marker[2] ?? ""),
    url: null
  };
}

// ../../packages/domain/src/mechanism-report/render-markdown.ts
var MINUTES_FOOTNOTE = "[^1]";
var MASCULINE_BODY_HEAD = /^(?:Sistema|Comité|Consejo|Grupo|Subgrupo|Mecanismo|Pacto)\b/u;
function renderMechanismReportMarkdown(report) {
  const sections = [
    `**${SYSTEM_HEADING}**`,
    `# ${REPORT_TITLE_PREFIX} ${withPreposition(report.bodyName)}`,
    ...report.approvingAgreement ? [renderApproval(report.bodyName, report.approvingAgreement)] : [],
    renderPeriodIntroduction(report.period),
    ...report.blocks.map((block, index7) => renderBlock(block, index7 + 1, report.minutesUrl)),
    ...report.minutesUrl ? [renderMinutesFootnote(report.bodyName, report.minutesUrl)] : []
  ];
  return `${sections.join("\n\n")}
`;
}
function renderApproval(bodyName, approval) {
  const subject = capitalizeFirst(`${articleFor(bodyName)} ${bodyName}`);
  const how = approval.code ? ` mediante el acuerdo ${approval.code}` : "";
  const when = `en el marco de la ${formatSessionTitle(approval.session)} realizada el ${formatSpanishDate(approval.session.date)}`;
  return `${subject} aprob\xF3${how}, ${when}, ${toApprovedObject(approval.text)}.`;
}
function toApprovedObject(text7) {
  if (text7.startsWith(`${APPROVAL_TEXT_PREFIX} del `)) return `el ${text7.slice(APPROVAL_TEXT_PREFIX.length + 5)}`;
  if (text7.startsWith(`${APPROVAL_TEXT_PREFIX} de `)) return text7.slice(APPROVAL_TEXT_PREFIX.length + 4);
  return text7;
}
function renderPeriodIntroduction(period) {
  if (!period) return "A continuaci\xF3n se presenta el reporte:";
  return `A continuaci\xF3n se presenta el reporte que contempla lo realizado durante el periodo del ${formatSpanishDate(period.from)} al ${formatSpanishDate(period.to)}:`;
}
function renderBlock(block, position, minutesUrl) {
  const agreementValues = block.agreements.length > 0 ? block.agreements.map(renderAgreement) : [NOT_APPLICABLE];
  const fields = [
    ["participants", block.participants.join("; ")],
    ["session", `${formatSessionTitle(block.session)}, ${formatSpanishDate(block.session.date)}`],
    ["description", block.description],
    ...agreementValues.map((value) => ["agreement", value]),
    ["followUp", block.followUp?.text ?? NOT_APPLICABLE],
    ["evidence", block.evidence.length > 0 ? block.evidence.map((item) => renderEvidence(item, minutesUrl)).join("; ") : NOT_APPLICABLE]
  ];
  const items = fields.map(([field, value]) => `- **${FIELD_LABELS[field][0]}:** ${value}`.trimEnd());
  return [`## Participaci\xF3n ${position}`, items.join("\n")].join("\n\n");
}
function renderAgreement(agreement) {
  return agreement.code && !agreement.text.includes(agreement.code) ? `${agreement.code}: ${agreement.text}` : agreement.text;
}
function renderEvidence(evidence2, minutesUrl) {
  if (evidence2.url === null) return evidence2.title;
  return evidence2.url === minutesUrl ? `${evidence2.title} ${MINUTES_FOOTNOTE}` : `${evidence2.title} <${evidence2.url}>`;
}
function renderMinutesFootnote(bodyName, minutesUrl) {
  return `${MINUTES_FOOTNOTE}: Actas de las sesiones ${withPreposition(bodyName)}. Disponibles en: <${minutesUrl}>`;
}
function articleFor(bodyName) {
  return MASCULINE_BODY_HEAD.test(bodyName) ? "el" : "la";
}
function withPreposition(bodyName) {
  return articleFor(bodyName) === "el" ? `del ${bodyName}` : `de la ${bodyName}`;
}
function capitalizeFirst(text7) {
  return text7.charAt(0).toUpperCase() + text7.slice(1);
}

// ../../packages/domain/src/schemas/evidence.ts
import { z as z4 } from "zod";
var EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
var EVIDENCE_FILE_TYPES = [
  { extension: "pdf", contentType: "application/pdf", magic: [37, 80, 68, 70] },
  { extension: "docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", magic: [80, 75, 3, 4] },
  { extension: "xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: [80, 75, 3, 4] },
  { extension: "png", contentType: "image/png", magic: [137, 80, 78, 71] },
  { extension: "jpg", contentType: "image/jpeg", magic: [255, 216, 255] },
  { extension: "jpeg", contentType: "image/jpeg", magic: [255, 216, 255] }
];
function detectEvidenceFileType(fileName, bytes) {
  const extension = fileName.toLowerCase().split(".").pop();
  return EVIDENCE_FILE_TYPES.find((type) => type.extension === extension && type.magic.every((byte, i) => bytes[i] === byte));
}
var EvidenceUploadSchema = z4.object({
  title: requiredText(300),
  kind: z4.enum(EVIDENCE_KINDS).default("other")
});

// ../../packages/domain/src/schemas/accounts.ts
import { z as z5 } from "zod";
var ROLES = ["admin", "secretariat", "enlace", "reader"];
var RoleGrantSchema = z5.object({
  role: z5.enum(ROLES),
  bodyId: IdSchema.nullish().transform((v) => v ?? null),
  organizationId: IdSchema.nullish().transform((v) => v ?? null)
}).refine((g) => g.role !== "secretariat" || g.bodyId !== null, { message: "La secretar\xEDa t\xE9cnica necesita su \xF3rgano.", path: ["bodyId"] }).refine((g) => g.role !== "enlace" || g.organizationId !== null, { message: "El enlace necesita su organizaci\xF3n.", path: ["organizationId"] });
var PASSWORD_MIN_LENGTH = 12;
var PasswordSchema = z5.string().min(PASSWORD_MIN_LENGTH, { message: `La contrase\xF1a debe tener al menos ${PASSWORD_MIN_LENGTH} caracteres.` }).max(200, { message: "La contrase\xF1a es demasiado larga." }).refine((p) => new RegExp("\\p{L}", "u").test(p) && /\d/.test(p), { message: "La contrase\xF1a debe combinar letras y n\xFAmeros." });
var EmailSchema = z5.string().trim().toLowerCase().email({ message: "Correo electr\xF3nico no v\xE1lido." }).max(200);
var LoginSchema = z5.object({
  email: EmailSchema,
  password: z5.string().min(1, { message: "Escriba su contrase\xF1a." }).max(200)
});
var UserCreateSchema = z5.object({
  email: EmailSchema,
  name: requiredText(200),
  password: PasswordSchema,
  roles: z5.array(RoleGrantSchema).min(1, { message: "Asigne al menos un rol." })
}).refine((u) => !u.password.toLowerCase().includes(u.email.split("@")[0]), {
  message: "La contrase\xF1a no debe contener su correo.",
  path: ["password"]
});

// ../../packages/domain/src/csv/write-csv.ts
function writeCsv(rows, columns) {
  const escape = (cell) => {
    let text7 = cell === null || cell === void 0 ? "" : String(cell);
    if (/^[=+\-@\t\r]/.test(text7) && typeof cell === "string") text7 = `'${text7}`;
    return /[",\r\n]/.test(text7) ? `"${text7.replaceAll('"', '""')}"` : text7;
  };
  const lines = [columns.map((c) => escape(c.header)).join(","), ...rows.map((row) => columns.map((c) => escape(c.value(row))).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r
`;
}

// ../../packages/domain/src/schemas/plans.ts
import { z as z6 } from "zod";
var PLAN_NODE_KINDS = [
  "objective",
  "axis",
  "strategy",
  "strategic_line",
  "action_line",
  "priority",
  "commitment",
  "deliverable",
  "next_step"
];
var PlanStatusSchema = z6.object({
  key: z6.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: "Clave de estado no v\xE1lida (min\xFAsculas, n\xFAmeros y guion bajo)." }),
  label: requiredText(60),
  progress: z6.number().min(0).max(100).nullable(),
  /** Closed statuses (done or abandoned) are never late. */
  isClosed: z6.boolean()
});
var DEFAULT_PLAN_STATUSES = [
  { key: "not_started", label: "No iniciado", progress: 0, isClosed: false },
  { key: "planned", label: "Previsto", progress: 0, isClosed: false },
  { key: "in_progress", label: "En curso", progress: 50, isClosed: false },
  { key: "completed", label: "Completado", progress: 100, isClosed: true },
  { key: "not_achieved", label: "No alcanzado", progress: 0, isClosed: true }
];
var nullableDate = IsoDateSchema.nullish().or(z6.literal("")).transform((v) => v || null);
var editedDate = IsoDateSchema.nullish().or(z6.literal("")).transform((v) => v === void 0 ? void 0 : v || null);
var Progress = z6.number({ message: "El avance es un n\xFAmero de 0 a 100." }).min(0, { message: "El avance va de 0 a 100." }).max(100, { message: "El avance va de 0 a 100." });
var Flags = z6.array(requiredText(1e3)).max(20).default([]);
var datesInOrder = (from, to) => !from || !to || from <= to;
var PlanCreateSchema = z6.object({
  name: requiredText(400),
  shortName: optionalText(80),
  description: optionalText(4e3),
  bodyId: IdSchema,
  periodFrom: nullableDate,
  periodTo: nullableDate,
  statuses: z6.array(PlanStatusSchema).min(1, { message: "El plan necesita al menos un estado." }).refine((list) => new Set(list.map((s) => s.key)).size === list.length, { message: "Hay claves de estado repetidas." }).default(DEFAULT_PLAN_STATUSES),
  flags: Flags
}).refine((p) => datesInOrder(p.periodFrom, p.periodTo), { message: "La fecha de t\xE9rmino es anterior a la de inicio.", path: ["periodTo"] });
var PlanUpdateSchema = z6.object({
  name: requiredText(400).optional(),
  shortName: optionalText(80).optional(),
  description: optionalText(4e3).optional(),
  periodFrom: editedDate,
  periodTo: editedDate,
  version: VersionSchema
});
var PlanNodeCodeSchema = z6.string().trim().min(1, { message: "Este campo es obligatorio." }).max(30, { message: "M\xE1ximo 30 caracteres." }).regex(/^[\p{L}\p{N}][\p{L}\p{N}.\-_]*$/u, { message: "Clave no v\xE1lida: letras, n\xFAmeros, punto y guion (p. ej. 2.6)." });
var PlanNodeCreateSchema = z6.object({
  planId: IdSchema,
  parentId: IdSchema.nullish().transform((v) => v ?? null),
  kind: z6.enum(PLAN_NODE_KINDS),
  code: PlanNodeCodeSchema,
  title: requiredText(2e3),
  status: z6.string().trim().max(40).nullish().or(z6.literal("")).transform((v) => v || null),
  progress: Progress.nullish().transform((v) => v ?? null),
  weight: z6.number().positive({ message: "El peso debe ser mayor que cero." }).max(1e3).default(1),
  startDate: nullableDate,
  dueDate: nullableDate,
  responsibleOrganizationIds: z6.array(IdSchema).default([]),
  agreementIds: z6.array(IdSchema).default([]),
  flags: Flags
}).refine((n) => datesInOrder(n.startDate, n.dueDate), { message: "La fecha l\xEDmite es anterior a la de inicio.", path: ["dueDate"] });
var PlanNodeUpdateSchema = z6.object({
  kind: z6.enum(PLAN_NODE_KINDS).optional(),
  code: PlanNodeCodeSchema.optional(),
  title: requiredText(2e3).optional(),
  status: z6.string().trim().max(40).nullish().or(z6.literal("")).transform((v) => v === void 0 ? void 0 : v || null),
  progress: Progress.nullish(),
  weight: z6.number().positive({ message: "El peso debe ser mayor que cero." }).max(1e3).optional(),
  startDate: editedDate,
  dueDate: editedDate,
  responsibleOrganizationIds: z6.array(IdSchema).optional(),
  agreementIds: z6.array(IdSchema).optional(),
  /** Why the status changed; kept in the node's status history. */
  comment: optionalText(2e3).optional(),
  version: VersionSchema
});
var ACTIVITY_KINDS = [
  "training",
  "campaign",
  "cooperation_agreement",
  "forum",
  "inspection",
  "publication",
  "norm",
  "protocol",
  "contest",
  "meeting",
  "research",
  "service",
  "other"
];
var DATE_PRECISIONS = ["day", "month", "year"];
var SEXES = ["female", "male"];
var ReachBreakdownSchema = z6.object({
  sex: z6.enum(SEXES).nullable(),
  ageGroup: optionalText(40),
  count: z6.number().int().min(0)
});
var Count = z6.number({ message: "Escriba un n\xFAmero entero." }).int({ message: "Escriba un n\xFAmero entero." }).min(0, { message: "No puede ser negativo." });
var nullableCount = Count.nullish().transform((v) => v ?? null);
var activityFields = {
  kind: z6.enum(ACTIVITY_KINDS),
  title: requiredText(500),
  description: optionalText(1e4),
  startDate: IsoDateSchema,
  endDate: nullableDate,
  datePrecision: z6.enum(DATE_PRECISIONS),
  audience: optionalText(500),
  events: nullableCount,
  participants: nullableCount,
  peopleReached: nullableCount,
  reachBreakdown: z6.array(ReachBreakdownSchema).max(50),
  leadOrganizationIds: z6.array(IdSchema).min(1, { message: "Indique al menos una instituci\xF3n responsable." }),
  partnerOrganizationIds: z6.array(IdSchema),
  stateCodes: z6.array(StateCodeSchema),
  municipalityCodes: z6.array(z6.string().regex(/^\d{5}$/, { message: "Clave de municipio no v\xE1lida (cinco d\xEDgitos INEGI)." })),
  planNodeIds: z6.array(IdSchema),
  agreementIds: z6.array(IdSchema),
  /** Files uploaded beforehand through POST /api/evidence. */
  evidenceIds: z6.array(IdSchema),
  source: optionalText(500)
};
var reachAddsUp = (a) => !a.reachBreakdown?.length || a.participants == null || a.reachBreakdown.reduce((sum, r) => sum + r.count, 0) <= a.participants;
var ActivityCreateSchema = z6.object({
  ...activityFields,
  datePrecision: activityFields.datePrecision.default("day"),
  reachBreakdown: activityFields.reachBreakdown.default([]),
  partnerOrganizationIds: activityFields.partnerOrganizationIds.default([]),
  stateCodes: activityFields.stateCodes.default([]),
  municipalityCodes: activityFields.municipalityCodes.default([]),
  planNodeIds: activityFields.planNodeIds.default([]),
  agreementIds: activityFields.agreementIds.default([]),
  evidenceIds: activityFields.evidenceIds.default([]),
  flags: Flags,
  reportId: IdSchema.nullish().transform((v) => v ?? null)
}).refine((a) => datesInOrder(a.startDate, a.endDate), { message: "La fecha de t\xE9rmino es anterior a la de inicio.", path: ["endDate"] }).refine(reachAddsUp, { message: "El desglose suma m\xE1s participantes que el total.", path: ["reachBreakdown"] });
var ActivityUpdateSchema = z6.object(activityFields).partial().extend({ endDate: editedDate, version: VersionSchema }).refine((a) => datesInOrder(a.startDate, a.endDate), { message: "La fecha de t\xE9rmino es anterior a la de inicio.", path: ["endDate"] }).refine(reachAddsUp, { message: "El desglose suma m\xE1s participantes que el total.", path: ["reachBreakdown"] });
var PERIODICITIES = ["annual", "semiannual", "quarterly", "monthly"];
var DISAGGREGATIONS = ["sex", "age_group"];
var INDICATOR_FORMULAS = ["per_100k_population"];
var IndicatorCreateSchema = z6.object({
  planNodeId: IdSchema,
  code: optionalText(30),
  name: requiredText(500),
  unit: requiredText(60),
  baseline: z6.number().nullish().transform((v) => v ?? null),
  baselineYear: z6.number().int().min(1900).max(2100).nullish().transform((v) => v ?? null),
  target: z6.number().nullish().transform((v) => v ?? null),
  targetYear: z6.number().int().min(1900).max(2100).nullish().transform((v) => v ?? null),
  periodicity: z6.enum(PERIODICITIES).default("annual"),
  source: optionalText(500),
  disaggregations: z6.array(z6.enum(DISAGGREGATIONS)).default([]),
  formula: z6.enum(INDICATOR_FORMULAS).nullish().transform((v) => v ?? null),
  baseIndicatorId: IdSchema.nullish().transform((v) => v ?? null)
}).refine((i) => i.formula === null === (i.baseIndicatorId === null), {
  message: "Un indicador calculado necesita su f\xF3rmula y el indicador del que se calcula.",
  path: ["baseIndicatorId"]
});
var PeriodSchema = z6.string().trim().regex(/^\d{4}(-S[12]|-T[1-4]|-(0[1-9]|1[0-2]))?$/, { message: "Periodo no v\xE1lido (2023, 2023-S1, 2023-T2 o 2023-05)." });
function periodStart(period) {
  const match = /^(\d{4})(?:-S([12])|-T([1-4])|-(\d{2}))?$/.exec(period);
  if (!match) return void 0;
  const [, year, half, quarter, month] = match;
  const monthNumber = half ? (Number(half) - 1) * 6 + 1 : quarter ? (Number(quarter) - 1) * 3 + 1 : month ? Number(month) : 1;
  return `${year}-${String(monthNumber).padStart(2, "0")}-01`;
}
var PERIOD_SHAPES = {
  annual: /^\d{4}$/,
  semiannual: /^\d{4}-S[12]$/,
  quarterly: /^\d{4}-T[1-4]$/,
  monthly: /^\d{4}-\d{2}$/
};
var periodMatches = (periodicity, period) => PERIOD_SHAPES[periodicity].test(period);
var IndicatorValueSchema = z6.object({
  period: PeriodSchema,
  stateCode: StateCodeSchema.nullish().transform((v) => v ?? null),
  /** "sex=female", "age_group=12-17"; blank is the total. */
  disaggregation: z6.string().trim().max(100).regex(/^$|^(sex|age_group)=[\p{L}\p{N} \-+]+$/u, { message: "Desglose no v\xE1lido (p. ej. sex=female)." }).default(""),
  value: z6.number({ message: "El valor es un n\xFAmero." }).finite(),
  source: optionalText(500),
  notes: optionalText(2e3)
});
var IndicatorValuesWriteSchema = z6.object({
  values: z6.array(IndicatorValueSchema).min(1, { message: "Env\xEDe al menos un valor." }).max(5e3),
  /** The report the values are filed in, when an enlace reports them. */
  reportId: IdSchema.nullish().transform((v) => v ?? null)
});
var ReportingPeriodCreateSchema = z6.object({
  planId: IdSchema,
  title: requiredText(200),
  periodFrom: IsoDateSchema,
  periodTo: IsoDateSchema,
  dueDate: IsoDateSchema,
  /** Who must report; by default every organisation responsible for a node of the plan. */
  organizationIds: z6.array(IdSchema).optional()
}).refine((p) => p.periodFrom <= p.periodTo, { message: "El fin del periodo es anterior a su inicio.", path: ["periodTo"] });
var REPORT_STATUSES = ["due", "submitted", "accepted", "sent_back"];
var ReportReviewSchema = z6.object({
  decision: z6.enum(["accept", "send_back"]),
  comment: optionalText(4e3),
  version: VersionSchema
}).refine((r) => r.decision === "accept" || r.comment !== null, { message: "Explique qu\xE9 debe corregirse.", path: ["comment"] });
var NodeStatusReportSchema = z6.object({
  planNodeId: IdSchema,
  status: z6.string().trim().min(1).max(40),
  progress: Progress.nullish().transform((v) => v ?? null),
  comment: optionalText(2e3)
});
var DashboardFilterSchema = z6.object({
  from: z6.coerce.number().int().min(1900).max(2100).optional(),
  to: z6.coerce.number().int().min(1900).max(2100).optional(),
  kind: z6.enum(ACTIVITY_KINDS).optional(),
  stateCode: StateCodeSchema.optional()
});

// ../../packages/domain/src/plans/roll-up.ts
function leafProgress(node, statuses) {
  if (node.progress !== null) return node.progress;
  return node.status ? statuses.get(node.status)?.progress ?? null : null;
}
function buildPlanTree(nodes, statusList, today) {
  const statuses = new Map(statusList.map((s) => [s.key, s]));
  const byParent = /* @__PURE__ */ new Map();
  for (const node of nodes) byParent.set(node.parentId, [...byParent.get(node.parentId) ?? [], node]);
  const build = (node) => {
    const children = (byParent.get(node.id) ?? []).map(build);
    const isClosed = node.status ? statuses.get(node.status)?.isClosed ?? false : false;
    return {
      ...node,
      children,
      rolledProgress: children.length ? weightedMean(children) : leafProgress(node, statuses),
      isLate: !isClosed && node.dueDate !== null && node.dueDate < today
    };
  };
  return (byParent.get(null) ?? []).map(build);
}
function weightedMean(children) {
  if (children.every((c) => c.rolledProgress === null)) return null;
  const totalWeight = children.reduce((sum, c) => sum + c.weight, 0);
  const weighted = children.reduce((sum, c) => sum + c.weight * (c.rolledProgress ?? 0), 0);
  return Math.round(weighted / totalWeight * 10) / 10;
}
var planProgress = (roots) => roots.length ? weightedMean(roots) : null;
function flattenTree(roots) {
  return roots.flatMap((node) => [node, ...flattenTree(node.children)]);
}
function indicatorProgress(baseline, target, latest) {
  if (target === null || latest === null) return null;
  const start = baseline ?? 0;
  if (target === start) return latest === target ? 100 : null;
  const share = (latest - start) / (target - start) * 100;
  return Math.round(Math.min(100, Math.max(0, share)) * 10) / 10;
}

// ../../packages/domain/src/plans/plan-template.ts
var PLAN_TEMPLATE_HEADERS = [
  "plan",
  "nombre corto",
  "c\xF3digo",
  "c\xF3digo superior",
  "tipo",
  "t\xEDtulo",
  "estado",
  "avance",
  "peso",
  "responsables",
  "fecha de inicio",
  "fecha l\xEDmite"
];
var ACTIVITY_KIND_LABELS = {
  training: "Capacitaci\xF3n",
  campaign: "Campa\xF1a",
  cooperation_agreement: "Convenio de colaboraci\xF3n",
  forum: "Foro",
  inspection: "Inspecci\xF3n",
  publication: "Publicaci\xF3n",
  norm: "Norma",
  protocol: "Protocolo",
  contest: "Concurso",
  meeting: "Reuni\xF3n",
  research: "Investigaci\xF3n",
  service: "Servicio",
  other: "Otra"
};
var PLAN_NODE_KIND_LABELS = {
  objective: "Objetivo",
  axis: "Eje",
  strategy: "Estrategia",
  strategic_line: "L\xEDnea estrat\xE9gica",
  action_line: "L\xEDnea de acci\xF3n",
  priority: "Prioridad",
  commitment: "Compromiso",
  deliverable: "Entregable",
  next_step: "Pr\xF3ximo paso"
};
var REQUIRED_HEADERS = ["plan", "c\xF3digo", "tipo", "t\xEDtulo"];
var NAME_MAX = 400;
var SHORT_NAME_MAX = 80;
var TITLE_MAX = 2e3;
var WEIGHT_MAX = 1e3;
var RESPONSIBLE_MAX = 200;
var KINDS_BY_TEXT = new Map(
  PLAN_NODE_KINDS.flatMap((kind) => [
    [normalizeForMatch(PLAN_NODE_KIND_LABELS[kind]), kind],
    [normalizeForMatch(kind), kind],
    [normalizeForMatch(kind.replaceAll("_", " ")), kind]
  ])
);
var HEADERS_BY_TEXT = new Map(PLAN_TEMPLATE_HEADERS.map((h) => [normalizeForMatch(h), h]));
var NUMERIC_DATE2 = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
var ISO_DATE2 = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
var quote = (text7) => `\xAB${text7}\xBB`;
var listInSpanish = (items) => items.length <= 1 ? items[0] ?? "" : `${items.slice(0, -1).join(", ")} y ${items[items.length - 1]}`;
function cleanCell(cell) {
  const text7 = (cell ?? "").trim();
  return /^'[=+\-@]/.test(text7) ? text7.slice(1) : text7;
}
var isBlankRow = (row) => !row || row.every((cell) => cleanCell(cell) === "");
function readNumber(text7) {
  const plain = text7.replace(/\s*%$/, "").replace(",", ".");
  return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(plain) ? Number(plain) : Number.NaN;
}
function readDate2(text7) {
  if (text7 === "") return { date: null };
  const numeric2 = NUMERIC_DATE2.exec(text7);
  const iso = ISO_DATE2.exec(text7);
  const parts = numeric2 ? [numeric2[3], numeric2[2], numeric2[1]] : iso ? [iso[1], iso[2], iso[3]] : null;
  if (!parts) return { error: `No se reconoce la fecha ${quote(text7)}; escr\xEDbala como DD/MM/AAAA o AAAA-MM-DD.` };
  const date4 = buildIsoDate(Number(parts[0]), Number(parts[1]), Number(parts[2]));
  return date4 ? { date: date4 } : { error: `La fecha ${quote(text7)} no existe en el calendario.` };
}
function findStatus(text7, statuses) {
  const wanted = normalizeForMatch(text7);
  return statuses.find((s) => normalizeForMatch(s.label) === wanted) ?? statuses.find((s) => normalizeForMatch(s.key) === wanted);
}
function parsePlanTable(rows, statuses = DEFAULT_PLAN_STATUSES) {
  const issues = [];
  const headerIndex = rows.findIndex((row) => !isBlankRow(row));
  const header = rows[headerIndex];
  if (headerIndex < 0 || !header) {
    return { plan: null, issues: [{ line: 1, field: "", message: "El archivo est\xE1 vac\xEDo; use la plantilla del plan." }] };
  }
  const headerLine = headerIndex + 1;
  const columns = /* @__PURE__ */ new Map();
  const unknown = [];
  const unnamed = [];
  header.forEach((cell, column) => {
    const text7 = cleanCell(cell);
    if (text7 === "") {
      if (rows.slice(headerIndex + 1).some((row) => cleanCell(row[column]) !== "")) unnamed.push(column + 1);
      return;
    }
    const known = HEADERS_BY_TEXT.get(normalizeForMatch(text7));
    if (!known) unknown.push(quote(collapseWhitespace(text7)));
    else if (columns.has(known)) issues.push({ line: headerLine, field: known, message: `La columna ${quote(known)} aparece m\xE1s de una vez.` });
    else columns.set(known, column);
  });
  if (unknown.length) {
    issues.push({
      line: headerLine,
      field: "",
      message: `${unknown.length === 1 ? "No se reconoce la columna" : "No se reconocen las columnas"} ${listInSpanish(unknown)}. Las columnas de la plantilla son: ${PLAN_TEMPLATE_HEADERS.join(", ")}.`
    });
  }
  for (const column of unnamed) {
    issues.push({ line: headerLine, field: "", message: `La columna ${column} tiene datos pero no tiene encabezado.` });
  }
  const missing = REQUIRED_HEADERS.filter((h) => !columns.has(h));
  if (missing.length) {
    issues.push({
      line: headerLine,
      field: "",
      message: `${missing.length === 1 ? "Falta la columna" : "Faltan las columnas"} ${listInSpanish(missing.map(quote))}.`
    });
  }
  const nodes = [];
  let plan = null;
  const codeLines = /* @__PURE__ */ new Map();
  for (let index7 = headerIndex + 1; index7 < rows.length; index7++) {
    const row = rows[index7];
    if (!row || isBlankRow(row)) continue;
    const line = index7 + 1;
    const has = (field) => columns.has(field);
    const cell = (field) => {
      const column = columns.get(field);
      return column === void 0 ? "" : cleanCell(row[column]);
    };
    const issue = (field, message) => issues.push({ line, field, message });
    const required = (field, max) => {
      const text7 = cell(field);
      if (!has(field)) return text7;
      if (text7 === "") issue(field, "Este campo es obligatorio.");
      else if (text7.length > max) issue(field, `M\xE1ximo ${max} caracteres.`);
      return text7;
    };
    const name = collapseWhitespace(required("plan", NAME_MAX));
    const shortName = collapseWhitespace(cell("nombre corto"));
    if (shortName.length > SHORT_NAME_MAX) issue("nombre corto", `M\xE1ximo ${SHORT_NAME_MAX} caracteres.`);
    if (!plan) {
      if (name !== "") plan = { name, shortName, line };
    } else {
      if (name !== "" && name !== plan.name) {
        issue("plan", `El nombre del plan no coincide con el de la fila ${plan.line} (${quote(plan.name)}); debe ser igual en todas las filas.`);
      }
      if (shortName !== plan.shortName) {
        issue(
          "nombre corto",
          plan.shortName === "" ? `En la fila ${plan.line} el nombre corto est\xE1 vac\xEDo; debe ser igual en todas las filas.` : `El nombre corto no coincide con el de la fila ${plan.line} (${quote(plan.shortName)}); debe ser igual en todas las filas.`
        );
      }
    }
    const code = cell("c\xF3digo");
    if (has("c\xF3digo")) {
      const checked = PlanNodeCodeSchema.safeParse(code);
      if (!checked.success) issue("c\xF3digo", checked.error.issues[0]?.message ?? "Clave no v\xE1lida.");
      else if (codeLines.has(code)) issue("c\xF3digo", `El c\xF3digo ${quote(code)} ya se us\xF3 en la fila ${codeLines.get(code)}; cada nodo lleva un c\xF3digo distinto.`);
      else codeLines.set(code, line);
    }
    const kindText = cell("tipo");
    const kind = KINDS_BY_TEXT.get(normalizeForMatch(kindText));
    if (has("tipo") && !kind) {
      issue(
        "tipo",
        kindText === "" ? "Este campo es obligatorio." : `No se reconoce el tipo ${quote(kindText)}; use ${listInSpanish(PLAN_NODE_KINDS.map((k) => PLAN_NODE_KIND_LABELS[k]))}.`
      );
    }
    const title = required("t\xEDtulo", TITLE_MAX);
    const statusText = cell("estado");
    const status = statusText === "" ? null : findStatus(statusText, statuses);
    if (statusText !== "" && !status) {
      issue("estado", `No se reconoce el estado ${quote(statusText)}; use ${listInSpanish(statuses.map((s) => s.label))}, o d\xE9jelo vac\xEDo.`);
    }
    const progressText = cell("avance");
    const progress = progressText === "" ? null : readNumber(progressText);
    if (progress !== null && Number.isNaN(progress)) issue("avance", `El avance es un n\xFAmero de 0 a 100 (se ley\xF3 ${quote(progressText)}).`);
    else if (progress !== null && (progress < 0 || progress > 100)) issue("avance", `El avance va de 0 a 100 (se ley\xF3 ${quote(progressText)}).`);
    const weightText = cell("peso");
    const weight = weightText === "" ? 1 : readNumber(weightText);
    if (Number.isNaN(weight)) issue("peso", `El peso es un n\xFAmero mayor que cero (se ley\xF3 ${quote(weightText)}).`);
    else if (weight <= 0) issue("peso", "El peso debe ser mayor que cero.");
    else if (weight > WEIGHT_MAX) issue("peso", `El peso no puede pasar de ${WEIGHT_MAX}.`);
    const responsible = [
      ...new Set(
        cell("responsables").split(";").map((text7) => collapseWhitespace(text7)).filter((text7) => text7 !== "")
      )
    ];
    const tooLong = responsible.find((text7) => text7.length > RESPONSIBLE_MAX);
    if (tooLong) issue("responsables", `El responsable ${quote(tooLong.slice(0, 40))}\u2026 pasa de ${RESPONSIBLE_MAX} caracteres; separe los responsables con \xAB;\xBB.`);
    const start = readDate2(cell("fecha de inicio"));
    const due = readDate2(cell("fecha l\xEDmite"));
    if ("error" in start) issue("fecha de inicio", start.error);
    if ("error" in due) issue("fecha l\xEDmite", due.error);
    const startDate = "date" in start ? start.date : null;
    const dueDate = "date" in due ? due.date : null;
    if (startDate && dueDate && dueDate < startDate) issue("fecha l\xEDmite", "La fecha l\xEDmite es anterior a la de inicio.");
    nodes.push({
      line,
      code,
      parentCode: cell("c\xF3digo superior") || null,
      kind: kind ?? "objective",
      title,
      status: status?.key ?? null,
      progress: Number.isNaN(progress) ? null : progress,
      weight: Number.isNaN(weight) ? 1 : weight,
      responsible,
      startDate,
      dueDate
    });
  }
  if (nodes.length === 0) {
    issues.push({ line: headerLine + 1, field: "", message: "El archivo no tiene ning\xFAn nodo: escriba una fila por nodo debajo de los encabezados." });
  }
  issues.push(...checkParents(nodes, codeLines));
  if (issues.length > 0 || !plan) {
    const order = (field) => field === "" ? -1 : PLAN_TEMPLATE_HEADERS.indexOf(field);
    issues.sort((a, b) => a.line - b.line || order(a.field) - order(b.field));
    return { plan: null, issues };
  }
  return { plan: { name: plan.name, shortName: plan.shortName || null, nodes }, issues: [] };
}
function checkParents(nodes, codeLines) {
  const issues = [];
  const parentOf = /* @__PURE__ */ new Map();
  for (const node of nodes) {
    if (codeLines.get(node.code) === node.line) parentOf.set(node.code, node.parentCode);
  }
  for (const node of nodes) {
    if (node.parentCode !== null && !codeLines.has(node.parentCode)) {
      issues.push({
        line: node.line,
        field: "c\xF3digo superior",
        message: `No hay ning\xFAn nodo con el c\xF3digo ${quote(node.parentCode)} en el archivo.`
      });
    }
  }
  const settled = /* @__PURE__ */ new Set();
  for (const start of parentOf.keys()) {
    const path = [];
    const onPath = /* @__PURE__ */ new Set();
    let code = start;
    while (code && parentOf.has(code) && !settled.has(code)) {
      if (onPath.has(code)) {
        const cycle = path.slice(path.indexOf(code));
        const chain = [...cycle, code].join(" \u2192 ");
        for (const member of cycle) {
          issues.push({
            line: codeLines.get(member) ?? 0,
            field: "c\xF3digo superior",
            message: cycle.length === 1 ? `El nodo ${quote(member)} no puede ser su propio c\xF3digo superior.` : `Los c\xF3digos superiores forman un ciclo (${chain}); cada rama debe terminar en un nodo sin c\xF3digo superior.`
          });
        }
        break;
      }
      onPath.add(code);
      path.push(code);
      code = parentOf.get(code);
    }
    for (const visited of path) settled.add(visited);
  }
  return issues;
}
function planToTable(plan) {
  const rows = [[...PLAN_TEMPLATE_HEADERS]];
  const statusLabel = (key) => key === null ? "" : plan.statuses.find((s) => s.key === key)?.label ?? key;
  const visit = (node, parentCode) => {
    rows.push([
      plan.name,
      plan.shortName ?? "",
      node.code,
      parentCode ?? "",
      PLAN_NODE_KIND_LABELS[node.kind],
      node.title,
      statusLabel(node.status),
      node.progress === null ? "" : String(node.progress),
      String(node.weight),
      node.responsibleOrganizations.map((o) => o.acronym ?? o.name).join("; "),
      node.startDate ?? "",
      node.dueDate ?? ""
    ]);
    for (const child of node.children) visit(child, node.code);
  };
  for (const root of plan.nodes) visit(root, null);
  return rows;
}

// src/cli.ts
import { serve } from "@hono/node-server";
import { sql as sql28 } from "drizzle-orm";

// src/app.ts
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { bodyLimit as bodyLimit2 } from "hono/body-limit";
import { compress } from "hono/compress";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";

// src/http/authenticate.ts
import { getCookie } from "hono/cookie";

// src/http/messages.ts
var apiMessages = {
  not_found: "No se encontr\xF3 el registro solicitado.",
  unauthenticated: "Inicie sesi\xF3n para continuar.",
  forbidden: "No tiene permiso para esta acci\xF3n.",
  csrf: "La solicitud no trae la ficha de seguridad de su sesi\xF3n; recargue la p\xE1gina.",
  login_failed: "Correo o contrase\xF1a incorrectos.",
  locked: "La cuenta est\xE1 bloqueada temporalmente por intentos fallidos; intente m\xE1s tarde.",
  rate_limited: "Demasiados intentos; espere un momento.",
  conflict: "Alguien m\xE1s modific\xF3 este registro; recargue para ver los cambios.",
  validation: "Revise los datos marcados.",
  duplicate: "Ya existe un registro con esos datos.",
  import_invalid: "El documento tiene errores; no se import\xF3 nada.",
  payload_too_large: "La solicitud es demasiado grande.",
  internal: "Ocurri\xF3 un error inesperado. Intente de nuevo.",
  report_locked: "El reporte ya se envi\xF3 a revisi\xF3n, fue aceptado o su periodo est\xE1 cerrado: no se puede modificar.",
  report_not_submitted: "Solo se revisa un reporte enviado.",
  unknown_reference: "Hace referencia a un registro que no existe."
};

// src/http/errors.ts
var AppError = class extends Error {
  constructor(status, code, issues, message = apiMessages[code]) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
  status;
  code;
  issues;
};
var notFound = () => new AppError(404, "not_found");
var staleVersion = () => new AppError(409, "conflict");
var invalidField = (path, message) => new AppError(422, "validation", [{ path, message }]);
function findPgCode(error) {
  for (let e = error; e && typeof e === "object"; e = e.cause) {
    const code = e.code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return void 0;
}
var rethrowDuplicateAs = (path, message) => (error) => {
  if (findPgCode(error) === "23505") throw new AppError(409, "duplicate", [{ path, message }]);
  throw error;
};

// src/auth/policy.ts
var unauthenticated = () => new AppError(401, "unauthenticated");
var forbidden = () => new AppError(403, "forbidden");
var isAdmin = (actor) => actor.kind === "system" || actor.kind === "user" && actor.roles.some((r) => r.role === "admin");
function requireSignedIn(actor) {
  if (actor.kind === "anonymous") throw unauthenticated();
}
function requireAdmin(actor) {
  requireSignedIn(actor);
  if (!isAdmin(actor)) throw forbidden();
}
function requireWriter(actor) {
  requireSignedIn(actor);
  if (actor.kind === "user" && actor.roles.every((r) => r.role === "reader")) throw forbidden();
}
function requireBodyManager(actor, scope) {
  requireSignedIn(actor);
  if (!scope) throw notFound();
  if (isAdmin(actor)) return;
  const manages = actor.kind === "user" && actor.roles.some((r) => r.role === "secretariat" && scope.bodyIds.includes(r.bodyId));
  if (!manages) throw forbidden();
}
function requireBodyManagerOrEnlace(actor, scope) {
  requireSignedIn(actor);
  if (!scope) throw notFound();
  if (isAdmin(actor)) return;
  const allowed = actor.kind === "user" && actor.roles.some(
    (r) => r.role === "secretariat" && scope.bodyIds.includes(r.bodyId) || r.role === "enlace" && scope.organizationIds.includes(r.organizationId)
  );
  if (!allowed) throw forbidden();
}
function requireOrganizationEditor(actor, organizationId) {
  requireSignedIn(actor);
  if (isAdmin(actor)) return;
  const allowed = actor.kind === "user" && actor.roles.some((r) => r.role === "enlace" && r.organizationId === organizationId);
  if (!allowed) throw forbidden();
}
function requireAnySecretariat(actor) {
  requireSignedIn(actor);
  if (isAdmin(actor)) return;
  if (!(actor.kind === "user" && actor.roles.some((r) => r.role === "secretariat"))) throw forbidden();
}

// src/repositories/activity-dashboard.repository.ts
import { sql as sql9 } from "drizzle-orm";

// src/repositories/query.ts
import { and, eq, sql } from "drizzle-orm";
async function queryRows(db, query) {
  const result = await db.execute(query);
  return result.rows;
}
function toPrefixTsQuery(text7) {
  const words = (text7 ?? "").match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.map((word) => `${word}:*`).join(" & ") : null;
}
function matchesSearch(searchColumn, text7) {
  const query = toPrefixTsQuery(text7);
  return query ? sql`${searchColumn} @@ to_tsquery('telar_es', ${query})` : void 0;
}
function whereAll(conditions) {
  const present = conditions.filter((c) => c !== void 0);
  return present.length ? sql.join(present, sql` and `) : sql`true`;
}
var pageClause = ({ page: page2, pageSize }) => sql`limit ${pageSize} offset ${(page2 - 1) * pageSize}`;
async function updateIfVersion(db, table, id2, version, values) {
  const rows = await db.update(table).set({ ...values, version: sql`${table.version} + 1`, updatedAt: sql`now()` }).where(and(eq(table.id, id2), eq(table.version, version))).returning();
  return rows[0];
}
async function countExisting(db, table, keys, column = "id") {
  const unique = [...new Set(keys)];
  if (!unique.length) return 0;
  const [row] = await queryRows(
    db,
    sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)}::text in (${sql.join(unique.map((key) => sql`${key}`), sql`, `)})`
  );
  return row?.n ?? 0;
}

// src/repositories/activity.repository.ts
import { eq as eq2, sql as sql8 } from "drizzle-orm";

// src/db/schema/index.ts
var schema_exports = {};
__export(schema_exports, {
  activities: () => activities,
  activityAgreements: () => activityAgreements,
  activityEvidence: () => activityEvidence,
  activityMunicipalities: () => activityMunicipalities,
  activityNodeTotals: () => activityNodeTotals,
  activityOrganizations: () => activityOrganizations,
  activityPlanNodes: () => activityPlanNodes,
  activityStates: () => activityStates,
  activityTotals: () => activityTotals,
  agreementOrganizations: () => agreementOrganizations,
  agreementStates: () => agreementStates,
  agreements: () => agreements,
  auditEntries: () => auditEntries,
  authSessions: () => authSessions,
  bodies: () => bodies,
  evidence: () => evidence,
  focalPoints: () => focalPoints,
  followUpEvidence: () => followUpEvidence,
  followUpStates: () => followUpStates,
  followUps: () => followUps,
  indicatorValues: () => indicatorValues,
  indicators: () => indicators,
  memberships: () => memberships,
  municipalities: () => municipalities,
  organizations: () => organizations,
  participationOrganizations: () => participationOrganizations,
  participations: () => participations,
  people: () => people,
  planNodeAgreements: () => planNodeAgreements,
  planNodeOrganizations: () => planNodeOrganizations,
  planNodeStatusChanges: () => planNodeStatusChanges,
  planNodes: () => planNodes,
  plans: () => plans,
  publishedReports: () => publishedReports,
  reportingPeriods: () => reportingPeriods,
  reports: () => reports,
  sessions: () => sessions,
  states: () => states,
  userRoles: () => userRoles,
  users: () => users
});

// src/db/schema/geo.ts
import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
var states = pgTable("states", {
  code: text("code").primaryKey(),
  inegiCode: text("inegi_code").notNull().unique(),
  name: text("name").notNull(),
  shortName: text("short_name").notNull(),
  abbreviation: text("abbreviation").notNull(),
  population: integer("population").notNull()
});
var municipalities = pgTable(
  "municipalities",
  {
    cvegeo: text("cvegeo").primaryKey(),
    stateCode: text("state_code").notNull().references(() => states.code),
    name: text("name").notNull(),
    population: integer("population").notNull()
  },
  (t) => [index("municipalities_state_idx").on(t.stateCode)]
);

// src/db/schema/directory.ts
import { sql as sql3 } from "drizzle-orm";
import { date, index as index2, pgTable as pgTable2, text as text2, uniqueIndex, uuid as uuid2 } from "drizzle-orm/pg-core";

// src/db/schema/columns.ts
import { sql as sql2 } from "drizzle-orm";
import { customType, integer as integer2, timestamp, uuid } from "drizzle-orm/pg-core";
var tsvector = customType({ dataType: () => "tsvector" });
var searchVector = (expression) => tsvector("search").generatedAlwaysAs(sql2.raw(`to_tsvector('telar_es', ${expression})`));
var bytea = customType({ dataType: () => "bytea" });
var id = () => uuid("id").primaryKey().defaultRandom();
var recordColumns = () => ({
  version: integer2("version").notNull().default(1),
  // clock_timestamp, not now(): rows written in one transaction keep the order they were written in.
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().default(sql2`clock_timestamp()`),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  archivedAt: timestamp("archived_at", { withTimezone: true, mode: "string" })
});

// src/db/schema/directory.ts
var organizations = pgTable2(
  "organizations",
  {
    id: id(),
    name: text2("name").notNull(),
    acronym: text2("acronym"),
    /** Normalised name (lower-case, accentless, no legal form): the de-duplication key. */
    nameKey: text2("name_key").notNull(),
    sector: text2("sector").notNull(),
    level: text2("level").notNull(),
    stateCode: text2("state_code").references(() => states.code),
    parentId: uuid2("parent_id").references(() => organizations.id),
    search: searchVector(`coalesce(name, '') || ' ' || coalesce(acronym, '')`),
    ...recordColumns()
  },
  (t) => [
    uniqueIndex("organizations_name_key_idx").on(t.nameKey),
    index2("organizations_acronym_idx").on(sql3`lower(${t.acronym})`),
    index2("organizations_search_idx").using("gin", t.search),
    index2("organizations_name_trgm_idx").using("gin", sql3`${t.nameKey} gin_trgm_ops`)
  ]
);
var bodies = pgTable2(
  "bodies",
  {
    id: id(),
    kind: text2("kind").notNull(),
    name: text2("name").notNull(),
    acronym: text2("acronym"),
    parentId: uuid2("parent_id").references(() => bodies.id),
    level: text2("level").notNull(),
    stateCode: text2("state_code").references(() => states.code),
    /** The agreement that approved this body's civil-society participation mechanism (report preamble). */
    mechanismAgreementId: uuid2("mechanism_agreement_id"),
    search: searchVector(`coalesce(name, '') || ' ' || coalesce(acronym, '')`),
    ...recordColumns()
  },
  (t) => [
    index2("bodies_parent_idx").on(t.parentId),
    uniqueIndex("bodies_acronym_idx").on(sql3`upper(${t.acronym})`, sql3`coalesce(${t.stateCode}, '')`),
    index2("bodies_search_idx").using("gin", t.search)
  ]
);
var memberships = pgTable2(
  "memberships",
  {
    id: id(),
    bodyId: uuid2("body_id").notNull().references(() => bodies.id),
    organizationId: uuid2("organization_id").notNull().references(() => organizations.id),
    role: text2("role").notNull(),
    startDate: date("start_date", { mode: "string" }),
    endDate: date("end_date", { mode: "string" }),
    ...recordColumns()
  },
  (t) => [index2("memberships_body_idx").on(t.bodyId), index2("memberships_org_idx").on(t.organizationId)]
);
var people = pgTable2("people", {
  id: id(),
  name: text2("name").notNull(),
  position: text2("position"),
  organizationId: uuid2("organization_id").references(() => organizations.id),
  email: text2("email"),
  phone: text2("phone"),
  ...recordColumns()
});
var focalPoints = pgTable2(
  "focal_points",
  {
    id: id(),
    membershipId: uuid2("membership_id").notNull().references(() => memberships.id),
    personId: uuid2("person_id").notNull().references(() => people.id),
    kind: text2("kind").notNull(),
    startDate: date("start_date", { mode: "string" }),
    endDate: date("end_date", { mode: "string" }),
    ...recordColumns()
  },
  (t) => [index2("focal_points_membership_idx").on(t.membershipId)]
);

// src/db/schema/sessions.ts
import { sql as sql4 } from "drizzle-orm";
import { date as date2, index as index3, integer as integer3, jsonb, pgTable as pgTable3, primaryKey, text as text3, timestamp as timestamp2, uniqueIndex as uniqueIndex2, uuid as uuid3 } from "drizzle-orm/pg-core";
var evidence = pgTable3("evidence", {
  id: id(),
  kind: text3("kind").notNull(),
  title: text3("title").notNull(),
  url: text3("url"),
  fileName: text3("file_name"),
  contentType: text3("content_type"),
  /** The uploaded file itself, when the evidence is a file rather than a URL. */
  content: bytea("content"),
  byteSize: integer3("byte_size"),
  createdAt: timestamp2("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow()
});
var sessions = pgTable3(
  "sessions",
  {
    id: id(),
    bodyId: uuid3("body_id").notNull().references(() => bodies.id),
    kind: text3("kind").notNull(),
    /** Ordinal number within its kind; permanent sessions have none. */
    number: integer3("number"),
    date: date2("date", { mode: "string" }).notNull(),
    modality: text3("modality"),
    minutesEvidenceId: uuid3("minutes_evidence_id").references(() => evidence.id),
    /** Set when the secretariat publishes the session; drafts stay internal. */
    publishedAt: timestamp2("published_at", { withTimezone: true, mode: "string" }),
    ...recordColumns()
  },
  (t) => [
    // One body cannot hold the same session twice: this is what makes imports idempotent.
    uniqueIndex2("sessions_identity_idx").on(t.bodyId, t.kind, sql4`coalesce(${t.number}, 0)`, t.date),
    index3("sessions_date_idx").on(t.date, t.id),
    index3("sessions_body_date_idx").on(t.bodyId, t.date)
  ]
);
var participations = pgTable3(
  "participations",
  {
    id: id(),
    sessionId: uuid3("session_id").notNull().references(() => sessions.id),
    description: text3("description").notNull(),
    search: searchVector(`description`),
    ...recordColumns()
  },
  (t) => [index3("participations_session_idx").on(t.sessionId), index3("participations_search_idx").using("gin", t.search)]
);
var participationOrganizations = pgTable3(
  "participation_organizations",
  {
    participationId: uuid3("participation_id").notNull().references(() => participations.id),
    organizationId: uuid3("organization_id").notNull().references(() => organizations.id),
    /** Order in which the participants were named. */
    position: integer3("position").notNull()
  },
  (t) => [
    primaryKey({ columns: [t.participationId, t.organizationId] }),
    index3("participation_organizations_org_idx").on(t.organizationId)
  ]
);
var agreements = pgTable3(
  "agreements",
  {
    id: id(),
    sessionId: uuid3("session_id").notNull().references(() => sessions.id),
    participationId: uuid3("participation_id").references(() => participations.id),
    code: text3("code"),
    text: text3("text").notNull(),
    dueDate: date2("due_date", { mode: "string" }),
    status: text3("status").notNull(),
    /** Published agreements are public with their follow-up; drafts stay internal. */
    publishedAt: timestamp2("published_at", { withTimezone: true, mode: "string" }),
    search: searchVector(`coalesce(code, '') || ' ' || text`),
    ...recordColumns()
  },
  (t) => [
    uniqueIndex2("agreements_code_idx").on(t.code),
    index3("agreements_session_idx").on(t.sessionId),
    index3("agreements_status_due_idx").on(t.status, t.dueDate),
    // Lists count live agreements by status; a partial index answers that without reading the table.
    index3("agreements_live_status_idx").on(t.status).where(sql4`${t.archivedAt} is null`),
    index3("agreements_search_idx").using("gin", t.search)
  ]
);
var agreementOrganizations = pgTable3(
  "agreement_organizations",
  {
    agreementId: uuid3("agreement_id").notNull().references(() => agreements.id),
    organizationId: uuid3("organization_id").notNull().references(() => organizations.id)
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.organizationId] }),
    index3("agreement_organizations_org_idx").on(t.organizationId)
  ]
);
var agreementStates = pgTable3(
  "agreement_states",
  {
    agreementId: uuid3("agreement_id").notNull().references(() => agreements.id),
    stateCode: text3("state_code").notNull().references(() => states.code)
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.stateCode] }), index3("agreement_states_state_idx").on(t.stateCode)]
);
var followUps = pgTable3(
  "follow_ups",
  {
    id: id(),
    agreementId: uuid3("agreement_id").references(() => agreements.id),
    participationId: uuid3("participation_id").references(() => participations.id),
    /** When it was done; reports imported from text often do not say, so it may be unknown. */
    date: date2("date", { mode: "string" }),
    text: text3("text").notNull(),
    search: searchVector(`text`),
    ...recordColumns()
  },
  (t) => [
    index3("follow_ups_agreement_idx").on(t.agreementId),
    index3("follow_ups_participation_idx").on(t.participationId),
    index3("follow_ups_search_idx").using("gin", t.search)
  ]
);
var followUpStates = pgTable3(
  "follow_up_states",
  {
    followUpId: uuid3("follow_up_id").notNull().references(() => followUps.id),
    stateCode: text3("state_code").notNull().references(() => states.code),
    position: integer3("position").notNull()
  },
  (t) => [primaryKey({ columns: [t.followUpId, t.stateCode] }), index3("follow_up_states_state_idx").on(t.stateCode)]
);
var followUpEvidence = pgTable3(
  "follow_up_evidence",
  {
    followUpId: uuid3("follow_up_id").notNull().references(() => followUps.id),
    evidenceId: uuid3("evidence_id").notNull().references(() => evidence.id)
  },
  (t) => [primaryKey({ columns: [t.followUpId, t.evidenceId] })]
);
var publishedReports = pgTable3(
  "published_reports",
  {
    id: id(),
    kind: text3("kind").notNull(),
    bodyId: uuid3("body_id").notNull().references(() => bodies.id),
    periodFrom: date2("period_from", { mode: "string" }).notNull(),
    periodTo: date2("period_to", { mode: "string" }).notNull(),
    title: text3("title").notNull(),
    content: jsonb("content").notNull(),
    publishedAt: timestamp2("published_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    ...recordColumns()
  },
  (t) => [index3("published_reports_body_idx").on(t.bodyId, t.periodTo)]
);

// src/db/schema/audit.ts
import { bigserial, index as index4, jsonb as jsonb2, pgTable as pgTable4, text as text4, timestamp as timestamp3 } from "drizzle-orm/pg-core";
var auditEntries = pgTable4(
  "audit_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp3("at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    actor: text4("actor").notNull(),
    action: text4("action").notNull(),
    entity: text4("entity").notNull(),
    entityId: text4("entity_id").notNull(),
    /** Changed fields: { field: [before, after] }. */
    changes: jsonb2("changes").notNull()
  },
  (t) => [index4("audit_entries_entity_idx").on(t.entity, t.entityId)]
);

// src/db/schema/auth.ts
import { sql as sql5 } from "drizzle-orm";
import { boolean, index as index5, integer as integer4, pgTable as pgTable5, text as text5, timestamp as timestamp4, uniqueIndex as uniqueIndex3, uuid as uuid4 } from "drizzle-orm/pg-core";
var instant = (name) => timestamp4(name, { withTimezone: true, mode: "string" });
var users = pgTable5(
  "users",
  {
    id: id(),
    email: text5("email").notNull(),
    name: text5("name").notNull(),
    /** argon2id; null for accounts that only sign in through an external provider. */
    passwordHash: text5("password_hash"),
    /** Room for OpenID Connect: the provider and the subject it gives this person. */
    externalProvider: text5("external_provider"),
    externalSubject: text5("external_subject"),
    isActive: boolean("is_active").notNull().default(true),
    failedLogins: integer4("failed_logins").notNull().default(0),
    lockedUntil: instant("locked_until"),
    /** Sessions started before this instant are void ("sign out everywhere", password change). */
    sessionsValidAfter: instant("sessions_valid_after").notNull().defaultNow(),
    ...recordColumns()
  },
  (t) => [
    uniqueIndex3("users_email_idx").on(sql5`lower(${t.email})`),
    uniqueIndex3("users_external_idx").on(t.externalProvider, t.externalSubject)
  ]
);
var userRoles = pgTable5(
  "user_roles",
  {
    id: id(),
    userId: uuid4("user_id").notNull().references(() => users.id),
    role: text5("role").notNull(),
    bodyId: uuid4("body_id").references(() => bodies.id),
    organizationId: uuid4("organization_id").references(() => organizations.id),
    createdAt: instant("created_at").notNull().defaultNow(),
    archivedAt: instant("archived_at")
  },
  (t) => [index5("user_roles_user_idx").on(t.userId)]
);
var authSessions = pgTable5(
  "auth_sessions",
  {
    tokenHash: text5("token_hash").primaryKey(),
    userId: uuid4("user_id").notNull().references(() => users.id),
    csrfToken: text5("csrf_token").notNull(),
    createdAt: instant("created_at").notNull().defaultNow(),
    expiresAt: instant("expires_at").notNull(),
    revokedAt: instant("revoked_at")
  },
  (t) => [index5("auth_sessions_user_idx").on(t.userId)]
);

// src/db/schema/plans.ts
import { sql as sql6 } from "drizzle-orm";
import { bigint, boolean as boolean2, date as date3, index as index6, integer as integer5, jsonb as jsonb3, numeric, pgTable as pgTable6, primaryKey as primaryKey2, text as text6, timestamp as timestamp5, uniqueIndex as uniqueIndex4, uuid as uuid5 } from "drizzle-orm/pg-core";
var plans = pgTable6("plans", {
  id: id(),
  name: text6("name").notNull().unique(),
  shortName: text6("short_name"),
  description: text6("description"),
  /** The body whose secretariat manages the plan and runs its reporting periods. */
  bodyId: uuid5("body_id").notNull().references(() => bodies.id),
  periodFrom: date3("period_from", { mode: "string" }),
  periodTo: date3("period_to", { mode: "string" }),
  /** The statuses a node may take in this plan: [{ key, label, progress }]. */
  statuses: jsonb3("statuses").notNull(),
  /** What the source document leaves unclear, recorded rather than guessed. */
  flags: text6("flags").array().notNull().default(sql6`'{}'`),
  publishedAt: timestamp5("published_at", { withTimezone: true, mode: "string" }),
  ...recordColumns()
});
var planNodes = pgTable6(
  "plan_nodes",
  {
    id: id(),
    planId: uuid5("plan_id").notNull().references(() => plans.id),
    parentId: uuid5("parent_id"),
    /** Order among its siblings. */
    position: integer5("position").notNull(),
    kind: text6("kind").notNull(),
    code: text6("code").notNull(),
    title: text6("title").notNull(),
    status: text6("status"),
    /** Reported progress 0–100 of a leaf; branches roll up from their children. */
    progress: numeric("progress", { mode: "number" }),
    /** Share of the node in its parent's progress. */
    weight: numeric("weight", { mode: "number" }).notNull().default(1),
    startDate: date3("start_date", { mode: "string" }),
    dueDate: date3("due_date", { mode: "string" }),
    flags: text6("flags").array().notNull().default(sql6`'{}'`),
    ...recordColumns()
  },
  (t) => [uniqueIndex4("plan_nodes_code_idx").on(t.planId, t.code), index6("plan_nodes_parent_idx").on(t.parentId)]
);
var planNodeOrganizations = pgTable6(
  "plan_node_organizations",
  {
    planNodeId: uuid5("plan_node_id").notNull().references(() => planNodes.id),
    organizationId: uuid5("organization_id").notNull().references(() => organizations.id)
  },
  (t) => [primaryKey2({ columns: [t.planNodeId, t.organizationId] }), index6("plan_node_organizations_org_idx").on(t.organizationId)]
);
var planNodeAgreements = pgTable6(
  "plan_node_agreements",
  {
    planNodeId: uuid5("plan_node_id").notNull().references(() => planNodes.id),
    agreementId: uuid5("agreement_id").notNull().references(() => agreements.id)
  },
  (t) => [primaryKey2({ columns: [t.planNodeId, t.agreementId] })]
);
var planNodeStatusChanges = pgTable6(
  "plan_node_status_changes",
  {
    id: id(),
    planNodeId: uuid5("plan_node_id").notNull().references(() => planNodes.id),
    status: text6("status"),
    progress: numeric("progress", { mode: "number" }),
    comment: text6("comment"),
    reportId: uuid5("report_id"),
    actor: text6("actor").notNull(),
    at: timestamp5("at", { withTimezone: true, mode: "string" }).notNull().default(sql6`clock_timestamp()`)
  },
  (t) => [index6("plan_node_status_changes_node_idx").on(t.planNodeId, t.at)]
);
var reportingPeriods = pgTable6(
  "reporting_periods",
  {
    id: id(),
    planId: uuid5("plan_id").notNull().references(() => plans.id),
    title: text6("title").notNull(),
    periodFrom: date3("period_from", { mode: "string" }).notNull(),
    periodTo: date3("period_to", { mode: "string" }).notNull(),
    dueDate: date3("due_date", { mode: "string" }).notNull(),
    closedAt: timestamp5("closed_at", { withTimezone: true, mode: "string" }),
    ...recordColumns()
  },
  (t) => [index6("reporting_periods_plan_idx").on(t.planId, t.periodTo)]
);
var reports = pgTable6(
  "reports",
  {
    id: id(),
    reportingPeriodId: uuid5("reporting_period_id").notNull().references(() => reportingPeriods.id),
    organizationId: uuid5("organization_id").notNull().references(() => organizations.id),
    status: text6("status").notNull().default("due"),
    submittedAt: timestamp5("submitted_at", { withTimezone: true, mode: "string" }),
    reviewedAt: timestamp5("reviewed_at", { withTimezone: true, mode: "string" }),
    /** The secretariat's comment when it sends the report back (or accepts it with a remark). */
    reviewComment: text6("review_comment"),
    ...recordColumns()
  },
  (t) => [
    uniqueIndex4("reports_period_organization_idx").on(t.reportingPeriodId, t.organizationId),
    index6("reports_organization_idx").on(t.organizationId, t.status)
  ]
);
var activities = pgTable6(
  "activities",
  {
    id: id(),
    kind: text6("kind").notNull(),
    title: text6("title").notNull(),
    description: text6("description"),
    startDate: date3("start_date", { mode: "string" }).notNull(),
    endDate: date3("end_date", { mode: "string" }),
    /** How precise the source is about the dates: a day, a month or only a year. */
    datePrecision: text6("date_precision").notNull().default("day"),
    audience: text6("audience"),
    events: integer5("events"),
    participants: integer5("participants"),
    peopleReached: integer5("people_reached"),
    /** Participants by sex and age group where known: [{ sex, ageGroup, count }]. */
    reachBreakdown: jsonb3("reach_breakdown").notNull().default(sql6`'[]'::jsonb`),
    /** The report it was filed in; activities recorded by the secretariat directly have none. */
    reportId: uuid5("report_id").references(() => reports.id),
    source: text6("source"),
    flags: text6("flags").array().notNull().default(sql6`'{}'`),
    search: searchVector(`title || ' ' || coalesce(description, '') || ' ' || coalesce(audience, '')`),
    ...recordColumns()
  },
  (t) => [
    index6("activities_start_idx").on(t.startDate),
    index6("activities_report_idx").on(t.reportId),
    index6("activities_search_idx").using("gin", t.search)
  ]
);
var activityOrganizations = pgTable6(
  "activity_organizations",
  {
    activityId: uuid5("activity_id").notNull().references(() => activities.id),
    organizationId: uuid5("organization_id").notNull().references(() => organizations.id),
    /** lead or partner */
    role: text6("role").notNull(),
    position: integer5("position").notNull()
  },
  (t) => [primaryKey2({ columns: [t.activityId, t.organizationId] }), index6("activity_organizations_org_idx").on(t.organizationId)]
);
var activityStates = pgTable6(
  "activity_states",
  {
    activityId: uuid5("activity_id").notNull().references(() => activities.id),
    stateCode: text6("state_code").notNull().references(() => states.code)
  },
  (t) => [primaryKey2({ columns: [t.activityId, t.stateCode] }), index6("activity_states_state_idx").on(t.stateCode, t.activityId)]
);
var activityMunicipalities = pgTable6(
  "activity_municipalities",
  {
    activityId: uuid5("activity_id").notNull().references(() => activities.id),
    cvegeo: text6("cvegeo").notNull().references(() => municipalities.cvegeo)
  },
  (t) => [primaryKey2({ columns: [t.activityId, t.cvegeo] }), index6("activity_municipalities_cvegeo_idx").on(t.cvegeo)]
);
var activityPlanNodes = pgTable6(
  "activity_plan_nodes",
  {
    activityId: uuid5("activity_id").notNull().references(() => activities.id),
    planNodeId: uuid5("plan_node_id").notNull().references(() => planNodes.id)
  },
  (t) => [primaryKey2({ columns: [t.activityId, t.planNodeId] }), index6("activity_plan_nodes_node_idx").on(t.planNodeId, t.activityId)]
);
var activityAgreements = pgTable6(
  "activity_agreements",
  {
    activityId: uuid5("activity_id").notNull().references(() => activities.id),
    agreementId: uuid5("agreement_id").notNull().references(() => agreements.id)
  },
  (t) => [primaryKey2({ columns: [t.activityId, t.agreementId] })]
);
var activityEvidence = pgTable6(
  "activity_evidence",
  {
    activityId: uuid5("activity_id").notNull().references(() => activities.id),
    evidenceId: uuid5("evidence_id").notNull().references(() => evidence.id)
  },
  (t) => [primaryKey2({ columns: [t.activityId, t.evidenceId] })]
);
var indicators = pgTable6(
  "indicators",
  {
    id: id(),
    planNodeId: uuid5("plan_node_id").notNull().references(() => planNodes.id),
    code: text6("code"),
    name: text6("name").notNull(),
    unit: text6("unit").notNull(),
    baseline: numeric("baseline", { mode: "number" }),
    baselineYear: integer5("baseline_year"),
    target: numeric("target", { mode: "number" }),
    targetYear: integer5("target_year"),
    periodicity: text6("periodicity").notNull(),
    source: text6("source"),
    /** Dimensions values may be broken down by (sex, age_group). */
    disaggregations: text6("disaggregations").array().notNull().default(sql6`'{}'`),
    /** A computed indicator: its values derive from another's (e.g. per 100,000 inhabitants). */
    formula: text6("formula"),
    baseIndicatorId: uuid5("base_indicator_id"),
    ...recordColumns()
  },
  (t) => [index6("indicators_node_idx").on(t.planNodeId)]
);
var indicatorValues = pgTable6(
  "indicator_values",
  {
    id: id(),
    indicatorId: uuid5("indicator_id").notNull().references(() => indicators.id),
    /** "2023", "2023-T2" or "2023-05"; periodStart orders and filters them. */
    period: text6("period").notNull(),
    periodStart: date3("period_start", { mode: "string" }).notNull(),
    stateCode: text6("state_code").references(() => states.code),
    /** e.g. "sex=female"; '' is the total. */
    disaggregation: text6("disaggregation").notNull().default(""),
    value: numeric("value", { mode: "number" }).notNull(),
    source: text6("source"),
    notes: text6("notes"),
    reportId: uuid5("report_id").references(() => reports.id),
    updatedAt: timestamp5("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow()
  },
  (t) => [
    uniqueIndex4("indicator_values_identity_idx").on(t.indicatorId, t.period, sql6`coalesce(${t.stateCode}, '')`, t.disaggregation),
    index6("indicator_values_state_idx").on(t.indicatorId, t.stateCode, t.periodStart)
  ]
);
var activityTotals = pgTable6(
  "activity_totals",
  {
    month: date3("month", { mode: "string" }).notNull(),
    stateCode: text6("state_code").notNull(),
    kind: text6("kind").notNull(),
    /** Recorded by the secretariat, or filed in a report it accepted. */
    isValidated: boolean2("is_validated").notNull(),
    activities: integer5("activities").notNull(),
    events: bigint("events", { mode: "number" }).notNull(),
    participants: bigint("participants", { mode: "number" }).notNull(),
    peopleReached: bigint("people_reached", { mode: "number" }).notNull()
  },
  (t) => [primaryKey2({ columns: [t.month, t.stateCode, t.kind, t.isValidated] })]
);
var activityNodeTotals = pgTable6(
  "activity_node_totals",
  {
    planNodeId: uuid5("plan_node_id").notNull().references(() => planNodes.id),
    isValidated: boolean2("is_validated").notNull(),
    activities: integer5("activities").notNull(),
    participants: bigint("participants", { mode: "number" }).notNull()
  },
  (t) => [primaryKey2({ columns: [t.planNodeId, t.isValidated] })]
);

// src/repositories/views.sql.ts
import { sql as sql7 } from "drizzle-orm";
var isoInstant = (column) => sql7`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
var bodyRefJson = (b) => sql7`json_build_object('id', ${b}.id, 'name', ${b}.name, 'acronym', ${b}.acronym)`;
var sessionRefJson = (s, b) => sql7`json_build_object('id', ${s}.id, 'kind', ${s}.kind, 'number', ${s}.number, 'date', ${s}.date::text, 'body', ${bodyRefJson(b)})`;
var evidenceJson = (e) => sql7`json_build_object('id', ${e}.id, 'kind', ${e}.kind, 'title', ${e}.title, 'url', coalesce(${e}.url, '/api/evidence/' || ${e}.id || '/file'))`;
var organizationRefsJson = (joinTable, foreignKey, ownerId, orderBy = sql7`o.name_key`) => sql7`coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name, 'acronym', o.acronym) order by ${orderBy})
       from ${joinTable} j join organizations o on o.id = j.organization_id where j.${foreignKey} = ${ownerId}), '[]'::json)`;
var stateCodesArray = (joinTable, foreignKey, ownerId, orderBy = sql7`state_code`) => sql7`coalesce((select array_agg(state_code order by ${orderBy}) from ${joinTable} where ${foreignKey} = ${ownerId}), '{}')`;

// src/repositories/activity.repository.ts
var isValidatedActivity = (a) => sql8`(${a}.report_id is null or exists (select 1 from reports r where r.id = ${a}.report_id and r.status = 'accepted'))`;
var idList = (ids) => sql8.join(ids.map((id2) => sql8`${id2}`), sql8`, `);
var activityViewColumns = sql8`a.id, a.kind, a.title, a.description, a.start_date::text as "startDate", a.end_date::text as "endDate",
  a.date_precision as "datePrecision", a.audience, a.events, a.participants, a.people_reached as "peopleReached",
  a.reach_breakdown as "reachBreakdown",
  ${organizationRefsJson(sql8`(select * from activity_organizations where role = 'lead')`, sql8`activity_id`, sql8`a.id`, sql8`j.position`)} as "leadOrganizations",
  ${organizationRefsJson(sql8`(select * from activity_organizations where role = 'partner')`, sql8`activity_id`, sql8`a.id`, sql8`j.position`)} as "partnerOrganizations",
  ${stateCodesArray(sql8`activity_states`, sql8`activity_id`, sql8`a.id`)} as "stateCodes",
  coalesce((select json_agg(json_build_object('cvegeo', m.cvegeo, 'name', m.name) order by m.cvegeo) from activity_municipalities am
    join municipalities m on m.cvegeo = am.cvegeo where am.activity_id = a.id), '[]'::json) as municipalities,
  coalesce((select json_agg(json_build_object('id', n.id, 'planId', n.plan_id, 'code', n.code, 'title', n.title) order by n.code)
    from activity_plan_nodes an join plan_nodes n on n.id = an.plan_node_id where an.activity_id = a.id), '[]'::json) as "planNodes",
  coalesce((select json_agg(json_build_object('id', g.id, 'code', g.code) order by g.code) from activity_agreements ag
    join agreements g on g.id = ag.agreement_id where ag.activity_id = a.id), '[]'::json) as agreements,
  coalesce((select json_agg(${evidenceJson(sql8`e`)} order by e.created_at) from activity_evidence ae
    join evidence e on e.id = ae.evidence_id where ae.activity_id = a.id), '[]'::json) as evidence,
  (select json_build_object('id', r.id, 'status', r.status) from reports r where r.id = a.report_id) as report,
  ${isValidatedActivity(sql8`a`)} as "isValidated", a.source, a.flags, a.version`;
function filterActivities(filter) {
  return whereAll([
    sql8`a.archived_at is null`,
    filter.kind ? sql8`a.kind = ${filter.kind}` : void 0,
    filter.reportId ? sql8`a.report_id = ${filter.reportId}` : void 0,
    filter.from ? sql8`a.start_date >= ${filter.from}` : void 0,
    filter.to ? sql8`a.start_date <= ${filter.to}` : void 0,
    filter.stateCode ? sql8`exists (select 1 from activity_states s where s.activity_id = a.id and s.state_code = ${filter.stateCode})` : void 0,
    filter.organizationId ? sql8`exists (select 1 from activity_organizations o where o.activity_id = a.id and o.organization_id = ${filter.organizationId})` : void 0,
    filter.planNodeId ? sql8`exists (select 1 from activity_plan_nodes an where an.activity_id = a.id and an.plan_node_id = ${filter.planNodeId})` : void 0,
    filter.planId ? sql8`exists (select 1 from activity_plan_nodes an join plan_nodes n on n.id = an.plan_node_id where an.activity_id = a.id and n.plan_id = ${filter.planId})` : void 0,
    matchesSearch(sql8`a.search`, filter.q)
  ]);
}
async function listActivities(db, filter, page2) {
  const where = filterActivities(filter);
  const [items, [count]] = await Promise.all([
    queryRows(db, sql8`select ${activityViewColumns} from activities a where ${where} order by a.start_date desc, a.id ${pageClause(page2)}`),
    queryRows(db, sql8`select count(*)::int as total from activities a where ${where}`)
  ]);
  return { items, total: count?.total ?? 0 };
}
async function findActivityView(db, id2) {
  const [row] = await queryRows(db, sql8`select ${activityViewColumns} from activities a where a.id = ${id2}`);
  return row;
}
async function findActivity(db, id2) {
  const [row] = await db.select().from(activities).where(eq2(activities.id, id2));
  return row;
}
async function insertActivity(db, values) {
  const [row] = await db.insert(activities).values(values).returning();
  return row;
}
var updateActivity = (db, id2, version, values) => updateIfVersion(db, activities, id2, version, values);
var LINK_TABLES = {
  stateCodes: ["activity_states", "state_code", "text"],
  municipalityCodes: ["activity_municipalities", "cvegeo", "text"],
  planNodeIds: ["activity_plan_nodes", "plan_node_id", "uuid"],
  agreementIds: ["activity_agreements", "agreement_id", "uuid"],
  evidenceIds: ["activity_evidence", "evidence_id", "uuid"]
};
async function replaceActivityLinks(db, activityId, links) {
  const { leadOrganizationIds, partnerOrganizationIds } = links;
  if (leadOrganizationIds || partnerOrganizationIds) {
    const current = await queryRows(
      db,
      sql8`select organization_id as "organizationId", role from activity_organizations where activity_id = ${activityId} order by position`
    );
    const leads = leadOrganizationIds ?? current.filter((o) => o.role === "lead").map((o) => o.organizationId);
    const partners = (partnerOrganizationIds ?? current.filter((o) => o.role === "partner").map((o) => o.organizationId)).filter((id2) => !leads.includes(id2));
    await db.delete(activityOrganizations).where(eq2(activityOrganizations.activityId, activityId));
    const rows = [...new Set(leads)].map((organizationId) => ({ organizationId, role: "lead" }));
    rows.push(...[...new Set(partners)].map((organizationId) => ({ organizationId, role: "partner" })));
    if (rows.length) await db.insert(activityOrganizations).values(rows.map((row, position) => ({ ...row, activityId, position })));
  }
  for (const [key, [table, column, type]] of Object.entries(LINK_TABLES)) {
    const values = links[key];
    if (!values) continue;
    await db.execute(sql8`delete from ${sql8.identifier(table)} where activity_id = ${activityId}`);
    const unique = [...new Set(values)];
    if (unique.length) {
      await db.execute(sql8`insert into ${sql8.identifier(table)} (activity_id, ${sql8.identifier(column)})
        select ${activityId}::uuid, value from unnest(array[${idList(unique)}]::${sql8.raw(type)}[]) as value`);
    }
  }
}
async function listActivityIdsOfReport(db, reportId) {
  const rows = await queryRows(db, sql8`select id from activities where report_id = ${reportId} and archived_at is null`);
  return rows.map((r) => r.id);
}
async function addToTotals(db, scope, sign) {
  await db.execute(sql8`insert into activity_totals (month, state_code, kind, is_validated, activities, events, participants, people_reached)
    select date_trunc('month', a.start_date)::date, place.state_code, a.kind, ${isValidatedActivity(sql8`a`)},
      ${sign} * count(*), ${sign} * coalesce(sum(a.events), 0), ${sign} * coalesce(sum(a.participants), 0), ${sign} * coalesce(sum(a.people_reached), 0)
    from activities a
    cross join lateral (select '' as state_code union all select state_code from activity_states s where s.activity_id = a.id) place
    where ${scope} and a.archived_at is null
    group by 1, 2, 3, 4 order by 1, 2, 3, 4
    on conflict (month, state_code, kind, is_validated) do update set
      activities = activity_totals.activities + excluded.activities, events = activity_totals.events + excluded.events,
      participants = activity_totals.participants + excluded.participants, people_reached = activity_totals.people_reached + excluded.people_reached`);
  await db.execute(sql8`insert into activity_node_totals (plan_node_id, is_validated, activities, participants)
    select an.plan_node_id, ${isValidatedActivity(sql8`a`)}, ${sign} * count(*), ${sign} * coalesce(sum(a.participants), 0)
    from activities a join activity_plan_nodes an on an.activity_id = a.id
    where ${scope} and a.archived_at is null
    group by 1, 2 order by 1, 2
    on conflict (plan_node_id, is_validated) do update set
      activities = activity_node_totals.activities + excluded.activities, participants = activity_node_totals.participants + excluded.participants`);
}
async function applyActivityTotals(db, activityIds, sign) {
  if (activityIds.length) await addToTotals(db, sql8`a.id in (${idList(activityIds)})`, sign);
}

// src/repositories/activity-dashboard.repository.ts
var sums = (t) => sql9`coalesce(sum(${t}.activities), 0)::int as activities, coalesce(sum(${t}.events), 0)::float8 as events,
  coalesce(sum(${t}.participants), 0)::float8 as participants, coalesce(sum(${t}.people_reached), 0)::float8 as "peopleReached"`;
function totalsWhere(filter, place, isValidated = true) {
  return whereAll([
    sql9`t.is_validated = ${isValidated}`,
    place,
    filter.from ? sql9`t.month >= ${`${filter.from}-01-01`}` : void 0,
    filter.to ? sql9`t.month <= ${`${filter.to}-12-01`}` : void 0,
    filter.kind ? sql9`t.kind = ${filter.kind}` : void 0
  ]);
}
var selectedPlace = (filter) => sql9`t.state_code = ${filter.stateCode ?? ""}`;
async function sumActivityTotals(db, filter) {
  const [row] = await queryRows(db, sql9`select ${sums(sql9`t`)} from activity_totals t where ${totalsWhere(filter, selectedPlace(filter))}`);
  return row;
}
async function countPendingReview(db, filter) {
  const [row] = await queryRows(
    db,
    sql9`select coalesce(sum(t.activities), 0)::int as n from activity_totals t where ${totalsWhere(filter, selectedPlace(filter), false)}`
  );
  return row?.n ?? 0;
}
function sumByState(db, filter) {
  return queryRows(
    db,
    sql9`select s.code as "stateCode", s.population, ${sums(sql9`t`)},
          round((coalesce(sum(t.participants), 0) * 100000.0 / s.population)::numeric, 2)::float8 as "participantsPer100k"
        from states s left join activity_totals t on t.state_code = s.code and ${totalsWhere(filter, void 0)}
        group by s.code, s.population order by s.code`
  );
}
function sumByYear(db, filter) {
  return queryRows(
    db,
    sql9`select extract(year from t.month)::int::text as period, ${sums(sql9`t`)} from activity_totals t
        where ${totalsWhere(filter, selectedPlace(filter))} group by 1 having sum(t.activities) > 0 order by 1`
  );
}
function sumByKind(db, filter) {
  return queryRows(
    db,
    sql9`select t.kind, ${sums(sql9`t`)} from activity_totals t
        where ${totalsWhere(filter, selectedPlace(filter))} group by t.kind having sum(t.activities) > 0 order by activities desc, t.kind`
  );
}
var ofOrganization = (organizationId) => sql9`a.archived_at is null and ${isValidatedActivity(sql9`a`)}
  and exists (select 1 from activity_organizations o where o.activity_id = a.id and o.organization_id = ${organizationId})`;
var rawSums = sql9`count(*)::int as activities, coalesce(sum(a.events), 0)::float8 as events,
  coalesce(sum(a.participants), 0)::float8 as participants, coalesce(sum(a.people_reached), 0)::float8 as "peopleReached"`;
async function sumOrganizationActivities(db, organizationId) {
  const where = ofOrganization(organizationId);
  const [[total], byYear, byState] = await Promise.all([
    queryRows(db, sql9`select ${rawSums} from activities a where ${where}`),
    queryRows(
      db,
      sql9`select extract(year from a.start_date)::int::text as period, ${rawSums} from activities a where ${where} group by 1 order by 1`
    ),
    queryRows(
      db,
      sql9`select s.code as "stateCode", s.population, ${rawSums},
            round((coalesce(sum(a.participants), 0) * 100000.0 / s.population)::numeric, 2)::float8 as "participantsPer100k"
          from activities a join activity_states st on st.activity_id = a.id join states s on s.code = st.state_code
          where ${where} group by s.code, s.population order by s.code`
    )
  ]);
  return { total, byYear, byState };
}

// src/repositories/geo.repository.ts
import { sql as sql10 } from "drizzle-orm";
async function listStates(db) {
  return queryRows(
    db,
    sql10`select code, inegi_code as "inegiCode", name, short_name as "shortName", abbreviation from states order by inegi_code`
  );
}

// src/repositories/organization.repository.ts
import { eq as eq3, sql as sql11 } from "drizzle-orm";
var viewColumns = sql11`o.id, o.name, o.acronym, o.sector, o.level, o.state_code as "stateCode",
  o.parent_id as "parentId", o.version, ${isoInstant(sql11`o.updated_at`)} as "updatedAt"`;
function filterOrganizations(filter) {
  return whereAll([
    sql11`o.archived_at is null`,
    matchesSearch(sql11`o.search`, filter.q),
    filter.sector ? sql11`o.sector = ${filter.sector}` : void 0,
    filter.stateCode ? sql11`o.state_code = ${filter.stateCode}` : void 0
  ]);
}
async function listOrganizations(db, filter, page2) {
  const where = filterOrganizations(filter);
  const [items, [count]] = await Promise.all([
    queryRows(db, sql11`select ${viewColumns} from organizations o where ${where} order by o.name_key ${pageClause(page2)}`),
    queryRows(db, sql11`select count(*)::int as total from organizations o where ${where}`)
  ]);
  return { items, total: count?.total ?? 0 };
}
async function findOrganizationView(db, id2) {
  const [row] = await queryRows(db, sql11`select ${viewColumns} from organizations o where o.id = ${id2}`);
  return row;
}
async function findOrganization(db, id2) {
  const [row] = await db.select().from(organizations).where(eq3(organizations.id, id2));
  return row;
}
async function findOrganizationByIdentity(db, nameKey, acronym) {
  const [row] = await queryRows(
    db,
    sql11`select id, name, acronym from organizations
        where name_key = ${nameKey} or (${acronym}::text is not null and lower(acronym) = lower(${acronym}))
        order by (name_key = ${nameKey}) desc limit 1`
  );
  return row;
}
async function insertOrganization(db, values) {
  const [row] = await db.insert(organizations).values(values).returning();
  return row;
}
var updateOrganization = (db, id2, version, values) => updateIfVersion(db, organizations, id2, version, values);

// src/repositories/plan.repository.ts
import { eq as eq5, sql as sql13 } from "drizzle-orm";

// src/repositories/indicator.repository.ts
import { eq as eq4, sql as sql12 } from "drizzle-orm";
var computedValue = (value, stateCode) => sql12`round((${value} * 100000 / coalesce((select population from states where code = ${stateCode}), (select sum(population) from states)))::numeric, 2)::float8`;
var valueSource = (i) => sql12`coalesce(${i}.base_indicator_id, ${i}.id)`;
var latestValueJson = (i) => sql12`coalesce(
  (select json_build_object('period', v.period, 'value', case when ${i}.formula is null then v.value::float8 else ${computedValue(sql12`v.value`, sql12`null`)} end)
     from indicator_values v where v.indicator_id = ${valueSource(i)} and v.state_code is null and v.disaggregation = ''
     order by v.period_start desc limit 1),
  (select json_build_object('period', latest.period, 'value', sum(v.value)::float8)
     from (select period from indicator_values where indicator_id = ${valueSource(i)} order by period desc limit 1) latest
     join indicator_values v on v.indicator_id = ${valueSource(i)} and v.period = latest.period and v.disaggregation = '' and v.state_code is not null
     where ${i}.formula is null
     group by latest.period))`;
var indicatorSummaryJson = (i) => sql12`json_build_object('id', ${i}.id, 'code', ${i}.code, 'name', ${i}.name, 'unit', ${i}.unit, 'baseline', ${i}.baseline::float8,
    'target', ${i}.target::float8, 'targetYear', ${i}.target_year, 'periodicity', ${i}.periodicity, 'formula', ${i}.formula,
    'latest', ${latestValueJson(i)}, 'progress', null)`;
async function findIndicatorView(db, id2) {
  const [row] = await queryRows(
    db,
    sql12`select (${indicatorSummaryJson(sql12`i`)}::jsonb || jsonb_build_object(
          'planNode', json_build_object('id', n.id, 'planId', n.plan_id, 'code', n.code, 'title', n.title),
          'baselineYear', i.baseline_year, 'source', i.source, 'disaggregations', i.disaggregations,
          'baseIndicatorId', i.base_indicator_id, 'version', i.version)) as indicator
        from indicators i join plan_nodes n on n.id = i.plan_node_id where i.id = ${id2}`
  );
  return row?.indicator;
}
async function listIndicatorValues(db, indicator) {
  const value = indicator.formula ? computedValue(sql12`v.value`, sql12`v.state_code`) : sql12`v.value::float8`;
  return queryRows(
    db,
    sql12`select v.period, v.state_code as "stateCode", v.disaggregation, ${value} as value, v.source, v.notes, v.report_id as "reportId"
        from indicator_values v where v.indicator_id = ${indicator.baseIndicatorId ?? indicator.id}
        order by v.period_start, v.state_code nulls first, v.disaggregation`
  );
}
async function findIndicator(db, id2) {
  const [row] = await db.select().from(indicators).where(eq4(indicators.id, id2));
  return row;
}
async function insertIndicator(db, values) {
  const [row] = await db.insert(indicators).values(values).returning();
  return row;
}
async function findValuesAt(db, indicatorId, keys) {
  if (!keys.length) return [];
  return queryRows(
    db,
    sql12`select period, state_code as "stateCode", disaggregation, value::float8 as value from indicator_values
        where indicator_id = ${indicatorId} and (period, coalesce(state_code, ''), disaggregation) in
          (${sql12.join(keys.map((k) => sql12`(${k.period}, ${k.stateCode ?? ""}, ${k.disaggregation})`), sql12`, `)})`
  );
}
async function upsertIndicatorValues(db, values) {
  if (!values.length) return;
  const rows = values.map(
    (v) => sql12`(${v.indicatorId}::uuid, ${v.period}, ${v.periodStart}::date, ${v.stateCode ?? null}, ${v.disaggregation ?? ""}, ${v.value}::numeric,
      ${v.source ?? null}, ${v.notes ?? null}, ${v.reportId ?? null}::uuid)`
  );
  await db.execute(sql12`insert into indicator_values (indicator_id, period, period_start, state_code, disaggregation, value, source, notes, report_id)
    values ${sql12.join(rows, sql12`, `)}
    on conflict (indicator_id, period, coalesce(state_code, ''), disaggregation) do update set
      value = excluded.value, source = excluded.source, notes = excluded.notes, report_id = excluded.report_id, updated_at = now()`);
}
function listValuesOfReport(db, reportId) {
  return queryRows(
    db,
    sql12`select v.period, v.state_code as "stateCode", v.disaggregation, v.value::float8 as value, v.source, v.notes, v.report_id as "reportId",
          i.id as "indicatorId", i.name as "indicatorName"
        from indicator_values v join indicators i on i.id = v.indicator_id where v.report_id = ${reportId}
        order by i.name, v.period_start, v.state_code nulls first`
  );
}

// src/repositories/plan.repository.ts
var planSummaryColumns = sql13`p.id, p.name, p.short_name as "shortName", ${bodyRefJson(sql13`b`)} as body,
  p.period_from::text as "periodFrom", p.period_to::text as "periodTo",
  (select count(*)::int from plan_nodes n where n.plan_id = p.id and n.archived_at is null) as "nodeCount",
  ${isoInstant(sql13`p.published_at`)} as "publishedAt", p.version`;
async function listPlans(db, filter, page2) {
  const where = whereAll([
    sql13`p.archived_at is null`,
    filter.bodyId ? sql13`p.body_id = ${filter.bodyId}` : void 0,
    filter.isPublished ? sql13`p.published_at is not null` : void 0,
    filter.q ? sql13`(p.name ilike ${`%${filter.q}%`} or p.short_name ilike ${`%${filter.q}%`})` : void 0
  ]);
  const [items, [count]] = await Promise.all([
    queryRows(db, sql13`select ${planSummaryColumns} from plans p join bodies b on b.id = p.body_id where ${where} order by p.name ${pageClause(page2)}`),
    queryRows(db, sql13`select count(*)::int as total from plans p where ${where}`)
  ]);
  return { items, total: count?.total ?? 0 };
}
async function findPlanSummary(db, id2) {
  const [row] = await queryRows(
    db,
    sql13`select ${planSummaryColumns}, p.description, p.statuses, p.flags from plans p join bodies b on b.id = p.body_id where p.id = ${id2}`
  );
  return row;
}
async function findPlan(db, id2) {
  const [row] = await db.select().from(plans).where(eq5(plans.id, id2));
  return row;
}
async function findPlanByName(db, name) {
  const [row] = await queryRows(db, sql13`select id from plans where name = ${name}`);
  return row;
}
async function insertPlan(db, values) {
  const [row] = await db.insert(plans).values(values).returning();
  return row;
}
var updatePlan = (db, id2, version, values) => updateIfVersion(db, plans, id2, version, values);
var nodeViewColumns = sql13`n.id, n.parent_id as "parentId", n.kind, n.code, n.title, n.status, n.progress::float8 as progress,
  n.weight::float8 as weight, n.start_date::text as "startDate", n.due_date::text as "dueDate", n.flags,
  ${organizationRefsJson(sql13`plan_node_organizations`, sql13`plan_node_id`, sql13`n.id`)} as "responsibleOrganizations",
  coalesce((select json_agg(json_build_object('id', a.id, 'code', a.code) order by a.code) from plan_node_agreements na
    join agreements a on a.id = na.agreement_id where na.plan_node_id = n.id), '[]'::json) as agreements,
  coalesce((select t.activities from activity_node_totals t where t.plan_node_id = n.id and t.is_validated), 0) as "activityCount",
  coalesce((select json_agg(${indicatorSummaryJson(sql13`i`)} order by i.code nulls last, i.name) from indicators i
    where i.plan_node_id = n.id and i.archived_at is null), '[]'::json) as indicators,
  n.version`;
function listPlanNodes(db, planId) {
  return queryRows(
    db,
    sql13`select ${nodeViewColumns} from plan_nodes n where n.plan_id = ${planId} and n.archived_at is null order by n.position, n.code`
  );
}
async function findPlanNodeView(db, id2) {
  const [row] = await queryRows(
    db,
    sql13`select ${nodeViewColumns}, json_build_object('id', p.id, 'name', p.name, 'statuses', p.statuses) as plan
        from plan_nodes n join plans p on p.id = n.plan_id where n.id = ${id2}`
  );
  return row;
}
function listStatusChanges(db, planNodeId) {
  return queryRows(
    db,
    sql13`select status, progress::float8 as progress, comment, report_id as "reportId", actor, ${isoInstant(sql13`at`)} as at
        from plan_node_status_changes where plan_node_id = ${planNodeId} order by at`
  );
}
async function findPlanNode(db, id2) {
  const [row] = await db.select().from(planNodes).where(eq5(planNodes.id, id2));
  return row;
}
function findPlanNodeRefs(db, ids) {
  if (!ids.length) return Promise.resolve([]);
  return queryRows(
    db,
    sql13`select id, plan_id as "planId", code, title from plan_nodes where id in (${sql13.join(ids.map((id2) => sql13`${id2}`), sql13`, `)}) and archived_at is null`
  );
}
async function nextNodePosition(db, planId, parentId) {
  const [row] = await queryRows(
    db,
    sql13`select coalesce(max(position), 0) + 1 as next from plan_nodes where plan_id = ${planId} and parent_id is not distinct from ${parentId}::uuid`
  );
  return row?.next ?? 1;
}
async function insertPlanNode(db, values) {
  const [row] = await db.insert(planNodes).values(values).returning();
  return row;
}
var updatePlanNode = (db, id2, version, values) => updateIfVersion(db, planNodes, id2, version, values);
async function replacePlanNodeLinks(db, planNodeId, organizationIds, agreementIds) {
  if (organizationIds) {
    await db.delete(planNodeOrganizations).where(eq5(planNodeOrganizations.planNodeId, planNodeId));
    const unique = [...new Set(organizationIds)];
    if (unique.length) await db.insert(planNodeOrganizations).values(unique.map((organizationId) => ({ planNodeId, organizationId })));
  }
  if (agreementIds) {
    await db.delete(planNodeAgreements).where(eq5(planNodeAgreements.planNodeId, planNodeId));
    const unique = [...new Set(agreementIds)];
    if (unique.length) await db.insert(planNodeAgreements).values(unique.map((agreementId) => ({ planNodeId, agreementId })));
  }
}
async function insertStatusChange(db, values) {
  await db.insert(planNodeStatusChanges).values(values);
}
async function listResponsibleOrganizationIds(db, planId) {
  const rows = await queryRows(
    db,
    sql13`select distinct no.organization_id as id from plan_node_organizations no join plan_nodes n on n.id = no.plan_node_id
        where n.plan_id = ${planId} and n.archived_at is null`
  );
  return rows.map((r) => r.id);
}
function listNodesOfOrganization(db, organizationId, planId) {
  return queryRows(
    db,
    sql13`select n.id, n.plan_id as "planId", n.code, n.title, n.status, p.name as "planName"
        from plan_node_organizations no join plan_nodes n on n.id = no.plan_node_id join plans p on p.id = n.plan_id
        where no.organization_id = ${organizationId} and n.archived_at is null and p.archived_at is null
          ${planId ? sql13`and n.plan_id = ${planId}` : sql13``}
        order by p.name, n.position, n.code`
  );
}

// src/repositories/reporting.repository.ts
import { eq as eq6, sql as sql14 } from "drizzle-orm";
var isOverdue = (r, rp) => sql14`(${r}.status in ('due', 'sent_back') and ${rp}.due_date < (now() at time zone 'America/Mexico_City')::date)`;
var reportViewColumns = sql14`r.id,
  json_build_object('id', rp.id, 'title', rp.title, 'periodFrom', rp.period_from::text, 'periodTo', rp.period_to::text,
    'dueDate', rp.due_date::text, 'isClosed', rp.closed_at is not null) as "reportingPeriod",
  json_build_object('id', p.id, 'name', p.name) as plan,
  json_build_object('id', o.id, 'name', o.name, 'acronym', o.acronym) as organization,
  r.status, ${isOverdue(sql14`r`, sql14`rp`)} as "isOverdue",
  ${isoInstant(sql14`r.submitted_at`)} as "submittedAt", ${isoInstant(sql14`r.reviewed_at`)} as "reviewedAt", r.review_comment as "reviewComment",
  (select count(*)::int from activities a where a.report_id = r.id and a.archived_at is null) as "activityCount", r.version`;
var reportFrom = sql14`reports r join reporting_periods rp on rp.id = r.reporting_period_id join plans p on p.id = rp.plan_id
  join organizations o on o.id = r.organization_id`;
var uuidList = (ids) => sql14`array[${sql14.join(ids.map((id2) => sql14`${id2}`), sql14`, `)}]::uuid[]`;
function mineCondition({ organizationIds, bodyIds }) {
  const toReview = bodyIds === "all" ? sql14`true` : bodyIds.length ? sql14`p.body_id = any(${uuidList(bodyIds)})` : sql14`false`;
  const owed = organizationIds.length ? sql14`r.organization_id = any(${uuidList(organizationIds)})` : sql14`false`;
  return sql14`(${owed} or (r.status = 'submitted' and ${toReview}))`;
}
async function listReports(db, filter, page2) {
  const where = whereAll([
    sql14`rp.archived_at is null`,
    filter.reportingPeriodId ? sql14`r.reporting_period_id = ${filter.reportingPeriodId}` : void 0,
    filter.organizationIds ? sql14`r.organization_id = any(${uuidList(filter.organizationIds)})` : void 0,
    filter.status ? sql14`r.status = ${filter.status}` : void 0,
    filter.mine ? mineCondition(filter.mine) : void 0
  ]);
  const [items, [count]] = await Promise.all([
    queryRows(db, sql14`select ${reportViewColumns} from ${reportFrom} where ${where} order by rp.due_date, o.name_key ${pageClause(page2)}`),
    queryRows(db, sql14`select count(*)::int as total from ${reportFrom} where ${where}`)
  ]);
  return { items, total: count?.total ?? 0 };
}
async function findReportView(db, id2) {
  const [row] = await queryRows(db, sql14`select ${reportViewColumns} from ${reportFrom} where r.id = ${id2}`);
  return row;
}
async function findReportFacts(db, id2) {
  const [row] = await queryRows(
    db,
    sql14`select r.id, r.status, r.version, r.organization_id as "organizationId", r.reporting_period_id as "reportingPeriodId",
          p.id as "planId", p.body_id as "bodyId", rp.closed_at is not null as "isPeriodClosed"
        from reports r join reporting_periods rp on rp.id = r.reporting_period_id join plans p on p.id = rp.plan_id where r.id = ${id2}`
  );
  return row;
}
async function findReport(db, id2) {
  const [row] = await db.select().from(reports).where(eq6(reports.id, id2));
  return row;
}
var updateReport = (db, id2, version, values) => updateIfVersion(db, reports, id2, version, values);
async function insertReports(db, reportingPeriodId, organizationIds) {
  if (organizationIds.length) await db.insert(reports).values(organizationIds.map((organizationId) => ({ reportingPeriodId, organizationId })));
}
var periodViewColumns = sql14`rp.id, json_build_object('id', p.id, 'name', p.name) as plan, rp.title, rp.period_from::text as "periodFrom",
  rp.period_to::text as "periodTo", rp.due_date::text as "dueDate", ${isoInstant(sql14`rp.closed_at`)} as "closedAt",
  (select json_build_object('due', count(*) filter (where r.status = 'due'), 'submitted', count(*) filter (where r.status = 'submitted'),
      'accepted', count(*) filter (where r.status = 'accepted'), 'sent_back', count(*) filter (where r.status = 'sent_back'),
      'overdue', count(*) filter (where ${isOverdue(sql14`r`, sql14`rp`)}))
    from reports r where r.reporting_period_id = rp.id) as counts,
  rp.version`;
async function listReportingPeriods(db, filter, page2) {
  const where = whereAll([sql14`rp.archived_at is null`, filter.planId ? sql14`rp.plan_id = ${filter.planId}` : void 0]);
  const [items, [count]] = await Promise.all([
    queryRows(
      db,
      sql14`select ${periodViewColumns} from reporting_periods rp join plans p on p.id = rp.plan_id where ${where} order by rp.due_date desc ${pageClause(page2)}`
    ),
    queryRows(db, sql14`select count(*)::int as total from reporting_periods rp where ${where}`)
  ]);
  return { items: items.map((item) => ({ ...item, reports: [] })), total: count?.total ?? 0 };
}
async function findReportingPeriodView(db, id2) {
  const [row] = await queryRows(
    db,
    sql14`select ${periodViewColumns} from reporting_periods rp join plans p on p.id = rp.plan_id where rp.id = ${id2}`
  );
  return row;
}
async function findReportingPeriod(db, id2) {
  const [row] = await db.select().from(reportingPeriods).where(eq6(reportingPeriods.id, id2));
  return row;
}
async function insertReportingPeriod(db, values) {
  const [row] = await db.insert(reportingPeriods).values(values).returning();
  return row;
}
var updateReportingPeriod = (db, id2, version, values) => updateIfVersion(db, reportingPeriods, id2, version, values);
function listStatusChangesOfReport(db, reportId) {
  return queryRows(
    db,
    sql14`select c.plan_node_id as "planNodeId", n.code, n.title, c.status, c.progress::float8 as progress, c.comment, c.report_id as "reportId",
          c.actor, ${isoInstant(sql14`c.at`)} as at
        from plan_node_status_changes c join plan_nodes n on n.id = c.plan_node_id where c.report_id = ${reportId} order by c.at`
  );
}

// src/services/activity-dashboard.service.ts
var DASHBOARD_TABLES = ["byState", "byYear", "byKind"];
var MEASURE_COLUMNS = [
  { key: "activities", header: "Actividades" },
  { key: "events", header: "Eventos" },
  { key: "participants", header: "Participantes" },
  { key: "peopleReached", header: "Personas alcanzadas" }
];
async function readActivityDashboard(db, filter) {
  const [total, pendingReview, byState, byYear, byKind] = await Promise.all([
    sumActivityTotals(db, filter),
    countPendingReview(db, filter),
    sumByState(db, filter),
    sumByYear(db, filter),
    sumByKind(db, filter)
  ]);
  return { total, pendingReview, byState, byYear, byKind };
}
async function readDashboardTable(db, filter, table) {
  if (table === "byState") {
    const names = new Map((await listStates(db)).map((s) => [s.code, s.name]));
    const rows2 = (await sumByState(db, filter)).map((row) => ({ ...row, stateName: names.get(row.stateCode) }));
    const columns = [
      { key: "stateName", header: "Entidad federativa" },
      { key: "stateCode", header: "Clave ISO 3166-2" },
      ...MEASURE_COLUMNS,
      { key: "population", header: "Poblaci\xF3n 2020 (INEGI)" },
      { key: "participantsPer100k", header: "Participantes por 100 000 habitantes" }
    ];
    return { title: "Actividades por entidad", columns, rows: rows2 };
  }
  if (table === "byYear") return { title: "Actividades por a\xF1o", columns: [{ key: "period", header: "A\xF1o" }, ...MEASURE_COLUMNS], rows: await sumByYear(db, filter) };
  const rows = (await sumByKind(db, filter)).map((row) => ({ ...row, kindLabel: ACTIVITY_KIND_LABELS[row.kind] }));
  return { title: "Actividades por tipo", columns: [{ key: "kindLabel", header: "Tipo de actividad" }, ...MEASURE_COLUMNS], rows };
}
function createActivityDashboardService(db, actor) {
  return {
    activities(filter) {
      requireSignedIn(actor);
      return readActivityDashboard(db, filter);
    },
    table(filter, table) {
      requireSignedIn(actor);
      return readDashboardTable(db, filter, table);
    },
    async organization(id2) {
      requireSignedIn(actor);
      const organization = await findOrganizationView(db, id2);
      if (!organization) throw notFound();
      const [sums2, reports2, nodes] = await Promise.all([
        sumOrganizationActivities(db, id2),
        listReports(db, { organizationIds: [id2] }, { page: 1, pageSize: 100 }),
        listNodesOfOrganization(db, id2)
      ]);
      const { id: orgId, name, acronym } = organization;
      return { organization: { id: orgId, name, acronym }, ...sums2, reports: reports2.items, nodes };
    }
  };
}

// src/repositories/scope.repository.ts
import { sql as sql15 } from "drizzle-orm";
var withAncestors = (table, id2) => sql15`(with recursive up(id, parent_id, depth) as (
    select id, parent_id, 1 from ${sql15.identifier(table)} where id = ${id2}
    union all select t.id, t.parent_id, up.depth + 1 from ${sql15.identifier(table)} t join up on t.id = up.parent_id where up.depth < 100)
  select coalesce(array_agg(id::text), '{}') from up)`;
var bodyWithAncestors = (bodyId) => withAncestors("bodies", bodyId);
async function findOrganizationAncestorIds(db, organizationId) {
  const [row] = await queryRows(db, sql15`select ${withAncestors("organizations", sql15`${organizationId}::uuid`)} as ids`);
  return row?.ids ?? [];
}
async function findBodyScope(db, bodyId) {
  const [row] = await queryRows(db, sql15`select ${bodyWithAncestors(sql15`${bodyId}::uuid`)} as "bodyIds"`);
  return { bodyIds: row?.bodyIds ?? [], organizationIds: [] };
}
async function findSessionScope(db, sessionId) {
  const [row] = await queryRows(
    db,
    sql15`select ${bodyWithAncestors(sql15`s.body_id`)} as "bodyIds", '{}'::text[] as "organizationIds" from sessions s where s.id = ${sessionId}`
  );
  return row;
}
async function findSessionRecordScope(db, record) {
  const [row] = await queryRows(
    db,
    sql15`select ${bodyWithAncestors(sql15`s.body_id`)} as "bodyIds",
          coalesce((select array_agg(l.organization_id::text) from ${sql15.identifier(record.links)} l where l.${sql15.identifier(record.key)} = r.id), '{}') as "organizationIds"
        from ${sql15.identifier(record.table)} r join sessions s on s.id = r.session_id where r.id = ${record.id}`
  );
  return row;
}
var findAgreementScope = (db, id2) => findSessionRecordScope(db, { table: "agreements", links: "agreement_organizations", key: "agreement_id", id: id2 });
var findParticipationScope = (db, id2) => findSessionRecordScope(db, { table: "participations", links: "participation_organizations", key: "participation_id", id: id2 });
async function findMembershipScope(db, membershipId) {
  const [row] = await queryRows(
    db,
    sql15`select ${bodyWithAncestors(sql15`m.body_id`)} as "bodyIds", array[m.organization_id::text] as "organizationIds"
        from memberships m where m.id = ${membershipId}`
  );
  return row;
}
async function findPlanScope(db, planId) {
  const [row] = await queryRows(
    db,
    sql15`select ${bodyWithAncestors(sql15`p.body_id`)} as "bodyIds", '{}'::text[] as "organizationIds" from plans p where p.id = ${planId}`
  );
  return row;
}
async function findPlanNodeScope(db, planNodeId) {
  const [row] = await queryRows(
    db,
    sql15`select ${bodyWithAncestors(sql15`p.body_id`)} as "bodyIds",
          coalesce((select array_agg(organization_id::text) from plan_node_organizations where plan_node_id = n.id), '{}') as "organizationIds"
        from plan_nodes n join plans p on p.id = n.plan_id where n.id = ${planNodeId}`
  );
  return row;
}
async function findReportScope(db, reportId) {
  const [row] = await queryRows(
    db,
    sql15`select ${bodyWithAncestors(sql15`p.body_id`)} as "bodyIds", array[r.organization_id::text] as "organizationIds"
        from reports r join reporting_periods rp on rp.id = r.reporting_period_id join plans p on p.id = rp.plan_id where r.id = ${reportId}`
  );
  return row;
}

// src/services/lifecycle.ts
import { eq as eq7 } from "drizzle-orm";

// src/auth/actor.ts
var systemActor = (label) => ({ kind: "system", label });
function describeActor(actor) {
  if (actor.kind === "user") return actor.email;
  return actor.kind === "system" ? actor.label : "an\xF3nimo";
}

// src/repositories/audit.repository.ts
import { sql as sql16 } from "drizzle-orm";
async function insertAuditEntry(db, entry) {
  await db.insert(auditEntries).values(entry);
}
function diffFields(before, after) {
  const changes = {};
  for (const [field, value] of Object.entries(after)) {
    if (value !== void 0 && JSON.stringify(before[field]) !== JSON.stringify(value)) changes[field] = [before[field], value];
  }
  return changes;
}
async function listAuditEntries(db, entity, entityId) {
  return queryRows(
    db,
    sql16`select id, ${isoInstant(sql16`at`)} as at, actor, action, changes from audit_entries
        where entity = ${entity} and entity_id = ${entityId} order by id desc limit 500`
  );
}

// src/services/versioned-write.ts
async function writeVersionedUpdate(db, actor, update) {
  const before = await update.find(db, update.id);
  if (!before) throw notFound();
  const written = await update.write(db, update.id, update.version, update.values);
  if (!written) throw staleVersion();
  const changes = diffFields(before, update.values);
  await insertAuditEntry(db, { actor: describeActor(actor), action: update.action ?? "update", entity: update.entity, entityId: update.id, changes });
}
async function auditCreate(db, actor, entity, entityId, values) {
  await insertAuditEntry(db, { actor: describeActor(actor), action: "create", entity, entityId, changes: diffFields({}, values) });
}

// src/services/lifecycle.ts
function createLifecycle(db, actor, { entity, table, authorize, around }) {
  const findRow = async (tx, id2) => (await tx.select().from(table).where(eq7(table.id, id2)))[0];
  const writeRow = (tx, id2, version, values) => updateIfVersion(tx, table, id2, version, values);
  const change = async (id2, version, action, values) => {
    await authorize(id2);
    await db.transaction(async (tx) => {
      await around?.before(tx, id2);
      await writeVersionedUpdate(tx, actor, { entity, id: id2, version, values, action, find: findRow, write: writeRow });
      await around?.after(tx, id2);
    });
  };
  const now = () => (/* @__PURE__ */ new Date()).toISOString();
  return {
    archive: (id2, version) => change(id2, version, "archive", { archivedAt: now() }),
    restore: (id2, version) => change(id2, version, "restore", { archivedAt: null }),
    publish: (id2, version) => change(id2, version, "publish", { publishedAt: now() }),
    unpublish: (id2, version) => change(id2, version, "unpublish", { publishedAt: null })
  };
}

// src/reports/plan-files.ts
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType
} from "docx";
import ExcelJS from "exceljs";
var UNSUPPORTED_FILE = "Formato de archivo no admitido: suba la plantilla como .xlsx (Excel) o .csv.";
var OLD_EXCEL_FILE = "Los archivos .xls (Excel 97-2003) no se admiten: gu\xE1rdelo como .xlsx o .csv y vuelva a subirlo.";
var UNREADABLE_XLSX = "No se pudo leer el archivo de Excel; revise que sea un .xlsx v\xE1lido (\xE1bralo y gu\xE1rdelo de nuevo).";
var NO_WORKSHEET = "El archivo de Excel no tiene ninguna hoja.";
var MAX_XLSX_ROWS = 2e4;
var TOO_MANY_ROWS = `La hoja tiene m\xE1s de ${MAX_XLSX_ROWS.toLocaleString("es-MX")} filas con datos; divida el archivo.`;
var UNREADABLE_CSV = "No se pudo leer el archivo CSV; gu\xE1rdelo como \xABCSV UTF-8 (delimitado por comas)\xBB.";
async function readTableFile(fileName, bytes) {
  const name = fileName.trim().toLowerCase();
  if (name.endsWith(".csv")) return readCsvFile(bytes);
  if (name.endsWith(".xlsx")) return readXlsxFile(bytes);
  if (name.endsWith(".xls")) throw new Error(OLD_EXCEL_FILE);
  throw new Error(UNSUPPORTED_FILE);
}
function readCsvFile(bytes) {
  let text7;
  try {
    text7 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      text7 = new TextDecoder("windows-1252").decode(bytes);
    } catch {
      throw new Error(UNREADABLE_CSV);
    }
  }
  text7 = text7.replace(/^\uFEFF/, "");
  if (text7.includes("\0")) throw new Error(UNREADABLE_CSV);
  const hint = /^sep=(.)\r?\n/i.exec(text7);
  if (hint) return parseCsv(text7.slice(hint[0].length), hint[1]);
  return parseCsv(text7, detectDelimiter(text7));
}
function detectDelimiter(text7) {
  let commas = 0;
  let semicolons = 0;
  let isQuoted = false;
  for (const char of text7) {
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (char === "\n" || char === "\r")) break;
    else if (!isQuoted && char === ",") commas++;
    else if (!isQuoted && char === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}
async function readXlsxFile(bytes) {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    throw new Error(UNREADABLE_XLSX);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(NO_WORKSHEET);
  const rows = [];
  let filledRows = 0;
  sheet.eachRow((row, rowNumber) => {
    if (++filledRows > MAX_XLSX_ROWS) throw new Error(TOO_MANY_ROWS);
    const cells = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = cells;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}
function cellText(value) {
  if (value === null || value === void 0) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatPlainNumber(value);
  if (typeof value === "boolean") return value ? "VERDADERO" : "FALSO";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value) return cellText(value.result ?? null);
  if ("hyperlink" in value) return cellText(value.text);
  if ("error" in value) return "";
  return "";
}
function formatPlainNumber(value) {
  if (!Number.isFinite(value)) return "";
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(15)));
}
var ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
var DATE_FORMAT = "dd/mm/yyyy";
var HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
var MIN_WIDTH = 8;
var MAX_WIDTH = 60;
var sheetName = (title) => title.replace(/[:\\/?*[\]]/g, " ").trim().slice(0, 31) || "Hoja1";
function excelValue(value) {
  if (value === null || value === void 0) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value ? "S\xED" : "No";
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item) => csvValue(item)).join("; ");
  if (typeof value === "string") {
    const day = ISO_DAY.exec(value);
    if (day) {
      const date4 = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
      if (date4.toISOString().startsWith(value)) return date4;
    }
    return value;
  }
  return JSON.stringify(value);
}
function csvValue(value) {
  if (value === null || value === void 0) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "S\xED" : "No";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map((item) => csvValue(item) ?? "").join("; ");
  return JSON.stringify(value);
}
function fitWidths(sheet, cellWidth) {
  (sheet.columns ?? []).forEach((column) => {
    let widest = MIN_WIDTH;
    column.eachCell?.({ includeEmpty: false }, (cell) => {
      widest = Math.max(widest, cellWidth(cell.value) + 2);
    });
    column.width = Math.min(MAX_WIDTH, widest);
  });
}
var textWidth = (value) => value instanceof Date ? 10 : Math.max(0, ...String(value ?? "").split(/\r?\n/).map((line) => line.length));
function styleHeader(sheet, columnCount = 0) {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: "middle", wrapText: true };
  });
  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2" }];
  if (columnCount > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columnCount } };
}
function newWorkbook() {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Telar";
  workbook.lastModifiedBy = "Telar";
  workbook.created = /* @__PURE__ */ new Date();
  return workbook;
}
async function workbookBuffer(workbook) {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
async function writeTableWorkbook(sheetTitle, columns, rows) {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet(sheetName(sheetTitle));
  sheet.addRow(columns.map((c) => c.header));
  for (const row of rows) sheet.addRow(columns.map((c) => excelValue(row[c.key])));
  columns.forEach((_, index7) => {
    const column = sheet.getColumn(index7 + 1);
    column.eachCell({ includeEmpty: false }, (cell, rowNumber) => {
      if (rowNumber > 1 && cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
    });
  });
  styleHeader(sheet, columns.length);
  fitWidths(sheet, textWidth);
  return workbookBuffer(workbook);
}
function writeTableCsv(columns, rows) {
  return writeCsv(
    rows,
    columns.map((c) => ({ header: c.header, value: (row) => csvValue(row[c.key]) }))
  );
}
var NUMBER_COLUMNS = /* @__PURE__ */ new Set(["avance", "peso"]);
var DATE_COLUMNS = /* @__PURE__ */ new Set(["fecha de inicio", "fecha l\xEDmite"]);
async function writePlanWorkbook(plan) {
  const workbook = newWorkbook();
  workbook.title = plan.name;
  const sheet = workbook.addWorksheet("Plan");
  const [header = [], ...rows] = planToTable(plan);
  sheet.addRow(header);
  for (const cells of rows) {
    const row = sheet.addRow(
      cells.map((text7, index7) => {
        const field = header[index7] ?? "";
        if (text7 === "") return null;
        if (NUMBER_COLUMNS.has(field)) return Number(text7);
        if (DATE_COLUMNS.has(field)) return excelValue(text7);
        return text7;
      })
    );
    DATE_COLUMNS.forEach((field) => {
      const cell = row.getCell(header.indexOf(field) + 1);
      if (cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
    });
  }
  const codeColumns = [PLAN_TEMPLATE_HEADERS.indexOf("c\xF3digo"), PLAN_TEMPLATE_HEADERS.indexOf("c\xF3digo superior")];
  for (const index7 of codeColumns) sheet.getColumn(index7 + 1).numFmt = "@";
  const titleColumn = sheet.getColumn(PLAN_TEMPLATE_HEADERS.indexOf("t\xEDtulo") + 1);
  titleColumn.alignment = { wrapText: true, vertical: "top" };
  styleHeader(sheet, header.length);
  fitWidths(sheet, textWidth);
  const statuses = workbook.addWorksheet("Estados");
  statuses.addRow(["Estado", "Clave", "Avance que representa", "Cerrado"]);
  for (const status of plan.statuses) {
    statuses.addRow([status.label, status.key, status.progress, status.isClosed ? "S\xED" : "No"]);
  }
  statuses.addRow([]);
  statuses.addRow(["Tipos de nodo"]);
  statuses.lastRow.font = { bold: true };
  for (const label of Object.values(PLAN_NODE_KIND_LABELS)) statuses.addRow([label]);
  styleHeader(statuses);
  fitWidths(statuses, textWidth);
  return workbookBuffer(workbook);
}
var PAGE = { width: 12240, height: 15840, margin: 1418 };
var CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
var FONT = "Arial";
var TEXT_COLOR = "1F1F1F";
var LATE_COLOR = "C00000";
var BORDER = { style: BorderStyle.SINGLE, size: 4, color: "7F7F7F" };
var TABLE_BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
var CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 };
var HEADER_SHADING = { type: ShadingType.CLEAR, color: "auto", fill: "D9D9D9" };
var CELL_STYLE = "TableText";
var DETAIL_STYLE = "NodeDetail";
var NODE_HEADINGS = [HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
var LATE_COLUMNS = [
  { header: "C\xF3digo", share: 0.1 },
  { header: "T\xEDtulo", share: 0.36 },
  { header: "Responsables", share: 0.2 },
  { header: "Fecha l\xEDmite", share: 0.13 },
  { header: "Estado", share: 0.11 },
  { header: "Avance", share: 0.1 }
];
var LATE_WIDTHS = LATE_COLUMNS.map((c) => Math.round(CONTENT_WIDTH * c.share));
var XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
var clean = (text7) => text7.replace(XML_ILLEGAL, "");
var percentFormat = new Intl.NumberFormat("es-MX", { maximumFractionDigits: 1 });
var formatProgress = (value) => value === null ? "sin dato" : `${percentFormat.format(value)} %`;
function describePeriod(from, to) {
  if (from && to) return `del ${formatSpanishDate(from)} al ${formatSpanishDate(to)}`;
  if (from) return `a partir del ${formatSpanishDate(from)}`;
  if (to) return `hasta el ${formatSpanishDate(to)}`;
  return "sin definir";
}
var responsibleNames = (node) => node.responsibleOrganizations.map((o) => o.acronym ? `${o.name} (${o.acronym})` : o.name);
async function writePlanDocument(plan) {
  const statusLabel = (key) => key === null ? "sin estado" : plan.statuses.find((s) => s.key === key)?.label ?? key;
  const title = clean(plan.shortName ? `${plan.name} (${plan.shortName})` : plan.name);
  const late = flattenTree(plan.nodes).filter((node) => node.isLate);
  const body = [
    new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
    labelled("\xD3rgano", clean(plan.body.name)),
    labelled("Periodo", describePeriod(plan.periodFrom, plan.periodTo)),
    labelled("Avance general", formatProgress(plan.progress)),
    labelled("Nodos atrasados", String(late.length))
  ];
  if (plan.description) {
    for (const line of splitLines2(plan.description)) body.push(new Paragraph({ text: line, alignment: AlignmentType.JUSTIFIED }));
  }
  if (plan.nodes.length === 0) body.push(new Paragraph({ text: "El plan todav\xEDa no tiene nodos." }));
  const visit = (node, depth) => {
    body.push(
      new Paragraph({
        text: clean(`${node.code} ${node.title.replace(/\s+/g, " ")}`),
        heading: NODE_HEADINGS[Math.min(depth, NODE_HEADINGS.length - 1)]
      }),
      nodeDetails(node, statusLabel(node.status))
    );
    for (const child of node.children) visit(child, depth + 1);
  };
  for (const root of plan.nodes) visit(root, 0);
  body.push(new Paragraph({ text: "Nodos atrasados", heading: HeadingLevel.HEADING_2, pageBreakBefore: plan.nodes.length > 0 }));
  if (late.length === 0) body.push(new Paragraph({ text: "Ning\xFAn nodo est\xE1 atrasado." }));
  else body.push(lateTable(late, statusLabel));
  const headingRun = (size) => ({ run: { font: FONT, size, bold: true, color: TEXT_COLOR }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } });
  const document = new Document({
    title,
    subject: "Plan",
    creator: "Telar",
    lastModifiedBy: "Telar",
    styles: {
      paragraphStyles: [
        { id: CELL_STYLE, name: "Texto de tabla", basedOn: "Normal", paragraph: { spacing: { before: 0, after: 0 } } },
        { id: DETAIL_STYLE, name: "Detalle de nodo", basedOn: "Normal", run: { size: 20 }, paragraph: { spacing: { after: 120 } } }
      ],
      default: {
        document: {
          run: { font: FONT, size: 22, color: TEXT_COLOR, language: { value: "es-MX" } },
          paragraph: { spacing: { after: 160, line: 264 } }
        },
        heading1: { run: { font: FONT, size: 28, bold: true, color: TEXT_COLOR }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 240 } } },
        heading2: headingRun(26),
        heading3: headingRun(24),
        heading4: headingRun(22),
        heading5: headingRun(22),
        heading6: headingRun(22)
      }
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin }
          }
        },
        children: body
      }
    ]
  });
  return Packer.toBuffer(document);
}
function labelled(label, value) {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)], spacing: { after: 60 } });
}
function nodeDetails(node, status) {
  const parts = [
    [new TextRun(PLAN_NODE_KIND_LABELS[node.kind])],
    [new TextRun({ text: "Estado: ", bold: true }), new TextRun(clean(status))],
    [new TextRun({ text: "Avance: ", bold: true }), new TextRun(formatProgress(node.rolledProgress))]
  ];
  const responsible = responsibleNames(node);
  if (responsible.length) parts.push([new TextRun({ text: "Responsables: ", bold: true }), new TextRun(clean(responsible.join("; ")))]);
  if (node.dueDate) parts.push([new TextRun({ text: "Fecha l\xEDmite: ", bold: true }), new TextRun(formatSpanishDate(node.dueDate))]);
  if (node.isLate) parts.push([new TextRun({ text: "Atrasado", bold: true, color: LATE_COLOR })]);
  const children = parts.flatMap((runs, index7) => index7 === 0 ? runs : [new TextRun(" \xB7 "), ...runs]);
  return new Paragraph({ children, style: DETAIL_STYLE });
}
function lateTable(nodes, statusLabel) {
  const cell = (text7, index7, isHeader = false) => new TableCell({
    width: { size: LATE_WIDTHS[index7] ?? 0, type: WidthType.DXA },
    shading: isHeader ? HEADER_SHADING : void 0,
    children: [new Paragraph({ children: [new TextRun({ text: clean(text7), bold: isHeader })], style: CELL_STYLE })]
  });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: LATE_WIDTHS,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    margins: CELL_MARGINS,
    rows: [
      new TableRow({ tableHeader: true, children: LATE_COLUMNS.map((c, i) => cell(c.header, i, true)) }),
      ...nodes.map(
        (node) => new TableRow({
          cantSplit: true,
          children: [
            node.code,
            node.title.replace(/\s+/g, " "),
            responsibleNames(node).join("; ") || "Sin responsables",
            node.dueDate ? formatSpanishDate(node.dueDate) : "",
            statusLabel(node.status),
            formatProgress(node.rolledProgress)
          ].map((text7, i) => cell(text7, i))
        })
      )
    ]
  });
}
function splitLines2(text7) {
  return clean(text7).split(/\r\n?|\n/).map((line) => line.trim()).filter((line) => line.length > 0);
}
var ACTIVITY_EXPORT_COLUMNS = [
  { key: "kind", header: "Tipo" },
  { key: "title", header: "T\xEDtulo" },
  { key: "start", header: "Fecha de inicio" },
  { key: "end", header: "Fecha de t\xE9rmino" },
  { key: "organizations", header: "Instituciones" },
  { key: "states", header: "Entidades" },
  { key: "events", header: "Eventos" },
  { key: "participants", header: "Participantes" },
  { key: "peopleReached", header: "Personas alcanzadas" },
  { key: "planNodes", header: "Nodos del plan" }
];
function toActivityJson(a) {
  return {
    kind: a.kind,
    title: a.title,
    start: a.startDate,
    end: a.endDate,
    organizations: [...a.leadOrganizations, ...a.partnerOrganizations].map((o) => o.name),
    states: [...a.stateCodes],
    events: a.events,
    participants: a.participants,
    peopleReached: a.peopleReached,
    planNodes: a.planNodes.map((n) => n.code)
  };
}
function toActivityExportRow(a) {
  const json = toActivityJson(a);
  return {
    kind: ACTIVITY_KIND_LABELS[a.kind],
    title: json.title,
    start: json.start,
    end: json.end,
    organizations: json.organizations.join("; "),
    states: json.states.join("; "),
    events: json.events,
    participants: json.participants,
    peopleReached: json.peopleReached,
    planNodes: json.planNodes.join("; ")
  };
}
var XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
var DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
async function renderTableFile(table, format, fileStem) {
  const rows = table.rows;
  if (format === "csv") return { body: writeTableCsv(table.columns, rows), contentType: "text/csv; charset=utf-8", fileName: `${fileStem}.csv` };
  return { body: await writeTableWorkbook(table.title, table.columns, rows), contentType: XLSX_CONTENT_TYPE, fileName: `${fileStem}.xlsx` };
}

// src/services/plan.service.ts
var todayInMexico = () => new Intl.DateTimeFormat("en-CA", { timeZone: "America/Mexico_City" }).format(/* @__PURE__ */ new Date());
var duplicateName = rethrowDuplicateAs("name", "Ya existe un plan con ese nombre.");
var duplicateCode = rethrowDuplicateAs("code", "Ya hay un nodo con esa clave en el plan.");
function withIndicatorProgress(node) {
  return { ...node, indicators: node.indicators.map((i) => ({ ...i, progress: indicatorProgress(i.baseline, i.target, i.latest?.value ?? null) })) };
}
async function readPlanDetail(db, id2, isPublicOnly = false) {
  const plan = await findPlanSummary(db, id2);
  if (!plan || isPublicOnly && !plan.publishedAt) return void 0;
  const nodes = buildPlanTree((await listPlanNodes(db, id2)).map(withIndicatorProgress), plan.statuses, todayInMexico());
  return { ...plan, nodes, progress: planProgress(nodes), lateCount: flattenTree(nodes).filter((n) => n.isLate).length };
}
function requireKnownStatus(statuses, status, field = "status") {
  if (status && !statuses.some((s) => s.key === status)) {
    throw invalidField(field, `Estado no v\xE1lido para este plan; use uno de: ${statuses.map((s) => s.label).join(", ")}.`);
  }
}
async function requireExisting(db, table, ids, field, message, column = "id") {
  if (ids?.length && await countExisting(db, table, ids, column) !== new Set(ids).size) throw invalidField(field, message);
}
function createPlanService(db, actor) {
  const authorizePlan = async (id2) => requireBodyManager(actor, await findPlanScope(db, id2));
  const planLifecycle = createLifecycle(db, actor, { entity: "plan", table: plans, authorize: authorizePlan });
  const nodeLifecycle = createLifecycle(db, actor, {
    entity: "plan_node",
    table: planNodes,
    authorize: async (id2) => requireBodyManager(actor, await findPlanNodeScope(db, id2))
  });
  const getNode = async (id2) => {
    const node = await findPlanNodeView(db, id2);
    if (!node) throw notFound();
    return { ...withIndicatorProgress(node), plan: node.plan, statusHistory: await listStatusChanges(db, id2) };
  };
  return {
    ...planLifecycle,
    archiveNode: nodeLifecycle.archive,
    restoreNode: nodeLifecycle.restore,
    async list(filter, page2) {
      requireSignedIn(actor);
      return { ...await listPlans(db, filter, page2), ...page2 };
    },
    async get(id2) {
      requireSignedIn(actor);
      const plan = await readPlanDetail(db, id2);
      if (!plan) throw notFound();
      return plan;
    },
    async create(data) {
      requireBodyManager(actor, await findBodyScope(db, data.bodyId));
      const id2 = await db.transaction(async (tx) => {
        await requireExisting(tx, "bodies", [data.bodyId], "bodyId", "El \xF3rgano no existe.");
        const row = await insertPlan(tx, data).catch(duplicateName);
        await auditCreate(tx, actor, "plan", row.id, data);
        return row.id;
      });
      return await readPlanDetail(db, id2);
    },
    async update(id2, { version, ...values }) {
      await authorizePlan(id2);
      await db.transaction(
        (tx) => writeVersionedUpdate(tx, actor, {
          entity: "plan",
          id: id2,
          version,
          values,
          find: findPlan,
          write: (t, rowId, v) => updatePlan(t, rowId, v, values).catch(duplicateName)
        })
      );
      return await readPlanDetail(db, id2);
    },
    /**
     * Creates a plan from the template (CSV or Excel): every problem is reported with its line and
     * column, and a file with any problem writes nothing.
     */
    async importPlan(bodyId, file) {
      requireBodyManager(actor, await findBodyScope(db, bodyId));
      const rows = await readTableFile(file.name, file.bytes).catch((error) => {
        throw new AppError(422, "import_invalid", [{ path: "file", message: error.message }]);
      });
      const parsed = parsePlanTable(rows);
      const issues = parsed.issues.map((issue) => ({ line: issue.line, field: issue.field, message: issue.message }));
      const organizationIds = /* @__PURE__ */ new Map();
      for (const node of parsed.plan?.nodes ?? []) {
        for (const name of node.responsible) {
          const found = await findOrganizationByIdentity(db, toOrganizationKey(name), name);
          if (found) organizationIds.set(name, found.id);
          else issues.push({ line: node.line, field: "responsables", message: `No hay una organizaci\xF3n registrada como \xAB${name}\xBB.` });
        }
      }
      if (parsed.plan && await findPlanByName(db, parsed.plan.name)) issues.push({ line: 2, field: "plan", message: "Ya existe un plan con ese nombre." });
      if (issues.length || !parsed.plan) {
        throw new AppError(422, "import_invalid", issues.map((i) => ({ path: i.line ? `l\xEDnea ${i.line}${i.field ? ` \xB7 ${i.field}` : ""}` : i.field, message: i.message })));
      }
      const plan = parsed.plan;
      const id2 = await db.transaction(async (tx) => {
        const row = await insertPlan(tx, { name: plan.name, shortName: plan.shortName, bodyId, statuses: DEFAULT_PLAN_STATUSES }).catch(duplicateName);
        const nodeIds = /* @__PURE__ */ new Map();
        const positions = /* @__PURE__ */ new Map();
        for (const node of orderParentsFirst(plan.nodes)) {
          const parentId = node.parentCode ? nodeIds.get(node.parentCode) : null;
          const position = (positions.get(parentId) ?? 0) + 1;
          positions.set(parentId, position);
          const { line: _line, parentCode: _parent, responsible, ...values } = node;
          const inserted = await insertPlanNode(tx, { ...values, planId: row.id, parentId, position });
          nodeIds.set(node.code, inserted.id);
          await replacePlanNodeLinks(tx, inserted.id, responsible.map((name) => organizationIds.get(name)), []);
          if (node.status || node.progress !== null) {
            await insertStatusChange(tx, { planNodeId: inserted.id, status: node.status, progress: node.progress, actor: describeActor(actor) });
          }
        }
        await insertAuditEntry(tx, {
          actor: describeActor(actor),
          action: "import",
          entity: "plan",
          entityId: row.id,
          changes: { name: [null, plan.name], file: [null, file.name], nodes: [null, plan.nodes.length] }
        });
        return row.id;
      });
      return { plan: await readPlanDetail(db, id2), nodeCount: plan.nodes.length };
    },
    /** The plan as the Excel template (it imports again as it is) or as a Word document. */
    async exportPlan(id2, format) {
      const plan = await this.get(id2);
      const fileStem = `plan-${(plan.shortName ?? plan.name).normalize("NFD").replace(/[^\w]+/g, "-").replace(/^-|-$/g, "").toLowerCase().slice(0, 60)}`;
      if (format === "xlsx") return { body: await writePlanWorkbook(plan), contentType: XLSX_CONTENT_TYPE, fileName: `${fileStem}.xlsx` };
      return { body: await writePlanDocument(plan), contentType: DOCX_CONTENT_TYPE, fileName: `${fileStem}.docx` };
    },
    getNode: async (id2) => {
      requireSignedIn(actor);
      return getNode(id2);
    },
    async createNode({ responsibleOrganizationIds, agreementIds, ...data }) {
      requireBodyManager(actor, await findPlanScope(db, data.planId));
      const id2 = await db.transaction(async (tx) => {
        const plan = await findPlan(tx, data.planId);
        requireKnownStatus(plan.statuses, data.status);
        if (data.parentId && (await findPlanNode(tx, data.parentId))?.planId !== data.planId) {
          throw invalidField("parentId", "El nodo superior no pertenece a este plan.");
        }
        await requireExisting(tx, "organizations", responsibleOrganizationIds, "responsibleOrganizationIds", "Una de las organizaciones no existe.");
        await requireExisting(tx, "agreements", agreementIds, "agreementIds", "Uno de los acuerdos no existe.");
        const position = await nextNodePosition(tx, data.planId, data.parentId);
        const row = await insertPlanNode(tx, { ...data, position }).catch(duplicateCode);
        await replacePlanNodeLinks(tx, row.id, responsibleOrganizationIds, agreementIds);
        if (data.status || data.progress !== null) {
          await insertStatusChange(tx, { planNodeId: row.id, status: data.status, progress: data.progress, actor: describeActor(actor) });
        }
        await auditCreate(tx, actor, "plan_node", row.id, { ...data, responsibleOrganizationIds, agreementIds });
        return row.id;
      });
      return getNode(id2);
    },
    async updateNode(id2, { version, comment, responsibleOrganizationIds, agreementIds, ...values }) {
      requireBodyManager(actor, await findPlanNodeScope(db, id2));
      await db.transaction(async (tx) => {
        const node = await findPlanNode(tx, id2);
        if (!node) throw notFound();
        const plan = await findPlan(tx, node.planId);
        requireKnownStatus(plan.statuses, values.status);
        await requireExisting(tx, "organizations", responsibleOrganizationIds, "responsibleOrganizationIds", "Una de las organizaciones no existe.");
        await requireExisting(tx, "agreements", agreementIds, "agreementIds", "Uno de los acuerdos no existe.");
        await writeVersionedUpdate(tx, actor, {
          entity: "plan_node",
          id: id2,
          version,
          values: { ...values, responsibleOrganizationIds, agreementIds },
          find: findPlanNode,
          write: async (t, rowId, v) => {
            const row = await updatePlanNode(t, rowId, v, values).catch(duplicateCode);
            if (row) await replacePlanNodeLinks(t, rowId, responsibleOrganizationIds, agreementIds);
            return row;
          }
        });
        await recordStatusChange(tx, actor, node, values, { comment: comment ?? null, reportId: null });
      });
      return getNode(id2);
    }
  };
}
function orderParentsFirst(nodes) {
  const byParent = /* @__PURE__ */ new Map();
  for (const node of nodes) byParent.set(node.parentCode, [...byParent.get(node.parentCode) ?? [], node]);
  const visit = (parentCode) => (byParent.get(parentCode) ?? []).flatMap((node) => [node, ...visit(node.code)]);
  return visit(null);
}
async function recordStatusChange(db, actor, before, after, context) {
  const status = after.status === void 0 ? before.status : after.status;
  const progress = after.progress === void 0 ? before.progress : after.progress;
  if (status === before.status && progress === before.progress) return;
  await insertStatusChange(db, { planNodeId: before.id, status, progress, ...context, actor: describeActor(actor) });
}

// src/services/activity.service.ts
var ACTIVITY_EXPORT_LIMIT = 1e5;
async function requireEditableReport(db, actor, reportId, field = "reportId") {
  const report = await findReportFacts(db, reportId);
  if (!report) throw invalidField(field, "El reporte no existe.");
  requireBodyManagerOrEnlace(actor, await findReportScope(db, reportId));
  if (!["due", "sent_back"].includes(report.status) || report.isPeriodClosed) throw new AppError(409, "report_locked");
  return report;
}
async function requireExistingLinks(db, links) {
  await requireExisting(db, "organizations", links.leadOrganizationIds, "leadOrganizationIds", "Una de las instituciones responsables no existe.");
  await requireExisting(db, "organizations", links.partnerOrganizationIds, "partnerOrganizationIds", "Una de las instituciones participantes no existe.");
  await requireExisting(db, "states", links.stateCodes, "stateCodes", "Una de las entidades federativas no existe.", "code");
  await requireExisting(db, "municipalities", links.municipalityCodes, "municipalityCodes", "Uno de los municipios no existe en el cat\xE1logo del INEGI.", "cvegeo");
  await requireExisting(db, "agreements", links.agreementIds, "agreementIds", "Uno de los acuerdos no existe.");
  await requireExisting(db, "evidence", links.evidenceIds, "evidenceIds", "Uno de los archivos de evidencia no existe.");
  const planNodeIds = [...new Set(links.planNodeIds ?? [])];
  if ((await findPlanNodeRefs(db, planNodeIds)).length !== planNodeIds.length) throw invalidField("planNodeIds", "Una de las l\xEDneas del plan no existe.");
}
function requireReportOrganizationLeads(organizationId, leadOrganizationIds) {
  if (!leadOrganizationIds.includes(organizationId)) {
    throw invalidField("leadOrganizationIds", "Una actividad reportada debe tener como responsable a la organizaci\xF3n que reporta.");
  }
}
function splitLinks(input) {
  const { leadOrganizationIds, partnerOrganizationIds, stateCodes, municipalityCodes, planNodeIds, agreementIds, evidenceIds, ...values } = input;
  return { links: { leadOrganizationIds, partnerOrganizationIds, stateCodes, municipalityCodes, planNodeIds, agreementIds, evidenceIds }, values };
}
function createActivityService(db, actor) {
  const authorize = async (db2, id2) => {
    const activity = await findActivity(db2, id2);
    if (!activity) throw notFound();
    if (activity.reportId) await requireEditableReport(db2, actor, activity.reportId);
    else requireAnySecretariat(actor);
    return activity;
  };
  const lifecycle = createLifecycle(db, actor, {
    entity: "activity",
    table: activities,
    authorize: async (id2) => void await authorize(db, id2),
    around: { before: (tx, id2) => applyActivityTotals(tx, [id2], -1), after: (tx, id2) => applyActivityTotals(tx, [id2], 1) }
  });
  return {
    archive: lifecycle.archive,
    restore: lifecycle.restore,
    async list(filter, page2) {
      requireSignedIn(actor);
      return { ...await listActivities(db, filter, page2), ...page2 };
    },
    /** Every activity matching the filter, for a download. */
    async listAll(filter) {
      requireSignedIn(actor);
      const rows = [];
      for (let page2 = 1; rows.length < ACTIVITY_EXPORT_LIMIT; page2++) {
        const { items } = await listActivities(db, filter, { page: page2, pageSize: 1e3 });
        rows.push(...items);
        if (items.length < 1e3) break;
      }
      return rows;
    },
    async get(id2) {
      requireSignedIn(actor);
      const activity = await findActivityView(db, id2);
      if (!activity) throw notFound();
      return activity;
    },
    async create(input) {
      const { links, values } = splitLinks(input);
      if (values.reportId) {
        const report = await requireEditableReport(db, actor, values.reportId);
        requireReportOrganizationLeads(report.organizationId, input.leadOrganizationIds);
      } else requireAnySecretariat(actor);
      const id2 = await db.transaction(async (tx) => {
        await requireExistingLinks(tx, links);
        const row = await insertActivity(tx, values);
        await replaceActivityLinks(tx, row.id, links);
        await applyActivityTotals(tx, [row.id], 1);
        await auditCreate(tx, actor, "activity", row.id, input);
        return row.id;
      });
      return await findActivityView(db, id2);
    },
    async update(id2, { version, ...input }) {
      const { links, values } = splitLinks(input);
      await db.transaction(async (tx) => {
        const activity = await authorize(tx, id2);
        if (activity.reportId && links.leadOrganizationIds) {
          requireReportOrganizationLeads((await findReportFacts(tx, activity.reportId)).organizationId, links.leadOrganizationIds);
        }
        await requireExistingLinks(tx, links);
        await applyActivityTotals(tx, [id2], -1);
        await writeVersionedUpdate(tx, actor, {
          entity: "activity",
          id: id2,
          version,
          values: input,
          find: findActivity,
          write: async (t, rowId, v) => {
            const row = await updateActivity(t, rowId, v, values);
            if (row) await replaceActivityLinks(t, rowId, links);
            return row;
          }
        });
        await applyActivityTotals(tx, [id2], 1);
      });
      return await findActivityView(db, id2);
    }
  };
}

// src/repositories/evidence.repository.ts
import { eq as eq8, sql as sql17 } from "drizzle-orm";
async function insertEvidence(db, values) {
  const [row] = await db.insert(evidence).values(values).returning({ id: evidence.id });
  return row;
}
async function findEvidenceView(db, id2) {
  const [row] = await queryRows(db, sql17`select ${evidenceJson(sql17`e`)} as view from evidence e where e.id = ${id2}`);
  return row?.view;
}
async function findEvidenceFile(db, id2) {
  const [row] = await db.select({ fileName: evidence.fileName, contentType: evidence.contentType, content: evidence.content }).from(evidence).where(eq8(evidence.id, id2));
  return row?.content ? row : void 0;
}

// src/repositories/agreement.repository.ts
import { eq as eq9, sql as sql18 } from "drizzle-orm";
var agreementViewColumns = sql18`a.id, a.code, ${sessionRefJson(sql18`s`, sql18`b`)} as session, a.participation_id as "participationId", a.text,
  ${organizationRefsJson(sql18`agreement_organizations`, sql18`agreement_id`, sql18`a.id`)} as "responsibleOrganizations",
  ${stateCodesArray(sql18`agreement_states`, sql18`agreement_id`, sql18`a.id`)} as "stateCodes",
  a.due_date::text as "dueDate", a.status, ${isoInstant(sql18`a.published_at`)} as "publishedAt", a.version`;
var agreementFrom = sql18`agreements a join sessions s on s.id = a.session_id join bodies b on b.id = s.body_id`;
var countFrom = (filter) => filter.bodyId || filter.from || filter.to ? sql18`agreements a join sessions s on s.id = a.session_id` : sql18`agreements a`;
function filterAgreements(filter) {
  return whereAll([
    sql18`a.archived_at is null`,
    filter.status ? sql18`a.status = ${filter.status}` : void 0,
    filter.isPublished ? sql18`a.published_at is not null` : void 0,
    filter.bodyId ? sql18`s.body_id = ${filter.bodyId}` : void 0,
    filter.from ? sql18`s.date >= ${filter.from}` : void 0,
    filter.to ? sql18`s.date <= ${filter.to}` : void 0,
    filter.organizationId ? sql18`exists (select 1 from agreement_organizations ao where ao.agreement_id = a.id and ao.organization_id = ${filter.organizationId})` : void 0,
    filter.stateCode ? sql18`exists (select 1 from agreement_states st where st.agreement_id = a.id and st.state_code = ${filter.stateCode})` : void 0,
    filter.dueBy ? sql18`a.status in ('pending', 'in_progress') and a.due_date <= ${filter.dueBy}` : void 0,
    matchesSearch(sql18`a.search`, filter.q)
  ]);
}
async function listAgreements(db, filter, page2) {
  const where = filterAgreements(filter);
  const order = filter.dueBy ? sql18`a.due_date, a.id` : sql18`s.date desc, a.id`;
  const [items, [count]] = await Promise.all([
    queryRows(db, sql18`select ${agreementViewColumns} from ${agreementFrom} where ${where} order by ${order} ${pageClause(page2)}`),
    queryRows(db, sql18`select count(*)::int as total from ${countFrom(filter)} where ${where}`)
  ]);
  return { items, total: count?.total ?? 0 };
}
async function listAgreementsOfSession(db, sessionId) {
  return queryRows(
    db,
    sql18`select ${agreementViewColumns} from ${agreementFrom} where a.session_id = ${sessionId} and a.archived_at is null order by a.code nulls last, a.created_at`
  );
}
async function findAgreementView(db, id2) {
  const [row] = await queryRows(db, sql18`select ${agreementViewColumns} from ${agreementFrom} where a.id = ${id2}`);
  return row;
}
async function findAgreement(db, id2) {
  const [row] = await db.select().from(agreements).where(eq9(agreements.id, id2));
  return row;
}
async function findAgreementByIdentity(db, sessionId, code, text7) {
  const [row] = await queryRows(
    db,
    sql18`select id from agreements where (${code}::text is not null and code = ${code}) or (session_id = ${sessionId} and text = ${text7}) limit 1`
  );
  return row;
}
async function insertAgreement(db, values) {
  const [row] = await db.insert(agreements).values(values).returning();
  return row;
}
var updateAgreement = (db, id2, version, values) => updateIfVersion(db, agreements, id2, version, values);
async function replaceAgreementLinks(db, agreementId, organizationIds, stateCodes) {
  if (organizationIds) {
    await db.delete(agreementOrganizations).where(eq9(agreementOrganizations.agreementId, agreementId));
    if (organizationIds.length) {
      await db.insert(agreementOrganizations).values([...new Set(organizationIds)].map((organizationId) => ({ agreementId, organizationId })));
    }
  }
  if (stateCodes) {
    await db.delete(agreementStates).where(eq9(agreementStates.agreementId, agreementId));
    if (stateCodes.length) {
      await db.insert(agreementStates).values([...new Set(stateCodes)].map((stateCode) => ({ agreementId, stateCode })));
    }
  }
}
var followUpViewColumns = sql18`f.id, f.agreement_id as "agreementId", f.participation_id as "participationId", f.date::text as date, f.text,
  ${stateCodesArray(sql18`follow_up_states`, sql18`follow_up_id`, sql18`f.id`, sql18`position`)} as "stateCodes",
  coalesce((select json_agg(${evidenceJson(sql18`e`)} order by e.created_at) from follow_up_evidence fe
    join evidence e on e.id = fe.evidence_id where fe.follow_up_id = f.id), '[]'::json) as evidence,
  f.version`;
async function listFollowUps(db, owner) {
  const ownerCondition = owner.agreementId ? sql18`f.agreement_id = ${owner.agreementId}` : sql18`f.participation_id in (${sql18.join((owner.participationIds ?? []).map((id2) => sql18`${id2}`), sql18`, `)})`;
  if (!owner.agreementId && !owner.participationIds?.length) return [];
  return queryRows(
    db,
    sql18`select ${followUpViewColumns} from follow_ups f where ${ownerCondition} and f.archived_at is null order by f.date nulls last, f.created_at`
  );
}
async function findFollowUpView(db, id2) {
  const [row] = await queryRows(db, sql18`select ${followUpViewColumns} from follow_ups f where f.id = ${id2}`);
  return row;
}
async function findFollowUpByIdentity(db, owner, text7) {
  const [row] = await queryRows(
    db,
    sql18`select id from follow_ups where text = ${text7} and (agreement_id = ${owner.agreementId} or participation_id = ${owner.participationId}) limit 1`
  );
  return row;
}
async function insertFollowUp(db, values, stateCodes, evidenceIds) {
  const [row] = await db.insert(followUps).values(values).returning();
  const followUpId = row.id;
  const uniqueStates = [...new Set(stateCodes)];
  if (uniqueStates.length) await db.insert(followUpStates).values(uniqueStates.map((stateCode, position) => ({ followUpId, stateCode, position })));
  if (evidenceIds.length) await db.insert(followUpEvidence).values(evidenceIds.map((evidenceId) => ({ followUpId, evidenceId })));
  return row;
}

// src/repositories/session.repository.ts
import { eq as eq10, sql as sql19 } from "drizzle-orm";
var sessionViewColumns = sql19`s.id, ${bodyRefJson(sql19`b`)} as body, s.kind, s.number, s.date::text as date, s.modality,
  (select ${evidenceJson(sql19`e`)} from evidence e where e.id = s.minutes_evidence_id) as minutes,
  (select count(*)::int from participations p where p.session_id = s.id and p.archived_at is null) as "participationCount",
  (select count(*)::int from agreements a where a.session_id = s.id and a.archived_at is null) as "agreementCount",
  ${isoInstant(sql19`s.published_at`)} as "publishedAt", s.version`;
function filterSessions(filter) {
  const search = matchesSearch(sql19`search`, filter.q);
  return whereAll([
    sql19`s.archived_at is null`,
    filter.bodyId ? sql19`s.body_id = ${filter.bodyId}` : void 0,
    filter.kind ? sql19`s.kind = ${filter.kind}` : void 0,
    filter.isPublished ? sql19`s.published_at is not null` : void 0,
    filter.from ? sql19`s.date >= ${filter.from}` : void 0,
    filter.to ? sql19`s.date <= ${filter.to}` : void 0,
    filter.organizationId ? sql19`exists (select 1 from participations p join participation_organizations po on po.participation_id = p.id
                    where p.session_id = s.id and po.organization_id = ${filter.organizationId})` : void 0,
    // Text search looks at what was presented; the body has its own filter (its name would match almost every session).
    search ? sql19`s.id in (select session_id from participations where ${search})` : void 0
  ]);
}
async function listSessions(db, filter, page2) {
  const where = filterSessions(filter);
  const [items, [count]] = await Promise.all([
    queryRows(
      db,
      sql19`select ${sessionViewColumns} from sessions s join bodies b on b.id = s.body_id where ${where}
          order by s.date desc, s.id ${pageClause(page2)}`
    ),
    queryRows(db, sql19`select count(*)::int as total from sessions s where ${where}`)
  ]);
  return { items, total: count?.total ?? 0 };
}
async function findSessionView(db, id2) {
  const [row] = await queryRows(db, sql19`select ${sessionViewColumns} from sessions s join bodies b on b.id = s.body_id where s.id = ${id2}`);
  return row;
}
async function findSession(db, id2) {
  const [row] = await db.select().from(sessions).where(eq10(sessions.id, id2));
  return row;
}
async function findSessionByIdentity(db, bodyId, kind, number, date4) {
  const [row] = await queryRows(
    db,
    sql19`select id, minutes_evidence_id as "minutesEvidenceId" from sessions
        where body_id = ${bodyId} and kind = ${kind} and coalesce(number, 0) = ${number ?? 0} and date = ${date4}`
  );
  return row;
}
async function insertSession(db, values) {
  const [row] = await db.insert(sessions).values(values).returning();
  return row;
}
var updateSession = (db, id2, version, values) => updateIfVersion(db, sessions, id2, version, values);
var participationViewColumns = sql19`p.id, ${sessionRefJson(sql19`s`, sql19`b`)} as session,
  ${organizationRefsJson(sql19`participation_organizations`, sql19`participation_id`, sql19`p.id`, sql19`j.position`)} as organizations,
  p.description, p.version`;
var participationFrom = sql19`participations p join sessions s on s.id = p.session_id join bodies b on b.id = s.body_id`;
async function listParticipationsOfSession(db, sessionId) {
  return queryRows(
    db,
    sql19`select ${participationViewColumns} from ${participationFrom}
        where p.session_id = ${sessionId} and p.archived_at is null order by p.created_at, p.id`
  );
}
async function listParticipationsOfOrganization(db, organizationId) {
  return queryRows(
    db,
    sql19`select ${participationViewColumns} from ${participationFrom}
        where p.archived_at is null and exists (select 1 from participation_organizations po
          where po.participation_id = p.id and po.organization_id = ${organizationId})
        order by s.date desc, p.id limit 500`
  );
}
async function findParticipationView(db, id2) {
  const [row] = await queryRows(db, sql19`select ${participationViewColumns} from ${participationFrom} where p.id = ${id2}`);
  return row;
}
async function findParticipation(db, id2) {
  const [row] = await db.select().from(participations).where(eq10(participations.id, id2));
  return row;
}
async function findParticipationByIdentity(db, sessionId, description, firstOrganizationId) {
  const [row] = await queryRows(
    db,
    sql19`select p.id from participations p join participation_organizations po on po.participation_id = p.id and po.position = 0
        where p.session_id = ${sessionId} and p.description = ${description} and po.organization_id = ${firstOrganizationId}`
  );
  return row;
}
async function insertParticipation(db, sessionId, description, organizationIds) {
  const [row] = await db.insert(participations).values({ sessionId, description }).returning();
  await replaceParticipationOrganizations(db, row.id, organizationIds);
  return row;
}
async function replaceParticipationOrganizations(db, participationId, organizationIds) {
  await db.delete(participationOrganizations).where(eq10(participationOrganizations.participationId, participationId));
  if (organizationIds.length) {
    await db.insert(participationOrganizations).values(organizationIds.map((organizationId, position) => ({ participationId, organizationId, position })));
  }
}
var updateParticipation = (db, id2, version, values) => updateIfVersion(db, participations, id2, version, values);
async function setSessionMinutes(db, id2, minutesEvidenceId) {
  await db.update(sessions).set({ minutesEvidenceId, version: sql19`${sessions.version} + 1`, updatedAt: sql19`now()` }).where(eq10(sessions.id, id2));
}

// src/services/agreement.service.ts
function createAgreementService(db, actor) {
  const lifecycle = createLifecycle(db, actor, { entity: "agreement", table: agreements, authorize: async (id2) => requireBodyManager(actor, await findAgreementScope(db, id2)) });
  return {
    ...lifecycle,
    async list(filter, page2) {
      requireSignedIn(actor);
      return { ...await listAgreements(db, filter, page2), ...page2 };
    },
    async get(id2) {
      requireSignedIn(actor);
      const agreement = await findAgreementView(db, id2);
      if (!agreement) throw notFound();
      return { ...agreement, followUps: await listFollowUps(db, { agreementId: id2 }) };
    },
    async create({ responsibleOrganizationIds, stateCodes, ...data }) {
      requireBodyManager(actor, await findSessionScope(db, data.sessionId));
      return db.transaction(async (tx) => {
        if (!await findSession(tx, data.sessionId)) throw invalidField("sessionId", "La sesi\xF3n no existe.");
        const row = await insertAgreement(tx, data);
        await replaceAgreementLinks(tx, row.id, responsibleOrganizationIds, stateCodes);
        await auditCreate(tx, actor, "agreement", row.id, { ...data, responsibleOrganizationIds, stateCodes });
        return await findAgreementView(tx, row.id);
      });
    },
    async update(id2, { version, responsibleOrganizationIds, stateCodes, ...values }) {
      requireBodyManager(actor, await findAgreementScope(db, id2));
      return db.transaction(async (tx) => {
        await writeVersionedUpdate(tx, actor, {
          entity: "agreement",
          id: id2,
          version,
          values: { ...values, responsibleOrganizationIds, stateCodes },
          find: findAgreement,
          write: async (t, rowId, v) => {
            const row = await updateAgreement(t, rowId, v, values);
            if (row) await replaceAgreementLinks(t, rowId, responsibleOrganizationIds, stateCodes);
            return row;
          }
        });
        return await findAgreementView(tx, id2);
      });
    },
    async addFollowUp({ stateCodes, evidence: evidence2, evidenceIds, ...data }) {
      const scope = data.agreementId ? await findAgreementScope(db, data.agreementId) : await findParticipationScope(db, data.participationId);
      if (!scope) throw invalidField(data.agreementId ? "agreementId" : "participationId", "El registro al que corresponde el seguimiento no existe.");
      requireBodyManagerOrEnlace(actor, scope);
      return db.transaction(async (tx) => {
        const uploadedIds = [...new Set(evidenceIds)];
        if (await countExisting(tx, "evidence", uploadedIds) !== uploadedIds.length) throw invalidField("evidenceIds", "Uno de los archivos de evidencia no existe.");
        const linkIds = evidence2 ? [(await insertEvidence(tx, { kind: "link", ...evidence2 })).id] : [];
        const row = await insertFollowUp(tx, data, stateCodes, [...uploadedIds, ...linkIds]);
        await auditCreate(tx, actor, "follow_up", row.id, { ...data, stateCodes, evidence: evidence2, evidenceIds });
        return await findFollowUpView(tx, row.id);
      });
    }
  };
}

// src/repositories/body.repository.ts
import { eq as eq11, sql as sql20 } from "drizzle-orm";
var bodyViewColumns = sql20`b.id, b.name, b.acronym, b.kind, b.level, b.state_code as "stateCode", b.parent_id as "parentId", b.version`;
var bodyRecordColumns = sql20`${bodyViewColumns}, b.mechanism_agreement_id as "mechanismAgreementId"`;
async function listBodies(db, filter, page2) {
  const where = whereAll([sql20`b.archived_at is null`, matchesSearch(sql20`b.search`, filter.q)]);
  const [items, [count]] = await Promise.all([
    queryRows(db, sql20`select ${bodyViewColumns} from bodies b where ${where} order by b.level, b.name ${pageClause(page2)}`),
    queryRows(db, sql20`select count(*)::int as total from bodies b where ${where}`)
  ]);
  return { items, total: count?.total ?? 0 };
}
async function findBodyView(db, id2) {
  const [row] = await queryRows(db, sql20`select ${bodyViewColumns} from bodies b where b.id = ${id2}`);
  return row;
}
async function findBody(db, id2) {
  const [row] = await db.select().from(bodies).where(eq11(bodies.id, id2));
  return row;
}
async function findBodyByAcronym(db, acronym, stateCode = null) {
  const [row] = await queryRows(
    db,
    sql20`select ${bodyRecordColumns} from bodies b where upper(b.acronym) = upper(${acronym}) and coalesce(b.state_code, '') = ${stateCode ?? ""}`
  );
  return row;
}
async function findBodyByName(db, name) {
  const [row] = await queryRows(db, sql20`select ${bodyRecordColumns} from bodies b where lower(b.name) = lower(${name}) limit 1`);
  return row;
}
async function listChildBodies(db, parentId) {
  return queryRows(db, sql20`select id, name, acronym from bodies where parent_id = ${parentId} and archived_at is null order by name`);
}
async function insertBody(db, values) {
  const [row] = await db.insert(bodies).values(values).returning();
  return row;
}
var updateBody = (db, id2, version, values) => updateIfVersion(db, bodies, id2, version, values);
async function setBodyMechanismAgreement(db, id2, mechanismAgreementId) {
  await db.update(bodies).set({ mechanismAgreementId, version: sql20`${bodies.version} + 1`, updatedAt: sql20`now()` }).where(eq11(bodies.id, id2));
}

// src/repositories/membership.repository.ts
import { sql as sql21 } from "drizzle-orm";
var membershipViewColumns = sql21`m.id, m.body_id as "bodyId",
  json_build_object('id', o.id, 'name', o.name, 'acronym', o.acronym) as organization,
  m.role, m.start_date::text as "startDate", m.end_date::text as "endDate",
  coalesce((select json_agg(json_build_object('id', f.id, 'kind', f.kind,
      'person', json_build_object('id', p.id, 'name', p.name, 'position', p.position),
      'startDate', f.start_date::text, 'endDate', f.end_date::text) order by f.kind desc, f.start_date desc)
    from focal_points f join people p on p.id = f.person_id
    where f.membership_id = m.id and f.archived_at is null), '[]'::json) as "focalPoints"`;
async function listMembershipsOfBody(db, bodyId) {
  return queryRows(
    db,
    sql21`select ${membershipViewColumns} from memberships m join organizations o on o.id = m.organization_id
        where m.body_id = ${bodyId} and m.archived_at is null order by m.role, o.name_key`
  );
}
async function findMembershipView(db, id2) {
  const [row] = await queryRows(
    db,
    sql21`select ${membershipViewColumns} from memberships m join organizations o on o.id = m.organization_id where m.id = ${id2}`
  );
  return row;
}
async function insertMembership(db, values) {
  const [row] = await db.insert(memberships).values(values).returning({ id: memberships.id });
  return row;
}
async function insertPerson(db, values) {
  const [row] = await db.insert(people).values(values).returning({ id: people.id });
  return row;
}
async function insertFocalPoint(db, values) {
  const [row] = await db.insert(focalPoints).values(values).returning({ id: focalPoints.id });
  return row;
}

// src/services/body.service.ts
function createBodyService(db, actor) {
  const lifecycle = createLifecycle(db, actor, { entity: "body", table: bodies, authorize: async (id2) => requireBodyManager(actor, await findBodyScope(db, id2)) });
  return {
    archive: lifecycle.archive,
    restore: lifecycle.restore,
    async list(filter, page2) {
      requireSignedIn(actor);
      return { ...await listBodies(db, filter, page2), ...page2 };
    },
    async get(id2) {
      requireSignedIn(actor);
      const body = await findBodyView(db, id2);
      if (!body) throw notFound();
      const [children, memberships2, sessions2] = await Promise.all([
        listChildBodies(db, id2),
        listMembershipsOfBody(db, id2),
        listSessions(db, { bodyId: id2 }, { page: 1, pageSize: 500 })
      ]);
      return { ...body, children, memberships: memberships2, sessions: sessions2.items };
    },
    async create(data) {
      if (data.parentId) requireBodyManager(actor, await findBodyScope(db, data.parentId));
      else requireAdmin(actor);
      return db.transaction(async (tx) => {
        const row = await insertBody(tx, data);
        await auditCreate(tx, actor, "body", row.id, data);
        return await findBodyView(tx, row.id);
      });
    },
    async update(id2, { version, ...values }) {
      requireBodyManager(actor, await findBodyScope(db, id2));
      if (values.parentId) {
        const newParent = await findBodyScope(db, values.parentId);
        if (!newParent.bodyIds.length) throw invalidField("parentId", "El \xF3rgano del que depende no existe.");
        requireBodyManager(actor, newParent);
        if (newParent.bodyIds.includes(id2)) throw invalidField("parentId", "Un \xF3rgano no puede depender de s\xED mismo ni de uno de los \xF3rganos que dependen de \xE9l.");
      }
      return db.transaction(async (tx) => {
        await writeVersionedUpdate(tx, actor, { entity: "body", id: id2, version, values, find: findBody, write: updateBody });
        return await findBodyView(tx, id2);
      });
    }
  };
}

// src/repositories/stats.repository.ts
import { sql as sql22 } from "drizzle-orm";
async function countRecords(db) {
  const [row] = await queryRows(
    db,
    sql22`select (select count(*)::int from organizations where archived_at is null) as organizations,
               (select count(*)::int from bodies where archived_at is null) as bodies,
               (select count(*)::int from sessions where archived_at is null) as sessions,
               (select count(*)::int from participations where archived_at is null) as participations,
               (select count(*)::int from agreements where archived_at is null) as agreements,
               (select count(*)::int from follow_ups where archived_at is null) as "followUps"`
  );
  return row;
}

// src/services/dashboard.service.ts
var DUE_SOON_DAYS = 60;
function createDashboardService(db, actor) {
  return {
    async get(today = /* @__PURE__ */ new Date()) {
      requireSignedIn(actor);
      const dueBy = new Date(today.getTime() + DUE_SOON_DAYS * 864e5).toISOString().slice(0, 10);
      const [counts, dueSoon] = await Promise.all([countRecords(db), listAgreements(db, { dueBy }, { page: 1, pageSize: 10 })]);
      return { counts, dueSoon: dueSoon.items };
    }
  };
}

// src/repositories/publication.repository.ts
import { sql as sql23 } from "drizzle-orm";
var reportViewColumns2 = sql23`r.id, r.kind, ${bodyRefJson(sql23`b`)} as body, r.period_from::text as "periodFrom",
  r.period_to::text as "periodTo", r.title, ${isoInstant(sql23`r.published_at`)} as "publishedAt"`;
async function insertPublishedReport(db, values) {
  const [row] = await db.insert(publishedReports).values(values).returning({ id: publishedReports.id });
  return row;
}
async function listPublishedReports(db) {
  return queryRows(
    db,
    sql23`select ${reportViewColumns2} from published_reports r join bodies b on b.id = r.body_id
        where r.archived_at is null order by r.period_to desc, r.published_at desc limit 1000`
  );
}
async function findPublishedReport(db, id2) {
  const [row] = await queryRows(
    db,
    sql23`select ${reportViewColumns2}, r.content, b.acronym as "bodyAcronym" from published_reports r join bodies b on b.id = r.body_id
        where r.id = ${id2} and r.archived_at is null`
  );
  return row;
}
async function isEvidencePublic(db, evidenceId) {
  const [row] = await queryRows(
    db,
    sql23`select exists (select 1 from sessions s where s.minutes_evidence_id = ${evidenceId} and s.published_at is not null)
        or exists (select 1 from follow_up_evidence fe join follow_ups f on f.id = fe.follow_up_id
                     left join agreements a on a.id = f.agreement_id
                     left join participations p on p.id = f.participation_id left join sessions ps on ps.id = p.session_id
                   where fe.evidence_id = ${evidenceId} and f.archived_at is null
                     and (a.published_at is not null or ps.published_at is not null)) as "isPublic"`
  );
  return row?.isPublic ?? false;
}

// src/services/evidence.service.ts
function createEvidenceService(db, actor) {
  return {
    /** Stores an uploaded file after checking its size and that its content is what its name says. */
    async upload(file, data) {
      requireWriter(actor);
      if (file.bytes.length === 0) throw invalidField("file", "El archivo est\xE1 vac\xEDo.");
      if (file.bytes.length > EVIDENCE_MAX_BYTES) throw invalidField("file", "El archivo pasa de 20 MB.");
      const type = detectEvidenceFileType(file.name, file.bytes);
      if (!type) throw invalidField("file", "Solo se aceptan archivos PDF, Word (.docx), Excel (.xlsx), PNG o JPEG.");
      return db.transaction(async (tx) => {
        const { id: id2 } = await insertEvidence(tx, {
          ...data,
          url: null,
          fileName: file.name,
          contentType: type.contentType,
          content: file.bytes,
          byteSize: file.bytes.length
        });
        await auditCreate(tx, actor, "evidence", id2, { ...data, fileName: file.name, byteSize: file.bytes.length });
        return await findEvidenceView(tx, id2);
      });
    },
    /** Internal users get any file; the public only files that support something published. */
    async download(id2) {
      if (actor.kind === "anonymous" && !await isEvidencePublic(db, id2)) requireSignedIn(actor);
      const file = await findEvidenceFile(db, id2);
      if (!file) throw notFound();
      return file;
    }
  };
}

// src/services/history.service.ts
var AUDITED_ENTITIES = [
  "organization",
  "body",
  "session",
  "participation",
  "agreement",
  "follow_up",
  "evidence",
  "membership",
  "focal_point",
  "user",
  "plan",
  "plan_node",
  "indicator",
  "activity",
  "reporting_period",
  "report"
];
function createHistoryService(db, actor) {
  return {
    /** Who changed the record, when, and what each field was before and after. */
    async list(entity, entityId) {
      requireSignedIn(actor);
      return listAuditEntries(db, entity, entityId);
    }
  };
}

// src/services/mechanism-import.service.ts
var zeroCounts = () => ({ sessions: 0, participations: 0, agreements: 0, followUps: 0, organizations: 0 });
var DryRunRollback = class extends Error {
  constructor(created) {
    super("dry run");
    this.created = created;
  }
  created;
};
function countDescribed(report) {
  const sessionKeys = new Set(report.blocks.map((b) => sessionKey(b.session)));
  if (report.approvingAgreement) sessionKeys.add(sessionKey(report.approvingAgreement.session));
  const organizationKeys = new Set(report.blocks.flatMap((b) => b.participants.map((name) => parseOrganizationName(name).key)));
  return {
    sessions: sessionKeys.size,
    participations: report.blocks.length,
    agreements: report.blocks.reduce((n, b) => n + b.agreements.length, report.approvingAgreement ? 1 : 0),
    followUps: report.blocks.filter((b) => b.followUp).length,
    organizations: organizationKeys.size
  };
}
var sessionKey = (s) => `${s.kind}/${s.number ?? 0}/${s.date}`;
var acronymFromCode = (code) => code?.split("/")[0] ?? null;
function createMechanismImportService(db, actor) {
  return {
    /**
     * Imports a participation-mechanism report. Everything is one transaction: a document with errors
     * writes nothing, a dry run is rolled back after counting, and records already present are reused
     * (matched by identity), so importing the same document twice creates nothing new.
     */
    async importText(text7, options) {
      const parsed = parseMechanismReport(text7);
      const base = { warnings: parsed.warnings, diagnostics: parsed.diagnostics, report: parsed.report };
      if (!parsed.report || parsed.diagnostics.length) return { ...base, described: zeroCounts(), created: zeroCounts() };
      const report = parsed.report;
      let created;
      try {
        created = await db.transaction(async (tx) => {
          const counts = await writeReport(tx, actor, report, options.bodyAcronym);
          if (options.dryRun) throw new DryRunRollback(counts);
          return counts;
        });
      } catch (error) {
        if (!(error instanceof DryRunRollback)) throw error;
        created = error.created;
      }
      return { ...base, described: countDescribed(report), created };
    }
  };
}
async function writeReport(db, actor, report, bodyAcronym) {
  const created = zeroCounts();
  const acronym = bodyAcronym || acronymFromCode(report.approvingAgreement?.code);
  let body = (acronym ? await findBodyByAcronym(db, acronym) : void 0) ?? await findBodyByName(db, report.bodyName);
  if (body) requireBodyManager(actor, await findBodyScope(db, body.id));
  else requireAdmin(actor);
  if (!body) {
    const row = await insertBody(db, { kind: "commission", name: report.bodyName, acronym, level: "national", stateCode: null });
    body = { ...row, kind: "commission", level: "national" };
  }
  const bodyId = body.id;
  const sessionIds = /* @__PURE__ */ new Map();
  async function upsertSession(ref, minutes) {
    const key = sessionKey(ref);
    const known = sessionIds.get(key);
    if (known) return known;
    const existing = await findSessionByIdentity(db, bodyId, ref.kind, ref.number, ref.date);
    let id2 = existing?.id;
    if (!id2) {
      id2 = (await insertSession(db, { bodyId, kind: ref.kind, number: ref.number, date: ref.date, modality: null })).id;
      created.sessions++;
    }
    if (minutes && !existing?.minutesEvidenceId) {
      const evidence2 = await insertEvidence(db, { kind: "minutes", title: minutes.title, url: minutes.url });
      await setSessionMinutes(db, id2, evidence2.id);
    }
    sessionIds.set(key, id2);
    return id2;
  }
  const organizationIds = /* @__PURE__ */ new Map();
  async function upsertOrganization(rawName) {
    const { name, acronym: orgAcronym, key } = parseOrganizationName(rawName);
    const known = organizationIds.get(key);
    if (known) return known;
    let id2 = (await findOrganizationByIdentity(db, key, orgAcronym))?.id;
    if (!id2) {
      id2 = (await insertOrganization(db, { name, acronym: orgAcronym, nameKey: key, sector: "civil_society", level: "none", stateCode: null, parentId: null })).id;
      created.organizations++;
    }
    organizationIds.set(key, id2);
    return id2;
  }
  async function upsertAgreement(sessionId, participationId, code, text7, status, states2) {
    const existing = await findAgreementByIdentity(db, sessionId, code, text7);
    if (existing) return existing.id;
    const row = await insertAgreement(db, { sessionId, participationId, code, text: text7, status, dueDate: null });
    await replaceAgreementLinks(db, row.id, [], states2);
    created.agreements++;
    return row.id;
  }
  if (report.approvingAgreement) {
    const { session, code, text: text7 } = report.approvingAgreement;
    const agreementId = await upsertAgreement(await upsertSession(session), null, code, text7, "fulfilled", []);
    if (!body.mechanismAgreementId) await setBodyMechanismAgreement(db, bodyId, agreementId);
  }
  for (const block of report.blocks) {
    const sessionId = await upsertSession(block.session, minutesOf(block, report.minutesUrl));
    const participantIds = [];
    for (const name of block.participants) participantIds.push(await upsertOrganization(name));
    let participationId = (await findParticipationByIdentity(db, sessionId, block.description, participantIds[0]))?.id;
    if (!participationId) {
      participationId = (await insertParticipation(db, sessionId, block.description, [...new Set(participantIds)])).id;
      created.participations++;
    }
    const followUpStates2 = block.followUp?.states ?? [];
    let agreementId = null;
    for (const agreement of block.agreements) {
      const status = block.followUp ? "in_progress" : "pending";
      agreementId = await upsertAgreement(sessionId, participationId, agreement.code, agreement.text, status, followUpStates2);
    }
    if (block.followUp) {
      const owner = { agreementId, participationId: agreementId ? null : participationId };
      if (!await findFollowUpByIdentity(db, owner, block.followUp.text)) {
        await insertFollowUp(db, { ...owner, date: null, text: block.followUp.text }, followUpStates2, []);
        created.followUps++;
      }
    }
  }
  await insertAuditEntry(db, { actor: describeActor(actor), action: "import", entity: "body", entityId: bodyId, changes: { created: [null, created] } });
  return created;
}
function minutesOf(block, minutesUrl) {
  const first = block.evidence[0];
  return first ? { title: first.title, url: first.url ?? minutesUrl } : void 0;
}

// src/repositories/mechanism-report.repository.ts
import { sql as sql24 } from "drizzle-orm";
async function listMechanismBlocks(db, bodyId, from, to) {
  return queryRows(
    db,
    sql24`select
      -- Participants are named as the reports name them: "Red por los Derechos de la Infancia en México (REDIM)".
      (select coalesce(json_agg(o.name || coalesce(' (' || o.acronym || ')', '') order by po.position), '[]'::json) from participation_organizations po
         join organizations o on o.id = po.organization_id where po.participation_id = p.id) as participants,
      json_build_object('kind', s.kind, 'number', s.number, 'date', s.date::text) as session,
      p.description,
      (select coalesce(json_agg(json_build_object('code', a.code, 'text', a.text) order by a.created_at), '[]'::json)
         from agreements a where a.participation_id = p.id and a.archived_at is null) as agreements,
      (select json_build_object('text', f.text, 'states',
                (select coalesce(json_agg(fs.state_code order by fs.position), '[]'::json) from follow_up_states fs where fs.follow_up_id = f.id))
         from follow_ups f
         where f.archived_at is null and (f.participation_id = p.id
           or f.agreement_id in (select a.id from agreements a where a.participation_id = p.id))
         order by f.date nulls last, f.created_at limit 1) as "followUp",
      (select coalesce(json_agg(json_build_object('title', e.title, 'url', e.url)), '[]'::json)
         from evidence e where e.id = s.minutes_evidence_id) as evidence
    from participations p join sessions s on s.id = p.session_id
    where s.body_id = ${bodyId} and s.date between ${from} and ${to} and p.archived_at is null and s.archived_at is null
    order by s.date, s.kind, p.created_at, p.id`
  );
}
async function findMechanismAgreement(db, bodyId) {
  const [row] = await queryRows(
    db,
    sql24`select a.code, a.text, json_build_object('kind', s.kind, 'number', s.number, 'date', s.date::text) as session
        from bodies b join agreements a on a.id = b.mechanism_agreement_id join sessions s on s.id = a.session_id
        where b.id = ${bodyId}`
  );
  return row;
}

// src/reports/mechanism-report.docx.ts
import {
  AlignmentType as AlignmentType2,
  BorderStyle as BorderStyle2,
  Document as Document2,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel as HeadingLevel2,
  Packer as Packer2,
  Paragraph as Paragraph2,
  ShadingType as ShadingType2,
  Table as Table2,
  TableCell as TableCell2,
  TableLayoutType as TableLayoutType2,
  TableRow as TableRow2,
  TextRun as TextRun2,
  WidthType as WidthType2
} from "docx";
var MECHANISM_NAME = "Mecanismo de participaci\xF3n de sociedad civil, academia y sector privado";
var MECHANISM_LABELS = {
  participants: "Participante",
  session: "N\xFAmero, tipo de sesi\xF3n y fecha",
  description: "Acciones en las que la participaci\xF3n fue/es relevante",
  agreements: "Acuerdo adoptado",
  followUp: "Actividades realizadas para el cumplimiento del acuerdo o en seguimiento a lo presentado",
  evidence: "Medios de verificaci\xF3n"
};
var PAGE2 = { width: 12240, height: 15840, margin: 1418 };
var CONTENT_WIDTH2 = PAGE2.width - 2 * PAGE2.margin;
var LABEL_WIDTH = Math.round(CONTENT_WIDTH2 * 0.3);
var COLUMN_WIDTHS = [LABEL_WIDTH, CONTENT_WIDTH2 - LABEL_WIDTH];
var FONT2 = "Arial";
var TEXT_COLOR2 = "1F1F1F";
var BORDER2 = { style: BorderStyle2.SINGLE, size: 4, color: "7F7F7F" };
var TABLE_BORDERS2 = {
  top: BORDER2,
  bottom: BORDER2,
  left: BORDER2,
  right: BORDER2,
  insideHorizontal: BORDER2,
  insideVertical: BORDER2
};
var CELL_MARGINS2 = { top: 60, bottom: 60, left: 100, right: 100 };
var HEADER_SHADING2 = { type: ShadingType2.CLEAR, color: "auto", fill: "D9D9D9" };
var LABEL_SHADING = { type: ShadingType2.CLEAR, color: "auto", fill: "F2F2F2" };
var LABEL_CELL_WIDTH = { size: COLUMN_WIDTHS[0] ?? 0, type: WidthType2.DXA };
var VALUE_CELL_WIDTH = { size: COLUMN_WIDTHS[1] ?? 0, type: WidthType2.DXA };
var TABLE_WIDTH = { size: CONTENT_WIDTH2, type: WidthType2.DXA };
var CELL_STYLE2 = "TableText";
var LABEL_STYLE = "TableLabel";
var XML_ILLEGAL2 = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
async function renderMechanismReportDocx(report) {
  const title = `${REPORT_TITLE_PREFIX} de la ${cleanText(report.bodyName)}`;
  const footnotes = createFootnoteRegistry(report);
  const body = [
    // A letterhead line rather than a heading, so the title stays the document's first heading.
    new Paragraph2({
      children: [new TextRun2({ text: SYSTEM_HEADING, bold: true })],
      alignment: AlignmentType2.CENTER,
      spacing: { after: 240 }
    }),
    new Paragraph2({ text: title, heading: HeadingLevel2.HEADING_1 }),
    createBodyParagraph(describeApproval(report)),
    createBodyParagraph(describePeriod2(report))
  ];
  for (const block of report.blocks) {
    body.push(createBlockTable(block, footnotes), new Paragraph2({}));
  }
  const document = new Document2({
    title,
    subject: MECHANISM_NAME,
    description: report.period ? `Periodo ${formatSpanishPeriod(report.period)}` : void 0,
    creator: "Telar",
    lastModifiedBy: "Telar",
    styles: {
      // Named styles rather than per-paragraph properties: thousands of cells share one definition.
      paragraphStyles: [
        { id: CELL_STYLE2, name: "Texto de tabla", basedOn: "Normal", paragraph: { spacing: { before: 0, after: 0 } } },
        { id: LABEL_STYLE, name: "Etiqueta de tabla", basedOn: CELL_STYLE2, run: { bold: true } }
      ],
      default: {
        document: {
          run: { font: FONT2, size: 22, color: TEXT_COLOR2, language: { value: "es-MX" } },
          paragraph: { spacing: { after: 160, line: 264 } }
        },
        heading1: {
          run: { font: FONT2, size: 26, bold: true, color: TEXT_COLOR2 },
          paragraph: { alignment: AlignmentType2.CENTER, spacing: { before: 120, after: 240 } }
        }
      }
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE2.width, height: PAGE2.height },
            margin: { top: PAGE2.margin, bottom: PAGE2.margin, left: PAGE2.margin, right: PAGE2.margin }
          }
        },
        children: body
      }
    ]
  });
  return Packer2.toBuffer(document);
}
function describeApproval(report) {
  const body = cleanText(report.bodyName);
  const mechanism = `el ${MECHANISM_NAME} de la ${body}`;
  const approval = report.approvingAgreement;
  if (!approval) return `La ${body} cuenta con ${mechanism}.`;
  const agreement = approval.code ? ` mediante el acuerdo ${cleanText(approval.code)}` : "";
  const session = `${formatSessionTitle(approval.session)} realizada el ${formatSpanishDate(approval.session.date)}`;
  return `Con fundamento en el Art\xEDculo Trig\xE9simo Cuarto de los Lineamientos Generales para la Integraci\xF3n, Organizaci\xF3n y Funcionamiento de las Comisiones del Sistema Nacional de Protecci\xF3n Integral de Ni\xF1as, Ni\xF1os y Adolescentes, que permite a las Comisiones establecer mecanismos de colaboraci\xF3n, coordinaci\xF3n y comunicaci\xF3n con organizaciones de la sociedad civil, la academia, el sector privado y personas externas al Sistema Nacional para intercambiar informaci\xF3n, experiencias y pr\xE1cticas que fortalezcan sus resultados, la ${body} aprob\xF3${agreement}, en el marco de la ${session}, ${mechanism}.`;
}
function describePeriod2(report) {
  const during = report.period ? ` durante el periodo ${formatSpanishPeriod(report.period)}` : "";
  if (report.blocks.length === 0) {
    return `No se registraron participaciones en el marco del mecanismo${during}.`;
  }
  return `A partir de su aprobaci\xF3n, el mecanismo se ha implementado en las sesiones de la ${cleanText(report.bodyName)}. A continuaci\xF3n se presenta el reporte de lo realizado${during}:`;
}
function createFootnoteRegistry(report) {
  const cited = /* @__PURE__ */ new Set();
  const minutesNote = `Actas de las sesiones de la ${cleanText(report.bodyName)}. Disponibles en: `;
  return (evidence2) => {
    const address = evidence2.url ?? report.minutesUrl;
    if (!address || cited.has(address)) return null;
    cited.add(address);
    const note = address === report.minutesUrl ? minutesNote : `${cleanText(evidence2.title)}. Disponible en: `;
    return new FootnoteReferenceRun({
      children: [new Paragraph2({ style: "FootnoteText", children: [new TextRun2(note), createLink(address)] })]
    });
  };
}
function createLink(address) {
  const text7 = cleanText(address);
  if (!URL.canParse(address)) return new TextRun2(text7);
  return new ExternalHyperlink({ link: new URL(address).href, children: [new TextRun2({ text: text7, style: "Hyperlink" })] });
}
function createBlockTable(block, cite) {
  const session = `${formatSessionTitle(block.session)}, ${formatSpanishDate(block.session.date)}`;
  const agreements2 = block.agreements.map(
    ({ code, text: text7 }) => code && !text7.includes(code) ? `${code}: ${text7}` : text7
  );
  const evidence2 = block.evidence.map((item) => {
    const note = cite(item);
    const title = new TextRun2(cleanText(item.title));
    return note ? [title, note] : [title];
  });
  return new Table2({
    width: TABLE_WIDTH,
    columnWidths: COLUMN_WIDTHS,
    layout: TableLayoutType2.FIXED,
    borders: TABLE_BORDERS2,
    margins: CELL_MARGINS2,
    rows: [
      createRow(MECHANISM_LABELS.participants, [block.participants.join("; ")], true),
      createRow(MECHANISM_LABELS.session, [session]),
      createRow(MECHANISM_LABELS.description, [block.description]),
      createRow(MECHANISM_LABELS.agreements, agreements2),
      createRow(MECHANISM_LABELS.followUp, block.followUp ? [block.followUp.text] : []),
      createRow(MECHANISM_LABELS.evidence, evidence2, false, true)
    ]
  });
}
function createRow(label, values, isHeader = false, isLast = false) {
  const paragraphs = values.flatMap(
    (value) => typeof value === "string" ? splitLines3(value).map((line) => createCellParagraph([new TextRun2(line)])) : [createCellParagraph(value)]
  );
  return new TableRow2({
    tableHeader: isHeader,
    // Keeps the six rows of a block on one page when they fit.
    keepNext: !isLast,
    children: [
      new TableCell2({
        width: LABEL_CELL_WIDTH,
        shading: isHeader ? HEADER_SHADING2 : LABEL_SHADING,
        children: [new Paragraph2({ text: `${label}:`, style: LABEL_STYLE })]
      }),
      new TableCell2({
        width: VALUE_CELL_WIDTH,
        shading: isHeader ? HEADER_SHADING2 : void 0,
        children: paragraphs.length ? paragraphs : [createCellParagraph([new TextRun2(NOT_APPLICABLE)])]
      })
    ]
  });
}
function createCellParagraph(children) {
  return new Paragraph2({ children, style: CELL_STYLE2 });
}
function createBodyParagraph(text7) {
  return new Paragraph2({ children: [new TextRun2(text7)], alignment: AlignmentType2.JUSTIFIED });
}
function formatSpanishPeriod(period) {
  return `del ${formatSpanishDate(period.from)} al ${formatSpanishDate(period.to)}`;
}
function splitLines3(text7) {
  return cleanText(text7).split(/\r\n?|\n/).map((line) => line.trim()).filter((line) => line.length > 0);
}
function cleanText(text7) {
  return text7.replace(XML_ILLEGAL2, "");
}

// src/services/mechanism-report.service.ts
async function renderMechanismReportFile(report, bodyAcronym, format) {
  const period = report.period ? `-${report.period.from}-${report.period.to}` : "";
  const fileStem = `informe-mecanismo-${(bodyAcronym ?? "organo").toLowerCase()}${period}`;
  if (format === "json") return { body: JSON.stringify(report, null, 2), contentType: "application/json", fileName: `${fileStem}.json` };
  if (format === "md") return { body: renderMechanismReportMarkdown(report), contentType: "text/markdown; charset=utf-8", fileName: `${fileStem}.md` };
  return {
    body: await renderMechanismReportDocx(report),
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    fileName: `${fileStem}.docx`
  };
}
function createMechanismReportService(db, actor) {
  async function findTargetBody(selector) {
    const body = selector.id ? await findBody(db, selector.id) : await findBodyByAcronym(db, selector.acronym ?? "");
    if (!body) throw notFound();
    return body;
  }
  async function build(body, from, to) {
    const [blocks, approvingAgreement] = await Promise.all([listMechanismBlocks(db, body.id, from, to), findMechanismAgreement(db, body.id)]);
    const minutesUrl = blocks.flatMap((b) => b.evidence).find((e) => e.url)?.url ?? null;
    return { bodyName: body.name, approvingAgreement: approvingAgreement ?? null, period: { from, to }, minutesUrl, blocks };
  }
  return {
    /** The report of a body (by id or acronym) for a period, in the requested format. */
    async generate(bodySelector, from, to, format) {
      requireSignedIn(actor);
      const body = await findTargetBody(bodySelector);
      const report = await build(body, from, to);
      return { report, ...await renderMechanismReportFile(report, body.acronym, format) };
    },
    /** Freezes the report as it is now and puts it on the public portal. */
    async publish(bodyId, from, to) {
      requireBodyManager(actor, await findBodyScope(db, bodyId));
      const body = await findTargetBody({ id: bodyId });
      const report = await build(body, from, to);
      const title = `Informe del Mecanismo de participaci\xF3n \u2014 ${body.acronym ?? body.name} (${from} a ${to})`;
      return db.transaction(async (tx) => {
        const { id: id2 } = await insertPublishedReport(tx, { kind: "mechanism", bodyId, periodFrom: from, periodTo: to, title, content: report });
        await auditCreate(tx, actor, "published_report", id2, { bodyId, from, to, blocks: report.blocks.length });
        return { id: id2, title };
      });
    }
  };
}

// src/services/membership.service.ts
function createMembershipService(db, actor) {
  return {
    async create(data) {
      requireBodyManager(actor, await findBodyScope(db, data.bodyId));
      return db.transaction(async (tx) => {
        if (!await findBody(tx, data.bodyId)) throw invalidField("bodyId", "El \xF3rgano no existe.");
        if (!await findOrganization(tx, data.organizationId)) throw invalidField("organizationId", "La organizaci\xF3n no existe.");
        const { id: id2 } = await insertMembership(tx, data);
        await auditCreate(tx, actor, "membership", id2, data);
        return await findMembershipView(tx, id2);
      });
    },
    async addFocalPoint({ person, membershipId, ...term }) {
      requireBodyManagerOrEnlace(actor, await findMembershipScope(db, membershipId));
      return db.transaction(async (tx) => {
        const membership = await findMembershipView(tx, membershipId);
        if (!membership) throw invalidField("membershipId", "La integraci\xF3n no existe.");
        const personId = (await insertPerson(tx, { ...person, organizationId: membership.organization.id })).id;
        const { id: id2 } = await insertFocalPoint(tx, { membershipId, personId, ...term });
        await auditCreate(tx, actor, "focal_point", id2, { membershipId, ...term, person: person.name });
        return await findMembershipView(tx, membershipId);
      });
    }
  };
}

// src/services/indicator.service.ts
function validateValues(indicator, values) {
  const issues = [];
  const seen = /* @__PURE__ */ new Set();
  values.forEach((value, i) => {
    if (!periodMatches(indicator.periodicity, value.period)) {
      issues.push({ path: `values.${i}.period`, message: `El periodo ${value.period} no corresponde a la periodicidad del indicador.` });
    }
    const dimension = value.disaggregation.split("=")[0];
    if (value.disaggregation && !indicator.disaggregations.includes(dimension)) {
      issues.push({ path: `values.${i}.disaggregation`, message: "El indicador no se desglosa de esa forma." });
    }
    const cell = `${value.period}|${value.stateCode ?? ""}|${value.disaggregation}`;
    if (seen.has(cell)) issues.push({ path: `values.${i}`, message: "Valor repetido para el mismo periodo, entidad y desglose." });
    seen.add(cell);
  });
  if (issues.length) throw new AppError(422, "validation", issues);
}
var cellLabel = (v) => [v.period, v.stateCode ?? "nacional", v.disaggregation].filter(Boolean).join(" \xB7 ");
function createIndicatorService(db, actor) {
  const read = async (id2) => {
    const [view, row] = await Promise.all([findIndicatorView(db, id2), findIndicator(db, id2)]);
    if (!view || !row) throw notFound();
    return { ...view, progress: indicatorProgress(view.baseline, view.target, view.latest?.value ?? null), values: await listIndicatorValues(db, row) };
  };
  return {
    async get(id2) {
      requireSignedIn(actor);
      return read(id2);
    },
    async create(data) {
      requireBodyManager(actor, await findPlanNodeScope(db, data.planNodeId));
      const id2 = await db.transaction(async (tx) => {
        if (data.baseIndicatorId) {
          const base = await findIndicator(tx, data.baseIndicatorId);
          if (!base) throw invalidField("baseIndicatorId", "El indicador base no existe.");
          if (base.formula) throw invalidField("baseIndicatorId", "Un indicador calculado no puede calcularse de otro calculado.");
        }
        const row = await insertIndicator(tx, data);
        await auditCreate(tx, actor, "indicator", row.id, data);
        return row.id;
      });
      return read(id2);
    },
    /**
     * Writes values by period × state × breakdown (a value already there is replaced), audited with
     * what each cell held before. Filed in a report, the report's rules apply; otherwise the plan's secretariat writes.
     */
    async writeValues(id2, { values, reportId }) {
      const indicator = await findIndicator(db, id2);
      if (!indicator) throw notFound();
      const node = await findPlanNode(db, indicator.planNodeId);
      if (reportId) {
        const report = await requireEditableReport(db, actor, reportId);
        if (report.planId !== node.planId) throw invalidField("reportId", "El reporte es de otro plan.");
      } else requireBodyManager(actor, await findPlanNodeScope(db, indicator.planNodeId));
      if (indicator.formula) throw invalidField("values", "Este indicador se calcula de otro; registre los valores en el indicador base.");
      validateValues(indicator, values);
      await db.transaction(async (tx) => {
        const before = new Map((await findValuesAt(tx, id2, values)).map((v) => [cellLabel(v), v.value]));
        await upsertIndicatorValues(
          tx,
          values.map((v) => ({ indicatorId: id2, ...v, periodStart: periodStart(v.period), reportId }))
        );
        const changes = Object.fromEntries(values.map((v) => [cellLabel(v), [before.get(cellLabel(v)) ?? null, v.value]]));
        await insertAuditEntry(tx, { actor: describeActor(actor), action: "update", entity: "indicator", entityId: id2, changes });
      });
      return read(id2);
    }
  };
}

// src/services/organization.service.ts
function createOrganizationService(db, actor) {
  const lifecycle = createLifecycle(db, actor, { entity: "organization", table: organizations, authorize: async () => requireAdmin(actor) });
  return {
    archive: lifecycle.archive,
    restore: lifecycle.restore,
    async list(filter, page2) {
      requireSignedIn(actor);
      return { ...await listOrganizations(db, filter, page2), ...page2 };
    },
    async get(id2) {
      requireSignedIn(actor);
      const organization = await findOrganizationView(db, id2);
      if (!organization) throw notFound();
      const [participations2, agreements2] = await Promise.all([
        listParticipationsOfOrganization(db, id2),
        listAgreements(db, { organizationId: id2 }, { page: 1, pageSize: 200 })
      ]);
      return { ...organization, participations: participations2, agreements: agreements2.items };
    },
    async create(data) {
      requireAnySecretariat(actor);
      const { key } = parseOrganizationName(data.name);
      return db.transaction(async (tx) => {
        if (await findOrganizationByIdentity(tx, key, data.acronym)) {
          throw new AppError(409, "duplicate", [{ path: "name", message: "Ya existe una organizaci\xF3n con ese nombre o siglas." }]);
        }
        const row = await insertOrganization(tx, { ...data, nameKey: key });
        await auditCreate(tx, actor, "organization", row.id, data);
        return await findOrganizationView(tx, row.id);
      });
    },
    async update(id2, { version, ...data }) {
      requireOrganizationEditor(actor, id2);
      if (data.parentId && (await findOrganizationAncestorIds(db, data.parentId)).includes(id2)) {
        throw invalidField("parentId", "Una organizaci\xF3n no puede depender de s\xED misma ni de una organizaci\xF3n que depende de ella.");
      }
      return db.transaction(async (tx) => {
        const nameKey = data.name ? parseOrganizationName(data.name).key : void 0;
        const values = { ...data, nameKey };
        await writeVersionedUpdate(tx, actor, { entity: "organization", id: id2, version, values, find: findOrganization, write: updateOrganization });
        return await findOrganizationView(tx, id2);
      });
    }
  };
}

// src/services/public.service.ts
var OPEN_DATA_MAX_ROWS = 1e5;
var everything = { page: 1, pageSize: OPEN_DATA_MAX_ROWS };
var sessionColumns = [
  { header: "id", value: (s) => s.id },
  { header: "organo", value: (s) => s.body.name },
  { header: "siglas_organo", value: (s) => s.body.acronym },
  { header: "tipo", value: (s) => s.kind },
  { header: "numero", value: (s) => s.number },
  { header: "fecha", value: (s) => s.date },
  { header: "participaciones", value: (s) => s.participationCount },
  { header: "acuerdos", value: (s) => s.agreementCount },
  { header: "acta", value: (s) => s.minutes?.url }
];
var agreementColumns = [
  { header: "id", value: (a) => a.id },
  { header: "clave", value: (a) => a.code },
  { header: "organo", value: (a) => a.session.body.name },
  { header: "fecha_sesion", value: (a) => a.session.date },
  { header: "texto", value: (a) => a.text },
  { header: "estado", value: (a) => a.status },
  { header: "fecha_limite", value: (a) => a.dueDate },
  { header: "entidades_iso_3166_2", value: (a) => a.stateCodes.join(";") },
  { header: "responsables", value: (a) => a.responsibleOrganizations.map((o) => o.name).join(";") }
];
function createPublicService(db) {
  const listPublishedSessions = (filter, page2) => listSessions(db, { ...filter, isPublished: true }, page2);
  const listPublishedAgreements = (filter, page2) => listAgreements(db, { ...filter, isPublished: true }, page2);
  return {
    listBodies: async (page2) => ({ ...await listBodies(db, {}, page2), ...page2 }),
    listSessions: async (filter, page2) => ({ ...await listPublishedSessions(filter, page2), ...page2 }),
    listAgreements: async (filter, page2) => ({ ...await listPublishedAgreements(filter, page2), ...page2 }),
    async getSession(id2) {
      const session = await findSessionView(db, id2);
      if (!session?.publishedAt) throw notFound();
      const [participations2, agreements2] = await Promise.all([listParticipationsOfSession(db, id2), listAgreementsOfSession(db, id2)]);
      const followUps2 = await listFollowUps(db, { participationIds: participations2.map((p) => p.id) });
      return {
        ...session,
        participations: participations2.map((p) => ({ ...p, followUps: followUps2.filter((f) => f.participationId === p.id) })),
        agreements: agreements2.filter((a) => a.publishedAt)
      };
    },
    async getAgreement(id2) {
      const agreement = await findAgreementView(db, id2);
      if (!agreement?.publishedAt) throw notFound();
      return { ...agreement, followUps: await listFollowUps(db, { agreementId: id2 }) };
    },
    listReports: () => listPublishedReports(db),
    async getReportFile(id2, format) {
      const report = await findPublishedReport(db, id2);
      if (!report) throw notFound();
      return renderMechanismReportFile(report.content, report.bodyAcronym, format);
    },
    listPlans: async (page2) => ({ ...await listPlans(db, { isPublished: true }, page2), ...page2 }),
    /** A published plan; links to agreements are left out, since an agreement may not be published. */
    async getPlan(id2) {
      const plan = await readPlanDetail(db, id2, true);
      if (!plan) throw notFound();
      const withoutAgreements = (nodes) => nodes.map((n) => ({ ...n, agreements: [], children: withoutAgreements(n.children) }));
      return { ...plan, nodes: withoutAgreements(plan.nodes) };
    },
    /** Activity totals are aggregates of validated records: public without publishing each activity. */
    activityDashboard: (filter) => readActivityDashboard(db, filter),
    async dashboardTable(filter, table, format) {
      return renderTableFile(await readDashboardTable(db, filter, table), format, `telar-actividades-${table}`);
    },
    /** A published list as open data: CSV for spreadsheets, or the full JSON rows. */
    async exportOpenData(kind, format) {
      const rows = kind === "sessions" ? (await listPublishedSessions({}, everything)).items : (await listPublishedAgreements({}, everything)).items;
      if (format === "json") return { body: JSON.stringify(rows), contentType: "application/json", fileName: `telar-${kind}.json` };
      const csv = kind === "sessions" ? writeCsv(rows, sessionColumns) : writeCsv(rows, agreementColumns);
      return { body: csv, contentType: "text/csv; charset=utf-8", fileName: `telar-${kind}.csv` };
    }
  };
}

// src/services/reporting.service.ts
function createReportingService(db, actor) {
  const roles = actor.kind === "user" ? actor.roles : [];
  const isAdmin2 = actor.kind === "system" || roles.some((r) => r.role === "admin");
  const readReport = async (id2) => {
    const report = await findReportView(db, id2);
    if (!report) throw notFound();
    return report;
  };
  const changeStatus = async (id2, version, action, values) => {
    await db.transaction(async (tx) => {
      const activityIds = await listActivityIdsOfReport(tx, id2);
      await applyActivityTotals(tx, activityIds, -1);
      await writeVersionedUpdate(tx, actor, { entity: "report", id: id2, version, values, action, find: findReport, write: (t, rowId, v) => updateReport(t, rowId, v, values) });
      await applyActivityTotals(tx, activityIds, 1);
    });
    return readReport(id2);
  };
  return {
    async listPeriods(filter, page2) {
      requireSignedIn(actor);
      return { ...await listReportingPeriods(db, filter, page2), ...page2 };
    },
    async getPeriod(id2) {
      requireSignedIn(actor);
      const period = await findReportingPeriodView(db, id2);
      if (!period) throw notFound();
      const { items } = await listReports(db, { reportingPeriodId: id2 }, { page: 1, pageSize: 5e3 });
      return { ...period, reports: items };
    },
    async openPeriod({ organizationIds, ...data }) {
      requireBodyManager(actor, await findPlanScope(db, data.planId));
      const id2 = await db.transaction(async (tx) => {
        const owing = organizationIds ?? await listResponsibleOrganizationIds(tx, data.planId);
        if (!owing.length) throw invalidField("organizationIds", "El plan no tiene organizaciones responsables: indique qu\xE9 organizaciones deben reportar.");
        await requireExisting(tx, "organizations", owing, "organizationIds", "Una de las organizaciones no existe.");
        const period = await insertReportingPeriod(tx, data);
        await insertReports(tx, period.id, [...new Set(owing)]);
        await auditCreate(tx, actor, "reporting_period", period.id, { ...data, organizationIds: owing });
        return period.id;
      });
      return this.getPeriod(id2);
    },
    async closePeriod(id2, version) {
      const period = await findReportingPeriod(db, id2);
      if (!period) throw notFound();
      requireBodyManager(actor, await findPlanScope(db, period.planId));
      await db.transaction(
        (tx) => writeVersionedUpdate(tx, actor, {
          entity: "reporting_period",
          id: id2,
          version,
          action: "close",
          values: { closedAt: (/* @__PURE__ */ new Date()).toISOString() },
          find: findReportingPeriod,
          write: (t, rowId, v, values) => updateReportingPeriod(t, rowId, v, values)
        })
      );
    },
    async listReports({ mine, organizationId, ...filter }, page2) {
      requireSignedIn(actor);
      if (!mine) return { ...await listReports(db, { ...filter, organizationIds: organizationId ? [organizationId] : void 0 }, page2), ...page2 };
      const owed = roles.flatMap((r) => r.role === "enlace" && r.organizationId ? [r.organizationId] : []);
      const reviewed = roles.flatMap((r) => r.role === "secretariat" && r.bodyId ? [r.bodyId] : []);
      return { ...await listReports(db, { ...filter, mine: { organizationIds: owed, bodyIds: isAdmin2 ? "all" : reviewed } }, page2), ...page2 };
    },
    async getReport(id2) {
      requireSignedIn(actor);
      const report = await readReport(id2);
      const [{ items: activities2 }, indicatorValues2, nodeStatuses, responsibleNodes] = await Promise.all([
        listActivities(db, { reportId: id2 }, { page: 1, pageSize: 500 }),
        listValuesOfReport(db, id2),
        listStatusChangesOfReport(db, id2),
        listNodesOfOrganization(db, report.organization.id, report.plan.id)
      ]);
      return { ...report, activities: activities2, indicatorValues: indicatorValues2, nodeStatuses, responsibleNodes: responsibleNodes.map(({ id: id3, planId, code, title }) => ({ id: id3, planId, code, title })) };
    },
    async submit(id2, version) {
      await requireEditableReport(db, actor, id2, "id");
      return changeStatus(id2, version, "submit", { status: "submitted", submittedAt: (/* @__PURE__ */ new Date()).toISOString() });
    },
    async review(id2, { decision, comment, version }) {
      const report = await findReportFacts(db, id2);
      if (!report) throw notFound();
      requireBodyManager(actor, await findReportScope(db, id2));
      if (report.status !== "submitted") throw new AppError(409, "report_not_submitted");
      const status = decision === "accept" ? "accepted" : "sent_back";
      return changeStatus(id2, version, decision, { status, reviewComment: comment, reviewedAt: (/* @__PURE__ */ new Date()).toISOString() });
    },
    /** An organisation reports the status of a node it is responsible for; the node's history keeps it with the report. */
    async reportNodeStatus(id2, input) {
      const report = await requireEditableReport(db, actor, id2, "id");
      await db.transaction(async (tx) => {
        const node = await findPlanNode(tx, input.planNodeId);
        if (!node || node.planId !== report.planId || node.archivedAt) throw invalidField("planNodeId", "La l\xEDnea no pertenece al plan de este reporte.");
        const responsible = (await listNodesOfOrganization(tx, report.organizationId, report.planId)).some((n) => n.id === node.id);
        if (!responsible) throw invalidField("planNodeId", "La organizaci\xF3n no es responsable de esta l\xEDnea del plan.");
        const statuses = (await findPlan(tx, report.planId)).statuses;
        if (!statuses.some((s) => s.key === input.status)) throw invalidField("status", "Estado no v\xE1lido para este plan.");
        if (!await updatePlanNode(tx, node.id, node.version, { status: input.status, progress: input.progress })) throw staleVersion();
        await recordStatusChange(tx, actor, node, input, { comment: input.comment, reportId: id2 });
        await insertAuditEntry(tx, {
          actor: describeActor(actor),
          action: "update",
          entity: "plan_node",
          entityId: node.id,
          changes: { status: [node.status, input.status], progress: [node.progress, input.progress], reportId: [null, id2] }
        });
      });
      return this.getReport(id2);
    }
  };
}

// src/services/session.service.ts
function createSessionService(db, actor) {
  const lifecycle = createLifecycle(db, actor, { entity: "session", table: sessions, authorize: async (id2) => requireBodyManager(actor, await findSessionScope(db, id2)) });
  return {
    ...lifecycle,
    async list(filter, page2) {
      requireSignedIn(actor);
      return { ...await listSessions(db, filter, page2), ...page2 };
    },
    async get(id2) {
      requireSignedIn(actor);
      const session = await findSessionView(db, id2);
      if (!session) throw notFound();
      const [participations2, agreements2] = await Promise.all([listParticipationsOfSession(db, id2), listAgreementsOfSession(db, id2)]);
      const followUps2 = await listFollowUps(db, { participationIds: participations2.map((p) => p.id) });
      return {
        ...session,
        participations: participations2.map((p) => ({ ...p, followUps: followUps2.filter((f) => f.participationId === p.id) })),
        agreements: agreements2
      };
    },
    async create({ minutes, ...data }) {
      requireBodyManager(actor, await findBodyScope(db, data.bodyId));
      return db.transaction(async (tx) => {
        if (!await findBody(tx, data.bodyId)) throw invalidField("bodyId", "El \xF3rgano no existe.");
        const minutesEvidenceId = minutes ? (await insertEvidence(tx, { kind: "minutes", ...minutes })).id : null;
        const row = await insertSession(tx, { ...data, minutesEvidenceId });
        await auditCreate(tx, actor, "session", row.id, { ...data, minutes });
        return await findSessionView(tx, row.id);
      });
    },
    async update(id2, { version, ...values }) {
      requireBodyManager(actor, await findSessionScope(db, id2));
      const findNumberedSession = async (tx, rowId) => {
        const before = await findSession(tx, rowId);
        const number = values.number === void 0 ? before?.number : values.number;
        if (before && (values.kind ?? before.kind) !== "permanent" && number == null) throw invalidField("number", "Indique el n\xFAmero de la sesi\xF3n.");
        return before;
      };
      return db.transaction(async (tx) => {
        await writeVersionedUpdate(tx, actor, { entity: "session", id: id2, version, values, find: findNumberedSession, write: updateSession });
        return await findSessionView(tx, id2);
      });
    },
    async addParticipation(data) {
      requireBodyManager(actor, await findSessionScope(db, data.sessionId));
      return db.transaction(async (tx) => {
        if (!await findSession(tx, data.sessionId)) throw invalidField("sessionId", "La sesi\xF3n no existe.");
        const row = await insertParticipation(tx, data.sessionId, data.description, [...new Set(data.organizationIds)]);
        await auditCreate(tx, actor, "participation", row.id, data);
        return await findParticipationView(tx, row.id);
      });
    },
    async updateParticipation(id2, { version, organizationIds, ...values }) {
      requireBodyManager(actor, await findParticipationScope(db, id2));
      return db.transaction(async (tx) => {
        const update = { entity: "participation", id: id2, version, values: { ...values, organizationIds }, find: findParticipation };
        await writeVersionedUpdate(tx, actor, {
          ...update,
          write: async (t, rowId, v) => {
            const row = await updateParticipation(t, rowId, v, values);
            if (row && organizationIds) await replaceParticipationOrganizations(t, rowId, [...new Set(organizationIds)]);
            return row;
          }
        });
        return await findParticipationView(tx, id2);
      });
    }
  };
}

// src/services/index.ts
function createServices(db, actor) {
  return {
    organizations: createOrganizationService(db, actor),
    bodies: createBodyService(db, actor),
    memberships: createMembershipService(db, actor),
    sessions: createSessionService(db, actor),
    agreements: createAgreementService(db, actor),
    evidence: createEvidenceService(db, actor),
    dashboard: createDashboardService(db, actor),
    history: createHistoryService(db, actor),
    catalogue: { listStates: () => listStates(db) },
    public: createPublicService(db),
    mechanismImport: createMechanismImportService(db, actor),
    mechanismReport: createMechanismReportService(db, actor),
    plans: createPlanService(db, actor),
    indicators: createIndicatorService(db, actor),
    activities: createActivityService(db, actor),
    reporting: createReportingService(db, actor),
    activityDashboard: createActivityDashboardService(db, actor)
  };
}

// src/http/authenticate.ts
var SESSION_COOKIE = "telar_session";
var CSRF_HEADER = "x-csrf-token";
var SAFE_METHODS = /* @__PURE__ */ new Set(["GET", "HEAD", "OPTIONS"]);
function authenticate(db, auth) {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const { actor, csrfToken, me } = await auth.resolveSession(token);
    const needsCsrf = actor.kind === "user" && !SAFE_METHODS.has(c.req.method) && c.req.path !== "/api/auth/login";
    if (needsCsrf && c.req.header(CSRF_HEADER) !== csrfToken) {
      throw new AppError(403, "csrf");
    }
    c.set("actor", actor);
    c.set("me", me);
    c.set("sessionToken", actor.kind === "user" ? token : void 0);
    c.set("services", createServices(db, actor));
    await next();
  };
}

// src/http/error-handler.ts
import { HTTPException } from "hono/http-exception";
var clientErrorByPgCode = {
  "23505": new AppError(409, "duplicate"),
  "23503": new AppError(422, "unknown_reference")
};
function handleError(error, c) {
  const known = error instanceof AppError ? error : clientErrorByPgCode[findPgCode(error) ?? ""];
  if (known) {
    const body = { error: { code: known.code, message: known.message, issues: known.issues } };
    return c.json(body, known.status);
  }
  if (error instanceof HTTPException && error.status < 500) {
    const code = error.status === 413 ? "payload_too_large" : "validation";
    return c.json({ error: { code, message: apiMessages[code] } }, error.status);
  }
  console.error(`[${c.get("requestId") ?? "-"}]`, error);
  return c.json({ error: { code: "internal", message: apiMessages.internal } }, 500);
}

// src/http/validation.ts
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z as z7 } from "zod";
z7.config(z7.locales.es());
function createRouter() {
  return new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return;
      const issues = result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
      return c.json({ error: { code: "validation", message: apiMessages.validation, issues } }, 422);
    }
  });
}
var jsonResponse = (description, schema = z7.looseObject({})) => ({
  description,
  content: { "application/json": { schema } }
});
var errorResponses = {
  404: jsonResponse("No encontrado"),
  409: jsonResponse("Versi\xF3n vencida o duplicado"),
  422: jsonResponse("Datos no v\xE1lidos, con un mensaje por campo")
};
var IdParamsSchema = z7.object({ id: z7.string().uuid({ message: "Identificador no v\xE1lido." }) });
function jsonCreateRoute(config) {
  return createRoute({
    method: "post",
    path: config.path,
    tags: [config.tag],
    request: { body: { content: { "application/json": { schema: config.schema } }, required: true } },
    responses: { 201: jsonResponse(config.description), ...errorResponses }
  });
}

// src/routes/activity.routes.ts
import { createRoute as createRoute3 } from "@hono/zod-openapi";
import { z as z8 } from "zod";

// src/http/download.ts
function sendDownload(c, file, isPublic = false) {
  return c.body(file.body, 200, {
    "Content-Type": file.contentType,
    "Content-Disposition": `attachment; filename="${file.fileName}"`,
    "Cache-Control": isPublic ? "public, max-age=60" : "private, no-store"
  });
}

// src/routes/crud.ts
import { createRoute as createRoute2 } from "@hono/zod-openapi";
var LIFECYCLE_ACTIONS = {
  archive: "Archivar (sale de las listas; no se borra)",
  close: "Cerrar (ya no se reciben reportes)",
  restore: "Restaurar un registro archivado",
  publish: "Publicar en el portal p\xFAblico",
  unpublish: "Retirar del portal p\xFAblico"
};
function registerCrudRoutes(router, definition) {
  const { path, tag: tag5 } = definition;
  const service = (c) => definition.service(c.var.services);
  const listQuery = PageQuerySchema.extend(definition.filters.shape);
  router.openapi(
    createRoute2({ method: "get", path, tags: [tag5], request: { query: listQuery }, responses: { 200: jsonResponse("P\xE1gina de resultados"), ...errorResponses } }),
    async (c) => {
      const { page: page2, pageSize, ...filter } = c.req.valid("query");
      return c.json(await service(c).list(filter, { page: page2, pageSize }), 200);
    }
  );
  router.openapi(
    createRoute2({ method: "get", path: `${path}/{id}`, tags: [tag5], request: { params: IdParamsSchema }, responses: { 200: jsonResponse("Detalle"), ...errorResponses } }),
    async (c) => c.json(await service(c).get(c.req.valid("param").id), 200)
  );
  router.openapi(
    jsonCreateRoute({ path, tag: tag5, schema: definition.createSchema, description: "Creado" }),
    async (c) => c.json(await service(c).create(c.req.valid("json")), 201)
  );
  router.openapi(
    createRoute2({
      method: "patch",
      path: `${path}/{id}`,
      tags: [tag5],
      request: { params: IdParamsSchema, body: { content: { "application/json": { schema: definition.updateSchema } }, required: true } },
      responses: { 200: jsonResponse("Actualizado"), ...errorResponses }
    }),
    async (c) => c.json(await service(c).update(c.req.valid("param").id, c.req.valid("json")), 200)
  );
  const actions = definition.isPublishable ? ["archive", "restore", "publish", "unpublish"] : ["archive", "restore"];
  registerLifecycleRoutes(router, { path, tag: tag5, actions, service: (c) => service(c) });
}
function registerLifecycleRoutes(router, definition) {
  for (const action of definition.actions) {
    router.openapi(
      createRoute2({
        method: "post",
        path: `${definition.path}/{id}/${action}`,
        tags: [definition.tag],
        summary: LIFECYCLE_ACTIONS[action],
        request: { params: IdParamsSchema, body: { content: { "application/json": { schema: VersionOnlySchema } }, required: true } },
        responses: { 204: { description: LIFECYCLE_ACTIONS[action] }, ...errorResponses }
      }),
      async (c) => {
        await definition.service(c)[action](c.req.valid("param").id, c.req.valid("json").version);
        return c.body(null, 204);
      }
    );
  }
}

// src/routes/activity.routes.ts
var tag = "Actividades y tableros";
var ActivityFilterSchema = z8.object({
  kind: z8.enum(ACTIVITY_KINDS).optional(),
  stateCode: StateCodeSchema.optional(),
  organizationId: IdSchema.optional(),
  planId: IdSchema.optional(),
  planNodeId: IdSchema.optional(),
  reportId: IdSchema.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  q: z8.string().trim().max(200).optional()
});
var DashboardTableQuerySchema = DashboardFilterSchema.extend({
  table: z8.enum(DASHBOARD_TABLES),
  format: z8.enum(["csv", "xlsx"]).default("csv")
});
function registerActivityRoutes(router) {
  router.openapi(
    createRoute3({
      method: "get",
      path: "/activities/export",
      tags: [tag],
      request: { query: ActivityFilterSchema.extend({ format: z8.enum(["csv", "xlsx", "json"]).default("csv") }) },
      responses: { 200: { description: "Las actividades que cumplen el filtro, en CSV, Excel o JSON" }, ...errorResponses }
    }),
    async (c) => {
      const { format, ...filter } = c.req.valid("query");
      const activities2 = await c.var.services.activities.listAll(filter);
      if (format === "json") return c.json(activities2.map(toActivityJson), 200, { "Content-Disposition": 'attachment; filename="telar-actividades.json"' });
      const table = { title: "Actividades", columns: [...ACTIVITY_EXPORT_COLUMNS], rows: activities2.map(toActivityExportRow) };
      return sendDownload(c, await renderTableFile(table, format, "telar-actividades"));
    }
  );
  registerCrudRoutes(router, {
    path: "/activities",
    tag,
    filters: ActivityFilterSchema.omit({ q: true }),
    createSchema: ActivityCreateSchema,
    updateSchema: ActivityUpdateSchema,
    service: (s) => s.activities
  });
  router.openapi(
    createRoute3({
      method: "get",
      path: "/dashboards/activities",
      tags: [tag],
      summary: "Actividades validadas: totales, por entidad (con tasas por 100 000 habitantes), por a\xF1o y por tipo",
      request: { query: DashboardFilterSchema },
      responses: { 200: jsonResponse("Tablero de actividades"), ...errorResponses }
    }),
    async (c) => c.json(await c.var.services.activityDashboard.activities(c.req.valid("query")), 200)
  );
  router.openapi(
    createRoute3({
      method: "get",
      path: "/dashboards/activities/table",
      tags: [tag],
      request: { query: DashboardTableQuerySchema },
      responses: { 200: { description: "La tabla de una gr\xE1fica del tablero, en CSV o Excel" }, ...errorResponses }
    }),
    async (c) => {
      const { table, format, ...filter } = c.req.valid("query");
      return sendDownload(c, await renderTableFile(await c.var.services.activityDashboard.table(filter, table), format, `telar-actividades-${table}`));
    }
  );
  router.openapi(
    createRoute3({
      method: "get",
      path: "/dashboards/organizations/{id}",
      tags: [tag],
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse("Tablero de una organizaci\xF3n"), ...errorResponses }
    }),
    async (c) => c.json(await c.var.services.activityDashboard.organization(c.req.valid("param").id), 200)
  );
}

// src/routes/auth.routes.ts
import { createRoute as createRoute4 } from "@hono/zod-openapi";
import { deleteCookie, setCookie } from "hono/cookie";

// src/http/rate-limit.ts
import { getConnInfo } from "@hono/node-server/conninfo";
function identifyClient(c) {
  try {
    return getConnInfo(c).remote.address ?? "local";
  } catch {
    return "local";
  }
}
function limitRate({ max, windowMs }) {
  const hits = /* @__PURE__ */ new Map();
  return async (c, next) => {
    const now = Date.now();
    const key = identifyClient(c);
    const recent = (hits.get(key) ?? []).filter((time) => now - time < windowMs);
    if (recent.length >= max) throw new AppError(429, "rate_limited");
    recent.push(now);
    hits.set(key, recent);
    if (hits.size > 1e4) hits.clear();
    await next();
  };
}

// src/routes/auth.routes.ts
var isHttps = (c) => c.req.url.startsWith("https:") || c.req.header("x-forwarded-proto") === "https";
function registerAuthRoutes(router, auth, loginAttemptsPerMinute) {
  router.use("/auth/login", limitRate({ max: loginAttemptsPerMinute, windowMs: 6e4 }));
  router.openapi(
    createRoute4({
      method: "post",
      path: "/auth/login",
      tags: ["Cuentas"],
      request: { body: { content: { "application/json": { schema: LoginSchema } }, required: true } },
      responses: { 200: jsonResponse("Sesi\xF3n iniciada; la cookie de sesi\xF3n va en Set-Cookie"), 401: jsonResponse("Credenciales incorrectas"), 423: jsonResponse("Cuenta bloqueada"), 429: jsonResponse("Demasiados intentos") }
    }),
    async (c) => {
      const { token, me } = await auth.login(c.req.valid("json"));
      setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: "Lax", secure: isHttps(c), path: "/", maxAge: 12 * 3600 });
      return c.json(me, 200);
    }
  );
  router.openapi(
    createRoute4({ method: "get", path: "/auth/me", tags: ["Cuentas"], responses: { 200: jsonResponse("La persona con sesi\xF3n iniciada"), 401: jsonResponse("Sin sesi\xF3n") } }),
    async (c) => {
      const me = c.var.me;
      if (!me) throw new AppError(401, "unauthenticated");
      return c.json(me, 200);
    }
  );
  const endSession = (everywhere) => async (c) => {
    const token = c.var.sessionToken;
    if (token && everywhere && c.var.me) await auth.logoutEverywhere(c.var.me.id);
    else if (token) await auth.logout(token);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.body(null, 204);
  };
  router.openapi(createRoute4({ method: "post", path: "/auth/logout", tags: ["Cuentas"], responses: { 204: { description: "Sesi\xF3n cerrada" } } }), endSession(false));
  router.openapi(
    createRoute4({ method: "post", path: "/auth/logout-everywhere", tags: ["Cuentas"], responses: { 204: { description: "Todas las sesiones de la cuenta cerradas" } } }),
    endSession(true)
  );
  router.openapi(
    jsonCreateRoute({ path: "/users", tag: "Cuentas", schema: UserCreateSchema, description: "Cuenta creada" }),
    async (c) => c.json(await auth.createUser(c.var.actor, c.req.valid("json")), 201)
  );
}

// src/routes/directory.routes.ts
import { createRoute as createRoute5 } from "@hono/zod-openapi";
import { z as z9 } from "zod";
function registerDirectoryRoutes(router) {
  registerCrudRoutes(router, {
    path: "/organizations",
    tag: "Organizaciones",
    filters: z9.object({ sector: z9.enum(SECTORS).optional(), stateCode: StateCodeSchema.optional() }),
    createSchema: OrganizationCreateSchema,
    updateSchema: OrganizationUpdateSchema,
    service: (s) => s.organizations
  });
  registerCrudRoutes(router, {
    path: "/bodies",
    tag: "\xD3rganos colegiados",
    filters: z9.object({}),
    createSchema: BodyCreateSchema,
    updateSchema: BodyUpdateSchema,
    service: (s) => s.bodies
  });
  router.openapi(
    jsonCreateRoute({ path: "/memberships", tag: "\xD3rganos colegiados", schema: MembershipCreateSchema, description: "Integraci\xF3n registrada" }),
    async (c) => c.json(await c.var.services.memberships.create(c.req.valid("json")), 201)
  );
  router.openapi(
    jsonCreateRoute({ path: "/focal-points", tag: "\xD3rganos colegiados", schema: FocalPointCreateSchema, description: "Enlace registrado; la integraci\xF3n con sus enlaces" }),
    async (c) => c.json(await c.var.services.memberships.addFocalPoint(c.req.valid("json")), 201)
  );
  router.openapi(
    createRoute5({
      method: "get",
      path: "/history/{entity}/{id}",
      tags: ["Bit\xE1cora"],
      request: { params: z9.object({ entity: z9.enum(AUDITED_ENTITIES), id: z9.string().uuid() }) },
      responses: { 200: jsonResponse("Cambios del registro, del m\xE1s reciente al m\xE1s antiguo", z9.array(z9.looseObject({}))), ...errorResponses }
    }),
    async (c) => c.json(await c.var.services.history.list(c.req.valid("param").entity, c.req.valid("param").id), 200)
  );
  router.openapi(
    createRoute5({ method: "get", path: "/states", tags: ["Cat\xE1logos"], responses: { 200: jsonResponse("Las 32 entidades federativas", z9.array(z9.looseObject({}))) } }),
    async (c) => c.json(await c.var.services.catalogue.listStates(), 200)
  );
  router.openapi(
    createRoute5({ method: "get", path: "/dashboard", tags: ["Inicio"], responses: { 200: jsonResponse("Conteos y acuerdos pr\xF3ximos a vencer") } }),
    async (c) => c.json(await c.var.services.dashboard.get(), 200)
  );
}

// src/routes/evidence.routes.ts
import { createRoute as createRoute6 } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { z as z10 } from "zod";
var UploadFormSchema = z10.object({
  file: z10.any().describe("El archivo (PDF, DOCX, XLSX, PNG o JPEG, hasta 20 MB)"),
  title: z10.string(),
  kind: z10.enum(EVIDENCE_KINDS).optional()
});
function registerEvidenceRoutes(router) {
  router.use("/evidence", bodyLimit({ maxSize: EVIDENCE_MAX_BYTES + 64 * 1024, onError: () => {
    throw new AppError(413, "payload_too_large");
  } }));
  router.openapi(
    createRoute6({
      method: "post",
      path: "/evidence",
      tags: ["Evidencia"],
      request: { body: { content: { "multipart/form-data": { schema: UploadFormSchema } }, required: true } },
      responses: { 201: jsonResponse("Evidencia guardada"), 413: jsonResponse("Archivo demasiado grande"), ...errorResponses }
    }),
    async (c) => {
      const form = await c.req.parseBody();
      const file = form.file;
      if (!(file instanceof File)) throw invalidField("file", "Elija un archivo.");
      const fields = EvidenceUploadSchema.safeParse({ title: form.title, kind: form.kind || void 0 });
      if (!fields.success) throw new AppError(422, "validation", fields.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
      const bytes = new Uint8Array(await file.arrayBuffer());
      return c.json(await c.var.services.evidence.upload({ name: file.name, bytes }, fields.data), 201);
    }
  );
  router.openapi(
    createRoute6({
      method: "get",
      path: "/evidence/{id}/file",
      tags: ["Evidencia"],
      request: { params: IdParamsSchema },
      responses: { 200: { description: "El archivo" }, ...errorResponses }
    }),
    async (c) => {
      const file = await c.var.services.evidence.download(c.req.valid("param").id);
      return c.body(file.content, 200, {
        "Content-Type": file.contentType ?? "application/octet-stream",
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName ?? "evidencia")}`,
        "X-Content-Type-Options": "nosniff"
      });
    }
  );
}

// src/routes/mechanism-report.routes.ts
import { createRoute as createRoute7 } from "@hono/zod-openapi";
import { z as z11 } from "zod";
function registerMechanismReportRoutes(router) {
  router.openapi(
    createRoute7({
      method: "post",
      path: "/imports/mechanism-report",
      tags: ["Importar"],
      request: { body: { content: { "application/json": { schema: MechanismImportSchema } }, required: true } },
      responses: { 200: jsonResponse("Lo que describe el documento y lo que se cre\xF3 (o se crear\xEDa)"), ...errorResponses }
    }),
    async (c) => {
      const { text: text7, bodyAcronym, dryRun } = c.req.valid("json");
      const result = await c.var.services.mechanismImport.importText(text7, { bodyAcronym, dryRun });
      return c.json(result, result.diagnostics.length ? 422 : 200);
    }
  );
  router.openapi(
    jsonCreateRoute({ path: "/reports/mechanism/publish", tag: "Informes", schema: MechanismReportQuerySchema, description: "Informe congelado y publicado" }),
    async (c) => {
      const { bodyId, from, to } = c.req.valid("json");
      return c.json(await c.var.services.mechanismReport.publish(bodyId, from, to), 201);
    }
  );
  router.openapi(
    createRoute7({
      method: "get",
      path: "/reports/mechanism",
      tags: ["Informes"],
      request: { query: MechanismReportQuerySchema.extend({ format: z11.enum(["json", "md", "docx"]).default("json") }) },
      responses: {
        200: {
          description: "El informe en JSON, Markdown o Word",
          content: {
            "application/json": { schema: z11.looseObject({}) },
            "text/markdown": { schema: z11.string() },
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { schema: z11.string().describe("binary") }
          }
        },
        ...errorResponses
      }
    }),
    async (c) => {
      const { bodyId, from, to, format } = c.req.valid("query");
      const file = await c.var.services.mechanismReport.generate({ id: bodyId }, from, to, format);
      if (format === "json") return c.json(file.report, 200);
      return sendDownload(c, file);
    }
  );
}

// src/routes/plan.routes.ts
import { createRoute as createRoute8 } from "@hono/zod-openapi";
import { z as z12 } from "zod";
var tag2 = "Planes e indicadores";
var ImportFormSchema = z12.object({
  file: z12.any().describe("La plantilla del plan (.xlsx o .csv)"),
  bodyId: IdSchema.describe("El \xF3rgano cuya secretar\xEDa administrar\xE1 el plan")
});
function registerPlanRoutes(router) {
  router.openapi(
    createRoute8({
      method: "post",
      path: "/plans/import",
      tags: [tag2],
      summary: "Importar un plan desde la plantilla; con cualquier error no se importa nada",
      request: { body: { content: { "multipart/form-data": { schema: ImportFormSchema } }, required: true } },
      responses: { 201: jsonResponse("Plan importado"), ...errorResponses }
    }),
    async (c) => {
      const form = await c.req.parseBody();
      if (!(form.file instanceof File)) throw invalidField("file", "Elija un archivo.");
      const bodyId = IdSchema.safeParse(form.bodyId);
      if (!bodyId.success) throw invalidField("bodyId", "Elija el \xF3rgano que administrar\xE1 el plan.");
      const bytes = new Uint8Array(await form.file.arrayBuffer());
      return c.json(await c.var.services.plans.importPlan(bodyId.data, { name: form.file.name, bytes }), 201);
    }
  );
  registerCrudRoutes(router, {
    path: "/plans",
    tag: tag2,
    filters: z12.object({ bodyId: IdSchema.optional() }),
    createSchema: PlanCreateSchema,
    updateSchema: PlanUpdateSchema,
    service: (s) => s.plans,
    isPublishable: true
  });
  router.openapi(
    createRoute8({
      method: "get",
      path: "/plans/{id}/export",
      tags: [tag2],
      request: { params: IdParamsSchema, query: z12.object({ format: z12.enum(["xlsx", "docx"]).default("xlsx") }) },
      responses: { 200: { description: "El plan como plantilla de Excel (se vuelve a importar tal cual) o como documento de Word" }, ...errorResponses }
    }),
    async (c) => sendDownload(c, await c.var.services.plans.exportPlan(c.req.valid("param").id, c.req.valid("query").format))
  );
  router.openapi(
    jsonCreateRoute({ path: "/plan-nodes", tag: tag2, schema: PlanNodeCreateSchema, description: "Nodo creado" }),
    async (c) => c.json(await c.var.services.plans.createNode(c.req.valid("json")), 201)
  );
  router.openapi(
    createRoute8({ method: "get", path: "/plan-nodes/{id}", tags: [tag2], request: { params: IdParamsSchema }, responses: { 200: jsonResponse("Nodo con su historial de estados"), ...errorResponses } }),
    async (c) => c.json(await c.var.services.plans.getNode(c.req.valid("param").id), 200)
  );
  router.openapi(
    createRoute8({
      method: "patch",
      path: "/plan-nodes/{id}",
      tags: [tag2],
      request: { params: IdParamsSchema, body: { content: { "application/json": { schema: PlanNodeUpdateSchema } }, required: true } },
      responses: { 200: jsonResponse("Nodo actualizado"), ...errorResponses }
    }),
    async (c) => c.json(await c.var.services.plans.updateNode(c.req.valid("param").id, c.req.valid("json")), 200)
  );
  registerLifecycleRoutes(router, {
    path: "/plan-nodes",
    tag: tag2,
    actions: ["archive", "restore"],
    service: (c) => ({ archive: c.var.services.plans.archiveNode, restore: c.var.services.plans.restoreNode })
  });
  router.openapi(
    jsonCreateRoute({ path: "/indicators", tag: tag2, schema: IndicatorCreateSchema, description: "Indicador creado" }),
    async (c) => c.json(await c.var.services.indicators.create(c.req.valid("json")), 201)
  );
  router.openapi(
    createRoute8({ method: "get", path: "/indicators/{id}", tags: [tag2], request: { params: IdParamsSchema }, responses: { 200: jsonResponse("Indicador con sus valores"), ...errorResponses } }),
    async (c) => c.json(await c.var.services.indicators.get(c.req.valid("param").id), 200)
  );
  router.openapi(
    createRoute8({
      method: "put",
      path: "/indicators/{id}/values",
      tags: [tag2],
      summary: "Registrar valores por periodo, entidad y desglose (un valor existente se reemplaza)",
      request: { params: IdParamsSchema, body: { content: { "application/json": { schema: IndicatorValuesWriteSchema } }, required: true } },
      responses: { 200: jsonResponse("Indicador con sus valores"), ...errorResponses }
    }),
    async (c) => c.json(await c.var.services.indicators.writeValues(c.req.valid("param").id, c.req.valid("json")), 200)
  );
}

// src/routes/public.routes.ts
import { createRoute as createRoute9 } from "@hono/zod-openapi";
import { z as z13 } from "zod";
var tag3 = "Portal p\xFAblico y datos abiertos";
var page = (query) => ({ page: query.page, pageSize: query.pageSize });
var sendFile = (c, file) => sendDownload(c, file, true);
function registerPublicRoutes(router) {
  const list = (path, description, query) => createRoute9({ method: "get", path, tags: [tag3], request: { query }, responses: { 200: jsonResponse(description), ...errorResponses } });
  const detail = (path, description) => createRoute9({ method: "get", path, tags: [tag3], request: { params: IdParamsSchema }, responses: { 200: jsonResponse(description), ...errorResponses } });
  router.openapi(
    list("/public/bodies", "Sistemas, comisiones y grupos de trabajo", PageQuerySchema),
    async (c) => c.json(await c.var.services.public.listBodies(page(c.req.valid("query"))), 200)
  );
  router.openapi(
    list("/public/sessions", "Sesiones publicadas", PageQuerySchema.extend({ bodyId: IdSchema.optional(), from: IsoDateSchema.optional(), to: IsoDateSchema.optional() })),
    async (c) => {
      const { page: p, pageSize, ...filter } = c.req.valid("query");
      return c.json(await c.var.services.public.listSessions(filter, { page: p, pageSize }), 200);
    }
  );
  router.openapi(
    detail("/public/sessions/{id}", "Sesi\xF3n publicada con sus participaciones y acuerdos publicados"),
    async (c) => c.json(await c.var.services.public.getSession(c.req.valid("param").id), 200)
  );
  router.openapi(
    list(
      "/public/agreements",
      "Acuerdos publicados",
      PageQuerySchema.extend({ status: z13.enum(AGREEMENT_STATUSES).optional(), bodyId: IdSchema.optional(), stateCode: StateCodeSchema.optional() })
    ),
    async (c) => {
      const { page: p, pageSize, ...filter } = c.req.valid("query");
      return c.json(await c.var.services.public.listAgreements(filter, { page: p, pageSize }), 200);
    }
  );
  router.openapi(
    detail("/public/agreements/{id}", "Acuerdo publicado con su seguimiento"),
    async (c) => c.json(await c.var.services.public.getAgreement(c.req.valid("param").id), 200)
  );
  router.openapi(
    createRoute9({ method: "get", path: "/public/reports", tags: [tag3], responses: { 200: jsonResponse("Informes publicados", z13.array(z13.looseObject({}))) } }),
    async (c) => c.json(await c.var.services.public.listReports(), 200)
  );
  router.openapi(
    createRoute9({
      method: "get",
      path: "/public/reports/{id}/file",
      tags: [tag3],
      request: { params: IdParamsSchema, query: z13.object({ format: z13.enum(["docx", "md", "json"]).default("docx") }) },
      responses: { 200: { description: "El informe publicado, en Word, Markdown o JSON" }, ...errorResponses }
    }),
    async (c) => sendFile(c, await c.var.services.public.getReportFile(c.req.valid("param").id, c.req.valid("query").format))
  );
  router.openapi(
    createRoute9({
      method: "get",
      path: "/public/open-data/{dataset}",
      tags: [tag3],
      request: { params: z13.object({ dataset: z13.enum(["sessions", "agreements"]) }), query: z13.object({ format: z13.enum(["csv", "json"]).default("csv") }) },
      responses: { 200: { description: "La lista publicada completa, en CSV (UTF-8 con BOM) o JSON" }, ...errorResponses }
    }),
    async (c) => sendFile(c, await c.var.services.public.exportOpenData(c.req.valid("param").dataset, c.req.valid("query").format))
  );
  router.openapi(
    list("/public/plans", "Planes publicados", PageQuerySchema.omit({ q: true })),
    async (c) => c.json(await c.var.services.public.listPlans(page(c.req.valid("query"))), 200)
  );
  router.openapi(
    detail("/public/plans/{id}", "Plan publicado: su \xE1rbol con estados, avance y retrasos"),
    async (c) => c.json(await c.var.services.public.getPlan(c.req.valid("param").id), 200)
  );
  router.openapi(
    list("/public/dashboards/activities", "Tablero de actividades validadas", DashboardFilterSchema),
    async (c) => c.json(await c.var.services.public.activityDashboard(c.req.valid("query")), 200)
  );
  router.openapi(
    createRoute9({
      method: "get",
      path: "/public/dashboards/activities/table",
      tags: [tag3],
      request: { query: DashboardTableQuerySchema },
      responses: { 200: { description: "La tabla de una gr\xE1fica del tablero, en CSV o Excel" }, ...errorResponses }
    }),
    async (c) => {
      const { table, format, ...filter } = c.req.valid("query");
      return sendFile(c, await c.var.services.public.dashboardTable(filter, table, format));
    }
  );
}

// src/routes/reporting.routes.ts
import { createRoute as createRoute10 } from "@hono/zod-openapi";
import { z as z14 } from "zod";
var tag4 = "Reporte peri\xF3dico";
var ReportListQuerySchema = PageQuerySchema.omit({ q: true }).extend({
  mine: z14.enum(["true", "false"]).optional().transform((v) => v === "true"),
  organizationId: IdSchema.optional(),
  reportingPeriodId: IdSchema.optional(),
  status: z14.enum(REPORT_STATUSES).optional()
});
function registerReportingRoutes(router) {
  router.openapi(
    createRoute10({
      method: "get",
      path: "/reporting-periods",
      tags: [tag4],
      request: { query: PageQuerySchema.omit({ q: true }).extend({ planId: IdSchema.optional() }) },
      responses: { 200: jsonResponse("Periodos de reporte"), ...errorResponses }
    }),
    async (c) => {
      const { page: page2, pageSize, planId } = c.req.valid("query");
      return c.json(await c.var.services.reporting.listPeriods({ planId }, { page: page2, pageSize }), 200);
    }
  );
  router.openapi(
    jsonCreateRoute({ path: "/reporting-periods", tag: tag4, schema: ReportingPeriodCreateSchema, description: "Periodo abierto: cada organizaci\xF3n responsable debe su reporte" }),
    async (c) => c.json(await c.var.services.reporting.openPeriod(c.req.valid("json")), 201)
  );
  router.openapi(
    createRoute10({ method: "get", path: "/reporting-periods/{id}", tags: [tag4], request: { params: IdParamsSchema }, responses: { 200: jsonResponse("Periodo con sus reportes"), ...errorResponses } }),
    async (c) => c.json(await c.var.services.reporting.getPeriod(c.req.valid("param").id), 200)
  );
  registerLifecycleRoutes(router, { path: "/reporting-periods", tag: tag4, actions: ["close"], service: (c) => ({ close: c.var.services.reporting.closePeriod }) });
  router.openapi(
    createRoute10({
      method: "get",
      path: "/reports",
      tags: [tag4],
      summary: "Reportes; con mine=true, lo que la persona debe reportar o revisar",
      request: { query: ReportListQuerySchema },
      responses: { 200: jsonResponse("Reportes"), ...errorResponses }
    }),
    async (c) => {
      const { page: page2, pageSize, ...query } = c.req.valid("query");
      return c.json(await c.var.services.reporting.listReports(query, { page: page2, pageSize }), 200);
    }
  );
  router.openapi(
    createRoute10({ method: "get", path: "/reports/{id}", tags: [tag4], request: { params: IdParamsSchema }, responses: { 200: jsonResponse("Reporte con lo que contiene"), ...errorResponses } }),
    async (c) => c.json(await c.var.services.reporting.getReport(c.req.valid("param").id), 200)
  );
  const action = (path, summary, schema) => createRoute10({
    method: "post",
    path,
    tags: [tag4],
    summary,
    request: { params: IdParamsSchema, body: { content: { "application/json": { schema } }, required: true } },
    responses: { 200: jsonResponse(summary), ...errorResponses }
  });
  router.openapi(
    action("/reports/{id}/submit", "Enviar a revisi\xF3n", VersionOnlySchema),
    async (c) => c.json(await c.var.services.reporting.submit(c.req.valid("param").id, c.req.valid("json").version), 200)
  );
  router.openapi(
    action("/reports/{id}/review", "Aceptar o devolver con comentario", ReportReviewSchema),
    async (c) => c.json(await c.var.services.reporting.review(c.req.valid("param").id, c.req.valid("json")), 200)
  );
  router.openapi(
    action("/reports/{id}/node-statuses", "Reportar el estado de una l\xEDnea del plan", NodeStatusReportSchema),
    async (c) => c.json(await c.var.services.reporting.reportNodeStatus(c.req.valid("param").id, c.req.valid("json")), 200)
  );
}

// src/routes/session.routes.ts
import { createRoute as createRoute11 } from "@hono/zod-openapi";
import { z as z15 } from "zod";
function registerSessionRoutes(router) {
  const period = { from: IsoDateSchema.optional(), to: IsoDateSchema.optional() };
  registerCrudRoutes(router, {
    path: "/sessions",
    tag: "Sesiones",
    filters: z15.object({ bodyId: IdSchema.optional(), kind: z15.enum(SESSION_KINDS).optional(), organizationId: IdSchema.optional(), ...period }),
    createSchema: SessionCreateSchema,
    updateSchema: SessionUpdateSchema,
    service: (s) => s.sessions,
    isPublishable: true
  });
  registerCrudRoutes(router, {
    path: "/agreements",
    tag: "Acuerdos",
    filters: z15.object({
      status: z15.enum(AGREEMENT_STATUSES).optional(),
      bodyId: IdSchema.optional(),
      organizationId: IdSchema.optional(),
      stateCode: StateCodeSchema.optional(),
      ...period
    }),
    createSchema: AgreementCreateSchema,
    updateSchema: AgreementUpdateSchema,
    service: (s) => s.agreements,
    isPublishable: true
  });
  router.openapi(
    jsonCreateRoute({ path: "/participations", tag: "Sesiones", schema: ParticipationCreateSchema, description: "Participaci\xF3n registrada" }),
    async (c) => c.json(await c.var.services.sessions.addParticipation(c.req.valid("json")), 201)
  );
  router.openapi(
    createRoute11({
      method: "patch",
      path: "/participations/{id}",
      tags: ["Sesiones"],
      request: { params: IdParamsSchema, body: { content: { "application/json": { schema: ParticipationUpdateSchema } }, required: true } },
      responses: { 200: jsonResponse("Participaci\xF3n actualizada"), ...errorResponses }
    }),
    async (c) => c.json(await c.var.services.sessions.updateParticipation(c.req.valid("param").id, c.req.valid("json")), 200)
  );
  router.openapi(
    jsonCreateRoute({ path: "/follow-ups", tag: "Acuerdos", schema: FollowUpCreateSchema, description: "Seguimiento registrado" }),
    async (c) => c.json(await c.var.services.agreements.addFollowUp(c.req.valid("json")), 201)
  );
}

// src/services/auth.service.ts
import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// src/repositories/user.repository.ts
import { and as and2, eq as eq12, isNull, sql as sql25 } from "drizzle-orm";
async function findUserByEmail(db, email) {
  const [row] = await db.select().from(users).where(sql25`lower(${users.email}) = lower(${email})`);
  return row;
}
async function insertUser(db, values) {
  const [row] = await db.insert(users).values(values).returning({ id: users.id });
  return row;
}
async function insertRoleGrants(db, userId, grants) {
  if (grants.length) await db.insert(userRoles).values(grants.map((grant) => ({ userId, ...grant })));
}
async function listRoleGrants(db, userId) {
  return db.select({ role: userRoles.role, bodyId: userRoles.bodyId, organizationId: userRoles.organizationId }).from(userRoles).where(and2(eq12(userRoles.userId, userId), isNull(userRoles.archivedAt)));
}
async function recordFailedLogin(db, userId, maxFailures, lockMinutes) {
  await db.execute(sql25`update users set failed_logins = failed_logins + 1,
      locked_until = case when failed_logins + 1 >= ${maxFailures} then now() + make_interval(mins => ${lockMinutes}) else locked_until end
    where id = ${userId}`);
}
async function clearFailedLogins(db, userId) {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq12(users.id, userId));
}
async function insertAuthSession(db, values) {
  await db.insert(authSessions).values(values);
}
async function findSessionUser(db, tokenHash) {
  const [row] = await queryRows(
    db,
    // One round trip with the roles: this runs before every signed-in request.
    sql25`select u.id as "userId", u.email, u.name, s.csrf_token as "csrfToken",
          coalesce((select json_agg(json_build_object('role', r.role, 'bodyId', r.body_id, 'organizationId', r.organization_id))
                    from user_roles r where r.user_id = u.id and r.archived_at is null), '[]'::json) as roles
        from auth_sessions s join users u on u.id = s.user_id
        where s.token_hash = ${tokenHash} and s.revoked_at is null and s.expires_at > now()
          and s.created_at >= u.sessions_valid_after and u.is_active and u.archived_at is null`
  );
  return row;
}
async function revokeAuthSession(db, tokenHash) {
  await db.update(authSessions).set({ revokedAt: sql25`now()` }).where(eq12(authSessions.tokenHash, tokenHash));
}
async function revokeAllAuthSessions(db, userId) {
  await db.update(users).set({ sessionsValidAfter: sql25`clock_timestamp()` }).where(eq12(users.id, userId));
}

// src/services/auth.service.ts
var MAX_FAILED_LOGINS = 5;
var LOCK_MINUTES = 15;
var SESSION_HOURS = 12;
var decoyHash = hash("telar-decoy-password-0");
function generatePassword() {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  for (; ; ) {
    const password = [...randomBytes(24)].map((byte) => alphabet[byte % alphabet.length]).join("");
    if (/\d/.test(password) && /[a-z]/i.test(password)) return password;
  }
}
var hashSessionToken = (token) => createHash("sha256").update(token).digest("hex");
function createAuthService(db) {
  return {
    /** Checks the password and opens a session; returns the cookie token and who signed in. */
    async login({ email, password }) {
      const user = await findUserByEmail(db, email);
      const isValid = await verify(user?.passwordHash ?? await decoyHash, password);
      if (!user || !user.isActive || !user.passwordHash) throw new AppError(401, "login_failed");
      if (user.lockedUntil && new Date(user.lockedUntil) > /* @__PURE__ */ new Date()) throw new AppError(423, "locked");
      if (!isValid) {
        await recordFailedLogin(db, user.id, MAX_FAILED_LOGINS, LOCK_MINUTES);
        throw new AppError(401, "login_failed");
      }
      const token = randomBytes(32).toString("base64url");
      const csrfToken = randomBytes(32).toString("base64url");
      const expiresAt = new Date(Date.now() + SESSION_HOURS * 36e5).toISOString();
      await db.transaction(async (tx) => {
        await clearFailedLogins(tx, user.id);
        await insertAuthSession(tx, { tokenHash: hashSessionToken(token), userId: user.id, csrfToken, expiresAt });
      });
      return { token, me: { id: user.id, email: user.email, name: user.name, roles: await listRoleGrants(db, user.id), csrfToken } };
    },
    /** The actor of a session token, with its CSRF token; anonymous when the token is unknown or void. */
    async resolveSession(token) {
      const found = token ? await findSessionUser(db, hashSessionToken(token)) : void 0;
      if (!found) return { actor: { kind: "anonymous" } };
      const { roles } = found;
      const me = { id: found.userId, email: found.email, name: found.name, roles, csrfToken: found.csrfToken };
      return { actor: { kind: "user", id: found.userId, email: found.email, name: found.name, roles }, csrfToken: found.csrfToken, me };
    },
    async logout(token) {
      await revokeAuthSession(db, hashSessionToken(token));
    },
    async logoutEverywhere(userId) {
      await revokeAllAuthSessions(db, userId);
    },
    /** Creates an account with its roles (administrators only; the CLI acts as the system). */
    async createUser(actor, { password, roles, ...data }) {
      requireAdmin(actor);
      return db.transaction(async (tx) => {
        if (await findUserByEmail(tx, data.email)) {
          throw new AppError(409, "duplicate", [{ path: "email", message: "Ya existe una cuenta con ese correo." }]);
        }
        const { id: id2 } = await insertUser(tx, { ...data, passwordHash: await hash(password) });
        await insertRoleGrants(tx, id2, roles);
        await insertAuditEntry(tx, { actor: describeActor(actor), action: "create", entity: "user", entityId: id2, changes: { email: [null, data.email], roles: [null, roles] } });
        return { id: id2, ...data, roles };
      });
    }
  };
}

// src/app.ts
var jsonBodyLimit = bodyLimit2({ maxSize: 5 * 1024 * 1024, onError: () => {
  throw new AppError(413, "payload_too_large");
} });
var SECURITY_HEADERS = {
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"]
  },
  referrerPolicy: "strict-origin-when-cross-origin",
  permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  crossOriginEmbedderPolicy: false
};
function createApp({ db, webRoot, loginAttemptsPerMinute = Number(process.env.TELAR_LOGIN_ATTEMPTS_PER_MINUTE ?? 10) }) {
  const api = createRouter();
  const auth = createAuthService(db);
  api.use("*", authenticate(db, auth));
  registerAuthRoutes(api, auth, loginAttemptsPerMinute);
  registerDirectoryRoutes(api);
  registerSessionRoutes(api);
  registerMechanismReportRoutes(api);
  registerEvidenceRoutes(api);
  registerPlanRoutes(api);
  registerActivityRoutes(api);
  registerReportingRoutes(api);
  registerPublicRoutes(api);
  api.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Telar API", version: "0.1.0", description: "Directorio, \xF3rganos colegiados, sesiones, acuerdos y seguimiento; planes, actividades, indicadores, reporte peri\xF3dico y tableros." }
  });
  api.notFound(() => {
    throw new AppError(404, "not_found");
  });
  const app = new Hono();
  app.use("*", requestId());
  app.use("*", secureHeaders(SECURITY_HEADERS));
  app.use("/api/*", async (c, next) => c.req.path === "/api/evidence" ? next() : jsonBodyLimit(c, next));
  app.use("/assets/*", compress());
  app.route("/api", api);
  app.onError(handleError);
  api.onError(handleError);
  if (webRoot && existsSync(join(webRoot, "index.html"))) {
    const indexHtml = readFileSync(join(webRoot, "index.html"), "utf8");
    app.use("/assets/*", serveStatic({ root: webRoot, onFound: (_path, c) => void c.header("Cache-Control", "public, max-age=31536000, immutable") }));
    app.use("*", serveStatic({ root: webRoot }));
    app.get("*", (c) => c.html(indexHtml));
  }
  return app;
}

// src/db/open.ts
import { resolve } from "node:path";

// src/db/client.ts
import { closeSync, existsSync as existsSync2, mkdirSync, openSync, readFileSync as readFileSync2, rmSync, writeFileSync } from "node:fs";
import { join as join2 } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import pg from "pg";
async function openDatabase(options) {
  if (options.url) return openPostgres(options.url);
  return openPglite(options.dataDir);
}
var DATE_OIDS = [1082, 1114, 1184];
var keepText = (value) => value;
function openPostgres(url) {
  const types = { getTypeParser: (oid, format) => DATE_OIDS.includes(oid) ? keepText : pg.types.getTypeParser(oid, format) };
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.TELAR_DB_POOL_SIZE ?? 10), types, options: "-c TimeZone=UTC" });
  const db = drizzlePostgres(pool, { schema: schema_exports });
  return { db, kind: "postgres", close: () => pool.end() };
}
async function createPglite(dataDir) {
  const parsers = Object.fromEntries(DATE_OIDS.map((oid) => [oid, keepText]));
  return PGlite.create({ dataDir, extensions: { unaccent, pg_trgm }, parsers });
}
async function openPglite(dataDir) {
  const releaseLock = dataDir ? takeDirectoryLock(dataDir) : () => {
  };
  try {
    const client = await createPglite(dataDir);
    const db = drizzlePglite(client, { schema: schema_exports });
    return {
      db,
      kind: "pglite",
      close: async () => {
        await client.close();
        releaseLock();
      }
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}
function takeDirectoryLock(dataDir) {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join2(dataDir, "telar.lock");
  if (existsSync2(lockPath)) {
    const holder = Number(readFileSync2(lockPath, "utf8").trim());
    if (holder && isProcessAlive(holder)) {
      throw new Error(`La base de datos en ${dataDir} est\xE1 abierta por otro proceso (pid ${holder}).`);
    }
    rmSync(lockPath, { force: true });
  }
  const fd = openSync(lockPath, "wx");
  writeFileSync(fd, String(process.pid));
  closeSync(fd);
  return () => rmSync(lockPath, { force: true });
}
function isProcessAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// src/db/migrate.ts
import { fileURLToPath } from "node:url";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
function resolveMigrationsFolder() {
  return process.env.TELAR_MIGRATIONS_DIR ?? fileURLToPath(new URL("./migrations", import.meta.url));
}
async function migrateDatabase(handle) {
  const config = { migrationsFolder: resolveMigrationsFolder() };
  if (handle.kind === "pglite") await migratePglite(handle.db, config);
  else await migratePostgres(handle.db, config);
}

// src/db/reference-data.ts
import { readFileSync as readFileSync3 } from "node:fs";
import { fileURLToPath as fileURLToPath2 } from "node:url";
import { sql as sql26 } from "drizzle-orm";
function readCatalogue(fileName) {
  const path = fileURLToPath2(new URL(`./reference/${fileName}`, import.meta.url));
  return parseCsvRecords(readFileSync3(path, "utf8"));
}
async function loadReferenceData(db) {
  const [{ count }] = await db.select({ count: sql26`count(*)::int` }).from(states);
  if (count > 0) return;
  const population = new Map(readCatalogue("inegi-entidades-censo2020-pob.csv").map((r) => [r.cve_ent, Number(r.pob_total)]));
  const stateRows = readCatalogue("mexico-entidades-inegi-iso.csv").map((r) => ({
    code: r.iso_3166_2,
    inegiCode: r.cve_ent,
    name: r.nom_ent,
    shortName: r.nom_corto,
    abbreviation: r.nom_abr,
    population: population.get(r.cve_ent) ?? 0
  }));
  const codeByInegi = new Map(stateRows.map((s) => [s.inegiCode, s.code]));
  const municipalityRows = readCatalogue("inegi-municipios-censo2020.csv").map((r) => ({
    cvegeo: r.cvegeo,
    stateCode: codeByInegi.get(r.cve_ent),
    name: r.nom_mun,
    population: Number(r.pob_total)
  }));
  await db.transaction(async (tx) => {
    await tx.insert(states).values(stateRows);
    for (let i = 0; i < municipalityRows.length; i += 500) {
      await tx.insert(municipalities).values(municipalityRows.slice(i, i + 500));
    }
  });
}

// src/db/open.ts
async function openConfiguredDatabase(env = process.env) {
  const url = env.DATABASE_URL?.startsWith("postgres") ? env.DATABASE_URL : void 0;
  const handle = await openDatabase({ url, dataDir: url ? void 0 : resolve(env.TELAR_DATA_DIR ?? "data") });
  await prepareDatabase(handle);
  return handle;
}
async function prepareDatabase(handle) {
  await migrateDatabase(handle);
  await loadReferenceData(handle.db);
}

// src/demo/demo-data.ts
import { readFileSync as readFileSync4 } from "node:fs";
import { fileURLToPath as fileURLToPath3 } from "node:url";
var DEMO_REPORT_PATH = fileURLToPath3(new URL("./fixtures/comse-mecanismo-2022-2023.txt", import.meta.url));
async function loadDemoData(db) {
  const demo = systemActor("demo");
  const services = createServices(db, demo);
  const sipinna = await services.bodies.create({
    kind: "system",
    name: "Sistema Nacional de Protecci\xF3n Integral de Ni\xF1as, Ni\xF1os y Adolescentes",
    acronym: "SIPINNA",
    level: "national",
    parentId: null,
    stateCode: null
  });
  const commissions = [
    ["COMSE", "Comisi\xF3n de Secretar\xEDas Ejecutivas de Protecci\xF3n Integral de los Sistemas Nacional y de las Entidades Federativas"],
    ["COMPREVNNA", "Comisi\xF3n para poner fin a toda forma de violencia contra ni\xF1as, ni\xF1os y adolescentes"],
    ["CITI", "Comisi\xF3n Intersecretarial para la Prevenci\xF3n y Erradicaci\xF3n del Trabajo Infantil y la Protecci\xF3n de Adolescentes Trabajadores en Edad Permitida en M\xE9xico"]
  ];
  const created = [];
  for (const [acronym, name] of commissions) {
    created.push(await services.bodies.create({ kind: "commission", name, acronym, level: "national", parentId: sipinna.id, stateCode: null }));
  }
  const comse = created[0];
  const result = await services.mechanismImport.importText(readFileSync4(DEMO_REPORT_PATH, "utf8"), { bodyAcronym: "COMSE", dryRun: false });
  if (result.diagnostics.length) throw new Error(`El informe de demostraci\xF3n no se pudo importar: ${result.diagnostics[0].message}`);
  await publishDemoRecords(services, comse.id);
  const account = { email: "admin@demo.telar.mx", password: generatePassword() };
  await createAuthService(db).createUser(demo, { ...account, name: "Administraci\xF3n (demostraci\xF3n)", roles: [{ role: "admin", bodyId: null, organizationId: null }] });
  return account;
}
async function publishDemoRecords(services, comseId) {
  const everything2 = { page: 1, pageSize: 500 };
  for (const session of (await services.sessions.list({ bodyId: comseId }, everything2)).items) await services.sessions.publish(session.id, session.version);
  for (const agreement of (await services.agreements.list({ bodyId: comseId }, everything2)).items) await services.agreements.publish(agreement.id, agreement.version);
  await services.mechanismReport.publish(comseId, "2022-11-01", "2023-10-31");
}

// src/cli/backup.command.ts
import { parseArgs } from "node:util";

// src/services/backup.service.ts
import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";
import { createGunzip, createGzip } from "node:zlib";
import { z as z16 } from "zod";

// src/repositories/backup.repository.ts
import { getTableName, sql as sql27 } from "drizzle-orm";
var REFERENCE_TABLES = /* @__PURE__ */ new Set([getTableName(states), getTableName(municipalities)]);
var ident = (name) => sql27.identifier(name);
var tableRef = (name) => sql27`public.${ident(name)}`;
var columnList = (names, prefix) => sql27.join(names.map((name) => prefix ? sql27`${sql27.raw(prefix)}.${ident(name)}` : ident(name)), sql27`, `);
async function listPublicTables(db) {
  const columns = await queryRows(
    db,
    sql27`select c.relname as "table", a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
          a.atttypid = 'bytea'::regtype as "isBytea",
          pg_get_serial_sequence(format('public.%I', c.relname), a.attname) as sequence
        from pg_class c join pg_attribute a on a.attrelid = c.oid
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
          and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
        order by c.relname, a.attnum`
  );
  const constraints = await queryRows(
    db,
    sql27`select con.contype as kind, c.relname as "table", r.relname as "referencedTable",
          array(select a.attname from unnest(con.conkey) with ordinality k(attnum, i)
                join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum order by k.i)::text[] as columns
        from pg_constraint con join pg_class c on c.oid = con.conrelid left join pg_class r on r.oid = con.confrelid
        where c.relnamespace = 'public'::regnamespace
          and (con.contype = 'p' or (con.contype = 'f' and r.relnamespace = 'public'::regnamespace))
        order by con.conname`
  );
  const tables = /* @__PURE__ */ new Map();
  for (const { table, ...column } of columns) {
    const entry = tables.get(table) ?? { name: table, columns: [], primaryKey: [], foreignKeys: [] };
    entry.columns.push(column);
    tables.set(table, entry);
  }
  for (const constraint of constraints) {
    const table = tables.get(constraint.table);
    if (!table) continue;
    if (constraint.kind === "p") table.primaryKey = constraint.columns;
    else table.foreignKeys.push({ columns: constraint.columns, referencedTable: constraint.referencedTable });
  }
  return [...tables.values()];
}
async function listAppliedMigrations(db) {
  const [journal] = await queryRows(db, sql27`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`);
  if (!journal?.exists) return [];
  const rows = await queryRows(db, sql27`select hash from drizzle.__drizzle_migrations order by created_at, id`);
  return rows.map((row) => row.hash);
}
async function countRows(db, table) {
  const [row] = await queryRows(db, sql27`select count(*)::int as n from ${tableRef(table)}`);
  return row.n;
}
async function useUtcInTransaction(db) {
  await db.execute(sql27`set local timezone to 'UTC'`);
}
async function lockTables(db, tables) {
  await db.execute(sql27`lock table ${sql27.join(tables.map(tableRef), sql27`, `)} in exclusive mode`);
}
var BACKUP_CURSOR = sql27.raw("telar_backup_rows");
async function openRowCursor(db, table) {
  const columns = table.columns.map((c) => c.isBytea ? sql27`translate(encode(${ident(c.name)}, 'base64'), E'\n', '') as ${ident(c.name)}` : ident(c.name));
  await db.execute(
    sql27`declare ${BACKUP_CURSOR} no scroll cursor for select row_to_json(r)::text as line from (select ${sql27.join(columns, sql27`, `)} from ${tableRef(table.name)}) r`
  );
}
async function fetchRowLines(db, count) {
  const rows = await queryRows(db, sql27`fetch forward ${sql27.raw(String(Math.trunc(count)))} from ${BACKUP_CURSOR}`);
  return rows.map((row) => row.line);
}
async function closeRowCursor(db) {
  await db.execute(sql27`close ${BACKUP_CURSOR}`);
}
function selectFromRecordset(rowsJson, columns, nulled = /* @__PURE__ */ new Set()) {
  const definitions = columns.map((c) => sql27`${ident(c.name)} ${sql27.raw(c.isBytea ? "text" : c.type)}`);
  const values = columns.map((c) => {
    const value = nulled.has(c.name) ? sql27`null::${sql27.raw(c.type)}` : c.isBytea ? sql27`decode(r.${ident(c.name)}, 'base64')` : sql27`r.${ident(c.name)}`;
    return sql27`${value} as ${ident(c.name)}`;
  });
  return sql27`select ${sql27.join(values, sql27`, `)} from json_to_recordset(${rowsJson}::json) as r(${sql27.join(definitions, sql27`, `)})`;
}
async function insertBackupRows(db, table, rowsJson, nulled) {
  const names = table.columns.map((c) => c.name);
  await db.execute(
    sql27`insert into ${tableRef(table.name)} (${columnList(names)}) overriding system value ${selectFromRecordset(rowsJson, table.columns, nulled)}`
  );
}
async function countRowsNotInTable(db, table, rowsJson) {
  const names = table.columns.map((c) => c.name);
  const [row] = await queryRows(
    db,
    sql27`select count(*)::int as n from (${selectFromRecordset(rowsJson, table.columns)} except select ${columnList(names)} from ${tableRef(table.name)}) missing`
  );
  return row.n;
}
async function updateRowColumns(db, table, columns, rowsJson) {
  const involved = table.columns.filter((c) => table.primaryKey.includes(c.name) || columns.includes(c.name));
  const assignments = columns.map((name) => sql27`${ident(name)} = v.${ident(name)}`);
  await db.execute(
    sql27`update ${tableRef(table.name)} t set ${sql27.join(assignments, sql27`, `)}
        from (${selectFromRecordset(rowsJson, involved)}) v
        where (${columnList(table.primaryKey, "t")}) = (${columnList(table.primaryKey, "v")})`
  );
}
async function resetSequence(db, table, column) {
  const value = ident(column.name);
  await db.execute(sql27`select setval(${column.sequence}::regclass, coalesce(max(${value}), 1), max(${value}) is not null) from ${tableRef(table)}`);
}

// src/services/backup.service.ts
var BACKUP_FORMAT = "telar-backup";
var BACKUP_VERSION = 1;
var BackupHeaderSchema = z16.object({
  format: z16.literal(BACKUP_FORMAT),
  version: z16.literal(BACKUP_VERSION),
  createdAt: z16.string(),
  /** Hashes of the applied migrations: a backup restores only into the same schema. */
  migrations: z16.array(z16.string()),
  tables: z16.array(
    z16.object({
      name: z16.string(),
      columns: z16.array(z16.object({ name: z16.string(), type: z16.string() })),
      rows: z16.number().int().nonnegative()
    })
  )
});
var PAGE_ROWS = 1e3;
var PAGE_BYTES = 8 * 1024 * 1024;
var refused = (message) => new AppError(422, "validation", void 0, message);
function createBackupService(db) {
  return {
    /** Writes every table of the database to `file` from one consistent snapshot; the file appears only when complete. */
    async backup(file) {
      const partial = `${file}.${process.pid}.partial`;
      try {
        const header = await db.transaction(
          async (tx) => {
            await useUtcInTransaction(tx);
            const tables2 = orderByDependencies(await listPublicTables(tx));
            const header2 = {
              format: BACKUP_FORMAT,
              version: BACKUP_VERSION,
              createdAt: (/* @__PURE__ */ new Date()).toISOString(),
              migrations: await listAppliedMigrations(tx),
              tables: []
            };
            for (const t of tables2) {
              header2.tables.push({ name: t.name, columns: t.columns.map(({ name, type }) => ({ name, type })), rows: await countRows(tx, t.name) });
            }
            async function* lines() {
              yield `${JSON.stringify(header2)}
`;
              for (const table of tables2) {
                for await (const page2 of readTablePages(tx, table)) yield `${page2.join("\n")}
`;
              }
            }
            await pipeline(lines, createGzip(), createWriteStream(partial, { mode: 384 }));
            return header2;
          },
          { isolationLevel: "repeatable read", accessMode: "read only" }
        );
        await rename(partial, file);
        const tables = header.tables.map(({ name, rows }) => ({ name, rows }));
        return { tables, rows: sumRows(tables) };
      } catch (error) {
        await rm(partial, { force: true });
        throw isFileError(error) ? refused(`No se pudo escribir el respaldo en ${file} (${error.code}).`) : error;
      }
    },
    /**
     * Loads a backup into a database that has no data yet (the INEGI catalogues aside) and the same
     * migrations, in one transaction: any refusal or error leaves the database as it was.
     */
    async restore(file) {
      const lines = readLines(file);
      try {
        const header = parseHeader(await nextLine(lines));
        return await db.transaction(async (tx) => {
          const tables = await checkTarget(tx, header);
          const positions = new Map(header.tables.map((t, i) => [t.name, i]));
          const summary = [];
          const laterReferences = [];
          for (const entry of header.tables) {
            const table = tables.get(entry.name);
            const later = table.foreignKeys.filter((fk) => positions.get(fk.referencedTable) >= positions.get(table.name)).flatMap((fk) => fk.columns);
            const restored = await restoreTable(tx, lines, entry, { table, columns: later, rows: [] });
            if (restored.rows.length) laterReferences.push(restored);
            summary.push({ name: entry.name, rows: entry.rows, restored: restored.isRestored });
          }
          const extra = await nextLine(lines);
          if (extra) throw refused(`L\xEDnea ${extra.number}: el respaldo tiene contenido despu\xE9s de la \xFAltima tabla.`);
          for (const { table, columns, rows } of laterReferences) {
            for (let i = 0; i < rows.length; i += PAGE_ROWS) await updateRowColumns(tx, table, columns, JSON.stringify(rows.slice(i, i + PAGE_ROWS)));
          }
          for (const table of tables.values()) {
            for (const column of table.columns) if (column.sequence) await resetSequence(tx, table.name, column);
          }
          return { tables: summary, rows: sumRows(summary) };
        });
      } finally {
        await lines.return(void 0);
      }
    }
  };
}
function orderByDependencies(tables) {
  const remaining = new Map(tables.map((t) => [t.name, t]));
  const ordered = [];
  while (remaining.size) {
    const ready = [...remaining.values()].filter((t) => t.foreignKeys.every((fk) => fk.referencedTable === t.name || !remaining.has(fk.referencedTable)));
    for (const table of ready.length ? ready : [remaining.values().next().value]) {
      ordered.push(table);
      remaining.delete(table.name);
    }
  }
  return ordered;
}
async function* readTablePages(tx, table) {
  await openRowCursor(tx, table);
  let size = 1;
  for (; ; ) {
    const page2 = await fetchRowLines(tx, size);
    if (!page2.length) break;
    yield page2;
    const bytes = page2.reduce((n, line) => n + line.length, 0);
    size = Math.max(1, Math.min(PAGE_ROWS, Math.floor(PAGE_BYTES * page2.length / bytes)));
  }
  await closeRowCursor(tx);
}
async function restoreTable(tx, lines, entry, later) {
  const { table, columns } = later;
  if (columns.length && !table.primaryKey.length) throw refused(`La tabla ${table.name} se refiere a filas posteriores y no tiene llave primaria; no se puede restaurar.`);
  const isKept = REFERENCE_TABLES.has(table.name) && await countRows(tx, table.name) > 0;
  for await (const page2 of readRowPages(lines, entry)) {
    if (isKept) {
      await checkPagePresent(tx, table, page2);
      continue;
    }
    await insertPage(tx, table, page2, new Set(columns));
    for (const row of page2.rows) {
      if (columns.some((column) => row[column] !== null)) later.rows.push(pick(row, [...table.primaryKey, ...columns]));
    }
  }
  return { ...later, isRestored: !isKept };
}
async function checkTarget(tx, header) {
  const migrations = await listAppliedMigrations(tx);
  if (JSON.stringify(migrations) !== JSON.stringify(header.migrations)) {
    throw refused(
      `El respaldo es de otra versi\xF3n del esquema (${header.migrations.length} migraciones; esta base tiene ${migrations.length}, o son distintas). Restaure con la misma versi\xF3n de Telar que hizo el respaldo.`
    );
  }
  const tables = new Map((await listPublicTables(tx)).map((t) => [t.name, t]));
  const describe = (columns) => columns.map((c) => `${c.name} ${c.type}`).join(", ");
  for (const entry of header.tables) {
    const table = tables.get(entry.name);
    if (!table || describe(table.columns) !== describe(entry.columns)) throw refused(`La tabla ${entry.name} del respaldo no coincide con la de esta base de datos.`);
  }
  const missing = [...tables.keys()].filter((name) => !header.tables.some((t) => t.name === name));
  if (missing.length || header.tables.length !== tables.size) throw refused(`El respaldo no trae las tablas ${missing.join(", ") || "(repetidas)"} de esta base de datos.`);
  await lockTables(tx, [...tables.keys()]);
  const occupied = [];
  for (const entry of header.tables) {
    const rows = await countRows(tx, entry.name);
    if (rows === 0) continue;
    if (!REFERENCE_TABLES.has(entry.name)) occupied.push(`${entry.name} (${rows})`);
    else if (rows !== entry.rows) throw refused(`El cat\xE1logo ${entry.name} de esta base tiene ${rows} filas y el del respaldo ${entry.rows}.`);
  }
  if (occupied.length) throw refused(`La base de datos ya tiene datos: ${occupied.join(", ")}. Restaure en una base de datos vac\xEDa.`);
  return tables;
}
async function* readRowPages(lines, entry) {
  const columns = new Set(entry.columns.map((c) => c.name));
  let page2;
  let bytes = 0;
  for (let read = 0; read < entry.rows; read++) {
    const line = await nextLine(lines);
    if (!line) throw refused(`El respaldo est\xE1 incompleto: la tabla ${entry.name} deb\xEDa tener ${entry.rows} filas y el archivo termina tras ${read}.`);
    page2 ??= { lines: [], rows: [], firstLine: line.number, lastLine: line.number };
    page2.lines.push(line.text);
    page2.rows.push(parseRow(line, entry.name, columns));
    page2.lastLine = line.number;
    bytes += line.text.length;
    if (page2.lines.length >= PAGE_ROWS || bytes >= PAGE_BYTES) {
      yield page2;
      page2 = void 0;
      bytes = 0;
    }
  }
  if (page2) yield page2;
}
var toJsonArray = (page2) => `[${page2.lines.join(",")}]`;
async function insertPage(tx, table, page2, nulled) {
  await explainPageError(table, page2, () => insertBackupRows(tx, table, toJsonArray(page2), nulled));
}
async function checkPagePresent(tx, table, page2) {
  if (await explainPageError(table, page2, () => countRowsNotInTable(tx, table, toJsonArray(page2)))) {
    throw refused(`El cat\xE1logo ${table.name} de esta base de datos no es igual al del respaldo (l\xEDneas ${page2.firstLine}\u2013${page2.lastLine}).`);
  }
}
async function explainPageError(table, page2, query) {
  try {
    return await query();
  } catch (error) {
    const reason = error instanceof Error ? (error.cause ?? error).message : String(error);
    throw refused(`L\xEDneas ${page2.firstLine}\u2013${page2.lastLine}: no se pudieron restaurar las filas de la tabla ${table.name}: ${reason}`);
  }
}
function parseHeader(line) {
  let value;
  try {
    value = line && JSON.parse(line.text);
  } catch {
    value = void 0;
  }
  const format = value;
  if (format?.format !== BACKUP_FORMAT) throw refused("El archivo no es un respaldo de Telar.");
  if (format.version !== BACKUP_VERSION) throw refused(`El respaldo tiene el formato ${String(format.version)}; esta versi\xF3n de Telar lee el formato ${BACKUP_VERSION}.`);
  const header = BackupHeaderSchema.safeParse(value);
  if (!header.success) throw refused("L\xEDnea 1: el encabezado del respaldo est\xE1 da\xF1ado.");
  return header.data;
}
function parseRow(line, table, columns) {
  let row;
  try {
    row = JSON.parse(line.text);
  } catch {
    throw refused(`L\xEDnea ${line.number}: la fila de la tabla ${table} no es JSON v\xE1lido.`);
  }
  const keys = row !== null && typeof row === "object" && !Array.isArray(row) ? Object.keys(row) : [];
  if (keys.length !== columns.size || !keys.every((key) => columns.has(key))) {
    throw refused(`L\xEDnea ${line.number}: la fila de la tabla ${table} no tiene las columnas que declara el encabezado.`);
  }
  return row;
}
async function* readLines(file) {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on("error", (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const decoder = new StringDecoder("utf8");
  let pending = [];
  let number = 0;
  try {
    for await (const chunk of gunzip) {
      const parts = decoder.write(chunk).split("\n");
      if (parts.length === 1) {
        pending.push(parts[0]);
        continue;
      }
      const last = parts.pop();
      parts[0] = pending.join("") + parts[0];
      pending = [last];
      for (const text7 of parts) yield { text: text7, number: ++number };
    }
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT") throw refused(`No existe el archivo ${file}.`);
    if (code === "Z_BUF_ERROR") throw refused(`El archivo ${file} est\xE1 incompleto: se cort\xF3 antes de terminar.`);
    if (code === "Z_DATA_ERROR") throw refused(`El archivo ${file} no es un respaldo de Telar o est\xE1 da\xF1ado (no es un gzip v\xE1lido).`);
    throw isFileError(error) ? refused(`No se pudo leer el archivo ${file} (${error.code}).`) : error;
  } finally {
    source.destroy();
  }
  const rest = pending.join("") + decoder.end();
  if (rest) yield { text: rest, number: ++number };
}
async function nextLine(lines) {
  const result = await lines.next();
  return result.done ? void 0 : result.value;
}
function isFileError(error) {
  return error instanceof Error && typeof error.syscall === "string";
}
var sumRows = (tables) => tables.reduce((n, t) => n + t.rows, 0);
var pick = (row, keys) => Object.fromEntries(keys.map((key) => [key, row[key]]));

// src/cli/backup.command.ts
var formatCount = (n) => n.toLocaleString("es-MX");
function fileArgument(args) {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  return positionals.length === 1 ? positionals[0] : void 0;
}
async function backupCommand(args, handle) {
  const file = fileArgument(args);
  if (!file) {
    console.error("Uso: telar backup ARCHIVO");
    return 2;
  }
  const summary = await createBackupService(handle.db).backup(file);
  console.log(`Respaldo escrito en ${file}: ${formatCount(summary.rows)} filas de ${summary.tables.length} tablas (${handle.kind}).`);
  return 0;
}
async function restoreCommand(args, handle) {
  const file = fileArgument(args);
  if (!file) {
    console.error("Uso: telar restore ARCHIVO");
    return 2;
  }
  try {
    const summary = await createBackupService(handle.db).restore(file);
    const kept = summary.tables.filter((t) => !t.restored).map((t) => t.name);
    console.log(`Respaldo restaurado desde ${file}: ${formatCount(summary.rows)} filas de ${summary.tables.length} tablas (${handle.kind}).`);
    if (kept.length) console.log(`Se conservaron los cat\xE1logos que ya ten\xEDa la base, id\xE9nticos al respaldo: ${kept.join(", ")}.`);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(`No se restaur\xF3 el respaldo: ${error.message}
La base de datos qued\xF3 como estaba.`);
    return 1;
  }
}

// src/cli.ts
var USAGE = `Uso:
  telar serve [--port N] [--demo-if-empty]
  telar demo
  telar backup ARCHIVO
  telar restore ARCHIVO
  telar users create-admin --email CORREO --name NOMBRE [--password CONTRASE\xD1A]
  telar import mechanism-report ARCHIVO [--body SIGLAS] [--dry-run] [--json]
  telar report mechanism --body SIGLAS --from AAAA-MM-DD --to AAAA-MM-DD --format docx|md|json --out ARCHIVO`;
var commands = {
  backup: backupCommand,
  restore: restoreCommand,
  async serve(args, handle) {
    const { values } = parseArgs2({ args, options: { port: { type: "string" }, "demo-if-empty": { type: "boolean" } } });
    if (values["demo-if-empty"] && (await countRecords(handle.db)).bodies === 0) {
      printDemoAccount(await loadDemoData(handle.db));
    }
    const port = Number(values.port ?? process.env.PORT ?? 3e3);
    const webRoot = fileURLToPath4(new URL("../../web/dist", import.meta.url));
    const server = serve(
      { fetch: createApp({ db: handle.db, webRoot }).fetch, port, hostname: process.env.HOST ?? "127.0.0.1" },
      (info) => console.log(`Telar escucha en http://${info.address}:${info.port} (${handle.kind})`)
    );
    const shutdown = () => server.close(() => void handle.close().then(() => process.exit(0)));
    process.on("SIGINT", shutdown);
    process.on("SIGTERM", shutdown);
    return "keep-open";
  },
  async demo(_args, handle) {
    for (const statement of [sql28`drop schema public cascade`, sql28`create schema public`, sql28`drop schema if exists drizzle cascade`]) {
      await handle.db.execute(statement);
    }
    await prepareDatabase(handle);
    printDemoAccount(await loadDemoData(handle.db));
    return 0;
  },
  async users([what, ...args], handle) {
    if (what !== "create-admin") return usageError();
    const { values } = parseArgs2({ args, options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } } });
    if (!values.email || !values.name) return usageError();
    const password = values.password ?? generatePassword();
    const input = UserCreateSchema.safeParse({ email: values.email, name: values.name, password, roles: [{ role: "admin" }] });
    if (!input.success) {
      for (const issue of input.error.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
      return 1;
    }
    await createAuthService(handle.db).createUser(systemActor("cli"), input.data);
    console.log(`Cuenta de administraci\xF3n creada para ${input.data.email}.`);
    if (!values.password) console.log(`Contrase\xF1a (se muestra solo esta vez): ${password}`);
    return 0;
  },
  async import([what, ...args], handle) {
    if (what !== "mechanism-report") return usageError();
    const { values, positionals } = parseArgs2({
      args,
      allowPositionals: true,
      options: { body: { type: "string" }, "dry-run": { type: "boolean" }, json: { type: "boolean" } }
    });
    if (positionals.length !== 1) return usageError();
    const text7 = readFileSync5(positionals[0], "utf8");
    const result = await createServices(handle.db, systemActor("cli")).mechanismImport.importText(text7, { bodyAcronym: values.body, dryRun: !!values["dry-run"] });
    if (values.json) {
      console.log(JSON.stringify({ described: result.described, created: result.created, warnings: result.warnings, diagnostics: result.diagnostics }, null, 2));
    } else {
      for (const d of [...result.diagnostics, ...result.warnings]) console.error(`${positionals[0]}:${d.line}: ${d.message}`);
      console.log(`Descritos: ${JSON.stringify(result.described)}
${values["dry-run"] ? "Se crear\xEDan" : "Creados"}: ${JSON.stringify(result.created)}`);
    }
    return result.diagnostics.length ? 1 : 0;
  },
  async report([what, ...args], handle) {
    if (what !== "mechanism") return usageError();
    const { values } = parseArgs2({
      args,
      options: { body: { type: "string" }, from: { type: "string" }, to: { type: "string" }, format: { type: "string", default: "docx" }, out: { type: "string" } }
    });
    const { body, from, to, format, out } = values;
    if (!body || !from || !to || !out || !["docx", "md", "json"].includes(format)) return usageError();
    const file = await createServices(handle.db, systemActor("cli")).mechanismReport.generate({ acronym: body }, from, to, format);
    writeFileSync2(out, file.body);
    console.log(`Informe escrito en ${out} (${file.report.blocks.length} bloques).`);
    return 0;
  }
};
function printDemoAccount(account) {
  console.log("Se cargaron los datos de demostraci\xF3n.");
  console.log(`Cuenta de administraci\xF3n de la demostraci\xF3n: ${account.email} / ${account.password} (se muestra solo esta vez).`);
}
function usageError() {
  console.error(USAGE);
  return 2;
}
async function main(argv) {
  const [name, ...args] = argv;
  const command = name ? commands[name] : void 0;
  if (!command) return usageError();
  const handle = await openConfiguredDatabase();
  try {
    const outcome = await command(args, handle);
    if (outcome !== "keep-open") await handle.close();
    return outcome;
  } catch (error) {
    await handle.close();
    throw error;
  }
}
main(process.argv.slice(2)).then(
  (outcome) => {
    if (outcome !== "keep-open") process.exitCode = outcome;
  },
  (error) => {
    console.error(error instanceof AppError || error instanceof Error ? `Error: ${error.message}` : error);
    process.exitCode = 1;
  }
);
