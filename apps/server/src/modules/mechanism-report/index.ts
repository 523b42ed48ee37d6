/** What other modules may use of the mechanism-report module. */
export { createMechanismImportService } from './mechanism-import.service.js';
export { renderMechanismReportDocx } from './mechanism-report.docx.js';
export { registerMechanismReportRoutes } from './mechanism-report.routes.js';
export { createMechanismReportService, renderMechanismReportFile } from './mechanism-report.service.js';
export type { MechanismReportFormat } from './mechanism-report.service.js';
export { findPublishedReport, listPublishedReports } from './published-report.repository.js';
