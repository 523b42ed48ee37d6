/**
 * Questionnaires: the shapes shared by the importer, the server, the web editor and the renderers.
 *
 * An answer's text is a small document model (paragraphs, lists, tables, footnotes), never HTML, so
 * that every renderer (Word, Markdown, JSON, the web) writes the same content and nothing a person
 * typed can become markup. In a consolidated answer every block keeps the organisations it came from.
 */
import { z } from 'zod';
import { isWebUrl } from '../schemas/common.js';

const MAX_TEXT = 20_000;
const MAX_BLOCKS = 400;

/** A run of text; `footnote` makes it a reference to one of the answer's footnotes (its id). */
export const InlineSchema = z.strictObject({
  text: z.string().max(MAX_TEXT, { message: `Máximo ${MAX_TEXT} caracteres.` }),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  href: z.string().max(2000).refine(isWebUrl, { message: 'Escriba la dirección completa, empezando con https:// o http://.' }).optional(),
  footnote: z.string().max(20).optional(),
});
export type Inline = z.infer<typeof InlineSchema>;

/** Organisation ids a block of a consolidated answer came from (empty: written by the coordinator or imported unattributed). */
const Sources = z.array(z.string().uuid()).max(50).optional();

export const ParagraphBlockSchema = z.strictObject({ type: z.literal('paragraph'), content: z.array(InlineSchema).max(500), sources: Sources });
export const ListBlockSchema = z.strictObject({
  type: z.literal('list'),
  ordered: z.boolean(),
  items: z.array(z.array(InlineSchema).max(500)).max(500),
  sources: Sources,
});
/** A table keeps its cells as written: a blank cell stays blank (never zero). */
export const TableBlockSchema = z.strictObject({
  type: z.literal('table'),
  caption: z.string().max(1000).optional(),
  header: z.array(z.string().max(1000)).max(100),
  rows: z.array(z.array(z.string().max(MAX_TEXT)).max(100)).max(2000),
  sources: Sources,
});
export const BlockSchema = z.discriminatedUnion('type', [ParagraphBlockSchema, ListBlockSchema, TableBlockSchema]);
export type Block = z.infer<typeof BlockSchema>;

export const FootnoteSchema = z.strictObject({ id: z.string().min(1).max(20), content: z.array(InlineSchema).max(500) });
export type Footnote = z.infer<typeof FootnoteSchema>;

export const RichTextSchema = z
  .strictObject({ blocks: z.array(BlockSchema).max(MAX_BLOCKS), footnotes: z.array(FootnoteSchema).max(200) })
  .meta({ id: 'RichText', description: 'Texto con formato: párrafos, listas, tablas y notas al pie (nunca HTML).' });
export type RichText = z.infer<typeof RichTextSchema>;
export const emptyRichText = (): RichText => ({ blocks: [], footnotes: [] });

export const QUESTION_KINDS = ['open', 'single_choice', 'multiple_choice', 'yes_no', 'status', 'rating', 'number', 'date', 'table'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
/** Kinds answered by choosing options (answered once by the coordinator, the contributors' choices shown). */
export const CLOSED_KINDS: readonly QuestionKind[] = ['single_choice', 'multiple_choice', 'yes_no', 'status', 'rating'];

/** The fixed options of a yes / no question ("no aplica" and "no sé" are offered when the template says so). */
export const YES_NO_OPTIONS = [
  { key: 'yes', label: 'Sí' },
  { key: 'no', label: 'No' },
  { key: 'not_applicable', label: 'No aplica' },
  { key: 'unknown', label: 'No sé' },
] as const;

const KeySchema = z.string().regex(/^[a-z0-9][a-z0-9_]{0,39}$/, { message: 'Clave no válida (minúsculas, números y guion bajo).' });
/** The key of a question, an option or a column (surveys and their answers use it too). */
export const QuestionKeySchema = KeySchema;

export const QuestionOptionSchema = z.strictObject({
  key: KeySchema,
  label: z.string().trim().min(1).max(500),
  /** "otros (precisar)": choosing it asks for a text. */
  other: z.boolean().optional(),
});
export type QuestionOption = z.infer<typeof QuestionOptionSchema>;

/**
 * A question of a template. `repeat` makes it one question per node of a plan ("for each priority of
 * plan X"): when an exercise is created it is expanded, and `{codigo}`, `{titulo}` and `{estado}` in its
 * text are replaced by the node's code, title and status label; `{periodo}` anywhere by the exercise's period.
 */
export const QuestionDefinitionSchema = z.strictObject({
  key: KeySchema,
  number: z.string().trim().min(1).max(20),
  text: z.string().trim().min(1).max(4000),
  kind: z.enum(QUESTION_KINDS),
  required: z.boolean().default(false),
  help: z.string().trim().max(4000).nullable().default(null),
  /** "Notas de edición": what the recipient asks contributors to give (dates, participants…). */
  editorialNote: z.string().trim().max(4000).nullable().default(null),
  options: z.array(QuestionOptionSchema).max(100).default([]),
  /** status: the options come from the plan's statuses (`plan`) or from `options` (`list`). */
  statusSource: z.enum(['list', 'plan']).optional(),
  /** table: its declared columns. */
  columns: z.array(z.strictObject({ key: KeySchema, label: z.string().trim().min(1).max(200) })).max(30).default([]),
  /** Shown only when the question `questionKey` was answered with one of `anyOf` (option keys). */
  condition: z.strictObject({ questionKey: KeySchema, anyOf: z.array(KeySchema).min(1) }).nullable().default(null),
  repeat: z.strictObject({ over: z.literal('plan_nodes'), nodeKind: z.string().max(40) }).nullable().default(null),
  /** closed questions may ask for comments beside the choice ("Comentarios:"). */
  withComment: z.boolean().default(false),
});
export type QuestionDefinition = z.output<typeof QuestionDefinitionSchema>;

export const SectionDefinitionSchema = z.strictObject({
  key: KeySchema,
  title: z.string().trim().max(500),
  description: z.string().trim().max(8000).nullable().default(null),
  questions: z.array(QuestionDefinitionSchema).max(300),
});
export type SectionDefinition = z.output<typeof SectionDefinitionSchema>;

export const TemplateDefinitionSchema = z
  .strictObject({ sections: z.array(SectionDefinitionSchema).min(1).max(50) })
  .superRefine((definition, ctx) => {
    const keys = new Set<string>();
    definition.sections.forEach((section, s) =>
      section.questions.forEach((question, q) => {
        if (keys.has(question.key)) ctx.addIssue({ code: 'custom', path: ['sections', s, 'questions', q, 'key'], message: `La clave «${question.key}» está repetida.` });
        if (question.condition && !keys.has(question.condition.questionKey))
          ctx.addIssue({ code: 'custom', path: ['sections', s, 'questions', q, 'condition'], message: 'La condición debe referirse a una pregunta anterior.' });
        keys.add(question.key);
      }),
    );
  })
  .meta({ id: 'TemplateDefinition', description: 'Secciones y preguntas de una versión de plantilla.' });
export type TemplateDefinition = z.output<typeof TemplateDefinitionSchema>;

/**
 * An answer, whatever the question's kind: the fields a kind does not use stay empty. `selected`
 * holds option keys; `rows` a table's cells (blank cells kept as '').
 */
export const AnswerSchema = z
  .strictObject({
    text: RichTextSchema,
    selected: z.array(KeySchema).max(100).default([]),
    otherText: z.string().trim().max(2000).nullable().default(null),
    number: z.number().finite().nullable().default(null),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
    rows: z.array(z.array(z.string().max(MAX_TEXT)).max(30)).max(2000).default([]),
  })
  .meta({ id: 'Answer', description: 'Respuesta a una pregunta: texto con formato, opciones elegidas, número, fecha o filas de tabla.' });
export type Answer = z.output<typeof AnswerSchema>;
export const emptyAnswer = (): Answer => ({ text: emptyRichText(), selected: [], otherText: null, number: null, date: null, rows: [] });

/** One question of a reply as the renderers write it. */
export interface ReplyQuestion {
  number: string;
  text: string;
  kind: QuestionKind;
  section: string | null;
  /** Closed questions: every option with whether it is marked. */
  options: { label: string; marked: boolean }[];
  /** Table questions: the declared column labels. */
  columns: string[];
  answer: Answer;
  /** Names of the organisations whose accepted contributions the answer uses, in order. */
  contributors: string[];
}

/**
 * A consolidated reply, what the Word, Markdown and JSON renderers consume. `organisations` resolves
 * the `sources` ids of the answer blocks to names for the «Aportaciones» annex.
 */
export interface ConsolidatedReply {
  title: string;
  recipient: string | null;
  reference: string | null;
  /** The date the reply is signed or sent (ISO), shown in Spanish. */
  date: string | null;
  place: string | null;
  coverNote: RichText | null;
  questions: ReplyQuestion[];
  organisations: { id: string; name: string; acronym: string | null }[];
  /** For the page header: the coordinating body's name. */
  bodyName: string | null;
}

/** A closed question as the importer read it: its options in order and which are marked. */
export interface ImportedOption {
  label: string;
  marked: boolean;
}

export interface ImportedQuestion {
  number: string;
  text: string;
  kind: QuestionKind;
  section: string | null;
  required: boolean;
  editorialNote: string | null;
  options: ImportedOption[];
  /** "otros (precisar): …" when written. */
  otherText: string | null;
  answer: RichText;
  /** The line (1-based) where the question starts. */
  line: number;
}

export interface ImportDiagnostic {
  line: number;
  message: string;
}

/** What the questionnaire importer reads from a reply (a text or a .docx turned to text). */
export interface ImportedQuestionnaire {
  title: string;
  reference: string | null;
  /** ISO date of the reply or the communication, when the document gives one. */
  date: string | null;
  recipient: string | null;
  place: string | null;
  coverNote: RichText | null;
  /** Organisations the covering text names as contributors, as written. */
  contributors: string[];
  /** The text before the first question that is not the cover note (instructions, preamble). */
  preamble: RichText | null;
  questions: ImportedQuestion[];
  warnings: ImportDiagnostic[];
}
