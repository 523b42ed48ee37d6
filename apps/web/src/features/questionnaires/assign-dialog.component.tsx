import { zodResolver } from '@hookform/resolvers/zod';
import { AssignmentCreateSchema, type AssignmentCreateInput, type ExerciseDetailView } from '@telar/domain';
import { useId, useRef, type ReactElement } from 'react';
import { Controller } from 'react-hook-form';
import { questionnaireExercisesApi } from '../../api/questionnaire-resources';
import { useAddForm } from '../../api/save-form.hook';
import { FormFrame } from '../../components/form-frame.component';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { OrganizationPicker } from '../../components/organization-picker.component';
import { t } from '../../i18n/translate';
import { groupBySection } from './exercise-sections';

/** Question checkboxes by section; a section's own checkbox ticks or clears all its questions. */
function QuestionChoice({ exercise, value, onChange }: { exercise: ExerciseDetailView; value: string[]; onChange: (ids: string[]) => void }): ReactElement {
  const chosen = new Set(value);
  const setMany = (ids: string[], isChecked: boolean) => {
    const next = new Set(chosen);
    for (const id of ids) {
      if (isChecked) next.add(id);
      else next.delete(id);
    }
    onChange(exercise.questions.map((question) => question.id).filter((id) => next.has(id)));
  };
  return (
    <div className="assign-questions">
      {groupBySection(exercise.questions).map(({ section, questions }) => {
        const ids = questions.map((question) => question.id);
        const isAll = ids.every((id) => chosen.has(id));
        return (
          <div key={section ?? ''} className="assign-questions__section">
            <label className="checkbox assign-questions__section-label">
              <input type="checkbox" checked={isAll} onChange={(event) => setMany(ids, event.target.checked)} />
              {t('questionnaires.assign.wholeSection', { section: section ?? t('questionnaires.noSection') })}
            </label>
            <ul className="checkbox-list">
              {questions.map((question) => (
                <li key={question.id}>
                  <label className="checkbox">
                    <input type="checkbox" checked={chosen.has(question.id)} onChange={(event) => setMany([question.id], event.target.checked)} />
                    {question.number}. {question.text}
                  </label>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}

/** «Asignar»: a modal form that gives questions (or whole sections) to organisations, with a due date. */
export function AssignDialog({ exercise }: { exercise: ExerciseDetailView }): ReactElement {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const defaultValues: AssignmentCreateInput = { questionIds: [], organizationIds: [], dueOn: exercise.internalDueOn ?? '' };
  const { form, saveState } = useAddForm(zodResolver(AssignmentCreateSchema), defaultValues, async (input) => {
    const saved = await questionnaireExercisesApi.assign({ id: exercise.id, input });
    dialog.current?.close();
    return saved;
  });
  const { errors } = form.formState;
  return (
    <>
      <button type="button" className="button button--primary" onClick={() => dialog.current?.showModal()}>
        {t('questionnaires.assign.open')}
      </button>
      <dialog ref={dialog} className="confirm-dialog assign-dialog" aria-labelledby={titleId}>
        <h2 id={titleId}>{t('questionnaires.assign.title')}</h2>
        <FormFrame form={form} saveState={saveState} submitLabel={t('questionnaires.assign.submit')}>
          <FormFieldset legend={t('questionnaires.assign.questions')} error={errors.questionIds?.message} isRequired>
            <Controller control={form.control} name="questionIds" render={({ field }) => <QuestionChoice exercise={exercise} value={field.value} onChange={field.onChange} />} />
          </FormFieldset>
          <Controller
            control={form.control}
            name="organizationIds"
            render={({ field }) => (
              <OrganizationPicker
                legend={t('questionnaires.assign.organizations')}
                searchLabel={t('questionnaires.assign.searchOrganization')}
                value={field.value}
                onChange={field.onChange}
                error={errors.organizationIds?.message}
                isRequired
              />
            )}
          />
          <FormField label={t('questionnaires.assign.dueOn')} error={errors.dueOn?.message}>
            {(control) => <input {...control} {...form.register('dueOn')} type="date" />}
          </FormField>
        </FormFrame>
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          {t('form.cancel')}
        </button>
      </dialog>
    </>
  );
}
