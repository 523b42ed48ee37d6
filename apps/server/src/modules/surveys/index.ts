/** What other modules and the composition root may use of the surveys module. */
export { createSurveyResultsService } from './results.service.js';
export { registerSurveyResultsRoutes } from './results.routes.js';
