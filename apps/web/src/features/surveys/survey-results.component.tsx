import type { SegmentKind } from '@telar/domain';
import { useId, type ReactElement } from 'react';
import type { SegmentChoice, SurveyQuestionResult, SurveyResultsView } from '../../api/survey-resources';
import { TableScroll } from '../../components/table-scroll.component';
import { formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { HorizontalBarChart } from '../dashboards/bar-charts.component';
import '../../styles/dashboards.css';
import '../../styles/surveys.css';

// The domain's SEGMENT_KINDS sits beside its zod schemas; the portal keeps zod out of its pages, so
// the kinds are listed here. A Record makes a kind added to the domain a compile error.
const SEGMENT_POSITIONS: Record<SegmentKind, number> = { state: 0, sector: 1, commission: 2 };
const SEGMENT_KINDS = Object.keys(SEGMENT_POSITIONS) as SegmentKind[];

const percentFormat = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 1 });

/** A share (0–1) as «45.5 %»; none as «—». */
export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined ? t('app.none') : t('surveys.percent', { value: percentFormat.format(share * 100) });
}

/** A count the API may withhold (a suppressed segment): «—». */
const formatCount = (value: number | null) => (value === null ? t('app.none') : formatNumber(value));

const formatDecimal = (value: number | null) => (value === null ? t('app.none') : percentFormat.format(value));

const CHOICE_KINDS = new Set(['single_choice', 'multiple_choice', 'rating']);

/**
 * A closed question's table: each option's respondents and their share; a multiple-choice question
 * also its mentions and their share, each column saying which it is (the first sums over 100 %).
 */
export function OptionsTable({ question }: { question: SurveyQuestionResult }): ReactElement {
  const isMultiple = question.kind === 'multiple_choice';
  const caption = t('surveys.results.tableCaption', { question: `${question.number}. ${question.text}` });
  return (
    <TableScroll label={caption}>
      <table className="table dashboard-table survey-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('surveys.results.option')}</th>
            <th scope="col" className="numeric">
              {t('surveys.results.respondents')}
            </th>
            <th scope="col" className="numeric">
              {t('surveys.results.shareOfRespondents')}
            </th>
            {isMultiple && (
              <>
                <th scope="col" className="numeric">
                  {t('surveys.results.mentions')}
                </th>
                <th scope="col" className="numeric">
                  {t('surveys.results.shareOfMentions')}
                </th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {question.options.map((option) => (
            <tr key={option.key}>
              <th scope="row">{option.label}</th>
              <td className="numeric">{formatNumber(option.respondents)}</td>
              <td className="numeric">{formatShare(option.shareOfRespondents)}</td>
              {isMultiple && (
                <>
                  <td className="numeric">{formatNumber(option.mentions)}</td>
                  <td className="numeric">{formatShare(option.shareOfMentions)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('surveys.results.answered')}</th>
            <td className="numeric">{formatNumber(question.answers)}</td>
            <td />
            {isMultiple && (
              <>
                <td className="numeric">{formatNumber(question.mentions)}</td>
                <td />
              </>
            )}
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}

/** A number question: how many answered, their mean, median and range. */
function NumberSummaryTable({ question }: { question: SurveyQuestionResult }): ReactElement | null {
  const summary = question.numberSummary;
  if (!summary) return null;
  const caption = t('surveys.results.numberCaption', { question: `${question.number}. ${question.text}` });
  const rows: [string, string][] = [
    [t('surveys.results.count'), formatNumber(summary.count)],
    [t('surveys.results.mean'), formatDecimal(summary.mean)],
    [t('surveys.results.median'), formatDecimal(summary.median)],
    [t('surveys.results.min'), formatDecimal(summary.min)],
    [t('surveys.results.max'), formatDecimal(summary.max)],
  ];
  return (
    <table className="table dashboard-table survey-table">
      <caption>{caption}</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td className="numeric">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** An open question's themes: how many answers each has, as bars and as a table, and its quotes. */
export function ThemesResult({ question }: { question: SurveyQuestionResult }): ReactElement {
  const caption = t('surveys.results.themesCaption', { question: `${question.number}. ${question.text}` });
  const themes = [...question.themes].sort((a, b) => b.count - a.count);
  if (themes.length === 0) return <p className="dashboard-note">{t('surveys.results.noThemes')}</p>;
  return (
    <>
      <div className="dashboard-pair">
        <HorizontalBarChart data={themes.map((theme) => ({ key: theme.id, label: theme.label, value: theme.count }))} title={t('surveys.results.chartOf', { table: caption })} />
        <TableScroll label={caption}>
          <table className="table dashboard-table survey-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('surveys.themes.theme')}</th>
                <th scope="col" className="numeric">
                  {t('surveys.results.answersCount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {themes.map((theme) => (
                <tr key={theme.id}>
                  <th scope="row">{theme.label}</th>
                  <td className="numeric">{formatNumber(theme.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>
      {themes.some((theme) => theme.quotes.length > 0) && (
        <div className="survey-quotes">
          <h4>{t('surveys.results.quotes')}</h4>
          {themes
            .filter((theme) => theme.quotes.length > 0)
            .map((theme) => (
              <div key={theme.id}>
                <p className="survey-quotes__theme">{theme.label}</p>
                {theme.quotes.map((quote, index) => (
                  <blockquote key={index} className="survey-quote">
                    {quote}
                  </blockquote>
                ))}
              </div>
            ))}
        </div>
      )}
    </>
  );
}

/** One question's results: the chart (an image of the table beside it) and the table. */
export function QuestionResult({ question, headingLevel = 3 }: { question: SurveyQuestionResult; headingLevel?: 2 | 3 }): ReactElement {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = useId();
  const tableCaption = t('surveys.results.tableCaption', { question: `${question.number}. ${question.text}` });
  return (
    <section className="survey-result" aria-labelledby={headingId}>
      <Heading id={headingId}>
        {question.number}. {question.text}
      </Heading>
      <p className="dashboard-note">
        {t(`surveys.kind.${question.kind}`)} · {t('surveys.results.answeredBy', { count: question.answers })}
      </p>
      {CHOICE_KINDS.has(question.kind) && (
        <>
          {/* A multiple choice's table has five columns: it goes under its chart, the full width. */}
          <div className={question.kind === 'multiple_choice' ? 'survey-stack' : 'dashboard-pair dashboard-pair--wide-table'}>
            <HorizontalBarChart
              data={question.options.map((option) => ({ key: option.key, label: option.label, value: (option.shareOfRespondents ?? 0) * 100 }))}
              title={t('surveys.results.chartOf', { table: tableCaption })}
              formatValue={(value) => t('surveys.percent', { value: percentFormat.format(value) })}
            />
            <OptionsTable question={question} />
          </div>
          {question.kind === 'multiple_choice' && <p className="dashboard-note">{t('surveys.results.multipleNote')}</p>}
        </>
      )}
      {question.kind === 'number' && <NumberSummaryTable question={question} />}
      {question.kind === 'open' && <ThemesResult question={question} />}
    </section>
  );
}

interface SegmentFilterProps {
  segments: SurveyResultsView['segments'];
  value: SegmentChoice;
  onChange: (choice: SegmentChoice) => void;
}

/** Filter by one segment: only the segments the API offered (those with enough respondents). */
export function SegmentFilter({ segments, value, onChange }: SegmentFilterProps): ReactElement {
  const kindId = useId();
  const segmentId = useId();
  const kinds = SEGMENT_KINDS.filter((kind) => segments[kind]?.length > 0);
  const offered = value.segmentKind ? (segments[value.segmentKind] ?? []) : [];
  return (
    <div className="survey-segment-filter">
      <div className="field">
        <label htmlFor={kindId} className="field__label">
          {t('surveys.segment.kind')}
        </label>
        <select id={kindId} value={value.segmentKind ?? ''} onChange={(event) => onChange(event.target.value ? { segmentKind: event.target.value as SegmentKind } : {})}>
          <option value="">{t('surveys.segment.all')}</option>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`surveys.segment.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      {value.segmentKind && (
        <div className="field">
          <label htmlFor={segmentId} className="field__label">
            {t(`surveys.segment.${value.segmentKind}`)}
          </label>
          <select id={segmentId} value={value.segment ?? ''} onChange={(event) => onChange({ segmentKind: value.segmentKind, segment: event.target.value || undefined })}>
            <option value="">{t('surveys.segment.choose')}</option>
            {offered.map((segment) => (
              <option key={segment.segment} value={segment.segment}>
                {t('surveys.segment.option', { label: segment.label, count: segment.respondents })}
              </option>
            ))}
          </select>
        </div>
      )}
      <p className="dashboard-note">{t('surveys.segment.hint')}</p>
    </div>
  );
}

/** A segment kind from the URL, kept only when it is one of the domain's. */
export function readSegmentChoice(search: { segmentKind?: string; segment?: string }): SegmentChoice {
  const segmentKind = SEGMENT_KINDS.find((kind) => kind === search.segmentKind);
  return segmentKind ? { segmentKind, segment: search.segment } : {};
}

/** The results' head figures and, when the segment asked for is too small, the one sentence shown instead. */
export function ResultsSummary({ results }: { results: SurveyResultsView }): ReactElement {
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('surveys.invited')}</dt>
          <dd>{formatCount(results.invited)}</dd>
        </div>
        <div>
          <dt>{t('surveys.responses')}</dt>
          <dd>{formatCount(results.respondents)}</dd>
        </div>
        <div>
          <dt>{t('surveys.rate')}</dt>
          <dd>{formatShare(results.responseRate)}</dd>
        </div>
        {results.segment && (
          <div>
            <dt>{t(`surveys.segment.${results.segment.kind}`)}</dt>
            <dd>{results.segment.label}</dd>
          </div>
        )}
      </dl>
      {results.suppressed && (
        <p className="alert alert--error" role="status">
          {t('surveys.segment.suppressed')}
        </p>
      )}
    </>
  );
}
