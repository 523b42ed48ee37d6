import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { openTestDatabase } from './test/test-context.js';
import type { DatabaseHandle } from './platform/db/client.js';

let handle: DatabaseHandle;
let webRoot: string;
const ASSET = `export const words = '${'palabra '.repeat(500)}';`;
beforeAll(async () => {
  handle = await openTestDatabase();
  webRoot = mkdtempSync(join(tmpdir(), 'telar-web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Telar</title>');
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'assets', 'index-abc123.js'), ASSET);
  writeFileSync(join(webRoot, 'assets', 'index-abc123.js.br'), brotliCompressSync(ASSET));
  writeFileSync(join(webRoot, 'assets', 'index-abc123.js.gz'), gzipSync(ASSET));
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

  it('sends a hashed asset as the build compressed it (brotli, else gzip, else plain), cached for good', async () => {
    const app = createApp({ db: handle.db, webRoot });
    const brotli = await app.request('/assets/index-abc123.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(brotli.headers.get('Content-Encoding')).toBe('br');
    expect(brotli.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await brotli.arrayBuffer())).toEqual(brotliCompressSync(ASSET));
    const gzip = await app.request('/assets/index-abc123.js', { headers: { 'Accept-Encoding': 'gzip, deflate' } });
    expect(gzip.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(ASSET);
    const plain = await app.request('/assets/index-abc123.js', { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(await plain.text()).toBe(ASSET);
  });
});
