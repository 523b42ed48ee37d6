import { createRoute } from '@hono/zod-openapi';
import {
  BodyCreateSchema,
  BodyUpdateSchema,
  OrganizationCreateSchema,
  OrganizationUpdateSchema,
  SECTORS,
  StateCodeSchema,
} from '@telar/domain';
import { z } from 'zod';
import type { createRouter } from '../http/validation.js';
import { jsonResponse } from '../http/validation.js';
import { registerCrudRoutes } from './crud.js';

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
    createRoute({ method: 'get', path: '/states', tags: ['Catálogos'], responses: { 200: jsonResponse('Las 32 entidades federativas', z.array(z.looseObject({}))) } }),
    async (c) => c.json(await c.var.services.catalogue.listStates(), 200),
  );
  router.openapi(
    createRoute({ method: 'get', path: '/dashboard', tags: ['Inicio'], responses: { 200: jsonResponse('Conteos y acuerdos próximos a vencer') } }),
    async (c) => c.json(await c.var.services.dashboard.get(), 200),
  );
}
