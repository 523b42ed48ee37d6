import { useQuery } from '@tanstack/react-query';
import type { BodyView } from '@telar/domain';
import { useMemo } from 'react';
import { allBodiesQuery } from '../../api/resources';
import type { SelectOption } from '../../components/nullable-select.component';
import { formatRefName } from '../../i18n/format';

/** A body and every body under it: none of them can become its parent without making a cycle. */
function collectBranch(bodies: readonly BodyView[], rootId: string): Set<string> {
  const branch = new Set([rootId]);
  let hasGrown = true;
  while (hasGrown) {
    hasGrown = false;
    for (const body of bodies) {
      if (body.parentId && branch.has(body.parentId) && !branch.has(body.id)) {
        branch.add(body.id);
        hasGrown = true;
      }
    }
  }
  return branch;
}

/** Every body as a select option, alphabetically (empty while loading), leaving out a body's own branch if named. */
export function useBodyOptions(excludedBranchId?: string): SelectOption[] {
  const { data } = useQuery(allBodiesQuery);
  return useMemo(() => {
    const bodies = data?.items ?? [];
    const excluded = excludedBranchId ? collectBranch(bodies, excludedBranchId) : new Set<string>();
    return bodies
      .filter((body) => !excluded.has(body.id))
      .map((body) => ({ value: body.id, label: formatRefName(body) }))
      .sort((a, b) => a.label.localeCompare(b.label, 'es-MX'));
  }, [data, excludedBranchId]);
}
