/** What the API returns for plans, activities, indicators, reporting and dashboards (outputs only). */
import type { ActivityKind, DatePrecision, Periodicity, PlanNodeKind, PlanStatus, ReachBreakdown, ReportStatus } from './plans.js';
import type { BodyRef, EvidenceView, OrganizationRef } from './views.js';

export interface PlanSummaryView {
  id: string;
  name: string;
  shortName: string | null;
  body: BodyRef;
  periodFrom: string | null;
  periodTo: string | null;
  nodeCount: number;
  publishedAt: string | null;
  version: number;
}

export interface IndicatorSummaryView {
  id: string;
  code: string | null;
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  targetYear: number | null;
  periodicity: Periodicity;
  formula: string | null;
  /** The latest national value (or sum over states when only state values exist). */
  latest: { period: string; value: number } | null;
  /** Share of the way from baseline to target, 0–100, when both are known. */
  progress: number | null;
}

export interface PlanNodeView {
  id: string;
  parentId: string | null;
  kind: PlanNodeKind;
  code: string;
  title: string;
  status: string | null;
  /** Progress reported on this node (leaves); null when none was reported. */
  progress: number | null;
  weight: number;
  startDate: string | null;
  dueDate: string | null;
  flags: string[];
  responsibleOrganizations: OrganizationRef[];
  agreements: { id: string; code: string | null }[];
  /** Validated activities linked to this node itself (not counting the nodes below it). */
  activityCount: number;
  indicators: IndicatorSummaryView[];
  version: number;
}

/** A node as the plan dashboard shows it: progress rolled up from its children, and whether it is late. */
export interface PlanTreeNode extends PlanNodeView {
  rolledProgress: number | null;
  isLate: boolean;
  children: PlanTreeNode[];
}

export interface PlanDetailView extends PlanSummaryView {
  description: string | null;
  statuses: PlanStatus[];
  flags: string[];
  /** Roots of the tree, each with its children. */
  nodes: PlanTreeNode[];
  progress: number | null;
  lateCount: number;
}

export interface PlanNodeStatusChangeView {
  status: string | null;
  progress: number | null;
  comment: string | null;
  reportId: string | null;
  actor: string;
  at: string;
}

export interface PlanNodeDetailView extends PlanNodeView {
  plan: { id: string; name: string; statuses: PlanStatus[] };
  statusHistory: PlanNodeStatusChangeView[];
}

export interface PlanNodeRef {
  id: string;
  planId: string;
  code: string;
  title: string;
}

export interface ActivityView {
  id: string;
  /** The body whose secretariat answers for it. */
  body: BodyRef;
  kind: ActivityKind;
  title: string;
  description: string | null;
  startDate: string;
  endDate: string | null;
  datePrecision: DatePrecision;
  audience: string | null;
  events: number | null;
  participants: number | null;
  peopleReached: number | null;
  reachBreakdown: ReachBreakdown[];
  leadOrganizations: OrganizationRef[];
  partnerOrganizations: OrganizationRef[];
  stateCodes: string[];
  municipalities: { cvegeo: string; name: string }[];
  planNodes: PlanNodeRef[];
  agreements: { id: string; code: string | null }[];
  evidence: EvidenceView[];
  report: { id: string; status: ReportStatus } | null;
  /** Counted on the dashboards: recorded by the secretariat, or in a report it accepted. */
  isValidated: boolean;
  source: string | null;
  flags: string[];
  version: number;
}

export interface IndicatorValueView {
  period: string;
  stateCode: string | null;
  disaggregation: string;
  value: number;
  source: string | null;
  notes: string | null;
  reportId: string | null;
}

export interface IndicatorDetailView extends IndicatorSummaryView {
  planNode: PlanNodeRef;
  baselineYear: number | null;
  source: string | null;
  disaggregations: string[];
  baseIndicatorId: string | null;
  values: IndicatorValueView[];
  version: number;
}

export interface ReportView {
  id: string;
  reportingPeriod: { id: string; title: string; periodFrom: string; periodTo: string; dueDate: string; isClosed: boolean };
  plan: { id: string; name: string };
  organization: OrganizationRef;
  status: ReportStatus;
  /** Due or sent back after the deadline. */
  isOverdue: boolean;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  activityCount: number;
  version: number;
}

export interface ReportDetailView extends ReportView {
  activities: ActivityView[];
  indicatorValues: (IndicatorValueView & { indicatorId: string; indicatorName: string })[];
  nodeStatuses: (PlanNodeStatusChangeView & { planNodeId: string; code: string; title: string })[];
  /** Nodes this organisation is responsible for, to report their status. */
  responsibleNodes: PlanNodeRef[];
}

export interface ReportingPeriodView {
  id: string;
  plan: { id: string; name: string };
  title: string;
  periodFrom: string;
  periodTo: string;
  dueDate: string;
  closedAt: string | null;
  counts: Record<ReportStatus | 'overdue', number>;
  reports: ReportView[];
  version: number;
}

/** Activity totals for one group (a state, a period, a kind, an organisation). */
export interface ActivityTotals {
  activities: number;
  events: number;
  participants: number;
  peopleReached: number;
}

export interface StateTotalsRow extends ActivityTotals {
  stateCode: string;
  population: number;
  /** Participants per 100,000 inhabitants (INEGI, Censo 2020). */
  participantsPer100k: number;
}

export interface PeriodTotalsRow extends ActivityTotals {
  period: string;
}

export interface KindTotalsRow extends ActivityTotals {
  kind: ActivityKind;
}

export interface ActivityDashboardView {
  total: ActivityTotals;
  /** Activities filed in reports the secretariat has not accepted yet; not counted above. */
  pendingReview: number;
  byState: StateTotalsRow[];
  byYear: PeriodTotalsRow[];
  byKind: KindTotalsRow[];
}

export interface OrganizationDashboardView {
  organization: OrganizationRef;
  total: ActivityTotals;
  byYear: PeriodTotalsRow[];
  byState: StateTotalsRow[];
  reports: ReportView[];
  nodes: (PlanNodeRef & { planName: string; status: string | null })[];
}
