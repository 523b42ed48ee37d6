import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { publicStatisticsApi } from '../../api/statistics-resources';
import { PageHeader } from '../../components/page-header.component';
import { QueryContent } from '../../components/query-content.component';
import { t } from '../../i18n/translate';
import { DatasetsTable } from './datasets-table.component';

/** The portal's statistics: the published datasets. */
export function PublicDatasetsPage(): ReactElement {
  const query = useQuery(publicStatisticsApi.list);
  return (
    <>
      <PageHeader title={t('statistics.title')} eyebrow={t('public.name')} />
      <p className="lead">{t('statistics.public.intro')}</p>
      <QueryContent query={query}>{(datasets) => <DatasetsTable datasets={datasets} isPortal />}</QueryContent>
    </>
  );
}
