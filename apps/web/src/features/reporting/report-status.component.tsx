import type { ReportView } from '@telar/domain';
import { useMemo } from 'react';
import { useMe } from '../../auth/me.hook';
import { t } from '../../i18n/translate';
import '../../styles/plans.css';

/** «Pendiente», «Enviado», «Aceptado», «Devuelto», or «Vencido» when a due or sent-back report is past its deadline. */
export function ReportStatusBadge({ report }: { report: Pick<ReportView, 'status' | 'isOverdue'> }) {
  if (report.isOverdue) return <span className="badge report-status report-status--overdue">{t('reporting.status.overdue')}</span>;
  return <span className={`badge report-status report-status--${report.status}`}>{t(`reporting.status.${report.status}`)}</span>;
}

/** The organisations the signed-in person is enlace of (who files their reports). */
export function useEnlaceOrganizationIds(): ReadonlySet<string> {
  const me = useMe();
  return useMemo(() => new Set((me?.roles ?? []).flatMap((grant) => (grant.role === 'enlace' && grant.organizationId ? [grant.organizationId] : []))), [me]);
}

/** A report its organisation may still change: due, or sent back to be fixed. */
export const isReportOpen = (report: Pick<ReportView, 'status'>) => report.status === 'due' || report.status === 'sent_back';
