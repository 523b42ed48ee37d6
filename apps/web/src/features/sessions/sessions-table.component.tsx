import { Link } from '@tanstack/react-router';
import type { SessionView } from '@telar/domain';
import { PaginatedTable, type TableColumn, type TableFrameProps } from '../../components/paginated-table.component';
import { formatDate, formatNumber, formatSessionTitle } from '../../i18n/format';
import { t } from '../../i18n/translate';

const columns: TableColumn<SessionView>[] = [
  {
    header: t('sessions.session'),
    isRowHeader: true,
    render: (session) => (
      <Link to="/sesiones/$sessionId" params={{ sessionId: session.id }}>
        {formatSessionTitle(session)}
      </Link>
    ),
  },
  { header: t('sessions.body'), render: (session) => session.body.acronym ?? session.body.name },
  { header: t('sessions.date'), render: (session) => formatDate(session.date) },
  { header: t('sessions.participationCount'), render: (session) => formatNumber(session.participationCount), className: 'numeric' },
  { header: t('sessions.agreementCount'), render: (session) => formatNumber(session.agreementCount), className: 'numeric' },
];

interface SessionsTableProps extends TableFrameProps {
  sessions: readonly SessionView[];
}

/** Sessions with their body, date and how much was recorded in each. */
export function SessionsTable({ sessions, ...frame }: SessionsTableProps) {
  return <PaginatedTable columns={columns} rows={sessions} getRowKey={(session) => session.id} {...frame} />;
}
