import { Link } from '@tanstack/react-router';
import type { DatasetSummaryView } from '@telar/domain';
import type { ReactElement } from 'react';
import { PaginatedTable, type TableColumn } from '../../components/paginated-table.component';
import { formatDate, formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';

const commonColumns: TableColumn<DatasetSummaryView>[] = [
  { header: t('statistics.list.publisher'), render: (dataset) => dataset.publisher ?? t('app.none') },
  { header: t('statistics.list.observations'), className: 'numeric', render: (dataset) => formatNumber(dataset.observations) },
  { header: t('statistics.list.revision'), className: 'numeric', render: (dataset) => formatNumber(dataset.currentRevision) },
  { header: t('statistics.list.updatedAt'), render: (dataset) => formatDate(dataset.updatedAt) },
];

const internalColumns: TableColumn<DatasetSummaryView>[] = [
  {
    header: t('statistics.list.name'),
    isRowHeader: true,
    render: (dataset) => (
      <Link to="/estadisticas/$datasetId" params={{ datasetId: dataset.id }}>
        {dataset.name}
      </Link>
    ),
  },
  ...commonColumns,
  {
    header: t('statistics.list.isPublic'),
    render: (dataset) => <PublicBadge isPublic={dataset.isPublic} />,
  },
];

const portalColumns: TableColumn<DatasetSummaryView>[] = [
  {
    header: t('statistics.list.name'),
    isRowHeader: true,
    render: (dataset) => (
      <Link to="/publico/estadisticas/$datasetId" params={{ datasetId: dataset.id }}>
        {dataset.name}
      </Link>
    ),
  },
  ...commonColumns,
];

/** «Publicado en el portal» or «Solo interno». */
export function PublicBadge({ isPublic }: { isPublic: boolean }): ReactElement {
  return <span className={isPublic ? 'badge badge--published' : 'badge badge--draft'}>{t(isPublic ? 'statistics.public.yes' : 'statistics.public.no')}</span>;
}

/** The datasets, each linking to its page in the internal app or on the portal. */
export function DatasetsTable({ datasets, isPortal = false }: { datasets: readonly DatasetSummaryView[]; isPortal?: boolean }): ReactElement {
  return (
    <PaginatedTable
      caption={t('statistics.list.caption')}
      isCaptionHidden
      columns={isPortal ? portalColumns : internalColumns}
      rows={datasets}
      getRowKey={(dataset) => dataset.id}
      emptyText={t(isPortal ? 'statistics.list.emptyPublic' : 'statistics.list.empty')}
    />
  );
}
