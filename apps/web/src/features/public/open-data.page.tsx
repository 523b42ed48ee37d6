import type { ReactElement } from 'react';
import { buildOpenDataUrl } from '../../api/public-resources';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { t } from '../../i18n/translate';

const DATASETS = [
  { dataset: 'sessions', title: 'public.openData.sessions', description: 'public.openData.sessionsDescription' },
  { dataset: 'agreements', title: 'public.openData.agreements', description: 'public.openData.agreementsDescription' },
] as const;

/** «Datos abiertos»: the published lists as CSV and JSON, and the read-only API that serves them. */
export function OpenDataPage(): ReactElement {
  return (
    <>
      <PageHeader title={t('public.openData.title')} eyebrow={t('public.name')} />
      <p className="lead">{t('public.openData.intro')}</p>
      {DATASETS.map(({ dataset, title, description }) => (
        <PageSection key={dataset} id={`datos-${dataset}`} title={t(title)}>
          <p>{t(description)}</p>
          <p className="downloads">
            <a className="button" href={buildOpenDataUrl(dataset, 'csv')} download>
              {t('public.openData.csv')}
              <span className="visually-hidden"> · {t(title)}</span>
            </a>
            <a className="button" href={buildOpenDataUrl(dataset, 'json')} download>
              {t('public.openData.json')}
              <span className="visually-hidden"> · {t(title)}</span>
            </a>
          </p>
        </PageSection>
      ))}
      <PageSection id="api" title={t('public.openData.apiTitle')}>
        <p>{t('public.openData.apiIntro')}</p>
        <ul>
          <li>
            <code>GET /api/public/sessions</code>, <code>GET /api/public/sessions/&#123;id&#125;</code>
          </li>
          <li>
            <code>GET /api/public/agreements?status=&amp;stateCode=&amp;bodyId=</code>, <code>GET /api/public/agreements/&#123;id&#125;</code>
          </li>
          <li>
            <code>GET /api/public/reports</code>, <code>GET /api/public/open-data/&#123;sessions|agreements&#125;?format=csv|json</code>
          </li>
        </ul>
        <p>
          <a href="/api/openapi.json">{t('public.openData.apiLink')}</a>
        </p>
      </PageSection>
    </>
  );
}
