import { IndicatorCreateSchema, IndicatorDetailViewSchema, IndicatorValuesWriteSchema } from '@telar/domain';
import { z } from 'zod';
import { apiRoute, type createRouter, IdParamsSchema, jsonCreateRoute, jsonResponse } from '../../platform/http/router.js';

const tag = 'Planes e indicadores';

/** Indicators of plan nodes and their values by period, state and breakdown. */
export function registerIndicatorRoutes(router: ReturnType<typeof createRouter>) {
  router.openapi(
    jsonCreateRoute({
      path: '/indicators',
      tag,
      operationId: 'createIndicator',
      summary: 'Registrar un indicador de un nodo del plan',
      schema: IndicatorCreateSchema,
      response: IndicatorDetailViewSchema,
      description: 'Indicador creado',
    }),
    async (c) => c.json(await c.var.services.indicators.create(c.req.valid('json') as z.output<typeof IndicatorCreateSchema>), 201),
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/indicators/{id}',
      tags: [tag],
      operationId: 'getIndicator',
      summary: 'Consultar un indicador con sus valores',
      request: {
        params: IdParamsSchema,
        query: z.object({ breakdowns: z.enum(['true', 'false']).default('false').describe('Incluir los desgloses (sexo, grupo de edad) además de los totales') }),
      },
      responses: { 200: jsonResponse('Indicador con sus valores', IndicatorDetailViewSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.indicators.get(c.req.valid('param').id, c.req.valid('query').breakdowns === 'true'), 200),
  );
  router.openapi(
    apiRoute({
      method: 'put',
      path: '/indicators/{id}/values',
      tags: [tag],
      operationId: 'writeIndicatorValues',
      summary: 'Registrar valores por periodo, entidad y desglose (un valor existente se reemplaza)',
      request: { params: IdParamsSchema, body: { content: { 'application/json': { schema: IndicatorValuesWriteSchema } }, required: true } },
      responses: { 200: jsonResponse('Indicador con sus valores', IndicatorDetailViewSchema) },
      errors: [404, 409],
    }),
    async (c) =>
      c.json(await c.var.services.indicators.writeValues(c.req.valid('param').id, c.req.valid('json') as z.output<typeof IndicatorValuesWriteSchema>), 200),
  );
}
