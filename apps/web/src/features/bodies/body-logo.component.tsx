import { BODY_LOGO_LIMITS, type BodyLogoView } from '@telar/domain';
import { type FormEvent, type ReactElement, useId, useRef, useState } from 'react';
import { describeApiError } from '../../api/api-error.util';
import { bodyLogoApi, useApiMutation } from '../../api/resources';
import { ConfirmButton } from '../../components/confirm-button.component';
import { FormAlert } from '../../components/form-alert.component';
import { PageSection } from '../../components/page-section.component';
import { t } from '../../i18n/translate';

interface BodyLogoSectionProps {
  body: { id: string; name: string; logo: BodyLogoView | null; abilities: { edit: boolean } };
}

/** The logo that heads the body's Word documents: shown to everyone, changed by those who may edit the body. */
export function BodyLogoSection({ body }: BodyLogoSectionProps): ReactElement | null {
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [missingFile, setMissingFile] = useState(false);
  const upload = useApiMutation(bodyLogoApi.set, () => {
    if (input.current) input.current.value = '';
  });
  const remove = useApiMutation(bodyLogoApi.remove);
  if (!body.logo && !body.abilities.edit) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setMissingFile(!file);
    if (file) upload.mutate({ bodyId: body.id, file });
  };
  const error = upload.error ?? remove.error;
  return (
    <PageSection id="logotipo" title={t('bodies.logo')}>
      {body.logo ? (
        <img className="body-logo" src={body.logo.url} width={body.logo.width} height={body.logo.height} alt={t('bodies.logoAlt', { name: body.name })} />
      ) : (
        <p>{t('bodies.logoNone')}</p>
      )}
      <p className="field__hint">{t('bodies.logoUse')}</p>
      {body.abilities.edit && (
        <form className="form" onSubmit={submit} noValidate>
          <div className="field">
            <label className="field__label" htmlFor={inputId}>
              {body.logo ? t('bodies.logoReplace') : t('bodies.logoChoose')}
            </label>
            <input
              ref={input}
              id={inputId}
              type="file"
              accept=".png,.jpg,.jpeg"
              aria-describedby={hintId}
              aria-invalid={missingFile || undefined}
              onChange={() => setMissingFile(false)}
            />
            <p id={hintId} className="field__hint">
              {t('bodies.logoLimits', { kilobytes: BODY_LOGO_LIMITS.maxBytes / 1024, pixels: BODY_LOGO_LIMITS.maxSidePixels })}
            </p>
          </div>
          <div className="form__actions">
            <button type="submit" className="button" disabled={upload.isPending}>
              {t('bodies.logoSave')}
            </button>
            {body.logo && (
              <ConfirmButton
                label={t('bodies.logoRemove')}
                title={t('bodies.logoRemoveTitle')}
                message={t('bodies.logoRemoveMessage')}
                disabled={remove.isPending}
                onConfirm={() => remove.mutate(body.id)}
              />
            )}
          </div>
        </form>
      )}
      {missingFile && <FormAlert tone="error">{t('bodies.logoFileRequired')}</FormAlert>}
      {error && <FormAlert tone="error">{describeApiError(error)}</FormAlert>}
      {upload.isSuccess && !upload.isPending && <FormAlert tone="success">{t('bodies.logoSaved')}</FormAlert>}
    </PageSection>
  );
}
