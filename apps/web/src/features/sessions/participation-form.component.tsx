import { zodResolver } from '@hookform/resolvers/zod';
import { ParticipationCreateSchema, ParticipationUpdateSchema, type ParticipationCreateInput, type ParticipationView } from '@telar/domain';
import { Controller, useFormContext } from 'react-hook-form';
import { useEditForm } from '../../api/edit-form.hook';
import { participationsApi } from '../../api/resources';
import { useAddForm } from '../../api/save-form.hook';
import { FormField } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { OrganizationPicker } from '../../components/organization-picker.component';
import { t } from '../../i18n/translate';

type ParticipationFieldValues = Pick<ParticipationCreateInput, 'organizationIds' | 'description'>;

/** Who took part and what they presented: the fields of both participation forms. */
function ParticipationFields({ participation }: { participation?: ParticipationView }) {
  const { register, control, formState } = useFormContext<ParticipationFieldValues>();
  return (
    <>
      <Controller
        control={control}
        name="organizationIds"
        render={({ field, fieldState }) => (
          <OrganizationPicker
            legend={t('participations.organizations')}
            searchLabel={t('picker.searchParticipants')}
            value={field.value}
            onChange={field.onChange}
            error={fieldState.error?.message}
            isRequired
            knownOrganizations={participation?.organizations}
          />
        )}
      />
      <FormField label={t('participations.description')} error={formState.errors.description?.message} isRequired>
        {(fieldControl) => <textarea {...fieldControl} {...register('description')} rows={4} />}
      </FormField>
    </>
  );
}

const buildDefaults = (sessionId: string): ParticipationCreateInput => ({ sessionId, organizationIds: [], description: '' });

/** Adds a participation (one or more organisations and what they presented) to a session. */
export function ParticipationForm({ sessionId }: { sessionId: string }) {
  const { form, saveState } = useAddForm(zodResolver(ParticipationCreateSchema), buildDefaults(sessionId), participationsApi.create);
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('participations.save')} savedText={t('participations.created')}>
      <ParticipationFields />
    </FormFrame>
  );
}

function toParticipationValues(participation: ParticipationView) {
  return { organizationIds: participation.organizations.map((organization) => organization.id), description: participation.description };
}

/** Corrects a recorded participation: its organisations and description. */
export function ParticipationEditForm({ participation }: { participation: ParticipationView }) {
  const { form, saveState } = useEditForm({
    schema: ParticipationUpdateSchema,
    record: participation,
    toValues: toParticipationValues,
    update: participationsApi.update,
  });
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('form.saveChanges')} savedText={t('form.saved')}>
      <ParticipationFields participation={participation} />
    </FormFrame>
  );
}
