import {
  NetworkMemberUpdateSchema,
  SECTORS,
  type NetworkMemberCreateInput,
  type NetworkMemberUpdateInput,
  type NetworkMemberView,
} from '@telar/domain';
import type { ReactElement } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import type { z } from 'zod';
import { useEditForm } from '../../api/edit-form.hook';
import { networksApi } from '../../api/network-resources';
import { useAddForm } from '../../api/save-form.hook';
import { ChoiceOptions } from '../../components/choice-options.component';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { NullableSelect } from '../../components/nullable-select.component';
import { OrganizationPicker } from '../../components/organization-picker.component';
import { useStateOptions } from '../../components/states.hook';
import { t } from '../../i18n/translate';
import { blankMember, resolveMemberForm } from './member-form-values';

type MemberFields = Pick<NetworkMemberCreateInput, 'stateCode' | 'sector' | 'joinedOn' | 'leftOn' | 'contactName' | 'contactEmail' | 'contactPhone' | 'source'>;

/** The fields a member has in both forms: state, sector, dates, the private contact and where the membership was learnt of. */
function MemberFieldset(): ReactElement {
  const form = useFormContext<MemberFields>();
  const { register, formState } = form;
  const errors = formState.errors;
  const stateOptions = useStateOptions();
  return (
    <>
      <FormField label={t('networks.members.state')} hint={t('networks.members.stateHint')} error={errors.stateCode?.message}>
        {(control) => (
          <NullableSelect formControl={form.control} name="stateCode" fieldControl={control} options={stateOptions} blankLabel={t('networks.members.national')} blankValue={null} />
        )}
      </FormField>
      <FormField label={t('sector.label')} error={errors.sector?.message} isRequired>
        {(control) => (
          <select {...control} {...register('sector')}>
            <ChoiceOptions values={SECTORS} getLabel={(sector) => t(`sector.${sector}`)} />
          </select>
        )}
      </FormField>
      <FormField label={t('networks.members.joinedOn')} hint={t('networks.members.joinedOnHint')} error={errors.joinedOn?.message}>
        {(control) => <input {...control} {...register('joinedOn')} type="date" />}
      </FormField>
      <FormField label={t('networks.members.leftOn')} error={errors.leftOn?.message}>
        {(control) => <input {...control} {...register('leftOn')} type="date" />}
      </FormField>
      <FormFieldset legend={t('networks.members.contactLegend')} hint={t('networks.members.contactHint')}>
        <FormField label={t('networks.members.contactName')} error={errors.contactName?.message}>
          {(control) => <input {...control} {...register('contactName')} type="text" autoComplete="off" />}
        </FormField>
        <FormField label={t('networks.members.contactEmail')} error={errors.contactEmail?.message}>
          {(control) => <input {...control} {...register('contactEmail')} type="email" autoComplete="off" />}
        </FormField>
        <FormField label={t('networks.members.contactPhone')} error={errors.contactPhone?.message}>
          {(control) => <input {...control} {...register('contactPhone')} type="tel" autoComplete="off" />}
        </FormField>
      </FormFieldset>
      <FormField label={t('networks.members.source')} hint={t('networks.members.sourceHint')} error={errors.source?.message}>
        {(control) => <input {...control} {...register('source')} type="text" />}
      </FormField>
    </>
  );
}

/** Adds an organisation to the network: chosen from the directory, or written (matched by name or acronym, else created). */
export function MemberCreateForm({ networkId }: { networkId: string }): ReactElement {
  const { form, saveState } = useAddForm(resolveMemberForm, blankMember(), (input) => networksApi.addMember(networkId, input));
  const { register, formState } = form;
  const errors = formState.errors;
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('networks.members.add')} savedText={t('networks.members.added')}>
      <Controller
        control={form.control}
        name="organizationId"
        render={({ field, fieldState }) => (
          <OrganizationPicker
            legend={t('networks.members.organization')}
            searchLabel={t('networks.members.searchOrganization')}
            value={field.value ? [field.value] : []}
            onChange={(ids) => field.onChange(ids[0] ?? null)}
            error={fieldState.error?.message}
            isSingleChoice
          />
        )}
      />
      <FormFieldset legend={t('networks.members.newOrganization')} hint={t('networks.members.newOrganizationHint')}>
        <FormField label={t('networks.members.organizationName')} error={errors.organization?.name?.message}>
          {(control) => <input {...control} {...register('organization.name')} type="text" autoComplete="off" />}
        </FormField>
        <FormField label={t('networks.members.acronym')} error={errors.organization?.acronym?.message}>
          {(control) => <input {...control} {...register('organization.acronym')} type="text" autoComplete="off" />}
        </FormField>
      </FormFieldset>
      <MemberFieldset />
    </FormFrame>
  );
}

/** A member's state, sector, dates and contact, edited from the version shown. */
export function MemberEditForm({ networkId, member }: { networkId: string; member: NetworkMemberView }): ReactElement {
  const { form, saveState } = useEditForm<NetworkMemberUpdateInput, z.output<typeof NetworkMemberUpdateSchema>, NetworkMemberView>({
    schema: NetworkMemberUpdateSchema,
    record: member,
    toValues: (source) => ({
      stateCode: source.stateCode,
      sector: source.sector,
      joinedOn: source.joinedOn ?? '',
      leftOn: source.leftOn ?? '',
      contactName: source.contact?.name ?? '',
      contactEmail: source.contact?.email ?? '',
      contactPhone: source.contact?.phone ?? '',
      source: source.source ?? '',
    }),
    update: (id, input) => networksApi.updateMember(networkId, id, input),
  });
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('form.saveChanges')} savedText={t('form.saved')}>
      <MemberFieldset />
    </FormFrame>
  );
}
