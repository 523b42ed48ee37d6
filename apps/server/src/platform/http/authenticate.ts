import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Database } from '../db/client.js';
import { type AuthService, isAllowedWhilePasswordChangeRequired } from '../../modules/accounts/index.js';
import { createServices } from '../../services.js';
import { DomainError } from '../errors.js';
import type { ApiEnv } from './router.js';

export const SESSION_COOKIE = 'telar_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves who is calling from the session cookie and binds the services to them.
 * A signed-in write must carry the session's CSRF token in a header, which a page of another
 * site cannot set; the cookie alone is never enough.
 */
export function authenticate(db: Database, auth: AuthService): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const { actor, csrfToken, me } = await auth.resolveSession(token);
    // Signing in again from a browser that still holds a session must work: login itself needs no token.
    const needsCsrf = actor.kind === 'user' && !SAFE_METHODS.has(c.req.method) && c.req.path !== '/api/auth/login';
    if (needsCsrf && c.req.header(CSRF_HEADER) !== csrfToken) {
      throw new DomainError('csrf');
    }
    // A password someone else set is replaced before anything else is done with the session.
    if (me?.mustChangePassword && !isAllowedWhilePasswordChangeRequired(c.req.path)) throw new DomainError('password_change_required');
    c.set('actor', actor);
    c.set('me', me);
    c.set('sessionToken', actor.kind === 'user' ? token : undefined);
    c.set('services', createServices(db, actor));
    await next();
  };
}
