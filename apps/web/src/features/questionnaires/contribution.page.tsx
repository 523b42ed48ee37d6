import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ContributionView } from '@telar/domain';
import { useState, type ReactElement } from 'react';
import { FormProvider } from 'react-hook-form';
import { applyApiErrorToForm, describeApiError } from '../../api/api-error.util';
import { useEditForm } from '../../api/edit-form.hook';
import { contributionsApi } from '../../api/questionnaire-resources';
import { useApiMutation } from '../../api/resources';
import { FormAlert } from '../../components/form-alert.component';
import { FormField } from '../../components/form-field.component';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { SubmitButton } from '../../components/submit-button.component';
import { formatDate, formatDateTime, formatRefName } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { AnswerFields, AnswerView } from './answer-fields.component';
import { answerToValues, VersionedAnswerSchema } from './answer-form';
import { ContributionStatusBadge } from './contribution-status.component';
import { QuestionSummary } from './question-summary.component';
import '../../styles/questionnaires.css';

const routeApi = getRouteApi('/_internal/aportaciones/$contributionId');

/** The links sent back as they are: this page shows them, other pages make them. */
const linksOf = (contribution: ContributionView) => contribution.links.map(({ kind, id }) => ({ kind, id }));

function ContributionFacts({ contribution }: { contribution: ContributionView }): ReactElement {
  return (
    <dl className="facts">
      <div>
        <dt>{t('questionnaires.organization')}</dt>
        <dd>{formatRefName(contribution.organization)}</dd>
      </div>
      <div>
        <dt>{t('questionnaires.statusLabel')}</dt>
        <dd>
          <ContributionStatusBadge status={contribution.status} isOverdue={contribution.isOverdue} />
        </dd>
      </div>
      <div>
        <dt>{t('questionnaires.dueOn')}</dt>
        <dd>{formatDate(contribution.dueOn)}</dd>
      </div>
      <div>
        <dt>{t('questionnaires.submittedAt')}</dt>
        <dd>{contribution.submittedAt ? formatDateTime(contribution.submittedAt) : t('app.none')}</dd>
      </div>
      <div>
        <dt>{t('questionnaires.reviewedAt')}</dt>
        <dd>{contribution.reviewedAt ? formatDateTime(contribution.reviewedAt) : t('app.none')}</dd>
      </div>
    </dl>
  );
}

/** The enlace's draft: save it as often as needed, then send it for review (saving what is on screen first). */
function ContributionForm({ contribution, onDone }: { contribution: ContributionView; onDone: (message: string) => void }): ReactElement {
  const { form, saveState } = useEditForm({
    schema: VersionedAnswerSchema,
    record: contribution,
    toValues: (source) => answerToValues(source.answer),
    update: (id, input) => contributionsApi.update(id, { ...input, links: linksOf(contribution) }),
  });
  const submission = useApiMutation(async (input: { answer: ContributionView['answer']; version: number }) => {
    const saved = form.formState.isDirty ? await contributionsApi.update(contribution.id, { ...input, links: linksOf(contribution) }) : contribution;
    return contributionsApi.act({ id: contribution.id, action: 'submit', input: { version: saved.version } });
  }, () => onDone(t('questionnaires.contribution.submitted')));
  const sendForReview = form.handleSubmit(async (input) => {
    try {
      await submission.mutateAsync(input);
      form.reset(form.getValues());
    } catch (error) {
      applyApiErrorToForm(error, form);
    }
  });
  const previous = contribution.previousAnswer;
  const isBusy = saveState.isSubmitting || submission.isPending;
  return (
    <FormProvider {...form}>
      {previous && (
        <PageSection id="respuesta-anterior" title={t('questionnaires.previousAnswer')} isPanel>
          <AnswerView question={contribution.question} answer={previous} />
          <button type="button" className="button" onClick={() => form.reset({ ...answerToValues(previous), version: form.getValues('version') }, { keepDefaultValues: true })}>
            {t('questionnaires.usePreviousAnswer')}
          </button>
        </PageSection>
      )}
      <section aria-labelledby="redactar">
        <h2 id="redactar">{t('questionnaires.contribution.draftTitle')}</h2>
        <form className="form" onSubmit={saveState.submitForm} noValidate>
          {saveState.serverError && <FormAlert tone="error">{saveState.serverError}</FormAlert>}
          {saveState.isSaved && <FormAlert tone="success">{t('questionnaires.contribution.saved')}</FormAlert>}
          <AnswerFields question={contribution.question} />
          <div className="form__actions">
            <SubmitButton label={t('questionnaires.contribution.saveDraft')} isPending={saveState.isSubmitting} />
            <button type="button" className="button button--primary" disabled={isBusy} onClick={() => void sendForReview()}>
              {t('questionnaires.contribution.submit')}
            </button>
          </div>
        </form>
      </section>
    </FormProvider>
  );
}

/** The coordinator's decision: accept, or send back saying what to change (the comment is then required). */
function ReviewPanel({ contribution, onDone }: { contribution: ContributionView; onDone: (message: string) => void }): ReactElement {
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | undefined>();
  const mutation = useApiMutation(contributionsApi.act);
  const act = (action: 'accept' | 'send-back') => {
    if (action === 'send-back' && comment.trim() === '') {
      setCommentError(t('questionnaires.review.commentRequired'));
      return;
    }
    setCommentError(undefined);
    mutation.mutate(
      { id: contribution.id, action, input: { comment, version: contribution.version } },
      { onSuccess: () => onDone(action === 'accept' ? t('questionnaires.review.accepted') : t('questionnaires.review.sentBack')) },
    );
  };
  return (
    <PageSection id="revisar" title={t('questionnaires.review.title')} isPanel>
      {mutation.isError && <FormAlert tone="error">{describeApiError(mutation.error)}</FormAlert>}
      <FormField label={t('questionnaires.review.comment')} hint={t('questionnaires.review.commentHint')} error={commentError}>
        {(control) => <textarea {...control} value={comment} onChange={(event) => setComment(event.target.value)} rows={3} />}
      </FormField>
      <div className="form__actions">
        <button type="button" className="button button--primary" disabled={mutation.isPending} onClick={() => act('accept')}>
          {t('questionnaires.review.accept')}
        </button>
        <button type="button" className="button" disabled={mutation.isPending} onClick={() => act('send-back')}>
          {t('questionnaires.review.sendBack')}
        </button>
      </div>
    </PageSection>
  );
}

export function ContributionPage(): ReactElement {
  const { contributionId } = routeApi.useParams();
  const query = useQuery(contributionsApi.detail(contributionId));
  const [outcome, setOutcome] = useState<string | null>(null);
  return (
    <QueryContent query={query}>
      {(contribution) => {
        const canEdit = contribution.abilities.edit && contribution.status !== 'accepted';
        return (
          <>
            <PageHeader
              title={t('questionnaires.contribution.title', { number: contribution.question.number, organization: contribution.organization.acronym ?? contribution.organization.name })}
              trail={[
                { label: t('nav.questionnaires'), to: '/cuestionarios' },
                { label: contribution.exercise.title, to: `/cuestionarios/${contribution.exercise.id}` },
              ]}
            />
            {outcome && <FormAlert tone="success">{outcome}</FormAlert>}
            <ContributionFacts contribution={contribution} />
            <section className="panel" aria-label={t('questionnaires.question')}>
              <QuestionSummary question={contribution.question} />
            </section>
            {contribution.reviewComment && (
              <div className={`alert ${contribution.status === 'sent_back' ? 'alert--error' : 'alert--success'}`} role="note">
                <p className="review-comment__title">{t('questionnaires.review.commentShown')}</p>
                <p>{contribution.reviewComment}</p>
              </div>
            )}
            {contribution.status === 'accepted' && <p className="alert">{t('questionnaires.contribution.locked')}</p>}
            {canEdit ? (
              <ContributionForm contribution={contribution} onDone={setOutcome} />
            ) : (
              <PageSection id="aportacion" title={t('questionnaires.contribution.answerTitle')}>
                <AnswerView question={contribution.question} answer={contribution.answer} />
              </PageSection>
            )}
            {contribution.links.length > 0 && (
              <PageSection id="vinculos" title={t('questionnaires.contribution.links')}>
                <ul>
                  {contribution.links.map((link) => (
                    <li key={`${link.kind}-${link.id}`}>
                      <RecordLink kind={link.kind} id={link.id} label={link.label} />
                    </li>
                  ))}
                </ul>
              </PageSection>
            )}
            {contribution.abilities.review && contribution.status === 'submitted' && <ReviewPanel contribution={contribution} onDone={setOutcome} />}
          </>
        );
      }}
    </QueryContent>
  );
}

/** A Telar record a contribution cites, linked where it has a page of its own. */
function RecordLink({ kind, id, label }: ContributionView['links'][number]): ReactElement {
  if (kind === 'activity') return <Link to="/actividades/$activityId" params={{ activityId: id }}>{label}</Link>;
  if (kind === 'agreement') return <Link to="/acuerdos/$agreementId" params={{ agreementId: id }}>{label}</Link>;
  return <>{`${t(`questionnaires.linkKind.${kind}`)}: ${label}`}</>;
}
