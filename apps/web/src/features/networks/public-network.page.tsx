import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { PublicNetworkView } from '@telar/domain';
import type { ReactElement } from 'react';
import { publicNetworksApi } from '../../api/network-resources';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { PaginatedTable, type TableColumn } from '../../components/paginated-table.component';
import { QueryContent } from '../../components/query-content.component';
import { useStates } from '../../components/states.hook';
import { formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { MembersByState } from './members-by-state.component';
import { NetworkSizeFacts } from './network-size.component';
import { nameWithAcronym } from './network-columns';

const routeApi = getRouteApi('/publico/redes/$networkId');

type PublicCommission = PublicNetworkView['commissions'][number];
type PublicMember = NonNullable<PublicNetworkView['memberList']>[number];
type PublicRankingRow = NonNullable<PublicNetworkView['ranking']>['rows'][number];

const yesNo = (value: boolean) => (value ? t('networks.public.designated') : t('networks.focal.pending'));

const COMMISSION_COLUMNS: TableColumn<PublicCommission>[] = [
  { header: t('networks.commissions.name'), isRowHeader: true, render: (commission) => commission.name },
  {
    header: t('networks.commissions.commitment'),
    render: (commission) => (commission.commitmentTitle ? [commission.commitmentCode, commission.commitmentTitle].filter(Boolean).join(' ') : t('networks.commissions.noCommitment')),
  },
  { header: t('networks.focalRole.focal_point'), render: (commission) => yesNo(commission.hasFocalPoint) },
  { header: t('networks.focalRole.alternate'), render: (commission) => yesNo(commission.hasAlternate) },
];

function useMemberColumns(): TableColumn<PublicMember>[] {
  const { getStateName } = useStates();
  return [
    { header: t('networks.members.organization'), isRowHeader: true, render: (member) => member.name },
    { header: t('networks.members.acronym'), render: (member) => member.acronym ?? t('app.none') },
    { header: t('networks.members.state'), render: (member) => (member.stateCode ? getStateName(member.stateCode) : t('networks.members.national')) },
    { header: t('sector.label'), render: (member) => t(`sector.${member.sector}`) },
  ];
}

function useRankingColumns(): TableColumn<PublicRankingRow>[] {
  const { getStateName } = useStates();
  return [
    { header: t('networks.points.rank'), className: 'numeric', render: (row) => formatNumber(row.rank) },
    { header: t('networks.members.organization'), isRowHeader: true, render: (row) => nameWithAcronym(row) },
    { header: t('networks.members.state'), render: (row) => (row.stateCode ? getStateName(row.stateCode) : t('networks.members.national')) },
    { header: t('networks.points.points'), className: 'numeric', render: (row) => formatNumber(row.points) },
  ];
}

/** A network on the portal: size with its source, members by state, commissions; its list and ranking only if it publishes them. */
export function PublicNetworkPage(): ReactElement {
  const { networkId } = routeApi.useParams();
  const query = useQuery(publicNetworksApi.detail(networkId));
  const memberColumns = useMemberColumns();
  const rankingColumns = useRankingColumns();
  return (
    <QueryContent query={query}>
      {(network) => (
        <>
          <PageHeader title={nameWithAcronym(network)} trail={[{ label: t('networks.title'), to: '/publico/redes' }]} />
          <NetworkSizeFacts size={network} />
          <PageSection id="red-estados" title={t('networks.byState.title')}>
            <MembersByState rows={network.membersByState} />
          </PageSection>
          {network.governance.length > 0 && (
            <PageSection id="red-gobierno" title={t('networks.governance.title')}>
              <ul className="record-list">
                {network.governance.map((body) => (
                  <li key={body.name}>
                    {body.name} · {t(`networks.role.${body.role}`)}
                  </li>
                ))}
              </ul>
            </PageSection>
          )}
          <PageSection id="red-comisiones" title={t('networks.commissions.title')}>
            <PaginatedTable
              isKeyboardScrollable
              caption={t('networks.commissions.title')}
              isCaptionHidden
              columns={COMMISSION_COLUMNS}
              rows={network.commissions}
              getRowKey={(commission) => commission.name}
              emptyText={t('networks.commissions.empty')}
            />
          </PageSection>
          {network.memberList && (
            <PageSection id="red-integrantes" title={t('networks.members.title')}>
              <PaginatedTable
              isKeyboardScrollable
                caption={t('networks.public.memberListCaption', { count: network.memberList.length })}
                columns={memberColumns}
                rows={network.memberList}
                getRowKey={(member) => `${member.name}-${member.stateCode ?? ''}`}
                emptyText={t('networks.members.empty')}
              />
            </PageSection>
          )}
          {network.ranking && (
            <PageSection id="red-puntos" title={t('networks.points.title')}>
              <PaginatedTable
              isKeyboardScrollable
                caption={t('networks.points.caption', { year: network.ranking.year })}
                columns={rankingColumns}
                rows={network.ranking.rows}
                getRowKey={(row) => `${row.rank}-${row.name}`}
                emptyText={t('networks.points.empty')}
              />
            </PageSection>
          )}
        </>
      )}
    </QueryContent>
  );
}
