/** What other modules may use of the plans module. */
export { ACTIVITY_EXPORT_COLUMNS, toActivityExportRow, toActivityJson } from './plan-files.js';
export { readTableFile } from './plan-files.js';
export { findPlan, findPlanNode, findPlanNodeRefs, listNodesOfOrganization, listPlans, listResponsibleOrganizationIds, updatePlanNode } from './plan.repository.js';
export { registerPlanRoutes } from './plan.routes.js';
export { createPlanService, readPlanDetail, recordStatusChange } from './plan.service.js';
