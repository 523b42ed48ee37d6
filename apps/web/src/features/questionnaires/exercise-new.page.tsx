import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { ExerciseCreateSchema, type ExerciseCreateInput } from '@telar/domain';
import { useMemo, type ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { plansApi } from '../../api/plan-resources';
import { questionnaireExercisesApi, questionnaireTemplatesApi } from '../../api/questionnaire-resources';
import { useSaveForm } from '../../api/save-form.hook';
import { AbilityGate } from '../../auth/ability-gate.component';
import { FormField } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { NullableSelect } from '../../components/nullable-select.component';
import { PageHeader } from '../../components/page-header.component';
import { t } from '../../i18n/translate';
import { useBodyOptions } from '../bodies/body-options.hook';
import { ExerciseDataFields } from './exercise-fields.component';
import '../../styles/questionnaires.css';

/** Enough for every plan and every earlier exercise of a template; the API serves at most 500 a page. */
const PICKER_PAGE_SIZE = 500;

export function ExerciseNewPage(): ReactElement {
  const navigate = useNavigate();
  const bodyOptions = useBodyOptions({ isManagedOnly: true });
  const templates = useQuery(questionnaireTemplatesApi.list());
  const plans = useQuery(plansApi.list({ pageSize: PICKER_PAGE_SIZE }));
  const exercises = useQuery(questionnaireExercisesApi.list({ pageSize: PICKER_PAGE_SIZE }));
  const defaultValues: ExerciseCreateInput = {
    templateId: '',
    title: '',
    recipient: '',
    reference: '',
    receivedOn: '',
    internalDueOn: '',
    externalDueOn: '',
    periodFrom: '',
    periodTo: '',
    bodyId: '',
    planId: '',
    previousExerciseId: '',
  };
  const form = useForm({ resolver: zodResolver(ExerciseCreateSchema), defaultValues });
  const { errors } = form.formState;
  const saveState = useSaveForm(form, questionnaireExercisesApi.create, (saved) => navigate({ to: '/cuestionarios/$exerciseId', params: { exerciseId: saved.id } }));
  const templateId = form.watch('templateId');
  const templateOptions = useMemo(() => (templates.data ?? []).map((template) => ({ value: template.id, label: template.name })), [templates.data]);
  const planOptions = useMemo(() => (plans.data?.items ?? []).map((plan) => ({ value: plan.id, label: plan.shortName ?? plan.name })), [plans.data]);
  // Only an exercise of the same template can be started from: its questions are the same ones.
  const previousOptions = useMemo(
    () => (exercises.data?.items ?? []).filter((exercise) => exercise.template.id === templateId).map((exercise) => ({ value: exercise.id, label: exercise.title })),
    [exercises.data, templateId],
  );
  return (
    <>
      <PageHeader title={t('questionnaires.exercise.new')} trail={[{ label: t('nav.questionnaires'), to: '/cuestionarios' }]} />
      <AbilityGate isAllowed={(abilities) => abilities.manageAnyBody}>
        <FormFrame form={form} saveState={saveState} submitLabel={t('questionnaires.exercise.create')} canCancel>
          <FormField label={t('questionnaires.exercise.template')} error={errors.templateId?.message} isRequired>
            {(control) => <NullableSelect formControl={form.control} name="templateId" fieldControl={control} options={templateOptions} blankLabel={t('questionnaires.exercise.chooseTemplate')} blankValue="" />}
          </FormField>
          <ExerciseDataFields />
          <div className="questionnaire-form-row">
            <FormField label={t('questionnaires.exercise.periodFrom')} error={errors.periodFrom?.message}>
              {(control) => <input {...control} {...form.register('periodFrom')} type="date" />}
            </FormField>
            <FormField label={t('questionnaires.exercise.periodTo')} error={errors.periodTo?.message}>
              {(control) => <input {...control} {...form.register('periodTo')} type="date" />}
            </FormField>
          </div>
          <FormField label={t('questionnaires.exercise.body')} hint={t('questionnaires.exercise.bodyHint')} error={errors.bodyId?.message} isRequired>
            {(control) => <NullableSelect formControl={form.control} name="bodyId" fieldControl={control} options={bodyOptions} blankLabel={t('questionnaires.exercise.chooseBody')} blankValue="" />}
          </FormField>
          <FormField label={t('questionnaires.exercise.plan')} hint={t('questionnaires.exercise.planHint')} error={errors.planId?.message}>
            {(control) => <NullableSelect formControl={form.control} name="planId" fieldControl={control} options={planOptions} blankLabel={t('form.noneOption.masculine')} blankValue="" />}
          </FormField>
          <FormField label={t('questionnaires.exercise.previous')} hint={t('questionnaires.exercise.previousHint')} error={errors.previousExerciseId?.message}>
            {(control) => <NullableSelect formControl={form.control} name="previousExerciseId" fieldControl={control} options={previousOptions} blankLabel={t('form.noneOption.masculine')} blankValue="" />}
          </FormField>
        </FormFrame>
      </AbilityGate>
    </>
  );
}
