/**
 * The questionnaires API: templates (versioned), exercises, assignments, contributions reviewed per
 * question, and the consolidated answer whose blocks keep their contributors.
 */
import { z } from 'zod';
import { AnswerSchema, QUESTION_KINDS, RichTextSchema, TemplateDefinitionSchema } from '../questionnaires/model.js';
import { abilitiesOf } from './abilities.js';
import { datesInOrder, IsoDateSchema, optionalText, requiredId, requiredText, VersionSchema } from './common.js';
import { viewCount, viewDate, viewId, viewInstant, viewVersion } from './view-fields.js';
import { BodyRefSchema, OrganizationRefSchema, pageOf } from './views.js';

export const CONTRIBUTION_STATUSES = ['pending', 'draft', 'submitted', 'sent_back', 'accepted'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];
export const EXERCISE_STATUSES = ['draft', 'open', 'closed'] as const;
export type ExerciseStatus = (typeof EXERCISE_STATUSES)[number];

const nullableDate = IsoDateSchema.nullish().or(z.literal('')).transform((v) => v || null);

// ── Templates ──────────────────────────────────────────────────────────────────────────────────

export const TemplateCreateSchema = z.object({
  name: requiredText(300),
  description: optionalText(4000),
  bodyId: requiredId('Elija el órgano que coordina.'),
  definition: TemplateDefinitionSchema,
});
export type TemplateCreateInput = z.input<typeof TemplateCreateSchema>;

/** Saving a template's definition makes a new version; exercises keep the version they were created from. */
export const TemplateUpdateSchema = z.object({
  name: requiredText(300).optional(),
  description: optionalText(4000).optional(),
  definition: TemplateDefinitionSchema.optional(),
  version: VersionSchema,
});
export type TemplateUpdateInput = z.input<typeof TemplateUpdateSchema>;

export const TemplateViewSchema = z
  .strictObject({
    id: viewId,
    name: z.string(),
    description: z.string().nullable(),
    body: BodyRefSchema,
    /** The newest version's number. */
    currentVersion: z.number().int().min(1),
    questionCount: viewCount,
    exerciseCount: viewCount,
    version: viewVersion,
    updatedAt: viewInstant,
  })
  .meta({ id: 'TemplateView', description: 'Plantilla de cuestionario.' });
export type TemplateView = z.infer<typeof TemplateViewSchema>;
export const TemplatePageSchema = pageOf(TemplateViewSchema, 'TemplatePage');

export const TemplateAbilitiesSchema = abilitiesOf('TemplateAbilities', 'Lo que la persona puede hacer con una plantilla.', {
  edit: 'Cambiar sus preguntas (crea una versión nueva).',
  createExercise: 'Abrir un ejercicio con ella.',
});

export const TemplateDetailViewSchema = TemplateViewSchema.extend({
  definition: TemplateDefinitionSchema,
  versions: z.array(z.strictObject({ number: z.number().int().min(1), createdAt: viewInstant, questionCount: viewCount })),
  abilities: TemplateAbilitiesSchema,
}).meta({ id: 'TemplateDetailView', description: 'Plantilla con las preguntas de su versión más reciente.' });
export type TemplateDetailView = z.infer<typeof TemplateDetailViewSchema>;

/** What an XLSForm workbook held only in part, or could not hold: the sentence names the sheet, row and column. */
export const XlsFormIssueSchema = z
  .strictObject({ sheet: z.string(), row: z.number().int().nullable(), column: z.string().nullable(), message: z.string() })
  .meta({ id: 'XlsFormIssue', description: 'Un aviso sobre una hoja, fila y columna de un libro XLSForm.' });
export type XlsFormIssueView = z.infer<typeof XlsFormIssueSchema>;

export const TemplateXlsFormImportResultSchema = z
  .strictObject({ template: TemplateDetailViewSchema, warnings: z.array(XlsFormIssueSchema) })
  .meta({ id: 'TemplateXlsFormImportResult', description: 'La plantilla creada de un libro XLSForm, con lo que se leyó solo en parte.' });
export type TemplateXlsFormImportResult = z.infer<typeof TemplateXlsFormImportResultSchema>;

// ── Exercises ──────────────────────────────────────────────────────────────────────────────────

export const ExerciseCreateSchema = z
  .object({
    templateId: requiredId('Elija una plantilla.'),
    title: requiredText(400),
    /** Who the reply goes to: "OACNUDH", "Alianza 8.7". */
    recipient: optionalText(300),
    /** The communication's reference: "JAL MEX 4/2021". */
    reference: optionalText(120),
    receivedOn: nullableDate,
    internalDueOn: nullableDate,
    externalDueOn: nullableDate,
    periodFrom: nullableDate,
    periodTo: nullableDate,
    bodyId: requiredId('Elija el órgano que coordina.'),
    /** The plan whose nodes the repeated questions run over and whose activities pre-fill them. */
    planId: z.string().uuid().nullish().or(z.literal('')).transform((v) => v || null),
    /** Start from this exercise's answers (same template): each question's answer carried over as a proposal. */
    previousExerciseId: z.string().uuid().nullish().or(z.literal('')).transform((v) => v || null),
  })
  .refine((e) => datesInOrder(e.periodFrom, e.periodTo), { message: 'El fin del periodo es anterior a su inicio.', path: ['periodTo'] })
  .refine((e) => datesInOrder(e.internalDueOn, e.externalDueOn), { message: 'La fecha interna debe ser anterior o igual a la de entrega.', path: ['internalDueOn'] })
  .refine((e) => datesInOrder(e.receivedOn, e.externalDueOn), { message: 'La fecha de entrega es anterior a la de recepción.', path: ['externalDueOn'] });
export type ExerciseCreateInput = z.input<typeof ExerciseCreateSchema>;

export const ExerciseUpdateSchema = z.object({
  title: requiredText(400).optional(),
  recipient: optionalText(300).optional(),
  reference: optionalText(120).optional(),
  receivedOn: nullableDate.optional(),
  internalDueOn: nullableDate.optional(),
  externalDueOn: nullableDate.optional(),
  /** The date printed on the reply. */
  replyDate: nullableDate.optional(),
  place: optionalText(200).optional(),
  coverNote: RichTextSchema.nullable().optional(),
  status: z.enum(EXERCISE_STATUSES).optional(),
  version: VersionSchema,
});
export type ExerciseUpdateInput = z.input<typeof ExerciseUpdateSchema>;

export const ExerciseViewSchema = z
  .strictObject({
    id: viewId,
    title: z.string(),
    recipient: z.string().nullable(),
    reference: z.string().nullable(),
    receivedOn: viewDate.nullable(),
    internalDueOn: viewDate.nullable(),
    externalDueOn: viewDate.nullable(),
    periodFrom: viewDate.nullable(),
    periodTo: viewDate.nullable(),
    status: z.enum(EXERCISE_STATUSES),
    body: BodyRefSchema,
    template: z.strictObject({ id: viewId, name: z.string(), version: z.number().int().min(1) }),
    plan: z.strictObject({ id: viewId, name: z.string() }).nullable(),
    previousExercise: z.strictObject({ id: viewId, title: z.string() }).nullable(),
    questionCount: viewCount,
    answeredCount: viewCount,
    isPublished: z.boolean(),
    version: viewVersion,
    updatedAt: viewInstant,
  })
  .meta({ id: 'ExerciseView', description: 'Ejercicio: una plantilla respondida para un destinatario y un periodo.' });
export type ExerciseView = z.infer<typeof ExerciseViewSchema>;
export const ExercisePageSchema = pageOf(ExerciseViewSchema, 'ExercisePage');

export const ExerciseAbilitiesSchema = abilitiesOf('ExerciseAbilities', 'Lo que la persona puede hacer con un ejercicio.', {
  edit: 'Cambiar sus datos, asignar preguntas, revisar aportaciones y consolidar la respuesta.',
  publish: 'Publicar la respuesta en el portal y retirarla.',
});
export type ExerciseAbilities = z.infer<typeof ExerciseAbilitiesSchema>;

/** An exercise's question: a template question, or one instance of a repeated one (then `planNode`). */
export const ExerciseQuestionViewSchema = z
  .strictObject({
    id: viewId,
    key: z.string(),
    number: z.string(),
    text: z.string(),
    kind: z.enum(QUESTION_KINDS),
    section: z.string().nullable(),
    required: z.boolean(),
    help: z.string().nullable(),
    editorialNote: z.string().nullable(),
    options: z.array(z.strictObject({ key: z.string(), label: z.string(), other: z.boolean().optional() })),
    columns: z.array(z.strictObject({ key: z.string(), label: z.string() })),
    condition: z.strictObject({ questionKey: z.string(), anyOf: z.array(z.string()) }).nullable(),
    withComment: z.boolean(),
    planNode: z.strictObject({ id: viewId, code: z.string(), title: z.string() }).nullable(),
    /** Whether the consolidated answer has anything in it. */
    isAnswered: z.boolean(),
  })
  .meta({ id: 'ExerciseQuestionView', description: 'Pregunta de un ejercicio.' });
export type ExerciseQuestionView = z.infer<typeof ExerciseQuestionViewSchema>;

export const AssignmentViewSchema = z
  .strictObject({
    id: viewId,
    questionId: viewId,
    organization: OrganizationRefSchema,
    dueOn: viewDate.nullable(),
    contributionId: viewId,
    status: z.enum(CONTRIBUTION_STATUSES),
    isOverdue: z.boolean(),
  })
  .meta({ id: 'AssignmentView', description: 'Una pregunta asignada a una organización, con el estado de su aportación.' });
export type AssignmentView = z.infer<typeof AssignmentViewSchema>;

export const ExerciseDetailViewSchema = ExerciseViewSchema.extend({
  replyDate: viewDate.nullable(),
  place: z.string().nullable(),
  coverNote: RichTextSchema.nullable(),
  questions: z.array(ExerciseQuestionViewSchema),
  assignments: z.array(AssignmentViewSchema),
  /** Organisations named as contributors (imported replies) or with an accepted contribution. */
  contributors: z.array(OrganizationRefSchema),
  abilities: ExerciseAbilitiesSchema,
}).meta({ id: 'ExerciseDetailView', description: 'Ejercicio con sus preguntas y asignaciones.' });
export type ExerciseDetailView = z.infer<typeof ExerciseDetailViewSchema>;

/** Assign questions (or whole sections, by listing their questions) to organisations. */
export const AssignmentCreateSchema = z.object({
  questionIds: z.array(z.string().uuid()).min(1, { message: 'Elija al menos una pregunta.' }).max(500),
  organizationIds: z.array(z.string().uuid()).min(1, { message: 'Elija al menos una organización.' }).max(200),
  dueOn: nullableDate,
});
export type AssignmentCreateInput = z.input<typeof AssignmentCreateSchema>;

/** The board: question × organisation with each contribution's status. */
export const ExerciseBoardViewSchema = z
  .strictObject({
    questions: z.array(z.strictObject({ id: viewId, number: z.string(), text: z.string() })),
    organizations: z.array(OrganizationRefSchema),
    cells: z.array(z.strictObject({ questionId: viewId, organizationId: viewId, contributionId: viewId, status: z.enum(CONTRIBUTION_STATUSES), isOverdue: z.boolean() })),
    totals: z.record(z.enum(CONTRIBUTION_STATUSES), viewCount),
    overdue: viewCount,
  })
  .meta({ id: 'ExerciseBoardView', description: 'Tablero: estado de cada aportación por pregunta y organización.' });
export type ExerciseBoardView = z.infer<typeof ExerciseBoardViewSchema>;

// ── Contributions ─────────────────────────────────────────────────────────────────────────────

/** What a contribution links to in Telar, as its evidence. */
export const CONTRIBUTION_LINK_KINDS = ['activity', 'agreement', 'plan_node', 'indicator', 'evidence'] as const;
export const ContributionLinkSchema = z.strictObject({ kind: z.enum(CONTRIBUTION_LINK_KINDS), id: z.string().uuid() });

export const ContributionUpdateSchema = z.object({
  answer: AnswerSchema,
  links: z.array(ContributionLinkSchema).max(100).default([]),
  version: VersionSchema,
});
export type ContributionUpdateInput = z.input<typeof ContributionUpdateSchema>;

export const ContributionReviewSchema = z.object({
  /** Required when sending back: what to change. */
  comment: optionalText(4000),
  version: VersionSchema,
});
export type ContributionReviewInput = z.input<typeof ContributionReviewSchema>;

export const ContributionAbilitiesSchema = abilitiesOf('ContributionAbilities', 'Lo que la persona puede hacer con una aportación.', {
  edit: 'Redactarla y enviarla (su organización tiene la pregunta asignada y no está aceptada).',
  review: 'Aceptarla o devolverla con un comentario.',
});

export const ContributionViewSchema = z
  .strictObject({
    id: viewId,
    exercise: z.strictObject({ id: viewId, title: z.string() }),
    question: ExerciseQuestionViewSchema,
    organization: OrganizationRefSchema,
    status: z.enum(CONTRIBUTION_STATUSES),
    dueOn: viewDate.nullable(),
    isOverdue: z.boolean(),
    answer: AnswerSchema,
    links: z.array(ContributionLinkSchema.extend({ label: z.string() })),
    reviewComment: z.string().nullable(),
    submittedAt: viewInstant.nullable(),
    reviewedAt: viewInstant.nullable(),
    /** Last exercise's accepted answer to the same question, to start from. */
    previousAnswer: AnswerSchema.nullable(),
    abilities: ContributionAbilitiesSchema,
    version: viewVersion,
  })
  .meta({ id: 'ContributionView', description: 'La aportación de una organización a una pregunta.' });
export type ContributionView = z.infer<typeof ContributionViewSchema>;

/** An enlace's (or a coordinator's) list: the contributions in their charge. */
export const MyContributionViewSchema = z
  .strictObject({
    id: viewId,
    exercise: z.strictObject({ id: viewId, title: z.string() }),
    questionNumber: z.string(),
    questionText: z.string(),
    organization: OrganizationRefSchema,
    status: z.enum(CONTRIBUTION_STATUSES),
    dueOn: viewDate.nullable(),
    isOverdue: z.boolean(),
  })
  .meta({ id: 'MyContributionView', description: 'Aportación a cargo de la persona.' });
export type MyContributionView = z.infer<typeof MyContributionViewSchema>;
export const MyContributionPageSchema = pageOf(MyContributionViewSchema, 'MyContributionPage');

// ── Consolidation ─────────────────────────────────────────────────────────────────────────────

/** What the coordinator composes from, per question. */
export const ConsolidationQuestionViewSchema = z
  .strictObject({
    question: ExerciseQuestionViewSchema,
    answer: AnswerSchema,
    answerVersion: viewVersion,
    accepted: z.array(z.strictObject({ contributionId: viewId, organization: OrganizationRefSchema, answer: AnswerSchema })),
    /** Contributions not yet accepted, by status, so the coordinator sees what is still coming. */
    waiting: z.array(z.strictObject({ organization: OrganizationRefSchema, status: z.enum(CONTRIBUTION_STATUSES) })),
    previousAnswer: AnswerSchema.nullable(),
    /** Whether `previousAnswer` is a carried-over proposal still waiting to be used or discarded (else only shown for reference). */
    hasCarriedAnswer: z.boolean(),
    /** Repeated questions over a plan: what Telar already knows about the node in the period. */
    prefill: z
      .strictObject({
        status: z.string().nullable(),
        activities: z.array(z.strictObject({ id: viewId, title: z.string(), startDate: viewDate.nullable(), endDate: viewDate.nullable(), participants: z.number().int().nullable(), events: z.number().int().nullable() })),
      })
      .nullable(),
  })
  .meta({ id: 'ConsolidationQuestionView', description: 'Pregunta con su respuesta oficial, las aportaciones aceptadas y lo que Telar propone.' });
export type ConsolidationQuestionView = z.infer<typeof ConsolidationQuestionViewSchema>;

export const ConsolidationViewSchema = z
  .strictObject({ exerciseId: viewId, questions: z.array(ConsolidationQuestionViewSchema), organizations: z.array(OrganizationRefSchema) })
  .meta({ id: 'ConsolidationView', description: 'Todo lo que la coordinación necesita para consolidar la respuesta.' });
export type ConsolidationView = z.infer<typeof ConsolidationViewSchema>;

/** The official answer of one question; blocks carry `sources` (organisation ids). */
export const AnswerUpdateSchema = z.object({ answer: AnswerSchema, version: VersionSchema });
export type AnswerUpdateInput = z.input<typeof AnswerUpdateSchema>;

export const REPLY_FORMATS = ['docx', 'md', 'json'] as const;
export type ReplyFormat = (typeof REPLY_FORMATS)[number];

/** Take the carried-over answer (`use`) or drop it (`discard`). */
export const CARRIED_DECISIONS = ['use', 'discard'] as const;
export const CarriedDecisionSchema = z.object({ version: VersionSchema });

/** The consolidated reply (the model's `ConsolidatedReply`) as the JSON export and the portal give it. */
const ReplyQuestionSchema = z.strictObject({
  number: z.string(),
  text: z.string(),
  kind: z.enum(QUESTION_KINDS),
  section: z.string().nullable(),
  options: z.array(z.strictObject({ label: z.string(), marked: z.boolean() })),
  columns: z.array(z.string()),
  answer: AnswerSchema,
  contributors: z.array(z.string()),
});
export const ConsolidatedReplySchema = z
  .strictObject({
    title: z.string(),
    recipient: z.string().nullable(),
    reference: z.string().nullable(),
    date: viewDate.nullable(),
    place: z.string().nullable(),
    coverNote: RichTextSchema.nullable(),
    questions: z.array(ReplyQuestionSchema),
    organisations: z.array(z.strictObject({ id: viewId, name: z.string(), acronym: z.string().nullable() })),
    bodyName: z.string().nullable(),
  })
  .meta({ id: 'ConsolidatedReply', description: 'La respuesta consolidada: cada pregunta con su respuesta oficial y las organizaciones que aportaron.' });

export const PublicReplyRefSchema = z
  .strictObject({ id: viewId, title: z.string(), recipient: z.string().nullable(), reference: z.string().nullable(), replyDate: viewDate.nullable() })
  .meta({ id: 'PublicReplyRef', description: 'Respuesta a un cuestionario publicada en el portal.' });
export type PublicReplyRef = z.infer<typeof PublicReplyRefSchema>;

// ── Import of existing replies ─────────────────────────────────────────────────────────────────

export const QuestionnaireImportSchema = z.object({
  text: z
    .string()
    .min(1, { message: 'Pegue o cargue el texto de la respuesta.' })
    .max(5_000_000, { message: 'El texto es demasiado largo: admite hasta 5,000,000 caracteres.' }),
  bodyId: requiredId('Elija el órgano que coordina.'),
  dryRun: z.boolean().default(true),
});
export type QuestionnaireImportInput = z.input<typeof QuestionnaireImportSchema>;

const importCounts = z.strictObject({ templates: viewCount, exercises: viewCount, questions: viewCount, organizations: viewCount });
export const QuestionnaireImportResultSchema = z
  .strictObject({
    /** Null on a dry run that would create the exercise (it was rolled back). */
    exerciseId: viewId.nullable(),
    templateId: viewId.nullable(),
    created: importCounts,
    /** The document was imported before: nothing was created. */
    reused: z.boolean(),
    warnings: z.array(z.strictObject({ line: z.number().int(), message: z.string() })),
  })
  .meta({ id: 'QuestionnaireImportResult', description: 'Lo que creó (o crearía, en simulación) la importación de una respuesta.' });
export type QuestionnaireImportResult = z.infer<typeof QuestionnaireImportResultSchema>;
