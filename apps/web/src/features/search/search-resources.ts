import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { SearchResultView, SearchType } from '@telar/domain';
import { getJson } from '../../api/client';

/** GET /search: the results of one search, the type filter optional. */
export const searchQuery = (q: string, type: SearchType | undefined) =>
  queryOptions({
    queryKey: ['/search', { q, type }],
    queryFn: ({ signal }) => getJson<SearchResultView>('/search', { q, type, limit: 50 }, signal),
    enabled: q.trim() !== '',
    // The facets stay on screen while another type loads.
    placeholderData: keepPreviousData,
  });
