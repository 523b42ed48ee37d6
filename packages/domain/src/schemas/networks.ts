/**
 * The networks API: a network (a body of kind `network` with its settings), its members with their
 * status and contributions, its governance bodies and thematic commissions with focal points and
 * mechanisms, the annual points, and what the portal shows. Contacts appear only in managers' views.
 */
import { z } from 'zod';
import {
  CommunicationMechanismSchema,
  DUES_STATUSES,
  FOCAL_ROLES,
  MEMBER_STATUSES,
  NETWORK_BODY_ROLES,
  PointWeightsSchema,
  WorkMechanismSchema,
} from '../networks/model.js';
import { abilitiesOf } from './abilities.js';
import { IdSchema, IsoDateSchema, optionalText, requiredText, StateCodeSchema, VersionSchema } from './common.js';
import { BODY_LEVELS, ORGANIZATION_LEVELS, SECTORS } from './directory.js';
import { orNull, viewCount, viewDate, viewId, viewVersion } from './view-fields.js';

/** A blank date field is no date. */
const optionalDate = IsoDateSchema.nullish().or(z.literal('')).transform((v) => v || null);
const optionalEmail = z.string().trim().email({ message: 'Correo electrónico no válido.' }).max(200).nullish().or(z.literal('')).transform((v) => v || null);
const count = (max: number) => z.number({ error: 'Indique un número entero.' }).int({ message: 'Indique un número entero.' }).min(0, { message: 'No puede ser negativo.' }).max(max, { message: `Máximo ${max}.` });
const DECLARED_SOURCE_MESSAGE = 'Diga de dónde sale el tamaño declarado (un documento, una presentación…).';

// ── Inputs ─────────────────────────────────────────────────────────────────────────────────────

/** The declared size is what the network says of itself when its list is not known: always with its source. */
const declaredFields = {
  declaredMembers: count(1_000_000).nullish().transform((v) => v ?? null),
  declaredStates: count(32).nullish().transform((v) => v ?? null),
  declaredSource: optionalText(1000),
  declaredOn: optionalDate,
};
const hasSourceWhenDeclared = (n: { declaredMembers?: number | null; declaredStates?: number | null; declaredSource?: string | null }) =>
  (n.declaredMembers == null && n.declaredStates == null) || Boolean(n.declaredSource);

export const NetworkCreateSchema = z
  .object({
    name: requiredText(300),
    acronym: optionalText(40),
    level: z.enum(BODY_LEVELS).default('national'),
    stateCode: StateCodeSchema.nullish().transform((v) => v ?? null),
    planId: IdSchema.nullish().transform((v) => v ?? null),
    ...declaredFields,
  })
  .refine((n) => n.level === 'national' || n.stateCode !== null, { message: 'Una red estatal o municipal necesita su entidad federativa.', path: ['stateCode'] })
  .refine(hasSourceWhenDeclared, { message: DECLARED_SOURCE_MESSAGE, path: ['declaredSource'] });
export type NetworkCreateInput = z.input<typeof NetworkCreateSchema>;

/** The network's settings; its name and acronym are the body's (PATCH /bodies/{id}). Fields left out stay as they are. */
export const NetworkUpdateSchema = z
  .object({
    version: VersionSchema,
    planId: IdSchema.nullish(),
    declaredMembers: count(1_000_000).nullish(),
    declaredStates: count(32).nullish(),
    declaredSource: optionalText(1000).optional(),
    declaredOn: optionalDate.optional(),
    newDays: count(3650).optional(),
    graceDays: count(3650).optional(),
    membersPublic: z.boolean().optional(),
    rankingPublic: z.boolean().optional(),
    pointWeights: PointWeightsSchema.optional(),
    flags: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
  });
export type NetworkUpdateInput = z.input<typeof NetworkUpdateSchema>;

/** The organisation of a member: chosen from the directory, or written (matched by name or acronym, else created). */
export const MemberOrganizationInputSchema = z.object({
  name: requiredText(300),
  acronym: optionalText(40),
  level: z.enum(ORGANIZATION_LEVELS).default('none'),
});

const memberFields = {
  stateCode: StateCodeSchema.nullish().transform((v) => v ?? null),
  sector: z.enum(SECTORS),
  joinedOn: optionalDate,
  leftOn: optionalDate,
  contactName: optionalText(200),
  contactEmail: optionalEmail,
  contactPhone: optionalText(40),
  source: optionalText(500),
};
const LEFT_BEFORE_JOINED = { message: 'La fecha de baja es anterior a la de ingreso.', path: ['leftOn'] };

export const NetworkMemberCreateSchema = z
  .object({
    organizationId: IdSchema.nullish().transform((v) => v ?? null),
    organization: MemberOrganizationInputSchema.nullish().transform((v) => v ?? null),
    ...memberFields,
  })
  .refine((m) => m.organizationId !== null || m.organization !== null, { message: 'Elija una organización del directorio o escriba su nombre.', path: ['organizationId'] })
  .refine((m) => !m.joinedOn || !m.leftOn || m.joinedOn <= m.leftOn, LEFT_BEFORE_JOINED);
export type NetworkMemberCreateInput = z.input<typeof NetworkMemberCreateSchema>;

export const NetworkMemberUpdateSchema = z
  .object({
    version: VersionSchema,
    stateCode: StateCodeSchema.nullish(),
    sector: z.enum(SECTORS).optional(),
    joinedOn: optionalDate.optional(),
    leftOn: optionalDate.optional(),
    contactName: optionalText(200).optional(),
    contactEmail: optionalEmail.optional(),
    contactPhone: optionalText(40).optional(),
    source: optionalText(500).optional(),
  })
  .refine((m) => !m.joinedOn || !m.leftOn || m.joinedOn <= m.leftOn, LEFT_BEFORE_JOINED);
export type NetworkMemberUpdateInput = z.input<typeof NetworkMemberUpdateSchema>;

/** The member list's filters (also the export's). `status` is computed for today in Mexico City. */
export const NetworkMemberFilterSchema = z.object({
  q: z.string().trim().max(200).optional(),
  stateCode: StateCodeSchema.optional(),
  sector: z.enum(SECTORS).optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
});
export const NetworkMemberListQuerySchema = NetworkMemberFilterSchema.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type NetworkMemberFilter = z.output<typeof NetworkMemberFilterSchema>;

/** The import form's fields beside its `file`. */
export const NetworkMemberImportFieldsSchema = z.object({
  dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export const MemberContributionInputSchema = z
  .object({
    /** The version of the year's record when it exists (an edit); left out for a new one. */
    version: VersionSchema.optional(),
    amount: z.number().min(0, { message: 'No puede ser negativo.' }).max(1e12).nullish().transform((v) => v ?? null),
    status: z.enum(DUES_STATUSES),
    paidOn: optionalDate,
    note: optionalText(1000),
  })
  .refine((c) => c.status === 'paid' || !c.paidOn, { message: 'Solo una aportación pagada lleva fecha de pago.', path: ['paidOn'] });
export type MemberContributionInput = z.input<typeof MemberContributionInputSchema>;

export const ContributionYearParamsSchema = z.object({
  id: IdSchema,
  memberId: IdSchema,
  year: z.coerce.number().int().min(1900, { message: 'Año no válido.' }).max(2200, { message: 'Año no válido.' }),
});

export const NetworkBodyCreateSchema = z
  .object({
    role: z.enum(NETWORK_BODY_ROLES),
    name: requiredText(300),
    acronym: optionalText(40),
    planNodeId: IdSchema.nullish().transform((v) => v ?? null),
  })
  .refine((b) => b.role === 'commission' || b.planNodeId === null, { message: 'Solo una comisión trabaja sobre un compromiso del plan.', path: ['planNodeId'] });
export type NetworkBodyCreateInput = z.input<typeof NetworkBodyCreateSchema>;

export const CommissionUpdateSchema = z.object({
  version: VersionSchema,
  communication: CommunicationMechanismSchema.nullish(),
  work: WorkMechanismSchema.nullish(),
});
export type CommissionUpdateInput = z.input<typeof CommissionUpdateSchema>;

export const FocalTermCreateSchema = z
  .object({
    role: z.enum(FOCAL_ROLES),
    personId: IdSchema.nullish().transform((v) => v ?? null),
    person: z
      .object({
        name: requiredText(200),
        position: optionalText(300),
        organizationId: IdSchema.nullish().transform((v) => v ?? null),
        email: optionalEmail,
        phone: optionalText(40),
      })
      .nullish()
      .transform((v) => v ?? null),
    startOn: IsoDateSchema,
  })
  .refine((f) => (f.personId === null) !== (f.person === null), { message: 'Elija a una persona del directorio o escriba sus datos (no ambas cosas).', path: ['personId'] });
export type FocalTermCreateInput = z.input<typeof FocalTermCreateSchema>;

export const FocalTermUpdateSchema = z.object({ version: VersionSchema, endOn: optionalDate });
export type FocalTermUpdateInput = z.input<typeof FocalTermUpdateSchema>;

export const PointsQuerySchema = z.object({
  year: z.coerce.number().int().min(1900, { message: 'Año no válido.' }).max(2200, { message: 'Año no válido.' }).optional(),
});

// ── Views ──────────────────────────────────────────────────────────────────────────────────────

export const NetworkSummaryViewSchema = z
  .strictObject({
    id: viewId,
    name: z.string(),
    acronym: z.string().nullable(),
    declaredMembers: viewCount.nullable(),
    /** Current members recorded (new, active or in grace today). */
    members: viewCount,
    /** Distinct states of the current members. */
    states: viewCount,
  })
  .meta({ id: 'NetworkSummaryView', description: 'Red en una lista: su tamaño declarado y los integrantes vigentes que Telar registra.' });
export type NetworkSummaryView = z.infer<typeof NetworkSummaryViewSchema>;

export const MembersByStateSchema = z.array(z.strictObject({ stateCode: z.string(), members: viewCount }));
const byStatusShape = Object.fromEntries(MEMBER_STATUSES.map((status) => [status, viewCount])) as Record<(typeof MEMBER_STATUSES)[number], typeof viewCount>;

export const NetworkFocalSummarySchema = z
  .strictObject({ name: z.string(), organizationName: z.string().nullable(), startOn: viewDate })
  .meta({ id: 'NetworkFocalSummary', description: 'Quién tiene hoy el cargo: nombre, institución y desde cuándo (sin contactos).' });

export const NetworkCommissionSummarySchema = z
  .strictObject({
    bodyId: viewId,
    name: z.string(),
    planNodeId: viewId.nullable(),
    commitmentCode: z.string().nullable(),
    commitmentTitle: z.string().nullable(),
    focalPoint: orNull(NetworkFocalSummarySchema),
    alternate: orNull(NetworkFocalSummarySchema),
    /** Organisations sitting in the commission (its memberships). */
    members: viewCount,
  })
  .meta({ id: 'NetworkCommissionSummary', description: 'Comisión temática de una red: su compromiso, su punto focal y su suplente vigentes.' });
export type NetworkCommissionSummary = z.infer<typeof NetworkCommissionSummarySchema>;

export const NetworkAbilitiesSchema = abilitiesOf('NetworkAbilities', 'Lo que la persona puede hacer con una red.', {
  canManage: 'Cambiar su configuración, sus integrantes, sus aportaciones, sus órganos y comisiones.',
});

export const NetworkViewSchema = z
  .strictObject({
    id: viewId,
    name: z.string(),
    acronym: z.string().nullable(),
    planId: viewId.nullable(),
    planName: z.string().nullable(),
    declaredMembers: viewCount.nullable(),
    declaredStates: viewCount.nullable(),
    declaredSource: z.string().nullable(),
    declaredOn: viewDate.nullable(),
    newDays: viewCount,
    graceDays: viewCount,
    membersPublic: z.boolean(),
    rankingPublic: z.boolean(),
    pointWeights: PointWeightsSchema,
    flags: z.array(z.string()),
    version: viewVersion,
    counts: z.strictObject({ members: viewCount, byStatus: z.strictObject(byStatusShape), states: viewCount }),
    membersByState: MembersByStateSchema,
    governance: z.array(z.strictObject({ bodyId: viewId, name: z.string(), role: z.enum(NETWORK_BODY_ROLES) })),
    commissions: z.array(NetworkCommissionSummarySchema),
    abilities: NetworkAbilitiesSchema,
  })
  .meta({ id: 'NetworkView', description: 'Red: tamaño declarado con su fuente, reglas de membresía, integrantes por estado y estatus, órganos de gobierno y comisiones.' });
export type NetworkView = z.infer<typeof NetworkViewSchema>;

export const NetworkMemberContactSchema = z
  .strictObject({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() })
  .meta({ id: 'NetworkMemberContact', description: 'Contacto de un integrante: dato personal, solo para quien administra la red.' });

export const NetworkMemberViewSchema = z
  .strictObject({
    id: viewId,
    organizationId: viewId,
    name: z.string(),
    acronym: z.string().nullable(),
    stateCode: z.string().nullable(),
    sector: z.enum(SECTORS),
    joinedOn: viewDate.nullable(),
    leftOn: viewDate.nullable(),
    /** Computed for today in Mexico City; null before the member joins. */
    status: z.enum(MEMBER_STATUSES).nullable(),
    source: z.string().nullable(),
    /** Only for who manages the network. */
    contact: orNull(NetworkMemberContactSchema),
    version: viewVersion,
  })
  .meta({ id: 'NetworkMemberView', description: 'Integrante de una red, con su estatus de hoy; el contacto solo para quien la administra.' });
export type NetworkMemberView = z.infer<typeof NetworkMemberViewSchema>;

export const NetworkMemberPageSchema = z
  .strictObject({ items: z.array(NetworkMemberViewSchema), total: viewCount, page: z.number().int().min(1), pageSize: z.number().int().min(1) })
  .meta({ id: 'NetworkMemberPage', description: 'Una página de integrantes de una red.' });
export type NetworkMemberPage = z.infer<typeof NetworkMemberPageSchema>;

export const TableIssueSchema = z
  .strictObject({ row: z.number().int().min(1), column: z.string().nullable(), message: z.string() })
  .meta({ id: 'TableIssue', description: 'Un problema de un archivo importado: la fila (como en la hoja), la columna y qué corregir.' });

export const NetworkMemberImportResultSchema = z
  .strictObject({
    dryRun: z.boolean(),
    /** Whether the import was written (no issues and not a dry run). */
    written: z.boolean(),
    rows: viewCount,
    /** New members; of those, organisations created in the directory. */
    created: viewCount,
    organizationsCreated: viewCount,
    /** Rows whose organisation was found in the directory. */
    matched: viewCount,
    /** Rows of organisations already members, updated. */
    updated: viewCount,
    issues: z.array(TableIssueSchema),
    /** What was read but should be checked (a header taken as the closest column, a column ignored); nothing stops. */
    warnings: z.array(TableIssueSchema),
  })
  .meta({ id: 'NetworkMemberImportResult', description: 'Lo que importó (o importaría) un archivo de integrantes; con problemas no se escribe nada.' });
export type NetworkMemberImportResult = z.infer<typeof NetworkMemberImportResultSchema>;

export const MemberContributionViewSchema = z
  .strictObject({
    id: viewId,
    year: z.number().int(),
    amount: z.number().nullable(),
    status: z.enum(DUES_STATUSES),
    paidOn: viewDate.nullable(),
    note: z.string().nullable(),
    version: viewVersion,
  })
  .meta({ id: 'MemberContributionView', description: 'Aportación de un integrante en un año: un registro, no un sistema de pagos.' });
export type MemberContributionView = z.infer<typeof MemberContributionViewSchema>;

export const NetworkBodyViewSchema = z
  .strictObject({ bodyId: viewId, name: z.string(), role: z.enum(NETWORK_BODY_ROLES), planNodeId: viewId.nullable() })
  .meta({ id: 'NetworkBodyView', description: 'Órgano de una red: su consejo, su coordinación o una comisión temática.' });
export type NetworkBodyView = z.infer<typeof NetworkBodyViewSchema>;

export const FocalTermViewSchema = z
  .strictObject({
    id: viewId,
    role: z.enum(FOCAL_ROLES),
    person: z.strictObject({
      id: viewId,
      name: z.string(),
      position: z.string().nullable(),
      organizationName: z.string().nullable(),
      /** Only for who manages the network. */
      email: z.string().nullable().optional(),
      phone: z.string().nullable().optional(),
    }),
    startOn: viewDate,
    endOn: viewDate.nullable(),
    version: viewVersion,
  })
  .meta({ id: 'FocalTermView', description: 'Periodo de un punto focal o suplente de una comisión; contactos solo para quien la administra.' });
export type FocalTermView = z.infer<typeof FocalTermViewSchema>;

export const CommissionViewSchema = z
  .strictObject({
    bodyId: viewId,
    name: z.string(),
    role: z.enum(NETWORK_BODY_ROLES),
    network: z.strictObject({ id: viewId, name: z.string() }),
    commitment: orNull(z.strictObject({ id: viewId, code: z.string(), title: z.string() })),
    communication: orNull(CommunicationMechanismSchema),
    work: orNull(WorkMechanismSchema),
    focalPoints: z.array(FocalTermViewSchema),
    members: z.array(z.strictObject({ organizationId: viewId, name: z.string(), acronym: z.string().nullable() })),
    version: viewVersion,
    abilities: NetworkAbilitiesSchema,
  })
  .meta({ id: 'CommissionView', description: 'Comisión (u órgano) de una red: compromiso, mecanismos de comunicación y de trabajo, puntos focales e integrantes.' });
export type CommissionView = z.infer<typeof CommissionViewSchema>;

export const CommissionsFromPlanResultSchema = z
  .strictObject({ created: z.array(NetworkBodyViewSchema) })
  .meta({ id: 'CommissionsFromPlanResult', description: 'Las comisiones creadas, una por cada compromiso del plan que no tenía.' });

export const PointsRowSchema = z.strictObject({
  memberId: viewId,
  name: z.string(),
  acronym: z.string().nullable(),
  stateCode: z.string().nullable(),
  // Per-source counts: null for who does not manage the network (a published ranking shows place and points only).
  assemblies: viewCount.nullable(),
  surveys: viewCount.nullable(),
  activities: viewCount.nullable(),
  commissions: viewCount.nullable(),
  points: z.number(),
  rank: z.number().int().min(1),
});
export const NetworkPointsViewSchema = z
  .strictObject({ year: z.number().int(), weights: PointWeightsSchema, published: z.boolean(), rows: z.array(PointsRowSchema) })
  .meta({ id: 'NetworkPointsView', description: 'Puntaje anual de los integrantes vigentes: asambleas, encuestas, actividades y trabajo en comisiones, ponderados.' });
export type NetworkPointsView = z.infer<typeof NetworkPointsViewSchema>;

// ── Portal ─────────────────────────────────────────────────────────────────────────────────────

export const PublicNetworkSummarySchema = z
  .strictObject({ id: viewId, name: z.string(), acronym: z.string().nullable(), declaredMembers: viewCount.nullable(), declaredStates: viewCount.nullable(), members: viewCount, states: viewCount })
  .meta({ id: 'PublicNetworkSummary', description: 'Red en el portal: su tamaño declarado y los integrantes vigentes registrados.' });
export type PublicNetworkSummary = z.infer<typeof PublicNetworkSummarySchema>;

export const PublicNetworkViewSchema = z
  .strictObject({
    id: viewId,
    name: z.string(),
    acronym: z.string().nullable(),
    declaredMembers: viewCount.nullable(),
    declaredStates: viewCount.nullable(),
    declaredSource: z.string().nullable(),
    declaredOn: viewDate.nullable(),
    members: viewCount,
    states: viewCount,
    membersByState: MembersByStateSchema,
    governance: z.array(z.strictObject({ name: z.string(), role: z.enum(NETWORK_BODY_ROLES) })),
    commissions: z.array(
      z.strictObject({
        name: z.string(),
        commitmentCode: z.string().nullable(),
        commitmentTitle: z.string().nullable(),
        /** «Punto focal designado: sí/no»: never who, never their contacts. */
        hasFocalPoint: z.boolean(),
        hasAlternate: z.boolean(),
      }),
    ),
    /** Only when the network publishes its list; null otherwise. */
    memberList: orNull(z.array(z.strictObject({ name: z.string(), acronym: z.string().nullable(), stateCode: z.string().nullable(), sector: z.enum(SECTORS) }))),
    /** Only when the network publishes its ranking; null otherwise. */
    ranking: orNull(
      z.strictObject({
        year: z.number().int(),
        rows: z.array(z.strictObject({ name: z.string(), acronym: z.string().nullable(), stateCode: z.string().nullable(), points: z.number(), rank: z.number().int() })),
      }),
    ),
  })
  .meta({ id: 'PublicNetworkView', description: 'Red en el portal: tamaño declarado con su fuente, integrantes por estado, comisiones con punto focal designado o no; la lista y el ranking solo si la red los publica.' });
export type PublicNetworkView = z.infer<typeof PublicNetworkViewSchema>;
