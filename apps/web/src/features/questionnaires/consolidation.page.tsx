import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { AnswerUpdateSchema, markupToRichText, richTextToMarkup, type Answer, type ConsolidationQuestionView, type ConsolidationView, type OrganizationRef, type RichText } from '@telar/domain';
import { useState, type ReactElement } from 'react';
import { FormProvider, useFormContext, type FieldErrors } from 'react-hook-form';
import { describeApiError } from '../../api/api-error.util';
import { useEditForm } from '../../api/edit-form.hook';
import { questionnaireExercisesApi } from '../../api/questionnaire-resources';
import { useApiMutation } from '../../api/resources';
import { AbilityGate } from '../../auth/ability-gate.component';
import { CheckboxGroup } from '../../components/checkbox-group.component';
import { Disclosure } from '../../components/disclosure.component';
import { FormAlert } from '../../components/form-alert.component';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { toNullableNumber } from '../../components/form-values.util';
import { PageHeader } from '../../components/page-header.component';
import { QueryContent } from '../../components/query-content.component';
import { SubmitButton } from '../../components/submit-button.component';
import { formatDate, formatRefName } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { appendParagraph, blockAsRichText, insertBlocks, moveBlock, removeBlock, replaceBlock } from './answer-blocks';
import { AnswerTableHead, AnswerView } from './answer-fields.component';
import { isClosedKind, optionsOf, takesText } from './answer-form';
import { ContributionStatusBadge } from './contribution-status.component';
import { MarkupEditor, describeMarkupErrors } from './markup-editor.component';
import { collectErrorMessages } from './form-errors';
import { QuestionSummary } from './question-summary.component';
import { RichTextBlock, RichTextFootnotes } from '../../components/rich-text.component';
import { diffWords } from './word-diff';
import '../../styles/questionnaires.css';
import { TableScroll } from '../../components/table-scroll.component';

const routeApi = getRouteApi('/_internal/cuestionarios/$exerciseId/consolidar');

interface OfficialAnswer {
  id: string;
  version: number;
  answer: Answer;
}
type AnswerFormValues = { answer: Answer; version: number };

const toOfficialAnswer = (item: ConsolidationQuestionView): OfficialAnswer => ({ id: item.question.id, version: item.answerVersion, answer: item.answer });

/** Small chips naming the organisations a block came from. */
function SourceChips({ sources, organizations }: { sources: readonly string[] | undefined; organizations: ReadonlyMap<string, OrganizationRef> }): ReactElement {
  if (!sources || sources.length === 0) return <p className="source-chips source-chips--none">{t('questionnaires.consolidation.noSource')}</p>;
  const names = sources.map((id) => organizations.get(id)?.acronym ?? organizations.get(id)?.name ?? id);
  return (
    <p className="source-chips">
      {names.map((name) => (
        <span key={name} className="chip">
          {t('questionnaires.consolidation.contributedBy', { name })}
        </span>
      ))}
    </p>
  );
}

/** One block of the official answer with its contributors and what can be done to it. */
function BlockItem({ index, count, richText, onChange, organizations }: { index: number; count: number; richText: RichText; onChange: (next: RichText) => void; organizations: ReadonlyMap<string, OrganizationRef> }): ReactElement {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const block = richText.blocks[index]!;
  const position = index + 1;
  const apply = () => {
    const reading = markupToRichText(draft ?? '');
    if ('errors' in reading) return setError(describeMarkupErrors(reading));
    onChange(replaceBlock(richText, index, reading.value));
    setDraft(null);
    setError(undefined);
  };
  return (
    <li className="answer-block">
      {draft === null ? (
        <>
          <RichTextBlock block={block} />
          <RichTextFootnotes richText={blockAsRichText(richText, index)} />
        </>
      ) : (
        <MarkupEditor label={t('questionnaires.consolidation.blockText', { position })} value={draft} onChange={setDraft} error={error} rows={6} />
      )}
      <SourceChips sources={block.sources} organizations={organizations} />
      <div className="answer-block__actions">
        {draft === null ? (
          <>
            <button type="button" className="button" disabled={index === 0} onClick={() => onChange(moveBlock(richText, index, -1))}>
              {t('questionnaires.consolidation.moveUp', { position })}
            </button>
            <button type="button" className="button" disabled={index === count - 1} onClick={() => onChange(moveBlock(richText, index, 1))}>
              {t('questionnaires.consolidation.moveDown', { position })}
            </button>
            <button type="button" className="button" onClick={() => setDraft(richTextToMarkup(blockAsRichText(richText, index)))}>
              {t('questionnaires.consolidation.editBlock', { position })}
            </button>
            <button type="button" className="button" onClick={() => onChange(removeBlock(richText, index))}>
              {t('questionnaires.consolidation.deleteBlock', { position })}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button button--primary" onClick={apply}>
              {t('questionnaires.consolidation.applyEdit', { position })}
            </button>
            <button type="button" className="button" onClick={() => { setDraft(null); setError(undefined); }}>
              {t('form.cancel')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}

/** The coordinator's own words, added after the blocks (attributed to no organisation). */
function OwnTextForm({ onAdd }: { onAdd: (added: RichText) => void }): ReactElement {
  const [markup, setMarkup] = useState('');
  const [error, setError] = useState<string | undefined>();
  const add = () => {
    const reading = markupToRichText(markup);
    if ('errors' in reading) return setError(describeMarkupErrors(reading));
    onAdd(reading.value);
    setMarkup('');
    setError(undefined);
  };
  return (
    <Disclosure summary={t('questionnaires.consolidation.ownText')}>
      <MarkupEditor label={t('questionnaires.consolidation.ownTextLabel')} value={markup} onChange={setMarkup} error={error} rows={5} canInsertDataTable />
      <button type="button" className="button" onClick={add}>
        {t('questionnaires.consolidation.addOwnText')}
      </button>
    </Disclosure>
  );
}

/** The closed question's choice, made once, beside which options each contributor chose. */
function ChoiceFields({ item }: { item: ConsolidationQuestionView }): ReactElement {
  const { watch, setValue, register } = useFormContext<AnswerFormValues>();
  const options = optionsOf(item.question);
  const selected = watch('answer.selected');
  const chosenBy = (key: string) => item.accepted.filter((contribution) => contribution.answer.selected.includes(key)).map((contribution) => contribution.organization.acronym ?? contribution.organization.name);
  return (
    <>
      <FormFieldset legend={t('questionnaires.consolidation.choice', { number: item.question.number })}>
        <CheckboxGroup
          options={options.map((option) => {
            const by = chosenBy(option.key);
            return { value: option.key, label: by.length > 0 ? t('questionnaires.consolidation.optionChosenBy', { label: option.label, names: by.join(', ') }) : option.label };
          })}
          value={selected}
          onChange={(value) => setValue('answer.selected', value, { shouldDirty: true })}
          isSingleChoice={item.question.kind !== 'multiple_choice'}
        />
      </FormFieldset>
      {options.some((option) => option.other && selected.includes(option.key)) && (
        <FormField label={t('questionnaires.answer.otherText')}>
          {(control) => <input {...control} {...register('answer.otherText', { setValueAs: (value: string) => value || null })} type="text" />}
        </FormField>
      )}
    </>
  );
}

/** Last exercise's answer beside this one, word by word; while it is a proposal still to decide, to take it or set it aside. */
function CarriedAnswer({ exerciseId, item, current }: { exerciseId: string; item: ConsolidationQuestionView; current: RichText }): ReactElement | null {
  const mutation = useApiMutation(questionnaireExercisesApi.decideCarried);
  if (!item.previousAnswer) return null;
  const parts = diffWords(richTextToMarkup(item.previousAnswer.text), richTextToMarkup(current));
  const decide = (decision: 'use' | 'discard') => mutation.mutate({ id: exerciseId, questionId: item.question.id, decision, version: item.answerVersion });
  return (
    <div className="panel carried">
      <h3>{t('questionnaires.consolidation.carriedTitle')}</h3>
      <div className="side-by-side">
        <div>
          <h4>{t('questionnaires.consolidation.carriedPrevious')}</h4>
          <AnswerView question={item.question} answer={item.previousAnswer} />
        </div>
        <div>
          <h4>{t('questionnaires.consolidation.carriedDiff')}</h4>
          <p className="word-diff">
            {parts.map((part, index) =>
              part.kind === 'same' ? (
                <span key={index}>{part.text}</span>
              ) : part.kind === 'removed' ? (
                <del key={index} className="word-diff__removed">{part.text}</del>
              ) : (
                <ins key={index} className="word-diff__added">{part.text}</ins>
              ),
            )}
          </p>
        </div>
      </div>
      {mutation.isError && <FormAlert tone="error">{describeApiError(mutation.error)}</FormAlert>}
      {item.hasCarriedAnswer && (
        <div className="form__actions">
          <button type="button" className="button" disabled={mutation.isPending} onClick={() => decide('use')}>
            {t('questionnaires.consolidation.useCarried')}
          </button>
          <button type="button" className="button" disabled={mutation.isPending} onClick={() => decide('discard')}>
            {t('questionnaires.consolidation.discardCarried')}
          </button>
        </div>
      )}
    </div>
  );
}

/** What Telar knows of the plan node in the period, as a sentence the coordinator can insert. */
function describePrefill(prefill: NonNullable<ConsolidationQuestionView['prefill']>): string {
  const activities = prefill.activities.map((activity) => {
    const details = [
      activity.startDate ? t('questionnaires.prefill.dates', { from: formatDate(activity.startDate), to: formatDate(activity.endDate ?? activity.startDate) }) : null,
      activity.participants !== null ? t('questionnaires.prefill.participants', { count: activity.participants }) : null,
      activity.events !== null ? t('questionnaires.prefill.events', { count: activity.events }) : null,
    ].filter(Boolean);
    return details.length > 0 ? `${activity.title} (${details.join('; ')})` : activity.title;
  });
  return [prefill.status ? t('questionnaires.prefill.statusSentence', { status: prefill.status }) : null, activities.length > 0 ? t('questionnaires.prefill.activitiesSentence', { activities: activities.join('; ') }) : null]
    .filter(Boolean)
    .join(' ');
}

function PrefillPanel({ prefill, onInsert }: { prefill: NonNullable<ConsolidationQuestionView['prefill']>; onInsert: (text: string) => void }): ReactElement {
  const sentence = describePrefill(prefill);
  return (
    <div className="panel">
      <h3>{t('questionnaires.prefill.title')}</h3>
      <p>
        {t('questionnaires.prefill.status')}: {prefill.status ?? t('app.none')}
      </p>
      {prefill.activities.length > 0 ? (
        <ul>
          {prefill.activities.map((activity) => (
            <li key={activity.id}>
              {activity.title} · {formatDate(activity.startDate)} – {formatDate(activity.endDate)}
              {activity.participants !== null && ` · ${t('questionnaires.prefill.participants', { count: activity.participants })}`}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t('questionnaires.prefill.noActivities')}</p>
      )}
      <button type="button" className="button" disabled={sentence === ''} onClick={() => onInsert(sentence)}>
        {t('questionnaires.prefill.insert')}
      </button>
    </div>
  );
}

/** One question: the accepted contributions beside the official answer, which is saved on its own. */
function QuestionConsolidation({ exerciseId, item, organizations }: { exerciseId: string; item: ConsolidationQuestionView; organizations: ReadonlyMap<string, OrganizationRef> }): ReactElement {
  const queryClient = useQueryClient();
  const { form, saveState } = useEditForm({
    schema: AnswerUpdateSchema,
    record: toOfficialAnswer(item),
    toValues: (source) => ({ answer: source.answer }),
    // The saved answer is read back from the consolidation, whatever the PUT answers with.
    update: async (questionId, input): Promise<OfficialAnswer> => {
      await questionnaireExercisesApi.saveAnswer({ id: exerciseId, questionId, input });
      const view: ConsolidationView = await queryClient.fetchQuery({ ...questionnaireExercisesApi.consolidation(exerciseId), staleTime: 0 });
      const saved = view.questions.find((candidate) => candidate.question.id === questionId);
      return saved ? toOfficialAnswer(saved) : { id: questionId, version: input.version + 1, answer: input.answer };
    },
  });
  const text: RichText = form.watch('answer.text');
  const setText = (next: RichText) => form.setValue('answer.text', next, { shouldDirty: true });
  const { question } = item;
  const headingId = `pregunta-${question.id}`;
  const problems = collectErrorMessages(form.formState.errors.answer as FieldErrors | undefined);
  return (
    <section aria-labelledby={headingId} className="consolidation-question">
      <h2 id={headingId}>
        {question.number}. {question.text}
      </h2>
      <QuestionSummaryMeta item={item} />
      <div className="side-by-side">
        <div>
          <h3>{t('questionnaires.consolidation.accepted')}</h3>
          {item.accepted.length === 0 && <p className="empty">{t('questionnaires.consolidation.noneAccepted')}</p>}
          <ul className="record-list">
            {item.accepted.map((contribution) => {
              const nameId = `${headingId}-${contribution.contributionId}`;
              return (
                <li key={contribution.contributionId} className="record">
                  <h4 id={nameId} className="record__title">{formatRefName(contribution.organization)}</h4>
                  <AnswerView question={question} answer={contribution.answer} />
                  {contribution.answer.text.blocks.length > 0 && (
                    <button type="button" className="button" aria-describedby={nameId} onClick={() => setText(insertBlocks(form.getValues('answer.text'), contribution.answer.text, contribution.organization.id))}>
                      {t('questionnaires.consolidation.insert')}
                    </button>
                  )}
                  {question.kind === 'table' && contribution.answer.rows.length > 0 && (
                    <button type="button" className="button" aria-describedby={nameId} onClick={() => form.setValue('answer.rows', [...(form.getValues('answer.rows') ?? []), ...contribution.answer.rows], { shouldDirty: true })}>
                      {t('questionnaires.consolidation.insertRows')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          {item.waiting.length > 0 && (
            <>
              <h4>{t('questionnaires.consolidation.waiting')}</h4>
              <ul className="assignment-list">
                {item.waiting.map((waiting) => (
                  <li key={waiting.organization.id} className="assignment">
                    {formatRefName(waiting.organization)} <ContributionStatusBadge status={waiting.status} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        <FormProvider {...form}>
          <form className="form official-answer" onSubmit={saveState.submitForm} noValidate aria-labelledby={`${headingId}-official ${headingId}`}>
            <h3 id={`${headingId}-official`}>{t('questionnaires.consolidation.official')}</h3>
            {saveState.serverError && <FormAlert tone="error">{[saveState.serverError, ...problems].join(' ')}</FormAlert>}
            {saveState.isSaved && <FormAlert tone="success">{t('questionnaires.consolidation.saved')}</FormAlert>}
            {isClosedKind(question) && <ChoiceFields item={item} />}
            {question.kind === 'number' && (
              <FormField label={t('questionnaires.answer.number', { number: question.number })}>
                {(control) => <input {...control} {...form.register('answer.number', { setValueAs: toNullableNumber })} type="number" step="any" inputMode="decimal" />}
              </FormField>
            )}
            {question.kind === 'date' && (
              <FormField label={t('questionnaires.answer.date', { number: question.number })}>
                {(control) => <input {...control} {...form.register('answer.date', { setValueAs: (value: string) => value || null })} type="date" />}
              </FormField>
            )}
            {question.kind === 'table' && <OfficialRows question={item.question} />}
            {(takesText(question) || text.blocks.length > 0) && (
              <>
                {text.blocks.length === 0 ? (
                  <p className="empty">{t('questionnaires.noText')}</p>
                ) : (
                  <ol className="answer-blocks" aria-label={t('questionnaires.consolidation.blocks')}>
                    {text.blocks.map((block, index) => (
                      <BlockItem key={`${index}-${block.type}`} index={index} count={text.blocks.length} richText={text} onChange={setText} organizations={organizations} />
                    ))}
                  </ol>
                )}
                <OwnTextForm onAdd={(added) => setText({ blocks: [...text.blocks, ...added.blocks], footnotes: [...text.footnotes, ...added.footnotes.filter((note) => !text.footnotes.some((existing) => existing.id === note.id))] })} />
              </>
            )}
            <div className="form__actions">
              <SubmitButton label={t('form.save')} isPending={saveState.isSubmitting} />
            </div>
          </form>
        </FormProvider>
      </div>
      <CarriedAnswer exerciseId={exerciseId} item={item} current={text} />
      {item.prefill && <PrefillPanel prefill={item.prefill} onInsert={(sentence) => setText(appendParagraph(form.getValues('answer.text'), sentence))} />}
    </section>
  );
}

/** Help, editorial notes and conditions of the question, under its heading. */
function QuestionSummaryMeta({ item }: { item: ConsolidationQuestionView }): ReactElement {
  return (
    <Disclosure summary={t('questionnaires.consolidation.questionDetails')}>
      <QuestionSummary question={item.question} headingLevel={3} />
    </Disclosure>
  );
}

/** The official table: the rows inserted from contributions, each removable. */
function OfficialRows({ question }: { question: ConsolidationQuestionView['question'] }): ReactElement {
  const { watch, setValue } = useFormContext<AnswerFormValues>();
  const rows = watch('answer.rows');
  if (rows.length === 0) return <p className="empty">{t('questionnaires.consolidation.noRows')}</p>;
  return (
    <TableScroll label={t('questionnaires.answer.table', { number: question.number })}>
      <table className="table table--compact">
        <caption>{t('questionnaires.answer.table', { number: question.number })}</caption>
        <AnswerTableHead columns={question.columns} />
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {question.columns.map((column, index) => (
                <td key={column.key}>{row[index] ?? ''}</td>
              ))}
              <td>
                <button type="button" className="button" onClick={() => setValue('answer.rows', rows.filter((_, index) => index !== rowIndex), { shouldDirty: true })}>
                  {t('questionnaires.answer.removeRow', { row: rowIndex + 1 })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function ConsolidationPage(): ReactElement {
  const { exerciseId } = routeApi.useParams();
  const exercise = useQuery(questionnaireExercisesApi.detail(exerciseId));
  const canEdit = exercise.data?.abilities.edit ?? false;
  const query = useQuery({ ...questionnaireExercisesApi.consolidation(exerciseId), enabled: canEdit });
  const title = exercise.data?.title ?? t('questionnaires.title');
  return (
    <>
      <PageHeader
        title={t('questionnaires.consolidation.title')}
        trail={[
          { label: t('nav.questionnaires'), to: '/cuestionarios' },
          { label: title, to: `/cuestionarios/${exerciseId}` },
        ]}
      />
      <p>{t('questionnaires.consolidation.intro')}</p>
      {exercise.data && !canEdit ? (
        <AbilityGate isAllowed={false}>{null}</AbilityGate>
      ) : (
        <QueryContent query={query}>
          {(view) => {
            const organizations = new Map(view.organizations.map((organization) => [organization.id, organization]));
            return view.questions.length === 0 ? (
              <p className="empty">{t('questionnaires.consolidation.empty')}</p>
            ) : (
              view.questions.map((item) => <QuestionConsolidation key={item.question.id} exerciseId={exerciseId} item={item} organizations={organizations} />)
            );
          }}
        </QueryContent>
      )}
    </>
  );
}

