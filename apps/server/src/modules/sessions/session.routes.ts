import {
  AGREEMENT_STATUSES,
  AgreementCreateSchema,
  AgreementRecordViewSchema,
  AgreementPageSchema,
  AgreementUpdateSchema,
  AgreementViewSchema,
  FollowUpCreateSchema,
  FollowUpViewSchema,
  IdSchema,
  IsoDateSchema,
  ParticipationCreateSchema,
  ParticipationUpdateSchema,
  ParticipationViewSchema,
  SESSION_KINDS,
  SessionCreateSchema,
  SessionRecordViewSchema,
  SessionPageSchema,
  SessionUpdateSchema,
  SessionViewSchema,
  StateCodeSchema,
} from '@telar/domain';
import { z } from 'zod';
import { apiRoute, type createRouter, IdParamsSchema, jsonCreateRoute, jsonResponse } from '../../platform/http/router.js';
import { registerCrudRoutes } from '../../platform/http/crud-routes.js';

/** Sessions with their participations, agreements and follow-ups. */
export function registerSessionRoutes(router: ReturnType<typeof createRouter>) {
  const period = { from: IsoDateSchema.optional(), to: IsoDateSchema.optional() };
  registerCrudRoutes(router, {
    path: '/sessions',
    tag: 'Sesiones',
    names: { one: 'Session', many: 'Sessions', label: 'una sesión', labelMany: 'sesiones' },
    filters: z.object({ bodyId: IdSchema.optional(), kind: z.enum(SESSION_KINDS).optional(), organizationId: IdSchema.optional(), ...period }),
    createSchema: SessionCreateSchema,
    updateSchema: SessionUpdateSchema,
    listSchema: SessionPageSchema,
    viewSchema: SessionRecordViewSchema,
    savedSchema: SessionViewSchema,
    service: (s) => s.sessions,
    isPublishable: true,
    isExportable: true,
  });
  registerCrudRoutes(router, {
    path: '/agreements',
    tag: 'Acuerdos',
    names: { one: 'Agreement', many: 'Agreements', label: 'un acuerdo', labelMany: 'acuerdos' },
    filters: z.object({
      status: z.enum(AGREEMENT_STATUSES).optional(),
      bodyId: IdSchema.optional(),
      organizationId: IdSchema.optional(),
      stateCode: StateCodeSchema.optional(),
      isOverdue: z.stringbool({ error: 'Escriba true o false.' }).optional(),
      ...period,
    }),
    createSchema: AgreementCreateSchema,
    updateSchema: AgreementUpdateSchema,
    listSchema: AgreementPageSchema,
    viewSchema: AgreementRecordViewSchema,
    savedSchema: AgreementViewSchema,
    service: (s) => s.agreements,
    isPublishable: true,
    isExportable: true,
  });

  router.openapi(
    jsonCreateRoute({
      path: '/participations',
      tag: 'Sesiones',
      operationId: 'createParticipation',
      summary: 'Registrar una participación en una sesión',
      schema: ParticipationCreateSchema,
      response: ParticipationViewSchema,
      description: 'Participación registrada',
    }),
    async (c) => c.json(await c.var.services.sessions.addParticipation(c.req.valid('json') as z.output<typeof ParticipationCreateSchema>), 201),
  );
  router.openapi(
    apiRoute({
      method: 'patch',
      path: '/participations/{id}',
      tags: ['Sesiones'],
      operationId: 'updateParticipation',
      summary: 'Editar una participación',
      request: { params: IdParamsSchema, body: { content: { 'application/json': { schema: ParticipationUpdateSchema } }, required: true } },
      responses: { 200: jsonResponse('Participación actualizada', ParticipationViewSchema) },
      errors: [404, 409],
    }),
    async (c) =>
      c.json(await c.var.services.sessions.updateParticipation(c.req.valid('param').id, c.req.valid('json') as z.output<typeof ParticipationUpdateSchema>), 200),
  );
  router.openapi(
    jsonCreateRoute({
      path: '/follow-ups',
      tag: 'Acuerdos',
      operationId: 'createFollowUp',
      summary: 'Registrar el seguimiento de un acuerdo o de una participación',
      schema: FollowUpCreateSchema,
      response: FollowUpViewSchema,
      description: 'Seguimiento registrado',
    }),
    async (c) => c.json(await c.var.services.agreements.addFollowUp(c.req.valid('json') as z.output<typeof FollowUpCreateSchema>), 201),
  );
}
