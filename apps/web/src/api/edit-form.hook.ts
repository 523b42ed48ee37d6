import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm, type DefaultValues, type FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { useSaveForm } from './save-form.hook';

interface EditFormOptions<TInput extends FieldValues & { version: number }, TOutput, TRecord extends { id: string; version: number }> {
  /** The domain's *UpdateSchema: the edited fields plus the `version` the edit started from. */
  schema: z.ZodType<TOutput, TInput>;
  record: TRecord;
  /** The record as form values (without its version, which the hook keeps). */
  toValues: (record: TRecord) => Omit<TInput, 'version'>;
  /** The resource's PATCH (`bodiesApi.update`…). */
  update: (id: string, input: TOutput) => Promise<TRecord>;
  onSaved?: (saved: TRecord) => unknown;
}

/**
 * The form that edits a versioned record. It sends the version its values came from, so a save made
 * meanwhile by someone else comes back as a conflict (409) shown above the form, with what the person
 * typed left in place. Fresh data replaces the values only while the form is untouched.
 */
export function useEditForm<TInput extends FieldValues & { version: number }, TOutput, TRecord extends { id: string; version: number }>({
  schema,
  record,
  toValues,
  update,
  onSaved,
}: EditFormOptions<TInput, TOutput, TRecord>) {
  // The version rides along as a form value nobody edits, so the schema checks it with the rest.
  const toFormValues = (source: TRecord) => ({ ...toValues(source), version: source.version }) as DefaultValues<TInput>;
  const form = useForm<TInput, unknown, TOutput>({ resolver: zodResolver(schema), defaultValues: toFormValues(record) });
  const { isDirty } = form.formState;
  useEffect(() => {
    if (!isDirty) form.reset(toFormValues(record));
    // Only a new version, or the form becoming untouched again, brings the record's values in.
  }, [record.version, isDirty]);
  const saveState = useSaveForm(form, (input: TOutput) => update(record.id, input), (saved) => {
    form.reset(toFormValues(saved));
    return onSaved?.(saved);
  });
  return { form, saveState };
}
