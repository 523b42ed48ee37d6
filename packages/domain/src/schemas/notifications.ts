/** Notifications: the kinds a person can be told about, their choices, and what the API shows of them. */
import { z } from 'zod';
import { pageOf } from './views.js';
import { viewCount, viewId, viewInstant } from './view-fields.js';

/**
 * Every kind of notice, with whether it can be switched off (a person's own overdue items and a report sent
 * back to them cannot) and whether it is on until the person says otherwise (opt-in kinds are off).
 */
export const NOTIFICATION_KINDS = {
  agreement_due: { isMandatory: false, isOnByDefault: true },
  agreement_overdue: { isMandatory: true, isOnByDefault: true },
  report_due: { isMandatory: false, isOnByDefault: true },
  report_overdue: { isMandatory: true, isOnByDefault: true },
  overdue_escalation: { isMandatory: false, isOnByDefault: true },
  report_submitted: { isMandatory: false, isOnByDefault: true },
  report_sent_back: { isMandatory: true, isOnByDefault: true },
  report_accepted: { isMandatory: false, isOnByDefault: true },
  session_published: { isMandatory: false, isOnByDefault: false },
  contribution_due: { isMandatory: false, isOnByDefault: true },
  contribution_overdue: { isMandatory: true, isOnByDefault: true },
  contribution_sent_back: { isMandatory: true, isOnByDefault: true },
} as const satisfies Record<string, { isMandatory: boolean; isOnByDefault: boolean }>;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_KEYS = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

export const NOTIFICATION_DELIVERIES = ['digest', 'immediate'] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];

/** Whether a person with these choices is told about this kind. */
export function isKindWanted(kind: NotificationKind, choices: Partial<Record<string, boolean>>): boolean {
  const rule = NOTIFICATION_KINDS[kind];
  return rule.isMandatory || (choices[kind] ?? rule.isOnByDefault);
}

export const NotificationPreferencesInputSchema = z.strictObject({
  delivery: z.enum(NOTIFICATION_DELIVERIES, { message: 'Elija «resumen diario» o «al momento».' }),
  /** Optional kinds and whether the person receives them; mandatory kinds named here are refused. */
  kinds: z
    .partialRecord(z.enum(NOTIFICATION_KIND_KEYS as [NotificationKind, ...NotificationKind[]], { message: 'Tipo de aviso no válido.' }), z.boolean())
    .refine((kinds) => Object.entries(kinds).every(([kind, on]) => on || !NOTIFICATION_KINDS[kind as NotificationKind].isMandatory), {
      message: 'Los avisos de sus propios pendientes vencidos no se pueden desactivar.',
    }),
  version: z.number().int().min(1),
});
export type NotificationPreferencesInput = z.infer<typeof NotificationPreferencesInputSchema>;

export const NotificationPreferencesViewSchema = z
  .strictObject({
    delivery: z.enum(NOTIFICATION_DELIVERIES),
    /** Every kind: whether the person receives it and whether they may switch it off. */
    kinds: z.array(z.strictObject({ kind: z.enum(NOTIFICATION_KIND_KEYS as [NotificationKind, ...NotificationKind[]]), isOn: z.boolean(), isMandatory: z.boolean() })),
    version: z.number().int().min(1),
  })
  .meta({ id: 'NotificationPreferencesView', description: 'Cómo y de qué quiere recibir avisos la persona.' });
export type NotificationPreferencesView = z.infer<typeof NotificationPreferencesViewSchema>;

export const NotificationViewSchema = z
  .strictObject({
    id: viewId,
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    /** The page of the app it is about. */
    linkPath: z.string(),
    createdAt: viewInstant,
    isRead: z.boolean(),
  })
  .meta({ id: 'NotificationView', description: 'Un aviso para la persona: qué pasa, con qué registro y si ya lo leyó.' });
export type NotificationView = z.infer<typeof NotificationViewSchema>;

export const NotificationPageSchema = pageOf(NotificationViewSchema, 'NotificationPage');
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

export const NotificationCountViewSchema = z.strictObject({ unread: viewCount }).meta({ id: 'NotificationCountView', description: 'Cuántos avisos sin leer tiene la persona.' });

export const NotificationReadInputSchema = z.strictObject({
  /** The notices to mark read; none named marks all of the person's notices. */
  ids: z.array(z.uuid({ message: 'Identificador de aviso no válido.' })).max(500).optional(),
});

export const MAIL_STATUSES = ['queued', 'sent', 'failed'] as const;

export const OutboxMailViewSchema = z
  .strictObject({
    id: viewId,
    kind: z.string(),
    toAddress: z.string(),
    subject: z.string(),
    status: z.enum(MAIL_STATUSES),
    attempts: viewCount,
    lastError: z.string().nullable(),
    createdAt: viewInstant,
    sentAt: viewInstant.nullable(),
  })
  .meta({ id: 'OutboxMailView', description: 'Un correo de la bandeja de salida: a quién, qué asunto, si salió.' });
export type OutboxMailView = z.infer<typeof OutboxMailViewSchema>;

export const OutboxMailDetailViewSchema = OutboxMailViewSchema.extend({ text: z.string() }).meta({
  id: 'OutboxMailDetailView',
  description: 'Un correo de la bandeja de salida con su texto.',
});
export type OutboxMailDetailView = z.infer<typeof OutboxMailDetailViewSchema>;

export const OutboxPageSchema = pageOf(OutboxMailViewSchema, 'OutboxPage');
export type OutboxPage = z.infer<typeof OutboxPageSchema>;
