import type { CrossTabView, ObservationFlag } from '@telar/domain';
import type { ReactElement } from 'react';
import { TableScroll } from '../../components/table-scroll.component';
import { t } from '../../i18n/translate';
import { formatStatCell, hasFlagMark, isSpokenFlag, type StatRow } from './cross-tab-rows';

/** A flag's short mark beside a number; screen readers hear its name instead. */
export function FlagMark({ flag }: { flag: ObservationFlag }): ReactElement {
  return (
    <sup className="stat-flag">
      <span aria-hidden="true">{t(`statistics.flag.${flag}.mark`)}</span>
      <span className="visually-hidden"> ({t(`statistics.flag.${flag}`)})</span>
    </sup>
  );
}

/** What each mark in the table means: only the flags present, in the domain's precedence. */
export function FlagLegend({ flags }: { flags: readonly ObservationFlag[] }): ReactElement | null {
  if (flags.length === 0) return null;
  return (
    <div className="stat-flag-legend-box">
      <p className="field__label">{t('statistics.flags.legend')}</p>
      <dl className="stat-flag-legend">
        {flags.map((flag) => (
          <div key={flag} className="stat-flag-legend__entry">
            <dt>{isSpokenFlag(flag) ? t(flag === 'suppressed' ? 'statistics.cell.suppressed' : 'statistics.cell.notAvailable') : t(`statistics.flag.${flag}.mark`)}</dt>
            <dd>
              {t(`statistics.flag.${flag}`)}: {t(`statistics.flag.${flag}.description`)}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** One cell: the number (or «Confidencial», «n.d.») and its mark. A suppressed cell never shows a number. */
export function StatCell({ row, kind }: { row: Pick<StatRow, 'value' | 'flag'>; kind: CrossTabView['kind'] }): ReactElement {
  return (
    <td className={row.flag === 'suppressed' ? 'numeric stat-cell--suppressed' : 'numeric'}>
      {formatStatCell(row, kind)}
      {hasFlagMark(row) && <FlagMark flag={row.flag!} />}
    </td>
  );
}

interface StatTableProps {
  rows: readonly StatRow[];
  total: StatRow | null;
  caption: string;
  /** The first column's heading: what each row is (the «Ver por» dimension). */
  rowHeader: string;
  /** The value column's heading: the measure, counted or per 100,000. */
  valueHeader: string;
  kind: CrossTabView['kind'];
}

/** The table every chart pictures: one row per code, the total in the footer. */
export function StatTable({ rows, total, caption, rowHeader, valueHeader, kind }: StatTableProps): ReactElement {
  return (
    <TableScroll label={caption}>
      <table className="table dashboard-table stat-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            <th scope="col" className="numeric">
              {valueHeader}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={2} className="empty">
                {t('statistics.table.empty')}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.code}>
              <th scope="row">{row.label}</th>
              <StatCell row={row} kind={kind} />
            </tr>
          ))}
        </tbody>
        {total && (
          <tfoot>
            <tr>
              <th scope="row">{total.label}</th>
              <StatCell row={total} kind={kind} />
            </tr>
          </tfoot>
        )}
      </table>
    </TableScroll>
  );
}
