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
import { PlanAndDeclaredSizeFields } from './declared-size-fields.component';

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
        <PlanAndDeclaredSizeFields form={form} />
      </FormFrame>
    </>
  );
}
