import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { notificationsQuery } from '../../api/notification-resources';
import { QueryContent } from '../../components/query-content.component';
import { t } from '../../i18n/translate';
import { NotificationList } from './notification-list.component';
import '../../styles/notifications.css';

const SHOWN = 5;

/** The home page's «Mis avisos»: the newest unread notices, the same the bell counts. */
export function MyNotificationsSection() {
  const query = useQuery(notificationsQuery({ page: 1, pageSize: SHOWN, isUnreadOnly: true }));
  return (
    <section aria-labelledby="mis-avisos">
      <h2 id="mis-avisos">{t('notifications.home.title')}</h2>
      <QueryContent query={query}>
        {(result) => (
          <>
            <NotificationList notices={result.items} emptyText={t('notifications.emptyUnread')} />
            <p>
              <Link to="/avisos">{result.total > result.items.length ? t('notifications.home.more', { count: result.total - result.items.length }) : t('notifications.home.all')}</Link>
            </p>
          </>
        )}
      </QueryContent>
    </section>
  );
}
