import type { Context } from 'hono';
import type { ApiEnv } from './router.js';

/**
 * `attachment` with the name twice, as RFC 6266 advises: an ASCII fallback for old clients and the
 * exact name in UTF-8 (RFC 5987), so an acronym such as "NIÑEZ" never breaks the header.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends a generated file as a download. Public data may be cached briefly by browsers and proxies;
 * internal data never is, since it depends on who asks.
 */
export function sendDownload(c: Context<ApiEnv>, file: { body: string | Buffer; contentType: string; fileName: string }, isPublic = false) {
  return c.body(file.body as string | Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': attachmentDisposition(file.fileName),
    'Cache-Control': isPublic ? 'public, max-age=60' : 'private, no-store',
  });
}
