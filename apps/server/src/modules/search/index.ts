/** What the composition root uses of the search module. */
export { registerSearchRoutes } from './search.routes.js';
export { createSearchService } from './search.service.js';
