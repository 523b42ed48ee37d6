import { NetworkUpdateSchema, POINT_SOURCES, type NetworkUpdateInput, type NetworkView } from '@telar/domain';
import type { ReactElement } from 'react';
import type { z } from 'zod';
import { useEditForm } from '../../api/edit-form.hook';
import { networksApi } from '../../api/network-resources';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { toNullableNumber } from '../../components/form-values.util';
import { NullableSelect } from '../../components/nullable-select.component';
import { t } from '../../i18n/translate';
import { PlanAndDeclaredSizeFields } from './declared-size-fields.component';

/**
 * A manager's settings: the declared size and its source, how long a member is new and in grace,
 * whether the member list and the ranking are published on the portal, and the points' weights.
 */
export function NetworkSettingsForm({ network }: { network: NetworkView }): ReactElement {
  const { form, saveState } = useEditForm<NetworkUpdateInput, z.output<typeof NetworkUpdateSchema>, NetworkView>({
    schema: NetworkUpdateSchema,
    record: network,
    toValues: (source) => ({
      planId: source.planId,
      declaredMembers: source.declaredMembers,
      declaredStates: source.declaredStates,
      declaredSource: source.declaredSource ?? '',
      declaredOn: source.declaredOn ?? '',
      newDays: source.newDays,
      graceDays: source.graceDays,
      membersPublic: source.membersPublic,
      rankingPublic: source.rankingPublic,
      pointWeights: source.pointWeights,
    }),
    update: networksApi.update,
  });
  const { register, formState } = form;
  const errors = formState.errors;
  const asNumber = { setValueAs: toNullableNumber };
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('form.saveChanges')} savedText={t('form.saved')}>
      <PlanAndDeclaredSizeFields form={form} />
      <FormFieldset legend={t('networks.settings.statusLegend')}>
        <FormField label={t('networks.settings.newDays')} hint={t('networks.settings.newDaysHint')} error={errors.newDays?.message} isRequired>
          {(control) => <input {...control} {...register('newDays', asNumber)} type="number" min={0} max={3650} step={1} inputMode="numeric" />}
        </FormField>
        <FormField label={t('networks.settings.graceDays')} hint={t('networks.settings.graceDaysHint')} error={errors.graceDays?.message} isRequired>
          {(control) => <input {...control} {...register('graceDays', asNumber)} type="number" min={0} max={3650} step={1} inputMode="numeric" />}
        </FormField>
      </FormFieldset>
      <FormFieldset legend={t('networks.settings.portalLegend')} hint={t('networks.settings.portalHint')}>
        <label className="checkbox">
          <input type="checkbox" {...register('membersPublic')} /> {t('networks.settings.membersPublic')}
        </label>
        <label className="checkbox">
          <input type="checkbox" {...register('rankingPublic')} /> {t('networks.settings.rankingPublic')}
        </label>
      </FormFieldset>
      <FormFieldset legend={t('networks.settings.weightsLegend')} hint={t('networks.settings.weightsHint')}>
        {POINT_SOURCES.map((source) => (
          <FormField key={source} label={t(`networks.pointSource.${source}`)} error={errors.pointWeights?.[source]?.message} isRequired>
            {(control) => <input {...control} {...register(`pointWeights.${source}`, asNumber)} type="number" min={0} max={100} step="any" inputMode="decimal" />}
          </FormField>
        ))}
      </FormFieldset>
    </FormFrame>
  );
}
