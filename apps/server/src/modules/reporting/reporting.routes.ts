import {
  IdSchema,
  NodeStatusReportSchema,
  PageQuerySchema,
  REPORT_STATUSES,
  ReportDetailViewSchema,
  ReportingPeriodCreateSchema,
  ReportingPeriodPageSchema,
  ReportingPeriodDetailViewSchema,
  ReportingPeriodUpdateSchema,
  ReportPageSchema,
  ReportReviewSchema,
  ReportViewSchema,
  VersionOnlySchema,
} from '@telar/domain';
import { z } from 'zod';
import { apiRoute, type createRouter, IdParamsSchema, jsonCreateRoute, jsonResponse } from '../../platform/http/router.js';
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
    apiRoute({
      method: 'get',
      path: '/reporting-periods',
      tags: [tag],
      operationId: 'listReportingPeriods',
      summary: 'Listar los periodos de reporte',
      request: { query: PageQuerySchema.omit({ q: true }).extend({ planId: IdSchema.optional() }) },
      responses: { 200: jsonResponse('Periodos de reporte', ReportingPeriodPageSchema) },
    }),
    async (c) => {
      const { page, pageSize, planId } = c.req.valid('query');
      return c.json(await c.var.services.reporting.listPeriods({ planId }, { page, pageSize }), 200);
    },
  );
  router.openapi(
    jsonCreateRoute({
      path: '/reporting-periods',
      tag,
      operationId: 'openReportingPeriod',
      summary: 'Abrir un periodo de reporte de un plan',
      schema: ReportingPeriodCreateSchema,
      response: ReportingPeriodDetailViewSchema,
      description: 'Periodo abierto: cada organización responsable debe su reporte',
    }),
    async (c) => c.json(await c.var.services.reporting.openPeriod(c.req.valid('json') as z.output<typeof ReportingPeriodCreateSchema>), 201),
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/reporting-periods/{id}',
      tags: [tag],
      operationId: 'getReportingPeriod',
      summary: 'Consultar un periodo de reporte con sus reportes',
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('Periodo con sus reportes', ReportingPeriodDetailViewSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.reporting.getPeriod(c.req.valid('param').id), 200),
  );
  router.openapi(
    apiRoute({
      method: 'patch',
      path: '/reporting-periods/{id}',
      tags: [tag],
      operationId: 'updateReportingPeriod',
      summary: 'Cambiar la fecha límite de un periodo de reporte abierto',
      description: 'Lleva la `version` en la que se basa la edición; un periodo cerrado no cambia (409).',
      request: { params: IdParamsSchema, body: { content: { 'application/json': { schema: ReportingPeriodUpdateSchema } }, required: true } },
      responses: { 200: jsonResponse('Periodo con su nueva fecha límite', ReportingPeriodDetailViewSchema) },
      errors: [404, 409],
    }),
    async (c) => c.json(await c.var.services.reporting.updatePeriod(c.req.valid('param').id, c.req.valid('json')), 200),
  );
  registerLifecycleRoutes(router, {
    path: '/reporting-periods',
    tag,
    names: { one: 'ReportingPeriod', many: 'ReportingPeriods', label: 'un periodo de reporte', labelMany: 'periodos de reporte' },
    actions: ['close'],
    service: (c) => ({ close: c.var.services.reporting.closePeriod }),
  });

  router.openapi(
    apiRoute({
      method: 'get',
      path: '/reports',
      tags: [tag],
      operationId: 'listReports',
      summary: 'Listar los reportes; con mine=true, lo que la persona debe reportar o revisar',
      request: { query: ReportListQuerySchema },
      responses: { 200: jsonResponse('Reportes', ReportPageSchema) },
    }),
    async (c) => {
      const { page, pageSize, ...query } = c.req.valid('query');
      return c.json(await c.var.services.reporting.listReports(query, { page, pageSize }), 200);
    },
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/reports/{id}',
      tags: [tag],
      operationId: 'getReport',
      summary: 'Consultar un reporte con lo que contiene',
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('Reporte con lo que contiene', ReportDetailViewSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.reporting.getReport(c.req.valid('param').id), 200),
  );
  const action = <Schema extends z.ZodType, Response extends z.ZodType>(path: string, operationId: string, summary: string, schema: Schema, response: Response) =>
    apiRoute({
      method: 'post',
      path,
      tags: [tag],
      operationId,
      summary,
      request: { params: IdParamsSchema, body: { content: { 'application/json': { schema } }, required: true } },
      responses: { 200: jsonResponse(summary, response) },
      errors: [404, 409],
    });
  router.openapi(action('/reports/{id}/submit', 'submitReport', 'Enviar un reporte a revisión', VersionOnlySchema, ReportViewSchema), async (c) =>
    c.json(await c.var.services.reporting.submit(c.req.valid('param').id, c.req.valid('json').version), 200),
  );
  router.openapi(action('/reports/{id}/review', 'reviewReport', 'Aceptar un reporte o devolverlo con comentario', ReportReviewSchema, ReportViewSchema), async (c) =>
    c.json(await c.var.services.reporting.review(c.req.valid('param').id, c.req.valid('json') as z.output<typeof ReportReviewSchema>), 200),
  );
  router.openapi(
    action('/reports/{id}/node-statuses', 'reportNodeStatus', 'Reportar el estado de una línea del plan', NodeStatusReportSchema, ReportDetailViewSchema),
    async (c) =>
      c.json(await c.var.services.reporting.reportNodeStatus(c.req.valid('param').id, c.req.valid('json') as z.output<typeof NodeStatusReportSchema>), 200),
  );
}
