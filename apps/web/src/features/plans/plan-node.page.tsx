import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { PlanNodeUpdateSchema, type PlanNodeDetailView } from '@telar/domain';
import type { ReactElement } from 'react';
import { useFormContext } from 'react-hook-form';
import { useEditForm } from '../../api/edit-form.hook';
import { activitiesApi, planNodesApi } from '../../api/plan-resources';
import { AgreementCodeLinks } from '../../components/agreement-code-links.component';
import { Fact } from '../../components/fact.component';
import { FormField } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { OrganizationLinks } from '../../components/organization-links.component';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { PaginatedTable, type TableColumn } from '../../components/paginated-table.component';
import { QueryContent } from '../../components/query-content.component';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { ActivitiesTable } from '../activities/activities-table.component';
import { RecordHistory } from '../records/record-history.component';
import { RecordStatus } from '../records/record-status.component';
import { IndicatorBlock, IndicatorCreateForm } from './indicator-block.component';
import { PlanFlags } from './plan-facts.component';
import { PlanNodeFields } from './plan-node-fields.component';
import { PlanProgress } from './plan-progress.component';
import { getStatusLabel, PlanStatusBadge } from './plan-tree.component';
import '../../styles/plans.css';

const routeApi = getRouteApi('/_internal/planes/$planId/nodos/$nodeId');

type StatusChange = PlanNodeDetailView['statusHistory'][number];

function NodeFacts({ node }: { node: PlanNodeDetailView }) {
  return (
    <dl className="facts">
      <Fact label={t('plans.nodeKind.label')}>{t(`plans.nodeKind.${node.kind}`)}</Fact>
      <Fact label={t('plans.status')}>
        <PlanStatusBadge statuses={node.plan.statuses} status={node.status} />
      </Fact>
      <Fact label={t('plans.progress')}>
        <PlanProgress value={node.progress} label={t('plans.progressOf', { code: node.code })} />
      </Fact>
      <Fact label={t('plans.weight')}>{formatNumber(node.weight)}</Fact>
      <Fact label={t('plans.startDate')}>{formatDate(node.startDate)}</Fact>
      <Fact label={t('plans.dueDate')}>{formatDate(node.dueDate)}</Fact>
      <Fact label={t('plans.responsibles')}>
        {node.responsibleOrganizations.length === 0 ? t('app.none') : <OrganizationLinks organizations={node.responsibleOrganizations} />}
      </Fact>
      <Fact label={t('plans.agreements')}>{node.agreements.length === 0 ? t('app.none') : <AgreementCodeLinks agreements={node.agreements} />}</Fact>
    </dl>
  );
}

function CommentField() {
  const { register, formState } = useFormContext<{ comment?: string }>();
  return (
    <FormField label={t('plans.comment')} hint={t('plans.commentHint')} error={formState.errors.comment?.message}>
      {(control) => <textarea {...control} {...register('comment')} rows={3} />}
    </FormField>
  );
}

function PlanNodeEditForm({ node }: { node: PlanNodeDetailView }) {
  const { form, saveState } = useEditForm({
    schema: PlanNodeUpdateSchema,
    record: node,
    toValues: (source) => ({
      kind: source.kind,
      code: source.code,
      title: source.title,
      status: source.status ?? '',
      progress: source.progress,
      weight: source.weight,
      startDate: source.startDate ?? '',
      dueDate: source.dueDate ?? '',
      responsibleOrganizationIds: source.responsibleOrganizations.map((organization) => organization.id),
      comment: '',
    }),
    update: planNodesApi.update,
  });
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('form.saveChanges')} savedText={t('form.saved')}>
      <PlanNodeFields statuses={node.plan.statuses} knownOrganizations={node.responsibleOrganizations} />
      <CommentField />
    </FormFrame>
  );
}

function StatusHistory({ node }: { node: PlanNodeDetailView }) {
  const columns: TableColumn<StatusChange>[] = [
    { header: t('plans.historyWhen'), render: (change) => <time dateTime={new Date(change.at).toISOString()}>{formatDateTime(change.at)}</time>, isRowHeader: true },
    { header: t('plans.status'), render: (change) => getStatusLabel(node.plan.statuses, change.status) },
    { header: t('plans.progress'), render: (change) => (change.progress === null ? t('app.none') : t('plans.percent', { value: formatNumber(change.progress) })), className: 'numeric' },
    { header: t('plans.comment'), render: (change) => change.comment ?? t('app.none') },
    { header: t('plans.historyWho'), render: (change) => change.actor },
    {
      header: t('plans.historyReport'),
      render: (change) =>
        change.reportId ? (
          <Link to="/reportes/$reportId" params={{ reportId: change.reportId }}>
            {t('plans.historyReportLink')}
          </Link>
        ) : (
          t('app.none')
        ),
    },
  ];
  return <PaginatedTable caption={t('plans.statusHistory')} isCaptionHidden columns={columns} rows={node.statusHistory} getRowKey={(change) => `${change.at}-${change.status ?? ''}`} emptyText={t('plans.statusHistoryEmpty')} />;
}

function LinkedActivities({ nodeId }: { nodeId: string }) {
  const query = useQuery(activitiesApi.list({ planNodeId: nodeId, pageSize: 100 }));
  return (
    <QueryContent query={query}>
      {(result) => <ActivitiesTable caption={t('plans.activities')} isCaptionHidden activities={result.items} emptyText={t('plans.activitiesEmpty')} />}
    </QueryContent>
  );
}

export function PlanNodePage(): ReactElement {
  const { nodeId } = routeApi.useParams();
  const query = useQuery(planNodesApi.detail(nodeId));
  return (
    <QueryContent query={query}>
      {(node) => {
        const canManage = node.abilities.edit;
        return (
          <>
            <PageHeader
              title={`${node.code} · ${node.title}`}
              trail={[
                { label: t('nav.plans'), to: '/planes' },
                { label: node.plan.name, to: `/planes/${node.plan.id}` },
              ]}
              actions={
                <Link to="/planes/$planId" params={{ planId: node.plan.id }} className="button">
                  {t('plans.backToPlan')}
                </Link>
              }
            />
            <RecordStatus entity="plan_node" record={node} changeLifecycle={planNodesApi.changeLifecycle} />
            <NodeFacts node={node} />
            <PlanFlags flags={node.flags} />

            {canManage && (
              <PageSection id="editar-elemento" title={t('plans.editNode')} isPanel>
                <PlanNodeEditForm node={node} />
              </PageSection>
            )}

            <PageSection id="historial-estado" title={t('plans.statusHistory')}>
              <StatusHistory node={node} />
            </PageSection>

            <PageSection id="indicadores" title={t('plans.indicators.title')}>
              {node.indicators.length === 0 ? (
                <p className="empty">{t('plans.indicators.empty')}</p>
              ) : (
                <ul className="record-list">
                  {node.indicators.map((indicator) => (
                    <IndicatorBlock key={indicator.id} indicator={indicator} canEdit={canManage} />
                  ))}
                </ul>
              )}
            </PageSection>

            {canManage && (
              <PageSection id="agregar-indicador" title={t('plans.indicators.add')} isPanel>
                <IndicatorCreateForm
                  planNodeId={node.id}
                  baseOptions={node.indicators.filter((indicator) => indicator.formula === null).map((indicator) => ({ value: indicator.id, label: indicator.name }))}
                />
              </PageSection>
            )}

            <PageSection id="actividades" title={t('plans.activities')}>
              <LinkedActivities nodeId={node.id} />
            </PageSection>

            <RecordHistory entity="plan_node" id={node.id} />
          </>
        );
      }}
    </QueryContent>
  );
}
