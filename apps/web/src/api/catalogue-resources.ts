import { queryOptions } from '@tanstack/react-query';
import type { StateView } from '@telar/domain';
import { getJson } from './client';

/** The 32 states; a public catalogue, read by the internal app and the public portal alike. */
export const statesQuery = queryOptions({
  queryKey: ['states'],
  queryFn: ({ signal }) => getJson<StateView[]>('/states', undefined, signal),
  // The 32 states do not change while the page is open.
  staleTime: Infinity,
});
