import type { ReactNode } from 'react';
import { FormProvider, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { SaveFormState } from '../api/save-form.hook';
import { FormAlert } from './form-alert.component';
import { SubmitButton } from './submit-button.component';
import { t } from '../i18n/translate';

interface FormFrameProps<TValues extends FieldValues, TContext, TOutput> {
  form: UseFormReturn<TValues, TContext, TOutput>;
  saveState: SaveFormState;
  submitLabel: string;
  /** Confirmation shown after a save that leaves the person on the same page. */
  savedText?: string;
  /** A Cancel button that goes back to the page the person came from (forms that are a page of their own). */
  canCancel?: boolean;
  children: ReactNode;
}

/**
 * The frame of every form: the server's form-level error, the saved confirmation, the fields and the
 * submit button. Fields read the form from context, so one set of fields serves create and edit.
 */
export function FormFrame<TValues extends FieldValues, TContext, TOutput>({
  form,
  saveState,
  submitLabel,
  savedText,
  canCancel,
  children,
}: FormFrameProps<TValues, TContext, TOutput>) {
  return (
    <FormProvider {...form}>
      <form className="form" onSubmit={saveState.submitForm} noValidate>
        {saveState.serverError && <FormAlert tone="error">{saveState.serverError}</FormAlert>}
        {saveState.isSaved && savedText && <FormAlert tone="success">{savedText}</FormAlert>}
        {children}
        <div className="form__actions">
          <SubmitButton label={submitLabel} isPending={saveState.isSubmitting} />
          {canCancel && (
            <button type="button" className="button" onClick={() => window.history.back()}>
              {t('form.cancel')}
            </button>
          )}
        </div>
      </form>
    </FormProvider>
  );
}
