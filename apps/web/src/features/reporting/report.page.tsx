import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { NodeStatusReportSchema, ReportReviewSchema, type NodeStatusReportInput, type PlanDetailView, type PlanNodeRef, type ReportDetailView, type ReportReviewInput } from '@telar/domain';
import { useRef, useState, type ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { describeApiError } from '../../api/api-error.util';
import { plansApi, reportingActionsApi, periodicReportsApi } from '../../api/plan-resources';
import { useApiMutation } from '../../api/resources';
import { useAddForm, useSaveForm } from '../../api/save-form.hook';
import { ConfirmButton } from '../../components/confirm-button.component';
import { Disclosure } from '../../components/disclosure.component';
import { FormAlert } from '../../components/form-alert.component';
import { FormField } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { toNullableNumber } from '../../components/form-values.util';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { PaginatedTable, type TableColumn } from '../../components/paginated-table.component';
import { QueryContent } from '../../components/query-content.component';
import { formatDate, formatDateTime, formatNumber, formatRefName } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { ActivitiesTable } from '../activities/activities-table.component';
import { formatDisaggregation, formatIndicatorValue, IndicatorValueForm } from '../plans/indicator-block.component';
import { flattenPlanTree, getStatusLabel } from '../plans/plan-tree.component';
import { RecordHistory } from '../records/record-history.component';
import { ReportStatusBadge } from './report-status.component';
import '../../styles/plans.css';

const routeApi = getRouteApi('/_internal/reportes/$reportId');

function ReportFacts({ report }: { report: ReportDetailView }) {
  return (
    <dl className="facts">
      <div>
        <dt>{t('reporting.organization')}</dt>
        <dd>
          <Link to="/organizaciones/$organizationId" params={{ organizationId: report.organization.id }}>
            {formatRefName(report.organization)}
          </Link>
        </dd>
      </div>
      <div>
        <dt>{t('reporting.plan')}</dt>
        <dd>
          <Link to="/planes/$planId" params={{ planId: report.plan.id }}>
            {report.plan.name}
          </Link>
        </dd>
      </div>
      <div>
        <dt>{t('reporting.period')}</dt>
        <dd>
          <Link to="/periodos/$periodId" params={{ periodId: report.reportingPeriod.id }}>
            {report.reportingPeriod.title}
          </Link>{' '}
          ({formatDate(report.reportingPeriod.periodFrom)} – {formatDate(report.reportingPeriod.periodTo)})
        </dd>
      </div>
      <div>
        <dt>{t('reporting.dueDate')}</dt>
        <dd>{formatDate(report.reportingPeriod.dueDate)}</dd>
      </div>
      <div>
        <dt>{t('reporting.statusLabel')}</dt>
        <dd>
          <ReportStatusBadge report={report} />
        </dd>
      </div>
      <div>
        <dt>{t('reporting.submittedAt')}</dt>
        <dd>{report.submittedAt ? formatDateTime(report.submittedAt) : t('app.none')}</dd>
      </div>
    </dl>
  );
}

/** An enlace's status report on one node: status from the plan's list, progress, comment. */
function NodeStatusForm({ report, node, plan }: { report: ReportDetailView; node: PlanNodeRef; plan: PlanDetailView }) {
  const defaults: NodeStatusReportInput = { planNodeId: node.id, status: '', progress: null, comment: '' };
  const { form, saveState } = useAddForm(zodResolver(NodeStatusReportSchema), defaults, (input) => reportingActionsApi.reportNodeStatus(report.id, input));
  const { register, formState } = form;
  const { errors } = formState;
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('reporting.saveNodeStatus')} savedText={t('reporting.nodeStatusSaved')}>
      <div className="plans-form-row">
        <FormField label={t('reporting.nodeStatus', { code: node.code })} error={errors.status?.message} isRequired>
          {(control) => (
            <select {...control} {...register('status')}>
              <option value="">{t('reporting.chooseStatus')}</option>
              {plan.statuses.map((status) => (
                <option key={status.key} value={status.key}>
                  {status.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('reporting.nodeProgress', { code: node.code })} hint={t('plans.progressHint')} error={errors.progress?.message}>
          {(control) => <input {...control} {...register('progress', { setValueAs: toNullableNumber })} type="number" min={0} max={100} step="any" inputMode="decimal" />}
        </FormField>
      </div>
      <FormField label={t('reporting.nodeComment', { code: node.code })} error={errors.comment?.message}>
        {(control) => <textarea {...control} {...register('comment')} rows={2} />}
      </FormField>
    </FormFrame>
  );
}

function NodeStatusesSection({ report, plan, canFile }: { report: ReportDetailView; plan: PlanDetailView | undefined; canFile: boolean }) {
  const filed = report.nodeStatuses;
  const statuses = plan?.statuses ?? [];
  const columns: TableColumn<ReportDetailView['nodeStatuses'][number]>[] = [
    { header: t('reporting.node'), render: (row) => `${row.code} — ${row.title}`, isRowHeader: true },
    { header: t('plans.status'), render: (row) => getStatusLabel(statuses, row.status) },
    { header: t('plans.progress'), render: (row) => (row.progress === null ? t('app.none') : t('plans.percent', { value: formatNumber(row.progress) })), className: 'numeric' },
    { header: t('plans.comment'), render: (row) => row.comment ?? t('app.none') },
    { header: t('plans.historyWhen'), render: (row) => formatDateTime(row.at) },
  ];
  return (
    <PageSection id="estado-elementos" title={t('reporting.nodeStatuses')}>
      <PaginatedTable caption={t('reporting.nodeStatusesFiled')} columns={columns} rows={filed} getRowKey={(row) => `${row.planNodeId}-${row.at}`} emptyText={t('reporting.nodeStatusesEmpty')} />
      {canFile && plan && report.responsibleNodes.length > 0 && (
        <>
          <h3>{t('reporting.reportNodes')}</h3>
          <ul className="record-list">
            {report.responsibleNodes.map((node) => (
              <li key={node.id} className="record">
                <h4 className="record__title">
                  {node.code} — {node.title}
                </h4>
                <Disclosure summary={t('reporting.reportNodeStatus', { code: node.code })}>
                  <NodeStatusForm report={report} node={node} plan={plan} />
                </Disclosure>
              </li>
            ))}
          </ul>
        </>
      )}
    </PageSection>
  );
}

function IndicatorValuesSection({ report, plan, canFile }: { report: ReportDetailView; plan: PlanDetailView | undefined; canFile: boolean }) {
  const columns: TableColumn<ReportDetailView['indicatorValues'][number]>[] = [
    { header: t('plans.indicators.name'), render: (row) => row.indicatorName, isRowHeader: true },
    { header: t('plans.indicators.periodColumn'), render: (row) => row.period },
    { header: t('plans.indicators.state'), render: (row) => row.stateCode ?? t('plans.indicators.national') },
    { header: t('plans.indicators.disaggregation'), render: (row) => formatDisaggregation(row.disaggregation) },
    { header: t('plans.indicators.value'), render: formatIndicatorValue, className: 'numeric' },
  ];
  // The indicators of the nodes this organisation answers for, to file their values here.
  const responsible = new Set(report.responsibleNodes.map((node) => node.id));
  const indicators = plan ? flattenPlanTree(plan.nodes).flatMap(({ node }) => (responsible.has(node.id) ? node.indicators.filter((indicator) => indicator.formula === null).map((indicator) => ({ indicator, node })) : [])) : [];
  return (
    <PageSection id="valores-indicadores" title={t('reporting.indicatorValues')}>
      <PaginatedTable caption={t('reporting.indicatorValues')} isCaptionHidden columns={columns} rows={report.indicatorValues} getRowKey={(row) => `${row.indicatorId}|${row.period}|${row.stateCode ?? ''}|${row.disaggregation}`} emptyText={t('reporting.indicatorValuesEmpty')} />
      {canFile &&
        indicators.map(({ indicator, node }) => (
          <Disclosure key={indicator.id} summary={t('reporting.fileIndicatorValue', { code: node.code, name: indicator.name })}>
            <IndicatorValueForm indicator={indicator} reportId={report.id} />
          </Disclosure>
        ))}
    </PageSection>
  );
}

/** What the person just did to the report; said at the top, since the form that did it goes away. */
type OnDone = (message: string) => void;

function SubmitReport({ report, onDone }: { report: ReportDetailView; onDone: OnDone }) {
  const mutation = useApiMutation(reportingActionsApi.submitReport, () => onDone(t('reporting.submitted')));
  return (
    <section aria-labelledby="enviar" className="panel">
      <h2 id="enviar">{t('reporting.submitTitle')}</h2>
      <p>{t('reporting.submitIntro', { count: report.activities.length })}</p>
      {mutation.isError && <FormAlert tone="error">{describeApiError(mutation.error)}</FormAlert>}
      <ConfirmButton
        className="button button--primary"
        label={t('reporting.submit')}
        title={t('reporting.submitConfirmTitle')}
        message={t('reporting.submitConfirm')}
        disabled={mutation.isPending}
        onConfirm={() => mutation.mutate({ id: report.id, version: report.version })}
      />
    </section>
  );
}

/** The secretariat's decision on a submitted report: accept it, or send it back saying what to fix. */
function ReviewForm({ report, onDone }: { report: ReportDetailView; onDone: OnDone }) {
  const defaultValues: ReportReviewInput = { decision: 'accept', comment: '', version: report.version };
  const form = useForm({ resolver: zodResolver(ReportReviewSchema), defaultValues });
  const saveState = useSaveForm(form, (input) => reportingActionsApi.reviewReport(report.id, input), (saved) =>
    onDone(saved.status === 'accepted' ? t('reporting.accepted') : t('reporting.sentBack')),
  );
  const { register, formState, setValue } = form;
  const formElement = useRef<HTMLFormElement>(null);
  const { errors } = formState;
  return (
    <section aria-labelledby="revisar" className="panel">
      <h2 id="revisar">{t('reporting.reviewTitle')}</h2>
      <form ref={formElement} className="form" onSubmit={saveState.submitForm} noValidate>
        {saveState.serverError && <FormAlert tone="error">{saveState.serverError}</FormAlert>}
        <FormField label={t('reporting.reviewComment')} hint={t('reporting.reviewCommentHint')} error={errors.comment?.message}>
          {(control) => <textarea {...control} {...register('comment')} rows={4} />}
        </FormField>
        <div className="form__actions">
          <ConfirmButton
            className="button button--primary"
            label={t('reporting.accept')}
            title={t('reporting.acceptConfirmTitle')}
            message={t('reporting.acceptConfirm')}
            disabled={saveState.isSubmitting}
            onConfirm={() => {
              setValue('decision', 'accept');
              formElement.current?.requestSubmit();
            }}
          />
          <button type="submit" className="button" disabled={saveState.isSubmitting} onClick={() => setValue('decision', 'send_back')}>
            {t('reporting.sendBack')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function ReportPage(): ReactElement {
  const { reportId } = routeApi.useParams();
  const query = useQuery(periodicReportsApi.detail(reportId));
  const planId = query.data?.plan.id ?? '';
  const planQuery = useQuery({ ...plansApi.detail(planId), enabled: planId !== '' });
  const [outcome, setOutcome] = useState<string | null>(null);
  return (
    <QueryContent query={query}>
      {(report) => {
        const { file: canFile, review: canReview } = report.abilities;
        return (
          <>
            <PageHeader
              title={t('reporting.reportTitle', { organization: report.organization.acronym ?? report.organization.name, period: report.reportingPeriod.title })}
              trail={[
                { label: t('nav.plans'), to: '/planes' },
                { label: report.plan.name, to: `/planes/${report.plan.id}` },
                { label: report.reportingPeriod.title, to: `/periodos/${report.reportingPeriod.id}` },
              ]}
            />
            {outcome && <FormAlert tone="success">{outcome}</FormAlert>}
            {report.status === 'sent_back' && report.reviewComment && (
              <div className="alert alert--error report-sent-back" role="alert">
                <p className="report-sent-back__label">{t('reporting.sentBackBecause')}</p>
                <p>{report.reviewComment}</p>
              </div>
            )}
            {report.isOverdue && (
              <p className="alert alert--error" role="status">
                {t('reporting.overdueNotice', { date: formatDate(report.reportingPeriod.dueDate) })}
              </p>
            )}
            <ReportFacts report={report} />

            <PageSection id="actividades" title={t('reporting.activities')}>
              {canFile && (
                <p>
                  <Link to="/actividades/nueva" search={{ reportId: report.id }} className="button button--primary">
                    {t('reporting.addActivity')}
                  </Link>
                </p>
              )}
              <ActivitiesTable caption={t('reporting.activities')} isCaptionHidden activities={report.activities} canEdit={canFile} emptyText={t('reporting.activitiesEmpty')} />
            </PageSection>

            <NodeStatusesSection report={report} plan={planQuery.data} canFile={canFile} />
            <IndicatorValuesSection report={report} plan={planQuery.data} canFile={canFile} />

            {canFile && <SubmitReport report={report} onDone={setOutcome} />}
            {canReview && <ReviewForm key={report.version} report={report} onDone={setOutcome} />}

            <RecordHistory entity="report" id={report.id} />
          </>
        );
      }}
    </QueryContent>
  );
}
