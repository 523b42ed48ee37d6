import { sendDownload } from '../../platform/http/download.js';
import { createRoute } from '@hono/zod-openapi';
import { MechanismImportSchema, MechanismReportQuerySchema } from '@telar/domain';
import { z } from 'zod';
import { type createRouter, errorResponses, jsonCreateRoute, jsonResponse } from '../../platform/http/router.js';

/** Import of the participation-mechanism report text and generation of the report from the data. */
export function registerMechanismReportRoutes(router: ReturnType<typeof createRouter>) {
  router.openapi(
    createRoute({
      method: 'post',
      path: '/imports/mechanism-report',
      tags: ['Importar'],
      request: { body: { content: { 'application/json': { schema: MechanismImportSchema } }, required: true } },
      responses: { 200: jsonResponse('Lo que describe el documento y lo que se creó (o se crearía)'), ...errorResponses },
    }),
    async (c) => {
      const { text, bodyAcronym, dryRun } = c.req.valid('json');
      const result = await c.var.services.mechanismImport.importText(text, { bodyAcronym, dryRun });
      return c.json(result, result.diagnostics.length ? 422 : 200);
    },
  );
  router.openapi(
    jsonCreateRoute({ path: '/reports/mechanism/publish', tag: 'Informes', schema: MechanismReportQuerySchema, description: 'Informe congelado y publicado' }),
    async (c) => {
      const { bodyId, from, to } = c.req.valid('json');
      return c.json(await c.var.services.mechanismReport.publish(bodyId, from, to), 201);
    },
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/reports/mechanism',
      tags: ['Informes'],
      request: { query: MechanismReportQuerySchema.extend({ format: z.enum(['json', 'md', 'docx']).default('json') }) },
      responses: {
        200: {
          description: 'El informe en JSON, Markdown o Word',
          content: {
            'application/json': { schema: z.looseObject({}) },
            'text/markdown': { schema: z.string() },
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: z.string().describe('binary') },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { bodyId, from, to, format } = c.req.valid('query');
      const file = await c.var.services.mechanismReport.generate({ id: bodyId }, from, to, format);
      if (format === 'json') return c.json(file.report, 200);
      return sendDownload(c, file);
    },
  );
}
