import {
  AnswerUpdateSchema,
  CARRIED_DECISIONS,
  CarriedDecisionSchema,
  ConsolidatedReplySchema,
  ConsolidationQuestionViewSchema,
  ConsolidationViewSchema,
  PublicReplyRefSchema,
  QuestionnaireImportResultSchema,
  QuestionnaireImportSchema,
  REPLY_FORMATS,
} from '@telar/domain';
import { z } from 'zod';
import { formatMegabytes, IMPORT_MAX_BYTES } from '../../platform/documents/import-limits.js';
import { registerLifecycleRoutes } from '../../platform/http/crud-routes.js';
import { sendDownload } from '../../platform/http/download.js';
import {
  apiRoute,
  CONTENT_TYPES,
  type createRouter,
  fileResponse,
  formFile,
  IdParamsSchema,
  jsonResponse,
  OPEN_DATA_TERMS,
  PUBLIC_ROUTE,
  readFormFile,
} from '../../platform/http/router.js';

const tag = 'Cuestionarios';
const ImportFileFormSchema = QuestionnaireImportSchema.pick({ bodyId: true }).extend({
  file: formFile(`La respuesta enviada: texto o Markdown en UTF-8 (.txt, .md) o Word (.docx), hasta ${formatMegabytes(IMPORT_MAX_BYTES)}`),
  dryRun: z.enum(['true', 'false']).default('true').describe('«true» simula la importación sin guardar nada; «false» la guarda'),
});
const QuestionParamsSchema = IdParamsSchema.extend({ questionId: z.string().uuid({ message: 'Identificador no válido.' }) });

/** Consolidating an exercise's reply, its publication, and the published replies on the portal. */
export function registerConsolidationRoutes(router: ReturnType<typeof createRouter>) {
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/questionnaire-exercises/import',
      tags: [tag],
      operationId: 'importQuestionnaireReply',
      summary: 'Importar una respuesta ya enviada (su texto) como ejercicio cerrado, o simularlo con dryRun',
      description: 'Importar dos veces el mismo documento (misma referencia, o mismo título sin referencia) no crea nada nuevo.',
      request: { body: { content: { 'application/json': { schema: QuestionnaireImportSchema } }, required: true } },
      responses: { 200: jsonResponse('Lo que se creó (o se crearía)', QuestionnaireImportResultSchema) },
    }),
    async (c) => {
      const { text, bodyId, dryRun } = c.req.valid('json');
      return c.json(await c.var.services.questionnaireImport.importText(text, { bodyId, dryRun }), 200);
    },
  );
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/questionnaire-exercises/import-file',
      tags: [tag],
      operationId: 'importQuestionnaireReplyFile',
      summary: 'Importar una respuesta ya enviada desde su archivo (.txt, .md o .docx) como ejercicio cerrado, o simularlo con dryRun',
      description: 'Lo mismo que importar su texto: importar dos veces el mismo documento no crea nada nuevo. Un texto que no está en UTF-8 o un Word dañado se rechazan (422).',
      request: { body: { content: { 'multipart/form-data': { schema: ImportFileFormSchema } }, required: true } },
      responses: { 200: jsonResponse('Lo que se creó (o se crearía)', QuestionnaireImportResultSchema) },
    }),
    async (c) => {
      const { file, bodyId, dryRun } = c.req.valid('form') as z.output<typeof ImportFileFormSchema>;
      const reply = await readFormFile(file);
      return c.json(await c.var.services.questionnaireImport.importFile(reply, { bodyId, dryRun: dryRun === 'true' }), 200);
    },
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/questionnaire-exercises/{id}/consolidation',
      tags: [tag],
      operationId: 'getExerciseConsolidation',
      summary: 'Consolidar la respuesta: cada pregunta con su respuesta oficial, las aportaciones aceptadas, lo pendiente y lo que Telar propone',
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('Lo necesario para consolidar', ConsolidationViewSchema) },
      errors: [403, 404],
    }),
    async (c) => c.json(await c.var.services.consolidation.getConsolidation(c.req.valid('param').id), 200),
  );
  router.openapi(
    apiRoute({
      method: 'put',
      path: '/questionnaire-exercises/{id}/questions/{questionId}/answer',
      tags: [tag],
      operationId: 'updateOfficialAnswer',
      summary: 'Guardar la respuesta oficial de una pregunta',
      description:
        'Cada bloque lleva en `sources` las organizaciones de las que viene: solo organizaciones con una aportación aceptada a la pregunta o nombradas como contribuyentes del ejercicio. ' +
        'Lleva la `version` de la respuesta; si cambió, responde 409.',
      request: { params: QuestionParamsSchema, body: { content: { 'application/json': { schema: AnswerUpdateSchema } }, required: true } },
      responses: { 200: jsonResponse('La pregunta con su respuesta guardada', ConsolidationQuestionViewSchema) },
      errors: [404, 409],
    }),
    async (c) => {
      const { id, questionId } = c.req.valid('param');
      return c.json(await c.var.services.consolidation.updateAnswer(id, questionId, c.req.valid('json')), 200);
    },
  );
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/questionnaire-exercises/{id}/questions/{questionId}/carried/{decision}',
      tags: [tag],
      operationId: 'decideCarriedAnswer',
      summary: 'Usar o descartar la respuesta del ejercicio anterior',
      description: 'Usarla la vuelve la respuesta si está vacía, o agrega sus bloques al final; en ambos casos deja de proponerse.',
      request: {
        params: QuestionParamsSchema.extend({ decision: z.enum(CARRIED_DECISIONS) }),
        body: { content: { 'application/json': { schema: CarriedDecisionSchema } }, required: true },
      },
      responses: { 200: jsonResponse('La pregunta con su respuesta', ConsolidationQuestionViewSchema) },
      errors: [404, 409],
    }),
    async (c) => {
      const { id, questionId, decision } = c.req.valid('param');
      return c.json(await c.var.services.consolidation.decideCarried(id, questionId, decision, c.req.valid('json').version), 200);
    },
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/questionnaire-exercises/{id}/reply',
      tags: [tag],
      operationId: 'downloadQuestionnaireReply',
      summary: 'Descargar la respuesta consolidada en Word, Markdown o JSON',
      request: { params: IdParamsSchema, query: z.object({ format: z.enum(REPLY_FORMATS).default('docx') }) },
      responses: { 200: fileResponse('La respuesta, con el anexo de aportaciones', [CONTENT_TYPES.docx, CONTENT_TYPES.markdown, CONTENT_TYPES.json]) },
      errors: [404],
    }),
    async (c) => sendDownload(c, await c.var.services.consolidation.exportReply(c.req.valid('param').id, c.req.valid('query').format)),
  );
  registerLifecycleRoutes(router, {
    path: '/questionnaire-exercises',
    tag,
    names: { one: 'QuestionnaireReply', many: 'QuestionnaireReplies', label: 'la respuesta de un ejercicio', labelMany: 'respuestas de ejercicios' },
    actions: ['publish', 'unpublish'],
    service: (c) => c.var.services.consolidation,
  });

  const publicRoute = { ...PUBLIC_ROUTE, method: 'get' as const, tags: ['Portal público y datos abiertos'], description: OPEN_DATA_TERMS };
  router.openapi(
    apiRoute({
      ...publicRoute,
      path: '/public/questionnaire-replies',
      operationId: 'listPublicQuestionnaireReplies',
      summary: 'Listar las respuestas a cuestionarios publicadas',
      responses: { 200: jsonResponse('Respuestas publicadas, la más reciente primero', z.array(PublicReplyRefSchema)) },
    }),
    async (c) => c.json(await c.var.services.publicReplies.listReplies(), 200),
  );
  router.openapi(
    apiRoute({
      ...publicRoute,
      path: '/public/questionnaire-replies/{id}',
      operationId: 'getPublicQuestionnaireReply',
      summary: 'Consultar una respuesta a un cuestionario publicada',
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('La respuesta consolidada, con las organizaciones que aportaron', ConsolidatedReplySchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.publicReplies.getReply(c.req.valid('param').id), 200),
  );
}
