import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { publicStatisticsApi } from '../../api/statistics-resources';
import { PageHeader } from '../../components/page-header.component';
import { QueryContent } from '../../components/query-content.component';
import { t } from '../../i18n/translate';
import { DatasetExplorer, useDatasetSearch } from './dataset-explorer.component';
import { DatasetProvenance } from './dataset-provenance.component';

const routeApi = getRouteApi('/publico/estadisticas/$datasetId');

/** A published dataset on the portal: its provenance and its public (suppressed) cross-tabs. */
export function PublicDatasetPage(): ReactElement {
  const { datasetId } = routeApi.useParams();
  const query = useQuery(publicStatisticsApi.detail(datasetId));
  const { search, onSearchChange } = useDatasetSearch(routeApi);
  return (
    <QueryContent query={query}>
      {(dataset) => (
        <>
          <PageHeader title={dataset.name} trail={[{ label: t('statistics.title'), to: '/publico/estadisticas' }]} />
          <DatasetExplorer source="/public/datasets" dataset={dataset} hasPopulation={dataset.hasRates} search={search} onSearchChange={onSearchChange} />
          <DatasetProvenance dataset={dataset} />
        </>
      )}
    </QueryContent>
  );
}
