import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { unreadCountQuery } from '../../api/notification-resources';
import { t } from '../../i18n/translate';
import { formatNumber } from '../../i18n/format';
import '../../styles/notifications.css';

/** The header's bell: a link to «Avisos» that says how many are unread (its label says it to screen readers too). */
export function NotificationBell() {
  const { data } = useQuery(unreadCountQuery);
  const unread = data?.unread ?? 0;
  return (
    <Link to="/avisos" className="button button--on-accent notification-bell" aria-label={t('notifications.bellUnread', { count: unread })}>
      <span aria-hidden="true">{t('notifications.bell')}</span>
      {unread > 0 && (
        <span className="notification-bell__count" aria-hidden="true">
          {formatNumber(unread)}
        </span>
      )}
    </Link>
  );
}
