import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/client.js';
import { createActivityDashboardService } from './activity-dashboard.service.js';
import { createActivityService } from './activity.service.js';
import { createAgreementService } from './agreement.service.js';
import { createBodyService } from './body.service.js';
import { listStates } from '../repositories/geo.repository.js';
import { createDashboardService } from './dashboard.service.js';
import { createEvidenceService } from './evidence.service.js';
import { createHistoryService } from './history.service.js';
import { createMechanismImportService } from './mechanism-import.service.js';
import { createMechanismReportService } from './mechanism-report.service.js';
import { createMembershipService } from './membership.service.js';
import { createIndicatorService } from './indicator.service.js';
import { createOrganizationService } from './organization.service.js';
import { createPlanService } from './plan.service.js';
import { createPublicService } from './public.service.js';
import { createReportingService } from './reporting.service.js';
import { createSessionService } from './session.service.js';

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
  };
}

export type Services = ReturnType<typeof createServices>;
