import { useQuery } from '@tanstack/react-query';
import { NOTIFICATION_DELIVERIES, type NotificationDelivery, type NotificationPreferencesView } from '@telar/domain';
import { type FormEvent, type ReactElement, useState } from 'react';
import { describeApiError } from '../../api/api-error.util';
import { notificationPreferencesQuery, notificationsApi } from '../../api/notification-resources';
import { useApiMutation } from '../../api/resources';
import { FormAlert } from '../../components/form-alert.component';
import { FormFieldset } from '../../components/form-field.component';
import { PageHeader } from '../../components/page-header.component';
import { QueryContent } from '../../components/query-content.component';
import { t } from '../../i18n/translate';

const useSavePreferences = () => useApiMutation(notificationsApi.savePreferences);

/** «Mi cuenta › Avisos por correo»: daily digest or at once, and which optional notices to get. */
export function NotificationPreferencesPage(): ReactElement {
  const query = useQuery(notificationPreferencesQuery);
  // Kept above the form, which starts afresh from each saved version, so «saved» outlives the reload.
  const save = useSavePreferences();
  return (
    <>
      <PageHeader title={t('notifications.preferences.title')} />
      {save.isError && <FormAlert tone="error">{describeApiError(save.error)}</FormAlert>}
      {save.isSuccess && <FormAlert tone="success">{t('notifications.preferences.saved')}</FormAlert>}
      <QueryContent query={query}>{(preferences) => <PreferencesForm key={preferences.version} preferences={preferences} save={save} />}</QueryContent>
    </>
  );
}

function PreferencesForm({ preferences, save }: { preferences: NotificationPreferencesView; save: ReturnType<typeof useSavePreferences> }) {
  const [delivery, setDelivery] = useState<NotificationDelivery>(preferences.delivery);
  const [kinds, setKinds] = useState(() => Object.fromEntries(preferences.kinds.map((k) => [k.kind, k.isOn])));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const optional = Object.fromEntries(preferences.kinds.filter((k) => !k.isMandatory).map((k) => [k.kind, kinds[k.kind] ?? k.isOn]));
    save.mutate({ delivery, kinds: optional, version: preferences.version });
  };
  return (
    <form onSubmit={submit} className="form" noValidate>
      <FormFieldset legend={t('notifications.preferences.delivery')}>
        <ul className="checkbox-list">
          {NOTIFICATION_DELIVERIES.map((choice) => (
            <li key={choice}>
              <label className="checkbox">
                <input type="radio" name="delivery" value={choice} checked={delivery === choice} onChange={() => setDelivery(choice)} /> {t(`notifications.preferences.${choice}`)}
              </label>
            </li>
          ))}
        </ul>
      </FormFieldset>
      <FormFieldset legend={t('notifications.preferences.kinds')} hint={t('notifications.preferences.mandatoryHint')}>
        <ul className="checkbox-list">
          {preferences.kinds.map(({ kind, isMandatory }) => (
            <li key={kind}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={isMandatory || kinds[kind]}
                  disabled={isMandatory}
                  onChange={(event) => setKinds({ ...kinds, [kind]: event.target.checked })}
                />{' '}
                {t(`notifications.kind.${kind}`)}
              </label>
            </li>
          ))}
        </ul>
      </FormFieldset>
      <button type="submit" className="button button--primary" disabled={save.isPending}>
        {t('notifications.preferences.save')}
      </button>
    </form>
  );
}
