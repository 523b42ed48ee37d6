import { type ReportingPeriodUpdateInput, ReportingPeriodUpdateSchema, type ReportingPeriodView } from '@telar/domain';
import type { ReactElement } from 'react';
import { useFormContext } from 'react-hook-form';
import { useEditForm } from '../../api/edit-form.hook';
import { reportingPeriodsApi } from '../../api/plan-resources';
import { FormField } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { t } from '../../i18n/translate';

/** While a period is open its secretariat may move the deadline (never before the period starts). */
export function PeriodDueDateForm({ period }: { period: ReportingPeriodView }): ReactElement {
  const { form, saveState } = useEditForm({
    schema: ReportingPeriodUpdateSchema,
    record: period,
    toValues: (record) => ({ dueDate: record.dueDate }),
    update: reportingPeriodsApi.update,
  });
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('reporting.changeDueDate')} savedText={t('reporting.dueDateChanged')}>
      <DueDateField periodFrom={period.periodFrom} />
    </FormFrame>
  );
}

function DueDateField({ periodFrom }: { periodFrom: string }) {
  const { register, formState } = useFormContext<ReportingPeriodUpdateInput>();
  return (
    <FormField label={t('reporting.dueDate')} error={formState.errors.dueDate?.message} isRequired>
      {(control) => <input {...control} {...register('dueDate')} type="date" min={periodFrom} />}
    </FormField>
  );
}
