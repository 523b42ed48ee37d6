import type { AgreementDetailView } from '@telar/domain';
import { t } from '../i18n/translate';
import { AgreementFacts } from './agreement-facts.component';
import { FollowUpTimeline } from './follow-up-timeline.component';
import { PageSection } from './page-section.component';
import { StatesConcerned } from './states-concerned.component';

interface AgreementOverviewProps {
  agreement: AgreementDetailView;
  /** On the portal links stay in the portal. */
  isPublic?: boolean;
}

/** What an agreement says, its facts, the states it concerns on the map, and its follow-up. */
export function AgreementOverview({ agreement, isPublic }: AgreementOverviewProps) {
  return (
    <>
      <p className="lead">{agreement.text}</p>
      <AgreementFacts agreement={agreement} isPublic={isPublic} />
      <PageSection id="entidades" title={t('agreements.statesConcerned')}>
        <StatesConcerned codes={agreement.stateCodes} />
      </PageSection>
      <PageSection id="seguimiento" title={t('agreements.followUps')}>
        <FollowUpTimeline followUps={agreement.followUps} emptyText={t('agreements.followUpsEmpty')} />
      </PageSection>
    </>
  );
}
