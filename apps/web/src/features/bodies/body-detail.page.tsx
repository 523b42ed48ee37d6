import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { bodiesApi } from '../../api/resources';
import { Disclosure } from '../../components/disclosure.component';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { useStates } from '../../components/state-fields.component';
import { formatRefName } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { SessionsTable } from '../sessions/sessions-table.component';
import { FocalPointForm, MembershipForm } from './membership-forms.component';
import { MembershipsTable } from './memberships-table.component';

const routeApi = getRouteApi('/organos/$bodyId');

export function BodyDetailPage(): ReactElement {
  const { bodyId } = routeApi.useParams();
  const query = useQuery(bodiesApi.detail(bodyId));
  const { getStateName } = useStates();
  return (
    <QueryContent query={query}>
      {(body) => (
        <>
          <PageHeader
            title={body.name}
            eyebrow={t(`bodyKind.${body.kind}`)}
            actions={
              <>
                <Link to="/organos/$bodyId/editar" params={{ bodyId }} className="button">
                  {t('bodies.edit')}
                </Link>
                <Link to="/sesiones/nueva" search={{ bodyId }} className="button button--primary">
                  {t('bodies.newSession')}
                </Link>
              </>
            }
          />
          <dl className="facts">
            <div>
              <dt>{t('bodies.acronym')}</dt>
              <dd>{body.acronym ?? t('app.none')}</dd>
            </div>
            <div>
              <dt>{t('bodyLevel.label')}</dt>
              <dd>{t(`bodyLevel.${body.level}`)}</dd>
            </div>
            <div>
              <dt>{t('bodies.state')}</dt>
              <dd>{body.stateCode ? getStateName(body.stateCode) : t('app.none')}</dd>
            </div>
          </dl>
          {body.children.length > 0 && (
            <PageSection id="organos-integrantes" title={t('bodies.children')}>
              <ul className="record-list">
                {body.children.map((child) => (
                  <li key={child.id}>
                    <Link to="/organos/$bodyId" params={{ bodyId: child.id }}>
                      {formatRefName(child)}
                    </Link>
                  </li>
                ))}
              </ul>
            </PageSection>
          )}
          <PageSection id="integrantes" title={t('bodies.memberships')}>
            <MembershipsTable memberships={body.memberships} />
            {body.memberships.map((membership) => (
              <Disclosure key={membership.id} summary={t('memberships.addFocalPoint', { name: membership.organization.acronym ?? membership.organization.name })}>
                <FocalPointForm membershipId={membership.id} />
              </Disclosure>
            ))}
          </PageSection>
          <PageSection id="sesiones" title={t('bodies.sessions')}>
            <SessionsTable caption={t('bodies.sessions')} isCaptionHidden sessions={body.sessions} emptyText={t('bodies.sessionsEmpty')} />
          </PageSection>
          <PageSection id="agregar-integrante" title={t('bodies.addMembership')} isPanel>
            <MembershipForm bodyId={body.id} />
          </PageSection>
        </>
      )}
    </QueryContent>
  );
}
