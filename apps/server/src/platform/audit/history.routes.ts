import { AuditEntryViewSchema } from '@telar/domain';
import { z } from 'zod';
import { sendDownload } from '../http/download.js';
import { apiRoute, CONTENT_TYPES, type createRouter, fileResponse, jsonResponse } from '../http/router.js';
import { AUDITED_ENTITIES } from './history.service.js';

const HistoryParamsSchema = z.object({ entity: z.enum(AUDITED_ENTITIES), id: z.string().uuid() });

/** A record's audit history, to read and to download. */
export function registerHistoryRoutes(router: ReturnType<typeof createRouter>) {
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/history/{entity}/{id}',
      tags: ['Bitácora'],
      operationId: 'listHistory',
      summary: 'Consultar la bitácora de cambios de un registro',
      request: { params: HistoryParamsSchema },
      responses: { 200: jsonResponse('Cambios del registro, del más reciente al más antiguo', z.array(AuditEntryViewSchema)) },
    }),
    async (c) => c.json(await c.var.services.history.list(c.req.valid('param').entity, c.req.valid('param').id), 200),
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/history/{entity}/{id}/csv',
      tags: ['Bitácora'],
      operationId: 'downloadHistory',
      summary: 'Descargar la bitácora de cambios de un registro en CSV',
      request: { params: HistoryParamsSchema },
      responses: { 200: fileResponse('Una fila por campo cambiado, en español, como se lee en la página', [CONTENT_TYPES.csv]) },
    }),
    async (c) => sendDownload(c, await c.var.services.history.download(c.req.valid('param').entity, c.req.valid('param').id)),
  );
}
