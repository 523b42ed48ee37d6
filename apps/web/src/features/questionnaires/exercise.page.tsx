import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { EXERCISE_STATUSES, REPLY_FORMATS, richTextToMarkup, type AssignmentView, type ExerciseDetailView, type ReplyFormat } from '@telar/domain';
import type { ReactElement } from 'react';
import { Controller } from 'react-hook-form';
import { describeApiError } from '../../api/api-error.util';
import { useEditForm } from '../../api/edit-form.hook';
import { questionnaireExercisesApi } from '../../api/questionnaire-resources';
import { useApiMutation } from '../../api/resources';
import { ChoiceOptions } from '../../components/choice-options.component';
import { ConfirmButton } from '../../components/confirm-button.component';
import { Disclosure } from '../../components/disclosure.component';
import { FormAlert } from '../../components/form-alert.component';
import { FormField } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { formatDate, formatRefName } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { AssignDialog } from './assign-dialog.component';
import { ExerciseBoard } from './exercise-board.component';
import { ContributionStatusBadge } from './contribution-status.component';
import { ExerciseDataFields } from './exercise-fields.component';
import { ExerciseEditSchema } from './exercise-form';
import { groupBySection } from './exercise-sections';
import { MarkupEditor } from './markup-editor.component';
import { ExerciseStatusBadge } from './exercise-status.component';
import { QuestionSummary } from './question-summary.component';
import '../../styles/questionnaires.css';

const routeApi = getRouteApi('/_internal/cuestionarios/$exerciseId');

function ExerciseFacts({ exercise }: { exercise: ExerciseDetailView }): ReactElement {
  const facts: [string, string | ReactElement][] = [
    [t('questionnaires.exercise.recipient'), exercise.recipient ?? t('app.none')],
    [t('questionnaires.exercise.reference'), exercise.reference ?? t('app.none')],
    [
      t('questionnaires.exercise.template'),
      <Link to="/cuestionarios/plantillas/$templateId" params={{ templateId: exercise.template.id }}>
        {t('questionnaires.exercise.templateVersion', { name: exercise.template.name, version: exercise.template.version })}
      </Link>,
    ],
    [t('questionnaires.exercise.body'), formatRefName(exercise.body)],
    [t('questionnaires.exercise.receivedOn'), formatDate(exercise.receivedOn)],
    [t('questionnaires.exercise.internalDueOn'), formatDate(exercise.internalDueOn)],
    [t('questionnaires.exercise.externalDueOn'), formatDate(exercise.externalDueOn)],
    [t('questionnaires.exercise.period'), exercise.periodFrom || exercise.periodTo ? `${formatDate(exercise.periodFrom)} – ${formatDate(exercise.periodTo)}` : t('app.none')],
    [t('questionnaires.exercise.plan'), exercise.plan ? <Link to="/planes/$planId" params={{ planId: exercise.plan.id }}>{exercise.plan.name}</Link> : t('app.none')],
    [
      t('questionnaires.exercise.previous'),
      exercise.previousExercise ? <Link to="/cuestionarios/$exerciseId" params={{ exerciseId: exercise.previousExercise.id }}>{exercise.previousExercise.title}</Link> : t('app.none'),
    ],
    [t('questionnaires.statusLabel'), <ExerciseStatusBadge exercise={exercise} />],
    [t('questionnaires.exercise.answered'), t('questionnaires.exercise.answeredOf', { answered: exercise.answeredCount, total: exercise.questionCount })],
  ];
  return (
    <dl className="facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The coordinator corrects the exercise's data, the reply's date, place and cover note, and its status. */
function ExerciseEditForm({ exercise }: { exercise: ExerciseDetailView }): ReactElement {
  const { form, saveState } = useEditForm({
    schema: ExerciseEditSchema,
    record: exercise,
    toValues: (source) => ({
      title: source.title,
      recipient: source.recipient ?? '',
      reference: source.reference ?? '',
      receivedOn: source.receivedOn ?? '',
      internalDueOn: source.internalDueOn ?? '',
      externalDueOn: source.externalDueOn ?? '',
      replyDate: source.replyDate ?? '',
      place: source.place ?? '',
      coverNote: source.coverNote ? richTextToMarkup(source.coverNote) : '',
      status: source.status,
    }),
    update: questionnaireExercisesApi.update,
  });
  const { errors } = form.formState;
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('form.saveChanges')} savedText={t('form.saved')}>
      <ExerciseDataFields />
      <div className="questionnaire-form-row">
        <FormField label={t('questionnaires.exercise.replyDate')} error={errors.replyDate?.message as string | undefined}>
          {(control) => <input {...control} {...form.register('replyDate')} type="date" />}
        </FormField>
        <FormField label={t('questionnaires.exercise.place')} error={errors.place?.message as string | undefined}>
          {(control) => <input {...control} {...form.register('place')} type="text" />}
        </FormField>
        <FormField label={t('questionnaires.statusLabel')} error={errors.status?.message as string | undefined}>
          {(control) => (
            <select {...control} {...form.register('status')}>
              <ChoiceOptions values={EXERCISE_STATUSES} getLabel={(status) => t(`questionnaires.exerciseStatus.${status}`)} />
            </select>
          )}
        </FormField>
      </div>
      <Controller
        control={form.control}
        name="coverNote"
        render={({ field }) => (
          <MarkupEditor label={t('questionnaires.exercise.coverNote')} value={field.value} onChange={field.onChange} onBlur={field.onBlur} rows={6} error={errors.coverNote?.message as string | undefined} />
        )}
      />
    </FormFrame>
  );
}

function AssignmentItem({ exercise, assignment }: { exercise: ExerciseDetailView; assignment: AssignmentView }): ReactElement {
  const mutation = useApiMutation(questionnaireExercisesApi.unassign);
  const name = assignment.organization.acronym ?? assignment.organization.name;
  return (
    <li className="assignment">
      <Link to="/aportaciones/$contributionId" params={{ contributionId: assignment.contributionId }}>
        {formatRefName(assignment.organization)}
      </Link>
      <ContributionStatusBadge status={assignment.status} isOverdue={assignment.isOverdue} />
      {assignment.dueOn && <span className="assignment__due">{t('questionnaires.dueOnDate', { date: formatDate(assignment.dueOn) })}</span>}
      {exercise.abilities.edit && assignment.status !== 'accepted' && (
        <ConfirmButton
          label={t('questionnaires.assign.remove', { organization: name })}
          title={t('questionnaires.assign.removeTitle')}
          message={t('questionnaires.assign.removeMessage', { organization: name })}
          confirmLabel={t('questionnaires.assign.removeConfirm')}
          disabled={mutation.isPending}
          onConfirm={() => mutation.mutate({ id: exercise.id, contributionId: assignment.contributionId })}
        />
      )}
      {mutation.isError && <FormAlert tone="error">{describeApiError(mutation.error)}</FormAlert>}
    </li>
  );
}

function QuestionsTab({ exercise }: { exercise: ExerciseDetailView }): ReactElement {
  return (
    <>
      {exercise.abilities.edit && (
        <div className="toolbar">
          <AssignDialog exercise={exercise} />
          <Link to="/cuestionarios/$exerciseId/consolidar" params={{ exerciseId: exercise.id }} className="button">
            {t('questionnaires.consolidation.open')}
          </Link>
        </div>
      )}
      {groupBySection(exercise.questions).map(({ section, questions }, index) => (
        <section key={`${index}-${section ?? ''}`} aria-labelledby={`seccion-${index}`} className="exercise-section">
          <h2 id={`seccion-${index}`}>{section ?? t('questionnaires.noSection')}</h2>
          <ol className="record-list exercise-questions">
            {questions.map((question) => {
              const assignments = exercise.assignments.filter((assignment) => assignment.questionId === question.id);
              return (
                <li key={question.id} className="record">
                  <QuestionSummary question={question} headingLevel={3} />
                  <p className="question-summary__meta">{question.isAnswered ? t('questionnaires.answered') : t('questionnaires.notAnswered')}</p>
                  {assignments.length === 0 ? (
                    <p className="empty">{t('questionnaires.assign.none')}</p>
                  ) : (
                    <ul className="assignment-list" aria-label={t('questionnaires.assign.listLabel', { number: question.number })}>
                      {assignments.map((assignment) => (
                        <AssignmentItem key={assignment.id} exercise={exercise} assignment={assignment} />
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </>
  );
}

const DOWNLOAD_LABELS: Record<ReplyFormat, 'questionnaires.download.docx' | 'questionnaires.download.md' | 'questionnaires.download.json'> = {
  docx: 'questionnaires.download.docx',
  md: 'questionnaires.download.md',
  json: 'questionnaires.download.json',
};

function ReplyControls({ exercise }: { exercise: ExerciseDetailView }): ReactElement {
  const mutation = useApiMutation(questionnaireExercisesApi.changePublication);
  const action = exercise.isPublished ? 'unpublish' : 'publish';
  return (
    <PageSection id="respuesta" title={t('questionnaires.reply.title')}>
      <div className="toolbar">
        {REPLY_FORMATS.map((format) => (
          <a key={format} className="button" href={questionnaireExercisesApi.replyUrl(exercise.id, format)} download>
            {t(DOWNLOAD_LABELS[format])}
          </a>
        ))}
        {exercise.abilities.publish && (
          <ConfirmButton
            className={exercise.isPublished ? 'button' : 'button button--primary'}
            label={t(`questionnaires.reply.${action}`)}
            title={t(`questionnaires.reply.${action}Title`)}
            message={t(`questionnaires.reply.${action}Message`)}
            disabled={mutation.isPending}
            onConfirm={() => mutation.mutate({ id: exercise.id, version: exercise.version, action })}
          />
        )}
      </div>
      {mutation.isError && <FormAlert tone="error">{describeApiError(mutation.error)}</FormAlert>}
    </PageSection>
  );
}

export function ExercisePage(): ReactElement {
  const { exerciseId } = routeApi.useParams();
  const { vista } = routeApi.useSearch();
  const query = useQuery(questionnaireExercisesApi.detail(exerciseId));
  const isBoard = vista === 'tablero';
  return (
    <QueryContent query={query}>
      {(exercise) => (
        <>
          <PageHeader title={exercise.title} trail={[{ label: t('nav.questionnaires'), to: '/cuestionarios' }]} />
          <ExerciseFacts exercise={exercise} />
          {exercise.abilities.edit && (
            <Disclosure summary={t('questionnaires.exercise.edit')}>
              <ExerciseEditForm exercise={exercise} />
            </Disclosure>
          )}
          <ReplyControls exercise={exercise} />
          <nav aria-label={t('questionnaires.views')}>
            <ul className="status-tabs">
              <li>
                <Link to="/cuestionarios/$exerciseId" params={{ exerciseId }} search={{ vista: undefined }} className="status-tabs__link" activeOptions={{ exact: true, includeSearch: true }}>
                  {t('questionnaires.tab.questions')}
                </Link>
              </li>
              <li>
                <Link to="/cuestionarios/$exerciseId" params={{ exerciseId }} search={{ vista: 'tablero' }} className="status-tabs__link" activeOptions={{ exact: true, includeSearch: true }}>
                  {t('questionnaires.tab.board')}
                </Link>
              </li>
            </ul>
          </nav>
          {isBoard ? <ExerciseBoard exerciseId={exercise.id} /> : <QuestionsTab exercise={exercise} />}
        </>
      )}
    </QueryContent>
  );
}
