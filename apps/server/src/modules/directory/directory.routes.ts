import {
  FocalPointCreateSchema,
  MembershipCreateSchema,
  MembershipViewSchema,
  OrganizationCreateSchema,
  OrganizationDetailViewSchema,
  OrganizationPageSchema,
  OrganizationUpdateSchema,
  OrganizationViewSchema,
  SECTORS,
  StateCodeSchema,
  StateViewSchema,
} from '@telar/domain';
import { z } from 'zod';
import { apiRoute, type createRouter, jsonCreateRoute, jsonResponse, PUBLIC_ROUTE } from '../../platform/http/router.js';
import { registerCrudRoutes } from '../../platform/http/crud-routes.js';

/** Organisations, memberships and focal points, and the states catalogue. */
export function registerDirectoryRoutes(router: ReturnType<typeof createRouter>) {
  registerCrudRoutes(router, {
    path: '/organizations',
    tag: 'Organizaciones',
    names: { one: 'Organization', many: 'Organizations', label: 'una organización', labelMany: 'organizaciones' },
    filters: z.object({ sector: z.enum(SECTORS).optional(), stateCode: StateCodeSchema.optional() }),
    createSchema: OrganizationCreateSchema,
    updateSchema: OrganizationUpdateSchema,
    listSchema: OrganizationPageSchema,
    viewSchema: OrganizationDetailViewSchema,
    savedSchema: OrganizationViewSchema,
    service: (s) => s.organizations,
    isExportable: true,
  });
  router.openapi(
    jsonCreateRoute({
      path: '/memberships',
      tag: 'Órganos colegiados',
      operationId: 'createMembership',
      summary: 'Registrar la integración de una organización en un órgano',
      schema: MembershipCreateSchema,
      response: MembershipViewSchema,
      description: 'Integración registrada',
    }),
    async (c) => c.json(await c.var.services.memberships.create(c.req.valid('json') as z.output<typeof MembershipCreateSchema>), 201),
  );
  router.openapi(
    jsonCreateRoute({
      path: '/focal-points',
      tag: 'Órganos colegiados',
      operationId: 'createFocalPoint',
      summary: 'Registrar un enlace de una integración',
      schema: FocalPointCreateSchema,
      response: MembershipViewSchema,
      description: 'Enlace registrado; la integración con sus enlaces',
    }),
    async (c) => c.json(await c.var.services.memberships.addFocalPoint(c.req.valid('json') as z.output<typeof FocalPointCreateSchema>), 201),
  );
  router.openapi(
    apiRoute({
      ...PUBLIC_ROUTE,
      method: 'get',
      path: '/states',
      tags: ['Catálogos'],
      operationId: 'listStates',
      summary: 'Listar las entidades federativas',
      description: 'Catálogo de las entidades del INEGI (Marco Geoestadístico) con su clave ISO 3166-2:MX; el INEGI lo publica para libre uso.',
      responses: { 200: jsonResponse('Las 32 entidades federativas', z.array(StateViewSchema)) },
    }),
    async (c) => c.json(await c.var.services.catalogue.listStates(), 200),
  );
}
