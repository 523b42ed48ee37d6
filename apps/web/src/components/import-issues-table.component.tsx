import type { ReactElement } from 'react';
import { formatNumber } from '../i18n/format';
import { t } from '../i18n/translate';
import { TableScroll } from './table-scroll.component';

/** A problem an import found, where it is (row and column as the file has them) and what is wrong, in the server's Spanish. */
export interface ImportIssue {
  row: number | null;
  column: string | null;
  message: string;
}

/** Each problem of an import's dry run in a table: row, column, problem. Nothing when there is none. */
export function ImportIssuesTable({ issues, caption }: { issues: readonly ImportIssue[]; caption: string }): ReactElement | null {
  if (issues.length === 0) return null;
  return (
    <TableScroll label={caption}>
      <table className="table table--compact issue-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              {t('importIssues.row')}
            </th>
            <th scope="col">{t('importIssues.column')}</th>
            <th scope="col">{t('importIssues.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, index) => (
            <tr key={index}>
              <th scope="row" className="numeric">
                {issue.row === null ? t('app.none') : formatNumber(issue.row)}
              </th>
              <td>{issue.column ?? t('app.none')}</td>
              <td>{issue.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
