import type { Context } from 'hono';
import type { ApiEnv } from './router.js';

/**
 * Sends a generated file as a download. Public data may be cached briefly by browsers and proxies;
 * internal data never is, since it depends on who asks.
 */
export function sendDownload(c: Context<ApiEnv>, file: { body: string | Buffer; contentType: string; fileName: string }, isPublic = false) {
  return c.body(file.body as string | Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${file.fileName}"`,
    'Cache-Control': isPublic ? 'public, max-age=60' : 'private, no-store',
  });
}
