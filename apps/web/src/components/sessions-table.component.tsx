import { Link } from '@tanstack/react-router';
import type { SessionView } from '@telar/domain';
import type { ReactNode } from 'react';
import { formatDate, formatNumber, formatSessionTitle } from '../i18n/format';
import { t } from '../i18n/translate';
import { PaginatedTable, type TableColumn, type TableFrameProps } from './paginated-table.component';
import { withPublicationColumn } from './publication-badge.component';

const sharedColumns: TableColumn<SessionView>[] = [
  { header: t('sessions.body'), render: (session) => session.body.acronym ?? session.body.name },
  { header: t('sessions.date'), render: (session) => formatDate(session.date) },
  { header: t('sessions.participationCount'), render: (session) => formatNumber(session.participationCount), className: 'numeric' },
  { header: t('sessions.agreementCount'), render: (session) => formatNumber(session.agreementCount), className: 'numeric' },
];

/** The first column names the row and links to its page, internal or on the portal. */
const nameColumn = (renderLink: (session: SessionView) => ReactNode): TableColumn<SessionView> => ({ header: t('sessions.session'), isRowHeader: true, render: renderLink });

const internalColumns = withPublicationColumn([
  nameColumn((session) => (
    <Link to="/sesiones/$sessionId" params={{ sessionId: session.id }}>
      {formatSessionTitle(session)}
    </Link>
  )),
  ...sharedColumns,
]);

/** The portal's rows link to the portal and are all published. */
const publicColumns = [
  nameColumn((session) => (
    <Link to="/publico/sesiones/$sessionId" params={{ sessionId: session.id }}>
      {formatSessionTitle(session)}
    </Link>
  )),
  ...sharedColumns,
];

interface SessionsTableProps extends TableFrameProps {
  sessions: readonly SessionView[];
  /** On the public portal: links stay in the portal and every row is published anyway. */
  isPublic?: boolean;
}

/** Sessions with their body, date and how much was recorded in each. */
export function SessionsTable({ sessions, isPublic, ...frame }: SessionsTableProps) {
  return <PaginatedTable columns={isPublic ? publicColumns : internalColumns} rows={sessions} getRowKey={(session) => session.id} {...frame} />;
}
