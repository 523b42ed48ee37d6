import { useQuery } from '@tanstack/react-query';
import type { MeView } from '@telar/domain';
import { useMemo } from 'react';
import { meQuery } from '../api/auth-resources';
import { allBodiesQuery } from '../api/resources';
import { createPermissions, type Permissions } from './permissions';

/** The signed-in person; the internal pages only render once the router has loaded it. */
export function useMe(): MeView | undefined {
  return useQuery(meQuery).data;
}

/**
 * The signed-in person's permissions. Until their roles and the bodies arrive nothing is writable,
 * and `isReady` is false so a page can wait instead of briefly saying "not allowed".
 */
export function usePermissions(): Permissions & { isReady: boolean } {
  const me = useMe();
  const { data } = useQuery(allBodiesQuery);
  return useMemo(() => ({ ...createPermissions(me?.roles ?? [], data?.items ?? []), isReady: me !== undefined && data !== undefined }), [me, data]);
}
