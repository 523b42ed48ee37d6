import type { UserView } from '@telar/domain';
import { t } from '../../i18n/translate';
import '../../styles/accounts.css';

/** Whether the account may sign in, whether its password still has to be changed or chosen (an invitation not yet accepted). */
export function AccountBadges({ user }: { user: Pick<UserView, 'isActive' | 'mustChangePassword' | 'isInvitationPending'> }) {
  return (
    <span className="account-badges">
      <span className={`badge ${user.isActive ? 'badge--active' : 'badge--inactive'}`}>{user.isActive ? t('users.active') : t('users.inactive')}</span>
      {user.mustChangePassword && <span className="badge badge--must-change">{t('users.mustChangePassword')}</span>}
      {user.isInvitationPending && <span className="badge badge--must-change">{t('users.invitationPending')}</span>}
    </span>
  );
}
