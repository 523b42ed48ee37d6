import { useId, type ReactNode } from 'react';

/** Attributes a control needs to be tied to its label, hint and error. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-required': true | undefined;
}

interface FieldMessagesProps {
  hint?: string;
  error?: string;
  hintId: string;
  errorId: string;
}

function FieldMessages({ hint, error, hintId, errorId }: FieldMessagesProps) {
  return (
    <>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </>
  );
}

function useFieldIds(hint?: string, error?: string) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

function RequiredMark() {
  // The asterisk is visual only; the control itself carries aria-required.
  return (
    <span className="field__required" aria-hidden="true">
      *
    </span>
  );
}

interface FormFieldProps {
  label: string;
  hint?: string;
  error?: string;
  isRequired?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** A label, one control, an optional hint and the field's error, wired for screen readers. */
export function FormField({ label, hint, error, isRequired, className, children }: FormFieldProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(hint, error);
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].join(' ').trim()}>
      {/* The mark sits outside <label> so the control's name is exactly the label text. */}
      <div className="field__label-row">
        <label htmlFor={id} className="field__label">
          {label}
        </label>
        {isRequired && <RequiredMark />}
      </div>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, 'aria-required': isRequired ? true : undefined })}
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
    </div>
  );
}

interface FormFieldsetProps {
  legend: string;
  hint?: string;
  error?: string;
  isRequired?: boolean;
  className?: string;
  children: ReactNode;
}

/** A group of controls (checkboxes, a pair of inputs) under one legend, with hint and error. */
export function FormFieldset({ legend, hint, error, isRequired, className, children }: FormFieldsetProps) {
  const { hintId, errorId, describedBy } = useFieldIds(hint, error);
  return (
    <fieldset className={['fieldset', error ? 'field--invalid' : '', className ?? ''].join(' ').trim()} aria-describedby={describedBy}>
      <legend className="field__label">
        {legend}
        {isRequired && (
          <>
            {' '}
            <RequiredMark />
          </>
        )}
      </legend>
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
      {children}
    </fieldset>
  );
}
