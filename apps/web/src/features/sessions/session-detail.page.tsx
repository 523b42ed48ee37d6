import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { sessionsApi } from '../../api/resources';
import { PageHeader } from '../../components/page-header.component';
import { QueryContent } from '../../components/query-content.component';
import { formatDate, formatRefName, formatSessionTitle } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { AgreementsTable } from '../agreements/agreements-table.component';
import { FollowUpTimeline } from '../agreements/follow-up-timeline.component';
import { AgreementForm } from './agreement-form.component';
import { ParticipationForm } from './participation-form.component';

const routeApi = getRouteApi('/sesiones/$sessionId');

export function SessionDetailPage(): ReactElement {
  const { sessionId } = routeApi.useParams();
  const query = useQuery(sessionsApi.detail(sessionId));
  return (
    <QueryContent query={query}>
      {(session) => (
        <>
          <PageHeader title={formatSessionTitle(session)} eyebrow={formatRefName(session.body)} />
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
              <dd>
                {session.minutes?.url ? (
                  <a href={session.minutes.url} rel="noopener noreferrer" target="_blank">
                    {session.minutes.title}
                  </a>
                ) : (
                  (session.minutes?.title ?? t('app.none'))
                )}
              </dd>
            </div>
          </dl>

          <section aria-labelledby="participaciones">
            <h2 id="participaciones">{t('sessions.participations')}</h2>
            {session.participations.length === 0 ? (
              <p className="empty">{t('sessions.participationsEmpty')}</p>
            ) : (
              <ul className="record-list">
                {session.participations.map((participation) => (
                  <li key={participation.id} className="record">
                    <h3 className="record__title">
                      {participation.organizations.map((organization, index) => (
                        <span key={organization.id}>
                          {index > 0 && '; '}
                          <Link to="/organizaciones/$organizationId" params={{ organizationId: organization.id }}>
                            {formatRefName(organization)}
                          </Link>
                        </span>
                      ))}
                    </h3>
                    <p>{participation.description}</p>
                    {participation.followUps.length > 0 && (
                      <>
                        <h4 className="record__subtitle">{t('sessions.followUps')}</h4>
                        <FollowUpTimeline followUps={participation.followUps} emptyText="" />
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="acuerdos">
            <h2 id="acuerdos">{t('sessions.agreements')}</h2>
            <AgreementsTable caption={t('sessions.agreements')} isCaptionHidden agreements={session.agreements} emptyText={t('sessions.agreementsEmpty')} />
          </section>

          <section aria-labelledby="agregar-participacion" className="panel">
            <h2 id="agregar-participacion">{t('sessions.addParticipation')}</h2>
            <ParticipationForm sessionId={session.id} />
          </section>

          <section aria-labelledby="agregar-acuerdo" className="panel">
            <h2 id="agregar-acuerdo">{t('sessions.addAgreement')}</h2>
            <AgreementForm
              sessionId={session.id}
              participationOptions={session.participations.map((participation) => ({
                value: participation.id,
                label: participation.organizations.map((organization) => organization.acronym ?? organization.name).join('; '),
              }))}
            />
          </section>
        </>
      )}
    </QueryContent>
  );
}
