import type { ExerciseCreateInput } from '@telar/domain';
import type { ReactElement } from 'react';
import { useFormContext } from 'react-hook-form';
import { FormField } from '../../components/form-field.component';
import { t } from '../../i18n/translate';

type ExerciseDataValues = Pick<ExerciseCreateInput, 'title' | 'recipient' | 'reference' | 'receivedOn' | 'internalDueOn' | 'externalDueOn'>;

/** Title, recipient, reference and the three dates: what creating and editing an exercise share. */
export function ExerciseDataFields(): ReactElement {
  const { register, formState } = useFormContext<ExerciseDataValues>();
  const { errors } = formState;
  return (
    <>
      <FormField label={t('questionnaires.exercise.title')} hint={t('questionnaires.exercise.titleHint')} error={errors.title?.message} isRequired>
        {(control) => <input {...control} {...register('title')} type="text" />}
      </FormField>
      <div className="questionnaire-form-row">
        <FormField label={t('questionnaires.exercise.recipient')} hint={t('questionnaires.exercise.recipientHint')} error={errors.recipient?.message}>
          {(control) => <input {...control} {...register('recipient')} type="text" />}
        </FormField>
        <FormField label={t('questionnaires.exercise.reference')} hint={t('questionnaires.exercise.referenceHint')} error={errors.reference?.message}>
          {(control) => <input {...control} {...register('reference')} type="text" />}
        </FormField>
      </div>
      <div className="questionnaire-form-row">
        <FormField label={t('questionnaires.exercise.receivedOn')} error={errors.receivedOn?.message}>
          {(control) => <input {...control} {...register('receivedOn')} type="date" />}
        </FormField>
        <FormField label={t('questionnaires.exercise.internalDueOn')} error={errors.internalDueOn?.message}>
          {(control) => <input {...control} {...register('internalDueOn')} type="date" />}
        </FormField>
        <FormField label={t('questionnaires.exercise.externalDueOn')} error={errors.externalDueOn?.message}>
          {(control) => <input {...control} {...register('externalDueOn')} type="date" />}
        </FormField>
      </div>
    </>
  );
}
