/** What other modules and the composition root may use of the networks module. */
export { createCommissionService } from './commissions.service.js';
export { createNetworkService, isCurrentStatus, todayInMexico } from './networks.service.js';
export { registerNetworkRoutes } from './networks.routes.js';
