import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate, useRouterState } from '@tanstack/react-router';
import type { QuestionDefinition, TemplateDetailView } from '@telar/domain';
import type { ReactElement } from 'react';
import { useForm, useFormContext } from 'react-hook-form';
import { useEditForm } from '../../api/edit-form.hook';
import { questionnaireTemplatesApi } from '../../api/questionnaire-resources';
import { useSaveForm } from '../../api/save-form.hook';
import { AbilityGate } from '../../auth/ability-gate.component';
import { SelectOptions } from '../../components/choice-options.component';
import { Disclosure } from '../../components/disclosure.component';
import { FormField } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { formatDateTime, formatNumber, formatRefName } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { useBodyOptions } from '../bodies/body-options.hook';
import { DefinitionFields } from './definition-fields.component';
import { XlsFormWarnings } from './questionnaire-uploads.component';
import { blankQuestion, definitionToForm, TemplateCreateFormSchema, TemplateUpdateFormSchema, type TemplateFormValues } from './template-form';
import '../../styles/questionnaires.css';

const routeApi = getRouteApi('/_internal/cuestionarios/plantillas/$templateId');

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
