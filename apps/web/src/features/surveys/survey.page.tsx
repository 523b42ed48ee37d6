import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { QuestionDefinition, SurveyAudience } from '@telar/domain';
import type { ReactElement } from 'react';
import { describeApiError } from '../../api/api-error.util';
import { useEditForm } from '../../api/edit-form.hook';
import { useApiMutation } from '../../api/resources';
import { surveyNetworkApi, surveysApi, type SurveyRateRow, type SurveyRatesView, type SurveyView } from '../../api/survey-resources';
import { ConfirmButton } from '../../components/confirm-button.component';
import { FormAlert } from '../../components/form-alert.component';
import { FormFrame } from '../../components/form-frame.component';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { useStates } from '../../components/states.hook';
import { TableScroll } from '../../components/table-scroll.component';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';
import '../../i18n/zod-locale';
import { HorizontalBarChart } from '../dashboards/bar-charts.component';
import { surveyToForm, SurveyUpdateFormSchema } from './survey-form';
import { SurveyFields } from './survey-fields.component';
import { formatShare, readSegmentChoice } from './survey-results.component';
import { SurveyResultsTab } from './survey-results-tab.component';
import { formatQuestionKind, SurveyStatusBadge } from './survey-status.component';
import '../../styles/dashboards.css';
import '../../styles/surveys.css';

const routeApi = getRouteApi('/_internal/encuestas/$surveyId');

/** The audience in words: «Todos los integrantes», «Integrantes de Jalisco, Oaxaca»… */
function useAudienceText(survey: SurveyView): string {
  const { getStateName } = useStates();
  const network = useQuery(surveyNetworkApi.detail(survey.networkId));
  const audience: SurveyAudience = survey.audience;
  switch (audience.kind) {
    case 'commission': {
      const names = new Map((network.data?.commissions ?? []).map((commission) => [commission.bodyId, commission.name]));
      return t('surveys.audience.commissionText', { names: audience.commissionIds.map((id) => names.get(id) ?? id).join(', ') });
    }
    case 'states':
      return t('surveys.audience.statesText', { names: audience.stateCodes.map(getStateName).join(', ') });
    case 'list':
      return t('surveys.audience.listText', { count: audience.memberIds.length });
    default:
      return t('surveys.audience.all');
  }
}

function SurveyFacts({ survey }: { survey: SurveyView }): ReactElement {
  const audienceText = useAudienceText(survey);
  return (
    <dl className="facts">
      <div>
        <dt>{t('surveys.status')}</dt>
        <dd>
          <SurveyStatusBadge status={survey.status} />
        </dd>
      </div>
      <div>
        <dt>{t('surveys.form.anonymity')}</dt>
        <dd>{t(`surveys.anonymity.${survey.anonymity}`)}</dd>
      </div>
      <div>
        <dt>{t('surveys.form.audience')}</dt>
        <dd>{audienceText}</dd>
      </div>
      <div>
        <dt>{t('surveys.closesAt')}</dt>
        <dd>{survey.closesAt ? formatDateTime(survey.closesAt) : t('app.none')}</dd>
      </div>
      {survey.openedAt && (
        <div>
          <dt>{t('surveys.openedAt')}</dt>
          <dd>{formatDateTime(survey.openedAt)}</dd>
        </div>
      )}
      {survey.closedAt && (
        <div>
          <dt>{t('surveys.closedAt')}</dt>
          <dd>{formatDateTime(survey.closedAt)}</dd>
        </div>
      )}
      {survey.status !== 'draft' && (
        <>
          <div>
            <dt>{t('surveys.invited')}</dt>
            <dd>{formatNumber(survey.counts.invited)}</dd>
          </div>
          <div>
            <dt>{t('surveys.responses')}</dt>
            <dd>{formatNumber(survey.counts.responses)}</dd>
          </div>
          <div>
            <dt>{t('surveys.rate')}</dt>
            <dd>{formatShare(survey.counts.responseRate)}</dd>
          </div>
        </>
      )}
    </dl>
  );
}

/** «Abrir e invitar», «Enviar recordatorio» and «Cerrar», each confirmed; the outcome said in numbers. */
function SurveyActions({ survey }: { survey: SurveyView }): ReactElement | null {
  const audienceText = useAudienceText(survey);
  const target = { id: survey.id, version: survey.version };
  const open = useApiMutation(() => surveysApi.open(target));
  const remind = useApiMutation(() => surveysApi.remind(target));
  const close = useApiMutation(() => surveysApi.close(target));
  const failed = [open, remind, close].find((mutation) => mutation.isError);
  if (!survey.abilities.canManage) return null;
  return (
    <div className="survey-actions">
      <div className="form__actions">
        {survey.status === 'draft' && (
          <ConfirmButton
            className="button button--primary"
            label={t('surveys.actions.open')}
            title={t('surveys.actions.openTitle')}
            message={t('surveys.actions.openMessage', { audience: audienceText, count: survey.counts.invited })}
            onConfirm={() => open.mutate(undefined)}
            disabled={open.isPending}
          />
        )}
        {survey.status === 'open' && (
          <>
            <ConfirmButton
              label={t('surveys.actions.remind')}
              title={t('surveys.actions.remindTitle')}
              message={t('surveys.actions.remindMessage', { count: survey.counts.invited - survey.counts.responses })}
              onConfirm={() => remind.mutate(undefined)}
              disabled={remind.isPending}
            />
            <ConfirmButton label={t('surveys.actions.close')} title={t('surveys.actions.closeTitle')} message={t('surveys.actions.closeMessage')} onConfirm={() => close.mutate(undefined)} disabled={close.isPending} />
          </>
        )}
      </div>
      {open.data && (
        <FormAlert tone="success">
          {t('surveys.actions.opened', { count: open.data.invited })} {open.data.withoutEmail > 0 && t('surveys.actions.withoutEmail', { count: open.data.withoutEmail })}
        </FormAlert>
      )}
      {remind.data && (
        <FormAlert tone="success">
          {t('surveys.actions.reminded', { count: remind.data.reminded })} {remind.data.withoutEmail > 0 && t('surveys.actions.withoutEmail', { count: remind.data.withoutEmail })}
        </FormAlert>
      )}
      {close.isSuccess && <FormAlert tone="success">{t('surveys.actions.closed')}</FormAlert>}
      {failed && <FormAlert tone="error">{describeApiError(failed.error)}</FormAlert>}
    </div>
  );
}

/** A draft's fields; once open, the questions and the audience are fixed. */
function SurveyEditForm({ survey }: { survey: SurveyView }): ReactElement {
  const { form, saveState } = useEditForm({ schema: SurveyUpdateFormSchema, record: survey, toValues: surveyToForm, update: surveysApi.update });
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('surveys.save')} savedText={t('surveys.saved')}>
      <SurveyFields networkId={survey.networkId} />
    </FormFrame>
  );
}

function QuestionLine({ question }: { question: QuestionDefinition }): ReactElement {
  return (
    <li className="record">
      <p className="record__title">
        {question.number}. {question.text}
      </p>
      <p className="field__hint">
        {[formatQuestionKind(question.kind), question.required ? t('surveys.required') : null].filter(Boolean).join(' · ')}
        {question.options.length > 0 && ` — ${question.options.map((option) => option.label).join(' · ')}`}
      </p>
    </li>
  );
}

/** One segment kind's response rates: bars of the rate beside the table of invited and responded. */
function RatesTable({ rows, caption, segmentHeader }: { rows: readonly SurveyRateRow[]; caption: string; segmentHeader: string }): ReactElement {
  if (rows.length === 0) return <p className="dashboard-note">{t('surveys.rates.none')}</p>;
  return (
    <div className="dashboard-pair dashboard-pair--wide-table">
      <HorizontalBarChart
        data={rows.map((row) => ({ key: row.segment, label: row.label, value: (row.rate ?? 0) * 100 }))}
        title={t('surveys.results.chartOf', { table: caption })}
        formatValue={(value) => formatShare(value / 100)}
      />
      <TableScroll label={caption}>
        <table className="table dashboard-table survey-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{segmentHeader}</th>
              <th scope="col" className="numeric">
                {t('surveys.invited')}
              </th>
              <th scope="col" className="numeric">
                {t('surveys.responses')}
              </th>
              <th scope="col" className="numeric">
                {t('surveys.rate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.segment}>
                <th scope="row">{row.label}</th>
                <td className="numeric">{formatNumber(row.invited)}</td>
                <td className="numeric">{formatNumber(row.responded)}</td>
                <td className="numeric">{formatShare(row.rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

const RATE_GROUPS: { key: keyof Omit<SurveyRatesView, 'overall'>; segment: 'state' | 'sector' | 'commission' }[] = [
  { key: 'byState', segment: 'state' },
  { key: 'bySector', segment: 'sector' },
  { key: 'byCommission', segment: 'commission' },
];

function RatesSection({ surveyId }: { surveyId: string }): ReactElement {
  const query = useQuery(surveysApi.rates(surveyId));
  return (
    <PageSection id="tasas" title={t('surveys.rates.title')}>
      <QueryContent query={query}>
        {(rates) => (
          <>
            <p>{t('surveys.rates.overall', { responded: formatNumber(rates.overall.responded), invited: formatNumber(rates.overall.invited), rate: formatShare(rates.overall.rate) })}</p>
            {RATE_GROUPS.map((group) => (
              <div key={group.key} className="survey-rates-group">
                <h3>{t(`surveys.rates.by.${group.segment}`)}</h3>
                <RatesTable rows={rates[group.key]} caption={t(`surveys.rates.caption.${group.segment}`)} segmentHeader={t(`surveys.segment.${group.segment}`)} />
              </div>
            ))}
          </>
        )}
      </QueryContent>
    </PageSection>
  );
}

function SurveyTab({ survey }: { survey: SurveyView }): ReactElement {
  const isEditable = survey.status === 'draft' && survey.abilities.canManage;
  return (
    <>
      {survey.status !== 'draft' && <RatesSection surveyId={survey.id} />}
      {isEditable ? (
        <PageSection id="editar" title={t('surveys.edit')}>
          <SurveyEditForm survey={survey} />
        </PageSection>
      ) : (
        <PageSection id="preguntas" title={t('surveys.form.questions')}>
          {survey.description && <p>{survey.description}</p>}
          <ol className="record-list">
            {survey.definition.sections.flatMap((section) => section.questions).map((question) => (
              <QuestionLine key={question.key} question={question} />
            ))}
          </ol>
        </PageSection>
      )}
    </>
  );
}

export function SurveyPage(): ReactElement {
  const { surveyId } = routeApi.useParams();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const query = useQuery(surveysApi.detail(surveyId));
  const isResults = search.vista === 'resultados';
  return (
    <QueryContent query={query}>
      {(survey) => (
        <>
          <PageHeader
            title={survey.title}
            trail={[
              { label: survey.networkName, to: `/redes/${survey.networkId}` },
              { label: t('surveys.title'), to: `/redes/${survey.networkId}/encuestas` },
            ]}
          />
          <SurveyFacts survey={survey} />
          <SurveyActions survey={survey} />
          <nav aria-label={t('surveys.views')}>
            <ul className="status-tabs">
              <li>
                <Link to="/encuestas/$surveyId" params={{ surveyId }} search={{}} className="status-tabs__link" activeOptions={{ exact: true, includeSearch: true }}>
                  {t('surveys.tab.survey')}
                </Link>
              </li>
              <li>
                <Link to="/encuestas/$surveyId" params={{ surveyId }} search={{ vista: 'resultados' }} className="status-tabs__link" activeOptions={{ exact: true, includeSearch: true }}>
                  {t('surveys.tab.results')}
                </Link>
              </li>
            </ul>
          </nav>
          {isResults ? (
            <SurveyResultsTab
              survey={survey}
              choice={readSegmentChoice(search)}
              onChoiceChange={(choice) => void navigate({ search: { vista: 'resultados', ...choice }, replace: true })}
            />
          ) : (
            <SurveyTab survey={survey} />
          )}
        </>
      )}
    </QueryContent>
  );
}
