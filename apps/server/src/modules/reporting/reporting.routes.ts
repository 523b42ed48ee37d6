import { createRoute } from '@hono/zod-openapi';
import {
  IdSchema,
  NodeStatusReportSchema,
  PageQuerySchema,
  REPORT_STATUSES,
  ReportingPeriodCreateSchema,
  ReportReviewSchema,
  VersionOnlySchema,
} from '@telar/domain';
import { z } from 'zod';
import { type createRouter, errorResponses, IdParamsSchema, jsonCreateRoute, jsonResponse } from '../../platform/http/router.js';
import { registerLifecycleRoutes } from '../../platform/http/crud-routes.js';

const tag = 'Reporte periódico';

const ReportListQuerySchema = PageQuerySchema.omit({ q: true }).extend({
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  organizationId: IdSchema.optional(),
  reportingPeriodId: IdSchema.optional(),
  status: z.enum(REPORT_STATUSES).optional(),
});

/** Reporting periods of a plan, and the report each responsible organisation owes for one. */
export function registerReportingRoutes(router: ReturnType<typeof createRouter>) {
  router.openapi(
    createRoute({
      method: 'get',
      path: '/reporting-periods',
      tags: [tag],
      request: { query: PageQuerySchema.omit({ q: true }).extend({ planId: IdSchema.optional() }) },
      responses: { 200: jsonResponse('Periodos de reporte'), ...errorResponses },
    }),
    async (c) => {
      const { page, pageSize, planId } = c.req.valid('query');
      return c.json(await c.var.services.reporting.listPeriods({ planId }, { page, pageSize }), 200);
    },
  );
  router.openapi(
    jsonCreateRoute({ path: '/reporting-periods', tag, schema: ReportingPeriodCreateSchema, description: 'Periodo abierto: cada organización responsable debe su reporte' }),
    async (c) => c.json(await c.var.services.reporting.openPeriod(c.req.valid('json') as z.output<typeof ReportingPeriodCreateSchema>), 201),
  );
  router.openapi(
    createRoute({ method: 'get', path: '/reporting-periods/{id}', tags: [tag], request: { params: IdParamsSchema }, responses: { 200: jsonResponse('Periodo con sus reportes'), ...errorResponses } }),
    async (c) => c.json(await c.var.services.reporting.getPeriod(c.req.valid('param').id), 200),
  );
  registerLifecycleRoutes(router, { path: '/reporting-periods', tag, actions: ['close'], service: (c) => ({ close: c.var.services.reporting.closePeriod }) });

  router.openapi(
    createRoute({
      method: 'get',
      path: '/reports',
      tags: [tag],
      summary: 'Reportes; con mine=true, lo que la persona debe reportar o revisar',
      request: { query: ReportListQuerySchema },
      responses: { 200: jsonResponse('Reportes'), ...errorResponses },
    }),
    async (c) => {
      const { page, pageSize, ...query } = c.req.valid('query');
      return c.json(await c.var.services.reporting.listReports(query, { page, pageSize }), 200);
    },
  );
  router.openapi(
    createRoute({ method: 'get', path: '/reports/{id}', tags: [tag], request: { params: IdParamsSchema }, responses: { 200: jsonResponse('Reporte con lo que contiene'), ...errorResponses } }),
    async (c) => c.json(await c.var.services.reporting.getReport(c.req.valid('param').id), 200),
  );
  const action = <Schema extends z.ZodType>(path: string, summary: string, schema: Schema) =>
    createRoute({
      method: 'post',
      path,
      tags: [tag],
      summary,
      request: { params: IdParamsSchema, body: { content: { 'application/json': { schema } }, required: true } },
      responses: { 200: jsonResponse(summary), ...errorResponses },
    });
  router.openapi(action('/reports/{id}/submit', 'Enviar a revisión', VersionOnlySchema), async (c) =>
    c.json(await c.var.services.reporting.submit(c.req.valid('param').id, c.req.valid('json').version), 200),
  );
  router.openapi(action('/reports/{id}/review', 'Aceptar o devolver con comentario', ReportReviewSchema), async (c) =>
    c.json(await c.var.services.reporting.review(c.req.valid('param').id, c.req.valid('json') as z.output<typeof ReportReviewSchema>), 200),
  );
  router.openapi(action('/reports/{id}/node-statuses', 'Reportar el estado de una línea del plan', NodeStatusReportSchema), async (c) =>
    c.json(await c.var.services.reporting.reportNodeStatus(c.req.valid('param').id, c.req.valid('json') as z.output<typeof NodeStatusReportSchema>), 200),
  );
}
