import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ActivityView } from '@telar/domain';
import type { ReactElement } from 'react';
import { activitiesApi } from '../../api/plan-resources';
import { AgreementCodeLinks } from '../../components/agreement-code-links.component';
import { EvidenceLinks } from '../../components/evidence-links.component';
import { Fact } from '../../components/fact.component';
import { OrganizationLinks } from '../../components/organization-links.component';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { useStates } from '../../components/states.hook';
import { formatNumber, formatRefName } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { RecordHistory } from '../records/record-history.component';
import { RecordStatus } from '../records/record-status.component';
import { ReportStatusBadge } from '../reporting/report-status.component';
import { ValidationBadge } from './activities-table.component';
import { formatActivityDates } from './activity-format.util';
import '../../styles/plans.css';

const routeApi = getRouteApi('/_internal/actividades/$activityId');

const formatCount = (value: number | null) => (value === null ? t('app.none') : formatNumber(value));

function ReachBreakdownTable({ activity }: { activity: ActivityView }) {
  if (activity.reachBreakdown.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <caption>{t('activities.reachBreakdown')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('activities.sexColumn')}</th>
            <th scope="col">{t('activities.ageGroup')}</th>
            <th scope="col" className="numeric">
              {t('activities.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {activity.reachBreakdown.map((row, index) => (
            <tr key={`${index}-${row.sex ?? ''}-${row.ageGroup ?? ''}`}>
              <td>{row.sex ? t(`activities.sex.${row.sex}`) : t('activities.sexAny')}</td>
              <td>{row.ageGroup ?? t('app.none')}</td>
              <td className="numeric">{formatNumber(row.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ActivityFacts({ activity }: { activity: ActivityView }) {
  const { getStateName } = useStates();
  return (
    <dl className="facts">
      <Fact label={t('activities.kind.label')}>{t(`activities.kind.${activity.kind}`)}</Fact>
      <Fact label={t('activities.body')}>
        <Link to="/organos/$bodyId" params={{ bodyId: activity.body.id }}>
          {formatRefName(activity.body)}
        </Link>
      </Fact>
      <Fact label={t('activities.dates')}>{formatActivityDates(activity)}</Fact>
      <Fact label={t('activities.validation')}>
        <ValidationBadge isValidated={activity.isValidated} />
      </Fact>
      <Fact label={t('activities.report')}>
        {activity.report ? (
          <>
            <Link to="/reportes/$reportId" params={{ reportId: activity.report.id }}>
              {t('activities.reportLink')}
            </Link>{' '}
            <ReportStatusBadge report={{ status: activity.report.status, isOverdue: false }} />
          </>
        ) : (
          t('activities.recordedDirectly')
        )}
      </Fact>
      <Fact label={t('activities.leadOrganizations')}>
        {activity.leadOrganizations.length === 0 ? t('app.none') : <OrganizationLinks organizations={activity.leadOrganizations} />}
      </Fact>
      <Fact label={t('activities.partnerOrganizations')}>
        {activity.partnerOrganizations.length === 0 ? t('app.none') : <OrganizationLinks organizations={activity.partnerOrganizations} />}
      </Fact>
      <Fact label={t('activities.audience')}>{activity.audience ?? t('app.none')}</Fact>
      <Fact label={t('activities.events')}>{formatCount(activity.events)}</Fact>
      <Fact label={t('activities.participants')}>{formatCount(activity.participants)}</Fact>
      <Fact label={t('activities.peopleReached')}>{formatCount(activity.peopleReached)}</Fact>
      <Fact label={t('activities.states')}>{activity.stateCodes.length === 0 ? t('app.none') : activity.stateCodes.map(getStateName).join(', ')}</Fact>
      {activity.municipalities.length > 0 && (
        <Fact label={t('activities.municipalities')}>{activity.municipalities.map((municipality) => municipality.name).join(', ')}</Fact>
      )}
      <Fact label={t('activities.planNodes')}>
        {activity.planNodes.length === 0 ? (
          t('app.none')
        ) : (
          <ul className="plain-list">
            {activity.planNodes.map((node) => (
              <li key={node.id}>
                <Link to="/planes/$planId/nodos/$nodeId" params={{ planId: node.planId, nodeId: node.id }}>
                  {node.code} — {node.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Fact>
      {activity.agreements.length > 0 && (
        <Fact label={t('activities.agreements')}>
          <AgreementCodeLinks agreements={activity.agreements} />
        </Fact>
      )}
      {activity.evidence.length > 0 && (
        <Fact label={t('activities.evidence')}>
          <EvidenceLinks evidence={activity.evidence} separator="; " />
        </Fact>
      )}
      <Fact label={t('activities.source')}>{activity.source ?? t('app.none')}</Fact>
    </dl>
  );
}

export function ActivityDetailPage(): ReactElement {
  const { activityId } = routeApi.useParams();
  const query = useQuery(activitiesApi.detail(activityId));
  return (
    <QueryContent query={query}>
      {(activity) => {
        return (
          <>
            <PageHeader
              title={activity.title}
              trail={[{ label: t('nav.activities'), to: '/actividades' }]}
              actions={
                activity.abilities.edit && (
                  <Link to="/actividades/$activityId/editar" params={{ activityId: activity.id }} className="button">
                    {t('activities.edit')}
                  </Link>
                )
              }
            />
            <RecordStatus entity="activity" record={activity} changeLifecycle={activitiesApi.changeLifecycle} />
            {activity.description && <p className="lead">{activity.description}</p>}
            <ActivityFacts activity={activity} />
            <ReachBreakdownTable activity={activity} />
            {activity.flags.length > 0 && (
              <PageSection id="observaciones" title={t('activities.flags')}>
                <ul className="plans-flag-list">
                  {activity.flags.map((flag) => (
                    <li key={flag}>{flag}</li>
                  ))}
                </ul>
              </PageSection>
            )}
            <RecordHistory entity="activity" id={activity.id} />
          </>
        );
      }}
    </QueryContent>
  );
}
