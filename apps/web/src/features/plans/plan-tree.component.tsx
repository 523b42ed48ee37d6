import { Link } from '@tanstack/react-router';
import type { PlanStatus, PlanTreeNode } from '@telar/domain';
import type { ReactNode } from 'react';
import { formatNumber, formatRefName } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { PlanProgress } from './plan-progress.component';
import '../../styles/plans.css';

// Type-only imports from the domain: the portal reuses this tree and must not load zod.

type HeadingLevel = 3 | 4 | 5 | 6;

interface PlanTreeProps {
  planId: string;
  nodes: readonly PlanTreeNode[];
  statuses: readonly PlanStatus[];
  /** On the portal nodes are not links (their pages are internal) and organisations are names. */
  isPublic?: boolean;
  /** Level of the roots' headings; children go one deeper, down to h6. */
  headingLevel?: HeadingLevel;
}

/** The label a plan gives a status key, or the key itself when the plan no longer lists it. */
export function getStatusLabel(statuses: readonly PlanStatus[], key: string | null): string {
  if (!key) return t('plans.noStatus');
  return statuses.find((status) => status.key === key)?.label ?? key;
}

/** A node's status as a badge; closed statuses (done, abandoned) look settled. */
export function PlanStatusBadge({ statuses, status }: { statuses: readonly PlanStatus[]; status: string | null }) {
  const isClosed = statuses.find((candidate) => candidate.key === status)?.isClosed ?? false;
  return <span className={`badge plan-status${status ? '' : ' plan-status--none'}${isClosed ? ' plan-status--closed' : ''}`}>{getStatusLabel(statuses, status)}</span>;
}

function NodeHeading({ level, children, id }: { level: HeadingLevel; children: ReactNode; id: string }) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className="plan-node__title">
      {children}
    </Tag>
  );
}

function TreeNode({ planId, node, statuses, isPublic, level }: { planId: string; node: PlanTreeNode; statuses: readonly PlanStatus[]; isPublic?: boolean; level: HeadingLevel }) {
  const headingId = `nodo-${node.id}`;
  const childLevel = Math.min(level + 1, 6) as HeadingLevel;
  const organizations = node.responsibleOrganizations.map((organization) => (isPublic ? formatRefName(organization) : (organization.acronym ?? organization.name))).join('; ');
  return (
    <li className="plan-tree__item">
      <article className={`plan-node${node.isLate ? ' plan-node--late' : ''}`} aria-labelledby={headingId}>
        <NodeHeading level={level} id={headingId}>
          <span className="plan-node__code">{node.code}</span>{' '}
          {isPublic ? (
            node.title
          ) : (
            <Link to="/planes/$planId/nodos/$nodeId" params={{ planId, nodeId: node.id }}>
              {node.title}
            </Link>
          )}
        </NodeHeading>
        <p className="plan-node__meta">
          <span className="plan-node__kind">{t(`plans.nodeKind.${node.kind}`)}</span>
          <PlanStatusBadge statuses={statuses} status={node.status} />
          {node.isLate && <span className="badge badge--overdue">{t('plans.late')}</span>}
        </p>
        <PlanProgress value={node.rolledProgress} label={t('plans.progressOf', { code: node.code })} />
        <dl className="plan-node__facts">
          <div>
            <dt>{t('plans.responsibles')}</dt>
            <dd>{organizations || t('app.none')}</dd>
          </div>
          <div>
            <dt>{t('plans.activityCount')}</dt>
            <dd>{formatNumber(node.activityCount)}</dd>
          </div>
          {node.indicators.length > 0 && (
            <div>
              <dt>{t('plans.indicatorCount')}</dt>
              <dd>{formatNumber(node.indicators.length)}</dd>
            </div>
          )}
        </dl>
      </article>
      {node.children.length > 0 && (
        <details className="plan-tree__branch" open>
          <summary>{t('plans.childrenSummary', { count: formatNumber(node.children.length), code: node.code })}</summary>
          <PlanTreeList planId={planId} nodes={node.children} statuses={statuses} isPublic={isPublic} level={childLevel} />
        </details>
      )}
    </li>
  );
}

function PlanTreeList({ planId, nodes, statuses, isPublic, level }: { planId: string; nodes: readonly PlanTreeNode[]; statuses: readonly PlanStatus[]; isPublic?: boolean; level: HeadingLevel }) {
  return (
    <ol className="plan-tree">
      {nodes.map((node) => (
        <TreeNode key={node.id} planId={planId} node={node} statuses={statuses} isPublic={isPublic} level={level} />
      ))}
    </ol>
  );
}

/** A plan's structure: objectives, lines of action… each with status, rolled-up progress and whether it is late. */
export function PlanTree({ planId, nodes, statuses, isPublic, headingLevel = 3 }: PlanTreeProps) {
  if (nodes.length === 0) return <p className="empty">{t('plans.treeEmpty')}</p>;
  return <PlanTreeList planId={planId} nodes={nodes} statuses={statuses} isPublic={isPublic} level={headingLevel} />;
}

/** Every node of the tree in reading order, with its depth (for selects and pickers). */
export function flattenPlanTree(nodes: readonly PlanTreeNode[], depth = 0): { node: PlanTreeNode; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flattenPlanTree(node.children, depth + 1)]);
}
