import { useQuery } from '@tanstack/react-query';
import type { AuthSessionView } from '@telar/domain';
import { Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { ownAccountApi, ownSessionsQuery } from '../../api/account-resources';
import { describeApiError } from '../../api/api-error.util';
import { useApiMutation } from '../../api/resources';
import { useMe } from '../../auth/me.hook';
import { FormAlert } from '../../components/form-alert.component';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { PaginatedTable, type TableColumn } from '../../components/paginated-table.component';
import { QueryContent } from '../../components/query-content.component';
import { formatCount, formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { CalendarFeedSection } from './calendar-feed.component';
import { PasswordChangeForm } from './password-change-form.component';
import '../../styles/accounts.css';

/** The person's open sessions; any but this one can be ended here (this one ends with «Cerrar sesión»). */
function OwnSessions() {
  const query = useQuery(ownSessionsQuery);
  const mutation = useApiMutation(ownAccountApi.endSession);
  const columns: TableColumn<AuthSessionView>[] = [
    { header: t('ownSessions.started'), isRowHeader: true, render: (session) => formatDateTime(session.createdAt) },
    { header: t('ownSessions.lastSeen'), render: (session) => formatDateTime(session.lastSeenAt) },
    { header: t('ownSessions.expires'), render: (session) => formatDateTime(session.expiresAt) },
    {
      header: t('ownSessions.action'),
      render: (session) =>
        session.isCurrent ? (
          <span className="badge badge--active">{t('ownSessions.current')}</span>
        ) : (
          <button
            type="button"
            className="button"
            disabled={mutation.isPending}
            aria-label={t('ownSessions.endLabel', { date: formatDateTime(session.createdAt) })}
            onClick={() => mutation.mutate(session.id)}
          >
            {t('ownSessions.end')}
          </button>
        ),
    },
  ];
  return (
    <PageSection id="sesiones-abiertas" title={t('ownSessions.title')}>
      <p>{t('ownSessions.hint')}</p>
      {mutation.isError && <FormAlert tone="error">{describeApiError(mutation.error)}</FormAlert>}
      <QueryContent query={query}>
        {(sessions) => (
          <>
            <p aria-live="polite">{formatCount('ownSessions.count', sessions.length)}</p>
            <PaginatedTable caption={t('ownSessions.title')} isCaptionHidden columns={columns} rows={sessions} getRowKey={(session) => session.id} />
          </>
        )}
      </QueryContent>
    </PageSection>
  );
}

/** «Mi cuenta»: who the person is signed in as, their password, their open sessions and their calendar. */
export function MyAccountPage(): ReactElement {
  const me = useMe();
  return (
    <>
      <PageHeader title={t('myAccount.title')} />
      {me && (
        <dl className="facts">
          <div>
            <dt>{t('users.name')}</dt>
            <dd>{me.name}</dd>
          </div>
          <div>
            <dt>{t('auth.email')}</dt>
            <dd>{me.email}</dd>
          </div>
        </dl>
      )}
      <PageSection id="cambiar-contrasena" title={t('password.title')} isPanel>
        <PasswordChangeForm savedText={t('password.changed')} />
      </PageSection>
      <OwnSessions />
      <CalendarFeedSection />
      <p>
        <Link to="/mi-cuenta/avisos">{t('notifications.preferencesLink')}</Link>
      </p>
    </>
  );
}
