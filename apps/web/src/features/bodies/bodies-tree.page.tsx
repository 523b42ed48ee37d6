import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { BodyView } from '@telar/domain';
import type { ReactElement } from 'react';
import { allBodiesQuery } from '../../api/resources';
import { useMeAbilities } from '../../auth/me.hook';
import { PageHeader } from '../../components/page-header.component';
import { QueryContent } from '../../components/query-content.component';
import { formatRefName } from '../../i18n/format';
import { t } from '../../i18n/translate';

/** Groups bodies by parent; a body whose parent is missing from the list is shown as a root. */
function groupByParent(bodies: readonly BodyView[]): Map<string | null, BodyView[]> {
  const ids = new Set(bodies.map((body) => body.id));
  const groups = new Map<string | null, BodyView[]>();
  for (const body of bodies) {
    const parentId = body.parentId && ids.has(body.parentId) ? body.parentId : null;
    groups.set(parentId, [...(groups.get(parentId) ?? []), body]);
  }
  for (const children of groups.values()) children.sort((a, b) => a.name.localeCompare(b.name, 'es-MX'));
  return groups;
}

function BodyBranch({ parentId, groups, seen }: { parentId: string | null; groups: Map<string | null, BodyView[]>; seen: ReadonlySet<string> }) {
  const children = (groups.get(parentId) ?? []).filter((body) => !seen.has(body.id));
  if (children.length === 0) return null;
  return (
    <ul className={parentId === null ? 'tree' : 'tree__children'}>
      {children.map((body) => (
        <li key={body.id}>
          <Link to="/organos/$bodyId" params={{ bodyId: body.id }}>
            {formatRefName(body)}
          </Link>{' '}
          <span className="tree__kind">({t(`bodyKind.${body.kind}`)})</span>
          {/* `seen` guards against a parent cycle in bad data turning into endless recursion. */}
          <BodyBranch parentId={body.id} groups={groups} seen={new Set([...seen, body.id])} />
        </li>
      ))}
    </ul>
  );
}

export function BodiesTreePage(): ReactElement {
  const query = useQuery(allBodiesQuery);
  const abilities = useMeAbilities();
  return (
    <>
      <PageHeader
        title={t('bodies.title')}
        actions={
          abilities?.manageAnyBody && (
            <Link to="/organos/nuevo" className="button button--primary">
              {t('bodies.new')}
            </Link>
          )
        }
      />
      <QueryContent query={query}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="empty">{t('bodies.empty')}</p>
          ) : (
            <nav aria-label={t('bodies.treeLabel')}>
              <BodyBranch parentId={null} groups={groupByParent(page.items)} seen={new Set()} />
            </nav>
          )
        }
      </QueryContent>
    </>
  );
}
