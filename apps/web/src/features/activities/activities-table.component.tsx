import { Link } from '@tanstack/react-router';
import type { ActivityView } from '@telar/domain';
import { useMemo } from 'react';
import { PaginatedTable, type TableColumn, type TableFrameProps } from '../../components/paginated-table.component';
import { useStates } from '../../components/states.hook';
import { formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { formatActivityDates } from './activity-format.util';
import '../../styles/plans.css';

/** «Validada» when it counts on the dashboards, «Por revisar» while its report is not accepted. */
export function ValidationBadge({ isValidated }: { isValidated: boolean }) {
  return isValidated ? (
    <span className="badge badge--published">{t('activities.validated')}</span>
  ) : (
    <span className="badge badge--draft">{t('activities.pendingReview')}</span>
  );
}

interface ActivitiesTableProps extends TableFrameProps {
  activities: readonly ActivityView[];
  /** Adds an «Editar» link to each row (a report's activities, while it can change). */
  canEdit?: boolean;
}

/** Activities with when, what kind, who led them, where, how many took part and whether they are validated. */
export function ActivitiesTable({ activities, canEdit, ...frame }: ActivitiesTableProps) {
  const { getStateName } = useStates();
  const columns = useMemo<TableColumn<ActivityView>[]>(
    () => [
      {
        header: t('activities.column'),
        isRowHeader: true,
        render: (activity) => (
          <Link to="/actividades/$activityId" params={{ activityId: activity.id }}>
            {activity.title}
          </Link>
        ),
      },
      { header: t('activities.dates'), render: formatActivityDates },
      { header: t('activities.kind.label'), render: (activity) => t(`activities.kind.${activity.kind}`) },
      { header: t('activities.leadOrganizations'), render: (activity) => activity.leadOrganizations.map((organization) => organization.acronym ?? organization.name).join('; ') || t('app.none') },
      {
        header: t('activities.states'),
        render: (activity) => (activity.stateCodes.length > 5 ? t('activities.stateCount', { count: formatNumber(activity.stateCodes.length) }) : activity.stateCodes.map(getStateName).join(', ') || t('app.none')),
      },
      { header: t('activities.participants'), render: (activity) => (activity.participants === null ? t('app.none') : formatNumber(activity.participants)), className: 'numeric' },
      { header: t('activities.validation'), render: (activity) => <ValidationBadge isValidated={activity.isValidated} /> },
      ...(canEdit
        ? [
            {
              header: t('activities.actions'),
              render: (activity: ActivityView) => (
                <Link to="/actividades/$activityId/editar" params={{ activityId: activity.id }} aria-label={t('activities.editNamed', { title: activity.title })}>
                  {t('activities.edit')}
                </Link>
              ),
            },
          ]
        : []),
    ],
    [getStateName, canEdit],
  );
  return <PaginatedTable columns={columns} rows={activities} getRowKey={(activity) => activity.id} {...frame} />;
}
