import { createRoute } from '@hono/zod-openapi';
import { DashboardFilterSchema, DashboardTableQuerySchema } from '@telar/domain';
import { sendDownload } from '../../platform/http/download.js';
import { type createRouter, errorResponses, IdParamsSchema, jsonResponse } from '../../platform/http/router.js';

const tag = 'Tableros';

/** The home-page summary and the activity dashboards (national, by state, by organisation). */
export function registerDashboardRoutes(router: ReturnType<typeof createRouter>) {
  router.openapi(
    createRoute({ method: 'get', path: '/dashboard', tags: ['Inicio'], responses: { 200: jsonResponse('Conteos y acuerdos próximos a vencer') } }),
    async (c) => c.json(await c.var.services.dashboard.get(), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/dashboards/activities',
      tags: [tag],
      summary: 'Actividades validadas: totales, por entidad (con tasas por 100 000 habitantes), por año y por tipo',
      request: { query: DashboardFilterSchema },
      responses: { 200: jsonResponse('Tablero de actividades'), ...errorResponses },
    }),
    async (c) => c.json(await c.var.services.activityDashboard.activities(c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/dashboards/activities/table',
      tags: [tag],
      request: { query: DashboardTableQuerySchema },
      responses: { 200: { description: 'La tabla de una gráfica del tablero, en CSV o Excel' }, ...errorResponses },
    }),
    async (c) => {
      const { table, format, ...filter } = c.req.valid('query');
      return sendDownload(c, await c.var.services.activityDashboard.tableFile(filter, table, format));
    },
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/dashboards/organizations/{id}',
      tags: [tag],
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('Tablero de una organización'), ...errorResponses },
    }),
    async (c) => c.json(await c.var.services.activityDashboard.organization(c.req.valid('param').id), 200),
  );
}
