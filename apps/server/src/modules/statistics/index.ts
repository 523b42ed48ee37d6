/** What other modules may use of the statistics module. */
export { createStatisticsService } from './statistics.service.js';
export { DATASET_IMPORT_PATH, registerStatisticsRoutes } from './statistics.routes.js';
