import { SearchQuerySchema, SearchResultViewSchema } from '@telar/domain';
import { apiRoute, type createRouter, jsonResponse } from '../../platform/http/router.js';

/** One search across organisations, bodies, sessions, agreements, follow-ups, plans, nodes, activities and reports. */
export function registerSearchRoutes(router: ReturnType<typeof createRouter>) {
  router.openapi(
    apiRoute({
      method: 'get',
      path: '/search',
      tags: ['Búsqueda'],
      operationId: 'search',
      summary: 'Buscar en todos los registros (español: sin acentos, con raíces de palabras), con conteos por tipo',
      request: { query: SearchQuerySchema },
      responses: { 200: jsonResponse('Registros encontrados y conteos por tipo', SearchResultViewSchema) },
    }),
    async (c) => c.json(await c.var.services.search.search(c.req.valid('query')), 200),
  );
}
