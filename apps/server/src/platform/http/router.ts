import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { ApiErrorBody, FieldIssue } from '@telar/domain';
import type { SessionPerson } from '../auth/actor.js';
import type { Actor } from '../auth/actor.js';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { invalidField } from '../errors.js';
import { type ErrorCode, errorMessages } from '../messages.js';
import { STATUS_BY_ERROR_CODE } from './error-handler.js';
import { SESSION_COOKIE } from './authenticate.js';

// Zod's own messages (wrong type, too short…) in Spanish; our schemas carry their own texts.
z.config(z.locales.es());

export type ApiEnv = {
  Variables: {
    requestId: string;
    services: Services;
    actor: Actor;
    me: SessionPerson | undefined;
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
  const router = new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      const issues: FieldIssue[] = result.success
        ? findUnstorableText(result.data)
        : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      if (issues.length) return c.json(validationFailure(issues), 422);
    },
  });
  router.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'La sesión, que POST /auth/login pone en una cookie HttpOnly.',
  });
  router.openAPIRegistry.registerComponent('securitySchemes', 'csrfToken', {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description: 'La ficha CSRF de la sesión (`csrfToken` de /auth/login o /auth/me); toda escritura con sesión la envía.',
  });
  return router;
}

/** The licence of what the public portal publishes: Mexico's open-data terms. */
export const OPEN_DATA_LICENCE_URL = 'https://www.datos.gob.mx/libreusomx';

/** Said in the contract of every public data route; downloads also carry it as a `Link` header. */
export const OPEN_DATA_TERMS = `Datos abiertos bajo los Términos de Libre Uso MX (${OPEN_DATA_LICENCE_URL}): pueden usarse, copiarse y redistribuirse citando la fuente.`;

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

/** An error answer: the code clients can rely on, the Spanish message a person reads, and the fields at fault. */
export const ApiErrorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(Object.keys(errorMessages) as [ErrorCode, ...ErrorCode[]]).describe('Código estable del error; el estado HTTP depende de él.'),
      message: z.string().describe('El mensaje en español para la persona.'),
      issues: z
        .array(z.strictObject({ path: z.string().describe('El campo, por ejemplo "organizationIds.0".'), message: z.string() }).meta({ id: 'FieldIssue' }))
        .optional()
        .describe('Un mensaje por campo con problemas.'),
      existing: z
        .strictObject({ entity: z.enum(['session']), id: z.string().uuid() })
        .meta({ id: 'ExistingRecordRef' })
        .optional()
        .describe('En un duplicado, el registro que ya existe (para enlazarlo).'),
    }),
  })
  .meta({ id: 'ApiError', description: 'Respuesta de error: su código, su mensaje y, si los hay, los campos que deben corregirse.' });

const CHOOSE_A_FILE = 'Elija un archivo.';

/** Error statuses an operation may answer; each lists the error codes that lead to it. */
export type ErrorStatus = 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 423 | 429;

const ERROR_MEANINGS: Record<ErrorStatus, string> = {
  401: 'Sin sesión, o credenciales incorrectas',
  403: 'Su rol no permite esta acción, o falta la ficha CSRF de la sesión',
  404: 'No existe, o no es público',
  409: 'Versión vencida, duplicado, o un estado del registro que no lo permite',
  410: 'El enlace ya se usó o venció',
  413: 'La solicitud es demasiado grande',
  415: 'El cuerpo no trae el tipo de contenido que la operación recibe',
  422: 'Datos no válidos, con un mensaje por campo',
  423: 'Cuenta bloqueada temporalmente',
  429: 'Demasiados intentos',
};

const errorResponse = (status: ErrorStatus) => {
  const codes = Object.entries(STATUS_BY_ERROR_CODE).flatMap(([code, codeStatus]) => (codeStatus === status ? [`\`${code}\``] : []));
  return jsonResponse(`${ERROR_MEANINGS[status]} (${codes.length > 1 ? 'códigos' : 'código'} ${codes.join(', ')}).`, ApiErrorSchema);
};

/** The error responses of these statuses, each with the one error schema. */
const errorResponses = (statuses: readonly ErrorStatus[]) => Object.fromEntries([...new Set(statuses)].sort().map((status) => [status, errorResponse(status)]));

/** A JSON answer described by a named schema of @telar/domain (its `meta({ id })` names it in the document). */
export const jsonResponse = <Schema extends z.ZodType>(description: string, schema: Schema) => ({
  description,
  content: { 'application/json': { schema } },
});

/** The content of a download in each of these types (the `format` query picks one): bytes, as generators expect of files. */
export const fileContent = <const Types extends readonly string[]>(contentTypes: Types) =>
  Object.fromEntries(contentTypes.map((type) => [type, { schema: z.string().meta({ format: 'binary' }) }])) as { [Type in Types[number]]: { schema: z.ZodString } };

/** A file as it downloads, with the response headers that come with it. */
export const fileResponse = <const Types extends readonly string[]>(
  description: string,
  contentTypes: Types,
  headers?: Record<string, { description: string; schema: { type: 'string' } }>,
) => ({
  description,
  ...(headers ? { headers } : {}),
  content: fileContent(contentTypes),
});

/** A file field of a multipart form: the server reads it itself, so the schema only documents it and asks for it. */
export const formFile = (description: string) => z.any().nonoptional({ error: CHOOSE_A_FILE }).meta({ type: 'string', format: 'binary', description });

/** The file a multipart form carried, as its name and bytes; a form without one is the `file` field's error. */
export async function readFormFile(value: unknown): Promise<{ name: string; bytes: Uint8Array }> {
  if (!(value instanceof File)) throw invalidField('file', CHOOSE_A_FILE);
  return { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
}

export const CONTENT_TYPES = {
  csv: 'text/csv',
  json: 'application/json',
  markdown: 'text/markdown',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Writes are checked against the session's CSRF token as well as its cookie. */
const WRITE_SECURITY = [{ sessionCookie: [], csrfToken: [] }];

/**
 * What every operation of the contract carries: a stable camelCase `operationId` (client generators name
 * their functions after it), a Spanish summary, and the errors it may answer beyond those its shape
 * implies (401 when protected, 403 on protected writes, 413 and 415 with a body, 422 with any input).
 */
type ContractFields = { operationId: string; summary: string; errors?: readonly ErrorStatus[] };

/**
 * `createRoute` with the contract filled in: protected writes require the CSRF header as well as the cookie
 * (reads inherit the document's cookie requirement), and the error responses are added with `ApiError`.
 * Responses the route declares itself win over the generic ones.
 */
export function apiRoute<P extends string, R extends Omit<RouteConfig, 'path' | 'operationId' | 'summary'> & ContractFields & { path: P }>(config: R) {
  const { errors = [], ...route } = config;
  const isPublic = Array.isArray(route.security) && route.security.length === 0;
  const isWrite = route.method !== 'get';
  const request: NonNullable<RouteConfig['request']> = route.request ?? {};
  const implied: ErrorStatus[] = [
    ...(isPublic ? [] : [401 as const]),
    ...(!isPublic && isWrite ? [403 as const] : []),
    ...(request.body ? [413 as const, 415 as const] : []),
    ...(request.body || request.query || request.params ? [422 as const] : []),
  ];
  return createRoute({
    ...(isWrite && !isPublic ? { security: WRITE_SECURITY } : {}),
    ...route,
    responses: { ...errorResponses([...implied, ...errors]), ...route.responses },
  }) as unknown as ReturnType<typeof createRoute<P, R>>;
}

export const IdParamsSchema = z.object({ id: z.string().uuid({ message: 'Identificador no válido.' }) });

/** The OpenAPI route of a JSON create: body validated by `schema`, 201 with `response` on success. */
export function jsonCreateRoute<Schema extends z.ZodType, Response extends z.ZodType>(config: {
  path: string;
  tag: string;
  operationId: string;
  summary: string;
  schema: Schema;
  response: Response;
  description: string;
  errors?: readonly ErrorStatus[];
}) {
  return apiRoute({
    method: 'post',
    path: config.path,
    tags: [config.tag],
    operationId: config.operationId,
    summary: config.summary,
    request: { body: { content: { 'application/json': { schema: config.schema } }, required: true } },
    responses: { 201: jsonResponse(config.description, config.response) },
    errors: config.errors,
  });
}
