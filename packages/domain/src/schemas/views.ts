/**
 * What the API returns: the shapes the server presents and the web client reads. Each is a zod schema
 * named in the OpenAPI document (`meta({ id })`) and each type is inferred from its schema, so the
 * contract and the types cannot drift. Inputs are the schemas beside this file; these are outputs only.
 * Nothing checks answers against them at run time; an API test parses real answers with them.
 */
import { z } from 'zod';
import { DiagnosticSchema, MechanismReportSchema } from '../mechanism-report/model.js';
import { AGREEMENT_STATUSES, SESSION_KINDS } from './session-vocabulary.js';
import {
  BodyAbilitiesSchema,
  AgreementAbilitiesSchema,
  MeAbilitiesSchema,
  MembershipAbilitiesSchema,
  OrganizationAbilitiesSchema,
  ParticipationAbilitiesSchema,
  SessionAbilitiesSchema,
} from './abilities.js';
import { ROLES } from './accounts.js';
import { BODY_KINDS, BODY_LEVELS, FOCAL_POINT_KINDS, MEMBERSHIP_ROLES, ORGANIZATION_LEVELS, SECTORS } from './directory.js';
import { EVIDENCE_KINDS, SESSION_MODALITIES } from './sessions.js';
import { ACTIVITY_KINDS } from './plans.js';
import { orNull, viewCount, viewDate, viewId, viewInstant, viewVersion } from './view-fields.js';

/** A page of a list: the items asked for and how many there are in all. */
export const pageOf = <Item extends z.ZodType>(item: Item, id: string) =>
  z
    .strictObject({
      items: z.array(item),
      total: viewCount,
      /** Present and true when a text search stopped counting at COUNT_CAP: `total` is then a lower bound. */
      isTotalCapped: z.boolean().optional(),
      page: z.number().int().min(1),
      pageSize: z.number().int().min(1),
    })
    .meta({ id, description: 'Una página de la lista y el total de registros que cumplen el filtro (con isTotalCapped, «más de» ese total).' });

export const StateViewSchema = z
  .strictObject({
    /** ISO 3166-2:MX, the key used everywhere ("MX-JAL"). */
    code: z.string(),
    inegiCode: z.string(),
    name: z.string(),
    shortName: z.string(),
    abbreviation: z.string(),
  })
  .meta({ id: 'StateView', description: 'Entidad federativa (catálogo del INEGI; la clave es ISO 3166-2:MX).' });
export type StateView = z.infer<typeof StateViewSchema>;

export const OrganizationRefSchema = z
  .strictObject({ id: viewId, name: z.string(), acronym: z.string().nullable() })
  .meta({ id: 'OrganizationRef', description: 'Referencia a una organización.' });
export type OrganizationRef = z.infer<typeof OrganizationRefSchema>;

export const OrganizationViewSchema = OrganizationRefSchema.extend({
  sector: z.enum(SECTORS),
  level: z.enum(ORGANIZATION_LEVELS),
  stateCode: z.string().nullable(),
  parentId: viewId.nullable(),
  version: viewVersion,
  updatedAt: viewInstant,
}).meta({ id: 'OrganizationView', description: 'Organización del directorio.' });
export type OrganizationView = z.infer<typeof OrganizationViewSchema>;

export const BodyRefSchema = z
  .strictObject({ id: viewId, name: z.string(), acronym: z.string().nullable() })
  .meta({ id: 'BodyRef', description: 'Referencia a un órgano colegiado.' });
export type BodyRef = z.infer<typeof BodyRefSchema>;

export const BodyViewSchema = BodyRefSchema.extend({
  kind: z.enum(BODY_KINDS),
  level: z.enum(BODY_LEVELS),
  stateCode: z.string().nullable(),
  parentId: viewId.nullable(),
  version: viewVersion,
}).meta({ id: 'BodyView', description: 'Sistema, comisión, grupo de trabajo o red.' });
export type BodyView = z.infer<typeof BodyViewSchema>;

export const EvidenceViewSchema = z
  .strictObject({ id: viewId, kind: z.enum(EVIDENCE_KINDS), title: z.string(), url: z.string().nullable() })
  .meta({ id: 'EvidenceView', description: 'Evidencia: un enlace, o un archivo que sirve la API en `url`.' });
export type EvidenceView = z.infer<typeof EvidenceViewSchema>;

export const SessionRefViewSchema = z
  .strictObject({ id: viewId, body: BodyRefSchema, kind: z.enum(SESSION_KINDS), number: z.number().int().nullable(), date: viewDate })
  .meta({ id: 'SessionRefView', description: 'Referencia a una sesión con su órgano.' });
export type SessionRefView = z.infer<typeof SessionRefViewSchema>;

export const SessionViewSchema = z
  .strictObject({
    id: viewId,
    body: BodyRefSchema,
    kind: z.enum(SESSION_KINDS),
    number: z.number().int().nullable(),
    date: viewDate,
    modality: z.enum(SESSION_MODALITIES).nullable(),
    minutes: orNull(EvidenceViewSchema),
    participationCount: viewCount,
    agreementCount: viewCount,
    /** When it was published; null while it is a draft. */
    publishedAt: viewInstant.nullable(),
    version: viewVersion,
  })
  .meta({ id: 'SessionView', description: 'Sesión de un órgano colegiado.' });
export type SessionView = z.infer<typeof SessionViewSchema>;

export const ParticipationViewSchema = z
  .strictObject({
    id: viewId,
    session: SessionRefViewSchema,
    organizations: z.array(OrganizationRefSchema),
    description: z.string(),
    version: viewVersion,
  })
  .meta({ id: 'ParticipationView', description: 'Participación de organizaciones en una sesión.' });
export type ParticipationView = z.infer<typeof ParticipationViewSchema>;

export const AgreementViewSchema = z
  .strictObject({
    id: viewId,
    code: z.string().nullable(),
    session: SessionRefViewSchema,
    participationId: viewId.nullable(),
    text: z.string(),
    responsibleOrganizations: z.array(OrganizationRefSchema),
    stateCodes: z.array(z.string()),
    dueDate: viewDate.nullable(),
    status: z.enum(AGREEMENT_STATUSES),
    /** When it was published (with its follow-up); null while it is a draft. */
    publishedAt: viewInstant.nullable(),
    version: viewVersion,
  })
  .meta({ id: 'AgreementView', description: 'Acuerdo tomado en una sesión.' });
export type AgreementView = z.infer<typeof AgreementViewSchema>;

export const FollowUpViewSchema = z
  .strictObject({
    id: viewId,
    agreementId: viewId.nullable(),
    participationId: viewId.nullable(),
    /** Unknown for follow-ups imported from reports that do not date them. */
    date: viewDate.nullable(),
    text: z.string(),
    stateCodes: z.array(z.string()),
    evidence: z.array(EvidenceViewSchema),
    version: viewVersion,
  })
  .meta({ id: 'FollowUpView', description: 'Seguimiento de un acuerdo o de una participación.' });
export type FollowUpView = z.infer<typeof FollowUpViewSchema>;

export const OrganizationDetailViewSchema = OrganizationViewSchema.extend({
  participations: z.array(ParticipationViewSchema),
  agreements: z.array(AgreementViewSchema),
  abilities: OrganizationAbilitiesSchema,
}).meta({ id: 'OrganizationDetailView', description: 'Organización con sus participaciones y los acuerdos de los que es responsable.' });
export type OrganizationDetailView = z.infer<typeof OrganizationDetailViewSchema>;

/** A focal point as shown to people: name and position only, never contacts. */
export const FocalPointViewSchema = z
  .strictObject({
    id: viewId,
    kind: z.enum(FOCAL_POINT_KINDS),
    person: z.strictObject({ id: viewId, name: z.string(), position: z.string().nullable() }),
    startDate: viewDate,
    endDate: viewDate.nullable(),
  })
  .meta({ id: 'FocalPointView', description: 'Enlace de una integración: nombre y cargo, nunca datos de contacto.' });
export type FocalPointView = z.infer<typeof FocalPointViewSchema>;

export const MembershipViewSchema = z
  .strictObject({
    id: viewId,
    bodyId: viewId,
    organization: OrganizationRefSchema,
    role: z.enum(MEMBERSHIP_ROLES),
    startDate: viewDate.nullable(),
    endDate: viewDate.nullable(),
    focalPoints: z.array(FocalPointViewSchema),
  })
  .meta({ id: 'MembershipView', description: 'Integración de una organización en un órgano, con sus enlaces.' });
export type MembershipView = z.infer<typeof MembershipViewSchema>;

export const BodyLogoViewSchema = z
  .strictObject({
    url: z.string().meta({ description: 'Dónde descargar la imagen (con sesión).' }),
    contentType: z.enum(['image/png', 'image/jpeg']),
    width: z.number().int().meta({ description: 'Ancho en píxeles.' }),
    height: z.number().int().meta({ description: 'Alto en píxeles.' }),
    byteSize: z.number().int(),
  })
  .meta({ id: 'BodyLogoView', description: 'Logotipo del órgano, que encabeza los documentos de Word que Telar escribe para él.' });
export type BodyLogoView = z.infer<typeof BodyLogoViewSchema>;

export const BodyDetailViewSchema = BodyViewSchema.extend({
  logo: BodyLogoViewSchema.nullable(),
  children: z.array(BodyRefSchema),
  memberships: z.array(MembershipViewSchema.extend({ abilities: MembershipAbilitiesSchema })),
  sessions: z.array(SessionViewSchema),
  abilities: BodyAbilitiesSchema,
}).meta({ id: 'BodyDetailView', description: 'Órgano con los órganos que dependen de él, sus integrantes y sus sesiones.' });
export type BodyDetailView = z.infer<typeof BodyDetailViewSchema>;

export const SessionDetailViewSchema = SessionViewSchema.extend({
  participations: z.array(ParticipationViewSchema.extend({ followUps: z.array(FollowUpViewSchema) })),
  agreements: z.array(AgreementViewSchema),
}).meta({ id: 'SessionDetailView', description: 'Sesión con sus participaciones (y su seguimiento) y sus acuerdos.' });
export type SessionDetailView = z.infer<typeof SessionDetailViewSchema>;

export const AgreementDetailViewSchema = AgreementViewSchema.extend({ followUps: z.array(FollowUpViewSchema) }).meta({
  id: 'AgreementDetailView',
  description: 'Acuerdo con su seguimiento.',
});
export type AgreementDetailView = z.infer<typeof AgreementDetailViewSchema>;

export const AgendaItemViewSchema = z
  .strictObject({
    id: viewId,
    position: z.number().int().min(0),
    /** 'HH:MM' in Mexico City as the programme writes it; null when it gives none. */
    startsAt: z.string().nullable(),
    endsAt: z.string().nullable(),
    title: z.string(),
    presenter: z.string().nullable(),
    notes: z.string().nullable(),
  })
  .meta({ id: 'AgendaItemView', description: 'Punto del orden del día de una sesión, con su horario y quién lo presenta.' });
export type AgendaItemView = z.infer<typeof AgendaItemViewSchema>;

export const SessionAgendaViewSchema = z
  .strictObject({ sessionId: viewId, items: z.array(AgendaItemViewSchema), version: viewVersion })
  .meta({ id: 'SessionAgendaView', description: 'Orden del día de una sesión, en orden; `version` es la de la sesión.' });
export type SessionAgendaView = z.infer<typeof SessionAgendaViewSchema>;

export const SessionAttendanceViewSchema = z
  .strictObject({ sessionId: viewId, organizations: z.array(OrganizationRefSchema), version: viewVersion })
  .meta({ id: 'SessionAttendanceView', description: 'Organizaciones que asistieron a una sesión (p. ej. las integrantes de una red en su asamblea).' });
export type SessionAttendanceView = z.infer<typeof SessionAttendanceViewSchema>;

/** What an assembly reports as achieved or planned: its body's activities dated on the session's day, with the plan nodes they serve. */
export const SessionActivityViewSchema = z
  .strictObject({
    id: viewId,
    kind: z.enum(ACTIVITY_KINDS),
    title: z.string(),
    startDate: viewDate,
    endDate: viewDate.nullable(),
    planNodes: z.array(z.strictObject({ id: viewId, planId: viewId, code: z.string(), title: z.string() })),
  })
  .meta({ id: 'SessionActivityView', description: 'Actividad del órgano de una asamblea fechada el día de la sesión (logros y planes que se informaron), con los nodos del plan a los que sirve.' });
export type SessionActivityView = z.infer<typeof SessionActivityViewSchema>;

/** A session as the internal app shows it: its detail and what the signed-in person may do with it and its participations. */
export const SessionRecordViewSchema = SessionDetailViewSchema.extend({
  participations: z.array(ParticipationViewSchema.extend({ followUps: z.array(FollowUpViewSchema), abilities: ParticipationAbilitiesSchema })),
  /** The programme in order, and the organisations that attended. */
  agenda: z.array(AgendaItemViewSchema),
  attendance: z.array(OrganizationRefSchema),
  /** Only for an assembly: what was reported there (see SessionActivityView); empty for other sessions. */
  activities: z.array(SessionActivityViewSchema),
  abilities: SessionAbilitiesSchema,
}).meta({
  id: 'SessionRecordView',
  description: 'Sesión con sus participaciones y acuerdos, su orden del día y asistencia, y lo que la persona puede hacer con ella y con cada participación.',
});
export type SessionRecordView = z.infer<typeof SessionRecordViewSchema>;

/** An agreement as the internal app shows it: its detail and what the signed-in person may do with it. */
export const AgreementRecordViewSchema = AgreementDetailViewSchema.extend({ abilities: AgreementAbilitiesSchema }).meta({
  id: 'AgreementRecordView',
  description: 'Acuerdo con su seguimiento y lo que la persona puede hacer con él.',
});
export type AgreementRecordView = z.infer<typeof AgreementRecordViewSchema>;

export const DashboardViewSchema = z
  .strictObject({
    counts: z.strictObject({
      organizations: viewCount,
      bodies: viewCount,
      sessions: viewCount,
      participations: viewCount,
      agreements: viewCount,
      followUps: viewCount,
    }),
    /** Open agreements due from today through the next 60 days (Mexico City), soonest first; the overdue ones are in `overdue`. */
    dueSoon: z.array(AgreementViewSchema),
    /** Open agreements past their due date, the oldest first (the first ten), and how many there are. */
    overdue: z.array(AgreementViewSchema),
    overdueCount: viewCount,
  })
  .meta({ id: 'DashboardView', description: 'Conteos de registros, acuerdos abiertos que vencen en los próximos 60 días y acuerdos vencidos.' });
export type DashboardView = z.infer<typeof DashboardViewSchema>;

export const ImportCountsSchema = z
  .strictObject({ sessions: viewCount, participations: viewCount, agreements: viewCount, followUps: viewCount, organizations: viewCount })
  .meta({ id: 'ImportCounts', description: 'Registros por tipo.' });
export type ImportCounts = z.infer<typeof ImportCountsSchema>;

const AUDIT_ACTIONS = [
  ...['create', 'update', 'archive', 'restore', 'publish', 'unpublish', 'import', 'submit', 'accept', 'send_back', 'close'],
  // Accounts: deactivated or reactivated, sessions ended, password changed by its owner or reset by an administrator.
  ...['deactivate', 'reactivate', 'sign_out', 'password_change', 'password_reset'],
  // Links sent by e-mail: an invitation sent and accepted, a reset asked for and used.
  ...['invitation_sent', 'invitation_accepted', 'password_reset_requested', 'password_reset_by_link'],
] as const;

/** What a participation-mechanism import read, created (or, in a dry run, would create) and found wrong. */
/** The body that receives (or, in a preview, would receive) an import's records. */
export const ImportTargetBodySchema = z
  .strictObject({
    /** Null in a preview that would create the body. */
    id: z.string().nullable(),
    name: z.string(),
    acronym: z.string().nullable(),
    /** The body does not exist yet and the import creates it from the document's title. */
    isNew: z.boolean(),
  })
  .meta({ id: 'ImportTargetBody' });
export type ImportTargetBody = z.infer<typeof ImportTargetBodySchema>;

export const MechanismImportResultSchema = z
  .strictObject({
    described: ImportCountsSchema,
    created: ImportCountsSchema,
    /** Which body receives the records; null when the document has errors. */
    body: orNull(ImportTargetBodySchema),
    warnings: z.array(DiagnosticSchema),
    /** Errors: with any, nothing was written. */
    diagnostics: z.array(DiagnosticSchema),
    report: orNull(MechanismReportSchema),
  })
  .meta({ id: 'MechanismImportResult', description: 'Lo que describe el documento, lo que se creó (o se crearía) y lo que tiene mal; con errores no se escribe nada.' });
export type MechanismImportResult = z.infer<typeof MechanismImportResultSchema>;

export const HistoryFieldChangeSchema = z
  .strictObject({
    field: z.string().meta({ description: 'Clave del campo (la de `changes`).' }),
    label: z.string().meta({ description: 'Nombre del campo en español, como lo nombran los formularios.' }),
    before: z.string().meta({ description: 'Valor anterior en español: nombres en lugar de identificadores, fechas en palabras, momentos en hora de la Ciudad de México; «—» si estaba vacío.' }),
    after: z.string().meta({ description: 'Valor nuevo, escrito igual que `before`.' }),
  })
  .meta({ id: 'HistoryFieldChange', description: 'Un campo cambiado, antes → después, en palabras.' });

export const HistoryEntryTextSchema = z
  .strictObject({
    at: z.string().meta({ description: 'Fecha y hora en la Ciudad de México («1 de diciembre de 2026, 18:44»).' }),
    who: z.string().meta({ description: 'Quién hizo el cambio: nombre y correo de la cuenta, o «cli»/«demo».' }),
    action: z.string().meta({ description: 'La acción en español («Modificación», «Publicación»…).' }),
    fields: z.array(HistoryFieldChangeSchema),
  })
  .meta({ id: 'HistoryEntryText', description: 'Un cambio de la bitácora como lo lee una persona.' });

/** One entry of a record's history. */
export const AuditEntryViewSchema = z
  .strictObject({
    id: z.number().int(),
    at: viewInstant,
    actor: z.string(),
    action: z.enum(AUDIT_ACTIONS),
    /** Changed fields: { field: [before, after] }. */
    changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
    /** The same entry as a person reads it, in Spanish. */
    shown: HistoryEntryTextSchema,
  })
  .meta({ id: 'AuditEntryView', description: 'Un cambio de un registro: quién, cuándo y cada campo antes y después.' });
export type AuditEntryView = z.infer<typeof AuditEntryViewSchema>;

export const PublishedReportViewSchema = z
  .strictObject({
    id: viewId,
    kind: z.literal('mechanism'),
    body: BodyRefSchema,
    periodFrom: viewDate,
    periodTo: viewDate,
    title: z.string(),
    publishedAt: viewInstant,
  })
  .meta({ id: 'PublishedReportView', description: 'Informe publicado (congelado tal como estaba al publicarse).' });
export type PublishedReportView = z.infer<typeof PublishedReportViewSchema>;

export const PublishedReportRefSchema = z
  .strictObject({ id: viewId, title: z.string() })
  .meta({ id: 'PublishedReportRef', description: 'El informe que se acaba de congelar y publicar.' });
export type PublishedReportRef = z.infer<typeof PublishedReportRefSchema>;

export const RoleGrantRefSchema = z
  .strictObject({ role: z.enum(ROLES), bodyId: viewId.nullable(), organizationId: viewId.nullable() })
  .meta({ id: 'RoleGrantRef', description: 'Un rol, con el órgano (secretaría técnica) o la organización (enlace) a los que se limita.' });

/** A role with the names of the body or organisation it is scoped to. */
export const RoleGrantViewSchema = RoleGrantRefSchema.extend({
  body: orNull(BodyRefSchema),
  organization: orNull(OrganizationRefSchema),
}).meta({ id: 'RoleGrantView', description: 'Un rol con el nombre del órgano o de la organización a los que se limita.' });
export type RoleGrantView = z.infer<typeof RoleGrantViewSchema>;

/** The signed-in person as the web app sees them. */
export const MeViewSchema = z
  .strictObject({
    id: viewId,
    email: z.string(),
    name: z.string(),
    roles: z.array(RoleGrantRefSchema),
    /** Sent back in the X-CSRF-Token header of every state-changing request. */
    csrfToken: z.string(),
    /** The password was set by someone else: until the person changes it, the API refuses everything else. */
    mustChangePassword: z.boolean(),
    abilities: MeAbilitiesSchema,
  })
  .meta({ id: 'MeView', description: 'La persona con sesión iniciada y la ficha CSRF que debe enviar en X-CSRF-Token en cada escritura.' });
export type MeView = z.infer<typeof MeViewSchema>;

export const UserViewSchema = z
  .strictObject({
    id: viewId,
    email: z.string(),
    name: z.string(),
    isActive: z.boolean(),
    mustChangePassword: z.boolean(),
    isInvitationPending: z.boolean().meta({ description: 'Invitada por correo y sin contraseña elegida todavía.' }),
    roles: z.array(RoleGrantViewSchema),
    createdAt: viewInstant,
    version: z.number().int(),
  })
  .meta({ id: 'UserView', description: 'Una cuenta como la ven las personas administradoras, con sus roles.' });
export type UserView = z.infer<typeof UserViewSchema>;

export const OrganizationPageSchema = pageOf(OrganizationViewSchema, 'OrganizationPage');
export const BodyPageSchema = pageOf(BodyViewSchema, 'BodyPage');
export const SessionPageSchema = pageOf(SessionViewSchema, 'SessionPage');
export const AgreementPageSchema = pageOf(AgreementViewSchema, 'AgreementPage');

/** One of the signed-in person's own sessions (a browser where they are signed in). */
export const AuthSessionViewSchema = z
  .strictObject({
    id: viewId,
    createdAt: viewInstant,
    /** Updated at most every few minutes while the session is used. */
    lastSeenAt: viewInstant,
    expiresAt: viewInstant,
    /** The session this request came with. */
    isCurrent: z.boolean(),
  })
  .meta({ id: 'AuthSessionView', description: 'Una sesión abierta de la persona: inicio, último uso y vencimiento.' });
export type AuthSessionView = z.infer<typeof AuthSessionViewSchema>;

export const UserPageSchema = pageOf(UserViewSchema, 'UserPage');

/** An account just created: who it is and the roles it was given. */
export const UserCreatedSchema = z
  .strictObject({
    id: viewId,
    email: z.string(),
    name: z.string(),
    roles: z.array(RoleGrantRefSchema),
    isInvited: z.boolean().meta({ description: 'Se le envió por correo una invitación para elegir su contraseña.' }),
  })
  .meta({ id: 'UserCreated', description: 'La cuenta recién creada, con sus roles.' });

export const AccountLinkViewSchema = z
  .strictObject({
    purpose: z.enum(['invitation', 'password_reset']),
    email: z.string(),
    name: z.string(),
    expiresAt: viewInstant,
  })
  .meta({ id: 'AccountLinkView', description: 'A quién y para qué sirve un enlace enviado por correo (invitación o restablecimiento), mientras sirve.' });
export type AccountLinkView = z.infer<typeof AccountLinkViewSchema>;

export const CalendarFeedViewSchema = z
  .strictObject({ isActive: z.boolean(), createdAt: viewInstant.nullable() })
  .meta({ id: 'CalendarFeedView', description: 'Si la persona tiene un calendario privado (iCalendar) y desde cuándo; su dirección solo se muestra al crearla.' });
export type CalendarFeedView = z.infer<typeof CalendarFeedViewSchema>;

export const CalendarFeedCreatedSchema = z
  .strictObject({ url: z.string().meta({ description: 'Dirección secreta del calendario; quien la tenga lo lee. Guárdela en su aplicación de calendario.' }) })
  .meta({ id: 'CalendarFeedCreated', description: 'La dirección nueva del calendario privado; la anterior deja de servir.' });
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreatedSchema>;
