/** What other modules may use of the activities module. */
export { applyActivityTotals, isValidatedActivity, listActivities, listActivitiesOfBodyOnDay, listActivityIdsOfReport, lockActivities, rebuildActivityTotals } from './activity.repository.js';
export { registerActivityRoutes } from './activity.routes.js';
export { createActivityService } from './activity.service.js';
