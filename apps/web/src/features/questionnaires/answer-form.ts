import { CLOSED_KINDS, markupToRichText, richTextToMarkup, YES_NO_OPTIONS, type Answer, type ExerciseQuestionView } from '@telar/domain';
import { z } from 'zod';
import { t } from '../../i18n/translate';
import { describeMarkupErrors } from './markup-editor.component';

/** An answer as a form edits it: the text as markup, the rest as typed. */
export interface AnswerValues {
  markup: string;
  selected: string[];
  otherText: string;
  number: number | null;
  date: string;
  rows: string[][];
}

export function answerToValues(answer: Answer): AnswerValues {
  return {
    markup: richTextToMarkup(answer.text),
    selected: [...answer.selected],
    otherText: answer.otherText ?? '',
    number: answer.number,
    date: answer.date ?? '',
    rows: answer.rows.map((row) => [...row]),
  };
}

/**
 * An answer form's values read back into `{ answer, version }` (a contribution's or the official
 * answer's edit): markup that cannot be read is an error on the text naming its line, and nothing is sent.
 */
export const VersionedAnswerSchema = z
  .object({
    markup: z.string(),
    selected: z.array(z.string()),
    otherText: z.string(),
    number: z.number().finite().nullable(),
    date: z.string(),
    rows: z.array(z.array(z.string())),
    version: z.number().int().min(1),
  })
  .transform((values, ctx): { answer: Answer; version: number } => {
    const reading = markupToRichText(values.markup);
    if ('errors' in reading) {
      ctx.addIssue({ code: 'custom', path: ['markup'], message: describeMarkupErrors(reading) ?? t('error.validation') });
      return z.NEVER;
    }
    const answer: Answer = {
      text: reading.value,
      selected: values.selected,
      otherText: values.otherText.trim() || null,
      number: values.number,
      date: values.date || null,
      rows: values.rows,
    };
    return { answer, version: values.version };
  });
export type VersionedAnswerValues = z.input<typeof VersionedAnswerSchema>;

/** The options a closed question offers: its own, or for yes / no the fixed four. */
export function optionsOf(question: Pick<ExerciseQuestionView, 'kind' | 'options'>): { key: string; label: string; other?: boolean }[] {
  if (question.options.length > 0) return question.options;
  return question.kind === 'yes_no' ? YES_NO_OPTIONS.map((option) => ({ ...option })) : [];
}

export const isClosedKind = (question: Pick<ExerciseQuestionView, 'kind'>) => CLOSED_KINDS.includes(question.kind);

/** Whether the question is answered in text: open ones, and closed ones that ask for comments. */
export const takesText = (question: Pick<ExerciseQuestionView, 'kind' | 'withComment'>) => question.kind === 'open' || (isClosedKind(question) && question.withComment);

/** The chosen options' labels, "Otro" with what was specified. */
export function describeSelection(question: Pick<ExerciseQuestionView, 'kind' | 'options'>, answer: Pick<Answer, 'selected' | 'otherText'>): string[] {
  return optionsOf(question)
    .filter((option) => answer.selected.includes(option.key))
    .map((option) => (option.other && answer.otherText ? `${option.label}: ${answer.otherText}` : option.label));
}
