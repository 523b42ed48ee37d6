import type { DatasetRevisionView } from '@telar/domain';
import type { ReactElement } from 'react';
import { Disclosure } from '../../components/disclosure.component';
import { TableScroll } from '../../components/table-scroll.component';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';

const formatKey = (key: Record<string, string>) =>
  Object.entries(key)
    .map(([dimension, code]) => `${dimension}: ${code}`)
    .join(' · ');

const formatSampleValue = (value: number | null) => (value === null ? t('statistics.cell.notAvailable') : formatNumber(value));

/** The observations a revision changed, before and after (up to 50). */
function RevisionSamples({ revision }: { revision: DatasetRevisionView }): ReactElement | null {
  if (revision.samples.length === 0) return null;
  const caption = t('statistics.revisions.samplesCaption', { revision: revision.number });
  return (
    <Disclosure summary={t('statistics.revisions.samples', { count: revision.samples.length, revision: revision.number })}>
      <TableScroll label={caption}>
        <table className="table table--compact">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statistics.revisions.key')}</th>
              <th scope="col">{t('statistics.revisions.measure')}</th>
              <th scope="col" className="numeric">
                {t('statistics.revisions.before')}
              </th>
              <th scope="col" className="numeric">
                {t('statistics.revisions.after')}
              </th>
            </tr>
          </thead>
          <tbody>
            {revision.samples.map((sample, index) => (
              <tr key={index}>
                <th scope="row">{formatKey(sample.key)}</th>
                <td>{sample.measure}</td>
                <td className="numeric">{formatSampleValue(sample.before)}</td>
                <td className="numeric">{formatSampleValue(sample.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Disclosure>
  );
}

/** Every revision, newest first: when, who, from which file, and what it added, changed and removed. */
export function DatasetRevisions({ revisions }: { revisions: readonly DatasetRevisionView[] }): ReactElement {
  const sorted = [...revisions].sort((a, b) => b.number - a.number);
  const caption = t('statistics.revisions.title');
  return (
    <>
      <TableScroll label={caption}>
        <table className="table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t('statistics.revisions.number')}
              </th>
              <th scope="col">{t('statistics.revisions.createdAt')}</th>
              <th scope="col">{t('statistics.revisions.createdBy')}</th>
              <th scope="col">{t('statistics.revisions.file')}</th>
              <th scope="col" className="numeric">
                {t('statistics.revisions.observations')}
              </th>
              <th scope="col" className="numeric">
                {t('statistics.revisions.added')}
              </th>
              <th scope="col" className="numeric">
                {t('statistics.revisions.changed')}
              </th>
              <th scope="col" className="numeric">
                {t('statistics.revisions.removed')}
              </th>
              <th scope="col" className="numeric">
                {t('statistics.revisions.warnings')}
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((revision) => (
              <tr key={revision.number}>
                <th scope="row" className="numeric">
                  {formatNumber(revision.number)}
                </th>
                <td>{formatDateTime(revision.createdAt)}</td>
                <td>{revision.createdBy}</td>
                <td>{revision.fileName ?? t('app.none')}</td>
                <td className="numeric">{formatNumber(revision.observations)}</td>
                <td className="numeric">{formatNumber(revision.added)}</td>
                <td className="numeric">{formatNumber(revision.changed)}</td>
                <td className="numeric">{formatNumber(revision.removed)}</td>
                <td className="numeric">{formatNumber(revision.warnings)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {sorted.map((revision) => (
        <RevisionSamples key={revision.number} revision={revision} />
      ))}
    </>
  );
}
