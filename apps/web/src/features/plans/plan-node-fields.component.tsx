import { PLAN_NODE_KINDS, type OrganizationRef, type PlanNodeCreateInput, type PlanStatus } from '@telar/domain';
import { Controller, useFormContext } from 'react-hook-form';
import { ChoiceOptions } from '../../components/choice-options.component';
import { FormField } from '../../components/form-field.component';
import { toNullableNumber } from '../../components/form-values.util';
import { OrganizationPicker } from '../../components/organization-picker.component';
import { t } from '../../i18n/translate';

type NodeFieldValues = Pick<PlanNodeCreateInput, 'kind' | 'code' | 'title' | 'status' | 'progress' | 'weight' | 'startDate' | 'dueDate' | 'responsibleOrganizationIds'>;

/** A blank number input leaves the field out (the schema's default or "unchanged"). */
const toOptionalNumber = (value: unknown) => (value === '' || value === null || value === undefined ? undefined : Number(value));

interface PlanNodeFieldsProps {
  statuses: readonly PlanStatus[];
  /** Organisations already responsible, so the picker can name them. */
  knownOrganizations?: readonly OrganizationRef[];
}

/** Kind, code, title, status, progress, weight, dates and responsibles: what adding and editing a node share. */
export function PlanNodeFields({ statuses, knownOrganizations }: PlanNodeFieldsProps) {
  const { register, control, formState } = useFormContext<NodeFieldValues>();
  const { errors } = formState;
  return (
    <>
      <div className="plans-form-row">
        <FormField label={t('plans.nodeKind.label')} error={errors.kind?.message} isRequired>
          {(fieldControl) => (
            <select {...fieldControl} {...register('kind')}>
              <ChoiceOptions values={PLAN_NODE_KINDS} getLabel={(kind) => t(`plans.nodeKind.${kind}`)} />
            </select>
          )}
        </FormField>
        <FormField label={t('plans.code')} hint={t('plans.codeHint')} error={errors.code?.message} isRequired>
          {(fieldControl) => <input {...fieldControl} {...register('code')} type="text" autoCapitalize="none" />}
        </FormField>
      </div>
      <FormField label={t('plans.nodeTitle')} error={errors.title?.message} isRequired>
        {(fieldControl) => <textarea {...fieldControl} {...register('title')} rows={2} />}
      </FormField>
      <div className="plans-form-row">
        <FormField label={t('plans.status')} error={errors.status?.message}>
          {(fieldControl) => (
            <select {...fieldControl} {...register('status')}>
              <option value="">{t('plans.noStatus')}</option>
              {statuses.map((status) => (
                <option key={status.key} value={status.key}>
                  {status.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('plans.progress')} hint={t('plans.progressHint')} error={errors.progress?.message}>
          {(fieldControl) => <input {...fieldControl} {...register('progress', { setValueAs: toNullableNumber })} type="number" min={0} max={100} step="any" inputMode="decimal" />}
        </FormField>
        <FormField label={t('plans.weight')} hint={t('plans.weightHint')} error={errors.weight?.message}>
          {(fieldControl) => <input {...fieldControl} {...register('weight', { setValueAs: toOptionalNumber })} type="number" min={0} step="any" inputMode="decimal" />}
        </FormField>
      </div>
      <div className="plans-form-row">
        <FormField label={t('plans.startDate')} error={errors.startDate?.message}>
          {(fieldControl) => <input {...fieldControl} {...register('startDate')} type="date" />}
        </FormField>
        <FormField label={t('plans.dueDate')} error={errors.dueDate?.message}>
          {(fieldControl) => <input {...fieldControl} {...register('dueDate')} type="date" />}
        </FormField>
      </div>
      <Controller
        control={control}
        name="responsibleOrganizationIds"
        render={({ field, fieldState }) => (
          <OrganizationPicker
            legend={t('plans.responsibles')}
            searchLabel={t('plans.searchResponsibles')}
            value={field.value ?? []}
            onChange={field.onChange}
            error={fieldState.error?.message}
            knownOrganizations={knownOrganizations}
          />
        )}
      />
    </>
  );
}
