import { findStateByIso } from '../geo/states.js';
import { ACTIVITY_KIND_LABELS, PLAN_NODE_KIND_LABELS } from '../plans/plan-template.js';
import { AGREEMENT_STATUS_LABELS, SESSION_KIND_LABELS } from '../schemas/session-vocabulary.js';
import { formatSpanishDate } from '../text/dates.js';
import { formatSpanishOrdinal } from '../text/ordinals.js';

/**
 * How a record's history reads in Spanish, shared by the API (history view, audit download) and
 * the web catalogue (the same enum wording in forms and lists).
 */

export const SECTOR_LABELS = {
  government: 'Gobierno',
  civil_society: 'Organización de la sociedad civil',
  academia: 'Academia',
  private_sector: 'Sector privado',
  international: 'Organismo internacional',
  other: 'Otro',
} as const;
export const ORGANIZATION_LEVEL_LABELS = { federal: 'Federal', state: 'Estatal', municipal: 'Municipal', none: 'No aplica' } as const;
export const BODY_KIND_LABELS = {
  system: 'Sistema',
  commission: 'Comisión',
  working_group: 'Grupo de trabajo',
  subgroup: 'Subgrupo',
  network: 'Red',
} as const;
export const BODY_LEVEL_LABELS = { national: 'Nacional', state: 'Estatal', municipal: 'Municipal' } as const;
export const MODALITY_LABELS = { in_person: 'Presencial', virtual: 'Virtual', hybrid: 'Híbrida' } as const;
export const FOCAL_POINT_KIND_LABELS = { titular: 'Enlace titular', alternate: 'Enlace suplente' } as const;
export const EVIDENCE_KIND_LABELS = { minutes: 'Acta', report: 'Informe', official_letter: 'Oficio', link: 'Enlace', other: 'Otro' } as const;
export const ROLE_LABELS = {
  admin: 'Administración',
  secretariat: 'Secretaría técnica de un órgano',
  enlace: 'Enlace de una organización',
  reader: 'Lectura',
} as const;

export const EXERCISE_STATUS_LABELS = { draft: 'Borrador', open: 'Abierto a aportaciones', closed: 'Cerrado' } as const;
export const CONTRIBUTION_STATUS_LABELS = {
  pending: 'Pendiente',
  draft: 'En redacción',
  submitted: 'Enviada a revisión',
  sent_back: 'Devuelta para corregir',
  accepted: 'Aceptada',
} as const;

export const HISTORY_ACTION_LABELS = {
  create: 'Creación',
  update: 'Modificación',
  archive: 'Archivado',
  restore: 'Restauración',
  publish: 'Publicación',
  unpublish: 'Retiro de la publicación',
  import: 'Importación',
  submit: 'Envío a revisión',
  accept: 'Aceptación',
  send_back: 'Devolución para corregir',
  close: 'Cierre',
  deactivate: 'Desactivación',
  reactivate: 'Reactivación',
  sign_out: 'Cierre de sesiones',
  password_change: 'Cambio de contraseña',
  password_reset: 'Contraseña asignada por administración',
  invitation_sent: 'Invitación enviada por correo',
  invitation_accepted: 'Contraseña elegida con la invitación',
  password_reset_requested: 'Enlace para restablecer la contraseña enviado por correo',
  password_reset_by_link: 'Contraseña restablecida con el enlace del correo',
} as const;

/** Labels of the fields the audit trail records, as the forms name them. */
const FIELD_LABELS: Record<string, string> = {
  name: 'Nombre',
  acronym: 'Siglas',
  sector: 'Sector',
  level: 'Ámbito u orden de gobierno',
  stateCode: 'Entidad federativa',
  parentId: 'Depende de',
  kind: 'Tipo',
  number: 'Número',
  date: 'Fecha',
  modality: 'Modalidad',
  text: 'Texto',
  code: 'Clave',
  status: 'Estado',
  dueDate: 'Fecha límite',
  stateCodes: 'Entidades federativas',
  responsibleOrganizationIds: 'Organizaciones responsables',
  organizationIds: 'Organizaciones participantes',
  organizationId: 'Organización',
  bodyId: 'Órgano',
  sessionId: 'Sesión',
  agreementId: 'Acuerdo',
  participationId: 'Participación',
  planId: 'Plan',
  description: 'Descripción',
  title: 'Título',
  email: 'Correo electrónico',
  roles: 'Roles',
  role: 'Rol',
  sessions: 'Sesiones',
  participations: 'Participaciones',
  agreements: 'Acuerdos',
  followUps: 'Seguimientos',
  organizations: 'Organizaciones',
  created: 'Registros creados',
  isActive: 'Activa',
  mustChangePassword: 'Debe cambiar la contraseña',
  session: 'Sesión',
  publishedAt: 'Publicación',
  archivedAt: 'Archivado',
  minutesUrl: 'Dirección del acta',
  startDate: 'Fecha de inicio',
  endDate: 'Fecha de término',
  currentVersion: 'Versión de las preguntas',
  templateId: 'Plantilla',
  templateVersion: 'Versión de la plantilla',
  recipient: 'Destinatario',
  reference: 'Referencia',
  receivedOn: 'Fecha de recepción',
  internalDueOn: 'Fecha límite interna',
  externalDueOn: 'Fecha de entrega',
  periodFrom: 'Inicio del periodo',
  periodTo: 'Fin del periodo',
  replyDate: 'Fecha de la respuesta',
  place: 'Lugar',
  coverNote: 'Oficio de envío',
  previousExerciseId: 'Ejercicio anterior',
  questionNumber: 'Pregunta',
  dueOn: 'Fecha límite',
  withdrawn: 'Asignación retirada',
  answer: 'Respuesta',
  links: 'Registros vinculados',
  reviewComment: 'Comentario de revisión',
  submittedAt: 'Envío a revisión',
  reviewedAt: 'Revisión',
  reviewedBy: 'Revisó',
  // networks
  networkId: 'Red',
  declaredMembers: 'Integrantes declarados',
  declaredStates: 'Entidades declaradas',
  declaredSource: 'Fuente del tamaño declarado',
  declaredOn: 'Fecha del tamaño declarado',
  newDays: 'Días como integrante nuevo',
  graceDays: 'Días de gracia',
  membersPublic: 'Lista de integrantes pública',
  rankingPublic: 'Ranking público',
  pointWeights: 'Pesos del puntaje',
  joinedOn: 'Fecha de ingreso',
  leftOn: 'Fecha de baja',
  contactName: 'Contacto',
  contactEmail: 'Correo del contacto',
  contactPhone: 'Teléfono del contacto',
  source: 'Fuente',
  year: 'Año',
  amount: 'Monto',
  paidOn: 'Fecha de pago',
  note: 'Nota',
  planNodeId: 'Compromiso',
  communication: 'Mecanismo de comunicación',
  work: 'Mecanismo de trabajo',
  personId: 'Persona',
  startOn: 'Inicio del periodo',
  endOn: 'Fin del periodo',
};

/** Where a record kind names a field its own way. */
const ENTITY_FIELD_LABELS: Record<string, Record<string, string>> = {
  agreement: { dueDate: 'Fecha de cumplimiento' },
  organization: { level: 'Orden de gobierno', parentId: 'Organización de la que depende' },
  body: { level: 'Ámbito', kind: 'Tipo de órgano', parentId: 'Órgano del que depende', logo: 'Logotipo' },
  session: {
    kind: 'Tipo de sesión',
    agenda: 'Orden del día',
    startsAt: 'Inicio',
    endsAt: 'Término',
    presenter: 'Presenta',
    notes: 'Notas',
    attendanceOrganizationIds: 'Organizaciones asistentes',
  },
  focal_point: { kind: 'Tipo de enlace' },
  evidence: { kind: 'Tipo de documento' },
  dataset: {
    cutoffDate: 'Fecha de corte',
    retrievedDate: 'Fecha de consulta',
    disclosureThreshold: 'Umbral de confidencialidad',
    isPublic: 'Publicado en el portal',
    populationDatasetId: 'Población de referencia',
    coverageDatasetId: 'Cobertura de edad',
    coverageThreshold: 'Cobertura mínima (%)',
    currentRevision: 'Revisión vigente',
  },
  survey: {
    anonymity: 'Anonimato',
    audience: 'Destinatarios',
    definition: 'Preguntas',
    closesAt: 'Cierre',
    closedAt: 'Cerrada el',
    invited: 'Organizaciones invitadas',
    reminded: 'Recordatorios enviados',
    publishedQuestions: 'Preguntas publicadas en el portal',
    answerThemes: 'Temas de una respuesta abierta',
  },
};

/** Wording of enum values, by record kind and field. */
const ENUM_LABELS: Record<string, Record<string, Record<string, string>>> = {
  organization: { sector: SECTOR_LABELS, level: ORGANIZATION_LEVEL_LABELS },
  body: { kind: BODY_KIND_LABELS, level: BODY_LEVEL_LABELS },
  session: { kind: SESSION_KIND_LABELS, modality: MODALITY_LABELS },
  agreement: { status: AGREEMENT_STATUS_LABELS },
  follow_up: { status: AGREEMENT_STATUS_LABELS },
  focal_point: { kind: FOCAL_POINT_KIND_LABELS },
  evidence: { kind: EVIDENCE_KIND_LABELS },
  user: { role: ROLE_LABELS },
  activity: { kind: ACTIVITY_KIND_LABELS },
  plan_node: { kind: PLAN_NODE_KIND_LABELS },
  questionnaire_exercise: { status: EXERCISE_STATUS_LABELS },
  questionnaire_contribution: { status: CONTRIBUTION_STATUS_LABELS },
  survey: {
    status: { draft: 'Borrador', open: 'Abierta', closed: 'Cerrada' },
    anonymity: { named: 'Nominal', anonymous: 'Anónima', optional: 'A elección de quien responde' },
  },
};

export function historyFieldLabel(entity: string, field: string): string {
  return ENTITY_FIELD_LABELS[entity]?.[field] ?? FIELD_LABELS[field] ?? field;
}

export function historyActionLabel(action: string): string {
  return (HISTORY_ACTION_LABELS as Record<string, string>)[action] ?? action;
}

const SESSION_TITLES: Record<string, (ordinal: string) => string> = {
  ordinary: (ordinal) => `${ordinal}Sesión Ordinaria`,
  extraordinary: (ordinal) => `${ordinal}Sesión Extraordinaria`,
  permanent: () => 'Sesión Permanente',
  installation: () => 'Sesión de Instalación',
  assembly: (ordinal) => `${ordinal}Asamblea`,
};

/** "Vigésima Primera Sesión Ordinaria", "Sesión Permanente". */
export function formatSessionTitleEs(kind: string, number: number | null): string {
  const ordinal = number === null ? '' : `${formatSpanishOrdinal(number)} `;
  return (SESSION_TITLES[kind] ?? ((o: string) => `${o}Sesión`))(ordinal);
}

export const MEXICO_CITY_TIME_ZONE = 'America/Mexico_City';
const instantFormat = new Intl.DateTimeFormat('es-MX', { dateStyle: 'long', timeStyle: 'short', timeZone: MEXICO_CITY_TIME_ZONE });
const dayFormat = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: MEXICO_CITY_TIME_ZONE });

/** A moment in Mexico City time: "1 de diciembre de 2026, 18:44". */
export function formatInstantMexicoCity(timestamp: string): string {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? timestamp : instantFormat.format(date);
}

/** The calendar day of a moment in Mexico City, as YYYY-MM-DD (18:44 on 1 Dec there is 00:44 UTC on 2 Dec). */
export function mexicoCityDay(timestamp: string): string {
  return dayFormat.format(new Date(timestamp));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids of records named in a change's values, to be resolved to names. */
export function collectHistoryIds(values: readonly unknown[]): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string' && UUID.test(value)) ids.add(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  values.forEach(visit);
  return [...ids];
}

export const HISTORY_NONE = '—';

/**
 * A before or after value as a person reads it: record names instead of ids, states by name, enum
 * values in Spanish, dates in words, moments in Mexico City time, yes/no, lists joined.
 */
export function describeHistoryValue(entity: string, field: string, value: unknown, names: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined || value === '') return HISTORY_NONE;
  if (typeof value === 'boolean') return value ? 'Sí' : 'No';
  if (Array.isArray(value)) {
    return value.length === 0 ? HISTORY_NONE : value.map((item) => describeHistoryValue(entity, field, item, names)).join('; ');
  }
  if (typeof value === 'object') {
    // A role grant, the counts of an import: each part named ("Rol: Lectura, Órgano: …").
    return Object.entries(value)
      .filter(([, part]) => part !== null && part !== undefined && part !== '')
      .map(([key, part]) => `${historyFieldLabel(entity, key)}: ${describeHistoryValue(entity, key, part, names)}`)
      .join(', ');
  }
  if (typeof value !== 'string') return String(value);
  const enumLabel = ENUM_LABELS[entity]?.[field]?.[value];
  if (enumLabel) return enumLabel;
  if (names.has(value)) return names.get(value)!;
  if (ISO_DATE.test(value)) return formatSpanishDate(value);
  if (ISO_INSTANT.test(value)) return formatInstantMexicoCity(value);
  if (/^stateCodes?$/.test(field) || field === 'states') return findStateByIso(value)?.name ?? value;
  return value;
}
