import { zodResolver } from '@hookform/resolvers/zod';
import { useNavigate } from '@tanstack/react-router';
import { BODY_LEVELS, NetworkCreateSchema, type NetworkCreateInput } from '@telar/domain';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { networkCreationApi } from '../../api/network-resources';
import { useSaveForm } from '../../api/save-form.hook';
import { ChoiceOptions } from '../../components/choice-options.component';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { toNullableNumber } from '../../components/form-values.util';
import { NullableSelect } from '../../components/nullable-select.component';
import { PageHeader } from '../../components/page-header.component';
import { useStateOptions } from '../../components/states.hook';
import { t } from '../../i18n/translate';
import { usePlanOptions } from './plan-options.hook';

const blankNetwork = (): NetworkCreateInput => ({
  name: '',
  acronym: '',
  level: 'national',
  stateCode: null,
  planId: null,
  declaredMembers: null,
  declaredStates: null,
  declaredSource: '',
  declaredOn: '',
});

/** «Nueva red»: a body of kind network, its plan of commitments and the size it declares (with its source). */
export function NetworkCreatePage(): ReactElement {
  const navigate = useNavigate();
  const stateOptions = useStateOptions();
  const planOptions = usePlanOptions();
  const form = useForm<NetworkCreateInput, unknown, z.output<typeof NetworkCreateSchema>>({ resolver: zodResolver(NetworkCreateSchema), defaultValues: blankNetwork() });
  const saveState = useSaveForm(form, networkCreationApi.create, (network) => navigate({ to: '/redes/$networkId', params: { networkId: network.id } }));
  const { register, formState } = form;
  const errors = formState.errors;
  const asNumber = { setValueAs: toNullableNumber };
  return (
    <>
      <PageHeader title={t('networks.create.title')} trail={[{ label: t('networks.title'), to: '/redes' }]} />
      <FormFrame form={form} saveState={saveState} submitLabel={t('networks.create.submit')} canCancel>
        <FormField label={t('networks.create.name')} error={errors.name?.message} isRequired>
          {(control) => <input {...control} {...register('name')} type="text" maxLength={300} />}
        </FormField>
        <FormField label={t('networks.members.acronym')} error={errors.acronym?.message}>
          {(control) => <input {...control} {...register('acronym')} type="text" maxLength={40} />}
        </FormField>
        <FormField label={t('bodyLevel.label')} error={errors.level?.message} isRequired>
          {(control) => (
            <select {...control} {...register('level')}>
              <ChoiceOptions values={BODY_LEVELS} getLabel={(level) => t(`bodyLevel.${level}`)} />
            </select>
          )}
        </FormField>
        <FormField label={t('networks.members.state')} hint={t('networks.create.stateHint')} error={errors.stateCode?.message}>
          {(control) => <NullableSelect formControl={form.control} name="stateCode" fieldControl={control} options={stateOptions} blankLabel={t('form.noneOption.feminine')} blankValue={null} />}
        </FormField>
        <FormField label={t('networks.settings.plan')} hint={t('networks.settings.planHint')} error={errors.planId?.message}>
          {(control) => <NullableSelect formControl={form.control} name="planId" fieldControl={control} options={planOptions} blankLabel={t('form.noneOption.masculine')} blankValue={null} />}
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
      </FormFrame>
    </>
  );
}
