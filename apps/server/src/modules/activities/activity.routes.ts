import { createRoute } from '@hono/zod-openapi';
import { ACTIVITY_KINDS, ActivityCreateSchema, ActivityUpdateSchema, IdSchema, IsoDateSchema, StateCodeSchema } from '@telar/domain';
import { z } from 'zod';
import { sendDownload } from '../../platform/http/download.js';
import { type createRouter, errorResponses } from '../../platform/http/router.js';
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
    createRoute({
      method: 'get',
      path: '/activities/export',
      tags: [tag],
      request: { query: ActivityFilterSchema.extend({ format: z.enum(['csv', 'xlsx', 'json']).default('csv') }) },
      responses: { 200: { description: 'Las actividades que cumplen el filtro, en CSV, Excel o JSON' }, ...errorResponses },
    }),
    async (c) => {
      const { format, ...filter } = c.req.valid('query');
      return sendDownload(c, await c.var.services.activities.exportFile(filter, format));
    },
  );
  registerCrudRoutes(router, {
    path: '/activities',
    tag,
    filters: ActivityFilterSchema.omit({ q: true }),
    createSchema: ActivityCreateSchema,
    updateSchema: ActivityUpdateSchema,
    service: (s) => s.activities,
  });
}
