import { z } from 'zod';
import { IdSchema, IsoDateSchema, optionalText, requiredId, requiredText, StateCodeSchema, VersionSchema } from './common.js';

export const SECTORS = ['government', 'civil_society', 'academia', 'private_sector', 'international', 'other'] as const;
export type Sector = (typeof SECTORS)[number];

/** Order of government an organisation belongs to; "none" for civil society and the like. */
export const ORGANIZATION_LEVELS = ['federal', 'state', 'municipal', 'none'] as const;
export type OrganizationLevel = (typeof ORGANIZATION_LEVELS)[number];

/** State and municipal organisations belong to a state; federal ones and civil society need none. */
export const organizationNeedsState = (level: OrganizationLevel) => level === 'state' || level === 'municipal';
export const ORGANIZATION_STATE_MESSAGE = 'Una organización estatal o municipal necesita su entidad federativa.';

const organizationFields = z.object({
  name: requiredText(300),
  acronym: optionalText(40),
  sector: z.enum(SECTORS),
  level: z.enum(ORGANIZATION_LEVELS),
  stateCode: StateCodeSchema.nullish().transform((v) => v ?? null),
  parentId: IdSchema.nullish().transform((v) => v ?? null),
});

export const OrganizationCreateSchema = organizationFields.refine((o) => !organizationNeedsState(o.level) || o.stateCode !== null, {
  message: ORGANIZATION_STATE_MESSAGE,
  path: ['stateCode'],
});
export type OrganizationCreateInput = z.input<typeof OrganizationCreateSchema>;

/** An edit that names the level and clears the state is refused here; one that leaves either out is checked by the service. */
export const OrganizationUpdateSchema = organizationFields
  .partial()
  .extend({ version: VersionSchema })
  .refine((o) => !o.level || !organizationNeedsState(o.level) || o.stateCode !== null, { message: ORGANIZATION_STATE_MESSAGE, path: ['stateCode'] });
export type OrganizationUpdateInput = z.input<typeof OrganizationUpdateSchema>;

export const BODY_KINDS = ['system', 'commission', 'working_group', 'subgroup', 'network'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const BODY_LEVELS = ['national', 'state', 'municipal'] as const;
export type BodyLevel = (typeof BODY_LEVELS)[number];

export const BodyCreateSchema = z
  .object({
    kind: z.enum(BODY_KINDS),
    name: requiredText(300),
    acronym: optionalText(40),
    parentId: IdSchema.nullish().transform((v) => v ?? null),
    level: z.enum(BODY_LEVELS),
    stateCode: StateCodeSchema.nullish().transform((v) => v ?? null),
  })
  .refine((body) => body.level === 'national' || body.stateCode !== null, {
    message: 'Un órgano estatal o municipal necesita su entidad federativa.',
    path: ['stateCode'],
  });
export type BodyCreateInput = z.input<typeof BodyCreateSchema>;

export const BodyUpdateSchema = z.object({
  kind: z.enum(BODY_KINDS).optional(),
  name: requiredText(300).optional(),
  // optional() first: a field left out of an edit stays as it is instead of becoming null.
  acronym: optionalText(40).optional(),
  parentId: IdSchema.nullish(),
  level: z.enum(BODY_LEVELS).optional(),
  stateCode: StateCodeSchema.nullish(),
  version: VersionSchema,
});
export type BodyUpdateInput = z.input<typeof BodyUpdateSchema>;

/** A body's logo (PNG or JPEG) for its documents' header: small enough for a header, big enough to print sharp. */
export const BODY_LOGO_LIMITS = { maxBytes: 1024 * 1024, maxSidePixels: 4000 } as const;

export const MEMBERSHIP_ROLES = ['member', 'permanent_guest', 'technical_secretariat', 'presidency', 'guest'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const FOCAL_POINT_KINDS = ['titular', 'alternate'] as const;
export type FocalPointKind = (typeof FOCAL_POINT_KINDS)[number];

export const MembershipCreateSchema = z
  .object({
    bodyId: requiredId('Elija un órgano.'),
    organizationId: requiredId('Elija una organización.'),
    role: z.enum(MEMBERSHIP_ROLES),
    startDate: IsoDateSchema.nullish().or(z.literal('')).transform((v) => v || null),
    endDate: IsoDateSchema.nullish().or(z.literal('')).transform((v) => v || null),
  })
  .refine((m) => !m.startDate || !m.endDate || m.startDate <= m.endDate, {
    message: 'La fecha de término es anterior a la de inicio.',
    path: ['endDate'],
  });
export type MembershipCreateInput = z.input<typeof MembershipCreateSchema>;

/** A focal point (enlace) of a membership. Contacts are personal data: stored, never shown publicly. */
export const FocalPointCreateSchema = z
  .object({
    membershipId: requiredId('Elija un integrante.'),
    kind: z.enum(FOCAL_POINT_KINDS),
    person: z.object({
      name: requiredText(200),
      position: optionalText(300),
      email: z.string().trim().email({ message: 'Correo electrónico no válido.' }).max(200).nullish().or(z.literal('')).transform((v) => v || null),
      phone: optionalText(40),
    }),
    startDate: IsoDateSchema,
    endDate: IsoDateSchema.nullish().or(z.literal('')).transform((v) => v || null),
  })
  .refine((f) => !f.endDate || f.startDate <= f.endDate, {
    message: 'La fecha de término es anterior a la de inicio.',
    path: ['endDate'],
  });
export type FocalPointCreateInput = z.input<typeof FocalPointCreateSchema>;
