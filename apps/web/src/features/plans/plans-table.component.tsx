import { Link } from '@tanstack/react-router';
import type { PlanSummaryView } from '@telar/domain';
import { PaginatedTable, type TableColumn, type TableFrameProps } from '../../components/paginated-table.component';
import { PublicationBadge } from '../../components/publication-badge.component';
import { formatNumber, formatRefName } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { formatPlanPeriod } from './plan-format.util';

const sharedColumns: TableColumn<PlanSummaryView>[] = [
  { header: t('plans.body'), render: (plan) => formatRefName(plan.body) },
  { header: t('plans.period'), render: formatPlanPeriod },
  { header: t('plans.nodeCount'), render: (plan) => formatNumber(plan.nodeCount), className: 'numeric' },
];

const internalColumns: TableColumn<PlanSummaryView>[] = [
  {
    header: t('plans.column'),
    isRowHeader: true,
    render: (plan) => (
      <Link to="/planes/$planId" params={{ planId: plan.id }}>
        {plan.name}
      </Link>
    ),
  },
  ...sharedColumns,
  { header: t('publication.label'), render: (plan) => <PublicationBadge publishedAt={plan.publishedAt} isCompact /> },
];

const publicColumns: TableColumn<PlanSummaryView>[] = [
  {
    header: t('plans.column'),
    isRowHeader: true,
    render: (plan) => (
      <Link to="/publico/planes/$planId" params={{ planId: plan.id }}>
        {plan.name}
      </Link>
    ),
  },
  ...sharedColumns,
];

interface PlansTableProps extends TableFrameProps {
  plans: readonly PlanSummaryView[];
  isPublic?: boolean;
}

/** Plans with their body, period, size and (internally) whether they are published. */
export function PlansTable({ plans, isPublic, ...frame }: PlansTableProps) {
  return <PaginatedTable columns={isPublic ? publicColumns : internalColumns} rows={plans} getRowKey={(plan) => plan.id} {...frame} />;
}
