import { zodResolver } from '@hookform/resolvers/zod';
import { ParticipationCreateSchema, type ParticipationCreateInput } from '@telar/domain';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { participationsApi } from '../../api/resources';
import { useSaveForm } from '../../api/save-form.hook';
import { FormAlert } from '../../components/form-alert.component';
import { FormField } from '../../components/form-field.component';
import { OrganizationPicker } from '../../components/organization-picker.component';
import { SubmitButton } from '../../components/submit-button.component';
import { t } from '../../i18n/translate';

const buildDefaults = (sessionId: string): ParticipationCreateInput => ({ sessionId, organizationIds: [], description: '' });

/** Adds a participation (one or more organisations and what they presented) to a session. */
export function ParticipationForm({ sessionId }: { sessionId: string }) {
  const [isSaved, setIsSaved] = useState(false);
  const form = useForm({ resolver: zodResolver(ParticipationCreateSchema), defaultValues: buildDefaults(sessionId) });
  const { register, formState } = form;
  const { errors } = formState;
  const submitForm = useSaveForm(form, participationsApi.create, () => {
    form.reset(buildDefaults(sessionId));
    setIsSaved(true);
  });

  return (
    <form className="form" onSubmit={(event) => { setIsSaved(false); void submitForm(event); }} noValidate>
      {errors.root?.server && <FormAlert tone="error">{errors.root.server.message}</FormAlert>}
      {isSaved && <FormAlert tone="success">{t('participations.created')}</FormAlert>}
      <Controller
        control={form.control}
        name="organizationIds"
        render={({ field, fieldState }) => (
          <OrganizationPicker
            legend={t('participations.organizations')}
            searchLabel={t('picker.searchParticipants')}
            value={field.value}
            onChange={field.onChange}
            error={fieldState.error?.message}
            isRequired
          />
        )}
      />
      <FormField label={t('participations.description')} error={errors.description?.message} isRequired>
        {(control) => <textarea {...control} {...register('description')} rows={4} />}
      </FormField>
      <div className="form__actions">
        <SubmitButton label={t('participations.save')} isPending={formState.isSubmitting} />
      </div>
    </form>
  );
}
