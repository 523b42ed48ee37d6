import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { type createRouter, errorResponses, jsonResponse } from '../http/router.js';
import { AUDITED_ENTITIES } from './history.service.js';

/** A record's audit history. */
export function registerHistoryRoutes(router: ReturnType<typeof createRouter>) {
  router.openapi(
    createRoute({
      method: 'get',
      path: '/history/{entity}/{id}',
      tags: ['Bitácora'],
      request: { params: z.object({ entity: z.enum(AUDITED_ENTITIES), id: z.string().uuid() }) },
      responses: { 200: jsonResponse('Cambios del registro, del más reciente al más antiguo', z.array(z.looseObject({}))), ...errorResponses },
    }),
    async (c) => c.json(await c.var.services.history.list(c.req.valid('param').entity, c.req.valid('param').id), 200),
  );
}
