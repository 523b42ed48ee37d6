import type { QuestionDefinition, SurveyAnonymity, TemplateDefinition } from '@telar/domain';
import { ApiError } from '../../api/client';
import type { SurveyAnswerInput, SurveyResponseInput } from '../../api/survey-resources';
import { t } from '../../i18n/translate';

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

/** One question's answer for the API, or null when it was left blank. */
export function toAnswerInput(question: Pick<QuestionDefinition, 'kind'>, values: AnswerFormValues | undefined): SurveyAnswerInput | null {
  if (!values) return null;
  switch (question.kind) {
    case 'single_choice':
    case 'rating':
      return values.selected.length > 0 ? { selected: values.selected.slice(0, 1) } : null;
    case 'multiple_choice':
      return values.selected.length > 0 ? { selected: [...values.selected] } : null;
    case 'number':
      return values.number.trim() === '' ? null : { number: readNumber(values.number) };
    default:
      return values.text.trim() === '' ? null : { text: values.text.trim() };
  }
}

/**
 * What the form sends: the answered questions only, each with the field its kind uses; `anonymous`
 * only when the survey lets the respondent choose (an anonymous survey is anonymous for everyone).
 */
export function toResponsePayload(definition: TemplateDefinition, anonymity: SurveyAnonymity, values: ResponseFormValues): SurveyResponseInput {
  const answers: Record<string, SurveyAnswerInput> = {};
  for (const question of questionsOf(definition)) {
    const answer = toAnswerInput(question, values.answers[answerField(question.key)]);
    if (answer) answers[question.key] = answer;
  }
  return anonymity === 'optional' ? { answers, anonymous: values.anonymous } : { answers };
}

/** Required questions left blank, and numbers that are not numbers: the problems the form can see itself. */
export function findAnswerProblems(definition: TemplateDefinition, values: ResponseFormValues): Map<string, string> {
  const problems = new Map<string, string>();
  for (const question of questionsOf(definition)) {
    const answer = toAnswerInput(question, values.answers[answerField(question.key)]);
    if (!answer && question.required) problems.set(question.key, t('surveys.respond.required'));
    if (answer?.number !== undefined && !Number.isFinite(answer.number)) problems.set(question.key, t('surveys.respond.notANumber'));
  }
  return problems;
}

/** The API's issues (`answers.<key>` or `answers.<key>.selected`) by question key; the rest apart. */
export function issuesByQuestion(error: unknown): { byQuestion: Map<string, string>; other: string[] } {
  const byQuestion = new Map<string, string>();
  const other: string[] = [];
  if (!(error instanceof ApiError)) return { byQuestion, other };
  for (const issue of error.issues) {
    const [root, key] = issue.path.split('.');
    if (root === 'answers' && key) byQuestion.set(key, byQuestion.has(key) ? `${byQuestion.get(key)} ${issue.message}` : issue.message);
    else other.push(issue.message);
  }
  return { byQuestion, other };
}
