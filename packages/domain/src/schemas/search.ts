/** Search across everything: the question (`GET /search`) and its answer. */
import { z } from 'zod';
import { viewCount, viewId } from './view-fields.js';

/** What search finds, in the order the facets are shown. */
export const SEARCH_TYPES = ['organization', 'body', 'session', 'agreement', 'follow_up', 'plan', 'plan_node', 'activity', 'report'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];


export const SearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, { message: 'Escriba qué buscar.' })
    .max(200, { message: 'La búsqueda admite hasta 200 caracteres.' })
    .refine((text) => /[\p{L}\p{N}]/u.test(text), { message: 'Escriba al menos una letra o un número.' }),
  type: z.enum(SEARCH_TYPES, { message: 'Tipo de registro no válido.' }).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const SearchItemViewSchema = z
  .strictObject({
    type: z.enum(SEARCH_TYPES),
    id: viewId,
    title: z.string(),
    /** The record's page in the web app. */
    url: z.string(),
    /** Where the words were found, or what places the record (its body, its plan); plain text. */
    snippet: z.string().nullable(),
  })
  .meta({ id: 'SearchItemView', description: 'Un registro encontrado: su tipo, título, página y un fragmento.' });
export type SearchItemView = z.infer<typeof SearchItemViewSchema>;

export const SearchFacetViewSchema = z
  .strictObject({
    type: z.enum(SEARCH_TYPES),
    count: viewCount,
    /** The count stopped at COUNT_CAP: there are more. */
    isCapped: z.boolean(),
  })
  .meta({ id: 'SearchFacetView', description: 'Cuántos registros de un tipo coinciden (hasta un tope).' });
export type SearchFacetView = z.infer<typeof SearchFacetViewSchema>;

export const SearchResultViewSchema = z
  .strictObject({
    q: z.string(),
    type: z.enum(SEARCH_TYPES).nullable(),
    items: z.array(SearchItemViewSchema),
    /** Every type, with its count of matches, whatever `type` filters. */
    facets: z.array(SearchFacetViewSchema),
  })
  .meta({ id: 'SearchResultView', description: 'Resultados de la búsqueda general, los más pertinentes primero, con conteos por tipo.' });
export type SearchResultView = z.infer<typeof SearchResultViewSchema>;
