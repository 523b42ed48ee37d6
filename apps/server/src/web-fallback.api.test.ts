import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { openTestDatabase } from './test/test-context.js';
import type { DatabaseHandle } from './platform/db/client.js';

let handle: DatabaseHandle;
let webRoot: string;
beforeAll(async () => {
  handle = await openTestDatabase();
  webRoot = mkdtempSync(join(tmpdir(), 'telar-web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Telar</title>');
});
afterAll(async () => {
  await handle.close();
  rmSync(webRoot, { recursive: true, force: true });
});

describe('web app fallback', () => {
  it('serves the web app for its own paths and JSON, never the app, for unknown API paths', async () => {
    const app = createApp({ db: handle.db, webRoot });
    const page = await app.request('/tableros');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Telar</title>');
    // Without a session every non-public path is refused alike, so unknown ones reveal nothing either.
    const anonymous = await app.request('/api/no-existe');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });
});
