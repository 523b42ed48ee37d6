import type { NotificationView } from '@telar/domain';
import { Link } from '@tanstack/react-router';
import { notificationsApi } from '../../api/notification-resources';
import { useApiMutation } from '../../api/resources';
import { describeApiError } from '../../api/api-error.util';
import { FormAlert } from '../../components/form-alert.component';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/translate';

/** Notices as a list: what happened, when, a link to the record, and «Marcar como leído» on the unread ones. */
export function NotificationList({ notices, emptyText }: { notices: NotificationView[]; emptyText: string }) {
  const markRead = useApiMutation(notificationsApi.markRead);
  if (!notices.length) return <p>{emptyText}</p>;
  return (
    <>
      {markRead.isError && <FormAlert tone="error">{describeApiError(markRead.error)}</FormAlert>}
      <ul className="notification-list">
        {notices.map((notice) => (
          <li key={notice.id} className={notice.isRead ? 'notification' : 'notification notification--unread'}>
            <p className="notification__title">
              {!notice.isRead && <span className="badge">{t('notifications.unread')}</span>} <Link to={notice.linkPath}>{notice.title}</Link>
            </p>
            <p>{notice.body}</p>
            <p className="notification__meta">
              {formatDateTime(notice.createdAt)}
              {!notice.isRead && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button"
                    disabled={markRead.isPending}
                    aria-label={t('notifications.markReadLabel', { title: notice.title })}
                    onClick={() => markRead.mutate([notice.id])}
                  >
                    {t('notifications.markRead')}
                  </button>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
