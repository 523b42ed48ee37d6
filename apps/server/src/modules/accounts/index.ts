/** What other modules may use of the accounts module. */
export { registerAccountRoutes } from './accounts.routes.js';
export { createAccountService, isAllowedWhilePasswordChangeRequired } from './accounts.service.js';
export { createAccountLinkService } from './account-links.service.js';
export { registerAuthRoutes } from './auth.routes.js';
export { createAuthService, generatePassword, hashSessionToken } from './auth.service.js';
export type { AuthService } from './auth.service.js';
