import { sendDownload } from '../../platform/http/download.js';
import {
  MechanismImportResultSchema,
  MechanismImportSchema,
  MechanismReportQuerySchema,
  MechanismReportSchema,
  PublishedReportRefSchema,
  PublishedReportWithdrawSchema,
} from '@telar/domain';
import { z } from 'zod';
import { ApiErrorSchema, apiRoute, CONTENT_TYPES, type createRouter, fileContent, IdParamsSchema, jsonCreateRoute, jsonResponse } from '../../platform/http/router.js';

/** Import of the participation-mechanism report text and generation of the report from the data. */
export function registerMechanismReportRoutes(router: ReturnType<typeof createRouter>) {
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/imports/mechanism-report',
      tags: ['Importar'],
      operationId: 'importMechanismReport',
      summary: 'Importar el texto del informe del Mecanismo de participación (o simularlo con dryRun)',
      request: { body: { content: { 'application/json': { schema: MechanismImportSchema } }, required: true } },
      responses: {
        200: jsonResponse('Lo que describe el documento y lo que se creó (o se crearía)', MechanismImportResultSchema),
        422: jsonResponse(
          'El documento tiene errores (`diagnostics`, y no se importó nada), o la solicitud no es válida (`ApiError`)',
          z.union([MechanismImportResultSchema, ApiErrorSchema]),
        ),
      },
    }),
    async (c) => {
      const { text, bodyAcronym, dryRun } = c.req.valid('json');
      const result = await c.var.services.mechanismImport.importText(text, { bodyAcronym, dryRun });
      return c.json(result, result.diagnostics.length ? 422 : 200);
    },
  );
  router.openapi(
    jsonCreateRoute({
      path: '/reports/mechanism/publish',
      tag: 'Informes',
      operationId: 'publishMechanismReport',
      summary: 'Congelar y publicar el informe del Mecanismo de un periodo',
      schema: MechanismReportQuerySchema,
      response: PublishedReportRefSchema,
      description: 'Informe congelado y publicado',
      errors: [404],
    }),
    async (c) => {
      const { bodyId, from, to } = c.req.valid('json');
      return c.json(await c.var.services.mechanismReport.publish(bodyId, from, to), 201);
    },
  );
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/reports/published/{id}/withdraw',
      tags: ['Informes'],
      operationId: 'withdrawPublishedReport',
      summary: 'Retirar del portal un informe publicado',
      description: 'Lleva el motivo, que queda en el historial del informe.',
      request: { params: IdParamsSchema, body: { content: { 'application/json': { schema: PublishedReportWithdrawSchema } }, required: true } },
      responses: { 204: { description: 'Retirado' } },
      errors: [404],
    }),
    async (c) => {
      await c.var.services.mechanismReport.withdraw(c.req.valid('param').id, c.req.valid('json').reason);
      return c.body(null, 204);
    },
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/reports/mechanism',
      tags: ['Informes'],
      operationId: 'getMechanismReport',
      summary: 'Generar el informe del Mecanismo de un órgano y un periodo',
      request: { query: MechanismReportQuerySchema.safeExtend({ format: z.enum(['json', 'md', 'docx']).default('json') }) },
      responses: {
        200: {
          description: 'El informe en JSON, o como archivo en Markdown o Word',
          content: { [CONTENT_TYPES.json]: { schema: MechanismReportSchema }, ...fileContent([CONTENT_TYPES.markdown, CONTENT_TYPES.docx]) },
        },
      },
      errors: [404],
    }),
    async (c) => {
      const { bodyId, from, to, format } = c.req.valid('query');
      const file = await c.var.services.mechanismReport.generate({ id: bodyId }, from, to, format);
      if (format === 'json') return c.json(file.report, 200);
      return sendDownload(c, file);
    },
  );
}
