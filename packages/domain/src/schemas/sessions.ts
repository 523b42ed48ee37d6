import { z } from 'zod';
import { AGREEMENT_STATUSES, SESSION_KINDS } from './session-vocabulary.js';
import { formatSpanishDate } from '../text/dates.js';
import { datesInOrder, IdSchema, IsoDateSchema, optionalText, requiredId, requiredText, StateCodeSchema, VersionSchema, webUrl } from './common.js';

export const SESSION_MODALITIES = ['in_person', 'virtual', 'hybrid'] as const;
export type SessionModality = (typeof SESSION_MODALITIES)[number];

/** Evidence given inline when a record is created: a title and a web address; `name` names it in messages ("del acta"). */
export const evidenceLinkSchema = (name: string) => z.object({ title: requiredText(300), url: webUrl(name) });
export type EvidenceLinkInput = z.input<ReturnType<typeof evidenceLinkSchema>>;

export const SessionCreateSchema = z
  .object({
    bodyId: requiredId('Elija un órgano.'),
    kind: z.enum(SESSION_KINDS),
    number: z.number().int().min(1, { message: 'El número de sesión va de 1 a 99.' }).max(99, { message: 'El número de sesión va de 1 a 99.' }).nullish().transform((v) => v ?? null),
    date: IsoDateSchema,
    modality: z.enum(SESSION_MODALITIES).nullish().transform((v) => v ?? null),
    minutes: evidenceLinkSchema('del acta').nullish().transform((v) => v ?? null),
  })
  .refine((s) => s.kind === 'permanent' || s.number !== null, {
    message: 'Indique el número de la sesión.',
    path: ['number'],
  });
export type SessionCreateInput = z.input<typeof SessionCreateSchema>;

export const SessionUpdateSchema = z.object({
  kind: z.enum(SESSION_KINDS).optional(),
  number: z.number().int().min(1, { message: 'El número de sesión va de 1 a 99.' }).max(99, { message: 'El número de sesión va de 1 a 99.' }).nullish(),
  date: IsoDateSchema.optional(),
  modality: z.enum(SESSION_MODALITIES).nullish(),
  version: VersionSchema,
});
export type SessionUpdateInput = z.input<typeof SessionUpdateSchema>;

export const ParticipationCreateSchema = z.object({
  sessionId: requiredId('Elija una sesión.'),
  organizationIds: z.array(IdSchema).min(1, { message: 'Elija al menos una organización participante.' }),
  description: requiredText(5000),
});
export type ParticipationCreateInput = z.input<typeof ParticipationCreateSchema>;

export const ParticipationUpdateSchema = z.object({
  organizationIds: z.array(IdSchema).min(1, { message: 'Elija al menos una organización participante.' }).optional(),
  description: requiredText(5000).optional(),
  version: VersionSchema,
});
export type ParticipationUpdateInput = z.input<typeof ParticipationUpdateSchema>;

/** Official agreement codes: COMSE/SO16/02/2021, SIPINNA/02/VE/2021. */
export const AgreementCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-ZÑ0-9-]+(\/[A-ZÑ0-9-]+){2,5}$/, { message: 'Clave de acuerdo no válida (p. ej. COMSE/SO16/02/2021).' });

export const AgreementCreateSchema = z.object({
  sessionId: requiredId('Elija una sesión.'),
  participationId: IdSchema.nullish().transform((v) => v ?? null),
  code: AgreementCodeSchema.nullish().or(z.literal('')).transform((v) => v || null),
  text: requiredText(10000),
  responsibleOrganizationIds: z.array(IdSchema).default([]),
  stateCodes: z.array(StateCodeSchema).default([]),
  dueDate: IsoDateSchema.nullish().or(z.literal('')).transform((v) => v || null),
  status: z.enum(AGREEMENT_STATUSES).default('pending'),
});
export type AgreementCreateInput = z.input<typeof AgreementCreateSchema>;

export const AgreementUpdateSchema = z.object({
  code: AgreementCodeSchema.nullish().or(z.literal('')).transform((v) => (v === undefined ? undefined : v || null)),
  text: requiredText(10000).optional(),
  responsibleOrganizationIds: z.array(IdSchema).optional(),
  stateCodes: z.array(StateCodeSchema).optional(),
  dueDate: IsoDateSchema.nullish().or(z.literal('')).transform((v) => (v === undefined ? undefined : v || null)),
  status: z.enum(AGREEMENT_STATUSES).optional(),
  version: VersionSchema,
});
export type AgreementUpdateInput = z.input<typeof AgreementUpdateSchema>;

export const FollowUpCreateSchema = z
  .object({
    agreementId: IdSchema.nullish().transform((v) => v ?? null),
    participationId: IdSchema.nullish().transform((v) => v ?? null),
    date: IsoDateSchema,
    text: requiredText(10000),
    stateCodes: z.array(StateCodeSchema).default([]),
    evidence: evidenceLinkSchema('de la evidencia').nullish().transform((v) => v ?? null),
    /** Files uploaded beforehand through POST /api/evidence. */
    evidenceIds: z.array(IdSchema).default([]),
  })
  .refine((f) => (f.agreementId === null) !== (f.participationId === null), {
    message: 'El seguimiento corresponde a un acuerdo o a una participación (uno de los dos).',
    path: ['agreementId'],
  });
export type FollowUpCreateInput = z.input<typeof FollowUpCreateSchema>;

/**
 * Dates that cannot come before the session they belong to. The session's date is in the database,
 * so the services check them (`isDatedBeforeSession`) and name the field with these messages.
 */
export const sessionDateOrderMessages = {
  agreementDueDate: (sessionDate: string) => `La fecha de cumplimiento no puede ser anterior a la sesión en que se adoptó el acuerdo (${formatSpanishDate(sessionDate)}).`,
  followUpDate: (sessionDate: string) => `El seguimiento no puede tener fecha anterior a la sesión (${formatSpanishDate(sessionDate)}).`,
  sessionDate: (earliest: string) => `La sesión no puede ser posterior a la fecha más temprana de sus acuerdos o seguimientos (${formatSpanishDate(earliest)}).`,
};
export const isDatedBeforeSession = (date: string | null | undefined, sessionDate: string) => !datesInOrder(sessionDate, date);

export const EVIDENCE_KINDS = ['minutes', 'report', 'official_letter', 'link', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const MechanismImportSchema = z.object({
  text: z
    .string()
    .min(1, { message: 'Pegue o cargue el texto del informe.' })
    .max(2_000_000, { message: 'El texto del informe es demasiado largo: admite hasta 2,000,000 caracteres.' }),
  bodyAcronym: z.string().trim().max(40, { message: 'Las siglas del órgano admiten hasta 40 caracteres.' }).optional(),
  dryRun: z.boolean().default(true),
});
export type MechanismImportInput = z.input<typeof MechanismImportSchema>;

export const MechanismReportQuerySchema = z
  .object({
    bodyId: requiredId('Elija un órgano.'),
    from: IsoDateSchema,
    to: IsoDateSchema,
  })
  .refine((q) => datesInOrder(q.from, q.to), { message: 'El fin del periodo es anterior a su inicio.', path: ['to'] });

/** Withdrawing a published report takes it off the portal; the reason stays in its history. */
export const PublishedReportWithdrawSchema = z.object({ reason: requiredText(2000) });
export type PublishedReportWithdrawInput = z.input<typeof PublishedReportWithdrawSchema>;

/** An assembly's programme holds at most this many items. */
export const MAX_AGENDA_ITEMS = 100;
const AGENDA_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** An agenda item's time: 'HH:MM' in Mexico City as the programme writes it; blank is none (programmes often give no times). */
const agendaTime = z
  .string()
  .trim()
  .nullish()
  .transform((value) => (value ? value : null));

export const AgendaItemInputSchema = z.object({
  startsAt: agendaTime,
  endsAt: agendaTime,
  title: requiredText(500),
  presenter: optionalText(300),
  notes: optionalText(2000),
});
export type AgendaItemInput = z.input<typeof AgendaItemInputSchema>;

/**
 * Replaces a session's programme with these items, in this order. Each error names the item
 * («Punto 3 …») so a long programme can be corrected where it is wrong. `version` is the session's:
 * given, a stale one is refused with 409.
 */
export const SessionAgendaReplaceSchema = z
  .object({
    version: VersionSchema.optional(),
    items: z.array(AgendaItemInputSchema).max(MAX_AGENDA_ITEMS, { message: `El orden del día admite hasta ${MAX_AGENDA_ITEMS} puntos.` }),
  })
  .superRefine(({ items }, context) => {
    items.forEach((item, index) => {
      const name = `Punto ${index + 1}${item.title ? ` («${item.title}»)` : ''}`;
      for (const field of ['startsAt', 'endsAt'] as const) {
        const value = item[field];
        if (value !== null && !AGENDA_TIME.test(value)) {
          const which = field === 'startsAt' ? 'de inicio' : 'de término';
          context.addIssue({ code: 'custom', path: ['items', index, field], message: `${name}: escriba la hora ${which} como HH:MM (p. ej. 09:30).` });
        }
      }
      if (item.endsAt !== null && item.startsAt === null && AGENDA_TIME.test(item.endsAt)) {
        context.addIssue({ code: 'custom', path: ['items', index, 'startsAt'], message: `${name}: indique la hora de inicio si indica la de término.` });
      }
      if (item.startsAt && item.endsAt && AGENDA_TIME.test(item.startsAt) && AGENDA_TIME.test(item.endsAt) && item.endsAt < item.startsAt) {
        context.addIssue({ code: 'custom', path: ['items', index, 'endsAt'], message: `${name}: la hora de término (${item.endsAt}) es anterior a la de inicio (${item.startsAt}).` });
      }
    });
  });
export type SessionAgendaReplaceInput = z.input<typeof SessionAgendaReplaceSchema>;

/** Replaces the organisations that attended a session. */
export const SessionAttendanceReplaceSchema = z.object({
  version: VersionSchema.optional(),
  organizationIds: z.array(IdSchema).max(5000, { message: 'La asistencia admite hasta 5,000 organizaciones.' }),
});
export type SessionAttendanceReplaceInput = z.input<typeof SessionAttendanceReplaceSchema>;
