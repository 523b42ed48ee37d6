/**
 * Networks of organisations (the Pacto por la Primera Infancia and its like): members with a lifecycle,
 * governance bodies, thematic commissions with their mechanisms, member surveys and annual points.
 * The vocabulary here is stored as is; the Spanish labels live in the message catalogues.
 */
import { z } from 'zod';

/** A member's standing on a day, computed from its dates and contributions, never stored. */
export const MEMBER_STATUSES = ['new', 'active', 'grace', 'lapsed', 'withdrawn'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** What a body under a network is to it. */
export const NETWORK_BODY_ROLES = ['board', 'coordination', 'commission'] as const;
export type NetworkBodyRole = (typeof NETWORK_BODY_ROLES)[number];

/** A commission's focal point leads it; the alternate stands in. Each holds a dated term. */
export const FOCAL_ROLES = ['focal_point', 'alternate'] as const;
export type FocalRole = (typeof FOCAL_ROLES)[number];

/** A member's yearly contribution: a record of what was agreed and paid, not a payment system. */
export const DUES_STATUSES = ['paid', 'pending', 'exempt'] as const;
export type DuesStatus = (typeof DUES_STATUSES)[number];

/** The communication mechanism a commission agrees (seed 003: channel, rules, how often). */
export const CommunicationMechanismSchema = z
  .strictObject({
    channels: z.array(z.enum(['email', 'whatsapp', 'telegram', 'video_call', 'phone', 'platform', 'other'])).max(7).default([]),
    otherChannel: z.string().trim().max(200).nullable().default(null),
    rules: z.string().trim().max(4000).nullable().default(null),
    frequency: z.enum(['daily', 'weekly', 'biweekly', 'monthly', 'bimonthly', 'quarterly', 'as_needed']).nullable().default(null),
  })
  .meta({ id: 'CommunicationMechanism', description: 'Mecanismo de comunicación de una comisión: canal, reglas y periodicidad.' });
export type CommunicationMechanism = z.output<typeof CommunicationMechanismSchema>;

/** The work mechanism: the seed form's prompting questions as fields. */
export const WorkMechanismSchema = z
  .strictObject({
    meetingFrequency: z.enum(['weekly', 'biweekly', 'monthly', 'bimonthly', 'quarterly', 'as_needed']).nullable().default(null),
    modality: z.enum(['in_person', 'online', 'hybrid']).nullable().default(null),
    /** Where documents are reviewed, commented and written (a shared drive, e-mail…). */
    documentPlatform: z.string().trim().max(500).nullable().default(null),
    /** Who takes the agreements and by what means they are sent. */
    agreementsKeeper: z.string().trim().max(500).nullable().default(null),
    agreementsChannel: z.string().trim().max(500).nullable().default(null),
    /** How venues are chosen. */
    venueRule: z.string().trim().max(1000).nullable().default(null),
    notes: z.string().trim().max(4000).nullable().default(null),
  })
  .meta({ id: 'WorkMechanism', description: 'Mecanismo de trabajo de una comisión: reuniones, modalidad, documentos, acuerdos y sedes.' });
export type WorkMechanism = z.output<typeof WorkMechanismSchema>;

/** What a member earns points for in a year, and how much each counts (the coordination sets them). */
export const POINT_SOURCES = ['assembly', 'survey', 'activity', 'commission'] as const;
export type PointSource = (typeof POINT_SOURCES)[number];
export const PointWeightsSchema = z
  .strictObject({ assembly: z.number().min(0).max(100), survey: z.number().min(0).max(100), activity: z.number().min(0).max(100), commission: z.number().min(0).max(100) })
  .meta({ id: 'PointWeights', description: 'Peso de cada aportación en el puntaje anual de un integrante.' });
export type PointWeights = z.output<typeof PointWeightsSchema>;
export const DEFAULT_POINT_WEIGHTS: PointWeights = { assembly: 3, survey: 1, activity: 2, commission: 2 };

/** Question kinds a survey may use: the questionnaire's model, restricted (rating is the Likert scale). */
export const SURVEY_QUESTION_KINDS = ['single_choice', 'multiple_choice', 'rating', 'open', 'number'] as const;
export type SurveyQuestionKind = (typeof SURVEY_QUESTION_KINDS)[number];

/** named: each response is tied to its invitation; anonymous: none is; optional: the respondent chooses. */
export const SURVEY_ANONYMITY = ['named', 'anonymous', 'optional'] as const;
export type SurveyAnonymity = (typeof SURVEY_ANONYMITY)[number];

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/** Who a survey is for: every current member, a commission's members, the members of some states, or a list. */
export const SurveyAudienceSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('all') }),
    z.strictObject({ kind: z.literal('commission'), commissionIds: z.array(z.uuid()).min(1).max(50) }),
    z.strictObject({ kind: z.literal('states'), stateCodes: z.array(z.string().regex(/^MX-[A-Z]{3}$/)).min(1).max(32) }),
    z.strictObject({ kind: z.literal('list'), memberIds: z.array(z.uuid()).min(1).max(10000) }),
  ])
  .meta({ id: 'SurveyAudience', description: 'A quién se dirige una encuesta: todos los integrantes, una comisión, algunos estados o una lista.' });
export type SurveyAudience = z.output<typeof SurveyAudienceSchema>;

/** The segments results and response rates are cut by. */
export const SEGMENT_KINDS = ['state', 'sector', 'commission'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

/** No segment of fewer respondents than this is shown on its own: UI, exports and portal alike. */
export const MIN_SEGMENT_RESPONDENTS = 5;
