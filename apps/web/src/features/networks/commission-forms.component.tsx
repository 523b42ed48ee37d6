import { zodResolver } from '@hookform/resolvers/zod';
import {
  CommissionUpdateSchema,
  FOCAL_ROLES,
  FocalTermCreateSchema,
  FocalTermUpdateSchema,
  type CommissionUpdateInput,
  type CommissionView,
  type FocalTermCreateInput,
  type FocalTermUpdateInput,
  type FocalTermView,
} from '@telar/domain';
import type { ReactElement } from 'react';
import { Controller } from 'react-hook-form';
import type { z } from 'zod';
import { useEditForm } from '../../api/edit-form.hook';
import { networksApi } from '../../api/network-resources';
import { useAddForm } from '../../api/save-form.hook';
import { CheckboxGroup } from '../../components/checkbox-group.component';
import { ChoiceOptions } from '../../components/choice-options.component';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { NullableSelect } from '../../components/nullable-select.component';
import { OrganizationPicker } from '../../components/organization-picker.component';
import { getTodayIso } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { CHANNELS, COMMUNICATION_FREQUENCIES, MEETING_FREQUENCIES, MODALITIES, withoutBlanks } from './commission-mechanisms';

const blankFocalTerm = (): FocalTermCreateInput => ({
  role: 'focal_point',
  personId: null,
  person: { name: '', position: '', organizationId: null, email: '', phone: '' },
  startOn: getTodayIso(),
});

/**
 * «Designar punto focal / suplente»: the seed form's person (name, position, institution, contacts) and
 * the day the term starts; the API closes the role's current term the day before.
 */
export function FocalTermForm({ bodyId }: { bodyId: string }): ReactElement {
  const { form, saveState } = useAddForm(zodResolver(FocalTermCreateSchema), blankFocalTerm(), (input) => networksApi.addFocalTerm(bodyId, input));
  const { register, formState } = form;
  const errors = formState.errors;
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('networks.focal.designate')} savedText={t('networks.focal.designatedSaved')}>
      <FormField label={t('networks.focal.role')} error={errors.role?.message} isRequired>
        {(control) => (
          <select {...control} {...register('role')}>
            <ChoiceOptions values={FOCAL_ROLES} getLabel={(role) => t(`networks.focalRole.${role}`)} />
          </select>
        )}
      </FormField>
      <FormField label={t('networks.focal.name')} error={errors.person?.name?.message ?? errors.personId?.message} isRequired>
        {(control) => <input {...control} {...register('person.name')} type="text" autoComplete="off" />}
      </FormField>
      <FormField label={t('networks.focal.position')} error={errors.person?.position?.message}>
        {(control) => <input {...control} {...register('person.position')} type="text" autoComplete="off" />}
      </FormField>
      <Controller
        control={form.control}
        name="person.organizationId"
        render={({ field, fieldState }) => (
          <OrganizationPicker
            legend={t('networks.focal.institution')}
            searchLabel={t('networks.focal.searchInstitution')}
            value={field.value ? [field.value] : []}
            onChange={(ids) => field.onChange(ids[0] ?? null)}
            error={fieldState.error?.message}
            isSingleChoice
          />
        )}
      />
      <FormFieldset legend={t('networks.focal.contactLegend')} hint={t('networks.focal.contactHint')}>
        <FormField label={t('networks.focal.email')} error={errors.person?.email?.message}>
          {(control) => <input {...control} {...register('person.email')} type="email" autoComplete="off" />}
        </FormField>
        <FormField label={t('networks.focal.phone')} error={errors.person?.phone?.message}>
          {(control) => <input {...control} {...register('person.phone')} type="tel" autoComplete="off" />}
        </FormField>
      </FormFieldset>
      <FormField label={t('networks.focal.startOn')} hint={t('networks.focal.startOnHint')} error={errors.startOn?.message} isRequired>
        {(control) => <input {...control} {...register('startOn')} type="date" />}
      </FormField>
    </FormFrame>
  );
}

/**
 * The commission's communication and work mechanisms, with the seed form's questions as labels. One
 * form for both, so the version it sends covers both and neither half overwrites the other.
 */
export function MechanismsForm({ commission }: { commission: CommissionView }): ReactElement {
  const { form, saveState } = useEditForm<CommissionUpdateInput, z.output<typeof CommissionUpdateSchema>, CommissionView & { id: string }>({
    schema: CommissionUpdateSchema,
    record: { ...commission, id: commission.bodyId },
    toValues: (source) => ({
      communication: {
        channels: source.communication?.channels ?? [],
        otherChannel: source.communication?.otherChannel ?? '',
        rules: source.communication?.rules ?? '',
        frequency: source.communication?.frequency ?? null,
      },
      work: {
        meetingFrequency: source.work?.meetingFrequency ?? null,
        modality: source.work?.modality ?? null,
        documentPlatform: source.work?.documentPlatform ?? '',
        agreementsKeeper: source.work?.agreementsKeeper ?? '',
        agreementsChannel: source.work?.agreementsChannel ?? '',
        venueRule: source.work?.venueRule ?? '',
        notes: source.work?.notes ?? '',
      },
    }),
    update: async (bodyId, { version, communication, work }) => {
      const saved = await networksApi.updateCommission(bodyId, {
        version,
        communication: communication && withoutBlanks(communication),
        work: work && withoutBlanks(work),
      });
      return { ...saved, id: saved.bodyId };
    },
  });
  const { register, formState } = form;
  const errors = formState.errors;
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('form.saveChanges')} savedText={t('form.saved')}>
      <FormFieldset legend={t('networks.communication.title')} hint={t('networks.communication.hint')}>
        <Controller
          control={form.control}
          name="communication.channels"
          render={({ field }) => (
            <FormFieldset legend={t('networks.communication.channels')} error={errors.communication?.channels?.message}>
              <CheckboxGroup options={CHANNELS.map((channel) => ({ value: channel, label: t(`networks.channel.${channel}`) }))} value={field.value ?? []} onChange={field.onChange} />
            </FormFieldset>
          )}
        />
        <FormField label={t('networks.communication.otherChannel')} error={errors.communication?.otherChannel?.message}>
          {(control) => <input {...control} {...register('communication.otherChannel')} type="text" />}
        </FormField>
        <FormField label={t('networks.communication.rules')} error={errors.communication?.rules?.message}>
          {(control) => <textarea {...control} {...register('communication.rules')} rows={3} />}
        </FormField>
        <FormField label={t('networks.communication.frequency')} error={errors.communication?.frequency?.message}>
          {(control) => (
            <NullableSelect
              formControl={form.control}
              name="communication.frequency"
              fieldControl={control}
              options={COMMUNICATION_FREQUENCIES.map((value) => ({ value, label: t(`networks.frequency.${value}`) }))}
              blankLabel={t('networks.notAgreed')}
              blankValue={null}
            />
          )}
        </FormField>
      </FormFieldset>
      <FormFieldset legend={t('networks.work.title')} hint={t('networks.work.hint')}>
        <FormField label={t('networks.work.meetingFrequency')} error={errors.work?.meetingFrequency?.message}>
          {(control) => (
            <NullableSelect
              formControl={form.control}
              name="work.meetingFrequency"
              fieldControl={control}
              options={MEETING_FREQUENCIES.map((value) => ({ value, label: t(`networks.frequency.${value}`) }))}
              blankLabel={t('networks.notAgreed')}
              blankValue={null}
            />
          )}
        </FormField>
        <FormField label={t('networks.work.documentPlatform')} error={errors.work?.documentPlatform?.message}>
          {(control) => <input {...control} {...register('work.documentPlatform')} type="text" />}
        </FormField>
        <FormField label={t('networks.work.modality')} error={errors.work?.modality?.message}>
          {(control) => (
            <NullableSelect
              formControl={form.control}
              name="work.modality"
              fieldControl={control}
              options={MODALITIES.map((value) => ({ value, label: t(`networks.modality.${value}`) }))}
              blankLabel={t('networks.notAgreed')}
              blankValue={null}
            />
          )}
        </FormField>
        <FormField label={t('networks.work.agreementsKeeper')} error={errors.work?.agreementsKeeper?.message}>
          {(control) => <input {...control} {...register('work.agreementsKeeper')} type="text" />}
        </FormField>
        <FormField label={t('networks.work.agreementsChannel')} error={errors.work?.agreementsChannel?.message}>
          {(control) => <input {...control} {...register('work.agreementsChannel')} type="text" />}
        </FormField>
        <FormField label={t('networks.work.venueRule')} error={errors.work?.venueRule?.message}>
          {(control) => <textarea {...control} {...register('work.venueRule')} rows={2} />}
        </FormField>
        <FormField label={t('networks.work.notes')} error={errors.work?.notes?.message}>
          {(control) => <textarea {...control} {...register('work.notes')} rows={3} />}
        </FormField>
      </FormFieldset>
    </FormFrame>
  );
}

/** Ends a term (a focal point who steps down before a successor is designated): the last day it covers. */
export function EndTermForm({ term }: { term: FocalTermView }): ReactElement {
  const { form, saveState } = useEditForm<FocalTermUpdateInput, z.output<typeof FocalTermUpdateSchema>, FocalTermView>({
    schema: FocalTermUpdateSchema,
    record: term,
    toValues: (source) => ({ endOn: source.endOn ?? getTodayIso() }),
    update: networksApi.updateFocalTerm,
  });
  const errors = form.formState.errors;
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('networks.focal.endTerm')} savedText={t('form.saved')}>
      <FormField label={t('networks.focal.endOn')} hint={t('networks.focal.endOnHint')} error={errors.endOn?.message} isRequired>
        {(control) => <input {...control} {...form.register('endOn')} type="date" />}
      </FormField>
    </FormFrame>
  );
}
