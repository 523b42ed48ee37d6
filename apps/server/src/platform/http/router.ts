import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { ApiErrorBody, FieldIssue, MeView } from '@telar/domain';
import type { Actor } from '../auth/actor.js';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { errorMessages } from '../messages.js';

// Zod's own messages (wrong type, too short…) in Spanish; our schemas carry their own texts.
z.config(z.locales.es());

export type ApiEnv = {
  Variables: { requestId: string; services: Services; actor: Actor; me: MeView | undefined; sessionToken: string | undefined };
};

/** A router whose request validation failures become 422 with one issue per field. */
export function createRouter() {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const issues: FieldIssue[] = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      return c.json({ error: { code: 'validation', message: errorMessages.validation, issues } } satisfies ApiErrorBody, 422);
    },
  });
}

/** Response bodies are described by name in the OpenAPI document; their types live in @telar/domain views. */
export const jsonResponse = (description: string, schema: z.ZodType = z.looseObject({})) => ({
  description,
  content: { 'application/json': { schema } },
});

export const errorResponses = {
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
