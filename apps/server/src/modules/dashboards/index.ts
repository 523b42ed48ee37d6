/** What other modules may use of the dashboards module. */
export { createActivityDashboardService, readActivityDashboard, renderDashboardTable } from './activity-dashboard.service.js';
export { createDashboardService } from './dashboard.service.js';
export { createMyTasksService } from './my-tasks.service.js';
export { countRecords } from './stats.repository.js';
export { registerDashboardRoutes } from './dashboard.routes.js';
