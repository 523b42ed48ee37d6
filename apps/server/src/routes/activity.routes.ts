import { createRoute } from '@hono/zod-openapi';
import { ACTIVITY_KINDS, ActivityCreateSchema, ActivityUpdateSchema, DashboardFilterSchema, IdSchema, IsoDateSchema, StateCodeSchema } from '@telar/domain';
import { z } from 'zod';
import { sendDownload } from '../http/download.js';
import { type createRouter, errorResponses, IdParamsSchema, jsonResponse } from '../http/validation.js';
import { ACTIVITY_EXPORT_COLUMNS, renderTableFile, toActivityExportRow, toActivityJson } from '../reports/plan-files.js';
import { DASHBOARD_TABLES } from '../services/activity-dashboard.service.js';
import { registerCrudRoutes } from './crud.js';

const tag = 'Actividades y tableros';

export const ActivityFilterSchema = z.object({
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

export const DashboardTableQuerySchema = DashboardFilterSchema.extend({
  table: z.enum(DASHBOARD_TABLES),
  format: z.enum(['csv', 'xlsx']).default('csv'),
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
      const activities = await c.var.services.activities.listAll(filter);
      if (format === 'json') return c.json(activities.map(toActivityJson), 200, { 'Content-Disposition': 'attachment; filename="telar-actividades.json"' });
      const table = { title: 'Actividades', columns: [...ACTIVITY_EXPORT_COLUMNS], rows: activities.map(toActivityExportRow) };
      return sendDownload(c, await renderTableFile(table, format, 'telar-actividades'));
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
      return sendDownload(c, await renderTableFile(await c.var.services.activityDashboard.table(filter, table), format, `telar-actividades-${table}`));
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
