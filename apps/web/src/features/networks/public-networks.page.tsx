import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { PublicNetworkSummary } from '@telar/domain';
import type { ReactElement } from 'react';
import { publicNetworksApi } from '../../api/network-resources';
import { PageHeader } from '../../components/page-header.component';
import { PaginatedTable, type TableColumn } from '../../components/paginated-table.component';
import { QueryContent } from '../../components/query-content.component';
import { formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { describeCoverage } from './network-coverage';

const COLUMNS: TableColumn<PublicNetworkSummary>[] = [
  {
    header: t('networks.list.name'),
    isRowHeader: true,
    render: (network) => (
      <Link to="/publico/redes/$networkId" params={{ networkId: network.id }}>
        {network.acronym ? `${network.name} (${network.acronym})` : network.name}
      </Link>
    ),
  },
  { header: t('networks.size.declared'), className: 'numeric', render: (network) => (network.declaredMembers === null ? t('app.none') : formatNumber(network.declaredMembers)) },
  { header: t('networks.list.members'), className: 'numeric', render: (network) => formatNumber(network.members) },
  { header: t('networks.list.states'), className: 'numeric', render: (network) => formatNumber(network.states) },
  { header: t('networks.list.coverage'), render: describeCoverage },
];

/** The portal's networks: each one's declared size beside the members recorded. */
export function PublicNetworksPage(): ReactElement {
  const query = useQuery(publicNetworksApi.list);
  return (
    <>
      <PageHeader title={t('networks.title')} eyebrow={t('public.name')} />
      <p className="lead">{t('networks.public.intro')}</p>
      <QueryContent query={query}>
        {(networks) => (
          <PaginatedTable isKeyboardScrollable caption={t('networks.title')} isCaptionHidden columns={COLUMNS} rows={networks} getRowKey={(network) => network.id} emptyText={t('networks.list.emptyPublic')} />
        )}
      </QueryContent>
    </>
  );
}
