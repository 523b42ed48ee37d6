import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { organizationsApi } from '../../api/resources';
import { AgreementsTable } from '../../components/agreements-table.component';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { useStates } from '../../components/states.hook';
import { formatSessionLine } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { RecordHistory } from '../records/record-history.component';
import { RecordStatus } from '../records/record-status.component';

const routeApi = getRouteApi('/_internal/organizaciones/$organizationId');

export function OrganizationDetailPage(): ReactElement {
  const { organizationId } = routeApi.useParams();
  const query = useQuery(organizationsApi.detail(organizationId));
  const { getStateName } = useStates();
  return (
    <QueryContent query={query}>
      {(organization) => (
        <>
          <PageHeader
            title={organization.name}
            trail={[{ label: t('nav.organizations'), to: '/organizaciones' }]}
            actions={
              organization.abilities.edit && (
                <Link to="/organizaciones/$organizationId/editar" params={{ organizationId }} className="button">
                  {t('organizations.editLink')}
                </Link>
              )
            }
          />
          <RecordStatus entity="organization" record={organization} changeLifecycle={organizationsApi.changeLifecycle} />
          <dl className="facts">
            <div>
              <dt>{t('organizations.acronym')}</dt>
              <dd>{organization.acronym ?? t('app.none')}</dd>
            </div>
            <div>
              <dt>{t('sector.label')}</dt>
              <dd>{t(`sector.${organization.sector}`)}</dd>
            </div>
            <div>
              <dt>{t('orgLevel.label')}</dt>
              <dd>{t(`orgLevel.${organization.level}`)}</dd>
            </div>
            <div>
              <dt>{t('organizations.state')}</dt>
              <dd>{organization.stateCode ? getStateName(organization.stateCode) : t('app.none')}</dd>
            </div>
          </dl>
          <PageSection id="participaciones" title={t('organizations.participations')}>
            {organization.participations.length === 0 ? (
              <p className="empty">{t('organizations.participationsEmpty')}</p>
            ) : (
              <ul className="record-list">
                {organization.participations.map((participation) => (
                  <li key={participation.id}>
                    <Link to="/sesiones/$sessionId" params={{ sessionId: participation.session.id }}>
                      {participation.session.body.acronym ?? participation.session.body.name} · {formatSessionLine(participation.session)}
                    </Link>
                    <p>{participation.description}</p>
                  </li>
                ))}
              </ul>
            )}
          </PageSection>
          <PageSection id="acuerdos" title={t('organizations.agreements')}>
            <AgreementsTable caption={t('organizations.agreements')} isCaptionHidden agreements={organization.agreements} emptyText={t('organizations.agreementsEmpty')} />
          </PageSection>
          <RecordHistory entity="organization" id={organization.id} />
        </>
      )}
    </QueryContent>
  );
}
