import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Actor, SessionPerson } from '../auth/actor.js';
import { DomainError, unauthenticated } from '../errors.js';
import type { ApiEnv } from './router.js';

export const SESSION_COOKIE = 'telar_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SessionResolution {
  actor: Actor;
  csrfToken?: string;
  me?: SessionPerson;
}

/**
 * Resolves who is calling from the session cookie (and nothing else: the body is not read here)
 * and binds the services to them.
 */
export function authenticate(
  resolveSession: (token: string | undefined) => Promise<SessionResolution>,
  bindServices: (actor: Actor) => ApiEnv['Variables']['services'],
): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const { actor, csrfToken, me } = await resolveSession(token);
    c.set('actor', actor);
    c.set('me', me);
    c.set('csrfToken', csrfToken);
    c.set('sessionToken', actor.kind === 'user' ? token : undefined);
    c.set('services', bindServices(actor));
    await next();
  };
}

/**
 * Routes are protected unless their contract says `security: []`: an anonymous caller of a protected
 * route is refused here, before anything reads its body.
 */
export function requireSessionUnlessPublic(isPublic: (method: string, path: string) => boolean): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (c.var.actor.kind === 'anonymous' && !isPublic(c.req.method, c.req.path)) throw unauthenticated();
    await next();
  };
}

/**
 * A signed-in write must carry the session's CSRF token in a header, which a page of another site
 * cannot set; the cookie alone is never enough. Signing in again from a browser that still holds a
 * session must work, so login itself needs no token.
 */
export function checkCsrf(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const needsToken = c.var.actor.kind === 'user' && !SAFE_METHODS.has(c.req.method) && c.req.path !== '/api/auth/login';
    if (needsToken && c.req.header(CSRF_HEADER) !== c.var.csrfToken) throw new DomainError('csrf');
    await next();
  };
}

/** A password someone else set is replaced before anything else is done with the session. */
export function requirePasswordChangeFirst(isAllowedWhileRequired: (path: string) => boolean): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (c.var.me?.mustChangePassword && !isAllowedWhileRequired(c.req.path)) throw new DomainError('password_change_required');
    await next();
  };
}
