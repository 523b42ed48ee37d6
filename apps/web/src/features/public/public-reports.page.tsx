import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { buildReportFileUrl, publicApi } from '../../api/public-resources';
import { PageHeader } from '../../components/page-header.component';
import { QueryContent } from '../../components/query-content.component';
import { formatDate, formatRefName } from '../../i18n/format';
import { t } from '../../i18n/translate';

const FORMATS = [
  { format: 'docx', label: 'public.reports.docx' },
  { format: 'md', label: 'public.reports.md' },
  { format: 'json', label: 'public.reports.json' },
] as const;

/** Published reports, each downloadable in Word, Markdown or JSON. */
export function PublicReportsPage(): ReactElement {
  const query = useQuery(publicApi.reports);
  return (
    <>
      <PageHeader title={t('public.reports.title')} eyebrow={t('public.name')} />
      <QueryContent query={query}>
        {(reports) =>
          reports.length === 0 ? (
            <p className="empty">{t('public.reports.empty')}</p>
          ) : (
            <ul className="record-list">
              {reports.map((report) => (
                <li key={report.id} className="record">
                  <h2 className="record__title">{report.title}</h2>
                  <p>
                    {formatRefName(report.body)} · {t('public.reports.period', { from: formatDate(report.periodFrom), to: formatDate(report.periodTo) })} ·{' '}
                    {t('public.reports.publishedAt', { date: formatDate(report.publishedAt) })}
                  </p>
                  <p className="downloads">
                    {FORMATS.map(({ format, label }) => (
                      <a key={format} className="button" href={buildReportFileUrl(report.id, format)} download>
                        {t(label)}
                        <span className="visually-hidden"> · {report.title}</span>
                      </a>
                    ))}
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
