import { createRoute } from '@hono/zod-openapi';
import { AGREEMENT_STATUSES, DashboardFilterSchema, DashboardTableQuerySchema, IdSchema, IsoDateSchema, PageQuerySchema, StateCodeSchema } from '@telar/domain';
import type { Context } from 'hono';
import { z } from 'zod';
import { sendDownload } from '../../platform/http/download.js';
import type { DownloadFile } from '../plans/index.js';
import { type ApiEnv, type createRouter, errorResponses, IdParamsSchema, jsonResponse, PUBLIC_ROUTE } from '../../platform/http/router.js';

const tag = 'Portal público y datos abiertos';
const page = (query: { page: number; pageSize: number }) => ({ page: query.page, pageSize: query.pageSize });

const sendFile = (c: Context<ApiEnv>, file: DownloadFile) => sendDownload(c, file, true);

/** Read-only, no account: what the secretariats published. Documented in the OpenAPI document under its own tag. */
export function registerPublicRoutes(router: ReturnType<typeof createRouter>) {
  const list = <Query extends z.ZodObject>(path: string, description: string, query: Query) =>
    createRoute({ ...PUBLIC_ROUTE, method: 'get', path, tags: [tag], request: { query }, responses: { 200: jsonResponse(description), ...errorResponses } });
  const detail = (path: string, description: string) =>
    createRoute({ ...PUBLIC_ROUTE, method: 'get', path, tags: [tag], request: { params: IdParamsSchema }, responses: { 200: jsonResponse(description), ...errorResponses } });

  router.openapi(list('/public/bodies', 'Sistemas, comisiones y grupos de trabajo', PageQuerySchema), async (c) =>
    c.json(await c.var.services.public.listBodies(page(c.req.valid('query'))), 200),
  );
  router.openapi(
    list('/public/sessions', 'Sesiones publicadas', PageQuerySchema.extend({ bodyId: IdSchema.optional(), from: IsoDateSchema.optional(), to: IsoDateSchema.optional() })),
    async (c) => {
      const { page: p, pageSize, ...filter } = c.req.valid('query');
      return c.json(await c.var.services.public.listSessions(filter, { page: p, pageSize }), 200);
    },
  );
  router.openapi(detail('/public/sessions/{id}', 'Sesión publicada con sus participaciones y acuerdos publicados'), async (c) =>
    c.json(await c.var.services.public.getSession(c.req.valid('param').id), 200),
  );
  router.openapi(
    list(
      '/public/agreements',
      'Acuerdos publicados',
      PageQuerySchema.extend({ status: z.enum(AGREEMENT_STATUSES).optional(), bodyId: IdSchema.optional(), stateCode: StateCodeSchema.optional() }),
    ),
    async (c) => {
      const { page: p, pageSize, ...filter } = c.req.valid('query');
      return c.json(await c.var.services.public.listAgreements(filter, { page: p, pageSize }), 200);
    },
  );
  router.openapi(detail('/public/agreements/{id}', 'Acuerdo publicado con su seguimiento'), async (c) =>
    c.json(await c.var.services.public.getAgreement(c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({ ...PUBLIC_ROUTE, method: 'get', path: '/public/reports', tags: [tag], responses: { 200: jsonResponse('Informes publicados', z.array(z.looseObject({}))) } }),
    async (c) => c.json(await c.var.services.public.listReports(), 200),
  );
  router.openapi(
    createRoute({
      ...PUBLIC_ROUTE,
      method: 'get',
      path: '/public/reports/{id}/file',
      tags: [tag],
      request: { params: IdParamsSchema, query: z.object({ format: z.enum(['docx', 'md', 'json']).default('docx') }) },
      responses: { 200: { description: 'El informe publicado, en Word, Markdown o JSON' }, ...errorResponses },
    }),
    async (c) => sendFile(c, await c.var.services.public.getReportFile(c.req.valid('param').id, c.req.valid('query').format)),
  );
  router.openapi(
    createRoute({
      ...PUBLIC_ROUTE,
      method: 'get',
      path: '/public/open-data/{dataset}',
      tags: [tag],
      request: { params: z.object({ dataset: z.enum(['sessions', 'agreements']) }), query: z.object({ format: z.enum(['csv', 'json']).default('csv') }) },
      responses: { 200: { description: 'La lista publicada completa, en CSV (UTF-8 con BOM) o JSON' }, ...errorResponses },
    }),
    async (c) => sendFile(c, await c.var.services.public.exportOpenData(c.req.valid('param').dataset, c.req.valid('query').format)),
  );
  router.openapi(list('/public/plans', 'Planes publicados', PageQuerySchema.omit({ q: true })), async (c) =>
    c.json(await c.var.services.public.listPlans(page(c.req.valid('query'))), 200),
  );
  router.openapi(detail('/public/plans/{id}', 'Plan publicado: su árbol con estados, avance y retrasos'), async (c) =>
    c.json(await c.var.services.public.getPlan(c.req.valid('param').id), 200),
  );
  router.openapi(list('/public/dashboards/activities', 'Tablero de actividades validadas', DashboardFilterSchema), async (c) =>
    c.json(await c.var.services.public.activityDashboard(c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      ...PUBLIC_ROUTE,
      method: 'get',
      path: '/public/dashboards/activities/table',
      tags: [tag],
      request: { query: DashboardTableQuerySchema },
      responses: { 200: { description: 'La tabla de una gráfica del tablero, en CSV o Excel' }, ...errorResponses },
    }),
    async (c) => {
      const { table, format, ...filter } = c.req.valid('query');
      return sendFile(c, await c.var.services.public.dashboardTable(filter, table, format));
    },
  );
}
