import { zodResolver } from '@hookform/resolvers/zod';
import { FollowUpCreateSchema, type FollowUpCreateInput } from '@telar/domain';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { followUpsApi } from '../../api/resources';
import { useSaveForm } from '../../api/save-form.hook';
import { FormAlert } from '../../components/form-alert.component';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { dropBlankGroups } from '../../components/form-values.util';
import { StateCheckboxes } from '../../components/state-fields.component';
import { SubmitButton } from '../../components/submit-button.component';
import { getTodayIso } from '../../i18n/format';
import { t } from '../../i18n/translate';

const resolveFollowUp = zodResolver(FollowUpCreateSchema);
// The evidence link is optional: blank title and address mean "none".
const resolveFollowUpForm: typeof resolveFollowUp = (values, context, options) => resolveFollowUp(dropBlankGroups(values, ['evidence']), context, options);

function buildDefaults(agreementId: string): FollowUpCreateInput {
  return { agreementId, participationId: null, date: getTodayIso(), text: '', stateCodes: [], evidence: { title: '', url: '' } };
}

/** Records a follow-up activity on an agreement. */
export function FollowUpForm({ agreementId }: { agreementId: string }) {
  const [isSaved, setIsSaved] = useState(false);
  const form = useForm({ resolver: resolveFollowUpForm, defaultValues: buildDefaults(agreementId) });
  const { register, formState } = form;
  const { errors } = formState;
  const submitForm = useSaveForm(form, followUpsApi.create, () => {
    form.reset(buildDefaults(agreementId));
    setIsSaved(true);
  });

  return (
    <form className="form" onSubmit={(event) => { setIsSaved(false); void submitForm(event); }} noValidate>
      {errors.root?.server && <FormAlert tone="error">{errors.root.server.message}</FormAlert>}
      {isSaved && <FormAlert tone="success">{t('followUps.created')}</FormAlert>}
      <FormField label={t('followUps.date')} error={errors.date?.message} isRequired>
        {(control) => <input {...control} {...register('date')} type="date" />}
      </FormField>
      <FormField label={t('followUps.text')} error={errors.text?.message} isRequired>
        {(control) => <textarea {...control} {...register('text')} rows={4} />}
      </FormField>
      <Controller
        control={form.control}
        name="stateCodes"
        render={({ field, fieldState }) => (
          <StateCheckboxes legend={t('followUps.states')} value={field.value ?? []} onChange={field.onChange} error={fieldState.error?.message} />
        )}
      />
      <FormFieldset legend={t('followUps.evidenceLegend')}>
        <FormField label={t('followUps.evidenceTitle')} error={errors.evidence?.title?.message}>
          {(control) => <input {...control} {...register('evidence.title')} type="text" />}
        </FormField>
        <FormField label={t('followUps.evidenceUrl')} error={errors.evidence?.url?.message}>
          {(control) => <input {...control} {...register('evidence.url')} type="url" inputMode="url" placeholder="https://" />}
        </FormField>
      </FormFieldset>
      <div className="form__actions">
        <SubmitButton label={t('followUps.save')} isPending={formState.isSubmitting} />
      </div>
    </form>
  );
}
