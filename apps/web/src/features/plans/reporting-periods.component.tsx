import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ReportingPeriodCreateSchema, type ReportingPeriodView } from '@telar/domain';
import { reportingPeriodsApi } from '../../api/plan-resources';
import { useAddForm } from '../../api/save-form.hook';
import { FormField } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { PaginatedTable, type TableColumn } from '../../components/paginated-table.component';
import { QueryContent } from '../../components/query-content.component';
import { formatDate, formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';

const columns: TableColumn<ReportingPeriodView>[] = [
  {
    header: t('reporting.period'),
    isRowHeader: true,
    render: (period) => (
      <Link to="/periodos/$periodId" params={{ periodId: period.id }}>
        {period.title}
      </Link>
    ),
  },
  { header: t('reporting.covers'), render: (period) => `${formatDate(period.periodFrom)} – ${formatDate(period.periodTo)}` },
  { header: t('reporting.dueDate'), render: (period) => formatDate(period.dueDate) },
  {
    header: t('reporting.progressColumn'),
    render: (period) =>
      t('reporting.acceptedOf', {
        accepted: formatNumber(period.counts.accepted),
        total: formatNumber(period.counts.due + period.counts.submitted + period.counts.accepted + period.counts.sent_back),
        overdue: period.counts.overdue,
      }),
  },
  {
    header: t('reporting.state'),
    render: (period) =>
      period.closedAt ? <span className="badge badge--archived">{t('reporting.closed')}</span> : <span className="badge badge--published">{t('reporting.open')}</span>,
  },
];

/** Opens a reporting period: one report is due from every organisation responsible for a node. */
function ReportingPeriodForm({ planId }: { planId: string }) {
  const { form, saveState } = useAddForm(
    zodResolver(ReportingPeriodCreateSchema),
    { planId, title: '', periodFrom: '', periodTo: '', dueDate: '' },
    reportingPeriodsApi.create,
  );
  const { register, formState } = form;
  const { errors } = formState;
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('reporting.openPeriod')} savedText={t('reporting.periodOpened')}>
      <p className="field__hint">{t('reporting.openPeriodIntro')}</p>
      <FormField label={t('reporting.periodTitle')} hint={t('reporting.periodTitleHint')} error={errors.title?.message} isRequired>
        {(control) => <input {...control} {...register('title')} type="text" />}
      </FormField>
      <div className="plans-form-row">
        <FormField label={t('reporting.periodFrom')} error={errors.periodFrom?.message} isRequired>
          {(control) => <input {...control} {...register('periodFrom')} type="date" />}
        </FormField>
        <FormField label={t('reporting.periodTo')} error={errors.periodTo?.message} isRequired>
          {(control) => <input {...control} {...register('periodTo')} type="date" />}
        </FormField>
        <FormField label={t('reporting.dueDate')} error={errors.dueDate?.message} isRequired>
          {(control) => <input {...control} {...register('dueDate')} type="date" />}
        </FormField>
      </div>
    </FormFrame>
  );
}

/** «Periodos de reporte» of a plan, and (for its secretariat) the form that opens a new one. */
export function ReportingPeriodsSection({ planId, canManage }: { planId: string; canManage: boolean }) {
  const query = useQuery(reportingPeriodsApi.list({ planId, pageSize: 100 }));
  return (
    <section aria-labelledby="periodos">
      <h2 id="periodos">{t('reporting.periods')}</h2>
      <QueryContent query={query}>
        {(result) => <PaginatedTable caption={t('reporting.periods')} isCaptionHidden columns={columns} rows={result.items} getRowKey={(period) => period.id} emptyText={t('reporting.periodsEmpty')} />}
      </QueryContent>
      {canManage && (
        <section aria-labelledby="abrir-periodo" className="panel">
          <h3 id="abrir-periodo">{t('reporting.openPeriod')}</h3>
          <ReportingPeriodForm planId={planId} />
        </section>
      )}
    </section>
  );
}
