import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Database } from './platform/db/client.js';
import { authenticate, checkCsrf, requirePasswordChangeFirst, requireSessionUnlessPublic } from './platform/http/authenticate.js';
import { preventCaching } from './platform/http/cache-control.js';
import { handleError } from './platform/http/error-handler.js';
import { DomainError } from './platform/errors.js';
import { IMPORT_MAX_BYTES } from './platform/documents/import-limits.js';
import { type ApiEnv, createPublicRouteMatcher, createRouter, OPEN_DATA_TERMS } from './platform/http/router.js';
import { createServices } from './services.js';
import { registerActivityRoutes } from './modules/activities/index.js';
import { registerBodyRoutes } from './modules/bodies/index.js';
import { registerDashboardRoutes } from './modules/dashboards/index.js';
import { registerIndicatorRoutes } from './modules/indicators/index.js';
import { registerHistoryRoutes } from './platform/audit/history.routes.js';
import { isAllowedWhilePasswordChangeRequired, registerAccountRoutes, registerAuthRoutes } from './modules/accounts/index.js';
import { registerDirectoryRoutes } from './modules/directory/index.js';
import { registerEvidenceRoutes } from './modules/sessions/index.js';
import { registerMechanismReportRoutes } from './modules/mechanism-report/index.js';
import { registerPlanRoutes } from './modules/plans/index.js';
import { registerPublicRoutes } from './modules/public/index.js';
import { registerQuestionnaireRoutes } from './modules/questionnaires/index.js';
import { registerReportingRoutes } from './modules/reporting/index.js';
import { registerSearchRoutes } from './modules/search/index.js';
import { registerCalendarRoutes } from './modules/calendar/index.js';
import { registerNotificationRoutes } from './modules/notifications/index.js';
import { registerSessionRoutes } from './modules/sessions/index.js';
import { DATASET_IMPORT_PATH, registerStatisticsRoutes } from './modules/statistics/index.js';
import { registerSurveyResponseRoutes, registerSurveyResultsRoutes, registerSurveyRoutes } from './modules/surveys/index.js';
import { registerNetworkRoutes } from './modules/networks/index.js';
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
  /** Reverse proxies trusted to name the client (TELAR_TRUST_PROXY): a number of hops or their addresses. */
  trustProxy?: string;
}

/**
 * The HTTP app: the API under /api and, when built, the web app with SPA fallback. Tests import this.
 * Every API request goes through the same chain, top to bottom: request id → security headers → CORS
 * (public data only) → no-store → body limit → authenticate (cookie only) → refuse anonymous callers of
 * protected routes → CSRF → a password someone else set is changed first → validate (the route's schema) → handler, whose service writes in one transaction.
 */
export function createApp({ db, webRoot, loginAttemptsPerMinute = Number(process.env.TELAR_LOGIN_ATTEMPTS_PER_MINUTE ?? 10), trustProxy = process.env.TELAR_TRUST_PROXY }: AppOptions) {
  const api = createRouter();
  const auth = createAuthService(db);
  registerAuthRoutes(api, db, auth, { loginAttemptsPerMinute, trustProxy });
  registerAccountRoutes(api);
  registerDirectoryRoutes(api);
  registerBodyRoutes(api);
  registerHistoryRoutes(api);
  registerSessionRoutes(api);
  registerMechanismReportRoutes(api);
  registerEvidenceRoutes(api);
  registerPlanRoutes(api);
  registerIndicatorRoutes(api);
  registerActivityRoutes(api);
  registerDashboardRoutes(api);
  registerReportingRoutes(api);
  registerQuestionnaireRoutes(api);
  registerSearchRoutes(api);
  registerCalendarRoutes(api);
  registerNotificationRoutes(api);
  registerStatisticsRoutes(api);
  registerSurveyRoutes(api);
  registerSurveyResponseRoutes(api);
  registerNetworkRoutes(api);
  registerSurveyResultsRoutes(api);
  registerPublicRoutes(api);
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Telar API',
      version: '0.1.0',
      description:
        'Directorio, órganos colegiados, sesiones, acuerdos y seguimiento; planes, actividades, indicadores, reporte periódico y tableros. ' +
        'Con sesión, la cookie `telar_session` (POST /auth/login) identifica a la persona y toda escritura lleva además la cabecera `X-CSRF-Token`. ' +
        `Lo que publica el portal (rutas /public) son datos abiertos: ${OPEN_DATA_TERMS}`,
      license: { name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
    },
    servers: [{ url: '/api', description: 'Esta instalación de Telar' }],
    security: [{ sessionCookie: [] }],
    tags: [
      { name: 'Cuentas', description: 'Inicio y cierre de sesión, la persona con sesión y la creación de cuentas.' },
      { name: 'Organizaciones', description: 'El directorio de organizaciones.' },
      { name: 'Órganos colegiados', description: 'Sistemas, comisiones, grupos de trabajo y redes; sus integrantes y enlaces.' },
      { name: 'Sesiones', description: 'Sesiones de los órganos y las participaciones en ellas.' },
      { name: 'Acuerdos', description: 'Acuerdos de las sesiones y su seguimiento.' },
      { name: 'Evidencia', description: 'Archivos que respaldan sesiones, seguimiento y actividades.' },
      { name: 'Importar', description: 'Importación del informe del Mecanismo de participación.' },
      { name: 'Informes', description: 'El informe del Mecanismo de participación, generado de los datos, y su publicación.' },
      { name: 'Planes e indicadores', description: 'Planes como árboles de nodos, sus indicadores y valores.' },
      { name: 'Actividades', description: 'Actividades: quién hizo qué, dónde y cuándo.' },
      { name: 'Reporte periódico', description: 'Periodos de reporte y el reporte que cada organización responsable debe.' },
      { name: 'Inicio', description: 'El resumen de la página de inicio.' },
      { name: 'Tableros', description: 'Tableros de actividades validadas.' },
      { name: 'Avisos', description: 'Los avisos de cada persona, sus preferencias y los correos enviados.' },
      { name: 'Bitácora', description: 'Quién cambió cada registro, cuándo y qué.' },
      { name: 'Estadísticas', description: 'Conjuntos de datos con su procedencia y revisiones; cuadros con control de confidencialidad y tasas por cada 100 mil.' },
      { name: 'Encuestas', description: 'Encuestas de una red a sus integrantes: invitaciones con enlace personal, recordatorios, respuestas (nominales o anónimas), tasas de respuesta, resultados con codificación de respuestas abiertas y publicación.' },
      { name: 'Redes', description: 'Redes de organizaciones: integrantes y su estatus, aportaciones, órganos de gobierno, comisiones temáticas con punto focal y suplente, y puntaje anual.' },
      { name: 'Catálogos', description: 'Catálogos de referencia (INEGI).' },
      { name: 'Portal público y datos abiertos', description: `Lo publicado, sin cuenta. ${OPEN_DATA_TERMS}` },
    ],
  });
  const isPublicRoute = createPublicRouteMatcher(api, '/api', ['/openapi.json']);

  const app = new Hono<ApiEnv>();
  app.use('*', requestId());
  app.use('*', secureHeaders(SECURITY_HEADERS));
  // Published data is for anyone, including other sites' scripts; nothing there depends on a cookie.
  app.use('/api/public/*', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'] }));
  app.use('/api/*', preventCaching());
  // Uploads have their own, larger limits (modules/sessions/evidence.routes.ts, modules/statistics/statistics.routes.ts).
  const ownLimit = new Set(['/api/evidence', `/api${DATASET_IMPORT_PATH}`]);
  app.use('/api/*', async (c, next) => (ownLimit.has(c.req.path) ? next() : jsonBodyLimit(c, next)));
  app.use('/api/*', authenticate(auth.resolveSession, (actor) => createServices(db, actor)));
  app.use('/api/*', requireSessionUnlessPublic(isPublicRoute));
  app.use('/api/*', checkCsrf());
  app.use('/api/*', requirePasswordChangeFirst(isAllowedWhilePasswordChangeRequired));
  app.route('/api', api);
  // A mounted router's notFound is not consulted: without this, an unknown API path would get the web app.
  app.all('/api/*', () => {
    throw new DomainError('not_found');
  });
  app.onError(handleError);
  api.onError(handleError);

  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    const indexHtml = readFileSync(join(webRoot, 'index.html'), 'utf8');
    // Only the hashed static assets are compressed, by the web build (x.js.br, x.js.gz beside x.js): compressing
    // every API answer cost more CPU than the queries under load (bench:load p95 107 → 23 ms without it); a
    // reverse proxy can compress the rest.
    const serveAsset = serveStatic({ root: webRoot, precompressed: true });
    // A hashed name changes with its content, so the browser may keep the file for good. (Set on the answer
    // itself: serveStatic's onFound runs after the answer is built and its headers were never sent.)
    app.use('/assets/*', async (c, next) => {
      const asset = await serveAsset(c, next);
      asset?.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
      return asset;
    });
    app.use('*', serveStatic({ root: webRoot }));
    app.get('*', (c) => c.html(indexHtml));
  }
  return app;
}
