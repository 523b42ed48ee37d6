import {
  CrossTabQuerySchema,
  CrossTabViewSchema,
  DATASET_DOWNLOAD_FORMATS,
  DatasetAnswerImportSchema,
  DatasetDetailViewSchema,
  DatasetImportFieldsSchema,
  DatasetImportResultSchema,
  DatasetSummaryViewSchema,
  DatasetUpdateSchema,
  PublicDatasetViewSchema,
} from '@telar/domain';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { DATASET_IMPORT_MAX_BYTES, formatMegabytes } from '../../platform/documents/import-limits.js';
import { requireStatisticsManager } from '../../platform/auth/policy.js';
import { DomainError, invalidField } from '../../platform/errors.js';
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
  OPEN_DATA_LICENCE_URL,
  OPEN_DATA_TERMS,
  PUBLIC_ROUTE,
  readFormFile,
} from '../../platform/http/router.js';
import type { TableAudience } from './statistics.service.js';

const tag = 'Estadísticas';
const publicTag = 'Portal público y datos abiertos';

/** The path of the upload, which has its own body limit (app.ts leaves it out of the JSON one). */
export const DATASET_IMPORT_PATH = '/statistics/datasets/import';

const ImportFormSchema = DatasetImportFieldsSchema.extend({
  file: formFile(`El archivo: CSV en UTF-8 (hasta ${formatMegabytes(DATASET_IMPORT_MAX_BYTES)}) o Excel (.xlsx), en forma larga o ancha`),
});
const DownloadQuerySchema = CrossTabQuerySchema.extend({ format: z.enum(DATASET_DOWNLOAD_FORMATS).default('csv') });
const DOWNLOAD_TYPES = [CONTENT_TYPES.csv, CONTENT_TYPES.xlsx, CONTENT_TYPES.json] as const;

/** Datasets, their cross-tabs and downloads; the published ones also on the portal, always in the public view. */
export function registerStatisticsRoutes(router: ReturnType<typeof createRouter>) {
  // Only a statistics manager may send up to 100 MB: anyone else is refused before the body is read.
  router.use(DATASET_IMPORT_PATH, async (c, next) => {
    requireStatisticsManager(c.var.actor);
    await next();
  });
  router.use(DATASET_IMPORT_PATH, bodyLimit({ maxSize: DATASET_IMPORT_MAX_BYTES + 64 * 1024, onError: () => { throw new DomainError('payload_too_large'); } }));
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/statistics/datasets',
      tags: [tag],
      operationId: 'listDatasets',
      summary: 'Listar los conjuntos de datos estadísticos',
      description: 'Un conjunto sin datos importados solo lo ven las personas administradoras y las secretarías técnicas.',
      responses: { 200: jsonResponse('Conjuntos de datos', z.array(DatasetSummaryViewSchema)) },
    }),
    async (c) => c.json(await c.var.services.statistics.list(), 200),
  );
  router.openapi(
    apiRoute({
      method: 'post',
      path: DATASET_IMPORT_PATH,
      tags: [tag],
      operationId: 'importDataset',
      summary: 'Importar un archivo como revisión nueva de un conjunto de datos (o simularlo con dryRun)',
      description:
        'Crea el conjunto la primera vez; después, cada importación es una revisión que dice qué se agregó, quitó o cambió. ' +
        'Un archivo idéntico a la revisión vigente no crea revisión. Con errores y la política «refuse» no se escribe nada (isRefused).',
      request: { body: { content: { 'multipart/form-data': { schema: ImportFormSchema } }, required: true } },
      responses: { 200: jsonResponse('Lo que se importó (o se importaría)', DatasetImportResultSchema) },
    }),
    async (c) => {
      const { file, ...fields } = c.req.valid('form') as z.output<typeof ImportFormSchema>;
      return c.json(await c.var.services.statistics.importFile(await readFormFile(file), fields), 200);
    },
  );
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/statistics/datasets/import-answer',
      tags: [tag],
      operationId: 'importDatasetFromAnswer',
      summary: 'Importar las tablas de la respuesta oficial a una pregunta de un cuestionario (o simularlo con dryRun)',
      request: { body: { content: { 'application/json': { schema: DatasetAnswerImportSchema } }, required: true } },
      responses: { 200: jsonResponse('Lo que se importó (o se importaría)', DatasetImportResultSchema) },
      errors: [404],
    }),
    async (c) => {
      const { exerciseId, questionNumber, ...fields } = c.req.valid('json') as z.output<typeof DatasetAnswerImportSchema>;
      const reply = await c.var.services.consolidation.buildReply(exerciseId);
      const question = reply.questions.find((candidate) => candidate.number === questionNumber.trim());
      if (!question) throw invalidField('questionNumber', `El cuestionario no tiene la pregunta ${questionNumber}.`);
      return c.json(await c.var.services.statistics.importAnswerTables(question, { ...fields, dimensions: undefined, measure: undefined, wideDimension: undefined }), 200);
    },
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/statistics/datasets/{id}',
      tags: [tag],
      operationId: 'getDataset',
      summary: 'Consultar un conjunto de datos: procedencia, dimensiones, medidas y revisiones',
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('Conjunto de datos', DatasetDetailViewSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.statistics.get(c.req.valid('param').id), 200),
  );
  router.openapi(
    apiRoute({
      method: 'patch',
      path: '/statistics/datasets/{id}',
      tags: [tag],
      operationId: 'updateDataset',
      summary: 'Cambiar la descripción, la regla de confidencialidad o los conjuntos de población y cobertura',
      description: 'El umbral de confidencialidad lo cambia solo una persona administradora, y nunca por debajo de 3.',
      request: { params: IdParamsSchema, body: { content: { 'application/json': { schema: DatasetUpdateSchema } }, required: true } },
      responses: { 200: jsonResponse('Conjunto de datos', DatasetDetailViewSchema) },
      errors: [404, 409],
    }),
    async (c) => c.json(await c.var.services.statistics.update(c.req.valid('param').id, c.req.valid('json') as z.output<typeof DatasetUpdateSchema>), 200),
  );
  registerLifecycleRoutes(router, {
    path: '/statistics/datasets',
    tag,
    names: { one: 'Dataset', many: 'Datasets', label: 'un conjunto de datos', labelMany: 'conjuntos de datos' },
    actions: ['publish', 'unpublish'],
    service: (c) => c.var.services.statistics,
  });
  registerTableRoutes(router, { path: '/statistics/datasets/{id}', tags: [tag], audience: 'session', operationPrefix: '' });

  const publicRoute = { ...PUBLIC_ROUTE, method: 'get' as const, tags: [publicTag], description: OPEN_DATA_TERMS };
  router.openapi(
    apiRoute({
      ...publicRoute,
      path: '/public/datasets',
      operationId: 'listPublicDatasets',
      summary: 'Listar los conjuntos de datos estadísticos publicados',
      responses: { 200: jsonResponse('Conjuntos de datos publicados', z.array(DatasetSummaryViewSchema)) },
    }),
    async (c) => c.json(await c.var.services.statistics.listPublic(), 200),
  );
  router.openapi(
    apiRoute({
      ...publicRoute,
      path: '/public/datasets/{id}',
      operationId: 'getPublicDataset',
      summary: 'Consultar un conjunto de datos publicado',
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('Conjunto de datos publicado', PublicDatasetViewSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.statistics.getPublic(c.req.valid('param').id), 200),
  );
  registerTableRoutes(router, { path: '/public/datasets/{id}', tags: [publicTag], audience: 'portal', operationPrefix: 'Public' });
}

/**
 * `GET {path}/table` and `{path}/download` of a dataset. On the portal the view is always the public one,
 * whatever the query says.
 */
function registerTableRoutes(router: ReturnType<typeof createRouter>, { path, tags, audience, operationPrefix }: { path: string; tags: string[]; audience: TableAudience; operationPrefix: string }) {
  const isPortal = audience === 'portal';
  const access = isPortal ? { ...PUBLIC_ROUTE, description: `Siempre la vista pública: conteos de personas de 1 al umbral menos uno suprimidos, con supresión secundaria. ${OPEN_DATA_TERMS}` } : {
    description: 'La vista interna (sin supresión) solo para personas administradoras y secretarías técnicas; a las demás se les da la vista pública.',
  };
  router.openapi(
    apiRoute({
      ...access,
      method: 'get',
      path: `${path}/table`,
      tags,
      operationId: `get${operationPrefix}DatasetTable`,
      summary: 'Consultar un cuadro del conjunto: conteos o tasas por cada 100 mil niñas, niños y adolescentes, por las dimensiones pedidas',
      request: { params: IdParamsSchema, query: CrossTabQuerySchema },
      responses: { 200: jsonResponse('Cuadro con celdas, márgenes y marcas', CrossTabViewSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.statistics.crossTab(c.req.valid('param').id, c.req.valid('query'), audience), 200),
  );
  router.openapi(
    apiRoute({
      ...access,
      method: 'get',
      path: `${path}/download`,
      tags,
      operationId: `download${operationPrefix}DatasetTable`,
      summary: 'Descargar un cuadro del conjunto en CSV, Excel, JSON o SDMX-CSV, con su procedencia',
      request: { params: IdParamsSchema, query: DownloadQuerySchema },
      responses: {
        200: fileResponse(
          'El cuadro como archivo',
          DOWNLOAD_TYPES,
          isPortal ? { Link: { description: `La licencia de los datos: <${OPEN_DATA_LICENCE_URL}>; rel="license"`, schema: { type: 'string' as const } } } : undefined,
        ),
      },
      errors: [404],
    }),
    async (c) => {
      const { format, ...query } = c.req.valid('query');
      if (isPortal) c.header('Link', `<${OPEN_DATA_LICENCE_URL}>; rel="license"`);
      return sendDownload(c, await c.var.services.statistics.downloadTable(c.req.valid('param').id, query, format, audience), isPortal);
    },
  );
}
