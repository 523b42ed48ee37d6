import {
  IdSchema,
  PlanCreateSchema,
  PlanDetailViewSchema,
  PlanRecordViewSchema,
  PlanImportResultSchema,
  PlanNodeCreateSchema,
  PlanNodeDetailViewSchema,
  PlanNodeUpdateSchema,
  PlanSummaryPageSchema,
  PlanUpdateSchema,
} from '@telar/domain';
import { z } from 'zod';
import { sendDownload } from '../../platform/http/download.js';
import { invalidField } from '../../platform/errors.js';
import { apiRoute, CONTENT_TYPES, type createRouter, fileResponse, formFile, IdParamsSchema, jsonCreateRoute, jsonResponse } from '../../platform/http/router.js';
import { registerCrudRoutes, registerLifecycleRoutes } from '../../platform/http/crud-routes.js';

const tag = 'Planes e indicadores';

const ImportFormSchema = z.object({
  file: formFile('La plantilla del plan (.xlsx o .csv)'),
  bodyId: IdSchema.describe('El órgano cuya secretaría administrará el plan'),
});

/** Plans and their nodes; import from the template and export to Excel and Word. */
export function registerPlanRoutes(router: ReturnType<typeof createRouter>) {
  // Registered before the CRUD routes so "import" is not read as a plan id.
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/plans/import',
      tags: [tag],
      operationId: 'importPlan',
      summary: 'Importar un plan desde la plantilla; con cualquier error no se importa nada',
      request: { body: { content: { 'multipart/form-data': { schema: ImportFormSchema } }, required: true } },
      responses: { 201: jsonResponse('Plan importado', PlanImportResultSchema) },
    }),
    async (c) => {
      const form = await c.req.parseBody();
      if (!(form.file instanceof File)) throw invalidField('file', 'Elija un archivo.');
      const bodyId = IdSchema.safeParse(form.bodyId);
      if (!bodyId.success) throw invalidField('bodyId', 'Elija el órgano que administrará el plan.');
      const bytes = new Uint8Array(await form.file.arrayBuffer());
      return c.json(await c.var.services.plans.importPlan(bodyId.data, { name: form.file.name, bytes }), 201);
    },
  );
  registerCrudRoutes(router, {
    path: '/plans',
    tag,
    names: { one: 'Plan', many: 'Plans', label: 'un plan', labelMany: 'planes' },
    filters: z.object({ bodyId: IdSchema.optional() }),
    createSchema: PlanCreateSchema,
    updateSchema: PlanUpdateSchema,
    listSchema: PlanSummaryPageSchema,
    viewSchema: PlanRecordViewSchema,
    savedSchema: PlanDetailViewSchema,
    service: (s) => s.plans,
    isPublishable: true,
  });
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/plans/{id}/export',
      tags: [tag],
      operationId: 'exportPlan',
      summary: 'Descargar un plan en Excel (la plantilla) o en Word',
      request: { params: IdParamsSchema, query: z.object({ format: z.enum(['xlsx', 'docx']).default('xlsx') }) },
      responses: {
        200: fileResponse('El plan como plantilla de Excel (se vuelve a importar tal cual) o como documento de Word', [CONTENT_TYPES.xlsx, CONTENT_TYPES.docx]),
      },
      errors: [404],
    }),
    async (c) => sendDownload(c, await c.var.services.plans.exportPlan(c.req.valid('param').id, c.req.valid('query').format)),
  );

  router.openapi(
    jsonCreateRoute({
      path: '/plan-nodes',
      tag,
      operationId: 'createPlanNode',
      summary: 'Registrar un nodo de un plan',
      schema: PlanNodeCreateSchema,
      response: PlanNodeDetailViewSchema,
      description: 'Nodo creado',
      errors: [409],
    }),
    async (c) => c.json(await c.var.services.plans.createNode(c.req.valid('json') as z.output<typeof PlanNodeCreateSchema>), 201),
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/plan-nodes/{id}',
      tags: [tag],
      operationId: 'getPlanNode',
      summary: 'Consultar un nodo de un plan con su historial de estados',
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('Nodo con su historial de estados', PlanNodeDetailViewSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.plans.getNode(c.req.valid('param').id), 200),
  );
  router.openapi(
    apiRoute({
      method: 'patch',
      path: '/plan-nodes/{id}',
      tags: [tag],
      operationId: 'updatePlanNode',
      summary: 'Editar un nodo de un plan',
      request: { params: IdParamsSchema, body: { content: { 'application/json': { schema: PlanNodeUpdateSchema } }, required: true } },
      responses: { 200: jsonResponse('Nodo actualizado', PlanNodeDetailViewSchema) },
      errors: [404, 409],
    }),
    async (c) => c.json(await c.var.services.plans.updateNode(c.req.valid('param').id, c.req.valid('json') as z.output<typeof PlanNodeUpdateSchema>), 200),
  );
  registerLifecycleRoutes(router, {
    path: '/plan-nodes',
    tag,
    names: { one: 'PlanNode', many: 'PlanNodes', label: 'un nodo de un plan', labelMany: 'nodos de planes' },
    actions: ['archive', 'restore'],
    service: (c) => ({ archive: c.var.services.plans.archiveNode, restore: c.var.services.plans.restoreNode }),
  });
}
