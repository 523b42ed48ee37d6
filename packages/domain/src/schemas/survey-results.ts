/**
 * A survey's results (the coordination's view, the portal's and the exports'), the theme coding of its
 * open answers and the publication of chosen questions. Small segments are never shown on their own.
 */
import { z } from 'zod';
import { SEGMENT_KINDS, SURVEY_ANONYMITY, SURVEY_QUESTION_KINDS, SURVEY_STATUSES } from '../networks/model.js';
import { optionalText, requiredText } from './common.js';
import { orNull, viewCount, viewId, viewInstant, viewVersion } from './view-fields.js';

const QuestionKeySchema = z.string().regex(/^[a-z0-9][a-z0-9_]{0,39}$/, { message: 'Clave de pregunta no válida.' });

const segmentQueryFields = {
  segmentKind: z.enum(SEGMENT_KINDS).optional(),
  segment: z.string().trim().min(1).max(100).optional(),
};
const bothOrNeither = (query: { segmentKind?: string; segment?: string }) => !query.segmentKind === !query.segment;
const bothOrNeitherIssue = { message: 'Indique el tipo de segmento y el segmento, o ninguno.', path: ['segment'] };

/** `?segmentKind&segment`: both or neither. `segment` is a state code ('' none), a sector, a commission id or `otros` (the pool). */
export const SurveyResultsQuerySchema = z.strictObject(segmentQueryFields).refine(bothOrNeither, bothOrNeitherIssue);
export type SurveyResultsQuery = z.output<typeof SurveyResultsQuerySchema>;

/** The segment value of the pool of every segment too small to be shown on its own. */
export const OTHER_SEGMENT = 'otros';

export const SURVEY_RESULTS_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const SurveyResultsExportQuerySchema = z
  .strictObject({ ...segmentQueryFields, format: z.enum(SURVEY_RESULTS_EXPORT_FORMATS).default('xlsx') })
  .refine(bothOrNeither, bothOrNeitherIssue);

export const SurveySegmentViewSchema = z
  .strictObject({ segment: z.string(), label: z.string(), respondents: viewCount })
  .meta({ id: 'SurveySegmentView', description: 'Segmento con respuestas suficientes para mostrarse (5 o más); «Otros» reúne los pequeños.' });

export const SurveyOptionResultViewSchema = z
  .strictObject({
    key: z.string(),
    label: z.string(),
    /** Respondents who chose the option. */
    respondents: viewCount,
    /** Times it was chosen: the same as respondents (each chooses an option once), kept for the sums. */
    mentions: viewCount,
    /** respondents / the question's answers (a multiple-choice question's shares add up to more than 1); null when nobody answered. */
    shareOfRespondents: orNull(z.number().min(0).max(1)),
    /** mentions / the question's mentions (they add up to 1); null when there are none. */
    shareOfMentions: orNull(z.number().min(0).max(1)),
  })
  .meta({ id: 'SurveyOptionResultView', description: 'Una opción: cuántas personas la eligieron y su parte de quienes respondieron y de las menciones.' });

export const SurveyNumberSummaryViewSchema = z
  .strictObject({ count: viewCount, mean: z.number(), median: z.number(), min: z.number(), max: z.number() })
  .meta({ id: 'SurveyNumberSummaryView', description: 'Resumen de una pregunta numérica (o de una escala con claves numéricas); nulo si nadie respondió.' });

export const SurveyThemeResultViewSchema = z
  .strictObject({ id: viewId, label: z.string(), count: viewCount, quotes: z.array(z.string()) })
  .meta({ id: 'SurveyThemeResultView', description: 'Un tema de una pregunta abierta: respuestas codificadas con él y sus citas marcadas.' });

export const SurveyQuestionResultViewSchema = z
  .strictObject({
    key: z.string(),
    number: z.string(),
    text: z.string(),
    kind: z.enum(SURVEY_QUESTION_KINDS),
    /** Respondents who answered the question. */
    answers: viewCount,
    /** Options chosen in all (a multiple-choice respondent mentions several). */
    mentions: viewCount,
    options: z.array(SurveyOptionResultViewSchema),
    numberSummary: orNull(SurveyNumberSummaryViewSchema),
    themes: z.array(SurveyThemeResultViewSchema),
    published: z.boolean(),
  })
  .meta({ id: 'SurveyQuestionResultView', description: 'Resultados de una pregunta: su gráfica y su tabla.' });

export const SurveyResultsViewSchema = z
  .strictObject({
    survey: z.strictObject({
      id: viewId,
      title: z.string(),
      networkName: z.string(),
      anonymity: z.enum(SURVEY_ANONYMITY),
      status: z.enum(SURVEY_STATUSES),
      closedAt: orNull(viewInstant),
      publishedAt: orNull(viewInstant),
    }),
    /** Members invited (in the segment asked for, when one is); null when that segment is suppressed. */
    invited: orNull(viewCount),
    /** Null when the segment asked for is suppressed. */
    respondents: orNull(viewCount),
    responseRate: orNull(z.number().min(0)),
    segment: orNull(z.strictObject({ kind: z.enum(SEGMENT_KINDS), value: z.string(), label: z.string() })),
    segments: z.strictObject({ state: z.array(SurveySegmentViewSchema), sector: z.array(SurveySegmentViewSchema), commission: z.array(SurveySegmentViewSchema) }),
    questions: z.array(SurveyQuestionResultViewSchema),
    /** The segment asked for has fewer than 5 respondents: nothing about it is shown. */
    suppressed: z.boolean(),
  })
  .meta({ id: 'SurveyResultsView', description: 'Resultados de una encuesta, en total o de un segmento; los segmentos de menos de 5 respuestas nunca se muestran solos.' });
export type SurveyResultsView = z.output<typeof SurveyResultsViewSchema>;

export const PublicSurveySummaryViewSchema = z
  .strictObject({ id: viewId, title: z.string(), networkName: z.string(), closedAt: orNull(viewInstant), publishedAt: orNull(viewInstant), respondents: viewCount, questions: viewCount })
  .meta({ id: 'PublicSurveySummaryView', description: 'Encuesta con resultados publicados en el portal.' });
export type PublicSurveySummaryView = z.output<typeof PublicSurveySummaryViewSchema>;

export const SurveyOpenAnswersQuerySchema = z.strictObject({
  questionKey: QuestionKeySchema,
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const SurveyOpenAnswerViewSchema = z
  .strictObject({
    /** The response's random id: with the question, it names the answer without telling the order answers came in. */
    answerId: viewId,
    text: z.string(),
    themeIds: z.array(viewId),
    quoteThemeIds: z.array(viewId),
    /** Only for a named response; never for an anonymous one. */
    organizationName: orNull(z.string()),
  })
  .meta({ id: 'SurveyOpenAnswerView', description: 'Respuesta abierta con sus temas; la organización solo si la respuesta no es anónima.' });
export type SurveyOpenAnswerView = z.output<typeof SurveyOpenAnswerViewSchema>;

export const SurveyThemeCreateSchema = z.strictObject({
  questionKey: QuestionKeySchema,
  label: requiredText(200),
  description: optionalText(2000),
});
export const SurveyThemeUpdateSchema = z.strictObject({
  version: z.number().int().min(1),
  label: requiredText(200).optional(),
  description: optionalText(2000),
  position: z.number().int().min(1).max(1000).optional(),
});
export const SurveyThemeViewSchema = z
  .strictObject({ id: viewId, surveyId: viewId, questionKey: z.string(), label: z.string(), description: orNull(z.string()), position: z.number().int(), count: viewCount, version: viewVersion })
  .meta({ id: 'SurveyThemeView', description: 'Tema para codificar las respuestas de una pregunta abierta.' });
export type SurveyThemeView = z.output<typeof SurveyThemeViewSchema>;

export const SurveyThemesQuerySchema = z.strictObject({ questionKey: QuestionKeySchema.optional() });

export const SurveyAnswerThemesSchema = z
  .strictObject({
    /** The open question answered: with the response's id in the path, it names the answer (one per response and question). */
    questionKey: QuestionKeySchema,
    themeIds: z.array(z.uuid()).max(50),
    quoteThemeIds: z.array(z.uuid()).max(50).default([]),
  })
  .refine((input) => input.quoteThemeIds.every((id) => input.themeIds.includes(id)), {
    message: 'Una respuesta solo es cita de un tema con el que está codificada.',
    path: ['quoteThemeIds'],
  });

export const SurveyPublicationSchema = z.strictObject({ questionKeys: z.array(QuestionKeySchema).max(300) });
export const SurveyPublicationViewSchema = z
  .strictObject({ questionKeys: z.array(z.string()), publishedAt: orNull(viewInstant) })
  .meta({ id: 'SurveyPublicationView', description: 'Preguntas cuyos resultados están en el portal.' });
