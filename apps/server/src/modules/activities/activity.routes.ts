import {
  ACTIVITY_KINDS,
  ActivityCreateSchema,
  ActivityPageSchema,
  ActivityUpdateSchema,
  ActivityDetailViewSchema,
  ActivityViewSchema,
  IdSchema,
  IsoDateSchema,
  StateCodeSchema,
} from '@telar/domain';
import { z } from 'zod';
import { sendDownload } from '../../platform/http/download.js';
import { apiRoute, CONTENT_TYPES, type createRouter, fileResponse } from '../../platform/http/router.js';
import { registerCrudRoutes } from '../../platform/http/crud-routes.js';

const tag = 'Actividades';

const ActivityFilterSchema = z.object({
  kind: z.enum(ACTIVITY_KINDS).optional(),
  stateCode: StateCodeSchema.optional(),
  organizationId: IdSchema.optional(),
  planId: IdSchema.optional(),
  planNodeId: IdSchema.optional(),
  reportId: IdSchema.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  q: z.string().trim().max(200).optional(),
});

/** Activities (who did what, where, when) and their downloads. */
export function registerActivityRoutes(router: ReturnType<typeof createRouter>) {
  // Registered before the CRUD routes so "export" is not read as an activity id.
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/activities/export',
      tags: [tag],
      operationId: 'exportActivities',
      summary: 'Descargar las actividades que cumplen el filtro',
      request: { query: ActivityFilterSchema.extend({ format: z.enum(['csv', 'xlsx', 'json']).default('csv') }) },
      responses: { 200: fileResponse('Las actividades que cumplen el filtro, en CSV, Excel o JSON', [CONTENT_TYPES.csv, CONTENT_TYPES.xlsx, CONTENT_TYPES.json]) },
    }),
    async (c) => {
      const { format, ...filter } = c.req.valid('query');
      return sendDownload(c, await c.var.services.activities.exportFile(filter, format));
    },
  );
  registerCrudRoutes(router, {
    path: '/activities',
    tag,
    names: { one: 'Activity', many: 'Activities', label: 'una actividad', labelMany: 'actividades' },
    filters: ActivityFilterSchema.omit({ q: true }),
    createSchema: ActivityCreateSchema,
    updateSchema: ActivityUpdateSchema,
    listSchema: ActivityPageSchema,
    viewSchema: ActivityDetailViewSchema,
    savedSchema: ActivityViewSchema,
    service: (s) => s.activities,
  });
}
