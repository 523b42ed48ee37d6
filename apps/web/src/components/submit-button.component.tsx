import { t } from '../i18n/translate';

interface SubmitButtonProps {
  label: string;
  isPending: boolean;
  isDisabled?: boolean;
}

/** Primary submit button; stays labelled while saving so tests and screen readers keep finding it. */
export function SubmitButton({ label, isPending, isDisabled }: SubmitButtonProps) {
  return (
    <button type="submit" className="button button--primary" disabled={isPending || isDisabled} aria-busy={isPending || undefined}>
      {label}
      {isPending && <span className="visually-hidden"> {t('form.saving')}</span>}
    </button>
  );
}
