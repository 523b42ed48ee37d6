import { createRoute } from '@hono/zod-openapi';
import {
  BodyCreateSchema,
  BodyUpdateSchema,
  FocalPointCreateSchema,
  MembershipCreateSchema,
  OrganizationCreateSchema,
  OrganizationUpdateSchema,
  SECTORS,
  StateCodeSchema,
} from '@telar/domain';
import { z } from 'zod';
import { type createRouter, errorResponses, jsonCreateRoute, jsonResponse, PUBLIC_ROUTE } from '../../platform/http/router.js';
import { AUDITED_ENTITIES } from '../../platform/audit/history.service.js';
import { registerCrudRoutes } from '../../platform/http/crud-routes.js';

/** Organisations, collegiate bodies, the states catalogue and the home-page summary. */
export function registerDirectoryRoutes(router: ReturnType<typeof createRouter>) {
  registerCrudRoutes(router, {
    path: '/organizations',
    tag: 'Organizaciones',
    filters: z.object({ sector: z.enum(SECTORS).optional(), stateCode: StateCodeSchema.optional() }),
    createSchema: OrganizationCreateSchema,
    updateSchema: OrganizationUpdateSchema,
    service: (s) => s.organizations,
  });
  registerCrudRoutes(router, {
    path: '/bodies',
    tag: 'Órganos colegiados',
    filters: z.object({}),
    createSchema: BodyCreateSchema,
    updateSchema: BodyUpdateSchema,
    service: (s) => s.bodies,
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
    createRoute({
      method: 'get',
      path: '/history/{entity}/{id}',
      tags: ['Bitácora'],
      request: { params: z.object({ entity: z.enum(AUDITED_ENTITIES), id: z.string().uuid() }) },
      responses: { 200: jsonResponse('Cambios del registro, del más reciente al más antiguo', z.array(z.looseObject({}))), ...errorResponses },
    }),
    async (c) => c.json(await c.var.services.history.list(c.req.valid('param').entity, c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({ ...PUBLIC_ROUTE, method: 'get', path: '/states', tags: ['Catálogos'], responses: { 200: jsonResponse('Las 32 entidades federativas', z.array(z.looseObject({}))) } }),
    async (c) => c.json(await c.var.services.catalogue.listStates(), 200),
  );
  router.openapi(
    createRoute({ method: 'get', path: '/dashboard', tags: ['Inicio'], responses: { 200: jsonResponse('Conteos y acuerdos próximos a vencer') } }),
    async (c) => c.json(await c.var.services.dashboard.get(), 200),
  );
}
