import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { DomainError } from '../errors.js';

/** The client address, or "local" for in-process requests (tests) that have no socket. */
function identifyClient(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

/**
 * At most `max` requests per client address in a sliding `windowMs`; past that, 429.
 * In memory: enough for one server process, which is how Telar runs.
 */
export function limitRate({ max, windowMs }: { max: number; windowMs: number }): MiddlewareHandler {
  const hits = new Map<string, number[]>();
  return async (c, next) => {
    const now = Date.now();
    const key = identifyClient(c);
    const recent = (hits.get(key) ?? []).filter((time) => now - time < windowMs);
    if (recent.length >= max) throw new DomainError('rate_limited');
    recent.push(now);
    hits.set(key, recent);
    if (hits.size > 10_000) hits.clear(); // bounded memory under a flood of addresses
    await next();
  };
}
