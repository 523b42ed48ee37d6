import { useQuery } from '@tanstack/react-query';
import type { MeAbilities, MeView } from '@telar/domain';
import { useCallback } from 'react';
import { meQuery } from '../api/auth-resources';

/** The signed-in person; the internal pages only render once the router has loaded it. */
export function useMe(): MeView | undefined {
  return useQuery(meQuery).data;
}

/** What the signed-in person may start, as the server answered it; undefined until it arrives. */
export function useMeAbilities(): MeAbilities | undefined {
  return useMe()?.abilities;
}

/** Whether the person manages a body, read from the server's list of the bodies they manage (for pickers and pages without a record). */
export function useManagesBody(): (bodyId: string) => boolean {
  const abilities = useMeAbilities();
  return useCallback((bodyId: string) => !!abilities && (abilities.manageAllBodies || abilities.managedBodyIds.includes(bodyId)), [abilities]);
}
