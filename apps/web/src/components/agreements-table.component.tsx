import { Link } from '@tanstack/react-router';
import type { AgreementView } from '@telar/domain';
import type { ReactNode } from 'react';
import { formatAgreementName, formatDate, formatSessionTitle, getTodayIso } from '../i18n/format';
import { t } from '../i18n/translate';
import { PaginatedTable, type TableColumn, type TableFrameProps } from './paginated-table.component';
import { withPublicationColumn } from './publication-badge.component';
import { StatusBadge } from './status-badge.component';

function isOverdue(agreement: AgreementView): boolean {
  const isOpen = agreement.status === 'pending' || agreement.status === 'in_progress';
  return isOpen && agreement.dueDate !== null && agreement.dueDate < getTodayIso();
}

const sharedColumns: TableColumn<AgreementView>[] = [
  {
    header: t('sessions.session'),
    render: (agreement) => `${agreement.session.body.acronym ?? agreement.session.body.name} · ${formatSessionTitle(agreement.session)}`,
  },
  {
    header: t('agreements.responsibles'),
    render: (agreement) => agreement.responsibleOrganizations.map((organization) => organization.acronym ?? organization.name).join(', ') || t('app.none'),
  },
  {
    header: t('agreements.dueDate'),
    render: (agreement) => (
      <>
        {formatDate(agreement.dueDate)}
        {isOverdue(agreement) && <span className="badge badge--overdue">{t('agreements.overdue')}</span>}
      </>
    ),
  },
  { header: t('agreementStatus.label'), render: (agreement) => <StatusBadge status={agreement.status} /> },
];

/** The first column names the row and links to its page, internal or on the portal. */
const nameColumn = (renderLink: (agreement: AgreementView) => ReactNode): TableColumn<AgreementView> => ({ header: t('agreements.column'), isRowHeader: true, render: renderLink });

const internalColumns = withPublicationColumn([
  nameColumn((agreement) => (
    <Link to="/acuerdos/$agreementId" params={{ agreementId: agreement.id }}>
      {formatAgreementName(agreement)}
    </Link>
  )),
  ...sharedColumns,
]);

/** The portal's rows link to the portal and are all published. */
const publicColumns = [
  nameColumn((agreement) => (
    <Link to="/publico/acuerdos/$agreementId" params={{ agreementId: agreement.id }}>
      {formatAgreementName(agreement)}
    </Link>
  )),
  ...sharedColumns,
];

interface AgreementsTableProps extends TableFrameProps {
  agreements: readonly AgreementView[];
  /** On the public portal: links stay in the portal and every row is published anyway. */
  isPublic?: boolean;
}

/** The agreements table of the lists, the dashboard, the session and organisation pages and the portal. */
export function AgreementsTable({ agreements, isPublic, ...frame }: AgreementsTableProps) {
  return <PaginatedTable columns={isPublic ? publicColumns : internalColumns} rows={agreements} getRowKey={(agreement) => agreement.id} {...frame} />;
}
