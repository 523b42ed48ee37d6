import {
  AssignmentCreateSchema,
  ContributionReviewSchema,
  ContributionUpdateSchema,
  ContributionViewSchema,
  EXERCISE_STATUSES,
  ExerciseBoardViewSchema,
  ExerciseCreateSchema,
  ExerciseDetailViewSchema,
  ExercisePageSchema,
  ExerciseUpdateSchema,
  IdSchema,
  MyContributionPageSchema,
  PageQuerySchema,
  TemplateCreateSchema,
  TemplateDetailViewSchema,
  TemplatePageSchema,
  TemplateUpdateSchema,
  TemplateXlsFormImportResultSchema,
  VersionOnlySchema,
} from '@telar/domain';
import { z } from 'zod';
import { formatMegabytes, IMPORT_MAX_BYTES } from '../../platform/documents/import-limits.js';
import { apiRoute, type createRouter, formFile, IdParamsSchema, jsonCreateRoute, jsonResponse, readFormFile } from '../../platform/http/router.js';

const tag = 'Cuestionarios';

const XlsFormImportFormSchema = TemplateCreateSchema.omit({ definition: true }).extend({
  file: formFile(`El libro XLSForm (.xlsx, hasta ${formatMegabytes(IMPORT_MAX_BYTES)}): la hoja survey con las preguntas, la hoja choices con sus opciones`),
});

const jsonBody = <Schema extends z.ZodType>(schema: Schema) => ({ content: { 'application/json': { schema } }, required: true });

/** Templates, exercises and their assignments, the board, and contributions reviewed per question. */
export function registerQuestionnaireRoutes(router: ReturnType<typeof createRouter>) {
  // ── Templates
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/questionnaire-templates',
      tags: [tag],
      operationId: 'listQuestionnaireTemplates',
      summary: 'Listar las plantillas de cuestionario',
      request: { query: PageQuerySchema.extend({ bodyId: IdSchema.optional() }) },
      responses: { 200: jsonResponse('Página de plantillas', TemplatePageSchema) },
    }),
    async (c) => {
      const { page, pageSize, ...filter } = c.req.valid('query');
      return c.json(await c.var.services.questionnaireTemplates.list(filter, { page, pageSize }), 200);
    },
  );
  router.openapi(
    jsonCreateRoute({
      path: '/questionnaire-templates',
      tag,
      operationId: 'createQuestionnaireTemplate',
      summary: 'Registrar una plantilla de cuestionario',
      schema: TemplateCreateSchema,
      response: TemplateDetailViewSchema,
      description: 'Plantilla registrada con su primera versión',
      errors: [409],
    }),
    async (c) => c.json(await c.var.services.questionnaireTemplates.create(c.req.valid('json') as z.output<typeof TemplateCreateSchema>), 201),
  );
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/questionnaire-templates/import-xlsform',
      tags: [tag],
      operationId: 'importQuestionnaireTemplateXlsForm',
      summary: 'Registrar una plantilla desde un libro XLSForm (KoboToolbox, ODK); con cualquier error no se registra nada',
      description:
        'Los grupos son secciones, las repeticiones preguntas de tabla, `relevant` sencillo una condición. Cada error y cada aviso nombra la hoja, la fila y la columna.',
      request: { body: { content: { 'multipart/form-data': { schema: XlsFormImportFormSchema } }, required: true } },
      responses: { 201: jsonResponse('Plantilla registrada, con lo que se leyó solo en parte', TemplateXlsFormImportResultSchema) },
      errors: [409],
    }),
    async (c) => {
      const { file, ...fields } = c.req.valid('form') as z.output<typeof XlsFormImportFormSchema>;
      const workbook = await readFormFile(file);
      return c.json(await c.var.services.questionnaireTemplates.importXlsForm(fields, workbook.bytes), 201);
    },
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/questionnaire-templates/{id}',
      tags: [tag],
      operationId: 'getQuestionnaireTemplate',
      summary: 'Consultar una plantilla con las preguntas de su versión más reciente',
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('Plantilla', TemplateDetailViewSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.questionnaireTemplates.get(c.req.valid('param').id), 200),
  );
  router.openapi(
    apiRoute({
      method: 'put',
      path: '/questionnaire-templates/{id}',
      tags: [tag],
      operationId: 'updateQuestionnaireTemplate',
      summary: 'Editar una plantilla; si cambian sus preguntas se guarda una versión nueva',
      description: 'Lleva la `version` en la que se basa la edición (409 si alguien guardó antes). Los ejercicios conservan la versión con la que se crearon.',
      request: { params: IdParamsSchema, body: jsonBody(TemplateUpdateSchema) },
      responses: { 200: jsonResponse('Plantilla actualizada', TemplateDetailViewSchema) },
      errors: [404, 409],
    }),
    async (c) =>
      c.json(await c.var.services.questionnaireTemplates.update(c.req.valid('param').id, c.req.valid('json') as z.output<typeof TemplateUpdateSchema>), 200),
  );

  // ── Exercises
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/questionnaire-exercises',
      tags: [tag],
      operationId: 'listQuestionnaireExercises',
      summary: 'Listar los ejercicios de cuestionario',
      request: { query: PageQuerySchema.extend({ bodyId: IdSchema.optional(), templateId: IdSchema.optional(), status: z.enum(EXERCISE_STATUSES).optional() }) },
      responses: { 200: jsonResponse('Página de ejercicios', ExercisePageSchema) },
    }),
    async (c) => {
      const { page, pageSize, ...filter } = c.req.valid('query');
      return c.json(await c.var.services.questionnaireExercises.list(filter, { page, pageSize }), 200);
    },
  );
  router.openapi(
    jsonCreateRoute({
      path: '/questionnaire-exercises',
      tag,
      operationId: 'createQuestionnaireExercise',
      summary: 'Abrir un ejercicio con la versión vigente de una plantilla',
      schema: ExerciseCreateSchema,
      response: ExerciseDetailViewSchema,
      description: 'Ejercicio creado con sus preguntas (las repetidas, una por línea del plan)',
      errors: [409],
    }),
    async (c) => c.json(await c.var.services.questionnaireExercises.create(c.req.valid('json') as z.output<typeof ExerciseCreateSchema>), 201),
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/questionnaire-exercises/{id}',
      tags: [tag],
      operationId: 'getQuestionnaireExercise',
      summary: 'Consultar un ejercicio con sus preguntas y asignaciones',
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('Ejercicio', ExerciseDetailViewSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.questionnaireExercises.get(c.req.valid('param').id), 200),
  );
  router.openapi(
    apiRoute({
      method: 'put',
      path: '/questionnaire-exercises/{id}',
      tags: [tag],
      operationId: 'updateQuestionnaireExercise',
      summary: 'Editar un ejercicio, abrirlo a aportaciones o cerrarlo',
      description: 'Lleva la `version` en la que se basa la edición (409 si alguien guardó antes). El estado pasa de borrador a abierto y de abierto a cerrado.',
      request: { params: IdParamsSchema, body: jsonBody(ExerciseUpdateSchema) },
      responses: { 200: jsonResponse('Ejercicio actualizado', ExerciseDetailViewSchema) },
      errors: [404, 409],
    }),
    async (c) =>
      c.json(await c.var.services.questionnaireExercises.update(c.req.valid('param').id, c.req.valid('json') as z.output<typeof ExerciseUpdateSchema>), 200),
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/questionnaire-exercises/{id}/board',
      tags: [tag],
      operationId: 'getQuestionnaireExerciseBoard',
      summary: 'Tablero del ejercicio: estado de cada aportación por pregunta y organización',
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('Tablero', ExerciseBoardViewSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.questionnaireExercises.board(c.req.valid('param').id), 200),
  );
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/questionnaire-exercises/{id}/assignments',
      tags: [tag],
      operationId: 'assignQuestionnaireQuestions',
      summary: 'Asignar preguntas a organizaciones, con fecha límite',
      description: 'Una aportación por pregunta y organización; asignar de nuevo una pareja solo cambia su fecha límite.',
      request: { params: IdParamsSchema, body: jsonBody(AssignmentCreateSchema) },
      responses: { 200: jsonResponse('Ejercicio con sus asignaciones', ExerciseDetailViewSchema) },
      errors: [404, 409],
    }),
    async (c) =>
      c.json(await c.var.services.questionnaireExercises.assign(c.req.valid('param').id, c.req.valid('json') as z.output<typeof AssignmentCreateSchema>), 200),
  );
  router.openapi(
    apiRoute({
      method: 'delete',
      path: '/questionnaire-exercises/{id}/assignments/{contributionId}',
      tags: [tag],
      operationId: 'removeQuestionnaireAssignment',
      summary: 'Retirar una asignación mientras su aportación no se haya enviado',
      request: { params: IdParamsSchema.extend({ contributionId: z.string().uuid({ message: 'Identificador no válido.' }) }) },
      responses: { 204: { description: 'Asignación retirada' } },
      errors: [404, 409],
    }),
    async (c) => {
      const { id, contributionId } = c.req.valid('param');
      await c.var.services.questionnaireExercises.unassign(id, contributionId);
      return c.body(null, 204);
    },
  );

  // ── Contributions
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/me/questionnaire-contributions',
      tags: [tag],
      operationId: 'listMyQuestionnaireContributions',
      summary: 'Aportaciones a cargo de la persona: por redactar (enlace) o por revisar (secretaría técnica)',
      request: { query: PageQuerySchema.omit({ q: true }) },
      responses: { 200: jsonResponse('Página de aportaciones', MyContributionPageSchema) },
    }),
    async (c) => c.json(await c.var.services.contributions.listMine(c.req.valid('query')), 200),
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/questionnaire-contributions/{id}',
      tags: [tag],
      operationId: 'getContribution',
      summary: 'Consultar una aportación con la respuesta del ejercicio anterior',
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('Aportación', ContributionViewSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.contributions.get(c.req.valid('param').id), 200),
  );
  router.openapi(
    apiRoute({
      method: 'put',
      path: '/questionnaire-contributions/{id}',
      tags: [tag],
      operationId: 'updateContribution',
      summary: 'Guardar el borrador de una aportación',
      description: 'Lleva la `version` en la que se basa (409 si alguien guardó antes); una aportación enviada o aceptada no cambia (409).',
      request: { params: IdParamsSchema, body: jsonBody(ContributionUpdateSchema) },
      responses: { 200: jsonResponse('Aportación guardada', ContributionViewSchema) },
      errors: [404, 409],
    }),
    async (c) => c.json(await c.var.services.contributions.update(c.req.valid('param').id, c.req.valid('json') as z.output<typeof ContributionUpdateSchema>), 200),
  );
  const action = <Schema extends z.ZodType>(path: string, operationId: string, summary: string, schema: Schema) =>
    apiRoute({
      method: 'post',
      path,
      tags: [tag],
      operationId,
      summary,
      request: { params: IdParamsSchema, body: jsonBody(schema) },
      responses: { 200: jsonResponse(summary, ContributionViewSchema) },
      errors: [404, 409],
    });
  router.openapi(action('/questionnaire-contributions/{id}/submit', 'submitContribution', 'Enviar una aportación a revisión', VersionOnlySchema), async (c) =>
    c.json(await c.var.services.contributions.submit(c.req.valid('param').id, c.req.valid('json').version), 200),
  );
  router.openapi(action('/questionnaire-contributions/{id}/accept', 'acceptContribution', 'Aceptar una aportación', ContributionReviewSchema), async (c) =>
    c.json(await c.var.services.contributions.accept(c.req.valid('param').id, c.req.valid('json') as z.output<typeof ContributionReviewSchema>), 200),
  );
  router.openapi(
    action('/questionnaire-contributions/{id}/send-back', 'sendBackContribution', 'Devolver una aportación con un comentario', ContributionReviewSchema),
    async (c) => c.json(await c.var.services.contributions.sendBack(c.req.valid('param').id, c.req.valid('json') as z.output<typeof ContributionReviewSchema>), 200),
  );
}
