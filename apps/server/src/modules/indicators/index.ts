/** What other modules may use of the indicators module. */
export { findIndicatorView, indicatorSummaryJson, listIndicatorValues, listValuesOfReport } from './indicator.repository.js';
export { withDatasetLatest } from './indicator-dataset.js';
export { createIndicatorService } from './indicator.service.js';
export { registerIndicatorRoutes } from './indicator.routes.js';
