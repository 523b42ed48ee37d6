import type { ActivityView } from '@telar/domain';
import { usePermissions } from '../../auth/permissions.hook';
import { isReportOpen, useEnlaceOrganizationIds } from '../reporting/report-status.component';

/** Who may correct an activity: a secretariat, or the enlace of its organisation while its report is open. */
export function useCanEditActivity(): (activity: ActivityView) => boolean {
  const permissions = usePermissions();
  const enlaceOf = useEnlaceOrganizationIds();
  return (activity) =>
    permissions.managesAnyBody ||
    (activity.report !== null && isReportOpen(activity.report) && activity.leadOrganizations.some((organization) => enlaceOf.has(organization.id)));
}
