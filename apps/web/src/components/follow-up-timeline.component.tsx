import type { FollowUpView } from '@telar/domain';
import { formatDate } from '../i18n/format';
import { t } from '../i18n/translate';
import { EvidenceLinks } from './evidence-links.component';
import { useStates } from './states.hook';

interface FollowUpTimelineProps {
  followUps: readonly FollowUpView[];
  emptyText: string;
}

/** Follow-up activities oldest first: date, what was done, where, and the evidence. */
export function FollowUpTimeline({ followUps, emptyText }: FollowUpTimelineProps) {
  const { getStateName } = useStates();
  if (followUps.length === 0) return <p className="empty">{emptyText}</p>;
  // Imported follow-ups may have no date (the reports rarely give one); they sort first.
  const ordered = [...followUps].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  return (
    <ol className="timeline">
      {ordered.map((followUp) => (
        <li key={followUp.id} className="timeline__item">
          {followUp.date && (
            <p className="timeline__date">
              <time dateTime={followUp.date}>{formatDate(followUp.date)}</time>
            </p>
          )}
          <p>{followUp.text}</p>
          {followUp.stateCodes.length > 0 && (
            <p className="timeline__meta">
              <span className="timeline__label">{t('followUps.states')}:</span> {followUp.stateCodes.map(getStateName).join(', ')}
            </p>
          )}
          {followUp.evidence.length > 0 && (
            <p className="timeline__meta">
              <span className="timeline__label">{t('followUps.evidence')}:</span> <EvidenceLinks evidence={followUp.evidence} separator=", " />
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
