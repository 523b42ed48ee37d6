import { ExerciseUpdateSchema, markupToRichText, type RichText } from '@telar/domain';
import { z } from 'zod';
import { t } from '../../i18n/translate';
import { describeMarkupErrors } from './markup-editor.component';

/**
 * The exercise's edit form: its fields as the API takes them, except the cover note («oficio de envío»),
 * typed in the light markup and read back into RichText; a blank note is no note, and markup that cannot
 * be read is an error on the note naming its line, and nothing is sent.
 */
export const ExerciseEditSchema = ExerciseUpdateSchema.extend({ coverNote: z.string() }).transform((values, ctx) => {
  if (!values.coverNote.trim()) return { ...values, coverNote: null };
  const reading = markupToRichText(values.coverNote);
  if ('errors' in reading) {
    ctx.addIssue({ code: 'custom', path: ['coverNote'], message: describeMarkupErrors(reading) ?? t('error.validation') });
    return z.NEVER;
  }
  return { ...values, coverNote: reading.value as RichText };
});
export type ExerciseEditValues = z.input<typeof ExerciseEditSchema>;
