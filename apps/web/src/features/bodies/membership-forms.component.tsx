import { zodResolver } from '@hookform/resolvers/zod';
import { FOCAL_POINT_KINDS, FocalPointCreateSchema, MEMBERSHIP_ROLES, MembershipCreateSchema, type FocalPointCreateInput, type MembershipCreateInput } from '@telar/domain';
import { Controller } from 'react-hook-form';
import { membershipsApi } from '../../api/resources';
import { useAddForm } from '../../api/save-form.hook';
import { ChoiceOptions } from '../../components/choice-options.component';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { OrganizationPicker } from '../../components/organization-picker.component';
import { t } from '../../i18n/translate';

const buildMembershipDefaults = (bodyId: string): MembershipCreateInput => ({ bodyId, organizationId: '', role: 'member', startDate: '', endDate: '' });

/** Adds an organisation to a body with its role and dates. */
export function MembershipForm({ bodyId }: { bodyId: string }) {
  const { form, saveState } = useAddForm(zodResolver(MembershipCreateSchema), buildMembershipDefaults(bodyId), membershipsApi.create);
  const { register, formState } = form;
  const { errors } = formState;
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('memberships.save')} savedText={t('memberships.created')}>
      <Controller
        control={form.control}
        name="organizationId"
        render={({ field, fieldState }) => (
          <OrganizationPicker
            legend={t('memberships.organization')}
            searchLabel={t('memberships.searchOrganization')}
            value={field.value ? [field.value] : []}
            onChange={(ids) => field.onChange(ids[0] ?? '')}
            error={fieldState.error?.message}
            isRequired
            isSingleChoice
          />
        )}
      />
      <FormField label={t('membershipRole.label')} error={errors.role?.message} isRequired>
        {(control) => (
          <select {...control} {...register('role')}>
            <ChoiceOptions values={MEMBERSHIP_ROLES} getLabel={(role) => t(`membershipRole.${role}`)} />
          </select>
        )}
      </FormField>
      <FormField label={t('memberships.startDate')} error={errors.startDate?.message}>
        {(control) => <input {...control} {...register('startDate')} type="date" />}
      </FormField>
      <FormField label={t('memberships.endDate')} error={errors.endDate?.message}>
        {(control) => <input {...control} {...register('endDate')} type="date" />}
      </FormField>
    </FormFrame>
  );
}

const buildFocalPointDefaults = (membershipId: string): FocalPointCreateInput => ({
  membershipId,
  kind: 'titular',
  person: { name: '', position: '', email: '', phone: '' },
  startDate: '',
  endDate: '',
});

/** Names the titular or alternate focal point (enlace) of a membership. */
export function FocalPointForm({ membershipId }: { membershipId: string }) {
  const { form, saveState } = useAddForm(zodResolver(FocalPointCreateSchema), buildFocalPointDefaults(membershipId), membershipsApi.addFocalPoint);
  const { register, formState } = form;
  const { errors } = formState;
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('focalPoints.save')} savedText={t('focalPoints.created')}>
      <FormField label={t('focalPointKind.label')} error={errors.kind?.message} isRequired>
        {(control) => (
          <select {...control} {...register('kind')}>
            <ChoiceOptions values={FOCAL_POINT_KINDS} getLabel={(kind) => t(`focalPointKind.${kind}`)} />
          </select>
        )}
      </FormField>
      <FormField label={t('focalPoints.name')} error={errors.person?.name?.message} isRequired>
        {(control) => <input {...control} {...register('person.name')} type="text" autoComplete="off" />}
      </FormField>
      <FormField label={t('focalPoints.position')} error={errors.person?.position?.message}>
        {(control) => <input {...control} {...register('person.position')} type="text" autoComplete="off" />}
      </FormField>
      <FormFieldset legend={t('focalPoints.contactLegend')} hint={t('focalPoints.contactNote')}>
        <FormField label={t('focalPoints.email')} error={errors.person?.email?.message}>
          {(control) => <input {...control} {...register('person.email')} type="email" autoComplete="off" />}
        </FormField>
        <FormField label={t('focalPoints.phone')} error={errors.person?.phone?.message}>
          {(control) => <input {...control} {...register('person.phone')} type="tel" autoComplete="off" />}
        </FormField>
      </FormFieldset>
      <FormField label={t('focalPoints.startDate')} error={errors.startDate?.message} isRequired>
        {(control) => <input {...control} {...register('startDate')} type="date" />}
      </FormField>
      <FormField label={t('focalPoints.endDate')} error={errors.endDate?.message}>
        {(control) => <input {...control} {...register('endDate')} type="date" />}
      </FormField>
    </FormFrame>
  );
}
