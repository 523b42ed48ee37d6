/** What other modules and the composition root may use of the questionnaires module. */
import { registerConsolidationRoutes } from './consolidation.routes.js';
import { registerQuestionnaireRoutes as registerWorkflowRoutes } from './questionnaires.routes.js';

export { createContributionService } from './contributions.service.js';
export { createExerciseService, toQuestionView } from './exercises.service.js';
export { listOfficialAnswers } from './questionnaires.repository.js';
export { buildConsolidatedReply, createConsolidationService, createPublicReplyService } from './consolidation.service.js';
export { createQuestionnaireImportService } from './questionnaire-import.service.js';
export { readReplyFile } from './reply-file.js';
export { createTemplateService } from './templates.service.js';

/** Every questionnaire route: templates, exercises and contributions, then consolidation, import and the portal's replies. */
export function registerQuestionnaireRoutes(router: Parameters<typeof registerWorkflowRoutes>[0]) {
  registerWorkflowRoutes(router);
  registerConsolidationRoutes(router);
}
