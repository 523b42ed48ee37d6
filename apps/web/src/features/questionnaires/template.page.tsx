import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate, useRouterState } from '@tanstack/react-router';
import { QUESTION_KINDS, type QuestionDefinition, type TemplateDetailView } from '@telar/domain';
import type { ReactElement } from 'react';
import { useFieldArray, useForm, useFormContext, type FieldErrors } from 'react-hook-form';
import { useEditForm } from '../../api/edit-form.hook';
import { questionnaireTemplatesApi } from '../../api/questionnaire-resources';
import { useSaveForm } from '../../api/save-form.hook';
import { AbilityGate } from '../../auth/ability-gate.component';
import { ChoiceOptions, SelectOptions } from '../../components/choice-options.component';
import { Disclosure } from '../../components/disclosure.component';
import { FormAlert } from '../../components/form-alert.component';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { formatDateTime, formatNumber, formatRefName } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { useBodyOptions } from '../bodies/body-options.hook';
import { collectErrorMessages } from './form-errors';
import { XlsFormWarnings } from './questionnaire-uploads.component';
import { blankQuestion, definitionToForm, TemplateCreateFormSchema, TemplateUpdateFormSchema, type TemplateFormValues } from './template-form';
import '../../styles/questionnaires.css';

const routeApi = getRouteApi('/_internal/cuestionarios/plantillas/$templateId');

function QuestionFields({ sectionIndex, questionIndex, label }: { sectionIndex: number; questionIndex: number; label: string }): ReactElement {
  const { register, watch, formState } = useFormContext<TemplateFormValues>();
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
            <select {...control} {...register(`${path}.kind`)}>
              <ChoiceOptions values={QUESTION_KINDS} getLabel={(value) => t(`questionnaires.kind.${value}`)} />
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
        <label className="checkbox">
          <input type="checkbox" {...register(`${path}.withComment`)} />
          {t('questionnaires.templates.questionWithComment', { question: label })}
        </label>
        <label className="checkbox">
          <input type="checkbox" {...register(`${path}.isRepeated`)} />
          {t('questionnaires.templates.questionRepeat', { question: label })}
        </label>
      </div>
      {isRepeated && (
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
      <FormField label={t('questionnaires.templates.editorialNote', { question: label })}>
        {(control) => <textarea {...control} {...register(`${path}.editorialNote`)} rows={2} />}
      </FormField>
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

function SectionFields({ sectionIndex, sectionCount, onRemove, onMove }: { sectionIndex: number; sectionCount: number; onRemove: () => void; onMove: (delta: -1 | 1) => void }): ReactElement {
  const { register, control, getValues, formState } = useFormContext<TemplateFormValues>();
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
                <QuestionFields sectionIndex={sectionIndex} questionIndex={questionIndex} label={label} />
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
function DefinitionFields(): ReactElement {
  const { control, formState } = useFormContext<TemplateFormValues>();
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
        <SectionFields key={field.id} sectionIndex={index} sectionCount={fields.length} onRemove={() => remove(index)} onMove={(delta) => move(index, index + delta)} />
      ))}
      <button type="button" className="button" onClick={() => append({ key: `s${fields.length + 1}`, title: '', description: '', questions: [] })}>
        {t('questionnaires.templates.addSection')}
      </button>
    </>
  );
}

function NameFields(): ReactElement {
  const { register, formState } = useFormContext<TemplateFormValues>();
  return (
    <>
      <FormField label={t('questionnaires.templates.name')} error={formState.errors.name?.message} isRequired>
        {(control) => <input {...control} {...register('name')} type="text" />}
      </FormField>
      <FormField label={t('questionnaires.templates.description')} error={formState.errors.description?.message}>
        {(control) => <textarea {...control} {...register('description')} rows={3} />}
      </FormField>
    </>
  );
}

export function TemplateNewPage(): ReactElement {
  const navigate = useNavigate();
  const bodyOptions = useBodyOptions({ isManagedOnly: true });
  const defaultValues: TemplateFormValues = { name: '', description: '', bodyId: '', definition: { sections: [{ key: 's1', title: '', description: '', questions: [blankQuestion([])] }] } };
  const form = useForm({ resolver: zodResolver(TemplateCreateFormSchema), defaultValues });
  const saveState = useSaveForm(form, questionnaireTemplatesApi.create, (saved) => navigate({ to: '/cuestionarios/plantillas/$templateId', params: { templateId: saved.id } }));
  return (
    <>
      <PageHeader title={t('questionnaires.templates.new')} trail={[{ label: t('nav.questionnaires'), to: '/cuestionarios' }, { label: t('questionnaires.templates.title'), to: '/cuestionarios/plantillas' }]} />
      <AbilityGate isAllowed={(abilities) => abilities.manageAnyBody}>
        <FormFrame form={form} saveState={saveState} submitLabel={t('questionnaires.templates.create')} canCancel>
          <NameFields />
          <FormField label={t('questionnaires.exercise.body')} error={form.formState.errors.bodyId?.message} isRequired>
            {(control) => (
              // Controlled: the bodies arrive after the form, and an uncontrolled select would drop its value.
              <select {...control} value={form.watch('bodyId')} onChange={(event) => form.setValue('bodyId', event.target.value, { shouldDirty: true })}>
                <option value="">{t('questionnaires.exercise.chooseBody')}</option>
                <SelectOptions options={bodyOptions} />
              </select>
            )}
          </FormField>
          <DefinitionFields />
        </FormFrame>
      </AbilityGate>
    </>
  );
}

/** Saving makes a new version; exercises already open keep theirs. */
function TemplateEditForm({ template }: { template: TemplateDetailView }): ReactElement {
  const { form, saveState } = useEditForm({
    schema: TemplateUpdateFormSchema,
    record: template,
    toValues: (source) => ({ name: source.name, description: source.description ?? '', definition: definitionToForm(source.definition) }),
    update: questionnaireTemplatesApi.update,
  });
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('questionnaires.templates.saveVersion')} savedText={t('questionnaires.templates.saved')}>
      <NameFields />
      <DefinitionFields />
    </FormFrame>
  );
}

function QuestionLine({ question }: { question: QuestionDefinition }): ReactElement {
  const traits = [
    t(`questionnaires.kind.${question.kind}`),
    question.required ? t('questionnaires.required') : null,
    question.repeat ? t('questionnaires.templates.repeatShown', { nodeKind: question.repeat.nodeKind || t('questionnaires.templates.anyNode') }) : null,
    question.condition ? t('questionnaires.condition', { question: question.condition.questionKey, options: question.condition.anyOf.join(', ') }) : null,
  ].filter(Boolean);
  return (
    <li className="record">
      <p className="record__title">
        {question.number}. {question.text}
      </p>
      <p className="question-summary__meta">{traits.join(' · ')}</p>
      {question.options.length > 0 && <p className="field__hint">{question.options.map((option) => option.label).join(' · ')}</p>}
      {question.columns.length > 0 && <p className="field__hint">{question.columns.map((column) => column.label).join(' · ')}</p>}
    </li>
  );
}

export function TemplatePage(): ReactElement {
  const { templateId } = routeApi.useParams();
  const query = useQuery(questionnaireTemplatesApi.detail(templateId));
  const xlsFormWarnings = useRouterState({ select: (state) => state.location.state.xlsFormWarnings });
  return (
    <QueryContent query={query}>
      {(template) => (
        <>
          <PageHeader title={template.name} trail={[{ label: t('nav.questionnaires'), to: '/cuestionarios' }, { label: t('questionnaires.templates.title'), to: '/cuestionarios/plantillas' }]} />
          <XlsFormWarnings warnings={xlsFormWarnings} />
          {template.description && <p>{template.description}</p>}
          <dl className="facts">
            <div>
              <dt>{t('questionnaires.exercise.body')}</dt>
              <dd>{formatRefName(template.body)}</dd>
            </div>
            <div>
              <dt>{t('questionnaires.templates.version')}</dt>
              <dd>{formatNumber(template.currentVersion)}</dd>
            </div>
            <div>
              <dt>{t('questionnaires.templates.questionCount')}</dt>
              <dd>{formatNumber(template.questionCount)}</dd>
            </div>
            <div>
              <dt>{t('questionnaires.templates.exerciseCount')}</dt>
              <dd>{formatNumber(template.exerciseCount)}</dd>
            </div>
          </dl>
          {template.abilities.edit && (
            <Disclosure summary={t('questionnaires.templates.edit')}>
              <TemplateEditForm template={template} />
            </Disclosure>
          )}
          {template.definition.sections.map((section, index) => (
            <PageSection key={section.key} id={`seccion-${index}`} title={section.title || t('questionnaires.noSection')}>
              {section.description && <p>{section.description}</p>}
              <ol className="record-list">
                {section.questions.map((question) => (
                  <QuestionLine key={question.key} question={question} />
                ))}
              </ol>
            </PageSection>
          ))}
          <PageSection id="versiones" title={t('questionnaires.templates.versions')}>
            <ul>
              {template.versions.map((version) => (
                <li key={version.number}>{t('questionnaires.templates.versionLine', { number: version.number, date: formatDateTime(version.createdAt), count: version.questionCount })}</li>
              ))}
            </ul>
          </PageSection>
        </>
      )}
    </QueryContent>
  );
}
