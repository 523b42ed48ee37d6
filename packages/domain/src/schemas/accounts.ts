import { z } from 'zod';
import { IdSchema, requiredText, VersionSchema } from './common.js';
import type { BodyRef, OrganizationRef } from './views.js';

/** What a person may do: administrator, secretariat of a body, enlace of an organisation, reader. */
export const ROLES = ['admin', 'secretariat', 'enlace', 'reader'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A role with the body (secretariat) or organisation (enlace) it is scoped to. A scope the role does
 * not use (a body chosen before the role changed to reader) is dropped, so grants compare equal.
 */
export const RoleGrantSchema = z
  .object({
    role: z.enum(ROLES),
    bodyId: IdSchema.nullish().transform((v) => v ?? null),
    organizationId: IdSchema.nullish().transform((v) => v ?? null),
  })
  .refine((g) => g.role !== 'secretariat' || g.bodyId !== null, { message: 'La secretaría técnica necesita su órgano.', path: ['bodyId'] })
  .refine((g) => g.role !== 'enlace' || g.organizationId !== null, { message: 'El enlace necesita su organización.', path: ['organizationId'] })
  .transform((g) => ({
    role: g.role,
    bodyId: g.role === 'secretariat' ? g.bodyId : null,
    organizationId: g.role === 'enlace' ? g.organizationId : null,
  }));
export type RoleGrant = z.output<typeof RoleGrantSchema>;
export type RoleGrantInput = z.input<typeof RoleGrantSchema>;

const grantKey = (g: RoleGrant) => `${g.role}:${g.bodyId ?? ''}:${g.organizationId ?? ''}`;

/** The roles of an account: at least one, each once. */
export const RoleGrantsSchema = z
  .array(RoleGrantSchema)
  .min(1, { message: 'Asigne al menos un rol.' })
  .superRefine((grants, ctx) => {
    const seen = new Set<string>();
    grants.forEach((grant, index) => {
      if (seen.has(grantKey(grant))) ctx.addIssue({ code: 'custom', message: 'Este rol ya está en la lista.', path: [index, 'role'] });
      seen.add(grantKey(grant));
    });
  });

export const PASSWORD_MIN_LENGTH = 12;

/** Long enough to resist guessing, with letters and digits; checked again on the server. */
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `La contraseña debe tener al menos ${PASSWORD_MIN_LENGTH} caracteres.` })
  .max(200, { message: 'La contraseña es demasiado larga.' })
  .refine((p) => /\p{L}/u.test(p) && /\d/.test(p), { message: 'La contraseña debe combinar letras y números.' });

/** A password that holds the name part of the account's e-mail is among the first an attacker tries. */
export const containsEmailName = (password: string, email: string) => password.toLowerCase().includes(email.toLowerCase().split('@')[0]!);
export const PASSWORD_WITH_EMAIL_MESSAGE = 'La contraseña no debe contener su correo.';

export const EmailSchema = z.string().trim().toLowerCase().email({ message: 'Correo electrónico no válido.' }).max(200);

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1, { message: 'Escriba su contraseña.' }).max(200),
});
export type LoginInput = z.input<typeof LoginSchema>;

/**
 * A new account. Without a password the person is invited by e-mail to choose their own (the usual way);
 * with one (the command line, an administrator's choice), they must change it when they first sign in.
 */
export const UserCreateSchema = z
  .object({
    email: EmailSchema,
    name: requiredText(200),
    password: PasswordSchema.optional(),
    roles: RoleGrantsSchema,
  })
  .refine((u) => !u.password || !containsEmailName(u.password, u.email), { message: PASSWORD_WITH_EMAIL_MESSAGE, path: ['password'] });
export type UserCreateInput = z.input<typeof UserCreateSchema>;

/** An administrator's edit of an account: its name and roles, based on the version they saw. */
export const UserUpdateSchema = z.object({
  name: requiredText(200).optional(),
  roles: RoleGrantsSchema.optional(),
  version: VersionSchema,
});
export type UserUpdateInput = z.input<typeof UserUpdateSchema>;

/** Filters of the account list, besides the text search and paging. */
export const UserFilterSchema = z.object({
  isActive: z
    .enum(['true', 'false'], { message: 'Use true o false.' })
    .transform((value) => value === 'true')
    .optional(),
});

/** A person changes their own password: the current one proves it is them. */
export const PasswordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, { message: 'Escriba su contraseña actual.' }).max(200),
    newPassword: PasswordSchema,
  })
  .refine((p) => p.newPassword !== p.currentPassword, { message: 'La nueva contraseña debe ser distinta de la actual.', path: ['newPassword'] });
export type PasswordChangeInput = z.input<typeof PasswordChangeSchema>;

/** An administrator sets a new password for someone, who must change it when they next sign in. */
export const PasswordResetSchema = z.object({ password: PasswordSchema });
export type PasswordResetInput = z.input<typeof PasswordResetSchema>;


/** How long a link sent by e-mail stays usable. */
export const ACCOUNT_LINK_HOURS = { invitation: 72, password_reset: 1 } as const;
export const ACCOUNT_LINK_PURPOSES = ['invitation', 'password_reset'] as const;
export type AccountLinkPurpose = (typeof ACCOUNT_LINK_PURPOSES)[number];

/** «¿Olvidó su contraseña?»: the address the person signs in with. */
export const PasswordResetRequestSchema = z.object({ email: EmailSchema });
export type PasswordResetRequestInput = z.input<typeof PasswordResetRequestSchema>;

/** The secret of a link sent by e-mail, as its address carries it. */
export const AccountLinkTokenSchema = z.string().trim().regex(/^[A-Za-z0-9_-]{32,128}$/, { message: 'El enlace no es válido; ábralo tal como llegó en el correo.' });

/** A password chosen through an invitation or a reset link. */
export const PasswordFromLinkSchema = z.object({ token: AccountLinkTokenSchema, password: PasswordSchema });
export type PasswordFromLinkInput = z.input<typeof PasswordFromLinkSchema>;
