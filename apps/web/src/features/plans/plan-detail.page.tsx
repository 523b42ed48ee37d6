import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { PlanNodeCreateSchema, type PlanDetailView, type PlanNodeCreateInput } from '@telar/domain';
import type { ReactElement } from 'react';
import { buildPlanExportUrl, planNodesApi, plansApi } from '../../api/plan-resources';
import { useAddForm } from '../../api/save-form.hook';
import { Disclosure } from '../../components/disclosure.component';
import { FormField } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { NullableSelect } from '../../components/nullable-select.component';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { t } from '../../i18n/translate';
import { RecordHistory } from '../records/record-history.component';
import { RecordStatus } from '../records/record-status.component';
import { PlanFacts, PlanFlags } from './plan-facts.component';
import { PlanEditForm } from './plan-form.page';
import { PlanNodeFields } from './plan-node-fields.component';
import { flattenPlanTree, PlanTree } from './plan-tree.component';
import { ReportingPeriodsSection } from './reporting-periods.component';
import '../../styles/plans.css';

const routeApi = getRouteApi('/_internal/planes/$planId');

/** Adds a node at the root of the plan or under another node. */
function PlanNodeCreateForm({ plan }: { plan: PlanDetailView }) {
  const defaults: PlanNodeCreateInput = {
    planId: plan.id,
    parentId: null,
    kind: 'objective',
    code: '',
    title: '',
    status: '',
    progress: null,
    weight: 1,
    startDate: '',
    dueDate: '',
    responsibleOrganizationIds: [],
    agreementIds: [],
  };
  const { form, saveState } = useAddForm(zodResolver(PlanNodeCreateSchema), defaults, planNodesApi.create);
  const parentOptions = flattenPlanTree(plan.nodes).map(({ node, depth }) => ({ value: node.id, label: `${'· '.repeat(depth)}${node.code} — ${node.title}` }));
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('plans.addNode')} savedText={t('plans.nodeAdded')}>
      <FormField label={t('plans.parent')} hint={t('plans.parentHint')} error={form.formState.errors.parentId?.message}>
        {(control) => <NullableSelect formControl={form.control} name="parentId" fieldControl={control} options={parentOptions} blankLabel={t('plans.rootOption')} blankValue={null} />}
      </FormField>
      <PlanNodeFields statuses={plan.statuses} />
    </FormFrame>
  );
}

export function PlanDetailPage(): ReactElement {
  const { planId } = routeApi.useParams();
  const query = useQuery(plansApi.detail(planId));
  return (
    <QueryContent query={query}>
      {(plan) => {
        return (
          <>
            <PageHeader
              title={plan.name}
              trail={[{ label: t('nav.plans'), to: '/planes' }]}
              actions={
                <>
                  <a className="button" href={buildPlanExportUrl(plan.id, 'xlsx')} download>
                    {t('plans.exportXlsx')}
                  </a>
                  <a className="button" href={buildPlanExportUrl(plan.id, 'docx')} download>
                    {t('plans.exportDocx')}
                  </a>
                </>
              }
            />
            <RecordStatus entity="plan" record={plan} changeLifecycle={plansApi.changeLifecycle} />
            {plan.description && <p className="lead">{plan.description}</p>}
            <PlanFacts plan={plan} />
            <PlanFlags flags={plan.flags} />

            <PageSection id="estructura" title={t('plans.structure')}>
              <PlanTree planId={plan.id} nodes={plan.nodes} statuses={plan.statuses} />
            </PageSection>

            {plan.abilities.addRecords && (
              <PageSection id="agregar-elemento" title={t('plans.addNodeTitle')} isPanel>
                <PlanNodeCreateForm plan={plan} />
              </PageSection>
            )}

            <ReportingPeriodsSection planId={plan.id} canManage={plan.abilities.addRecords} />

            {plan.abilities.edit && (
              <PageSection id="editar-plan" title={t('plans.edit')}>
                <Disclosure summary={t('plans.editSummary')}>
                  <PlanEditForm plan={plan} />
                </Disclosure>
              </PageSection>
            )}

            <RecordHistory entity="plan" id={plan.id} />
          </>
        );
      }}
    </QueryContent>
  );
}
