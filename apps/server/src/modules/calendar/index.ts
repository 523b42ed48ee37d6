/** What other modules and the composition root may use of the calendar module. */
export { registerCalendarRoutes } from './calendar.routes.js';
export { createCalendarService } from './calendar.service.js';
