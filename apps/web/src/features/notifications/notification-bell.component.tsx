import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { unreadCountQuery } from '../../api/notification-resources';
import { t } from '../../i18n/translate';
import { formatNumber } from '../../i18n/format';
import '../../styles/notifications.css';

/** The header's bell: a link to «Avisos» with how many are unread («Avisos 3 sin leer» to a screen reader). */
export function NotificationBell() {
  const { data } = useQuery(unreadCountQuery);
  const unread = data?.unread ?? 0;
  return (
    <Link to="/avisos" className="button button--on-accent notification-bell">
      {t('notifications.bell')}
      {unread > 0 && (
        <>
          {' '}
          <span className="notification-bell__count">{formatNumber(unread)}</span>
          <span className="visually-hidden"> {t('notifications.bellUnread')}</span>
        </>
      )}
    </Link>
  );
}
