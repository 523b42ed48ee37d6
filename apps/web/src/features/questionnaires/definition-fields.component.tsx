import { QUESTION_KINDS, type QuestionKind } from '@telar/domain';
import type { ReactElement } from 'react';
import { useFieldArray, useFormContext, type FieldErrors } from 'react-hook-form';
import { ChoiceOptions } from '../../components/choice-options.component';
import { FormAlert } from '../../components/form-alert.component';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { t } from '../../i18n/translate';
import { collectErrorMessages } from './form-errors';
import { blankQuestion, type TemplateFormValues } from './template-form';

/** Any form that edits a definition under `definition` (a template, a survey). */
type DefinitionForm = Pick<TemplateFormValues, 'definition'>;

/**
 * What the editor offers: the kinds a question may take (a survey restricts them), how a kind is
 * named, whether the questionnaire-only fields (repeat per plan node, table columns, editorial notes,
 * comments beside a choice) are shown, and what a new question starts as.
 */
export interface DefinitionEditorOptions {
  kinds: readonly QuestionKind[];
  getKindLabel: (kind: QuestionKind) => string;
  isPlain: boolean;
  /** Options filled in when a question becomes this kind with none yet (a survey's Likert scale). */
  defaultOptionsText?: Partial<Record<QuestionKind, string>>;
}

export const TEMPLATE_EDITOR: DefinitionEditorOptions = {
  kinds: QUESTION_KINDS,
  getKindLabel: (kind) => t(`questionnaires.kind.${kind}`),
  isPlain: false,
};

function QuestionFields({ sectionIndex, questionIndex, label, editor }: { sectionIndex: number; questionIndex: number; label: string; editor: DefinitionEditorOptions }): ReactElement {
  const { register, watch, formState, getValues, setValue } = useFormContext<DefinitionForm>();
  const path = `definition.sections.${sectionIndex}.questions.${questionIndex}` as const;
  const errors = formState.errors.definition?.sections?.[sectionIndex]?.questions?.[questionIndex];
  const kind = watch(`${path}.kind`);
  const isRepeated = watch(`${path}.isRepeated`);
  const hasOptions = ['single_choice', 'multiple_choice', 'status', 'rating'].includes(kind);
  return (
    <>
      <div className="questionnaire-form-row">
        <FormField label={t('questionnaires.templates.questionNumber', { question: label })} error={errors?.number?.message} isRequired>
          {(control) => <input {...control} {...register(`${path}.number`)} type="text" />}
        </FormField>
        <FormField label={t('questionnaires.templates.questionKey', { question: label })} hint={t('questionnaires.templates.keyHint')} error={errors?.key?.message} isRequired>
          {(control) => <input {...control} {...register(`${path}.key`)} type="text" autoCapitalize="none" />}
        </FormField>
        <FormField label={t('questionnaires.templates.questionKind', { question: label })} error={errors?.kind?.message}>
          {(control) => (
            <select
              {...control}
              {...register(`${path}.kind`, {
                onChange: (event: { target: { value: QuestionKind } }) => {
                  const defaults = editor.defaultOptionsText?.[event.target.value];
                  if (defaults && getValues(`${path}.optionsText`).trim() === '') setValue(`${path}.optionsText`, defaults);
                },
              })}
            >
              <ChoiceOptions values={editor.kinds} getLabel={editor.getKindLabel} />
            </select>
          )}
        </FormField>
      </div>
      <FormField label={t('questionnaires.templates.questionText', { question: label })} error={errors?.text?.message} isRequired>
        {(control) => <textarea {...control} {...register(`${path}.text`)} rows={2} />}
      </FormField>
      <div className="checkbox-row">
        <label className="checkbox">
          <input type="checkbox" {...register(`${path}.required`)} />
          {t('questionnaires.templates.questionRequired', { question: label })}
        </label>
        {!editor.isPlain && (
          <>
            <label className="checkbox">
              <input type="checkbox" {...register(`${path}.withComment`)} />
              {t('questionnaires.templates.questionWithComment', { question: label })}
            </label>
            <label className="checkbox">
              <input type="checkbox" {...register(`${path}.isRepeated`)} />
              {t('questionnaires.templates.questionRepeat', { question: label })}
            </label>
          </>
        )}
      </div>
      {!editor.isPlain && isRepeated && (
        <FormField label={t('questionnaires.templates.repeatNodeKind', { question: label })} hint={t('questionnaires.templates.repeatHint')} error={errors?.repeatNodeKind?.message}>
          {(control) => <input {...control} {...register(`${path}.repeatNodeKind`)} type="text" />}
        </FormField>
      )}
      {kind === 'status' && (
        <FormField label={t('questionnaires.templates.statusSource', { question: label })}>
          {(control) => (
            <select {...control} {...register(`${path}.statusSource`)}>
              <option value="">{t('questionnaires.templates.statusSourceList')}</option>
              <option value="plan">{t('questionnaires.templates.statusSourcePlan')}</option>
            </select>
          )}
        </FormField>
      )}
      {hasOptions && (
        <FormField label={t('questionnaires.templates.options', { question: label })} hint={t('questionnaires.templates.optionsHint')} error={errors?.optionsText?.message}>
          {(control) => <textarea {...control} {...register(`${path}.optionsText`)} rows={4} />}
        </FormField>
      )}
      {kind === 'table' && (
        <FormField label={t('questionnaires.templates.columns', { question: label })} hint={t('questionnaires.templates.columnsHint')} error={errors?.columnsText?.message}>
          {(control) => <textarea {...control} {...register(`${path}.columnsText`)} rows={3} />}
        </FormField>
      )}
      <FormField label={t('questionnaires.templates.help', { question: label })}>
        {(control) => <textarea {...control} {...register(`${path}.help`)} rows={2} />}
      </FormField>
      {!editor.isPlain && (
        <FormField label={t('questionnaires.templates.editorialNote', { question: label })}>
          {(control) => <textarea {...control} {...register(`${path}.editorialNote`)} rows={2} />}
        </FormField>
      )}
      <div className="questionnaire-form-row">
        <FormField label={t('questionnaires.templates.conditionKey', { question: label })} hint={t('questionnaires.templates.conditionHint')} error={errors?.conditionKey?.message}>
          {(control) => <input {...control} {...register(`${path}.conditionKey`)} type="text" autoCapitalize="none" />}
        </FormField>
        <FormField label={t('questionnaires.templates.conditionAnyOf', { question: label })}>
          {(control) => <input {...control} {...register(`${path}.conditionAnyOf`)} type="text" autoCapitalize="none" />}
        </FormField>
      </div>
    </>
  );
}

function SectionFields({ sectionIndex, sectionCount, onRemove, onMove, editor }: { sectionIndex: number; sectionCount: number; onRemove: () => void; onMove: (delta: -1 | 1) => void; editor: DefinitionEditorOptions }): ReactElement {
  const { register, control, getValues, formState } = useFormContext<DefinitionForm>();
  const { fields, append, remove, move } = useFieldArray({ control, name: `definition.sections.${sectionIndex}.questions` });
  const errors = formState.errors.definition?.sections?.[sectionIndex];
  const sectionLabel = String(sectionIndex + 1);
  const allKeys = () => getValues('definition.sections').flatMap((section) => section.questions.map((question) => question.key));
  return (
    <FormFieldset legend={t('questionnaires.templates.section', { n: sectionLabel })} className="template-section">
      <div className="questionnaire-form-row">
        <FormField label={t('questionnaires.templates.sectionTitle', { n: sectionLabel })} error={errors?.title?.message}>
          {(fieldControl) => <input {...fieldControl} {...register(`definition.sections.${sectionIndex}.title`)} type="text" />}
        </FormField>
        <FormField label={t('questionnaires.templates.sectionKey', { n: sectionLabel })} error={errors?.key?.message} isRequired>
          {(fieldControl) => <input {...fieldControl} {...register(`definition.sections.${sectionIndex}.key`)} type="text" autoCapitalize="none" />}
        </FormField>
      </div>
      <div className="answer-block__actions">
        <button type="button" className="button" disabled={sectionIndex === 0} onClick={() => onMove(-1)}>
          {t('questionnaires.templates.moveSectionUp', { n: sectionLabel })}
        </button>
        <button type="button" className="button" disabled={sectionIndex === sectionCount - 1} onClick={() => onMove(1)}>
          {t('questionnaires.templates.moveSectionDown', { n: sectionLabel })}
        </button>
        <button type="button" className="button" disabled={sectionCount <= 1} onClick={onRemove}>
          {t('questionnaires.templates.removeSection', { n: sectionLabel })}
        </button>
      </div>
      <ol className="record-list">
        {fields.map((field, questionIndex) => {
          const label = `${sectionLabel}.${questionIndex + 1}`;
          return (
            <li key={field.id} className="record template-question">
              <FormFieldset legend={t('questionnaires.templates.question', { question: label })}>
                <QuestionFields sectionIndex={sectionIndex} questionIndex={questionIndex} label={label} editor={editor} />
                <div className="answer-block__actions">
                  <button type="button" className="button" disabled={questionIndex === 0} onClick={() => move(questionIndex, questionIndex - 1)}>
                    {t('questionnaires.templates.moveQuestionUp', { question: label })}
                  </button>
                  <button type="button" className="button" disabled={questionIndex === fields.length - 1} onClick={() => move(questionIndex, questionIndex + 1)}>
                    {t('questionnaires.templates.moveQuestionDown', { question: label })}
                  </button>
                  <button type="button" className="button" onClick={() => remove(questionIndex)}>
                    {t('questionnaires.templates.removeQuestion', { question: label })}
                  </button>
                </div>
              </FormFieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button" onClick={() => append(blankQuestion(allKeys()))}>
        {t('questionnaires.templates.addQuestion', { n: sectionLabel })}
      </button>
    </FormFieldset>
  );
}

/** Sections and their questions: add, remove and move each; the problems of the whole definition above. */
export function DefinitionFields({ editor = TEMPLATE_EDITOR }: { editor?: DefinitionEditorOptions }): ReactElement {
  const { control, formState } = useFormContext<DefinitionForm>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'definition.sections' });
  const problems = collectErrorMessages(formState.errors.definition as FieldErrors | undefined);
  return (
    <>
      {problems.length > 0 && (
        <FormAlert tone="error">
          <p>{t('questionnaires.templates.problems')}</p>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </FormAlert>
      )}
      {fields.map((field, index) => (
        <SectionFields key={field.id} sectionIndex={index} sectionCount={fields.length} onRemove={() => remove(index)} onMove={(delta) => move(index, index + delta)} editor={editor} />
      ))}
      <button type="button" className="button" onClick={() => append({ key: `s${fields.length + 1}`, title: '', description: '', questions: [] })}>
        {t('questionnaires.templates.addSection')}
      </button>
    </>
  );
}
