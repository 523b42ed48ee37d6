import { createRoute } from '@hono/zod-openapi';
import {
  FocalPointCreateSchema,
  MembershipCreateSchema,
  OrganizationCreateSchema,
  OrganizationUpdateSchema,
  SECTORS,
  StateCodeSchema,
} from '@telar/domain';
import { z } from 'zod';
import { type createRouter, jsonCreateRoute, jsonResponse, PUBLIC_ROUTE } from '../../platform/http/router.js';
import { registerCrudRoutes } from '../../platform/http/crud-routes.js';

/** Organisations, memberships and focal points, and the states catalogue. */
export function registerDirectoryRoutes(router: ReturnType<typeof createRouter>) {
  registerCrudRoutes(router, {
    path: '/organizations',
    tag: 'Organizaciones',
    filters: z.object({ sector: z.enum(SECTORS).optional(), stateCode: StateCodeSchema.optional() }),
    createSchema: OrganizationCreateSchema,
    updateSchema: OrganizationUpdateSchema,
    service: (s) => s.organizations,
  });
  router.openapi(
    jsonCreateRoute({ path: '/memberships', tag: 'Órganos colegiados', schema: MembershipCreateSchema, description: 'Integración registrada' }),
    async (c) => c.json(await c.var.services.memberships.create(c.req.valid('json') as z.output<typeof MembershipCreateSchema>), 201),
  );
  router.openapi(
    jsonCreateRoute({ path: '/focal-points', tag: 'Órganos colegiados', schema: FocalPointCreateSchema, description: 'Enlace registrado; la integración con sus enlaces' }),
    async (c) => c.json(await c.var.services.memberships.addFocalPoint(c.req.valid('json') as z.output<typeof FocalPointCreateSchema>), 201),
  );
  router.openapi(
    createRoute({ ...PUBLIC_ROUTE, method: 'get', path: '/states', tags: ['Catálogos'], responses: { 200: jsonResponse('Las 32 entidades federativas', z.array(z.looseObject({}))) } }),
    async (c) => c.json(await c.var.services.catalogue.listStates(), 200),
  );
}
