/** Checks several services share: references that must exist, and reports that must still accept filings. */
import type { Actor } from '../../platform/auth/actor.js';
import { canManageBodyOrEnlace, requireBodyManagerOrEnlace } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/client.js';
import { DomainError, invalidField } from '../../platform/errors.js';
import { countExisting } from '../../platform/db/query.js';
import { findReportFacts } from './reporting.repository.js';
import { findReportScope } from '../../platform/auth/scope.repository.js';

/** Every key must exist in `table`, or the write is refused naming `field`. */
export async function requireExisting(db: Database, table: string, ids: string[] | undefined, field: string, message: string, column = 'id') {
  if (ids?.length && (await countExisting(db, table, ids, column)) !== new Set(ids).size) throw invalidField(field, message);
}

/** A report takes filings while it is with its organisation (due or sent back) and its period is open. */
export const isOpenForFiling = (status: string, isPeriodClosed: boolean) => ['due', 'sent_back'].includes(status) && !isPeriodClosed;

/**
 * What is filed in a report can change only while the report is with its organisation (due or sent
 * back) and its period is open; the organisation's enlace or the plan's secretariat files it.
 * Call it inside the write's transaction: it holds the report's row so no status change interleaves.
 */
export async function requireEditableReport(tx: Database, actor: Actor, reportId: string, field = 'reportId') {
  const report = await findReportFacts(tx, reportId, 'share');
  if (!report) throw invalidField(field, 'El reporte no existe.');
  requireBodyManagerOrEnlace(actor, await findReportScope(tx, reportId));
  if (!isOpenForFiling(report.status, report.isPeriodClosed)) throw new DomainError('report_locked');
  return report;
}

/** Whether the actor may file in the report now (the answer `requireEditableReport` enforces), without holding it. */
export async function canFileInReport(db: Database, actor: Actor, reportId: string): Promise<boolean> {
  const [report, scope] = await Promise.all([findReportFacts(db, reportId), findReportScope(db, reportId)]);
  return !!report && !!scope && canManageBodyOrEnlace(actor, scope) && isOpenForFiling(report.status, report.isPeriodClosed);
}
