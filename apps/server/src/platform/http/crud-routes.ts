import { PageQuerySchema, VersionOnlySchema } from '@telar/domain';
import { z } from 'zod';
import type { DownloadFile } from '../documents/table-file.js';
import { sendDownload } from './download.js';
import { apiRoute, CONTENT_TYPES, type createRouter, fileResponse, IdParamsSchema, jsonCreateRoute, jsonResponse } from './router.js';
import type { Services } from '../../services.js';

type Router = ReturnType<typeof createRouter>;
type AnyObjectSchema = z.ZodType<Record<string, unknown>>;

interface CrudService<Filter, Create, Update, List, View, Saved> {
  list(filter: Filter, page: { page: number; pageSize: number }): Promise<List>;
  get(id: string): Promise<View>;
  create(data: Create): Promise<Saved>;
  update(id: string, data: Update): Promise<Saved>;
  archive(id: string, version: number): Promise<void>;
  restore(id: string, version: number): Promise<void>;
  publish?(id: string, version: number): Promise<void>;
  unpublish?(id: string, version: number): Promise<void>;
  /** The whole list under the filter (every page, within LIST_EXPORT_CAP) as a file. */
  exportFile?(filter: Filter, format: 'xlsx' | 'csv'): Promise<DownloadFile>;
}

/** How the contract names a resource's operations and speaks of it. */
export interface ResourceNames {
  /** For operationIds: "Session" and "Sessions" give listSessions, getSession, createSession, updateSession, archiveSession… */
  one: string;
  many: string;
  /** For summaries, in Spanish: "una sesión", "sesiones". */
  label: string;
  labelMany: string;
}

/** State changes a record may go through, each a POST on the record with its version. */
const LIFECYCLE_ACTIONS = {
  archive: { verb: 'Archivar', description: 'Sale de las listas; no se borra.' },
  close: { verb: 'Cerrar', description: 'Ya no se reciben reportes.' },
  restore: { verb: 'Restaurar', description: 'Vuelve a las listas un registro archivado.' },
  publish: { verb: 'Publicar', description: 'Queda en el portal público.' },
  unpublish: { verb: 'Retirar del portal', description: 'Deja de estar en el portal público.' },
  deactivate: { verb: 'Desactivar', description: 'La cuenta deja de poder entrar; sus sesiones se cierran.' },
  reactivate: { verb: 'Reactivar', description: 'La cuenta vuelve a poder entrar.' },
} as const;

interface CrudDefinition<Filter, Create, Update, List extends z.ZodType, View extends z.ZodType, Saved extends z.ZodType> {
  /** Collection path, e.g. "/organizations". */
  path: string;
  tag: string;
  names: ResourceNames;
  /** Filters beyond paging and `q`. */
  filters: z.ZodObject;
  createSchema: z.ZodType<Create>;
  updateSchema: z.ZodType<Update>;
  /** What the list answers (a page), what reading one answers, and what a create or edit answers. */
  listSchema: List;
  viewSchema: View;
  savedSchema: Saved;
  /** The request's service for this resource. */
  service: (services: Services) => CrudService<Filter, Create, Update, z.infer<List>, z.infer<View>, z.infer<Saved>>;
  /** Whether records of this resource are published on the public portal. */
  isPublishable?: boolean;
  /** Whether the list downloads as Excel or CSV (`GET {path}/export`, the list's filters; the service's `exportFile`). */
  isExportable?: boolean;
}

/**
 * The routes every directory resource has (list, read, create, edit, and its lifecycle), each thin:
 * validate → service → present. Services throw DomainError for 404/409/422.
 */
export function registerCrudRoutes<Filter, Create, Update, List extends z.ZodType, View extends z.ZodType, Saved extends z.ZodType>(
  router: Router,
  definition: CrudDefinition<Filter, Create, Update, List, View, Saved>,
) {
  const { path, tag, names } = definition;
  const service = (c: { var: { services: Services } }) => definition.service(c.var.services);
  const listQuery = PageQuerySchema.extend(definition.filters.shape);

  router.openapi(
    apiRoute({
      method: 'get',
      path,
      tags: [tag],
      operationId: `list${names.many}`,
      summary: `Listar ${names.labelMany}`,
      request: { query: listQuery },
      responses: { 200: jsonResponse('Página de resultados', definition.listSchema as z.ZodType) },
    }),
    async (c) => {
      const { page, pageSize, ...filter } = c.req.valid('query') as { page: number; pageSize: number } & Filter;
      return c.json(await service(c).list(filter as Filter, { page, pageSize }), 200);
    },
  );
  // Before `{path}/{id}`, so "export" is not read as an id.
  if (definition.isExportable) registerExportRoute(router, { ...definition, service });
  router.openapi(
    apiRoute({
      method: 'get',
      path: `${path}/{id}`,
      tags: [tag],
      operationId: `get${names.one}`,
      summary: `Consultar ${names.label}`,
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('Detalle', definition.viewSchema as z.ZodType) },
      errors: [404],
    }),
    async (c) => c.json(await service(c).get(c.req.valid('param').id), 200),
  );
  router.openapi(
    jsonCreateRoute({
      path,
      tag,
      operationId: `create${names.one}`,
      summary: `Registrar ${names.label}`,
      schema: definition.createSchema as AnyObjectSchema,
      response: definition.savedSchema as z.ZodType,
      description: 'Creado',
      errors: [409],
    }),
    async (c) => c.json(await service(c).create(c.req.valid('json') as Create), 201),
  );
  router.openapi(
    apiRoute({
      method: 'patch',
      path: `${path}/{id}`,
      tags: [tag],
      operationId: `update${names.one}`,
      summary: `Editar ${names.label}`,
      description: 'Lleva la `version` en la que se basa la edición; si alguien guardó antes, responde 409 y no cambia nada.',
      request: { params: IdParamsSchema, body: { content: { 'application/json': { schema: definition.updateSchema as AnyObjectSchema } }, required: true } },
      responses: { 200: jsonResponse('Actualizado', definition.savedSchema as z.ZodType) },
      errors: [404, 409],
    }),
    async (c) => c.json(await service(c).update(c.req.valid('param').id, c.req.valid('json') as Update), 200),
  );
  const actions = definition.isPublishable ? (['archive', 'restore', 'publish', 'unpublish'] as const) : (['archive', 'restore'] as const);
  registerLifecycleRoutes(router, { path, tag, names, actions, service: (c) => service(c) });
}

/** `GET {path}/export?format=xlsx|csv` with the list's filters: every page, not only the one shown. */
function registerExportRoute<Filter>(
  router: Router,
  definition: { path: string; tag: string; names: ResourceNames; filters: z.ZodObject; service: (c: { var: { services: Services } }) => { exportFile?: CrudService<Filter, never, never, never, never, never>['exportFile'] } },
) {
  const query = PageQuerySchema.omit({ page: true, pageSize: true }).extend(definition.filters.shape).extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
  router.openapi(
    apiRoute({
      method: 'get',
      path: `${definition.path}/export`,
      tags: [definition.tag],
      operationId: `export${definition.names.many}`,
      summary: `Descargar la lista de ${definition.names.labelMany} con sus filtros`,
      description: 'Todas las páginas de la lista (hasta 50,000 filas; el libro de Excel avisa si hay más), con los mismos filtros.',
      request: { query },
      responses: { 200: fileResponse(`La lista de ${definition.names.labelMany}, en Excel o CSV`, [CONTENT_TYPES.xlsx, CONTENT_TYPES.csv]) },
    }),
    async (c) => {
      const { format, ...filter } = c.req.valid('query') as { format: 'xlsx' | 'csv' } & Filter;
      return sendDownload(c, await definition.service(c).exportFile!(filter as Filter, format));
    },
  );
}

type LifecycleAction = keyof typeof LIFECYCLE_ACTIONS;

/** `POST {path}/{id}/{action}` with the version acted on, 204 when done, for each of `actions`. */
export function registerLifecycleRoutes(
  router: Router,
  definition: {
    path: string;
    tag: string;
    names: ResourceNames;
    actions: readonly LifecycleAction[];
    service: (c: { var: { services: Services } }) => Partial<Record<LifecycleAction, (id: string, version: number) => Promise<void>>>;
  },
) {
  for (const action of definition.actions) {
    const { verb, description } = LIFECYCLE_ACTIONS[action];
    router.openapi(
      apiRoute({
        method: 'post',
        path: `${definition.path}/{id}/${action}`,
        tags: [definition.tag],
        operationId: `${action}${definition.names.one}`,
        summary: `${verb} ${definition.names.label}`,
        description: `${description} Lleva la \`version\` del registro; si cambió, responde 409.`,
        request: { params: IdParamsSchema, body: { content: { 'application/json': { schema: VersionOnlySchema } }, required: true } },
        responses: { 204: { description: 'Hecho' } },
        errors: [404, 409],
      }),
      async (c) => {
        await definition.service(c)[action]!(c.req.valid('param').id, c.req.valid('json').version);
        return c.body(null, 204);
      },
    );
  }
}
