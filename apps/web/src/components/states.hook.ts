import { useQuery } from '@tanstack/react-query';
import type { StateView } from '@telar/domain';
import { useMemo } from 'react';
import { statesQuery } from '../api/catalogue-resources';
import type { SelectOption } from './nullable-select.component';

/** The 32 states (empty while loading) and a code → name lookup. */
export function useStates(): { states: StateView[]; getStateName: (code: string) => string } {
  const { data } = useQuery(statesQuery);
  return useMemo(() => {
    const states = data ?? [];
    const names = new Map(states.map((state) => [state.code, state.name]));
    return { states, getStateName: (code: string) => names.get(code) ?? code };
  }, [data]);
}

/** The states as select options. */
export function useStateOptions(): SelectOption[] {
  const { states } = useStates();
  return useMemo(() => states.map((state) => ({ value: state.code, label: state.name })), [states]);
}
