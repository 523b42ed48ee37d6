/** What other modules and the composition root may use of the questionnaires module. */
export { createContributionService } from './contributions.service.js';
export { createExerciseService, toQuestionView } from './exercises.service.js';
export { listOfficialAnswers } from './questionnaires.repository.js';
export { registerQuestionnaireRoutes } from './questionnaires.routes.js';
export { createTemplateService } from './templates.service.js';
