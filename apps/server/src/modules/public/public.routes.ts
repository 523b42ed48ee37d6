import {
  ActivityDashboardViewSchema,
  AGREEMENT_STATUSES,
  AgreementDetailViewSchema,
  AgreementPageSchema,
  BodyPageSchema,
  DashboardFilterSchema,
  DashboardTableQuerySchema,
  IdSchema,
  IsoDateSchema,
  PageQuerySchema,
  PlanDetailViewSchema,
  PlanSummaryPageSchema,
  PublishedReportViewSchema,
  SessionDetailViewSchema,
  SessionPageSchema,
  StateCodeSchema,
} from '@telar/domain';
import type { Context } from 'hono';
import { z } from 'zod';
import { sendDownload } from '../../platform/http/download.js';
import type { DownloadFile } from '../../platform/documents/table-file.js';
import {
  type ApiEnv,
  apiRoute,
  CONTENT_TYPES,
  type createRouter,
  fileResponse,
  IdParamsSchema,
  jsonResponse,
  OPEN_DATA_LICENCE_URL,
  OPEN_DATA_TERMS,
  PUBLIC_ROUTE,
} from '../../platform/http/router.js';

const tag = 'Portal público y datos abiertos';
const page = (query: { page: number; pageSize: number }) => ({ page: query.page, pageSize: query.pageSize });

/** Published data downloads say under which licence they may be reused (RFC 8288 `rel="license"`). */
const sendFile = (c: Context<ApiEnv>, file: DownloadFile) => {
  c.header('Link', `<${OPEN_DATA_LICENCE_URL}>; rel="license"`);
  return sendDownload(c, file, true);
};
const licenceHeader = { Link: { description: `La licencia de los datos: <${OPEN_DATA_LICENCE_URL}>; rel="license"`, schema: { type: 'string' as const } } };
const publicFile = <const Types extends readonly string[]>(description: string, contentTypes: Types) => fileResponse(description, contentTypes, licenceHeader);

/** Read-only, no account: what the secretariats published. Documented in the OpenAPI document under its own tag. */
export function registerPublicRoutes(router: ReturnType<typeof createRouter>) {
  const publicRoute = { ...PUBLIC_ROUTE, method: 'get' as const, tags: [tag], description: OPEN_DATA_TERMS };
  const list = <Query extends z.ZodObject, Schema extends z.ZodType>(path: string, operationId: string, summary: string, query: Query, schema: Schema) =>
    apiRoute({ ...publicRoute, path, operationId, summary, request: { query }, responses: { 200: jsonResponse(summary, schema) } });
  const detail = <Schema extends z.ZodType>(path: string, operationId: string, summary: string, schema: Schema) =>
    apiRoute({ ...publicRoute, path, operationId, summary, request: { params: IdParamsSchema }, responses: { 200: jsonResponse(summary, schema) }, errors: [404] });

  router.openapi(list('/public/bodies', 'listPublicBodies', 'Listar los sistemas, comisiones y grupos de trabajo', PageQuerySchema, BodyPageSchema), async (c) =>
    c.json(await c.var.services.public.listBodies(page(c.req.valid('query'))), 200),
  );
  router.openapi(
    list(
      '/public/sessions',
      'listPublicSessions',
      'Listar las sesiones publicadas',
      PageQuerySchema.extend({ bodyId: IdSchema.optional(), from: IsoDateSchema.optional(), to: IsoDateSchema.optional() }),
      SessionPageSchema,
    ),
    async (c) => {
      const { page: p, pageSize, ...filter } = c.req.valid('query');
      return c.json(await c.var.services.public.listSessions(filter, { page: p, pageSize }), 200);
    },
  );
  router.openapi(
    detail('/public/sessions/{id}', 'getPublicSession', 'Consultar una sesión publicada con sus participaciones y acuerdos publicados', SessionDetailViewSchema),
    async (c) => c.json(await c.var.services.public.getSession(c.req.valid('param').id), 200),
  );
  router.openapi(
    list(
      '/public/agreements',
      'listPublicAgreements',
      'Listar los acuerdos publicados',
      PageQuerySchema.extend({ status: z.enum(AGREEMENT_STATUSES).optional(), bodyId: IdSchema.optional(), stateCode: StateCodeSchema.optional() }),
      AgreementPageSchema,
    ),
    async (c) => {
      const { page: p, pageSize, ...filter } = c.req.valid('query');
      return c.json(await c.var.services.public.listAgreements(filter, { page: p, pageSize }), 200);
    },
  );
  router.openapi(detail('/public/agreements/{id}', 'getPublicAgreement', 'Consultar un acuerdo publicado con su seguimiento', AgreementDetailViewSchema), async (c) =>
    c.json(await c.var.services.public.getAgreement(c.req.valid('param').id), 200),
  );
  router.openapi(
    apiRoute({
      ...publicRoute,
      path: '/public/reports',
      operationId: 'listPublicReports',
      summary: 'Listar los informes publicados',
      responses: { 200: jsonResponse('Informes publicados', z.array(PublishedReportViewSchema)) },
    }),
    async (c) => c.json(await c.var.services.public.listReports(), 200),
  );
  router.openapi(
    apiRoute({
      ...publicRoute,
      path: '/public/reports/{id}/file',
      operationId: 'downloadPublicReport',
      summary: 'Descargar un informe publicado',
      request: { params: IdParamsSchema, query: z.object({ format: z.enum(['docx', 'md', 'json']).default('docx') }) },
      responses: { 200: publicFile('El informe publicado, en Word, Markdown o JSON (el modelo MechanismReport)', [CONTENT_TYPES.docx, CONTENT_TYPES.markdown, CONTENT_TYPES.json]) },
      errors: [404],
    }),
    async (c) => sendFile(c, await c.var.services.public.getReportFile(c.req.valid('param').id, c.req.valid('query').format)),
  );
  router.openapi(
    apiRoute({
      ...publicRoute,
      path: '/public/open-data/{dataset}',
      operationId: 'downloadOpenData',
      summary: 'Descargar como datos abiertos la lista publicada completa de sesiones o de acuerdos',
      request: { params: z.object({ dataset: z.enum(['sessions', 'agreements']) }), query: z.object({ format: z.enum(['csv', 'json']).default('csv') }) },
      responses: {
        200: publicFile('La lista publicada completa, en CSV (UTF-8 con BOM) o JSON (una lista de SessionView o de AgreementView)', [CONTENT_TYPES.csv, CONTENT_TYPES.json]),
      },
    }),
    async (c) => sendFile(c, await c.var.services.public.exportOpenData(c.req.valid('param').dataset, c.req.valid('query').format)),
  );
  router.openapi(list('/public/plans', 'listPublicPlans', 'Listar los planes publicados', PageQuerySchema.omit({ q: true }), PlanSummaryPageSchema), async (c) =>
    c.json(await c.var.services.public.listPlans(page(c.req.valid('query'))), 200),
  );
  router.openapi(detail('/public/plans/{id}', 'getPublicPlan', 'Consultar un plan publicado: su árbol con estados, avance y retrasos', PlanDetailViewSchema), async (c) =>
    c.json(await c.var.services.public.getPlan(c.req.valid('param').id), 200),
  );
  router.openapi(
    list('/public/dashboards/activities', 'getPublicActivityDashboard', 'Consultar el tablero de actividades validadas', DashboardFilterSchema, ActivityDashboardViewSchema),
    async (c) => c.json(await c.var.services.public.activityDashboard(c.req.valid('query')), 200),
  );
  router.openapi(
    apiRoute({
      ...publicRoute,
      path: '/public/dashboards/activities/table',
      operationId: 'downloadPublicActivityDashboardTable',
      summary: 'Descargar la tabla de una gráfica del tablero de actividades',
      request: { query: DashboardTableQuerySchema },
      responses: { 200: publicFile('La tabla de una gráfica del tablero, en CSV o Excel', [CONTENT_TYPES.csv, CONTENT_TYPES.xlsx]) },
    }),
    async (c) => {
      const { table, format, ...filter } = c.req.valid('query');
      return sendFile(c, await c.var.services.public.dashboardTable(filter, table, format));
    },
  );
}
