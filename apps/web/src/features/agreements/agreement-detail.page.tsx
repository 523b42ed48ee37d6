import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { lazy, Suspense, type ReactElement } from 'react';
import { agreementsApi } from '../../api/resources';
import { OrganizationLinks } from '../../components/organization-links.component';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { LoadingLine, QueryContent } from '../../components/query-content.component';
import { useStates } from '../../components/state-fields.component';
import { StatusBadge } from '../../components/status-badge.component';
import { formatDate, formatSessionLine } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { AgreementEditForm } from './agreement-edit-form.component';
import { formatAgreementName } from './agreements-table.component';
import { FollowUpForm } from './follow-up-form.component';
import { FollowUpTimeline } from './follow-up-timeline.component';

// The map geometry is the heaviest asset of the app; load it only when an agreement is opened.
const MexicoMap = lazy(() => import('../../components/mexico-map/mexico-map.component'));

const routeApi = getRouteApi('/acuerdos/$agreementId');

function StatesConcerned({ codes }: { codes: readonly string[] }) {
  const { getStateName } = useStates();
  if (codes.length === 0) return <p className="empty">{t('agreements.statesNone')}</p>;
  const names = codes.map(getStateName).sort((a, b) => a.localeCompare(b, 'es-MX'));
  return (
    <div className="states-concerned">
      <Suspense fallback={<LoadingLine />}>
        <MexicoMap highlightedCodes={codes} title={t('agreements.map')} getStateName={getStateName} />
      </Suspense>
      <ul className="states-concerned__list">
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
    </div>
  );
}

export function AgreementDetailPage(): ReactElement {
  const { agreementId } = routeApi.useParams();
  const query = useQuery(agreementsApi.detail(agreementId));
  return (
    <QueryContent query={query}>
      {(agreement) => (
        <>
          <PageHeader title={formatAgreementName(agreement)} eyebrow={t('agreements.title')} />
          <p className="lead">{agreement.text}</p>
          <dl className="facts">
            <div>
              <dt>{t('agreementStatus.label')}</dt>
              <dd>
                <StatusBadge status={agreement.status} />
              </dd>
            </div>
            <div>
              <dt>{t('agreements.dueDate')}</dt>
              <dd>{formatDate(agreement.dueDate)}</dd>
            </div>
            <div>
              <dt>{t('sessions.session')}</dt>
              <dd>
                <Link to="/sesiones/$sessionId" params={{ sessionId: agreement.session.id }}>
                  {agreement.session.body.acronym ?? agreement.session.body.name} · {formatSessionLine(agreement.session)}
                </Link>
              </dd>
            </div>
            <div>
              <dt>{t('agreements.responsibles')}</dt>
              <dd>
                {agreement.responsibleOrganizations.length === 0 ? t('app.none') : <OrganizationLinks organizations={agreement.responsibleOrganizations} />}
              </dd>
            </div>
          </dl>

          <PageSection id="entidades" title={t('agreements.statesConcerned')}>
            <StatesConcerned codes={agreement.stateCodes} />
          </PageSection>

          <PageSection id="seguimiento" title={t('agreements.followUps')}>
            <FollowUpTimeline followUps={agreement.followUps} emptyText={t('agreements.followUpsEmpty')} />
          </PageSection>

          <PageSection id="registrar-seguimiento" title={t('agreements.addFollowUp')} isPanel>
            <FollowUpForm owner={{ agreementId: agreement.id }} />
          </PageSection>

          <PageSection id="editar-acuerdo" title={t('agreements.edit')} isPanel>
            <AgreementEditForm agreement={agreement} />
          </PageSection>
        </>
      )}
    </QueryContent>
  );
}
