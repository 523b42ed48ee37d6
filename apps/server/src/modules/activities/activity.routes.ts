import { createRoute } from '@hono/zod-openapi';
import { ACTIVITY_KINDS, ActivityCreateSchema, ActivityUpdateSchema, DashboardFilterSchema, DashboardTableQuerySchema, IdSchema, IsoDateSchema, StateCodeSchema } from '@telar/domain';
import { z } from 'zod';
import { sendDownload } from '../../platform/http/download.js';
import { type createRouter, errorResponses, IdParamsSchema, jsonResponse } from '../../platform/http/router.js';
import { registerCrudRoutes } from '../../platform/http/crud-routes.js';

const tag = 'Actividades y tableros';

const ActivityFilterSchema = z.object({
  kind: z.enum(ACTIVITY_KINDS).optional(),
  stateCode: StateCodeSchema.optional(),
  organizationId: IdSchema.optional(),
  planId: IdSchema.optional(),
  planNodeId: IdSchema.optional(),
  reportId: IdSchema.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  q: z.string().trim().max(200).optional(),
});

/** Activities (who did what, where, when), their downloads, and the dashboards built on them. */
export function registerActivityRoutes(router: ReturnType<typeof createRouter>) {
  // Registered before the CRUD routes so "export" is not read as an activity id.
  router.openapi(
    createRoute({
      method: 'get',
      path: '/activities/export',
      tags: [tag],
      request: { query: ActivityFilterSchema.extend({ format: z.enum(['csv', 'xlsx', 'json']).default('csv') }) },
      responses: { 200: { description: 'Las actividades que cumplen el filtro, en CSV, Excel o JSON' }, ...errorResponses },
    }),
    async (c) => {
      const { format, ...filter } = c.req.valid('query');
      return sendDownload(c, await c.var.services.activities.exportFile(filter, format));
    },
  );
  registerCrudRoutes(router, {
    path: '/activities',
    tag,
    filters: ActivityFilterSchema.omit({ q: true }),
    createSchema: ActivityCreateSchema,
    updateSchema: ActivityUpdateSchema,
    service: (s) => s.activities,
  });

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
