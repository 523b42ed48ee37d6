/** What other modules may use of the directory module. */
export { registerDirectoryRoutes } from './directory.routes.js';
export { findPersonView, insertPerson, listMembershipsOfBody } from './membership.repository.js';
export { createMembershipService } from './membership.service.js';
export { findOrganizationByIdentity, findOrganizationView, insertOrganization, listExistingOrganizationIds, listOrganizations } from './organization.repository.js';
export type { OrganizationFilter } from './organization.repository.js';
export { createOrganizationService } from './organization.service.js';
