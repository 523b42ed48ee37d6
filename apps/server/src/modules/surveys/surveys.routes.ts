import {
  SurveyActionSchema,
  SurveyCreateSchema,
  SurveyListSchema,
  SurveyOpenResultSchema,
  SurveyRatesViewSchema,
  SurveyRemindResultSchema,
  SurveyUpdateSchema,
  SurveyViewSchema,
} from '@telar/domain';
import type { z } from 'zod';
import { apiRoute, type createRouter, IdParamsSchema, jsonResponse } from '../../platform/http/router.js';

export const SURVEYS_TAG = 'Encuestas';

const jsonBody = <Schema extends z.ZodType>(schema: Schema) => ({ content: { 'application/json': { schema } }, required: true });

/** A network's surveys, for its coordination: drafts, opening with personal links, reminders, closing, response rates. */
export function registerSurveyRoutes(router: ReturnType<typeof createRouter>) {
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/networks/{id}/surveys',
      tags: [SURVEYS_TAG],
      operationId: 'listNetworkSurveys',
      summary: 'Listar las encuestas de una red',
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('Encuestas de la red', SurveyListSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.surveys.list(c.req.valid('param').id), 200),
  );
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/networks/{id}/surveys',
      tags: [SURVEYS_TAG],
      operationId: 'createNetworkSurvey',
      summary: 'Registrar una encuesta de la red (borrador)',
      request: { params: IdParamsSchema, body: jsonBody(SurveyCreateSchema) },
      responses: { 201: jsonResponse('Encuesta registrada como borrador', SurveyViewSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.surveys.create(c.req.valid('param').id, c.req.valid('json') as z.output<typeof SurveyCreateSchema>), 201),
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/surveys/{id}',
      tags: [SURVEYS_TAG],
      operationId: 'getSurvey',
      summary: 'Consultar una encuesta',
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('La encuesta', SurveyViewSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.surveys.get(c.req.valid('param').id), 200),
  );
  router.openapi(
    apiRoute({
      method: 'patch',
      path: '/surveys/{id}',
      tags: [SURVEYS_TAG],
      operationId: 'updateSurvey',
      summary: 'Modificar una encuesta (preguntas, destinatarios y anonimato solo en borrador)',
      request: { params: IdParamsSchema, body: jsonBody(SurveyUpdateSchema) },
      responses: { 200: jsonResponse('La encuesta modificada', SurveyViewSchema) },
      errors: [404, 409],
    }),
    async (c) => c.json(await c.var.services.surveys.update(c.req.valid('param').id, c.req.valid('json') as z.output<typeof SurveyUpdateSchema>), 200),
  );
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/surveys/{id}/open',
      tags: [SURVEYS_TAG],
      operationId: 'openSurvey',
      summary: 'Abrir la encuesta: invitar a sus destinatarios con un enlace personal por correo',
      description: 'Los integrantes vigentes del público elegido reciben una invitación; quienes no tienen correo se cuentan aparte (su enlace se entrega por otra vía).',
      request: { params: IdParamsSchema, body: jsonBody(SurveyActionSchema) },
      responses: { 200: jsonResponse('Invitaciones creadas y correos en cola', SurveyOpenResultSchema) },
      errors: [404, 409],
    }),
    async (c) => c.json(await c.var.services.surveys.open(c.req.valid('param').id, c.req.valid('json').version), 200),
  );
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/surveys/{id}/remind',
      tags: [SURVEYS_TAG],
      operationId: 'remindSurvey',
      summary: 'Enviar un recordatorio a quienes no han respondido',
      description: 'Cada recordatorio lleva un enlace personal nuevo; el anterior deja de servir.',
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('Recordatorios en cola', SurveyRemindResultSchema) },
      errors: [404, 409],
    }),
    async (c) => c.json(await c.var.services.surveys.remind(c.req.valid('param').id), 200),
  );
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/surveys/{id}/close',
      tags: [SURVEYS_TAG],
      operationId: 'closeSurvey',
      summary: 'Cerrar la encuesta: no recibe más respuestas',
      request: { params: IdParamsSchema, body: jsonBody(SurveyActionSchema) },
      responses: { 200: jsonResponse('La encuesta cerrada', SurveyViewSchema) },
      errors: [404, 409],
    }),
    async (c) => c.json(await c.var.services.surveys.close(c.req.valid('param').id, c.req.valid('json').version), 200),
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/surveys/{id}/rates',
      tags: [SURVEYS_TAG],
      operationId: 'getSurveyRates',
      summary: 'Tasa de respuesta de las organizaciones invitadas: total y por estado, sector y comisión',
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('Tasas de respuesta', SurveyRatesViewSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.surveys.rates(c.req.valid('param').id), 200),
  );
}
