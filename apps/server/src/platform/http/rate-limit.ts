import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { Database } from '../db/client.js';
import { DomainError } from '../errors.js';
import { countedAddress, findClientAddress, type ProxyTrust } from './client-address.js';
import { purgeOldHits, recordHit, type WindowHits } from './rate-limit.repository.js';

/** The socket's peer, or "local" for in-process requests (tests) that have no socket. */
function readSocketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

/**
 * Seconds until one more hit would be allowed if none came meanwhile; 0 when this one is.
 * The limit is a sliding window estimated from two fixed ones: the previous window weighs what is
 * left of it, so a client cannot spend its budget twice around a window's edge.
 */
export function secondsUntilAllowed({ current, previous, elapsed }: WindowHits, max: number, windowSeconds: number): number {
  if (previous * (1 - elapsed) + current <= max) return 0;
  // Room left in this window: wait until the previous window weighs little enough.
  // Otherwise: in the next window this one is the previous, and has to fade enough.
  const wait =
    current + 1 <= max
      ? (1 - (max - current - 1) / previous - elapsed) * windowSeconds
      : (1 - elapsed + Math.max(0, 1 - (max - 1) / current)) * windowSeconds;
  return Math.max(1, Math.ceil(wait));
}

/**
 * At most `max` requests per client in a sliding `windowMs`; past that, 429 with Retry-After.
 * Every attempt counts, refused ones too. The counts live in the database, so every server process
 * behind the proxy shares them.
 */
export function limitRate(db: Database, { name, max, windowMs, trust }: { name: string; max: number; windowMs: number; trust: ProxyTrust }): MiddlewareHandler {
  const windowSeconds = windowMs / 1000;
  return async (c, next) => {
    const client = findClientAddress(readSocketAddress(c), c.req.header('x-forwarded-for'), trust);
    const hits = await recordHit(db, `${name}:${countedAddress(client)}`, windowSeconds);
    // A key opening a window is the moment to drop windows that stopped counting: cheap, and bounded.
    if (hits.current === 1) await purgeOldHits(db, name, windowSeconds);
    const wait = secondsUntilAllowed(hits, max, windowSeconds);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new DomainError('rate_limited');
    }
    await next();
  };
}
