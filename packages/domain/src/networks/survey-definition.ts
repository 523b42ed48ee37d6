/**
 * A member survey is written with the questionnaire's question model (sections, questions, options,
 * conditions) restricted to what a survey counts: single and multiple choice, the Likert rating, open
 * text and numbers. Answers come from a personal link, so they are checked here, once, for the server
 * and the web form alike.
 */
import { z } from 'zod';
import { type QuestionDefinition, QuestionKeySchema, type TemplateDefinition, TemplateDefinitionSchema } from '../questionnaires/model.js';
import { SURVEY_QUESTION_KINDS, type SurveyQuestionKind } from './model.js';

const SURVEY_KINDS: ReadonlySet<string> = new Set(SURVEY_QUESTION_KINDS);
/** Kinds answered by choosing options. */
const CHOICE_KINDS: ReadonlySet<string> = new Set<SurveyQuestionKind>(['single_choice', 'multiple_choice', 'rating']);
/** Kinds answered by exactly one option. */
const ONE_OPTION_KINDS: ReadonlySet<string> = new Set<SurveyQuestionKind>(['single_choice', 'rating']);

/** The questions of a definition in order, whatever their section. */
export const surveyQuestions = (definition: TemplateDefinition): QuestionDefinition[] => definition.sections.flatMap((section) => section.questions);

/**
 * A survey's definition: the template model refined. Only SURVEY_QUESTION_KINDS; no `repeat` (a survey
 * is not expanded over a plan); choice and rating questions have at least two options with distinct
 * keys; open and number questions none; no comment beside a choice (a survey asks it as an open
 * question, so that it can be counted and coded); a condition points at a choice question and at its
 * options. Question keys are unique (the template schema checks it). Each issue has its path.
 */
export const SurveyDefinitionSchema = TemplateDefinitionSchema.superRefine((definition, ctx) => {
  const byKey = new Map<string, QuestionDefinition>();
  definition.sections.forEach((section, s) =>
    section.questions.forEach((question, q) => {
      const path = ['sections', s, 'questions', q];
      const issue = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [...path, field], message: `Pregunta ${question.number}: ${message}` });
      if (!SURVEY_KINDS.has(question.kind)) issue('kind', 'una encuesta admite opción única, opción múltiple, escala, texto abierto o número.');
      if (question.repeat) issue('repeat', 'una encuesta no repite preguntas por cada elemento de un plan.');
      if (question.withComment) issue('withComment', 'agregue los comentarios como una pregunta abierta.');
      if (CHOICE_KINDS.has(question.kind)) {
        if (question.options.length < 2) issue('options', 'necesita al menos dos opciones.');
        const seen = new Set<string>();
        question.options.forEach((option, o) => {
          if (seen.has(option.key)) ctx.addIssue({ code: 'custom', path: [...path, 'options', o, 'key'], message: `Pregunta ${question.number}: la clave de opción «${option.key}» está repetida.` });
          seen.add(option.key);
        });
      } else if (SURVEY_KINDS.has(question.kind) && question.options.length > 0) {
        issue('options', 'una pregunta abierta o numérica no lleva opciones.');
      }
      if (question.condition) {
        const target = byKey.get(question.condition.questionKey);
        if (target && !CHOICE_KINDS.has(target.kind)) issue('condition', 'la condición debe referirse a una pregunta de opciones.');
        else if (target) {
          const unknown = question.condition.anyOf.filter((key) => !target.options.some((option) => option.key === key));
          if (unknown.length) issue('condition', `la condición usa opciones que la pregunta ${target.number} no tiene (${unknown.join(', ')}).`);
        }
      }
      byKey.set(question.key, question);
    }),
  );
}).meta({ id: 'SurveyDefinition', description: 'Secciones y preguntas de una encuesta: opción única o múltiple, escala, texto abierto o número.' });
export type SurveyDefinition = z.output<typeof SurveyDefinitionSchema>;

/** The agreement scale most surveys use, from disagreement to agreement. */
export const LIKERT_AGREEMENT_LABELS = [
  'Totalmente en desacuerdo',
  'En desacuerdo',
  'Ni de acuerdo ni en desacuerdo',
  'De acuerdo',
  'Totalmente de acuerdo',
] as const;

/**
 * The options of a rating question: keys '1', '2'… so that results can give a mean, and the labels
 * given (the 5-point agreement scale by default).
 */
export function likertOptions(labels: readonly string[] = LIKERT_AGREEMENT_LABELS): { key: string; label: string }[] {
  return labels.map((label, index) => ({ key: String(index + 1), label }));
}

/** Longest open answer, after trimming. */
export const MAX_OPEN_ANSWER = 4000;
/** A number answer beyond this is a typing error, not a count or an amount. */
export const MAX_NUMBER_ANSWER = 1e12;

const AnswerValueSchema = z.strictObject({
  selected: z.array(QuestionKeySchema).max(100).optional(),
  number: z.number().nullable().optional(),
  // Bounded well above MAX_OPEN_ANSWER so that the check below can say which question is too long.
  text: z.string().max(4 * MAX_OPEN_ANSWER).nullable().optional(),
});
export type SurveyAnswerValue = z.output<typeof AnswerValueSchema>;

/** A respondent's answers: by question key, the options chosen, a number or a text. */
export const SurveyAnswerInputSchema = z
  .record(QuestionKeySchema, AnswerValueSchema)
  .refine((answers) => Object.keys(answers).length <= 1000, { message: 'Demasiadas respuestas.' })
  .meta({ id: 'SurveyAnswerInput', description: 'Respuestas a una encuesta, por clave de pregunta: opciones elegidas, número o texto.' });
export type SurveyAnswerInput = z.output<typeof SurveyAnswerInputSchema>;

/** One row of `survey_answers`: a chosen option (with the text of an "other" option), a number or a text. */
export interface SurveyAnswerRow {
  questionKey: string;
  optionKey: string | null;
  number: number | null;
  text: string | null;
}

export interface SurveyAnswerIssue {
  /** [questionKey] or [questionKey, field]. */
  path: string[];
  message: string;
}

/**
 * Checks a response against its survey and turns it into answer rows. The rules: questions the survey
 * does not have are refused; a question hidden by its condition (its trigger not chosen, or itself
 * hidden) is dropped, answered or not; a required visible question must be answered; single choice
 * and rating take exactly one option, multiple choice one or more (repeats count once), each one of
 * the question's; an "other" option needs its text, and a text on a choice question needs an "other"
 * option; numbers are finite and within ±MAX_NUMBER_ANSWER; open text is trimmed and at most
 * MAX_OPEN_ANSWER characters (blank is unanswered); a field the question's kind does not use is
 * refused. Rows are written only when there is no issue.
 */
export function checkSurveyAnswers(definition: TemplateDefinition, answers: SurveyAnswerInput): { rows: SurveyAnswerRow[]; issues: SurveyAnswerIssue[] } {
  const rows: SurveyAnswerRow[] = [];
  const issues: SurveyAnswerIssue[] = [];
  const questions = surveyQuestions(definition);
  const known = new Set(questions.map((q) => q.key));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) issues.push({ path: [key], message: `La encuesta no tiene la pregunta «${key}».` });
  }
  /** Options accepted per question, for the conditions of later questions. */
  const chosen = new Map<string, Set<string>>();
  for (const question of questions) {
    const condition = question.condition;
    if (condition && !condition.anyOf.some((key) => chosen.get(condition.questionKey)?.has(key))) continue;
    const answer = Object.hasOwn(answers, question.key) ? answers[question.key] : undefined;
    const issue = (field: string | null, message: string) =>
      issues.push({ path: field ? [question.key, field] : [question.key], message: `Pregunta ${question.number}: ${message}` });
    const text = answer?.text?.trim() || null;
    const number = answer?.number ?? null;
    const selected = [...new Set(answer?.selected ?? [])];

    if (CHOICE_KINDS.has(question.kind)) {
      if (number !== null) issue('number', 'se responde eligiendo una opción, no con un número.');
      const unknown = selected.filter((key) => !question.options.some((option) => option.key === key));
      for (const key of unknown) issue('selected', `la opción «${key}» no existe.`);
      if (ONE_OPTION_KINDS.has(question.kind) && selected.length > 1) issue('selected', 'elija una sola opción.');
      if (selected.length === 0 && question.required) issue('selected', 'falta la respuesta (es obligatoria).');
      const options = question.options.filter((option) => selected.includes(option.key));
      const withOther = options.some((option) => option.other);
      if (withOther && text === null) issue('text', `precise «${options.find((option) => option.other)?.label}».`);
      if (!withOther && text !== null) issue('text', 'el texto solo acompaña a una opción «otro».');
      if (text !== null && text.length > MAX_OPEN_ANSWER) issue('text', `el texto pasa de ${MAX_OPEN_ANSWER} caracteres.`);
      chosen.set(question.key, new Set(options.map((option) => option.key)));
      // Options in the question's order, whatever the order they were sent in.
      for (const option of options) rows.push({ questionKey: question.key, optionKey: option.key, number: null, text: option.other ? text : null });
    } else if (question.kind === 'number') {
      if (selected.length) issue('selected', 'se responde con un número.');
      if (text !== null) issue('text', 'se responde con un número.');
      if (number === null) {
        if (question.required) issue('number', 'falta la respuesta (es obligatoria).');
      } else if (!Number.isFinite(number) || Math.abs(number) > MAX_NUMBER_ANSWER) {
        issue('number', 'el número no es válido.');
      } else rows.push({ questionKey: question.key, optionKey: null, number, text: null });
    } else if (question.kind === 'open') {
      if (selected.length) issue('selected', 'se responde con texto.');
      if (number !== null) issue('number', 'se responde con texto.');
      if (text === null) {
        if (question.required) issue('text', 'falta la respuesta (es obligatoria).');
      } else if (text.length > MAX_OPEN_ANSWER) {
        issue('text', `la respuesta pasa de ${MAX_OPEN_ANSWER} caracteres.`);
      } else rows.push({ questionKey: question.key, optionKey: null, number: null, text });
    } else {
      // A definition that was not checked with SurveyDefinitionSchema.
      if (answer) issue(null, 'esta clase de pregunta no se responde en una encuesta.');
    }
  }
  return { rows: issues.length ? [] : rows, issues };
}
