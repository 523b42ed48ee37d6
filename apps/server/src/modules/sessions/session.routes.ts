import { createRoute } from '@hono/zod-openapi';
import {
  AGREEMENT_STATUSES,
  AgreementCreateSchema,
  AgreementUpdateSchema,
  FollowUpCreateSchema,
  IdSchema,
  IsoDateSchema,
  ParticipationCreateSchema,
  ParticipationUpdateSchema,
  SESSION_KINDS,
  SessionCreateSchema,
  SessionUpdateSchema,
  StateCodeSchema,
} from '@telar/domain';
import { z } from 'zod';
import { type createRouter, errorResponses, IdParamsSchema, jsonCreateRoute, jsonResponse } from '../../platform/http/router.js';
import { registerCrudRoutes } from '../../platform/http/crud-routes.js';

/** Sessions with their participations, agreements and follow-ups. */
export function registerSessionRoutes(router: ReturnType<typeof createRouter>) {
  const period = { from: IsoDateSchema.optional(), to: IsoDateSchema.optional() };
  registerCrudRoutes(router, {
    path: '/sessions',
    tag: 'Sesiones',
    filters: z.object({ bodyId: IdSchema.optional(), kind: z.enum(SESSION_KINDS).optional(), organizationId: IdSchema.optional(), ...period }),
    createSchema: SessionCreateSchema,
    updateSchema: SessionUpdateSchema,
    service: (s) => s.sessions,
    isPublishable: true,
  });
  registerCrudRoutes(router, {
    path: '/agreements',
    tag: 'Acuerdos',
    filters: z.object({
      status: z.enum(AGREEMENT_STATUSES).optional(),
      bodyId: IdSchema.optional(),
      organizationId: IdSchema.optional(),
      stateCode: StateCodeSchema.optional(),
      ...period,
    }),
    createSchema: AgreementCreateSchema,
    updateSchema: AgreementUpdateSchema,
    service: (s) => s.agreements,
    isPublishable: true,
  });

  router.openapi(
    jsonCreateRoute({ path: '/participations', tag: 'Sesiones', schema: ParticipationCreateSchema, description: 'Participación registrada' }),
    async (c) => c.json(await c.var.services.sessions.addParticipation(c.req.valid('json') as z.output<typeof ParticipationCreateSchema>), 201),
  );
  router.openapi(
    createRoute({
      method: 'patch',
      path: '/participations/{id}',
      tags: ['Sesiones'],
      request: { params: IdParamsSchema, body: { content: { 'application/json': { schema: ParticipationUpdateSchema } }, required: true } },
      responses: { 200: jsonResponse('Participación actualizada'), ...errorResponses },
    }),
    async (c) =>
      c.json(await c.var.services.sessions.updateParticipation(c.req.valid('param').id, c.req.valid('json') as z.output<typeof ParticipationUpdateSchema>), 200),
  );
  router.openapi(
    jsonCreateRoute({ path: '/follow-ups', tag: 'Acuerdos', schema: FollowUpCreateSchema, description: 'Seguimiento registrado' }),
    async (c) => c.json(await c.var.services.agreements.addFollowUp(c.req.valid('json') as z.output<typeof FollowUpCreateSchema>), 201),
  );
}
