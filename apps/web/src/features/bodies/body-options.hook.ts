import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { allBodiesQuery } from '../../api/resources';
import type { SelectOption } from '../../components/nullable-select.component';
import { formatRefName } from '../../i18n/format';

/** Every body as a select option, alphabetically (empty while loading). */
export function useBodyOptions(): SelectOption[] {
  const { data } = useQuery(allBodiesQuery);
  return useMemo(
    () =>
      (data?.items ?? [])
        .map((body) => ({ value: body.id, label: formatRefName(body) }))
        .sort((a, b) => a.label.localeCompare(b.label, 'es-MX')),
    [data],
  );
}
