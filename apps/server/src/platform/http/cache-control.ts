import type { MiddlewareHandler } from 'hono';

/**
 * API answers depend on who asks, so no browser or proxy may keep them — unless a route says
 * otherwise (public downloads may be cached briefly).
 */
export function preventCaching(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  };
}
