import { BODY_LOGO_LIMITS, BodyCreateSchema, BodyDetailViewSchema, BodyLogoViewSchema, BodyPageSchema, BodyUpdateSchema, BodyViewSchema } from '@telar/domain';
import { z } from 'zod';
import { invalidField } from '../../platform/errors.js';
import { registerCrudRoutes } from '../../platform/http/crud-routes.js';
import { apiRoute, type createRouter, fileResponse, formFile, IdParamsSchema, jsonResponse } from '../../platform/http/router.js';

const LogoFormSchema = z.object({ file: formFile(`La imagen (PNG o JPEG, hasta ${BODY_LOGO_LIMITS.maxBytes / 1024} KB y ${BODY_LOGO_LIMITS.maxSidePixels} píxeles por lado)`) });

/** Systems, commissions, working groups and networks, and the logo of each. */
export function registerBodyRoutes(router: ReturnType<typeof createRouter>) {
  registerCrudRoutes(router, {
    path: '/bodies',
    tag: 'Órganos colegiados',
    names: { one: 'Body', many: 'Bodies', label: 'un órgano colegiado', labelMany: 'órganos colegiados' },
    filters: z.object({}),
    createSchema: BodyCreateSchema,
    updateSchema: BodyUpdateSchema,
    listSchema: BodyPageSchema,
    viewSchema: BodyDetailViewSchema,
    savedSchema: BodyViewSchema,
    service: (s) => s.bodies,
  });
  registerBodyLogoRoutes(router);
}

function registerBodyLogoRoutes(router: ReturnType<typeof createRouter>) {
  const tags = ['Órganos colegiados'];
  router.openapi(
    apiRoute({
      method: 'put',
      path: '/bodies/{id}/logo',
      tags,
      operationId: 'setBodyLogo',
      summary: 'Poner o cambiar el logotipo de un órgano',
      description: 'El logotipo encabeza los documentos de Word que Telar escribe para el órgano (el informe del Mecanismo).',
      request: { params: IdParamsSchema, body: { content: { 'multipart/form-data': { schema: LogoFormSchema } }, required: true } },
      responses: { 200: jsonResponse('Logotipo guardado', BodyLogoViewSchema) },
      errors: [404],
    }),
    async (c) => {
      const file = (await c.req.parseBody()).file;
      if (!(file instanceof File)) throw invalidField('file', 'Elija una imagen.');
      return c.json(await c.var.services.bodies.setLogo(c.req.valid('param').id, new Uint8Array(await file.arrayBuffer())), 200);
    },
  );
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/bodies/{id}/logo',
      tags,
      operationId: 'getBodyLogo',
      summary: 'Descargar el logotipo de un órgano',
      request: { params: IdParamsSchema },
      responses: { 200: fileResponse('La imagen', ['image/png', 'image/jpeg']) },
      errors: [404],
    }),
    async (c) => {
      const logo = await c.var.services.bodies.logo(c.req.valid('param').id);
      return c.body(logo.content as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': logo.contentType, 'X-Content-Type-Options': 'nosniff' });
    },
  );
  router.openapi(
    apiRoute({
      method: 'delete',
      path: '/bodies/{id}/logo',
      tags,
      operationId: 'removeBodyLogo',
      summary: 'Quitar el logotipo de un órgano',
      request: { params: IdParamsSchema },
      responses: { 204: { description: 'Logotipo quitado' } },
      errors: [404],
    }),
    async (c) => {
      await c.var.services.bodies.removeLogo(c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
}
