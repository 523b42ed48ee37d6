import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { NetworkSummaryView } from '@telar/domain';
import type { ReactElement } from 'react';
import { networksApi } from '../../api/network-resources';
import { useMeAbilities } from '../../auth/me.hook';
import { PageHeader } from '../../components/page-header.component';
import { PaginatedTable } from '../../components/paginated-table.component';
import { QueryContent } from '../../components/query-content.component';
import { t } from '../../i18n/translate';
import { networkSummaryColumns, nameWithAcronym } from './network-columns';

const COLUMNS = networkSummaryColumns<NetworkSummaryView>((network) => (
  <Link to="/redes/$networkId" params={{ networkId: network.id }}>
    {nameWithAcronym(network)}
  </Link>
));

/** «Redes»: each network's declared size beside the members Telar records, and their states. */
export function NetworksListPage(): ReactElement {
  const query = useQuery(networksApi.list);
  const abilities = useMeAbilities();
  return (
    <>
      <PageHeader
        title={t('networks.title')}
        actions={
          abilities?.createTopLevelBody && (
            <Link to="/redes/nueva" className="button button--primary">
              {t('networks.create.title')}
            </Link>
          )
        }
      />
      <p className="lead">{t('networks.intro')}</p>
      <QueryContent query={query}>
        {(networks) => (
          <PaginatedTable isKeyboardScrollable caption={t('networks.title')} isCaptionHidden columns={COLUMNS} rows={networks} getRowKey={(network) => network.id} emptyText={t('networks.list.empty')} />
        )}
      </QueryContent>
    </>
  );
}
