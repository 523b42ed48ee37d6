import { AGREEMENT_STATUSES, type AgreementCreateInput, type OrganizationRef } from '@telar/domain';
import { Controller, useFormContext } from 'react-hook-form';
import { ChoiceOptions } from '../../components/choice-options.component';
import { FormField } from '../../components/form-field.component';
import { OrganizationPicker } from '../../components/organization-picker.component';
import { StateCheckboxes } from '../../components/state-fields.component';
import { t } from '../../i18n/translate';

/** The fields an agreement's create and edit forms share. */
export type AgreementFieldValues = Pick<AgreementCreateInput, 'text' | 'code' | 'responsibleOrganizationIds' | 'stateCodes' | 'dueDate' | 'status'>;

/** Text, code, responsibles, states, due date and status of an agreement, inside a FormFrame. */
export function AgreementFields({ knownResponsibles }: { knownResponsibles?: readonly OrganizationRef[] }) {
  const { register, control, formState } = useFormContext<AgreementFieldValues>();
  const { errors } = formState;
  return (
    <>
      <FormField label={t('agreements.text')} error={errors.text?.message} isRequired>
        {(fieldControl) => <textarea {...fieldControl} {...register('text')} rows={5} />}
      </FormField>
      <FormField label={t('agreements.code')} hint={t('agreements.codeHint')} error={errors.code?.message}>
        {(fieldControl) => <input {...fieldControl} {...register('code')} type="text" autoCapitalize="characters" />}
      </FormField>
      <Controller
        control={control}
        name="responsibleOrganizationIds"
        render={({ field, fieldState }) => (
          <OrganizationPicker
            legend={t('agreements.responsibles')}
            searchLabel={t('picker.searchResponsibles')}
            value={field.value ?? []}
            onChange={field.onChange}
            error={fieldState.error?.message}
            knownOrganizations={knownResponsibles}
          />
        )}
      />
      <Controller
        control={control}
        name="stateCodes"
        render={({ field, fieldState }) => (
          <StateCheckboxes legend={t('agreements.states')} value={field.value ?? []} onChange={field.onChange} error={fieldState.error?.message} />
        )}
      />
      <FormField label={t('agreements.dueDate')} error={errors.dueDate?.message}>
        {(fieldControl) => <input {...fieldControl} {...register('dueDate')} type="date" />}
      </FormField>
      <FormField label={t('agreementStatus.label')} error={errors.status?.message}>
        {(fieldControl) => (
          <select {...fieldControl} {...register('status')}>
            <ChoiceOptions values={AGREEMENT_STATUSES} getLabel={(status) => t(`agreementStatus.${status}`)} />
          </select>
        )}
      </FormField>
    </>
  );
}
