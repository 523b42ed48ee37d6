import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { publicSurveysApi } from '../../api/survey-resources';
import { PageHeader } from '../../components/page-header.component';
import { QueryContent } from '../../components/query-content.component';
import { formatDate } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { QuestionResult, readSegmentChoice, ResultsSummary, SegmentFilter } from './survey-results.component';

const routeApi = getRouteApi('/publico/encuestas/$surveyId');

/** The portal's surveys: those whose coordination published some results. */
export function PublicSurveysPage(): ReactElement {
  const query = useQuery(publicSurveysApi.list);
  return (
    <>
      <PageHeader title={t('surveys.public.title')} eyebrow={t('public.name')} />
      <p className="lead">{t('surveys.public.intro')}</p>
      <QueryContent query={query}>
        {(surveys) =>
          surveys.length === 0 ? (
            <p>{t('surveys.public.empty')}</p>
          ) : (
            <ul className="record-list">
              {surveys.map((survey) => (
                <li key={survey.id} className="record">
                  <p className="record__title">
                    <Link to="/publico/encuestas/$surveyId" params={{ surveyId: survey.id }}>
                      {survey.title}
                    </Link>
                  </p>
                  <p className="dashboard-note">
                    {[
                      survey.networkName,
                      survey.closedAt ? t('surveys.public.closedOn', { date: formatDate(survey.closedAt) }) : null,
                      t('surveys.public.respondents', { count: survey.respondents }),
                      t('surveys.public.questions', { count: survey.questions }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryContent>
    </>
  );
}

/** A survey's published results: each published question's chart and table, its themes and marked quotes. */
export function PublicSurveyPage(): ReactElement {
  const { surveyId } = routeApi.useParams();
  const choice = readSegmentChoice(routeApi.useSearch());
  const navigate = routeApi.useNavigate();
  const query = useQuery(publicSurveysApi.results(surveyId, choice));
  return (
    <QueryContent query={query}>
      {(results) => (
        <>
          <PageHeader title={results.survey.title} eyebrow={results.survey.networkName} trail={[{ label: t('surveys.public.title'), to: '/publico/encuestas' }]} />
          <p className="lead">{t('surveys.public.resultsIntro')}</p>
          <SegmentFilter segments={results.segments} value={choice} onChange={(next) => void navigate({ search: next, replace: true })} />
          <ResultsSummary results={results} />
          {!results.suppressed &&
            results.questions.map((question) => <QuestionResult key={question.key} question={question} headingLevel={2} />)}
        </>
      )}
    </QueryContent>
  );
}
