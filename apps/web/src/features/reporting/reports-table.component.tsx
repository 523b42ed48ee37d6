import { Link } from '@tanstack/react-router';
import type { ReportView } from '@telar/domain';
import { PaginatedTable, type TableColumn, type TableFrameProps } from '../../components/paginated-table.component';
import { formatDate, formatDateTime, formatNumber, formatRefName } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { ReportStatusBadge } from './report-status.component';

type ReportColumn = 'plan' | 'organization' | 'period' | 'dueDate' | 'status' | 'submittedAt' | 'activities' | 'comment';

const COLUMNS: Record<ReportColumn, TableColumn<ReportView>> = {
  plan: { header: t('reporting.plan'), render: (report) => report.plan.name },
  organization: { header: t('reporting.organization'), render: (report) => formatRefName(report.organization) },
  period: { header: t('reporting.period'), render: (report) => report.reportingPeriod.title },
  dueDate: { header: t('reporting.dueDate'), render: (report) => formatDate(report.reportingPeriod.dueDate) },
  status: { header: t('reporting.statusLabel'), render: (report) => <ReportStatusBadge report={report} /> },
  submittedAt: { header: t('reporting.submittedAt'), render: (report) => (report.submittedAt ? formatDateTime(report.submittedAt) : t('app.none')) },
  activities: { header: t('reporting.activityCount'), render: (report) => formatNumber(report.activityCount), className: 'numeric' },
  comment: { header: t('reporting.reviewComment'), render: (report) => (report.status === 'sent_back' && report.reviewComment ? report.reviewComment : t('app.none')) },
};

interface ReportsTableProps extends TableFrameProps {
  reports: readonly ReportView[];
  /** The columns after the link to the report, in order. */
  columns: readonly ReportColumn[];
  /** What the first column (the link) says for each report. */
  linkText: (report: ReportView) => string;
  linkHeader: string;
}

/** Reports with a link to each and the columns the page needs. */
export function ReportsTable({ reports, columns, linkText, linkHeader, ...frame }: ReportsTableProps) {
  const tableColumns: TableColumn<ReportView>[] = [
    {
      header: linkHeader,
      isRowHeader: true,
      render: (report) => (
        <Link to="/reportes/$reportId" params={{ reportId: report.id }}>
          {linkText(report)}
        </Link>
      ),
    },
    ...columns.map((column) => COLUMNS[column]),
  ];
  return <PaginatedTable columns={tableColumns} rows={reports} getRowKey={(report) => report.id} {...frame} />;
}
