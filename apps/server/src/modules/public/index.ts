/** What other modules may use of the public module. */
export { registerPublicRoutes } from './public.routes.js';
export { createPublicService } from './public.service.js';
