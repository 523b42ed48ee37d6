import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { PublicNetworkSummary } from '@telar/domain';
import type { ReactElement } from 'react';
import { publicNetworksApi } from '../../api/network-resources';
import { PageHeader } from '../../components/page-header.component';
import { PaginatedTable } from '../../components/paginated-table.component';
import { QueryContent } from '../../components/query-content.component';
import { t } from '../../i18n/translate';
import { networkSummaryColumns, nameWithAcronym } from './network-columns';

const COLUMNS = networkSummaryColumns<PublicNetworkSummary>((network) => (
  <Link to="/publico/redes/$networkId" params={{ networkId: network.id }}>
    {nameWithAcronym(network)}
  </Link>
));

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
