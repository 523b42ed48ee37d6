import type { ReactNode } from 'react';
import { formatNumber } from '../i18n/format';
import { t } from '../i18n/translate';
import { TableScroll } from './table-scroll.component';

export interface TableColumn<T> {
  header: string;
  render: (row: T) => ReactNode;
  /** The column that names the row (th scope="row"), usually the first one. */
  isRowHeader?: boolean;
  className?: string;
}

export interface PaginationState {
  page: number;
  pageSize: number;
  total: number;
  /** A text search counted up to a cap: there are more than `total`, and the pager goes on past it. */
  isTotalCapped?: boolean;
  onPageChange: (page: number) => void;
}

/** What a caller of a ready-made table (sessions, agreements…) chooses: everything but the columns. */
export interface TableFrameProps {
  caption: string;
  isCaptionHidden?: boolean;
  pagination?: PaginationState;
  emptyText?: string;
  /**
   * The table may be wider than a phone (the portal's): its scroll box takes the keyboard focus and is
   * named by the caption (TableScroll), so it can be scrolled without a mouse.
   */
  isKeyboardScrollable?: boolean;
}

interface PaginatedTableProps<T> extends TableFrameProps {
  columns: TableColumn<T>[];
  rows: readonly T[];
  getRowKey: (row: T) => string;
}

/** A data table with a caption, optional pager, and an empty-state sentence instead of an empty grid. */
export function PaginatedTable<T>({ caption, isCaptionHidden, columns, rows, getRowKey, pagination, emptyText, isKeyboardScrollable }: PaginatedTableProps<T>) {
  if (rows.length === 0) {
    return <p className="empty">{emptyText ?? t('table.empty')}</p>;
  }
  return (
    <>
      <ScrollBox label={isKeyboardScrollable ? caption : null}>
        <table className="table">
          <caption className={isCaptionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.header} scope="col" className={column.className}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={getRowKey(row)}>
                {columns.map((column) =>
                  column.isRowHeader ? (
                    <th key={column.header} scope="row" className={column.className}>
                      {column.render(row)}
                    </th>
                  ) : (
                    <td key={column.header} className={column.className}>
                      {column.render(row)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {pagination && <Pagination {...pagination} />}
    </>
  );
}

/** The table's scroll box: focusable and named when asked (TableScroll), else a plain box. */
function ScrollBox({ label, children }: { label: string | null; children: ReactNode }) {
  return label === null ? <div className="table-scroll">{children}</div> : <TableScroll label={label}>{children}</TableScroll>;
}

function Pagination({ page, pageSize, total, isTotalCapped, onPageChange }: PaginationState) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const counts = { page: formatNumber(page), pages: formatNumber(pages), total };
  return (
    <nav className="pagination" aria-label={t('table.pagination')}>
      <button type="button" className="button" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
        {t('table.previous')}
      </button>
      <span aria-live="polite">
        {isTotalCapped ? t('table.pageOfMoreThan', counts) : t('table.pageOf', counts)}
      </span>
      <button type="button" className="button" disabled={page >= pages && !isTotalCapped} onClick={() => onPageChange(page + 1)}>
        {t('table.next')}
      </button>
    </nav>
  );
}
