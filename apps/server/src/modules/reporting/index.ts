/** What other modules may use of the reporting module. */
export { canFileInReport, requireEditableReport, requireExisting } from './report-checks.js';
export { listReports } from './reporting.repository.js';
export type { ReportFacts } from './reporting.repository.js';
export { registerReportingRoutes } from './reporting.routes.js';
export { createReportingService } from './reporting.service.js';
