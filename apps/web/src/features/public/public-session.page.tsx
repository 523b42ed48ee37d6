import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { publicApi } from '../../api/public-resources';
import { AgreementsTable } from '../../components/agreements-table.component';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { ParticipationSummary } from '../../components/participation-summary.component';
import { QueryContent } from '../../components/query-content.component';
import { SessionFacts } from '../../components/session-facts.component';
import { formatRefName, formatSessionTitle } from '../../i18n/format';
import { t } from '../../i18n/translate';

const routeApi = getRouteApi('/publico/sesiones/$sessionId');

/** A published session: its facts, who took part and the agreements published from it. */
export function PublicSessionPage(): ReactElement {
  const { sessionId } = routeApi.useParams();
  const query = useQuery(publicApi.session(sessionId));
  return (
    <QueryContent query={query}>
      {(session) => (
        <>
          <PageHeader title={formatSessionTitle(session)} eyebrow={formatRefName(session.body)} />
          <SessionFacts session={session} isPublic />
          <PageSection id="participaciones" title={t('sessions.participations')}>
            {session.participations.length === 0 ? (
              <p className="empty">{t('sessions.participationsEmpty')}</p>
            ) : (
              <ul className="record-list">
                {session.participations.map((participation) => (
                  <li key={participation.id} className="record">
                    <ParticipationSummary participation={participation} isPublic />
                  </li>
                ))}
              </ul>
            )}
          </PageSection>
          <PageSection id="acuerdos" title={t('sessions.agreements')}>
            <AgreementsTable caption={t('sessions.agreements')} isCaptionHidden isPublic agreements={session.agreements} emptyText={t('public.agreements.empty')} />
          </PageSection>
        </>
      )}
    </QueryContent>
  );
}
