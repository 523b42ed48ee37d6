import type { Actor } from './platform/auth/actor.js';
import type { Database } from './platform/db/client.js';
import { createAccountLinkService, createAccountService } from './modules/accounts/index.js';
import { createActivityDashboardService } from './modules/dashboards/index.js';
import { createActivityService } from './modules/activities/index.js';
import { createAgreementService } from './modules/sessions/index.js';
import { createBodyService } from './modules/bodies/index.js';
import { listStates } from './platform/db/geo.repository.js';
import { createDashboardService, createMyTasksService } from './modules/dashboards/index.js';
import { createEvidenceService } from './modules/sessions/index.js';
import { createHistoryService } from './platform/audit/history.service.js';
import { createMechanismImportService } from './modules/mechanism-report/index.js';
import { createMechanismReportService } from './modules/mechanism-report/index.js';
import { createMembershipService } from './modules/directory/index.js';
import { createIndicatorService } from './modules/indicators/index.js';
import { createOrganizationService } from './modules/directory/index.js';
import { createPlanService } from './modules/plans/index.js';
import { createPublicService } from './modules/public/index.js';
import {
  createConsolidationService,
  createContributionService,
  createExerciseService,
  createPublicReplyService,
  createQuestionnaireImportService,
  createTemplateService,
} from './modules/questionnaires/index.js';
import { createReportingService } from './modules/reporting/index.js';
import { createCalendarService } from './modules/calendar/index.js';
import { createSearchService } from './modules/search/index.js';
import { createNotificationService } from './modules/notifications/index.js';
import { createSessionService } from './modules/sessions/index.js';
import { createStatisticsService } from './modules/statistics/index.js';
import { createSurveyResponseService, createSurveyService } from './modules/surveys/index.js';
import { createCommissionService, createNetworkService } from './modules/networks/index.js';
import { createImportedResponseService, createSurveyResultsService } from './modules/surveys/index.js';

/** Every service, bound to a database and to who is acting (recorded in the audit trail). */
export function createServices(db: Database, actor: Actor) {
  return {
    organizations: createOrganizationService(db, actor),
    bodies: createBodyService(db, actor),
    memberships: createMembershipService(db, actor),
    sessions: createSessionService(db, actor),
    agreements: createAgreementService(db, actor),
    evidence: createEvidenceService(db, actor),
    dashboard: createDashboardService(db, actor),
    myTasks: createMyTasksService(db, actor),
    history: createHistoryService(db, actor),
    catalogue: { listStates: () => listStates(db) },
    public: createPublicService(db),
    mechanismImport: createMechanismImportService(db, actor),
    mechanismReport: createMechanismReportService(db, actor),
    plans: createPlanService(db, actor),
    indicators: createIndicatorService(db, actor),
    activities: createActivityService(db, actor),
    reporting: createReportingService(db, actor),
    activityDashboard: createActivityDashboardService(db, actor),
    accounts: createAccountService(db, actor),
    accountLinks: createAccountLinkService(db, actor),
    search: createSearchService(db, actor),
    calendar: createCalendarService(db, actor),
    notifications: createNotificationService(db, actor),
    questionnaireTemplates: createTemplateService(db, actor),
    questionnaireExercises: createExerciseService(db, actor),
    contributions: createContributionService(db, actor),
    consolidation: createConsolidationService(db, actor),
    questionnaireImport: createQuestionnaireImportService(db, actor),
    publicReplies: createPublicReplyService(db),
    statistics: createStatisticsService(db, actor),
    surveys: createSurveyService(db, actor),
    surveyResponses: createSurveyResponseService(db, actor),
    networks: createNetworkService(db, actor),
    commissions: createCommissionService(db, actor),
    surveyResults: createSurveyResultsService(db, actor),
    /** Responses gathered outside Telar; only the demo uses it (no route). */
    surveyImport: createImportedResponseService(db, actor),
  };
}

export type Services = ReturnType<typeof createServices>;
