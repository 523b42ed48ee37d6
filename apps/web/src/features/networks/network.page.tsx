import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { MEMBER_STATUSES, type NetworkCommissionSummary, type NetworkView } from '@telar/domain';
import type { ReactElement } from 'react';
import { networksApi } from '../../api/network-resources';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { PaginatedTable, type TableColumn } from '../../components/paginated-table.component';
import { QueryContent } from '../../components/query-content.component';
import { formatDate, formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { MembersByState } from './members-by-state.component';
import { NetworkBodiesForm } from './network-bodies.component';
import { NetworkSettingsForm } from './network-settings.component';
import { NetworkSizeFacts } from './network-size.component';
import { nameWithAcronym } from './network-columns';

const routeApi = getRouteApi('/_internal/redes/$networkId');

/** «Punto focal: designado / pendiente», with who and since when once designated. */
export function FocalSummary({ term }: { term: NetworkCommissionSummary['focalPoint'] }): ReactElement {
  if (!term) return <span className="network-focal--pending">{t('networks.focal.pending')}</span>;
  return (
    <span>
      {t('networks.focal.designated')}: {term.name}
      {term.organizationName && ` (${term.organizationName})`} · {t('networks.focal.since', { date: formatDate(term.startOn) })}
    </span>
  );
}

function commissionColumns(): TableColumn<NetworkCommissionSummary>[] {
  return [
    {
      header: t('networks.commissions.name'),
      isRowHeader: true,
      render: (commission) => (
        <Link to="/redes/comisiones/$bodyId" params={{ bodyId: commission.bodyId }}>
          {commission.name}
        </Link>
      ),
    },
    {
      header: t('networks.commissions.commitment'),
      render: (commission) =>
        commission.commitmentTitle ? [commission.commitmentCode, commission.commitmentTitle].filter(Boolean).join(' ') : t('networks.commissions.noCommitment'),
    },
    { header: t('networks.focalRole.focal_point'), render: (commission) => <FocalSummary term={commission.focalPoint} /> },
    { header: t('networks.focalRole.alternate'), render: (commission) => <FocalSummary term={commission.alternate} /> },
    { header: t('networks.commissions.members'), className: 'numeric', render: (commission) => formatNumber(commission.members) },
  ];
}

/** Members by status today, as a short list of counts. */
function StatusCounts({ network }: { network: NetworkView }): ReactElement {
  return (
    <ul className="network-status-counts">
      {MEMBER_STATUSES.map((status) => (
        <li key={status}>
          <Link to="/redes/$networkId/integrantes" params={{ networkId: network.id }} search={{ status }}>
            {t(`networks.memberStatus.${status}`)}
          </Link>
          : {formatNumber(network.counts.byStatus[status])}
        </li>
      ))}
    </ul>
  );
}

/** A network: its size (declared and recorded), members by state and status, governance, commissions and, for managers, its settings. */
export function NetworkPage(): ReactElement {
  const { networkId } = routeApi.useParams();
  const query = useQuery(networksApi.detail(networkId));
  return (
    <QueryContent query={query}>
      {(network) => (
        <>
          <PageHeader
            title={nameWithAcronym(network)}
            trail={[{ label: t('networks.title'), to: '/redes' }]}
            actions={
              <>
                <Link to="/redes/$networkId/integrantes" params={{ networkId }} className="button button--primary">
                  {t('networks.members.title')}
                </Link>
                <Link to="/redes/$networkId/puntos" params={{ networkId }} className="button">
                  {t('networks.points.title')}
                </Link>
                <Link to="/organos/$bodyId" params={{ bodyId: networkId }} className="button">
                  {t('networks.bodyPage')}
                </Link>
              </>
            }
          />
          <NetworkSizeFacts size={{ ...network, members: network.counts.members, states: network.counts.states }} />
          {network.flags.length > 0 && (
            <PageSection id="red-pendientes" title={t('networks.flags')}>
              <ul>
                {network.flags.map((flag) => (
                  <li key={flag}>{flag}</li>
                ))}
              </ul>
            </PageSection>
          )}
          <PageSection id="red-estados" title={t('networks.byState.title')}>
            <MembersByState rows={network.membersByState} />
          </PageSection>
          <PageSection id="red-estatus" title={t('networks.byStatus.title')}>
            <p className="field__hint">{t('networks.byStatus.hint', { newDays: network.newDays, graceDays: network.graceDays })}</p>
            <StatusCounts network={network} />
          </PageSection>
          <PageSection id="red-gobierno" title={t('networks.governance.title')}>
            {network.governance.length === 0 ? (
              <p className="empty">{t('networks.governance.empty')}</p>
            ) : (
              <ul className="record-list">
                {network.governance.map((body) => (
                  <li key={body.bodyId}>
                    <Link to="/organos/$bodyId" params={{ bodyId: body.bodyId }}>
                      {body.name}
                    </Link>{' '}
                    · {t(`networks.role.${body.role}`)}
                  </li>
                ))}
              </ul>
            )}
          </PageSection>
          <PageSection id="red-comisiones" title={t('networks.commissions.title')}>
            {network.planName && <p>{t('networks.commissions.plan', { plan: network.planName })}</p>}
            <PaginatedTable
              isKeyboardScrollable
              caption={t('networks.commissions.title')}
              isCaptionHidden
              columns={commissionColumns()}
              rows={network.commissions}
              getRowKey={(commission) => commission.bodyId}
              emptyText={t('networks.commissions.empty')}
            />
          </PageSection>
          {network.abilities.canManage && (
            <PageSection id="red-agregar-organo" title={t('networks.bodies.title')} isPanel>
              <NetworkBodiesForm network={network} />
            </PageSection>
          )}
          {network.abilities.canManage && (
            <PageSection id="red-configuracion" title={t('networks.settings.title')} isPanel>
              <NetworkSettingsForm network={network} />
            </PageSection>
          )}
        </>
      )}
    </QueryContent>
  );
}
