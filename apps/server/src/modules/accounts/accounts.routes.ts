import {
  AuthSessionViewSchema,
  PageQuerySchema,
  PasswordResetSchema,
  UserFilterSchema,
  UserPageSchema,
  UserUpdateSchema,
  UserViewSchema,
} from '@telar/domain';
import { z } from 'zod';
import { registerLifecycleRoutes } from '../../platform/http/crud-routes.js';
import { apiRoute, type createRouter, IdParamsSchema, jsonResponse } from '../../platform/http/router.js';

const TAG = 'Cuentas';

const jsonBody = <Schema extends z.ZodType>(schema: Schema) => ({ body: { content: { 'application/json': { schema } }, required: true } });

/** Account management by administrators, and each person's own sessions. */
export function registerAccountRoutes(router: ReturnType<typeof createRouter>) {
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/users',
      tags: [TAG],
      operationId: 'listUsers',
      summary: 'Cuentas, buscadas por nombre o correo, con sus roles',
      request: { query: PageQuerySchema.extend(UserFilterSchema.shape) },
      responses: { 200: jsonResponse('Página de cuentas', UserPageSchema) },
      errors: [403],
    }),
    async (c) => {
      const { page, pageSize, ...filter } = c.req.valid('query');
      return c.json(await c.var.services.accounts.list(filter, { page, pageSize }), 200);
    },
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/users/{id}',
      tags: [TAG],
      operationId: 'getUser',
      summary: 'Una cuenta con sus roles',
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('Cuenta', UserViewSchema) },
      errors: [403, 404],
    }),
    async (c) => c.json(await c.var.services.accounts.get(c.req.valid('param').id), 200),
  );
  router.openapi(
    apiRoute({
      method: 'patch',
      path: '/users/{id}',
      tags: [TAG],
      operationId: 'updateUser',
      summary: 'Cambiar el nombre o los roles (la lista completa)',
      request: { params: IdParamsSchema, ...jsonBody(UserUpdateSchema) },
      responses: { 200: jsonResponse('Cuenta actualizada', UserViewSchema) },
      errors: [404, 409],
    }),
    async (c) => c.json(await c.var.services.accounts.update(c.req.valid('param').id, c.req.valid('json') as z.output<typeof UserUpdateSchema>), 200),
  );
  registerLifecycleRoutes(router, {
    path: '/users',
    tag: TAG,
    names: { one: 'User', many: 'Users', label: 'una cuenta', labelMany: 'cuentas' },
    actions: ['deactivate', 'reactivate'],
    service: (c) => c.var.services.accounts,
  });
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/users/{id}/sign-out',
      tags: [TAG],
      operationId: 'signOutUser',
      summary: 'Cerrar todas las sesiones de la cuenta',
      request: { params: IdParamsSchema },
      responses: { 204: { description: 'Sesiones cerradas' } },
      errors: [404],
    }),
    async (c) => {
      await c.var.services.accounts.signOut(c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/users/{id}/invitation',
      tags: [TAG],
      operationId: 'resendInvitation',
      summary: 'Reenviar la invitación por correo a quien aún no eligió su contraseña',
      description: 'El enlace anterior deja de servir; el nuevo vence en 72 horas.',
      request: { params: IdParamsSchema },
      responses: { 204: { description: 'Invitación puesta en la bandeja de salida' } },
      errors: [404, 409],
    }),
    async (c) => {
      await c.var.services.accountLinks.resendInvitation(c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/users/{id}/password',
      tags: [TAG],
      operationId: 'resetUserPassword',
      summary: 'Asignar una contraseña nueva; la persona deberá cambiarla al entrar',
      request: { params: IdParamsSchema, ...jsonBody(PasswordResetSchema) },
      responses: { 204: { description: 'Contraseña asignada; sesiones de la cuenta cerradas' } },
      errors: [404],
    }),
    async (c) => {
      await c.var.services.accounts.resetPassword(c.req.valid('param').id, c.req.valid('json'));
      return c.body(null, 204);
    },
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/auth/sessions',
      tags: [TAG],
      operationId: 'listOwnSessions',
      summary: 'Mis sesiones abiertas',
      responses: { 200: jsonResponse('Sesiones abiertas de la persona, la más reciente primero', z.array(AuthSessionViewSchema)) },
    }),
    async (c) => c.json(await c.var.services.accounts.listOwnSessions(c.var.sessionToken), 200),
  );
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/auth/sessions/{id}/sign-out',
      tags: [TAG],
      operationId: 'endOwnSession',
      summary: 'Cerrar una de mis sesiones',
      request: { params: IdParamsSchema },
      responses: { 204: { description: 'Sesión cerrada' } },
      errors: [404],
    }),
    async (c) => {
      await c.var.services.accounts.endOwnSession(c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
}
