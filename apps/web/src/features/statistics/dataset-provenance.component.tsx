import type { PublicDatasetView } from '@telar/domain';
import type { ReactElement } from 'react';
import { Fact } from '../../components/fact.component';
import { PageSection } from '../../components/page-section.component';
import { formatDate, formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';

type ProvenanceFields = Pick<
  PublicDatasetView,
  'description' | 'publisher' | 'sourceUrl' | 'licence' | 'cutoffDate' | 'retrievedDate' | 'provenance' | 'currentRevision' | 'observations' | 'updatedAt'
>;

/** A source address is a link only when it is a web address; anything else is shown as written. */
const isWebAddress = (text: string) => /^https?:\/\//i.test(text);

/** Where the figures come from: publisher, source, licence, dates and the source's own provenance text. */
export function DatasetProvenance({ dataset }: { dataset: ProvenanceFields }): ReactElement {
  const none = t('app.none');
  return (
    <PageSection id="procedencia" title={t('statistics.provenance.title')}>
      {dataset.description && <p className="lead">{dataset.description}</p>}
      <dl className="facts">
        <Fact label={t('statistics.provenance.publisher')}>{dataset.publisher ?? none}</Fact>
        <Fact label={t('statistics.provenance.sourceUrl')}>
          {dataset.sourceUrl ? (
            isWebAddress(dataset.sourceUrl) ? (
              <a href={dataset.sourceUrl} rel="noopener noreferrer">
                {dataset.sourceUrl}
              </a>
            ) : (
              dataset.sourceUrl
            )
          ) : (
            none
          )}
        </Fact>
        <Fact label={t('statistics.provenance.licence')}>{dataset.licence ?? none}</Fact>
        <Fact label={t('statistics.provenance.cutoffDate')}>{formatDate(dataset.cutoffDate)}</Fact>
        <Fact label={t('statistics.provenance.retrievedDate')}>{formatDate(dataset.retrievedDate)}</Fact>
        <Fact label={t('statistics.provenance.revision')}>
          {t('statistics.provenance.revisionValue', { revision: dataset.currentRevision, observations: formatNumber(dataset.observations), date: formatDate(dataset.updatedAt) })}
        </Fact>
      </dl>
      {dataset.provenance && (
        <>
          <h3>{t('statistics.provenance.text')}</h3>
          <p className="provenance-text">{dataset.provenance}</p>
        </>
      )}
    </PageSection>
  );
}
