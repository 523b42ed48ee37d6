/** Plan nodes for tests: every field filled with a neutral value, overridden where a test cares. */
import type { PlanNodeView, PlanTreeNode } from '../schemas/plan-views.js';

/** A flat node as the API lists it, with the given id as its code. */
export const planNode = (id: string, parentId: string | null, fields: Partial<PlanNodeView> = {}): PlanNodeView => ({
  id,
  parentId,
  kind: 'action_line',
  code: id,
  title: `Nodo ${id}`,
  status: null,
  progress: null,
  weight: 1,
  startDate: null,
  dueDate: null,
  flags: [],
  responsibleOrganizations: [],
  agreements: [],
  activityCount: 0,
  indicators: [],
  version: 1,
  ...fields,
});

/** A node of a built tree, with its children. */
export const treeNode = (code: string, fields: Partial<PlanTreeNode> = {}, children: PlanTreeNode[] = []): PlanTreeNode => ({
  ...planNode(`id-${code}`, null, { code, title: `Nodo ${code}` }),
  rolledProgress: null,
  isLate: false,
  children,
  ...fields,
});
