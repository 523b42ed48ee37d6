import type { NetworkCreateInput } from '@telar/domain';
import type { ReactElement } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { toNullableNumber } from '../../components/form-values.util';
import { NullableSelect } from '../../components/nullable-select.component';
import { t } from '../../i18n/translate';
import { usePlanOptions } from './plan-options.hook';

type DeclaredSizeValues = Pick<NetworkCreateInput, 'planId' | 'declaredMembers' | 'declaredStates' | 'declaredSource' | 'declaredOn'>;

/** The network's plan and the size it declares with its source: the same fields when creating a network and in its settings. */
export function PlanAndDeclaredSizeFields<TValues extends DeclaredSizeValues, TOutput>({ form }: { form: UseFormReturn<TValues, unknown, TOutput> }): ReactElement {
  // Both forms hold these fields under these names; react-hook-form cannot type a path through a generic.
  const sized = form as unknown as UseFormReturn<DeclaredSizeValues>;
  const { register, formState } = sized;
  const errors = formState.errors;
  const asNumber = { setValueAs: toNullableNumber };
  const planOptions = usePlanOptions();
  return (
    <>
      <FormField label={t('networks.settings.plan')} hint={t('networks.settings.planHint')} error={errors.planId?.message}>
        {(control) => <NullableSelect formControl={sized.control} name="planId" fieldControl={control} options={planOptions} blankLabel={t('form.noneOption.masculine')} blankValue={null} />}
      </FormField>
      <FormFieldset legend={t('networks.settings.declaredLegend')} hint={t('networks.settings.declaredHint')}>
        <FormField label={t('networks.settings.declaredMembers')} error={errors.declaredMembers?.message}>
          {(control) => <input {...control} {...register('declaredMembers', asNumber)} type="number" min={0} step={1} inputMode="numeric" />}
        </FormField>
        <FormField label={t('networks.settings.declaredStates')} error={errors.declaredStates?.message}>
          {(control) => <input {...control} {...register('declaredStates', asNumber)} type="number" min={0} max={32} step={1} inputMode="numeric" />}
        </FormField>
        <FormField label={t('networks.size.source')} hint={t('networks.settings.sourceHint')} error={errors.declaredSource?.message}>
          {(control) => <input {...control} {...register('declaredSource')} type="text" maxLength={1000} />}
        </FormField>
        <FormField label={t('networks.settings.declaredOn')} error={errors.declaredOn?.message}>
          {(control) => <input {...control} {...register('declaredOn')} type="date" />}
        </FormField>
      </FormFieldset>
    </>
  );
}
