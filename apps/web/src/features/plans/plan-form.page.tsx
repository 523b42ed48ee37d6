import { zodResolver } from '@hookform/resolvers/zod';
import { useNavigate } from '@tanstack/react-router';
import { DEFAULT_PLAN_STATUSES, PlanCreateSchema, PlanUpdateSchema, type PlanCreateInput, type PlanDetailView } from '@telar/domain';
import type { ReactElement } from 'react';
import { useFieldArray, useForm, useFormContext } from 'react-hook-form';
import { useEditForm } from '../../api/edit-form.hook';
import { plansApi } from '../../api/plan-resources';
import { useSaveForm } from '../../api/save-form.hook';
import { AbilityGate } from '../../auth/ability-gate.component';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { toNullableNumber } from '../../components/form-values.util';
import { NullableSelect } from '../../components/nullable-select.component';
import { PageHeader } from '../../components/page-header.component';
import { t } from '../../i18n/translate';
import { useBodyOptions } from '../bodies/body-options.hook';
import '../../styles/plans.css';

type PlanFieldValues = Pick<PlanCreateInput, 'name' | 'shortName' | 'description' | 'periodFrom' | 'periodTo'>;

/** Name, short name, description and period: what creating and editing a plan share. */
function PlanFields() {
  const { register, formState } = useFormContext<PlanFieldValues>();
  const { errors } = formState;
  return (
    <>
      <FormField label={t('plans.name')} error={errors.name?.message} isRequired>
        {(control) => <input {...control} {...register('name')} type="text" />}
      </FormField>
      <FormField label={t('plans.shortName')} hint={t('plans.shortNameHint')} error={errors.shortName?.message}>
        {(control) => <input {...control} {...register('shortName')} type="text" />}
      </FormField>
      <FormField label={t('plans.description')} error={errors.description?.message}>
        {(control) => <textarea {...control} {...register('description')} rows={4} />}
      </FormField>
      <div className="plans-form-row">
        <FormField label={t('plans.periodFrom')} error={errors.periodFrom?.message}>
          {(control) => <input {...control} {...register('periodFrom')} type="date" />}
        </FormField>
        <FormField label={t('plans.periodTo')} error={errors.periodTo?.message}>
          {(control) => <input {...control} {...register('periodTo')} type="date" />}
        </FormField>
      </div>
    </>
  );
}

/** The statuses the plan's nodes may take, each with the progress it means and whether it closes the node. */
function StatusFields() {
  const { register, control, formState } = useFormContext<PlanCreateInput>();
  const { fields, append, remove } = useFieldArray({ control, name: 'statuses' });
  const errors = formState.errors.statuses;
  return (
    <FormFieldset legend={t('plans.statuses')} hint={t('plans.statusesHint')} error={errors?.message ?? errors?.root?.message}>
      <ol className="status-rows">
        {fields.map((field, index) => (
          <li key={field.id} className="status-row">
            <FormField label={t('plans.statusKey', { n: index + 1 })} error={errors?.[index]?.key?.message} isRequired>
              {(fieldControl) => <input {...fieldControl} {...register(`statuses.${index}.key`)} type="text" autoCapitalize="none" />}
            </FormField>
            <FormField label={t('plans.statusLabel', { n: index + 1 })} error={errors?.[index]?.label?.message} isRequired>
              {(fieldControl) => <input {...fieldControl} {...register(`statuses.${index}.label`)} type="text" />}
            </FormField>
            <FormField label={t('plans.statusProgress', { n: index + 1 })} error={errors?.[index]?.progress?.message}>
              {(fieldControl) => <input {...fieldControl} {...register(`statuses.${index}.progress`, { setValueAs: toNullableNumber })} type="number" min={0} max={100} inputMode="numeric" />}
            </FormField>
            <label className="checkbox">
              <input type="checkbox" {...register(`statuses.${index}.isClosed`)} />
              {t('plans.statusClosed', { n: index + 1 })}
            </label>
            <button type="button" className="button" onClick={() => remove(index)} disabled={fields.length <= 1}>
              {t('plans.statusRemove', { n: index + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button" onClick={() => append({ key: '', label: '', progress: null, isClosed: false })}>
        {t('plans.statusAdd')}
      </button>
    </FormFieldset>
  );
}

export function PlanNewPage(): ReactElement {
  const navigate = useNavigate();
  const bodyOptions = useBodyOptions({ isManagedOnly: true });
  const defaultValues: PlanCreateInput = {
    name: '',
    shortName: '',
    description: '',
    bodyId: '',
    periodFrom: '',
    periodTo: '',
    statuses: DEFAULT_PLAN_STATUSES.map((status) => ({ ...status })),
  };
  const form = useForm({ resolver: zodResolver(PlanCreateSchema), defaultValues });
  const { errors } = form.formState;
  const saveState = useSaveForm(form, plansApi.create, (saved) => navigate({ to: '/planes/$planId', params: { planId: saved.id } }));
  return (
    <>
      <PageHeader title={t('plans.new')} eyebrow={t('nav.plans')} />
      <AbilityGate isAllowed={(abilities) => abilities.manageAnyBody}>
        <FormFrame form={form} saveState={saveState} submitLabel={t('plans.create')} canCancel>
          <FormField label={t('plans.body')} hint={t('plans.bodyHint')} error={errors.bodyId?.message} isRequired>
            {(control) => <NullableSelect formControl={form.control} name="bodyId" fieldControl={control} options={bodyOptions} blankLabel={t('plans.chooseBody')} blankValue="" />}
          </FormField>
          <PlanFields />
          <StatusFields />
        </FormFrame>
      </AbilityGate>
    </>
  );
}

/** Corrects a plan's name, description and period (its statuses and body stay as created). */
export function PlanEditForm({ plan }: { plan: PlanDetailView }) {
  const { form, saveState } = useEditForm({
    schema: PlanUpdateSchema,
    record: plan,
    toValues: (source) => ({
      name: source.name,
      shortName: source.shortName ?? '',
      description: source.description ?? '',
      periodFrom: source.periodFrom ?? '',
      periodTo: source.periodTo ?? '',
    }),
    update: plansApi.update as (id: string, input: unknown) => Promise<PlanDetailView>,
  });
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('form.saveChanges')} savedText={t('form.saved')}>
      <PlanFields />
    </FormFrame>
  );
}
