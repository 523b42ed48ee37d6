import { useQuery } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { describeApiError } from '../../api/api-error.util';
import { useApiMutation } from '../../api/resources';
import { surveysApi, type SegmentChoice, type SurveyResultsView, type SurveyView } from '../../api/survey-resources';
import { CheckboxGroup } from '../../components/checkbox-group.component';
import { FormAlert } from '../../components/form-alert.component';
import { FormFieldset } from '../../components/form-field.component';
import { ListDownloads } from '../../components/list-downloads.component';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { SubmitButton } from '../../components/submit-button.component';
import { t } from '../../i18n/translate';
import { ThemeCodingPanel } from './survey-coding.component';
import { QuestionResult, ResultsSummary, SegmentFilter } from './survey-results.component';

/** «Publicar»: which questions' results go to the portal (none: the survey leaves it). */
function PublicationForm({ survey, results }: { survey: SurveyView; results: SurveyResultsView }): ReactElement {
  const [chosen, setChosen] = useState<string[]>(survey.publishedQuestions);
  const publish = useApiMutation(surveysApi.publish);
  const options = results.questions.map((question) => ({ value: question.key, label: `${question.number}. ${question.text}` }));
  return (
    <PageSection id="publicacion" title={t('surveys.publication.title')} isPanel>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          publish.mutate({ id: survey.id, questionKeys: chosen });
        }}
      >
        <FormFieldset legend={t('surveys.publication.questions')} hint={t('surveys.publication.hint')}>
          <CheckboxGroup options={options} value={chosen} onChange={setChosen} />
        </FormFieldset>
        {publish.isSuccess && <FormAlert tone="success">{chosen.length > 0 ? t('surveys.publication.done', { count: chosen.length }) : t('surveys.publication.withdrawn')}</FormAlert>}
        {publish.isError && <FormAlert tone="error">{describeApiError(publish.error)}</FormAlert>}
        <div className="form__actions">
          <SubmitButton label={chosen.length > 0 ? t('surveys.publication.publish') : t('surveys.publication.unpublish')} isPending={publish.isPending} />
        </div>
      </form>
    </PageSection>
  );
}

interface ResultsTabProps {
  survey: SurveyView;
  choice: SegmentChoice;
  onChoiceChange: (choice: SegmentChoice) => void;
}

/**
 * The results: a segment filter (only the segments the API offers), each question's chart and table,
 * the theme coding of open answers, the downloads of what is on screen and the publication.
 */
export function SurveyResultsTab({ survey, choice, onChoiceChange }: ResultsTabProps): ReactElement {
  // While a survey that admits anonymous responses is open, the API keeps its results (they would tell who just answered).
  const isWaitingForClose = survey.anonymity !== 'named' && survey.status === 'open';
  const query = useQuery({ ...surveysApi.results(survey.id, choice), enabled: survey.status !== 'draft' && !isWaitingForClose });
  if (survey.status === 'draft') return <p>{t('surveys.results.draft')}</p>;
  if (isWaitingForClose) return <p>{t('surveys.results.anonymousOpen')}</p>;
  return (
    <QueryContent query={query}>
      {(results) => (
        <>
          <SegmentFilter segments={results.segments} value={choice} onChange={onChoiceChange} />
          <ResultsSummary results={results} />
          {/* A segment too small to show is not downloadable either. */}
          {!results.suppressed && (
            <div className="downloads">
              <ListDownloads exportUrl={(format) => surveysApi.exportUrl(survey.id, format, choice)} />
            </div>
          )}
          {!results.suppressed &&
            results.questions.map((question) => (
              <div key={question.key}>
                <QuestionResult question={question} />
                {question.published && <p className="dashboard-note">{t('surveys.publication.published')}</p>}
                {question.kind === 'open' && survey.abilities.canManage && !choice.segment && <ThemeCodingPanel surveyId={survey.id} question={question} />}
              </div>
            ))}
          {survey.abilities.canManage && <PublicationForm survey={survey} results={results} />}
        </>
      )}
    </QueryContent>
  );
}
