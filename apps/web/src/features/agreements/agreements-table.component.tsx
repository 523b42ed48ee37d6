import { Link } from '@tanstack/react-router';
import type { AgreementView } from '@telar/domain';
import { PaginatedTable, type TableColumn, type TableFrameProps } from '../../components/paginated-table.component';
import { StatusBadge } from '../../components/status-badge.component';
import { formatDate, formatSessionTitle, getTodayIso } from '../../i18n/format';
import { t } from '../../i18n/translate';

/** Label of an agreement in lists: its official code, or the first words of its text. */
export function formatAgreementName(agreement: Pick<AgreementView, 'code' | 'text'>): string {
  if (agreement.code) return agreement.code;
  return agreement.text.length > 90 ? `${agreement.text.slice(0, 90).trimEnd()}…` : agreement.text || t('agreements.untitled');
}

function isOverdue(agreement: AgreementView): boolean {
  const isOpen = agreement.status === 'pending' || agreement.status === 'in_progress';
  return isOpen && agreement.dueDate !== null && agreement.dueDate < getTodayIso();
}

const columns: TableColumn<AgreementView>[] = [
  {
    header: t('agreements.column'),
    isRowHeader: true,
    render: (agreement) => (
      <Link to="/acuerdos/$agreementId" params={{ agreementId: agreement.id }}>
        {formatAgreementName(agreement)}
      </Link>
    ),
  },
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

interface AgreementsTableProps extends TableFrameProps {
  agreements: readonly AgreementView[];
}

/** The agreements table used by the list, the dashboard and the session and organisation pages. */
export function AgreementsTable({ agreements, ...frame }: AgreementsTableProps) {
  return <PaginatedTable columns={columns} rows={agreements} getRowKey={(agreement) => agreement.id} {...frame} />;
}
