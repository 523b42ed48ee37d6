import { zodResolver } from '@hookform/resolvers/zod';
import { AGREEMENT_STATUSES, AgreementCreateSchema, type AgreementCreateInput } from '@telar/domain';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { agreementsApi } from '../../api/resources';
import { useSaveForm } from '../../api/save-form.hook';
import { FormAlert } from '../../components/form-alert.component';
import { FormField } from '../../components/form-field.component';
import { NullableSelect, type SelectOption } from '../../components/nullable-select.component';
import { OrganizationPicker } from '../../components/organization-picker.component';
import { StateCheckboxes } from '../../components/state-fields.component';
import { SubmitButton } from '../../components/submit-button.component';
import { t } from '../../i18n/translate';

const buildDefaults = (sessionId: string): AgreementCreateInput => ({
  sessionId,
  participationId: null,
  code: '',
  text: '',
  responsibleOrganizationIds: [],
  stateCodes: [],
  dueDate: '',
  status: 'pending',
});

interface AgreementFormProps {
  sessionId: string;
  /** The session's participations, so an agreement can say which presentation it came from. */
  participationOptions: readonly SelectOption[];
}

/** Records an agreement adopted in a session. */
export function AgreementForm({ sessionId, participationOptions }: AgreementFormProps) {
  const [isSaved, setIsSaved] = useState(false);
  const form = useForm({ resolver: zodResolver(AgreementCreateSchema), defaultValues: buildDefaults(sessionId) });
  const { register, formState } = form;
  const { errors } = formState;
  const submitForm = useSaveForm(form, agreementsApi.create, () => {
    form.reset(buildDefaults(sessionId));
    setIsSaved(true);
  });

  return (
    <form className="form" onSubmit={(event) => { setIsSaved(false); void submitForm(event); }} noValidate>
      {errors.root?.server && <FormAlert tone="error">{errors.root.server.message}</FormAlert>}
      {isSaved && <FormAlert tone="success">{t('agreements.created')}</FormAlert>}
      <FormField label={t('agreements.text')} error={errors.text?.message} isRequired>
        {(control) => <textarea {...control} {...register('text')} rows={5} />}
      </FormField>
      <FormField label={t('agreements.code')} hint={t('agreements.codeHint')} error={errors.code?.message}>
        {(control) => <input {...control} {...register('code')} type="text" autoCapitalize="characters" />}
      </FormField>
      {participationOptions.length > 0 && (
        <FormField label={t('agreements.participation')} error={errors.participationId?.message}>
          {(control) => (
            <NullableSelect formControl={form.control} name="participationId" fieldControl={control} options={participationOptions} blankLabel={t('form.noneOption')} blankValue={null} />
          )}
        </FormField>
      )}
      <Controller
        control={form.control}
        name="responsibleOrganizationIds"
        render={({ field, fieldState }) => (
          <OrganizationPicker
            legend={t('agreements.responsibles')}
            searchLabel={t('picker.searchResponsibles')}
            value={field.value ?? []}
            onChange={field.onChange}
            error={fieldState.error?.message}
          />
        )}
      />
      <Controller
        control={form.control}
        name="stateCodes"
        render={({ field, fieldState }) => (
          <StateCheckboxes legend={t('agreements.states')} value={field.value ?? []} onChange={field.onChange} error={fieldState.error?.message} />
        )}
      />
      <FormField label={t('agreements.dueDate')} error={errors.dueDate?.message}>
        {(control) => <input {...control} {...register('dueDate')} type="date" />}
      </FormField>
      <FormField label={t('agreementStatus.label')} error={errors.status?.message}>
        {(control) => (
          <select {...control} {...register('status')}>
            {AGREEMENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`agreementStatus.${status}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="form__actions">
        <SubmitButton label={t('agreements.save')} isPending={formState.isSubmitting} />
      </div>
    </form>
  );
}
