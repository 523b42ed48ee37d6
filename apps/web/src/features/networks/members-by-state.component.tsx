import { useMemo, type ReactElement } from 'react';
import ChoroplethMap from '../../components/mexico-map/choropleth-map.component';
import { useStates } from '../../components/states.hook';
import { TableScroll } from '../../components/table-scroll.component';
import { formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';

interface MembersByStateProps {
  rows: readonly { stateCode: string; members: number }[];
}

/** The members recorded per state on the map, beside the table it pictures (most members first). */
export function MembersByState({ rows }: MembersByStateProps): ReactElement {
  const { getStateName } = useStates();
  const values = useMemo(() => new Map(rows.map((row) => [row.stateCode, row.members])), [rows]);
  const sorted = useMemo(
    () => [...rows].sort((a, b) => b.members - a.members || getStateName(a.stateCode).localeCompare(getStateName(b.stateCode), 'es-MX')),
    [rows, getStateName],
  );
  const caption = t('networks.byState.caption');
  if (rows.length === 0) return <p className="empty">{t('networks.byState.empty')}</p>;
  return (
    <div className="dashboard-pair dashboard-pair--wide-table">
      <div>
        <ChoroplethMap values={values} measureLabel={t('networks.byState.unit')} title={t('networks.byState.map', { table: caption })} getStateName={getStateName} />
        <p className="dashboard-note">{t('networks.byState.note')}</p>
      </div>
      <TableScroll label={caption}>
        <table className="table table--compact">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('networks.byState.state')}</th>
              <th scope="col" className="numeric">
                {t('networks.byState.members')}
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={row.stateCode}>
                <th scope="row">{getStateName(row.stateCode)}</th>
                <td className="numeric">{formatNumber(row.members)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
