import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { publicPlansApi } from '../../api/plan-resources';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { formatRefName } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { PlanFacts } from './plan-facts.component';
import { PlanTree } from './plan-tree.component';

const routeApi = getRouteApi('/publico/planes/$planId');

/** A published plan: its period, overall progress and the read-only tree of its objectives and lines of action. */
export function PublicPlanPage(): ReactElement {
  const { planId } = routeApi.useParams();
  const query = useQuery(publicPlansApi.detail(planId));
  return (
    <QueryContent query={query}>
      {(plan) => (
        <>
          <PageHeader title={plan.name} eyebrow={formatRefName(plan.body)} />
          {plan.description && <p className="lead">{plan.description}</p>}
          <PlanFacts plan={plan} isPublic />
          <PageSection id="estructura" title={t('plans.structure')}>
            <PlanTree planId={plan.id} nodes={plan.nodes} statuses={plan.statuses} isPublic />
          </PageSection>
          <p>
            <Link to="/publico/planes">{t('plans.public.back')}</Link>
          </p>
        </>
      )}
    </QueryContent>
  );
}
