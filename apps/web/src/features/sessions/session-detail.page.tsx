import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { buildApiUrl } from '../../api/client';
import type { ReactElement } from 'react';
import { sessionsApi } from '../../api/resources';
import type { ParticipationAbilities } from '@telar/domain';
import { AgreementsTable } from '../../components/agreements-table.component';
import { Disclosure } from '../../components/disclosure.component';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { ParticipationSummary, type SessionParticipation } from '../../components/participation-summary.component';
import { QueryContent } from '../../components/query-content.component';
import { SessionFacts } from '../../components/session-facts.component';
import { formatSessionTitle } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { FollowUpForm } from '../agreements/follow-up-form.component';
import { RecordHistory } from '../records/record-history.component';
import { RecordStatus } from '../records/record-status.component';
import { AgreementForm } from './agreement-form.component';
import { ParticipationEditForm, ParticipationForm } from './participation-form.component';
import { SessionAssemblySections } from './session-assembly.component';

const routeApi = getRouteApi('/_internal/sesiones/$sessionId');

/** One participation: who, what, its follow-up, and the forms to correct it or follow it up (for who may). */
function ParticipationRecord({ participation, hasAgreement }: { participation: SessionParticipation & { abilities: ParticipationAbilities }; hasAgreement: boolean }) {
  return (
    <li className="record">
      <ParticipationSummary participation={participation} />
      {participation.abilities.edit && (
        <Disclosure summary={t('sessions.editParticipation')}>
          <ParticipationEditForm participation={participation} />
        </Disclosure>
      )}
      {/* A participation that led to an agreement is followed up through that agreement. */}
      {!hasAgreement && participation.abilities.reportFollowUp && (
        <Disclosure summary={t('sessions.addFollowUp')}>
          <FollowUpForm owner={{ participationId: participation.id }} />
        </Disclosure>
      )}
    </li>
  );
}

export function SessionDetailPage(): ReactElement {
  const { sessionId } = routeApi.useParams();
  const query = useQuery(sessionsApi.detail(sessionId));
  return (
    <QueryContent query={query}>
      {(session) => {
        const participationsWithAgreement = new Set(session.agreements.map((agreement) => agreement.participationId));
        return (
          <>
            <PageHeader
              title={formatSessionTitle(session)}
              trail={[
                { label: t('nav.sessions'), to: '/sesiones' },
                { label: session.body.acronym ?? session.body.name, to: `/organos/${session.body.id}` },
              ]}
              actions={
                <>
                  <a className="button" href={buildApiUrl(`/sessions/${sessionId}/ics`)} download>
                    {t('sessions.addToCalendar')}
                  </a>
                  {session.abilities.edit && (
                    <Link to="/sesiones/$sessionId/editar" params={{ sessionId }} className="button">
                      {t('sessions.edit')}
                    </Link>
                  )}
                </>
              }
            />
            <RecordStatus entity="session" record={session} changeLifecycle={sessionsApi.changeLifecycle} />
            <SessionFacts session={session} />
            <SessionAssemblySections session={session} />

            <PageSection id="participaciones" title={t('sessions.participations')}>
              {session.participations.length === 0 ? (
                <p className="empty">{t('sessions.participationsEmpty')}</p>
              ) : (
                <ul className="record-list">
                  {session.participations.map((participation) => (
                    <ParticipationRecord
                      key={participation.id}
                      participation={participation}
                      hasAgreement={participationsWithAgreement.has(participation.id)}
                    />
                  ))}
                </ul>
              )}
            </PageSection>

            <PageSection id="acuerdos" title={t('sessions.agreements')}>
              <AgreementsTable caption={t('sessions.agreements')} isCaptionHidden agreements={session.agreements} emptyText={t('sessions.agreementsEmpty')} />
            </PageSection>

            {session.abilities.addRecords && (
              <>
                <PageSection id="agregar-participacion" title={t('sessions.addParticipation')} isPanel>
                  <ParticipationForm sessionId={session.id} />
                </PageSection>

                <PageSection id="agregar-acuerdo" title={t('sessions.addAgreement')} isPanel>
                  <AgreementForm
                    sessionId={session.id}
                    participationOptions={session.participations.map((participation) => ({
                      value: participation.id,
                      label: participation.organizations.map((organization) => organization.acronym ?? organization.name).join('; '),
                    }))}
                  />
                </PageSection>
              </>
            )}

            <RecordHistory entity="session" id={session.id} />
          </>
        );
      }}
    </QueryContent>
  );
}
