import { useQuery } from '@tanstack/react-query';
import { type ReactElement, useId, useState } from 'react';
import { calendarFeedApi, calendarFeedQuery } from '../../api/account-resources';
import { describeApiError } from '../../api/api-error.util';
import { useApiMutation } from '../../api/resources';
import { ConfirmButton } from '../../components/confirm-button.component';
import { FormAlert } from '../../components/form-alert.component';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/translate';

/**
 * «Mi calendario»: a secret address that calendar applications subscribe to (the person's bodies'
 * sessions and deadlines). The address is shown once, when made; making another voids the previous one.
 */
export function CalendarFeedSection(): ReactElement {
  const query = useQuery(calendarFeedQuery);
  const [url, setUrl] = useState<string | null>(null);
  const create = useApiMutation(calendarFeedApi.create, (created) => setUrl(created.url));
  const revoke = useApiMutation(calendarFeedApi.revoke, () => setUrl(null));
  const addressId = useId();
  const error = create.error ?? revoke.error;
  return (
    <PageSection id="mi-calendario" title={t('calendar.title')}>
      <p>{t('calendar.hint')}</p>
      {error && <FormAlert tone="error">{describeApiError(error)}</FormAlert>}
      <QueryContent query={query}>
        {(feed) => (
          <>
            {url ? (
              <div className="field">
                <label className="field__label" htmlFor={addressId}>
                  {t('calendar.address')}
                </label>
                <input id={addressId} type="text" readOnly value={url} onFocus={(event) => event.target.select()} />
                <p className="field__hint">{t('calendar.addressHint')}</p>
              </div>
            ) : (
              <p aria-live="polite">{feed.isActive && feed.createdAt ? t('calendar.active', { date: formatDateTime(feed.createdAt) }) : t('calendar.none')}</p>
            )}
            <div className="form__actions">
              {feed.isActive ? (
                <ConfirmButton
                  label={t('calendar.replace')}
                  title={t('calendar.replaceTitle')}
                  message={t('calendar.replaceMessage')}
                  disabled={create.isPending}
                  onConfirm={() => create.mutate()}
                />
              ) : (
                <button type="button" className="button button--primary" disabled={create.isPending} onClick={() => create.mutate()}>
                  {t('calendar.create')}
                </button>
              )}
              {feed.isActive && (
                <ConfirmButton
                  label={t('calendar.revoke')}
                  title={t('calendar.revokeTitle')}
                  message={t('calendar.revokeMessage')}
                  disabled={revoke.isPending}
                  onConfirm={() => revoke.mutate()}
                />
              )}
            </div>
          </>
        )}
      </QueryContent>
    </PageSection>
  );
}
