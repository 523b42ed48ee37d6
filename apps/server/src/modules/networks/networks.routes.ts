import {
  CommissionUpdateSchema,
  CommissionViewSchema,
  MemberContributionInputSchema,
  MemberContributionViewSchema,
  ContributionYearParamsSchema,
  FocalTermCreateSchema,
  FocalTermUpdateSchema,
  CommissionsFromPlanResultSchema,
  NetworkBodyCreateSchema,
  NetworkBodyViewSchema,
  NetworkCreateSchema,
  NetworkMemberCreateSchema,
  NetworkMemberFilterSchema,
  NetworkMemberImportFieldsSchema,
  NetworkMemberImportResultSchema,
  NetworkMemberListQuerySchema,
  NetworkMemberPageSchema,
  NetworkMemberUpdateSchema,
  NetworkMemberViewSchema,
  NetworkPointsViewSchema,
  NetworkSummaryViewSchema,
  NetworkUpdateSchema,
  NetworkViewSchema,
  PointsQuerySchema,
  PublicNetworkSummarySchema,
  PublicNetworkViewSchema,
} from '@telar/domain';
import { z } from 'zod';
import { IMPORT_MAX_BYTES, formatMegabytes } from '../../platform/documents/import-limits.js';
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

const tag = 'Redes';
const publicTag = 'Portal público y datos abiertos';
const json = <Schema extends z.ZodType>(schema: Schema) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const MemberParamsSchema = z.object({ id: IdParamsSchema.shape.id, memberId: IdParamsSchema.shape.id });
const BodyParamsSchema = z.object({ bodyId: IdParamsSchema.shape.id });
const ImportFormSchema = NetworkMemberImportFieldsSchema.extend({
  file: formFile(`La lista de integrantes: Excel (.xlsx) o CSV, hasta ${formatMegabytes(IMPORT_MAX_BYTES)}; una fila por organización`),
});
const ExportQuerySchema = NetworkMemberFilterSchema.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

/** Networks, their members, contributions, bodies, commissions with focal points, points, and the portal's view. */
export function registerNetworkRoutes(router: ReturnType<typeof createRouter>) {
  // Only who manages the network may send a file: anyone else is refused before the body is read.
  router.use('/networks/:id/members/import', async (c, next) => {
    const id = c.req.param('id');
    if (IdParamsSchema.safeParse({ id }).success) await c.var.services.networks.requireManager(id);
    await next();
  });

  router.openapi(
    apiRoute({ method: 'get', path: '/networks', tags: [tag], operationId: 'listNetworks', summary: 'Listar las redes', responses: { 200: jsonResponse('Redes', z.array(NetworkSummaryViewSchema)) } }),
    async (c) => c.json(await c.var.services.networks.list(), 200),
  );
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/networks',
      tags: [tag],
      operationId: 'createNetwork',
      summary: 'Registrar una red (un órgano de tipo red con su configuración)',
      description: 'Solo una persona administradora. El tamaño declarado va siempre con su fuente; Telar no inventa integrantes.',
      request: json(NetworkCreateSchema),
      responses: { 201: jsonResponse('Red registrada', NetworkViewSchema) },
      errors: [409],
    }),
    async (c) => c.json(await c.var.services.networks.create(c.req.valid('json') as z.output<typeof NetworkCreateSchema>), 201),
  );
  // Before `/networks/{id}`, so "commissions" and "focal-points" are not read as ids.
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/networks/commissions/{bodyId}',
      tags: [tag],
      operationId: 'getNetworkCommission',
      summary: 'Consultar una comisión (u órgano) de una red',
      description: 'Los contactos de los puntos focales solo para quien administra la red o la comisión.',
      request: { params: BodyParamsSchema },
      responses: { 200: jsonResponse('Comisión', CommissionViewSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.commissions.getCommission(c.req.valid('param').bodyId), 200),
  );
  router.openapi(
    apiRoute({
      method: 'patch',
      path: '/networks/commissions/{bodyId}',
      tags: [tag],
      operationId: 'updateNetworkCommission',
      summary: 'Cambiar los mecanismos de comunicación y de trabajo de una comisión',
      request: { params: BodyParamsSchema, ...json(CommissionUpdateSchema) },
      responses: { 200: jsonResponse('Comisión', CommissionViewSchema) },
      errors: [404, 409],
    }),
    async (c) => c.json(await c.var.services.commissions.updateCommission(c.req.valid('param').bodyId, c.req.valid('json') as z.output<typeof CommissionUpdateSchema>), 200),
  );
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/networks/commissions/{bodyId}/focal-points',
      tags: [tag],
      operationId: 'addCommissionFocalPoint',
      summary: 'Designar el punto focal o el suplente de una comisión desde una fecha',
      description: 'El periodo vigente del mismo cargo termina el día anterior; los periodos de un cargo no se traslapan.',
      request: { params: BodyParamsSchema, ...json(FocalTermCreateSchema) },
      responses: { 201: jsonResponse('Comisión con sus periodos', CommissionViewSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.commissions.addFocalTerm(c.req.valid('param').bodyId, c.req.valid('json') as z.output<typeof FocalTermCreateSchema>), 201),
  );
  router.openapi(
    apiRoute({
      method: 'patch',
      path: '/networks/focal-points/{id}',
      tags: [tag],
      operationId: 'updateCommissionFocalPoint',
      summary: 'Terminar (o reabrir) el periodo de un punto focal o suplente',
      request: { params: IdParamsSchema, ...json(FocalTermUpdateSchema) },
      responses: { 200: jsonResponse('Comisión con sus periodos', CommissionViewSchema) },
      errors: [404, 409],
    }),
    async (c) => c.json(await c.var.services.commissions.updateFocalTerm(c.req.valid('param').id, c.req.valid('json') as z.output<typeof FocalTermUpdateSchema>), 200),
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/networks/{id}',
      tags: [tag],
      operationId: 'getNetwork',
      summary: 'Consultar una red: tamaño declarado, integrantes por estado y estatus, órganos y comisiones',
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('Red', NetworkViewSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.networks.get(c.req.valid('param').id), 200),
  );
  router.openapi(
    apiRoute({
      method: 'patch',
      path: '/networks/{id}',
      tags: [tag],
      operationId: 'updateNetwork',
      summary: 'Cambiar la configuración de una red',
      description: 'Su nombre y siglas son los de su órgano (PATCH /bodies/{id}).',
      request: { params: IdParamsSchema, ...json(NetworkUpdateSchema) },
      responses: { 200: jsonResponse('Red', NetworkViewSchema) },
      errors: [404, 409],
    }),
    async (c) => c.json(await c.var.services.networks.update(c.req.valid('param').id, c.req.valid('json') as z.output<typeof NetworkUpdateSchema>), 200),
  );

  // ── Members ──
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/networks/{id}/members',
      tags: [tag],
      operationId: 'listNetworkMembers',
      summary: 'Listar los integrantes de una red, con su estatus de hoy',
      description: 'Filtros por texto, entidad, sector y estatus (calculado para hoy en la Ciudad de México). El contacto solo para quien administra la red.',
      request: { params: IdParamsSchema, query: NetworkMemberListQuerySchema },
      responses: { 200: jsonResponse('Integrantes', NetworkMemberPageSchema) },
      errors: [404],
    }),
    async (c) => {
      const { page, pageSize, ...filter } = c.req.valid('query');
      return c.json(await c.var.services.networks.listMembers(c.req.valid('param').id, filter, { page, pageSize }), 200);
    },
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/networks/{id}/members/export',
      tags: [tag],
      operationId: 'exportNetworkMembers',
      summary: 'Descargar los integrantes de una red con sus filtros',
      description: 'Los contactos solo van en la descarga de quien administra la red.',
      request: { params: IdParamsSchema, query: ExportQuerySchema },
      responses: { 200: fileResponse('Los integrantes, en Excel o CSV', [CONTENT_TYPES.xlsx, CONTENT_TYPES.csv]) },
      errors: [404],
    }),
    async (c) => {
      const { format, ...filter } = c.req.valid('query');
      return sendDownload(c, await c.var.services.networks.exportMembers(c.req.valid('param').id, filter, format));
    },
  );
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/networks/{id}/members/import',
      tags: [tag],
      operationId: 'importNetworkMembers',
      summary: 'Importar integrantes de un archivo de Excel o CSV (o simularlo con dryRun)',
      description:
        'Columnas: nombre, siglas, entidad, sector, fechas de ingreso y baja, contacto. Cada organización se busca en el directorio por nombre o siglas; ' +
        'si no está, se crea. Con cualquier problema (fila y columna) no se escribe nada.',
      request: { params: IdParamsSchema, body: { content: { 'multipart/form-data': { schema: ImportFormSchema } }, required: true } },
      responses: { 200: jsonResponse('Lo que se importó (o se importaría)', NetworkMemberImportResultSchema) },
      errors: [404],
    }),
    async (c) => {
      const { file, dryRun } = c.req.valid('form') as z.output<typeof ImportFormSchema>;
      return c.json(await c.var.services.networks.importMembers(c.req.valid('param').id, await readFormFile(file), { dryRun }), 200);
    },
  );
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/networks/{id}/members',
      tags: [tag],
      operationId: 'createNetworkMember',
      summary: 'Registrar un integrante de una red',
      description: 'La organización se elige del directorio o se escribe: si el directorio ya la tiene (por nombre o siglas) se usa esa; si no, se crea.',
      request: { params: IdParamsSchema, ...json(NetworkMemberCreateSchema) },
      responses: { 201: jsonResponse('Integrante registrado', NetworkMemberViewSchema) },
      errors: [404, 409],
    }),
    async (c) => c.json(await c.var.services.networks.createMember(c.req.valid('param').id, c.req.valid('json') as z.output<typeof NetworkMemberCreateSchema>), 201),
  );
  router.openapi(
    apiRoute({
      method: 'patch',
      path: '/networks/{id}/members/{memberId}',
      tags: [tag],
      operationId: 'updateNetworkMember',
      summary: 'Cambiar los datos de un integrante (entidad, sector, fechas, contacto)',
      request: { params: MemberParamsSchema, ...json(NetworkMemberUpdateSchema) },
      responses: { 200: jsonResponse('Integrante', NetworkMemberViewSchema) },
      errors: [404, 409],
    }),
    async (c) => {
      const { id, memberId } = c.req.valid('param');
      return c.json(await c.var.services.networks.updateMember(id, memberId, c.req.valid('json') as z.output<typeof NetworkMemberUpdateSchema>), 200);
    },
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/networks/{id}/members/{memberId}/contributions',
      tags: [tag],
      operationId: 'listMemberContributions',
      summary: 'Listar las aportaciones anuales de un integrante',
      request: { params: MemberParamsSchema },
      responses: { 200: jsonResponse('Aportaciones por año', z.array(MemberContributionViewSchema)) },
      errors: [404],
    }),
    async (c) => {
      const { id, memberId } = c.req.valid('param');
      return c.json(await c.var.services.networks.listContributions(id, memberId), 200);
    },
  );
  router.openapi(
    apiRoute({
      method: 'put',
      path: '/networks/{id}/members/{memberId}/contributions/{year}',
      tags: [tag],
      operationId: 'putMemberContribution',
      summary: 'Registrar o cambiar la aportación de un integrante en un año',
      description: 'Un registro (monto, pagada, pendiente o exenta, fecha de pago), no un sistema de pagos. Para cambiar una existente se envía su versión.',
      request: { params: ContributionYearParamsSchema, ...json(MemberContributionInputSchema) },
      responses: { 200: jsonResponse('Aportación', MemberContributionViewSchema) },
      errors: [404, 409],
    }),
    async (c) => {
      const { id, memberId, year } = c.req.valid('param');
      return c.json(await c.var.services.networks.putContribution(id, memberId, year, c.req.valid('json') as z.output<typeof MemberContributionInputSchema>), 200);
    },
  );

  // ── Bodies and commissions ──
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/networks/{id}/bodies',
      tags: [tag],
      operationId: 'createNetworkBody',
      summary: 'Crear un órgano de la red: su consejo directivo, su coordinación o una comisión temática',
      request: { params: IdParamsSchema, ...json(NetworkBodyCreateSchema) },
      responses: { 201: jsonResponse('Órgano creado', NetworkBodyViewSchema) },
      errors: [404, 409],
    }),
    async (c) => c.json(await c.var.services.commissions.createBody(c.req.valid('param').id, c.req.valid('json') as z.output<typeof NetworkBodyCreateSchema>), 201),
  );
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/networks/{id}/commissions/from-plan',
      tags: [tag],
      operationId: 'createCommissionsFromPlan',
      summary: 'Crear una comisión por cada compromiso del plan de la red que aún no la tenga',
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('Comisiones creadas', CommissionsFromPlanResultSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.commissions.commissionsFromPlan(c.req.valid('param').id), 200),
  );

  // ── Points ──
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/networks/{id}/points',
      tags: [tag],
      operationId: 'getNetworkPoints',
      summary: 'Puntaje anual de los integrantes vigentes de una red',
      description: 'Asambleas a las que asistió, encuestas que respondió, actividades reportadas y trabajo en comisiones, con los pesos de la red. Sin año, el actual.',
      request: { params: IdParamsSchema, query: PointsQuerySchema },
      responses: { 200: jsonResponse('Puntaje', NetworkPointsViewSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.networks.points(c.req.valid('param').id, c.req.valid('query').year), 200),
  );

  // ── Portal ──
  const publicRoute = { ...PUBLIC_ROUTE, method: 'get' as const, tags: [publicTag], description: OPEN_DATA_TERMS };
  router.openapi(
    apiRoute({
      ...publicRoute,
      path: '/public/networks',
      operationId: 'listPublicNetworks',
      summary: 'Listar las redes',
      responses: { 200: jsonResponse('Redes', z.array(PublicNetworkSummarySchema)) },
    }),
    async (c) => c.json(await c.var.services.networks.listPublic(), 200),
  );
  router.openapi(
    apiRoute({
      ...publicRoute,
      path: '/public/networks/{id}',
      operationId: 'getPublicNetwork',
      summary: 'Consultar una red: tamaño declarado, integrantes por estado, comisiones con punto focal designado o no',
      description: `Nunca nombres ni contactos de personas. La lista de integrantes y el ranking solo si la red decide publicarlos. ${OPEN_DATA_TERMS}`,
      request: { params: IdParamsSchema },
      responses: { 200: jsonResponse('Red', PublicNetworkViewSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.networks.getPublic(c.req.valid('param').id), 200),
  );
}
