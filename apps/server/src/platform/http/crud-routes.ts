import { createRoute } from '@hono/zod-openapi';
import { PageQuerySchema, VersionOnlySchema } from '@telar/domain';
import type { z } from 'zod';
import { type createRouter, errorResponses, IdParamsSchema, jsonCreateRoute, jsonResponse } from './router.js';
import type { Services } from '../../services.js';

type Router = ReturnType<typeof createRouter>;
type AnyObjectSchema = z.ZodType<Record<string, unknown>>;

interface CrudService<Filter, Create, Update> {
  list(filter: Filter, page: { page: number; pageSize: number }): Promise<object>;
  get(id: string): Promise<object>;
  create(data: Create): Promise<object>;
  update(id: string, data: Update): Promise<object>;
  archive(id: string, version: number): Promise<void>;
  restore(id: string, version: number): Promise<void>;
  publish?(id: string, version: number): Promise<void>;
  unpublish?(id: string, version: number): Promise<void>;
}

/** State changes a record may go through, each a POST on the record with its version. */
const LIFECYCLE_ACTIONS = {
  archive: 'Archivar (sale de las listas; no se borra)',
  close: 'Cerrar (ya no se reciben reportes)',
  restore: 'Restaurar un registro archivado',
  publish: 'Publicar en el portal público',
  unpublish: 'Retirar del portal público',
  deactivate: 'Desactivar una cuenta (cierra sus sesiones)',
  reactivate: 'Reactivar una cuenta',
} as const;

interface CrudDefinition<Filter, Create, Update> {
  /** Collection path, e.g. "/organizations". */
  path: string;
  tag: string;
  /** Filters beyond paging and `q`. */
  filters: z.ZodObject;
  createSchema: z.ZodType<Create>;
  updateSchema: z.ZodType<Update>;
  /** The request's service for this resource. */
  service: (services: Services) => CrudService<Filter, Create, Update>;
  /** Whether records of this resource are published on the public portal. */
  isPublishable?: boolean;
}

/**
 * The four routes every directory resource has (list, read, create, edit), each thin:
 * validate → service → present. Services throw DomainError for 404/409/422.
 */
export function registerCrudRoutes<Filter, Create, Update>(
  router: Router,
  definition: CrudDefinition<Filter, Create, Update>,
) {
  const { path, tag } = definition;
  const service = (c: { var: { services: Services } }) => definition.service(c.var.services);
  const listQuery = PageQuerySchema.extend(definition.filters.shape);

  router.openapi(
    createRoute({ method: 'get', path, tags: [tag], request: { query: listQuery }, responses: { 200: jsonResponse('Página de resultados'), ...errorResponses } }),
    async (c) => {
      const { page, pageSize, ...filter } = c.req.valid('query') as { page: number; pageSize: number } & Filter;
      return c.json(await service(c).list(filter as Filter, { page, pageSize }), 200);
    },
  );
  router.openapi(
    createRoute({ method: 'get', path: `${path}/{id}`, tags: [tag], request: { params: IdParamsSchema }, responses: { 200: jsonResponse('Detalle'), ...errorResponses } }),
    async (c) => c.json(await service(c).get(c.req.valid('param').id), 200),
  );
  router.openapi(
    jsonCreateRoute({ path, tag, schema: definition.createSchema as AnyObjectSchema, description: 'Creado' }),
    async (c) => c.json(await service(c).create(c.req.valid('json') as Create), 201),
  );
  router.openapi(
    createRoute({
      method: 'patch',
      path: `${path}/{id}`,
      tags: [tag],
      request: { params: IdParamsSchema, body: { content: { 'application/json': { schema: definition.updateSchema as AnyObjectSchema } }, required: true } },
      responses: { 200: jsonResponse('Actualizado'), ...errorResponses },
    }),
    async (c) => c.json(await service(c).update(c.req.valid('param').id, c.req.valid('json') as Update), 200),
  );
  const actions = definition.isPublishable ? (['archive', 'restore', 'publish', 'unpublish'] as const) : (['archive', 'restore'] as const);
  registerLifecycleRoutes(router, { path, tag, actions, service: (c) => service(c) });
}

type LifecycleAction = keyof typeof LIFECYCLE_ACTIONS;

/** `POST {path}/{id}/{action}` with the version acted on, 204 when done, for each of `actions`. */
export function registerLifecycleRoutes(
  router: Router,
  definition: {
    path: string;
    tag: string;
    actions: readonly LifecycleAction[];
    service: (c: { var: { services: Services } }) => Partial<Record<LifecycleAction, (id: string, version: number) => Promise<void>>>;
  },
) {
  for (const action of definition.actions) {
    router.openapi(
      createRoute({
        method: 'post',
        path: `${definition.path}/{id}/${action}`,
        tags: [definition.tag],
        summary: LIFECYCLE_ACTIONS[action],
        request: { params: IdParamsSchema, body: { content: { 'application/json': { schema: VersionOnlySchema } }, required: true } },
        responses: { 204: { description: LIFECYCLE_ACTIONS[action] }, ...errorResponses },
      }),
      async (c) => {
        await definition.service(c)[action]!(c.req.valid('param').id, c.req.valid('json').version);
        return c.body(null, 204);
      },
    );
  }
}
