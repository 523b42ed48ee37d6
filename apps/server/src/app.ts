import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Database } from './platform/db/client.js';
import { authenticate } from './platform/http/authenticate.js';
import { handleError } from './platform/http/error-handler.js';
import { DomainError } from './platform/errors.js';
import { IMPORT_MAX_BYTES } from './platform/documents/import-limits.js';
import { type ApiEnv, createRouter } from './platform/http/router.js';
import { registerActivityRoutes } from './modules/activities/index.js';
import { registerAuthRoutes } from './modules/accounts/index.js';
import { registerDirectoryRoutes } from './modules/directory/index.js';
import { registerEvidenceRoutes } from './modules/sessions/index.js';
import { registerMechanismReportRoutes } from './modules/mechanism-report/index.js';
import { registerPlanRoutes } from './modules/plans/index.js';
import { registerPublicRoutes } from './modules/public/index.js';
import { registerReportingRoutes } from './modules/reporting/index.js';
import { registerSessionRoutes } from './modules/sessions/index.js';
import { createAuthService } from './modules/accounts/index.js';

// The largest request is an import (a plan template, a mechanism report): the same limit as the command line's.
const jsonBodyLimit = bodyLimit({ maxSize: IMPORT_MAX_BYTES, onError: () => { throw new DomainError('payload_too_large'); } });

/**
 * Strict by default: the web app is built to need nothing but its own scripts, styles and API,
 * so no inline script or style and no third-party origin is allowed.
 */
const SECURITY_HEADERS = {
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: 'strict-origin-when-cross-origin',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  crossOriginEmbedderPolicy: false,
};

export interface AppOptions {
  db: Database;
  /** Built web app to serve (apps/web/dist); omitted in API tests. */
  webRoot?: string;
  /** Sign-in attempts allowed per client address and minute. */
  loginAttemptsPerMinute?: number;
}

/** The HTTP app: the API under /api and, when built, the web app with SPA fallback. Tests import this. */
export function createApp({ db, webRoot, loginAttemptsPerMinute = Number(process.env.TELAR_LOGIN_ATTEMPTS_PER_MINUTE ?? 10) }: AppOptions) {
  const api = createRouter();
  const auth = createAuthService(db);
  api.use('*', authenticate(db, auth));
  registerAuthRoutes(api, auth, loginAttemptsPerMinute);
  registerDirectoryRoutes(api);
  registerSessionRoutes(api);
  registerMechanismReportRoutes(api);
  registerEvidenceRoutes(api);
  registerPlanRoutes(api);
  registerActivityRoutes(api);
  registerReportingRoutes(api);
  registerPublicRoutes(api);
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Telar API', version: '0.1.0', description: 'Directorio, órganos colegiados, sesiones, acuerdos y seguimiento; planes, actividades, indicadores, reporte periódico y tableros.' },
  });
  api.notFound(() => {
    throw new DomainError('not_found');
  });

  const app = new Hono<ApiEnv>();
  app.use('*', requestId());
  app.use('*', secureHeaders(SECURITY_HEADERS));
  // Uploads have their own, larger limit (routes/evidence.routes.ts).
  app.use('/api/*', async (c, next) => (c.req.path === '/api/evidence' ? next() : jsonBodyLimit(c, next)));
  // Only the hashed static assets are gzipped here: compressing every API answer cost more CPU than the
  // queries under load (bench:load p95 107 → 23 ms without it); a reverse proxy can compress the rest.
  app.use('/assets/*', compress());
  app.route('/api', api);
  // A mounted router's notFound is not consulted: without this, an unknown API path would get the web app.
  app.all('/api/*', () => {
    throw new DomainError('not_found');
  });
  app.onError(handleError);
  api.onError(handleError);

  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    const indexHtml = readFileSync(join(webRoot, 'index.html'), 'utf8');
    app.use('/assets/*', serveStatic({ root: webRoot, onFound: (_path, c) => void c.header('Cache-Control', 'public, max-age=31536000, immutable') }));
    app.use('*', serveStatic({ root: webRoot }));
    app.get('*', (c) => c.html(indexHtml));
  }
  return app;
}
