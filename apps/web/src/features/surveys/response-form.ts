import { checkSurveyAnswers, type QuestionDefinition, type SurveyAnonymity, type TemplateDefinition } from '@telar/domain';
import { ApiError } from '../../api/client';
import type { SurveyAnswerInput, SurveyResponseInput } from '../../api/survey-resources';

/** One question's fields: the options chosen, the number as typed, the text. */
export interface AnswerFormValues {
  selected: string[];
  number: string;
  text: string;
}

/**
 * The respondent's form. Answers are held under `q_<key>`: a question key may be all digits ("12"),
 * which the form library would read as an array index.
 */
export interface ResponseFormValues {
  answers: Record<string, AnswerFormValues>;
  anonymous: boolean;
}

export const answerField = (questionKey: string) => `q_${questionKey}`;

export const questionsOf = (definition: TemplateDefinition): QuestionDefinition[] => definition.sections.flatMap((section) => section.questions);

export function blankResponse(definition: TemplateDefinition): ResponseFormValues {
  return { answers: Object.fromEntries(questionsOf(definition).map((question) => [answerField(question.key), { selected: [], number: '', text: '' }])), anonymous: false };
}

/** "3,5" or "3.5" → 3.5; anything else that is not a number → NaN (the API says why). */
export function readNumber(typed: string): number {
  const text = typed.trim().replace(/\s/g, '');
  return /^-?\d+(?:[.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : Number.NaN;
}

const CHOICE_KINDS: ReadonlySet<string> = new Set(['single_choice', 'multiple_choice', 'rating']);

/** Whether an option chosen asks for a text ("Otros (precisar)"). */
export const choosesOther = (question: Pick<QuestionDefinition, 'options'>, values: AnswerFormValues | undefined) =>
  question.options.some((option) => option.other && values?.selected.includes(option.key));

/** One question's answer for the API, or null when it was left blank. */
export function toAnswerInput(question: Pick<QuestionDefinition, 'kind' | 'options'>, values: AnswerFormValues | undefined): SurveyAnswerInput | null {
  if (!values) return null;
  if (CHOICE_KINDS.has(question.kind)) {
    if (values.selected.length === 0) return null;
    const selected = question.kind === 'multiple_choice' ? [...values.selected] : values.selected.slice(0, 1);
    const text = values.text.trim();
    // The text goes only with an «other» option, which is what it specifies.
    return choosesOther(question, { ...values, selected }) && text !== '' ? { selected, text } : { selected };
  }
  if (question.kind === 'number') return values.number.trim() === '' ? null : { number: readNumber(values.number) };
  return values.text.trim() === '' ? null : { text: values.text.trim() };
}

/**
 * The questions shown, in order: one with a condition only while its trigger question (itself shown)
 * has one of the condition's options chosen, as the API reads the response.
 */
export function visibleQuestions(definition: TemplateDefinition, values: ResponseFormValues): QuestionDefinition[] {
  const chosen = new Map<string, readonly string[]>();
  const shown: QuestionDefinition[] = [];
  for (const question of questionsOf(definition)) {
    const condition = question.condition;
    if (condition && !condition.anyOf.some((key) => chosen.get(condition.questionKey)?.includes(key))) continue;
    shown.push(question);
    chosen.set(question.key, values.answers[answerField(question.key)]?.selected ?? []);
  }
  return shown;
}

/**
 * What the form sends: the answered questions shown only, each with the field its kind uses;
 * `anonymous` only when the survey lets the respondent choose (an anonymous survey is anonymous for everyone).
 */
export function toResponsePayload(definition: TemplateDefinition, anonymity: SurveyAnonymity, values: ResponseFormValues): SurveyResponseInput {
  const answers: Record<string, SurveyAnswerInput> = {};
  for (const question of visibleQuestions(definition, values)) {
    const answer = toAnswerInput(question, values.answers[answerField(question.key)]);
    if (answer) answers[question.key] = answer;
  }
  return anonymity === 'optional' ? { answers, anonymous: values.anonymous } : { answers };
}

/**
 * The problems of the answers shown, by question key, as the API will find them: the domain's own check
 * (a required question left blank, an «other» without its text, a number that is not one…).
 */
export function findAnswerProblems(definition: TemplateDefinition, values: ResponseFormValues): Map<string, string> {
  const { issues } = checkSurveyAnswers(definition, toResponsePayload(definition, 'named', values).answers);
  const problems = new Map<string, string>();
  for (const issue of issues) {
    const key = issue.path[0];
    if (key !== undefined) problems.set(key, problems.has(key) ? `${problems.get(key)} ${issue.message}` : issue.message);
  }
  return problems;
}

/**
 * The API's issues by question key (`answers.<key>` or `answers.<key>.selected`, or the key first when
 * the path leaves out `answers`); the rest apart.
 */
export function issuesByQuestion(error: unknown, questionKeys: readonly string[] = []): { byQuestion: Map<string, string>; other: string[] } {
  const byQuestion = new Map<string, string>();
  const other: string[] = [];
  if (!(error instanceof ApiError)) return { byQuestion, other };
  for (const issue of error.issues) {
    const [root, next] = issue.path.split('.');
    const key = root === 'answers' ? next : root && questionKeys.includes(root) ? root : undefined;
    if (key) byQuestion.set(key, byQuestion.has(key) ? `${byQuestion.get(key)} ${issue.message}` : issue.message);
    else other.push(issue.message);
  }
  return { byQuestion, other };
}
