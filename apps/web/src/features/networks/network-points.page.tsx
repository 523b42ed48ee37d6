import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { POINT_SOURCES, type NetworkPointsView, type NetworkView } from '@telar/domain';
import type { ReactElement } from 'react';
import { describeApiError } from '../../api/api-error.util';
import { networksApi } from '../../api/network-resources';
import { useApiMutation } from '../../api/resources';
import { Fact } from '../../components/fact.component';
import { FormAlert } from '../../components/form-alert.component';
import { FormField } from '../../components/form-field.component';
import { PageHeader } from '../../components/page-header.component';
import { PaginatedTable, type TableColumn } from '../../components/paginated-table.component';
import { QueryContent } from '../../components/query-content.component';
import { useStates } from '../../components/states.hook';
import { formatNumber, getTodayIso } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { nameWithAcronym } from './network-columns';

const routeApi = getRouteApi('/_internal/redes/$networkId/puntos');
/** The years offered: this one and the four before it. */
const YEARS_SHOWN = 5;

type PointsRow = NetworkPointsView['rows'][number];

/** How many of each contribution a member made (for who manages the network only), the points they add up to, and the place. */
export function usePointsColumns(showCounts: boolean): TableColumn<PointsRow>[] {
  const { getStateName } = useStates();
  const counts: TableColumn<PointsRow>[] = [
    { header: t('networks.pointSource.assembly'), className: 'numeric', render: (row) => formatNumber(row.assemblies ?? 0) },
    { header: t('networks.pointSource.survey'), className: 'numeric', render: (row) => formatNumber(row.surveys ?? 0) },
    { header: t('networks.pointSource.activity'), className: 'numeric', render: (row) => formatNumber(row.activities ?? 0) },
    { header: t('networks.pointSource.commission'), className: 'numeric', render: (row) => formatNumber(row.commissions ?? 0) },
  ];
  return [
    { header: t('networks.points.rank'), className: 'numeric', render: (row) => formatNumber(row.rank) },
    { header: t('networks.members.organization'), isRowHeader: true, render: (row) => nameWithAcronym(row) },
    { header: t('networks.members.state'), render: (row) => (row.stateCode ? getStateName(row.stateCode) : t('networks.members.national')) },
    ...(showCounts ? counts : []),
    { header: t('networks.points.points'), className: 'numeric', render: (row) => formatNumber(row.points) },
  ];
}

/** Whether the ranking is on the portal: the network's `rankingPublic`, switched here by who manages it. */
function PublishToggle({ network }: { network: NetworkView }): ReactElement {
  const mutation = useApiMutation(() => networksApi.update(network.id, { version: network.version, rankingPublic: !network.rankingPublic }));
  return (
    <div>
      <p>{network.rankingPublic ? t('networks.points.published') : t('networks.points.internal')}</p>
      {network.abilities.canManage && (
        <button type="button" className="button" disabled={mutation.isPending} aria-busy={mutation.isPending || undefined} onClick={() => mutation.mutate(undefined)}>
          {network.rankingPublic ? t('networks.points.unpublish') : t('networks.points.publish')}
        </button>
      )}
      {mutation.isError && <FormAlert tone="error">{describeApiError(mutation.error)}</FormAlert>}
    </div>
  );
}

/** «Puntos»: the year's ranking of current members with each contribution's count and the weights that made the points. */
export function NetworkPointsPage(): ReactElement {
  const { networkId } = routeApi.useParams();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const network = useQuery(networksApi.detail(networkId));
  const query = useQuery(networksApi.points(networkId, search.year));
  // Readers of a published ranking get place and points only: the server sends no per-source counts.
  const columns = usePointsColumns(query.data?.rows.some((row) => row.assemblies !== null) ?? false);
  const thisYear = Number(getTodayIso().slice(0, 4));
  const years = Array.from({ length: YEARS_SHOWN }, (_, index) => thisYear - index);
  const year = search.year ?? query.data?.year ?? thisYear;
  const title = t('networks.points.title');
  return (
    <>
      <PageHeader
        title={title}
        trail={[
          { label: t('networks.title'), to: '/redes' },
          { label: network.data?.acronym ?? network.data?.name ?? t('networks.network'), to: `/redes/${networkId}` },
        ]}
      />
      <p className="lead">{t('networks.points.intro')}</p>
      <div className="filters">
        <FormField label={t('networks.points.year')}>
          {(control) => (
            <select {...control} value={year} onChange={(event) => void navigate({ search: { year: Number(event.target.value) }, replace: true })}>
              {(years.includes(year) ? years : [year, ...years]).map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      {network.data && <PublishToggle network={network.data} />}
      <QueryContent query={query}>
        {(points) => (
          <>
            <h2>{t('networks.points.weights')}</h2>
            <dl className="facts">
              {POINT_SOURCES.map((source) => (
                <Fact key={source} label={t(`networks.pointSource.${source}`)}>
                  {t('networks.points.weight', { weight: formatNumber(points.weights[source]) })}
                </Fact>
              ))}
            </dl>
            <PaginatedTable
              isKeyboardScrollable
              caption={t('networks.points.caption', { year: points.year })}
              columns={columns}
              rows={points.rows}
              getRowKey={(row) => row.memberId}
              emptyText={t('networks.points.empty')}
            />
          </>
        )}
      </QueryContent>
    </>
  );
}
