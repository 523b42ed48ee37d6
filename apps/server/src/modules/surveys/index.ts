/** What other modules and the composition root may use of the surveys module. */
export { registerSurveyRoutes } from './surveys.routes.js';
export { registerSurveyResponseRoutes } from './respond.routes.js';
export { createSurveyService } from './surveys.service.js';
export { createSurveyResponseService } from './respond.service.js';
export { effectiveStatus, rebuildCounts } from './surveys.repository.js';
export { hashInvitationToken, SURVEY_LINK_PATH } from './invitations.js';
export { createSurveyResultsService } from './results.service.js';
export { registerSurveyResultsRoutes } from './results.routes.js';
export { createImportedResponseService } from './imported-responses.service.js';
