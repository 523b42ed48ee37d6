import { useQuery } from '@tanstack/react-query';
import type { BodyView } from '@telar/domain';
import { useMemo } from 'react';
import { allBodiesQuery } from '../../api/resources';
import { useManagesBody } from '../../auth/me.hook';
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

interface BodyOptionsFilter {
  /** A body being edited: its own branch cannot become its parent. */
  excludedBranchId?: string;
  /** Only bodies the signed-in person manages (where they may record or place something). */
  isManagedOnly?: boolean;
  /** Kept even when not managed: the current parent of an edited body, so saving does not drop it. */
  keptId?: string | null;
}

/** Bodies as select options, alphabetically (empty while loading). */
export function useBodyOptions({ excludedBranchId, isManagedOnly, keptId }: BodyOptionsFilter = {}): SelectOption[] {
  const { data } = useQuery(allBodiesQuery);
  const managesBody = useManagesBody();
  return useMemo(() => {
    const bodies = data?.items ?? [];
    const excluded = excludedBranchId ? collectBranch(bodies, excludedBranchId) : new Set<string>();
    return bodies
      .filter((body) => !excluded.has(body.id) && (!isManagedOnly || body.id === keptId || managesBody(body.id)))
      .map((body) => ({ value: body.id, label: formatRefName(body) }))
      .sort((a, b) => a.label.localeCompare(b.label, 'es-MX'));
  }, [data, excludedBranchId, isManagedOnly, keptId, managesBody]);
}
