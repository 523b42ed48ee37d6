import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { DatabaseHandle } from '../db/client.js';
import { openTestDatabase } from '../../test/test-context.js';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

/** A sign-in attempt for an account that does not exist, as it arrives through a proxy that names `forwardedFor`. */
const attempt = (app: ReturnType<typeof createApp>, forwardedFor?: string) =>
  app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}) },
    body: JSON.stringify({ email: 'nadie@prueba.telar.mx', password: 'otra-clave-cualquiera-1' }),
  });

const statusesOf = async (app: ReturnType<typeof createApp>, forwardedFor: string | undefined, count: number) => {
  const statuses = [];
  for (let i = 0; i < count; i++) statuses.push((await attempt(app, forwardedFor)).status);
  return statuses;
};

describe('login rate limit', () => {
  it('refuses past the limit with the seconds to wait in Retry-After', async () => {
    const app = createApp({ db: handle.db, loginAttemptsPerMinute: 3, trustProxy: '1' });
    expect(await statusesOf(app, '203.0.113.1', 3)).toEqual([401, 401, 401]);
    const refused = await attempt(app, '203.0.113.1');
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe('rate_limited');
    // Whole seconds; hits fade out of the sliding estimate over at most two one-minute windows.
    const wait = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(wait) && wait >= 1 && wait <= 120, `Retry-After: ${refused.headers.get('retry-after')}`).toBe(true);
  });

  it('is shared by every server process on the same database', async () => {
    const first = createApp({ db: handle.db, loginAttemptsPerMinute: 3, trustProxy: '1' });
    const second = createApp({ db: handle.db, loginAttemptsPerMinute: 3, trustProxy: '1' });
    const statuses = [];
    for (const app of [first, second, first, second]) statuses.push((await attempt(app, '203.0.113.2')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('behind a trusted proxy, counts each client apart and ignores what the client wrote before the proxy', async () => {
    const app = createApp({ db: handle.db, loginAttemptsPerMinute: 2, trustProxy: '1' });
    expect(await statusesOf(app, '203.0.113.3', 2)).toEqual([401, 401]);
    // The proxy appends the address it saw; an entry the client put in front must not buy a fresh budget.
    expect((await attempt(app, '198.51.100.7, 203.0.113.3')).status).toBe(429);
    expect((await attempt(app, '203.0.113.4')).status).toBe(401);
  });

  it('without TELAR_TRUST_PROXY, ignores X-Forwarded-For so it cannot be spoofed', async () => {
    const app = createApp({ db: handle.db, loginAttemptsPerMinute: 2 });
    const statuses = [];
    for (const forwardedFor of ['203.0.113.10', '203.0.113.11', '203.0.113.12']) statuses.push((await attempt(app, forwardedFor)).status);
    expect(statuses).toEqual([401, 401, 429]);
  });

  it('refuses settings it cannot read, naming them', () => {
    expect(() => createApp({ db: handle.db, trustProxy: 'dos' })).toThrow(/TELAR_TRUST_PROXY/);
    expect(() => createApp({ db: handle.db, loginAttemptsPerMinute: Number('diez') })).toThrow(/TELAR_LOGIN_ATTEMPTS_PER_MINUTE/);
  });
});
