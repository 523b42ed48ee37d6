import { BodyCreateSchema, BodyDetailViewSchema, BodyPageSchema, BodyUpdateSchema, BodyViewSchema } from '@telar/domain';
import { z } from 'zod';
import { registerCrudRoutes } from '../../platform/http/crud-routes.js';
import type { createRouter } from '../../platform/http/router.js';

/** Systems, commissions, working groups and networks. */
export function registerBodyRoutes(router: ReturnType<typeof createRouter>) {
  registerCrudRoutes(router, {
    path: '/bodies',
    tag: 'Órganos colegiados',
    names: { one: 'Body', many: 'Bodies', label: 'un órgano colegiado', labelMany: 'órganos colegiados' },
    filters: z.object({}),
    createSchema: BodyCreateSchema,
    updateSchema: BodyUpdateSchema,
    listSchema: BodyPageSchema,
    viewSchema: BodyDetailViewSchema,
    savedSchema: BodyViewSchema,
    service: (s) => s.bodies,
  });
}
