import {
  PublicSurveySummaryViewSchema,
  SurveyResultsExportQuerySchema,
  SurveyAnswerThemesSchema,
  SurveyOpenAnswersQuerySchema,
  SurveyOpenAnswerViewSchema,
  SurveyPublicationSchema,
  SurveyPublicationViewSchema,
  SurveyResultsQuerySchema,
  SurveyResultsViewSchema,
  SurveyThemeCreateSchema,
  SurveyThemesQuerySchema,
  SurveyThemeUpdateSchema,
  SurveyThemeViewSchema,
} from '@telar/domain';
import { z } from 'zod';
import { sendDownload } from '../../platform/http/download.js';
import { apiRoute, CONTENT_TYPES, type createRouter, fileResponse, IdParamsSchema, jsonResponse, OPEN_DATA_TERMS, PUBLIC_ROUTE } from '../../platform/http/router.js';

const tag = 'Encuestas';
const publicTag = 'Portal público y datos abiertos';
const SUPPRESSION = 'Ningún segmento de menos de 5 respuestas se muestra solo: los pequeños se reúnen en «Otros» cuando juntos llegan a 5; pedir uno oculto da `suppressed: true` sin cifras.';

const ThemeParamsSchema = z.object({ themeId: z.string().uuid({ message: 'Identificador no válido.' }) });
/** An open answer is named by its response's random id (and the question, in the body), never by the answers' sequence. */
const AnswerParamsSchema = IdParamsSchema.extend({ answerId: z.uuid() });

/** Results of a survey, the theme coding of its open answers, their publication and the portal's view. */
export function registerSurveyResultsRoutes(router: ReturnType<typeof createRouter>) {
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/surveys/{id}/results',
      tags: [tag],
      operationId: 'getSurveyResults',
      summary: 'Consultar los resultados de una encuesta, en total o de un segmento (entidad, sector o comisión)',
      description: `Para la coordinación de la red (administración y secretaría técnica). Opción múltiple contada por personas y por menciones. ${SUPPRESSION}`,
      request: { params: IdParamsSchema, query: SurveyResultsQuerySchema },
      responses: { 200: jsonResponse('Resultados', SurveyResultsViewSchema) },
      errors: [403, 404],
    }),
    async (c) => c.json(await c.var.services.surveyResults.results(c.req.valid('param').id, c.req.valid('query')), 200),
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/surveys/{id}/results/export',
      tags: [tag],
      operationId: 'exportSurveyResults',
      summary: 'Descargar los resultados de una encuesta (o de un segmento) en Excel o CSV',
      description: SUPPRESSION,
      request: { params: IdParamsSchema, query: SurveyResultsExportQuerySchema },
      responses: { 200: fileResponse('Los resultados como archivo', [CONTENT_TYPES.xlsx, CONTENT_TYPES.csv] as const) },
      errors: [403, 404],
    }),
    async (c) => {
      const { format, ...query } = c.req.valid('query');
      return sendDownload(c, await c.var.services.surveyResults.exportResults(c.req.valid('param').id, query, format));
    },
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/surveys/{id}/open-answers',
      tags: [tag],
      operationId: 'listSurveyOpenAnswers',
      summary: 'Listar las respuestas a una pregunta abierta con sus temas',
      description: 'La organización solo aparece en respuestas con nombre; nunca en las anónimas. En orden alfabético, no de llegada.',
      request: { params: IdParamsSchema, query: SurveyOpenAnswersQuerySchema },
      responses: { 200: jsonResponse('Respuestas abiertas', z.array(SurveyOpenAnswerViewSchema)) },
      errors: [403, 404],
    }),
    async (c) => c.json(await c.var.services.surveyResults.openAnswers(c.req.valid('param').id, c.req.valid('query')), 200),
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/surveys/{id}/themes',
      tags: [tag],
      operationId: 'listSurveyThemes',
      summary: 'Listar los temas de las preguntas abiertas, con cuántas respuestas tiene cada uno',
      request: { params: IdParamsSchema, query: SurveyThemesQuerySchema },
      responses: { 200: jsonResponse('Temas', z.array(SurveyThemeViewSchema)) },
      errors: [403, 404],
    }),
    async (c) => c.json(await c.var.services.surveyResults.listThemes(c.req.valid('param').id, c.req.valid('query').questionKey), 200),
  );
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/surveys/{id}/themes',
      tags: [tag],
      operationId: 'createSurveyTheme',
      summary: 'Crear un tema para codificar las respuestas de una pregunta abierta',
      request: { params: IdParamsSchema, body: { content: { 'application/json': { schema: SurveyThemeCreateSchema } }, required: true } },
      responses: { 201: jsonResponse('Tema creado', SurveyThemeViewSchema) },
      errors: [404, 409],
    }),
    async (c) => c.json(await c.var.services.surveyResults.createTheme(c.req.valid('param').id, c.req.valid('json') as z.output<typeof SurveyThemeCreateSchema>), 201),
  );
  router.openapi(
    apiRoute({
      method: 'patch',
      path: '/surveys/themes/{themeId}',
      tags: [tag],
      operationId: 'updateSurveyTheme',
      summary: 'Cambiar el nombre, la descripción o el orden de un tema',
      request: { params: ThemeParamsSchema, body: { content: { 'application/json': { schema: SurveyThemeUpdateSchema } }, required: true } },
      responses: { 200: jsonResponse('Tema', SurveyThemeViewSchema) },
      errors: [404, 409],
    }),
    async (c) => c.json(await c.var.services.surveyResults.updateTheme(c.req.valid('param').themeId, c.req.valid('json') as z.output<typeof SurveyThemeUpdateSchema>), 200),
  );
  router.openapi(
    apiRoute({
      method: 'delete',
      path: '/surveys/themes/{themeId}',
      tags: [tag],
      operationId: 'deleteSurveyTheme',
      summary: 'Quitar un tema (las respuestas codificadas con él dejan de contar para él)',
      request: { params: ThemeParamsSchema },
      responses: { 204: { description: 'Tema quitado' } },
      errors: [404],
    }),
    async (c) => {
      await c.var.services.surveyResults.deleteTheme(c.req.valid('param').themeId);
      return c.body(null, 204);
    },
  );
  router.openapi(
    apiRoute({
      method: 'put',
      path: '/surveys/{id}/answers/{answerId}/themes',
      tags: [tag],
      operationId: 'setSurveyAnswerThemes',
      summary: 'Codificar una respuesta abierta con temas y marcarla como cita de algunos',
      request: { params: AnswerParamsSchema, body: { content: { 'application/json': { schema: SurveyAnswerThemesSchema } }, required: true } },
      responses: { 200: jsonResponse('La respuesta con sus temas', SurveyOpenAnswerViewSchema) },
      errors: [404],
    }),
    async (c) => {
      const { id, answerId } = c.req.valid('param');
      return c.json(await c.var.services.surveyResults.setAnswerThemes(id, answerId, c.req.valid('json') as z.output<typeof SurveyAnswerThemesSchema>), 200);
    },
  );
  router.openapi(
    apiRoute({
      method: 'put',
      path: '/surveys/{id}/publication',
      tags: [tag],
      operationId: 'setSurveyPublication',
      summary: 'Elegir las preguntas cuyos resultados se publican en el portal (ninguna: se retiran)',
      description: 'Solo se publica una encuesta cerrada; retirar se puede siempre.',
      request: { params: IdParamsSchema, body: { content: { 'application/json': { schema: SurveyPublicationSchema } }, required: true } },
      responses: { 200: jsonResponse('Lo publicado', SurveyPublicationViewSchema) },
      errors: [404, 409],
    }),
    async (c) => c.json(await c.var.services.surveyResults.setPublication(c.req.valid('param').id, c.req.valid('json').questionKeys), 200),
  );

  const publicRoute = { ...PUBLIC_ROUTE, method: 'get' as const, tags: [publicTag] };
  router.openapi(
    apiRoute({
      ...publicRoute,
      path: '/public/surveys',
      operationId: 'listPublicSurveys',
      summary: 'Listar las encuestas con resultados publicados',
      description: OPEN_DATA_TERMS,
      responses: { 200: jsonResponse('Encuestas publicadas', z.array(PublicSurveySummaryViewSchema)) },
    }),
    async (c) => c.json(await c.var.services.surveyResults.listPublic(), 200),
  );
  router.openapi(
    apiRoute({
      ...publicRoute,
      path: '/public/surveys/{id}/results',
      operationId: 'getPublicSurveyResults',
      summary: 'Consultar los resultados publicados de una encuesta',
      description: `Solo las preguntas publicadas y las citas que la coordinación marcó; nunca una organización ni una persona. ${SUPPRESSION} ${OPEN_DATA_TERMS}`,
      request: { params: IdParamsSchema, query: SurveyResultsQuerySchema },
      responses: { 200: jsonResponse('Resultados publicados', SurveyResultsViewSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.surveyResults.publicResults(c.req.valid('param').id, c.req.valid('query')), 200),
  );
}
