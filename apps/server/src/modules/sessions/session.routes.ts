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
  SessionAgendaReplaceSchema,
  SessionAgendaViewSchema,
  SessionAttendanceReplaceSchema,
  SessionAttendanceViewSchema,
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

  registerAssemblyRoutes(router);

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

/** A session's programme and attendance (an assembly's above all), each read and replaced as a whole. */
function registerAssemblyRoutes(router: ReturnType<typeof createRouter>) {
  const tags = ['Sesiones'];
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/sessions/{id}/agenda',
      tags,
      operationId: 'getSessionAgenda',
      summary: 'Consultar el orden del día de una sesión',
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('Orden del día, en orden', SessionAgendaViewSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.sessions.getAgenda(c.req.valid('param').id), 200),
  );
  router.openapi(
    apiRoute({
      method: 'put',
      path: '/sessions/{id}/agenda',
      tags,
      operationId: 'replaceSessionAgenda',
      summary: 'Reemplazar el orden del día de una sesión',
      description: 'Los puntos quedan en el orden enviado; horas HH:MM (o ninguna), término no anterior al inicio, hasta 100 puntos.',
      request: { params: IdParamsSchema, body: { content: { 'application/json': { schema: SessionAgendaReplaceSchema } }, required: true } },
      responses: { 200: jsonResponse('Orden del día guardado', SessionAgendaViewSchema) },
      errors: [404, 409],
    }),
    async (c) =>
      c.json(await c.var.services.sessions.replaceAgenda(c.req.valid('param').id, c.req.valid('json') as z.output<typeof SessionAgendaReplaceSchema>), 200),
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/sessions/{id}/attendance',
      tags,
      operationId: 'getSessionAttendance',
      summary: 'Consultar las organizaciones que asistieron a una sesión',
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('Organizaciones asistentes', SessionAttendanceViewSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.sessions.getAttendance(c.req.valid('param').id), 200),
  );
  router.openapi(
    apiRoute({
      method: 'put',
      path: '/sessions/{id}/attendance',
      tags,
      operationId: 'replaceSessionAttendance',
      summary: 'Reemplazar las organizaciones que asistieron a una sesión',
      request: { params: IdParamsSchema, body: { content: { 'application/json': { schema: SessionAttendanceReplaceSchema } }, required: true } },
      responses: { 200: jsonResponse('Asistencia guardada', SessionAttendanceViewSchema) },
      errors: [404, 409],
    }),
    async (c) =>
      c.json(
        await c.var.services.sessions.replaceAttendance(c.req.valid('param').id, c.req.valid('json') as z.output<typeof SessionAttendanceReplaceSchema>),
        200,
      ),
  );
}
