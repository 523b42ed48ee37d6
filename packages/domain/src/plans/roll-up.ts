import type { PlanNodeView, PlanTreeNode } from '../schemas/plan-views.js';
import type { PlanStatus } from '../schemas/plans.js';

/** The progress a leaf stands at: what was reported, else what its status means, else unknown. */
function leafProgress(node: PlanNodeView, statuses: Map<string, PlanStatus>): number | null {
  if (node.progress !== null) return node.progress;
  return node.status ? (statuses.get(node.status)?.progress ?? null) : null;
}

/**
 * Builds the plan tree from its flat node list and rolls progress up: a branch is the weighted mean of
 * its children, where a child with nothing reported counts as 0 — unless nothing at all was reported
 * below the branch, which then stays unknown rather than showing a false 0 %.
 * A node is late when its due date has passed and its status is not a closed one.
 */
export function buildPlanTree(nodes: PlanNodeView[], statusList: PlanStatus[], today: string): PlanTreeNode[] {
  const statuses = new Map(statusList.map((s) => [s.key, s]));
  const byParent = new Map<string | null, PlanNodeView[]>();
  for (const node of nodes) byParent.set(node.parentId, [...(byParent.get(node.parentId) ?? []), node]);

  const build = (node: PlanNodeView): PlanTreeNode => {
    const children = (byParent.get(node.id) ?? []).map(build);
    const isClosed = node.status ? (statuses.get(node.status)?.isClosed ?? false) : false;
    return {
      ...node,
      children,
      rolledProgress: children.length ? weightedMean(children) : leafProgress(node, statuses),
      isLate: !isClosed && node.dueDate !== null && node.dueDate < today,
    };
  };
  return (byParent.get(null) ?? []).map(build);
}

function weightedMean(children: PlanTreeNode[]): number | null {
  if (children.every((c) => c.rolledProgress === null)) return null;
  const totalWeight = children.reduce((sum, c) => sum + c.weight, 0);
  const weighted = children.reduce((sum, c) => sum + c.weight * (c.rolledProgress ?? 0), 0);
  return Math.round((weighted / totalWeight) * 10) / 10;
}

/** The whole plan's progress: its roots rolled up as if they had one parent. */
export const planProgress = (roots: PlanTreeNode[]) => (roots.length ? weightedMean(roots) : null);

/** Every node of the tree, depth first. */
export function flattenTree(roots: PlanTreeNode[]): PlanTreeNode[] {
  return roots.flatMap((node) => [node, ...flattenTree(node.children)]);
}

/**
 * How far an indicator has come from its baseline to its target, 0–100; with no baseline, the share
 * of the target reached. Works for targets below the baseline (reductions) too.
 */
export function indicatorProgress(baseline: number | null, target: number | null, latest: number | null): number | null {
  if (target === null || latest === null) return null;
  const start = baseline ?? 0;
  if (target === start) return latest === target ? 100 : null;
  const share = ((latest - start) / (target - start)) * 100;
  return Math.round(Math.min(100, Math.max(0, share)) * 10) / 10;
}
