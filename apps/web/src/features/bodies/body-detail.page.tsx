import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { bodiesApi } from '../../api/resources';
import { Disclosure } from '../../components/disclosure.component';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { SessionsTable } from '../../components/sessions-table.component';
import { useStates } from '../../components/states.hook';
import { formatRefName } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { RecordHistory } from '../records/record-history.component';
import { RecordStatus } from '../records/record-status.component';
import { BodyLogoSection } from './body-logo.component';
import { FocalPointForm, MembershipForm } from './membership-forms.component';
import { MembershipsTable } from './memberships-table.component';

const routeApi = getRouteApi('/_internal/organos/$bodyId');

export function BodyDetailPage(): ReactElement {
  const { bodyId } = routeApi.useParams();
  const query = useQuery(bodiesApi.detail(bodyId));
  const { getStateName } = useStates();
  return (
    <QueryContent query={query}>
      {(body) => {
        return (
          <>
            <PageHeader
              title={body.name}
              trail={[{ label: t('nav.bodies'), to: '/organos' }]}
              eyebrow={t(`bodyKind.${body.kind}`)}
              actions={
                <>
                  {body.kind === 'network' && (
                    <Link to="/redes/$networkId" params={{ networkId: bodyId }} className="button">
                      {t('networks.networkPage')}
                    </Link>
                  )}
                  {body.abilities.edit && (
                    <Link to="/organos/$bodyId/editar" params={{ bodyId }} className="button">
                      {t('bodies.edit')}
                    </Link>
                  )}
                  {body.abilities.addRecords && (
                    <>
                      <Link to="/organos/nuevo" search={{ parentId: bodyId }} className="button">
                        {t('bodies.newChild')}
                      </Link>
                      <Link to="/sesiones/nueva" search={{ bodyId }} className="button button--primary">
                        {t('bodies.newSession')}
                      </Link>
                    </>
                  )}
                </>
              }
            />
            <RecordStatus entity="body" record={body} changeLifecycle={bodiesApi.changeLifecycle} />
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
              {body.memberships
                .filter((membership) => membership.abilities.addFocalPoint)
                .map((membership) => (
                  <Disclosure key={membership.id} summary={t('memberships.addFocalPoint', { name: membership.organization.acronym ?? membership.organization.name })}>
                    <FocalPointForm membershipId={membership.id} />
                  </Disclosure>
                ))}
            </PageSection>
            <PageSection id="sesiones" title={t('bodies.sessions')}>
              <SessionsTable caption={t('bodies.sessions')} isCaptionHidden sessions={body.sessions} emptyText={t('bodies.sessionsEmpty')} />
            </PageSection>
            {body.abilities.addRecords && (
              <PageSection id="agregar-integrante" title={t('bodies.addMembership')} isPanel>
                <MembershipForm bodyId={body.id} />
              </PageSection>
            )}
            <BodyLogoSection body={body} />
            <RecordHistory entity="body" id={body.id} />
          </>
        );
      }}
    </QueryContent>
  );
}
