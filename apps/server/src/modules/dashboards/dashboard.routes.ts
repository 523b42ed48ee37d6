import {
  ActivityDashboardViewSchema,
  DashboardFilterSchema,
  DashboardTableQuerySchema,
  DashboardViewSchema,
  MyTasksViewSchema,
  OrganizationDashboardViewSchema,
} from '@telar/domain';
import { sendDownload } from '../../platform/http/download.js';
import { apiRoute, CONTENT_TYPES, type createRouter, fileResponse, IdParamsSchema, jsonResponse } from '../../platform/http/router.js';

const tag = 'Tableros';

/** The home-page summary and the activity dashboards (national, by state, by organisation). */
export function registerDashboardRoutes(router: ReturnType<typeof createRouter>) {
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/dashboard',
      tags: ['Inicio'],
      operationId: 'getDashboard',
      summary: 'Consultar el resumen de la página de inicio',
      responses: { 200: jsonResponse('Conteos y acuerdos próximos a vencer', DashboardViewSchema) },
    }),
    async (c) => c.json(await c.var.services.dashboard.get(), 200),
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/me/tasks',
      tags: ['Inicio'],
      operationId: 'getMyTasks',
      summary: 'Consultar lo que le toca a la persona: lo que debe, lo que le devolvieron y lo que espera su revisión',
      responses: { 200: jsonResponse('Pendientes de la persona, por grupo', MyTasksViewSchema) },
    }),
    async (c) => c.json(await c.var.services.myTasks.get(), 200),
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/dashboards/activities',
      tags: [tag],
      operationId: 'getActivityDashboard',
      summary: 'Actividades validadas: totales, por entidad (con tasas por 100 000 habitantes), por año y por tipo',
      request: { query: DashboardFilterSchema },
      responses: { 200: jsonResponse('Tablero de actividades', ActivityDashboardViewSchema) },
    }),
    async (c) => c.json(await c.var.services.activityDashboard.activities(c.req.valid('query')), 200),
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/dashboards/activities/table',
      tags: [tag],
      operationId: 'downloadActivityDashboardTable',
      summary: 'Descargar la tabla de una gráfica del tablero',
      request: { query: DashboardTableQuerySchema },
      responses: { 200: fileResponse('La tabla de una gráfica del tablero, en CSV o Excel', [CONTENT_TYPES.csv, CONTENT_TYPES.xlsx]) },
    }),
    async (c) => {
      const { table, format, ...filter } = c.req.valid('query');
      return sendDownload(c, await c.var.services.activityDashboard.tableFile(filter, table, format));
    },
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/dashboards/organizations/{id}',
      tags: [tag],
      operationId: 'getOrganizationDashboard',
      summary: 'Consultar el tablero de una organización',
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('Tablero de una organización', OrganizationDashboardViewSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.activityDashboard.organization(c.req.valid('param').id), 200),
  );
}
