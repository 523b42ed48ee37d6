import { z } from 'zod';
import { IdSchema, requiredText } from './common.js';

/** What a person may do: administrator, secretariat of a body, enlace of an organisation, reader. */
export const ROLES = ['admin', 'secretariat', 'enlace', 'reader'] as const;
export type Role = (typeof ROLES)[number];

/** A role with the body (secretariat) or organisation (enlace) it is scoped to. */
export const RoleGrantSchema = z
  .object({
    role: z.enum(ROLES),
    bodyId: IdSchema.nullish().transform((v) => v ?? null),
    organizationId: IdSchema.nullish().transform((v) => v ?? null),
  })
  .refine((g) => g.role !== 'secretariat' || g.bodyId !== null, { message: 'La secretaría técnica necesita su órgano.', path: ['bodyId'] })
  .refine((g) => g.role !== 'enlace' || g.organizationId !== null, { message: 'El enlace necesita su organización.', path: ['organizationId'] });
export type RoleGrant = z.output<typeof RoleGrantSchema>;

export const PASSWORD_MIN_LENGTH = 12;

/** Long enough to resist guessing, with letters and digits; checked again on the server. */
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `La contraseña debe tener al menos ${PASSWORD_MIN_LENGTH} caracteres.` })
  .max(200, { message: 'La contraseña es demasiado larga.' })
  .refine((p) => /\p{L}/u.test(p) && /\d/.test(p), { message: 'La contraseña debe combinar letras y números.' });

export const EmailSchema = z.string().trim().toLowerCase().email({ message: 'Correo electrónico no válido.' }).max(200);

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1, { message: 'Escriba su contraseña.' }).max(200),
});
export type LoginInput = z.input<typeof LoginSchema>;

export const UserCreateSchema = z
  .object({
    email: EmailSchema,
    name: requiredText(200),
    password: PasswordSchema,
    roles: z.array(RoleGrantSchema).min(1, { message: 'Asigne al menos un rol.' }),
  })
  .refine((u) => !u.password.toLowerCase().includes(u.email.split('@')[0]!), {
    message: 'La contraseña no debe contener su correo.',
    path: ['password'],
  });
export type UserCreateInput = z.input<typeof UserCreateSchema>;
