import {
  AccountLinkViewSchema,
  LoginSchema,
  MeViewSchema,
  PasswordChangeSchema,
  PasswordFromLinkSchema,
  PasswordResetRequestSchema,
  UserCreatedSchema,
  UserCreateSchema,
} from '@telar/domain';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Database } from '../../platform/db/client.js';
import { parseProxyTrust } from '../../platform/http/client-address.js';
import { SESSION_COOKIE } from '../../platform/http/authenticate.js';
import { DomainError } from '../../platform/errors.js';
import { limitRate } from '../../platform/http/rate-limit.js';
import { type ApiEnv, apiRoute, type createRouter, jsonCreateRoute, jsonResponse, PUBLIC_ROUTE } from '../../platform/http/router.js';
import type { AuthService } from './auth.service.js';

/** Cookies are Secure whenever the request came over HTTPS (directly or through a proxy that says so). */
const isHttps = (c: Context) => c.req.url.startsWith('https:') || c.req.header('x-forwarded-proto') === 'https';

export interface LoginLimits {
  /** Sign-in attempts allowed per client and minute (TELAR_LOGIN_ATTEMPTS_PER_MINUTE). */
  loginAttemptsPerMinute: number;
  /** Which proxies may name the client in X-Forwarded-For (TELAR_TRUST_PROXY, see client-address.ts). */
  trustProxy: string | undefined;
}

/** Sign in, sign out (here or everywhere), who am I, links sent by e-mail, and account creation by administrators. */
export function registerAuthRoutes(router: ReturnType<typeof createRouter>, db: Database, auth: AuthService, { loginAttemptsPerMinute, trustProxy }: LoginLimits) {
  if (!Number.isInteger(loginAttemptsPerMinute) || loginAttemptsPerMinute < 1) {
    throw new Error('TELAR_LOGIN_ATTEMPTS_PER_MINUTE debe ser un número entero mayor que cero.');
  }
  const trust = parseProxyTrust(trustProxy);
  router.use('/auth/login', limitRate(db, { name: 'login', max: loginAttemptsPerMinute, windowMs: 60_000, trust }));
  router.openapi(
    apiRoute({
      ...PUBLIC_ROUTE,
      method: 'post',
      path: '/auth/login',
      tags: ['Cuentas'],
      operationId: 'login',
      summary: 'Iniciar sesión',
      request: { body: { content: { 'application/json': { schema: LoginSchema } }, required: true } },
      responses: { 200: jsonResponse('Sesión iniciada; la cookie de sesión va en Set-Cookie', MeViewSchema) },
      errors: [401, 429],
    }),
    async (c) => {
      const { token, me } = await auth.login(c.req.valid('json'));
      setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: isHttps(c), path: '/', maxAge: 12 * 3600 });
      return c.json(me, 200);
    },
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/auth/me',
      tags: ['Cuentas'],
      operationId: 'getMe',
      summary: 'Consultar la persona con sesión iniciada',
      responses: { 200: jsonResponse('La persona con sesión iniciada', MeViewSchema) },
    }),
    async (c) => {
      const me = c.var.me;
      if (!me) throw new DomainError('unauthenticated');
      return c.json(await auth.describe(me), 200);
    },
  );
  const endSession = (everywhere: boolean) => async (c: Context<ApiEnv>) => {
    const token = c.var.sessionToken;
    if (token && everywhere && c.var.me) await auth.logoutEverywhere(c.var.me.id);
    else if (token) await auth.logout(token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  };
  router.openapi(
    apiRoute({
      ...PUBLIC_ROUTE,
      method: 'post',
      path: '/auth/logout',
      tags: ['Cuentas'],
      operationId: 'logout',
      summary: 'Cerrar sesión',
      description: 'Sin sesión no hace nada; con sesión, lleva la ficha X-CSRF-Token como toda escritura.',
      responses: { 204: { description: 'Sesión cerrada' } },
      errors: [403],
    }),
    endSession(false),
  );
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/auth/logout-everywhere',
      tags: ['Cuentas'],
      operationId: 'logoutEverywhere',
      summary: 'Cerrar todas las sesiones de la cuenta',
      responses: { 204: { description: 'Todas las sesiones de la cuenta cerradas' } },
    }),
    endSession(true),
  );
  // Guessing the current password from a stolen session is held to the sign-in pace.
  router.use('/auth/password', limitRate(db, { name: 'password', max: loginAttemptsPerMinute, windowMs: 60_000, trust }));
  // Asking for reset mail and trying link secrets are held to the same pace, per client.
  router.use('/auth/password-reset', limitRate(db, { name: 'password-reset', max: loginAttemptsPerMinute, windowMs: 60_000, trust }));
  router.use('/auth/account-link/*', limitRate(db, { name: 'account-link', max: loginAttemptsPerMinute, windowMs: 60_000, trust }));
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/auth/password',
      tags: ['Cuentas'],
      operationId: 'changeOwnPassword',
      summary: 'Cambiar la propia contraseña; las demás sesiones de la cuenta se cierran',
      request: { body: { content: { 'application/json': { schema: PasswordChangeSchema } }, required: true } },
      responses: { 204: { description: 'Contraseña cambiada' } },
      errors: [429],
    }),
    async (c) => {
      await auth.changePassword(c.var.actor, c.var.sessionToken, c.req.valid('json'));
      return c.body(null, 204);
    },
  );
  registerAccountLinkRoutes(router);
  router.openapi(
    jsonCreateRoute({ path: '/users', tag: 'Cuentas', operationId: 'createUser', summary: 'Crear una cuenta', schema: UserCreateSchema, response: UserCreatedSchema, description: 'Cuenta creada', errors: [409] }),
    async (c) =>
      c.json(await auth.createUser(c.var.actor, c.req.valid('json') as z.output<typeof UserCreateSchema>), 201),
  );
}

const AccountLinkCheckSchema = PasswordFromLinkSchema.pick({ token: true });

/** «¿Olvidó su contraseña?» and the one-time links (invitation, reset) that let a person choose their password. */
function registerAccountLinkRoutes(router: ReturnType<typeof createRouter>) {
  const tags = ['Cuentas'];
  router.openapi(
    apiRoute({
      ...PUBLIC_ROUTE,
      method: 'post',
      path: '/auth/password-reset',
      tags,
      operationId: 'requestPasswordReset',
      summary: 'Pedir por correo un enlace para restablecer la contraseña',
      description: 'Responde lo mismo exista o no una cuenta con ese correo; si existe y está activa, le llega un enlace que sirve una vez durante una hora.',
      request: { body: { content: { 'application/json': { schema: PasswordResetRequestSchema } }, required: true } },
      responses: { 204: { description: 'Pedido recibido' } },
      errors: [429],
    }),
    async (c) => {
      await c.var.services.accountLinks.requestPasswordReset(c.req.valid('json').email);
      return c.body(null, 204);
    },
  );
  router.openapi(
    apiRoute({
      ...PUBLIC_ROUTE,
      method: 'post',
      path: '/auth/account-link/check',
      tags,
      operationId: 'checkAccountLink',
      summary: 'Consultar para qué y para quién sirve un enlace enviado por correo',
      description: 'El secreto del enlace va en el cuerpo, no en la dirección, para que no quede en registros.',
      request: { body: { content: { 'application/json': { schema: AccountLinkCheckSchema } }, required: true } },
      responses: { 200: jsonResponse('El enlace sirve', AccountLinkViewSchema) },
      errors: [410, 429],
    }),
    async (c) => c.json(await c.var.services.accountLinks.describeLink(c.req.valid('json').token), 200),
  );
  router.openapi(
    apiRoute({
      ...PUBLIC_ROUTE,
      method: 'post',
      path: '/auth/account-link/password',
      tags,
      operationId: 'setPasswordWithLink',
      summary: 'Elegir la contraseña con un enlace de invitación o de restablecimiento',
      description: 'El enlace sirve una sola vez; al usarlo se cierran todas las sesiones de la cuenta y se desbloquea.',
      request: { body: { content: { 'application/json': { schema: PasswordFromLinkSchema } }, required: true } },
      responses: { 204: { description: 'Contraseña elegida; ya puede iniciar sesión' } },
      errors: [410, 429],
    }),
    async (c) => {
      await c.var.services.accountLinks.setPasswordWithLink(c.req.valid('json'));
      return c.body(null, 204);
    },
  );
}
