import { CalendarFeedCreatedSchema, CalendarFeedViewSchema } from '@telar/domain';
import { z } from 'zod';
import { attachmentDisposition } from '../../platform/http/download.js';
import { apiRoute, type createRouter, fileResponse, IdParamsSchema, jsonResponse, PUBLIC_ROUTE } from '../../platform/http/router.js';

const TAG = 'Calendario';
const CALENDAR_TYPE = 'text/calendar; charset=utf-8';
const FeedParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{32,128}$/, { message: 'La dirección del calendario no es válida.' }) });

/** Each person's private iCalendar feed, and a session's .ics download. */
export function registerCalendarRoutes(router: ReturnType<typeof createRouter>) {
  router.openapi(
    apiRoute({ method: 'get', path: '/me/calendar', tags: [TAG], operationId: 'getOwnCalendarFeed', summary: 'Consultar si tengo un calendario privado', responses: { 200: jsonResponse('Estado del calendario', CalendarFeedViewSchema) } }),
    async (c) => c.json(await c.var.services.calendar.getFeed(), 200),
  );
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/me/calendar',
      tags: [TAG],
      operationId: 'createOwnCalendarFeed',
      summary: 'Crear (o cambiar) la dirección secreta de mi calendario',
      description: 'Sesiones de mis órganos y fechas límite de lo que me toca, en formato iCalendar. La dirección anterior deja de servir.',
      responses: { 201: jsonResponse('Dirección nueva', CalendarFeedCreatedSchema) },
    }),
    async (c) => c.json(await c.var.services.calendar.createFeed(), 201),
  );
  router.openapi(
    apiRoute({
      method: 'delete',
      path: '/me/calendar',
      tags: [TAG],
      operationId: 'revokeOwnCalendarFeed',
      summary: 'Dejar sin efecto la dirección de mi calendario',
      responses: { 204: { description: 'La dirección ya no sirve' } },
      errors: [404],
    }),
    async (c) => {
      await c.var.services.calendar.revokeFeed();
      return c.body(null, 204);
    },
  );
  router.openapi(
    apiRoute({
      // The secret in the address is the credential: calendar applications send no cookie.
      ...PUBLIC_ROUTE,
      method: 'get',
      path: '/calendar/{token}',
      tags: [TAG],
      operationId: 'getCalendarFeed',
      summary: 'Calendario privado de una persona (iCalendar)',
      description: 'Solo con la dirección secreta que la persona creó; si la revocó o su cuenta está desactivada, 404.',
      request: { params: FeedParamsSchema },
      responses: { 200: fileResponse('El calendario', ['text/calendar']) },
      errors: [404],
    }),
    async (c) => c.body(await c.var.services.calendar.feed(c.req.valid('param').token), 200, { 'Content-Type': CALENDAR_TYPE, 'Referrer-Policy': 'no-referrer' }),
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/sessions/{id}/ics',
      tags: [TAG],
      operationId: 'downloadSessionCalendar',
      summary: 'Descargar una sesión para el calendario (.ics)',
      request: { params: IdParamsSchema },
      responses: { 200: fileResponse('La sesión como evento de día completo', ['text/calendar']) },
      errors: [404],
    }),
    async (c) => {
      const file = await c.var.services.calendar.sessionFile(c.req.valid('param').id);
      return c.body(file.body, 200, { 'Content-Type': CALENDAR_TYPE, 'Content-Disposition': attachmentDisposition(`${file.fileStem}.ics`) });
    },
  );
}
