/**
 * The surveys API: a network's surveys (draft → open → closed), their invitations and response rates,
 * and what a member sees and sends through their personal link. Results, themes and publication are
 * further down (survey-results).
 */
import { z } from 'zod';
import { SURVEY_ANONYMITY, SURVEY_STATUSES, SurveyAudienceSchema } from '../networks/model.js';
import { SurveyAnswerInputSchema, SurveyDefinitionSchema } from '../networks/survey-definition.js';
import { abilitiesOf } from './abilities.js';
import { optionalText, requiredText, VersionSchema } from './common.js';
import { viewCount, viewId, viewInstant, viewVersion } from './view-fields.js';

// ── Inputs ──────────────────────────────────────────────────────────────────────────────────────

/** A moment with its offset ("2026-12-15T23:59:00-06:00"), or null: no closing date. */
const ClosesAtSchema = z.iso.datetime({ offset: true, message: 'Indique la fecha y hora de cierre.' }).nullable();

export const SurveyCreateSchema = z.strictObject({
  title: requiredText(300),
  description: optionalText(8000),
  definition: SurveyDefinitionSchema,
  anonymity: z.enum(SURVEY_ANONYMITY, { message: 'Elija si las respuestas son nominales, anónimas o a elección.' }),
  audience: SurveyAudienceSchema,
  closesAt: ClosesAtSchema.default(null),
});
export type SurveyCreateInput = z.input<typeof SurveyCreateSchema>;

/** Definition, audience and anonymity change only while the survey is a draft; title, description and closing date until it closes. */
export const SurveyUpdateSchema = z.strictObject({
  version: VersionSchema,
  title: requiredText(300).optional(),
  description: optionalText(8000).optional(),
  definition: SurveyDefinitionSchema.optional(),
  anonymity: z.enum(SURVEY_ANONYMITY).optional(),
  audience: SurveyAudienceSchema.optional(),
  closesAt: ClosesAtSchema.optional(),
});
export type SurveyUpdateInput = z.input<typeof SurveyUpdateSchema>;

/** Open, remind and close name the version they act on, like every edit. */
export const SurveyActionSchema = z.strictObject({ version: VersionSchema });

/** What a member sends through their personal link. */
export const SurveyResponseInputSchema = z.strictObject({
  answers: SurveyAnswerInputSchema,
  /** Only where the survey lets the respondent choose (anonymity `optional`). */
  anonymous: z.boolean().optional(),
});
export type SurveyResponseInput = z.input<typeof SurveyResponseInputSchema>;

// ── Views ───────────────────────────────────────────────────────────────────────────────────────

const rate = z.number().min(0).max(1).describe('Proporción de 0 a 1; 0 sin invitaciones.');

export const SurveyCountsSchema = z
  .strictObject({
    invited: viewCount,
    responses: viewCount,
    responseRate: rate,
    /** Invited members without a contact e-mail: their link is handed over by the coordination. */
    withoutEmail: viewCount,
  })
  .meta({ id: 'SurveyCounts', description: 'Invitaciones, respuestas y tasa de respuesta de una encuesta.' });

export const SurveyAbilitiesSchema = abilitiesOf('SurveyAbilities', 'Lo que la persona puede hacer con una encuesta.', {
  canManage: 'Editarla, abrirla, enviar recordatorios, cerrarla y ver sus tasas (la coordinación de la red).',
});

export const SurveyListItemSchema = z
  .strictObject({
    id: viewId,
    title: z.string(),
    status: z.enum(SURVEY_STATUSES),
    anonymity: z.enum(SURVEY_ANONYMITY),
    closesAt: viewInstant.nullable(),
    invited: viewCount,
    responses: viewCount,
    responseRate: rate,
  })
  .meta({ id: 'SurveyListItem', description: 'Una encuesta en la lista de su red.' });
export type SurveyListItem = z.infer<typeof SurveyListItemSchema>;
export const SurveyListSchema = z.array(SurveyListItemSchema).meta({ id: 'SurveyList', description: 'Las encuestas de una red, la más reciente primero.' });

export const SurveyViewSchema = z
  .strictObject({
    id: viewId,
    networkId: viewId,
    networkName: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    definition: SurveyDefinitionSchema,
    anonymity: z.enum(SURVEY_ANONYMITY),
    /** `closed` also once `closesAt` has passed, whether or not someone closed it. */
    status: z.enum(SURVEY_STATUSES),
    audience: SurveyAudienceSchema,
    openedAt: viewInstant.nullable(),
    closesAt: viewInstant.nullable(),
    closedAt: viewInstant.nullable(),
    publishedQuestions: z.array(z.string()),
    flags: z.array(z.string()),
    counts: SurveyCountsSchema,
    version: viewVersion,
    abilities: SurveyAbilitiesSchema,
  })
  .meta({ id: 'SurveyView', description: 'Una encuesta de una red: preguntas, destinatarios, anonimato, estado y tasa de respuesta.' });
export type SurveyView = z.infer<typeof SurveyViewSchema>;

export const SurveyOpenResultSchema = z
  .strictObject({ invited: viewCount, mailed: viewCount, withoutEmail: viewCount })
  .meta({ id: 'SurveyOpenResult', description: 'Invitaciones creadas al abrir la encuesta, correos en cola y miembros sin correo.' });

export const SurveyRemindResultSchema = z
  .strictObject({ reminded: viewCount, withoutEmail: viewCount })
  .meta({ id: 'SurveyRemindResult', description: 'Recordatorios en cola (a quienes no han respondido) y pendientes sin correo.' });

export const SurveyRateRowSchema = z
  .strictObject({ segment: z.string(), label: z.string(), invited: viewCount, responded: viewCount, rate })
  .meta({ id: 'SurveyRateRow', description: 'Organizaciones invitadas y que respondieron en un segmento.' });

export const SurveyRatesViewSchema = z
  .strictObject({
    overall: z.strictObject({ invited: viewCount, responded: viewCount, rate }),
    /** Segment '' is a member without a state (national). */
    byState: z.array(SurveyRateRowSchema),
    bySector: z.array(SurveyRateRowSchema),
    byCommission: z.array(SurveyRateRowSchema),
  })
  .meta({ id: 'SurveyRatesView', description: 'Tasa de respuesta de las organizaciones invitadas: total y por estado, sector y comisión.' });
export type SurveyRatesView = z.infer<typeof SurveyRatesViewSchema>;

/** What a member reads through their personal link: the survey, never anyone else's data. */
export const SurveyInvitationViewSchema = z
  .strictObject({
    survey: z.strictObject({
      title: z.string(),
      description: z.string().nullable(),
      definition: SurveyDefinitionSchema,
      anonymity: z.enum(SURVEY_ANONYMITY),
      closesAt: viewInstant.nullable(),
      status: z.enum(SURVEY_STATUSES),
    }),
    networkName: z.string(),
    memberName: z.string(),
    responded: z.boolean(),
  })
  .meta({ id: 'SurveyInvitationView', description: 'La encuesta como la ve la organización invitada por su enlace personal.' });
export type SurveyInvitationView = z.infer<typeof SurveyInvitationViewSchema>;

/** The receipt of a response: nothing that identifies it (no id, no time). */
export const SurveyResponseReceiptSchema = z
  .strictObject({ anonymous: z.boolean() })
  .meta({ id: 'SurveyResponseReceipt', description: 'Acuse de una respuesta: solo si quedó anónima.' });
