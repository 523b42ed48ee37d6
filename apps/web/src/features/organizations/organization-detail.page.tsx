import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { organizationsApi } from '../../api/resources';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { useStates } from '../../components/state-fields.component';
import { formatSessionLine } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { AgreementsTable } from '../agreements/agreements-table.component';

const routeApi = getRouteApi('/organizaciones/$organizationId');

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
            eyebrow={t('nav.organizations')}
            actions={
              <Link to="/organizaciones/$organizationId/editar" params={{ organizationId }} className="button">
                {t('organizations.editLink')}
              </Link>
            }
          />
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
        </>
      )}
    </QueryContent>
  );
}
