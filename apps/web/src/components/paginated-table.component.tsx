import type { ReactNode } from 'react';
import { formatNumber } from '../i18n/format';
import { t } from '../i18n/translate';

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
}

interface PaginatedTableProps<T> extends TableFrameProps {
  columns: TableColumn<T>[];
  rows: readonly T[];
  getRowKey: (row: T) => string;
}

/** A data table with a caption, optional pager, and an empty-state sentence instead of an empty grid. */
export function PaginatedTable<T>({ caption, isCaptionHidden, columns, rows, getRowKey, pagination, emptyText }: PaginatedTableProps<T>) {
  if (rows.length === 0) {
    return <p className="empty">{emptyText ?? t('table.empty')}</p>;
  }
  return (
    <>
      <div className="table-scroll">
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
      </div>
      {pagination && <Pagination {...pagination} />}
    </>
  );
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
