import type { SessionDetailView } from '@telar/domain';
import { formatRefName } from '../i18n/format';
import { t } from '../i18n/translate';
import { FollowUpTimeline } from './follow-up-timeline.component';
import { OrganizationLinks } from './organization-links.component';

export type SessionParticipation = SessionDetailView['participations'][number];

interface ParticipationSummaryProps {
  participation: SessionParticipation;
  /** On the portal organisations are named, not linked: their pages are internal. */
  isPublic?: boolean;
}

/** Who took part, what they presented and its follow-up. */
export function ParticipationSummary({ participation, isPublic }: ParticipationSummaryProps) {
  return (
    <>
      <h3 className="record__title">
        {isPublic ? participation.organizations.map(formatRefName).join('; ') : <OrganizationLinks organizations={participation.organizations} />}
      </h3>
      <p>{participation.description}</p>
      {participation.followUps.length > 0 && (
        <>
          <h4 className="record__subtitle">{t('sessions.followUps')}</h4>
          <FollowUpTimeline followUps={participation.followUps} emptyText="" />
        </>
      )}
    </>
  );
}
