/** What other modules may use of the bodies module. */
export { findBody, findBodyByAcronym, findBodyByName, insertBody, listBodies, setBodyMechanismAgreement } from './body.repository.js';
export { createBodyService } from './body.service.js';
export { registerBodyRoutes } from './body.routes.js';
