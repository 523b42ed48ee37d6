import { AuditEntryViewSchema } from '@telar/domain';
import { z } from 'zod';
import { apiRoute, type createRouter, jsonResponse } from '../http/router.js';
import { AUDITED_ENTITIES } from './history.service.js';

/** A record's audit history. */
export function registerHistoryRoutes(router: ReturnType<typeof createRouter>) {
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/history/{entity}/{id}',
      tags: ['Bitácora'],
      operationId: 'listHistory',
      summary: 'Consultar la bitácora de cambios de un registro',
      request: { params: z.object({ entity: z.enum(AUDITED_ENTITIES), id: z.string().uuid() }) },
      responses: { 200: jsonResponse('Cambios del registro, del más reciente al más antiguo', z.array(AuditEntryViewSchema)) },
    }),
    async (c) => c.json(await c.var.services.history.list(c.req.valid('param').entity, c.req.valid('param').id), 200),
  );
}
