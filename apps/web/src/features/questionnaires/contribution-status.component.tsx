import type { ContributionStatus } from '@telar/domain';
import type { ReactElement } from 'react';
import { t } from '../../i18n/translate';
import '../../styles/questionnaires.css';

/** A contribution's status in words; an overdue one says so in words too, not only in red. */
export function ContributionStatusBadge({ status, isOverdue }: { status: ContributionStatus; isOverdue?: boolean }): ReactElement {
  return (
    <span className="contribution-status">
      <span className={`badge contribution-status--${status}`}>{t(`questionnaires.contributionStatus.${status}`)}</span>
      {isOverdue && <span className="badge badge--overdue">{t('questionnaires.overdue')}</span>}
    </span>
  );
}
