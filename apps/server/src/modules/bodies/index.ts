/** What other modules may use of the bodies module. */
export { findBodyHeaderLogo } from './body-logo.repository.js';
export { findBody, findBodyByAcronym, findBodyByName, insertBody, listBodies, setBodyMechanismAgreement } from './body.repository.js';
export { createBodyService } from './body.service.js';
export { registerBodyRoutes } from './body.routes.js';
