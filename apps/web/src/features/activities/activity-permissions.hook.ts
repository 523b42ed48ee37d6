import type { ActivityView } from '@telar/domain';
import { usePermissions } from '../../auth/permissions.hook';
import { isReportOpen, useEnlaceOrganizationIds } from '../reporting/report-status.component';

/**
 * Who may correct an activity: the secretariat of its body (or of one above it); filed in a report,
 * only while the report is open, by that secretariat or the enlace of the organisation that leads it.
 */
export function useCanEditActivity(): (activity: ActivityView) => boolean {
  const permissions = usePermissions();
  const enlaceOf = useEnlaceOrganizationIds();
  return (activity) => {
    const managesBody = permissions.canManageBody(activity.body.id);
    if (activity.report === null) return managesBody;
    return isReportOpen(activity.report) && (managesBody || activity.leadOrganizations.some((organization) => enlaceOf.has(organization.id)));
  };
}
