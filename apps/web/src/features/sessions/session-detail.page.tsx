import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { SessionDetailView } from '@telar/domain';
import type { ReactElement } from 'react';
import { sessionsApi } from '../../api/resources';
import { Disclosure } from '../../components/disclosure.component';
import { EvidenceLink } from '../../components/evidence-links.component';
import { OrganizationLinks } from '../../components/organization-links.component';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { formatDate, formatRefName, formatSessionTitle } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { AgreementsTable } from '../agreements/agreements-table.component';
import { FollowUpForm } from '../agreements/follow-up-form.component';
import { FollowUpTimeline } from '../agreements/follow-up-timeline.component';
import { AgreementForm } from './agreement-form.component';
import { ParticipationEditForm, ParticipationForm } from './participation-form.component';

const routeApi = getRouteApi('/sesiones/$sessionId');

type SessionParticipation = SessionDetailView['participations'][number];

/** One participation: who, what, its follow-up, and the forms to correct it or follow it up. */
function ParticipationRecord({ participation, hasAgreement }: { participation: SessionParticipation; hasAgreement: boolean }) {
  return (
    <li className="record">
      <h3 className="record__title">
        <OrganizationLinks organizations={participation.organizations} />
      </h3>
      <p>{participation.description}</p>
      {participation.followUps.length > 0 && (
        <>
          <h4 className="record__subtitle">{t('sessions.followUps')}</h4>
          <FollowUpTimeline followUps={participation.followUps} emptyText="" />
        </>
      )}
      <Disclosure summary={t('sessions.editParticipation')}>
        <ParticipationEditForm participation={participation} />
      </Disclosure>
      {/* A participation that led to an agreement is followed up through that agreement. */}
      {!hasAgreement && (
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
              eyebrow={formatRefName(session.body)}
              actions={
                <Link to="/sesiones/$sessionId/editar" params={{ sessionId }} className="button">
                  {t('sessions.edit')}
                </Link>
              }
            />
            <dl className="facts">
              <div>
                <dt>{t('sessions.body')}</dt>
                <dd>
                  <Link to="/organos/$bodyId" params={{ bodyId: session.body.id }}>
                    {formatRefName(session.body)}
                  </Link>
                </dd>
              </div>
              <div>
                <dt>{t('sessions.date')}</dt>
                <dd>{formatDate(session.date)}</dd>
              </div>
              <div>
                <dt>{t('modality.label')}</dt>
                <dd>{session.modality ? t(`modality.${session.modality}`) : t('app.none')}</dd>
              </div>
              <div>
                <dt>{t('sessions.minutes')}</dt>
                <dd>{session.minutes ? <EvidenceLink evidence={session.minutes} /> : t('app.none')}</dd>
              </div>
            </dl>

            <PageSection id="participaciones" title={t('sessions.participations')}>
              {session.participations.length === 0 ? (
                <p className="empty">{t('sessions.participationsEmpty')}</p>
              ) : (
                <ul className="record-list">
                  {session.participations.map((participation) => (
                    <ParticipationRecord key={participation.id} participation={participation} hasAgreement={participationsWithAgreement.has(participation.id)} />
                  ))}
                </ul>
              )}
            </PageSection>

            <PageSection id="acuerdos" title={t('sessions.agreements')}>
              <AgreementsTable caption={t('sessions.agreements')} isCaptionHidden agreements={session.agreements} emptyText={t('sessions.agreementsEmpty')} />
            </PageSection>

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
        );
      }}
    </QueryContent>
  );
}
