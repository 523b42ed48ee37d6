import {
  NotificationCountViewSchema,
  NotificationPageSchema,
  NotificationPreferencesInputSchema,
  NotificationPreferencesViewSchema,
  NotificationReadInputSchema,
  OutboxMailDetailViewSchema,
  OutboxPageSchema,
  PageQuerySchema,
} from '@telar/domain';
import { z } from 'zod';
import { apiRoute, type createRouter, IdParamsSchema, jsonResponse } from '../../platform/http/router.js';

const TAG = 'Avisos';

const jsonBody = <Schema extends z.ZodType>(schema: Schema) => ({ body: { content: { 'application/json': { schema } }, required: true } });

const NoticeQuerySchema = PageQuerySchema.omit({ q: true }).extend({
  unread: z.enum(['true', 'false'], { message: 'unread debe ser true o false.' }).optional(),
});

/** Each person's notices and choices; the outbox («Correos enviados») for administrators. */
export function registerNotificationRoutes(router: ReturnType<typeof createRouter>) {
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/notifications',
      tags: [TAG],
      operationId: 'listNotifications',
      summary: 'Mis avisos, los más recientes primero',
      request: { query: NoticeQuerySchema },
      responses: { 200: jsonResponse('Página de avisos', NotificationPageSchema) },
    }),
    async (c) => {
      const { unread, ...paging } = c.req.valid('query');
      return c.json(await c.var.services.notifications.list(paging, unread === 'true'), 200);
    },
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/notifications/unread-count',
      tags: [TAG],
      operationId: 'countUnreadNotifications',
      summary: 'Cuántos avisos sin leer tengo',
      responses: { 200: jsonResponse('Avisos sin leer', NotificationCountViewSchema) },
    }),
    async (c) => c.json(await c.var.services.notifications.unreadCount(), 200),
  );
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/notifications/read',
      tags: [TAG],
      operationId: 'markNotificationsRead',
      summary: 'Marcar como leídos mis avisos (los nombrados, o todos)',
      request: jsonBody(NotificationReadInputSchema),
      responses: { 204: { description: 'Avisos marcados como leídos' } },
    }),
    async (c) => {
      await c.var.services.notifications.markRead(c.req.valid('json').ids);
      return c.body(null, 204);
    },
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/notifications/preferences',
      tags: [TAG],
      operationId: 'getNotificationPreferences',
      summary: 'Cómo y de qué quiero recibir avisos',
      responses: { 200: jsonResponse('Preferencias de avisos', NotificationPreferencesViewSchema) },
    }),
    async (c) => c.json(await c.var.services.notifications.preferences(), 200),
  );
  router.openapi(
    apiRoute({
      method: 'put',
      path: '/notifications/preferences',
      tags: [TAG],
      operationId: 'saveNotificationPreferences',
      summary: 'Elegir resumen diario o avisos al momento, y qué avisos opcionales recibo',
      request: jsonBody(NotificationPreferencesInputSchema),
      responses: { 200: jsonResponse('Preferencias guardadas', NotificationPreferencesViewSchema) },
      errors: [409],
    }),
    async (c) => c.json(await c.var.services.notifications.savePreferences(c.req.valid('json')), 200),
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/outbox',
      tags: [TAG],
      operationId: 'listOutbox',
      summary: 'Correos enviados o por enviar (administración)',
      request: { query: PageQuerySchema.omit({ q: true }) },
      responses: { 200: jsonResponse('Página de correos', OutboxPageSchema) },
      errors: [403],
    }),
    async (c) => c.json(await c.var.services.notifications.outbox(c.req.valid('query')), 200),
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/outbox/{id}',
      tags: [TAG],
      operationId: 'getOutboxMail',
      summary: 'Un correo de la bandeja de salida con su texto (administración)',
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('Correo', OutboxMailDetailViewSchema) },
      errors: [403, 404],
    }),
    async (c) => c.json(await c.var.services.notifications.outboxMail(c.req.valid('param').id), 200),
  );
}
