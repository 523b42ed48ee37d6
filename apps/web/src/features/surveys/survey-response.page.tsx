import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { QuestionDefinition } from '@telar/domain';
import { useState, type ReactElement } from 'react';
import { Controller, useForm, useWatch, type Control } from 'react-hook-form';
import { describeApiError } from '../../api/api-error.util';
import { ApiError } from '../../api/client';
import { surveyInvitationApi, type SurveyInvitationView } from '../../api/survey-resources';
import { FormAlert } from '../../components/form-alert.component';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { SiteFrame } from '../../components/layout/site-frame.component';
import { PageHeader } from '../../components/page-header.component';
import { LoadingLine } from '../../components/query-content.component';
import { SubmitButton } from '../../components/submit-button.component';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { answerField, blankResponse, choosesOther, findAnswerProblems, issuesByQuestion, questionsOf, toResponsePayload, visibleQuestions, type ResponseFormValues } from './response-form';
import '../../styles/surveys.css';

const routeApi = getRouteApi('/encuesta/$token');

/** The page a member reaches from the invitation mail: no account, nothing of the internal app. */
export function SurveyResponsePage(): ReactElement {
  const { token } = routeApi.useParams();
  const query = useQuery(surveyInvitationApi.detail(token));
  return (
    <SiteFrame
      brand={
        <span className="brand">
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tagline">{t('surveys.respond.tagline')}</span>
        </span>
      }
      footer={<p>{t('surveys.respond.footer')}</p>}
    >
      <div className="survey-respond">
        {query.data ? (
          <Invitation token={token} invitation={query.data} />
        ) : query.isError ? (
          <>
            <PageHeader title={t('surveys.respond.invalidTitle')} />
            <FormAlert tone="error">{query.error instanceof ApiError && query.error.status === 404 ? t('surveys.respond.invalid') : describeApiError(query.error)}</FormAlert>
          </>
        ) : (
          <LoadingLine />
        )}
      </div>
    </SiteFrame>
  );
}

const isPast = (instant: string | null) => instant !== null && new Date(instant).getTime() <= Date.now();

function Invitation({ token, invitation }: { token: string; invitation: SurveyInvitationView }): ReactElement {
  const { survey } = invitation;
  const [isDone, setIsDone] = useState(false);
  const isClosed = survey.status === 'closed' || isPast(survey.closesAt);
  return (
    <>
      <PageHeader title={survey.title} eyebrow={invitation.networkName} />
      <dl className="facts">
        <div>
          <dt>{t('surveys.respond.for')}</dt>
          <dd>{invitation.memberName}</dd>
        </div>
        <div>
          <dt>{t('surveys.closesAt')}</dt>
          <dd>{survey.closesAt ? formatDateTime(survey.closesAt) : t('app.none')}</dd>
        </div>
      </dl>
      {isDone ? (
        <FormAlert tone="success">
          <p>{t('surveys.respond.thanks')}</p>
        </FormAlert>
      ) : invitation.responded ? (
        <FormAlert tone="success">
          <p>{t('surveys.respond.alreadyAnswered')}</p>
        </FormAlert>
      ) : isClosed ? (
        <FormAlert tone="error">
          <p>{t('surveys.respond.closed')}</p>
        </FormAlert>
      ) : survey.status === 'draft' ? (
        <FormAlert tone="error">
          <p>{t('surveys.respond.notOpen')}</p>
        </FormAlert>
      ) : (
        <>
          {survey.description && <p className="survey-respond__description">{survey.description}</p>}
          <ResponseForm token={token} invitation={invitation} onDone={() => setIsDone(true)} />
        </>
      )}
    </>
  );
}

function ResponseForm({ token, invitation, onDone }: { token: string; invitation: SurveyInvitationView; onDone: () => void }): ReactElement {
  const { survey } = invitation;
  const form = useForm<ResponseFormValues>({ defaultValues: blankResponse(survey.definition) });
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: surveyInvitationApi.respond,
    onSuccess: onDone,
    // Closed or answered meanwhile (another tab): read the link again, so the page says which.
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) void queryClient.invalidateQueries({ queryKey: surveyInvitationApi.detail(token).queryKey });
    },
  });
  const questionKeys = questionsOf(survey.definition).map((question) => question.key);
  const serverIssues = issuesByQuestion(mutation.error, questionKeys);
  // Conditions: a question shows only while its trigger has one of its options chosen.
  const answers = useWatch({ control: form.control, name: 'answers' });
  const shown = new Set(visibleQuestions(survey.definition, { answers, anonymous: false }).map((question) => question.key));
  const submit = form.handleSubmit(async (values) => {
    const found = findAnswerProblems(survey.definition, values);
    setProblems(found);
    if (found.size > 0) return;
    await mutation.mutateAsync({ token, input: toResponsePayload(survey.definition, survey.anonymity, values) }).catch(() => undefined);
  });
  const problemOf = (key: string) => problems.get(key) ?? serverIssues.byQuestion.get(key);
  const hasProblems = problems.size > 0 || mutation.isError;
  return (
    <form className="form survey-respond__form" noValidate onSubmit={(event) => void submit(event)}>
      <p className="field__hint">{t('surveys.respond.questionCount', { count: questionsOf(survey.definition).length })}</p>
      <AnonymityNotice invitation={invitation} control={form.control} />
      {hasProblems && (
        <FormAlert tone="error">
          <p>{problems.size > 0 || serverIssues.byQuestion.size > 0 ? t('surveys.respond.problems') : describeApiError(mutation.error)}</p>
          {serverIssues.other.length > 0 && <p>{serverIssues.other.join(' ')}</p>}
        </FormAlert>
      )}
      {survey.definition.sections.map((section) => (
        <section key={section.key} className="survey-respond__section" aria-label={section.title || undefined}>
          {section.title && <h2>{section.title}</h2>}
          {section.description && <p>{section.description}</p>}
          {section.questions
            .filter((question) => shown.has(question.key))
            .map((question) => (
              <QuestionControl key={question.key} question={question} control={form.control} error={problemOf(question.key)} />
            ))}
        </section>
      ))}
      <div className="form__actions">
        <SubmitButton label={t('surveys.respond.submit')} isPending={mutation.isPending} />
      </div>
    </form>
  );
}

/** What anonymity means for this survey, and the respondent's choice when the survey leaves it to them. */
function AnonymityNotice({ invitation, control }: { invitation: SurveyInvitationView; control: Control<ResponseFormValues> }): ReactElement {
  if (invitation.survey.anonymity === 'anonymous') return <p className="survey-respond__notice">{t('surveys.respond.anonymousSurvey')}</p>;
  if (invitation.survey.anonymity === 'named') return <p className="survey-respond__notice">{t('surveys.respond.namedSurvey', { member: invitation.memberName })}</p>;
  return (
    <Controller
      control={control}
      name="anonymous"
      render={({ field }) => (
        <div className="field survey-respond__notice">
          <label className="checkbox">
            <input type="checkbox" name={field.name} checked={field.value} onChange={(event) => field.onChange(event.target.checked)} aria-describedby="anonimato-ayuda" />
            {t('surveys.respond.anonymous')}
          </label>
          <p id="anonimato-ayuda" className="field__hint">
            {t('surveys.respond.anonymousHint', { member: invitation.memberName })}
          </p>
        </div>
      )}
    />
  );
}

const questionLabel = (question: QuestionDefinition) => `${question.number}. ${question.text}`;

/** One question with the control its kind takes; choices in a fieldset whose legend is the question. */
function QuestionControl({ question, control, error }: { question: QuestionDefinition; control: Control<ResponseFormValues>; error: string | undefined }): ReactElement {
  const name = `answers.${answerField(question.key)}` as const;
  const hint = question.help ?? (question.kind === 'multiple_choice' ? t('surveys.respond.chooseAny') : undefined);
  if (question.kind === 'single_choice' || question.kind === 'multiple_choice' || question.kind === 'rating') {
    const isSingle = question.kind !== 'multiple_choice';
    return (
      <FormFieldset legend={questionLabel(question)} hint={hint} error={error} isRequired={question.required} className={question.kind === 'rating' ? 'survey-question likert' : 'survey-question'}>
        <Controller
          control={control}
          name={`${name}.selected`}
          render={({ field }) => (
            <ul className={question.kind === 'rating' ? 'likert__scale' : 'checkbox-list'}>
              {question.options.map((option) => (
                <li key={option.key}>
                  <label className={question.kind === 'rating' ? 'likert__point' : 'checkbox'}>
                    <input
                      type={isSingle ? 'radio' : 'checkbox'}
                      name={`${field.name}`}
                      value={option.key}
                      checked={field.value.includes(option.key)}
                      onChange={(event) =>
                        field.onChange(isSingle ? [option.key] : event.target.checked ? [...field.value, option.key] : field.value.filter((key) => key !== option.key))
                      }
                    />
                    {question.kind === 'rating' ? (
                      <span>
                        <span className="likert__key">{option.key}</span> <span className="likert__label">{option.label}</span>
                      </span>
                    ) : (
                      option.label
                    )}
                  </label>
                </li>
              ))}
            </ul>
          )}
        />
        {question.options.some((option) => option.other) && <OtherText question={question} control={control} />}
      </FormFieldset>
    );
  }
  if (question.kind === 'number') {
    return (
      <FormField label={questionLabel(question)} hint={question.help ?? undefined} error={error} isRequired={question.required} className="survey-question">
        {(fieldControl) => (
          <Controller control={control} name={`${name}.number`} render={({ field }) => <input {...fieldControl} {...field} type="text" inputMode="decimal" autoComplete="off" />} />
        )}
      </FormField>
    );
  }
  return (
    <FormField label={questionLabel(question)} hint={question.help ?? undefined} error={error} isRequired={question.required} className="survey-question">
      {(fieldControl) => <Controller control={control} name={`${name}.text`} render={({ field }) => <textarea {...fieldControl} {...field} rows={4} maxLength={4000} />} />}
    </FormField>
  );
}

/** The text an «other (specify)» option asks for, shown while it is chosen. */
function OtherText({ question, control }: { question: QuestionDefinition; control: Control<ResponseFormValues> }): ReactElement | null {
  const name = `answers.${answerField(question.key)}` as const;
  const values = useWatch({ control, name });
  if (!choosesOther(question, values)) return null;
  const other = question.options.find((option) => option.other && values.selected.includes(option.key));
  return (
    <FormField label={t('surveys.respond.otherText', { option: other?.label ?? '' })} isRequired>
      {(fieldControl) => <Controller control={control} name={`${name}.text`} render={({ field }) => <input {...fieldControl} {...field} type="text" maxLength={4000} />} />}
    </FormField>
  );
}
