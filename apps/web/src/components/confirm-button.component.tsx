import { type ReactElement, useId, useRef } from 'react';
import { t } from '../i18n/translate';

interface ConfirmButtonProps {
  /** The button's text, and the confirming button's unless `confirmLabel` says otherwise. */
  label: string;
  /** The dialog's question ("¿Publicar el acuerdo?") and what will happen, in plain words. */
  title: string;
  message: string;
  confirmLabel?: string;
  onConfirm: () => void;
  disabled?: boolean;
  className?: string;
}

/**
 * A button for an irreversible or public action: it opens a modal native `<dialog>` that says what
 * will happen, with «Cancelar» focused first (Escape also cancels), and acts only on confirmation.
 */
export function ConfirmButton({ label, title, message, confirmLabel, onConfirm, disabled, className = 'button' }: ConfirmButtonProps): ReactElement {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const messageId = useId();
  return (
    <>
      <button type="button" className={className} disabled={disabled} onClick={() => dialog.current?.showModal()}>
        {label}
      </button>
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby={titleId} aria-describedby={messageId}>
        <h2 id={titleId}>{title}</h2>
        <p id={messageId}>{message}</p>
        <div className="form__actions">
          <button type="button" className="button" autoFocus onClick={() => dialog.current?.close()}>
            {t('confirm.cancel')}
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            {confirmLabel ?? label}
          </button>
        </div>
      </dialog>
    </>
  );
}
