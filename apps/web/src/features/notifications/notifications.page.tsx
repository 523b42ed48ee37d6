import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { notificationsApi, notificationsQuery } from '../../api/notification-resources';
import { useApiMutation } from '../../api/resources';
import { PageHeader } from '../../components/page-header.component';
import { QueryContent } from '../../components/query-content.component';
import { t } from '../../i18n/translate';
import { NotificationList } from './notification-list.component';
import '../../styles/notifications.css';

const routeApi = getRouteApi('/_internal/avisos');
const PAGE_SIZE = 25;
const UNREAD = 'sin-leer';

/** «Avisos»: the person's notices, newest first, the unread ones marked; mark one or all read. */
export function NotificationsPage(): ReactElement {
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const isUnreadOnly = search.estado === UNREAD;
  const page = search.page ?? 1;
  const query = useQuery(notificationsQuery({ page, pageSize: PAGE_SIZE, isUnreadOnly }));
  const markAll = useApiMutation(() => notificationsApi.markRead());
  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        actions={
          <button type="button" className="button" disabled={markAll.isPending} onClick={() => markAll.mutate(undefined)}>
            {t('notifications.markAllRead')}
          </button>
        }
      />
      <p>{t('notifications.intro')}</p>
      <p>
        <Link to="/avisos" search={{ estado: isUnreadOnly ? undefined : UNREAD }}>
          {isUnreadOnly ? t('notifications.showAll') : t('notifications.onlyUnread')}
        </Link>
        {' · '}
        <Link to="/mi-cuenta/avisos">{t('notifications.preferencesLink')}</Link>
      </p>
      <QueryContent query={query}>
        {(result) => (
          <>
            <p aria-live="polite">{t('notifications.count', { count: result.total })}</p>
            <NotificationList notices={result.items} emptyText={isUnreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')} />
            <p>
              {page > 1 && (
                <button type="button" className="button" onClick={() => void navigate({ search: (previous) => ({ ...previous, page: page - 1 }) })}>
                  {t('table.previous')}
                </button>
              )}{' '}
              {result.total > page * PAGE_SIZE && (
                <button type="button" className="button" onClick={() => void navigate({ search: (previous) => ({ ...previous, page: page + 1 }) })}>
                  {t('table.next')}
                </button>
              )}
            </p>
          </>
        )}
      </QueryContent>
    </>
  );
}
