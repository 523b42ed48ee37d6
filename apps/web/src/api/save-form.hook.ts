import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { applyApiErrorToForm } from './api-error.util';
import { useApiMutation } from './resources';

/**
 * The submit handler every form uses: validate with the form's zod schema, send, then either run
 * `onSaved` or put the server's answer (field issues, conflict, outage) back on the form.
 */
export function useSaveForm<TValues extends FieldValues, TContext, TOutput, TResult>(
  form: UseFormReturn<TValues, TContext, TOutput>,
  save: (input: TOutput) => Promise<TResult>,
  onSaved: (result: TResult) => unknown,
) {
  const mutation = useApiMutation(save);
  return form.handleSubmit(async (values) => {
    try {
      const result = await mutation.mutateAsync(values);
      await onSaved(result);
    } catch (error) {
      applyApiErrorToForm(error, form);
    }
  });
}
