import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SurveyThemeView } from '@telar/domain';
import { useEffect, useId, useState, type FormEvent, type ReactElement } from 'react';
import { describeApiError } from '../../api/api-error.util';
import { surveysApi, type SurveyOpenAnswerView, type SurveyQuestionResult } from '../../api/survey-resources';
import { CheckboxGroup } from '../../components/checkbox-group.component';
import { ConfirmButton } from '../../components/confirm-button.component';
import { Disclosure } from '../../components/disclosure.component';
import { FormAlert } from '../../components/form-alert.component';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { QueryContent } from '../../components/query-content.component';
import { SubmitButton } from '../../components/submit-button.component';
import { t } from '../../i18n/translate';

type Theme = SurveyQuestionResult['themes'][number];

/** A coding change refreshes the survey's results and answers only (not the whole cache: tagging is many small writes). */
function useSurveyMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['surveys'] }) });
}

/** Defining a theme: its label and what it covers. */
function ThemeForm({ surveyId, questionKey }: { surveyId: string; questionKey: string }): ReactElement {
  const [label, setLabel] = useState('');
  const [description, setDescription] = useState('');
  const create = useSurveyMutation(surveysApi.createTheme);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ id: surveyId, input: { questionKey, label, description: description.trim() || null } }, { onSuccess: () => (setLabel(''), setDescription('')) });
  };
  const labelError = create.error ? describeApiError(create.error) : undefined;
  return (
    <form className="form survey-theme-form" noValidate onSubmit={submit}>
      <FormField label={t('surveys.themes.label')} error={labelError} isRequired>
        {(control) => <input {...control} type="text" value={label} maxLength={200} onChange={(event) => setLabel(event.target.value)} />}
      </FormField>
      <FormField label={t('surveys.themes.description')}>{(control) => <input {...control} type="text" value={description} maxLength={1000} onChange={(event) => setDescription(event.target.value)} />}</FormField>
      <div className="form__actions">
        <SubmitButton label={t('surveys.themes.add')} isPending={create.isPending} isDisabled={label.trim() === ''} />
      </div>
    </form>
  );
}

/** Renaming a theme (its label and what it covers); the answers tagged with it keep it. */
function ThemeRenameForm({ theme }: { theme: SurveyThemeView }): ReactElement {
  const [label, setLabel] = useState(theme.label);
  const [description, setDescription] = useState(theme.description ?? '');
  const update = useSurveyMutation(surveysApi.updateTheme);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ themeId: theme.id, input: { version: theme.version, label, description: description.trim() || null } });
  };
  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormField label={t('surveys.themes.label')} error={update.error ? describeApiError(update.error) : undefined} isRequired>
        {(control) => <input {...control} type="text" value={label} maxLength={200} onChange={(event) => setLabel(event.target.value)} />}
      </FormField>
      <FormField label={t('surveys.themes.description')}>{(control) => <input {...control} type="text" value={description} maxLength={2000} onChange={(event) => setDescription(event.target.value)} />}</FormField>
      {update.isSuccess && <FormAlert tone="success">{t('surveys.themes.renamed')}</FormAlert>}
      <div className="form__actions">
        <SubmitButton label={t('surveys.themes.save')} isPending={update.isPending} isDisabled={label.trim() === ''} />
      </div>
    </form>
  );
}

/** The themes defined for the question, each with its count, its rename and its removal. */
function ThemeList({ surveyId, questionKey }: { surveyId: string; questionKey: string }): ReactElement {
  const query = useQuery(surveysApi.themes(surveyId, questionKey));
  const remove = useSurveyMutation(surveysApi.deleteTheme);
  return (
    <QueryContent query={query}>
      {(themes) =>
        themes.length === 0 ? (
          <p className="dashboard-note">{t('surveys.themes.none')}</p>
        ) : (
          <>
            <ul className="survey-theme-list">
              {themes.map((theme) => (
                <li key={theme.id}>
                  <span>{t('surveys.themes.line', { label: theme.label, count: theme.count })}</span>
                  {theme.description && <span className="field__hint"> — {theme.description}</span>}{' '}
                  <ConfirmButton
                    label={t('surveys.themes.remove', { label: theme.label })}
                    title={t('surveys.themes.removeTitle', { label: theme.label })}
                    message={t('surveys.themes.removeMessage')}
                    onConfirm={() => remove.mutate(theme.id)}
                  />
                  <Disclosure summary={t('surveys.themes.rename', { label: theme.label })}>
                    <ThemeRenameForm theme={theme} />
                  </Disclosure>
                </li>
              ))}
            </ul>
            {remove.isError && <FormAlert tone="error">{describeApiError(remove.error)}</FormAlert>}
          </>
        )
      }
    </QueryContent>
  );
}

/** One open answer (named by its response's id and the question): its text, then its themes and, among them, those it is a representative quote of. */
function AnswerCoding({ surveyId, questionKey, answer, index, themes }: { surveyId: string; questionKey: string; answer: SurveyOpenAnswerView; index: number; themes: readonly Theme[] }): ReactElement {
  const tag = useSurveyMutation(surveysApi.tagAnswer);
  const textId = useId();
  // The boxes follow the click at once; the server's answer (or, on failure, what it has) replaces them.
  const [coding, setCoding] = useState({ themeIds: answer.themeIds, quoteThemeIds: answer.quoteThemeIds });
  useEffect(() => setCoding({ themeIds: answer.themeIds, quoteThemeIds: answer.quoteThemeIds }), [answer.themeIds.join(), answer.quoteThemeIds.join()]);
  const save = (themeIds: string[], quoteThemeIds: string[]) => {
    const next = { themeIds, quoteThemeIds: quoteThemeIds.filter((id) => themeIds.includes(id)) };
    setCoding(next);
    tag.mutate({ id: surveyId, answerId: answer.answerId, questionKey, ...next }, { onError: () => setCoding({ themeIds: answer.themeIds, quoteThemeIds: answer.quoteThemeIds }) });
  };
  const tagged = themes.filter((theme) => coding.themeIds.includes(theme.id));
  return (
    <li className="record survey-answer">
      <blockquote id={textId} className="survey-quote">
        {answer.text}
      </blockquote>
      <p className="dashboard-note">{answer.organizationName ?? t('surveys.coding.anonymousAnswer')}</p>
      {themes.length > 0 && (
        <div className="survey-answer__coding" aria-describedby={textId}>
          <FormFieldset legend={t('surveys.coding.themesOf', { n: index + 1 })}>
            <CheckboxGroup options={themes.map((theme) => ({ value: theme.id, label: theme.label }))} value={coding.themeIds} onChange={(ids) => save(ids, coding.quoteThemeIds)} />
          </FormFieldset>
          {tagged.length > 0 && (
            <FormFieldset legend={t('surveys.coding.quoteOf', { n: index + 1 })} hint={t('surveys.coding.quoteHint')}>
              <CheckboxGroup
                options={tagged.map((theme) => ({ value: theme.id, label: t('surveys.coding.quoteFor', { label: theme.label }) }))}
                value={coding.quoteThemeIds}
                onChange={(ids) => save(coding.themeIds, ids)}
              />
            </FormFieldset>
          )}
        </div>
      )}
      {tag.isError && <FormAlert tone="error">{describeApiError(tag.error)}</FormAlert>}
    </li>
  );
}

/**
 * Theme coding of an open question: the coordination defines themes, tags each answer with them and
 * marks representative quotes; the counts and quotes show in the question's results above.
 */
export function ThemeCodingPanel({ surveyId, question }: { surveyId: string; question: SurveyQuestionResult }): ReactElement {
  return (
    <Disclosure summary={t('surveys.coding.open', { question: question.number })}>
      <div className="survey-coding">
        <h4>{t('surveys.themes.title')}</h4>
        <ThemeList surveyId={surveyId} questionKey={question.key} />
        <ThemeForm surveyId={surveyId} questionKey={question.key} />
        <h4>{t('surveys.coding.answers')}</h4>
        <OpenAnswers surveyId={surveyId} question={question} />
      </div>
    </Disclosure>
  );
}

function OpenAnswers({ surveyId, question }: { surveyId: string; question: SurveyQuestionResult }): ReactElement {
  const query = useQuery(surveysApi.openAnswers(surveyId, question.key));
  return (
    <QueryContent query={query}>
      {(answers) =>
        answers.length === 0 ? (
          <p>{t('surveys.coding.noAnswers')}</p>
        ) : (
          <ol className="record-list">
            {answers.map((answer, index) => (
              <AnswerCoding key={answer.answerId} surveyId={surveyId} questionKey={question.key} answer={answer} index={index} themes={question.themes} />
            ))}
          </ol>
        )
      }
    </QueryContent>
  );
}
