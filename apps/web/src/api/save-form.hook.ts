import type { FormEvent } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Resolver, type UseFormReturn } from 'react-hook-form';
import { applyApiErrorToForm } from './api-error.util';
import { useApiMutation } from './resources';

/** What a form's frame needs to show: the submit handler, the outcome and whether it is busy. */
export interface SaveFormState {
  submitForm: (event: FormEvent<HTMLFormElement>) => void;
  /** The last submission was saved (cleared when the next one starts). */
  isSaved: boolean;
  isSubmitting: boolean;
  /** Form-level failure: a conflict, an outage, issues of fields the form does not show. */
  serverError: string | undefined;
}

/**
 * The submit handler every form uses: validate with the form's zod schema, send, then either run
 * `onSaved` or put the server's answer (field issues, conflict, outage) back on the form.
 */
export function useSaveForm<TValues extends FieldValues, TContext, TOutput, TResult>(
  form: UseFormReturn<TValues, TContext, TOutput>,
  save: (input: TOutput) => Promise<TResult>,
  onSaved: (result: TResult) => unknown,
): SaveFormState {
  const mutation = useApiMutation(save);
  const handleSubmit = form.handleSubmit(async (values) => {
    try {
      const result = await mutation.mutateAsync(values);
      await onSaved(result);
    } catch (error) {
      applyApiErrorToForm(error, form);
    }
  });
  return {
    submitForm: (event) => {
      // A new attempt hides the previous confirmation, even if this one stops at validation.
      mutation.reset();
      void handleSubmit(event);
    },
    isSaved: mutation.isSuccess,
    isSubmitting: form.formState.isSubmitting,
    serverError: form.formState.errors.root?.server?.message,
  };
}

/** A form that adds records one after another: once one is saved it is blank again for the next. */
export function useAddForm<TValues extends FieldValues, TOutput, TResult>(
  resolver: Resolver<TValues, unknown, TOutput>,
  defaultValues: DefaultValues<TValues>,
  save: (input: TOutput) => Promise<TResult>,
) {
  const form = useForm<TValues, unknown, TOutput>({ resolver, defaultValues });
  const saveState = useSaveForm(form, save, () => form.reset());
  return { form, saveState };
}
