import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { ApiErrorBody, FieldIssue, MeView } from '@telar/domain';
import type { Actor } from '../auth/actor.js';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { errorMessages } from '../messages.js';

// Zod's own messages (wrong type, too short…) in Spanish; our schemas carry their own texts.
z.config(z.locales.es());

export type ApiEnv = {
  Variables: {
    requestId: string;
    services: Services;
    actor: Actor;
    me: MeView | undefined;
    csrfToken: string | undefined;
    sessionToken: string | undefined;
  };
};

const validationFailure = (issues: FieldIssue[]): ApiErrorBody => ({ error: { code: 'validation', message: errorMessages.validation, issues } });

/**
 * A router whose request validation failures become 422 with one issue per field. Text that passed the
 * schema is refused too when it holds NUL or broken Unicode, which PostgreSQL and document writers cannot store.
 */
export function createRouter() {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      const issues: FieldIssue[] = result.success
        ? findUnstorableText(result.data)
        : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      if (issues.length) return c.json(validationFailure(issues), 422);
    },
  });
}

/** Marks a route public in its contract (`security: []`); every other route needs a session. */
export const PUBLIC_ROUTE = { security: [] as Record<string, string[]>[] };

/**
 * Whether a request is for a route declared public. Read from the router's own OpenAPI registry, so the
 * contract and the gate cannot disagree.
 */
export function createPublicRouteMatcher(router: OpenAPIHono<ApiEnv>, prefix: string, extraPaths: string[] = []) {
  let patterns: { method: string; pattern: RegExp }[] | undefined;
  const toPattern = (path: string) => new RegExp(`^${prefix}${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
  return (method: string, path: string) => {
    patterns ??= [
      ...router.openAPIRegistry.definitions.flatMap((definition) =>
        definition.type === 'route' && Array.isArray(definition.route.security) && definition.route.security.length === 0
          ? [{ method: definition.route.method.toUpperCase(), pattern: toPattern(definition.route.path) }]
          : [],
      ),
      ...extraPaths.map((path) => ({ method: 'GET', pattern: toPattern(path) })),
    ];
    const asked = method === 'HEAD' || method === 'OPTIONS' ? 'GET' : method;
    return patterns.some((p) => p.method === asked && p.pattern.test(path));
  };
}

/** NUL, or half of a surrogate pair (in `u` mode a whole pair is one code point and does not match). */
const UNSTORABLE_CHARACTER = /[\u0000\p{Cs}]/u;

/** Text fields holding NUL or a lone surrogate, by path. */
export function findUnstorableText(value: unknown, path: string[] = []): FieldIssue[] {
  if (typeof value === 'string') {
    return UNSTORABLE_CHARACTER.test(value) ? [{ path: path.join('.'), message: 'El texto contiene caracteres no válidos (nulos o Unicode mal formado).' }] : [];
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => findUnstorableText(item, [...path, key]));
  }
  return [];
}

/** Response bodies are described by name in the OpenAPI document; their types live in @telar/domain views. */
export const jsonResponse = (description: string, schema: z.ZodType = z.looseObject({})) => ({
  description,
  content: { 'application/json': { schema } },
});

export const errorResponses = {
  401: jsonResponse('Sin sesión'),
  403: jsonResponse('Sin permiso, o sin la ficha CSRF de la sesión'),
  404: jsonResponse('No encontrado'),
  409: jsonResponse('Versión vencida o duplicado'),
  422: jsonResponse('Datos no válidos, con un mensaje por campo'),
};

export const IdParamsSchema = z.object({ id: z.string().uuid({ message: 'Identificador no válido.' }) });

/** The OpenAPI route of a JSON create: body validated by `schema`, 201 on success, our error responses. */
export function jsonCreateRoute<Schema extends z.ZodType>(config: { path: string; tag: string; schema: Schema; description: string }) {
  return createRoute({
    method: 'post',
    path: config.path,
    tags: [config.tag],
    request: { body: { content: { 'application/json': { schema: config.schema } }, required: true } },
    responses: { 201: jsonResponse(config.description), ...errorResponses },
  });
}
