import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { requestId } from 'hono/request-id';
import type { Database } from './db/client.js';
import { handleError } from './http/error-handler.js';
import { AppError } from './http/errors.js';
import { type ApiEnv, createRouter } from './http/validation.js';
import { registerDirectoryRoutes } from './routes/directory.routes.js';
import { registerEvidenceRoutes } from './routes/evidence.routes.js';
import { registerMechanismReportRoutes } from './routes/mechanism-report.routes.js';
import { registerSessionRoutes } from './routes/session.routes.js';
import { createServices } from './services/index.js';

const jsonBodyLimit = bodyLimit({ maxSize: 5 * 1024 * 1024, onError: () => { throw new AppError(413, 'payload_too_large'); } });

export interface AppOptions {
  db: Database;
  /** Built web app to serve (apps/web/dist); omitted in API tests. */
  webRoot?: string;
}

/** The HTTP app: the API under /api and, when built, the web app with SPA fallback. Tests import this. */
export function createApp({ db, webRoot }: AppOptions) {
  const api = createRouter();
  api.use('*', async (c, next) => {
    // Until accounts exist (issue 3) every write is recorded as made by the local operator.
    c.set('services', createServices(db, 'operador-local'));
    await next();
  });
  registerDirectoryRoutes(api);
  registerSessionRoutes(api);
  registerMechanismReportRoutes(api);
  registerEvidenceRoutes(api);
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Telar API', version: '0.1.0', description: 'Directorio, órganos colegiados, sesiones, acuerdos y seguimiento.' },
  });
  api.notFound(() => {
    throw new AppError(404, 'not_found');
  });

  const app = new Hono<ApiEnv>();
  app.use('*', requestId());
  // Uploads have their own, larger limit (routes/evidence.routes.ts).
  app.use('/api/*', async (c, next) => (c.req.path === '/api/evidence' ? next() : jsonBodyLimit(c, next)));
  app.use('*', compress());
  app.route('/api', api);
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
