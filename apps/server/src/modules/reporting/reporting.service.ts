import {
  REPORTING_DUE_DATE_MESSAGE,
  type NodeStatusReportSchema,
  type ReportDetailView,
  type ReportingPeriodCreateSchema,
  type ReportingPeriodDetailView,
  type ReportingPeriodUpdateSchema,
  type ReportReviewSchema,
  type ReportStatus,
  type ReportView,
  type PlanStatus,
} from '@telar/domain';
import type { z } from 'zod';
import { describeActor, type Actor } from '../../platform/auth/actor.js';
import { canManageBody, canManageBodyOrEnlace, isAdmin, requireBodyManager, requireSignedIn } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/client.js';
import { DomainError, invalidField, notFound, staleVersion } from '../../platform/errors.js';
import { applyActivityTotals, listActivities, listActivityIdsOfReport, lockActivities } from '../activities/index.js';
import { insertAuditEntry } from '../../platform/audit/audit.repository.js';
import { listValuesOfReport } from '../indicators/index.js';
import { findPlan, findPlanNode, listNodesOfOrganization, listResponsibleOrganizationIds, updatePlanNode } from '../plans/index.js';
import type { PageRequest } from '../../platform/db/query.js';
import {
  findReport,
  findReportFacts,
  findReportingPeriod,
  findReportingPeriodView,
  findReportView,
  insertReportingPeriod,
  insertReports,
  listReportingPeriods,
  listReports,
  listStatusChangesOfReport,
  type ReportFacts,
  type ReportFilter,
  updateReport,
  updateReportingPeriod,
} from './reporting.repository.js';
import { findPlanScope, findReportScope } from '../../platform/auth/scope.repository.js';
import { isOpenForFiling, requireEditableReport, requireExisting } from './report-checks.js';
import { recordStatusChange } from '../plans/index.js';
import { auditCreate, writeVersionedUpdate } from '../../platform/records/versioned-write.js';

export interface ReportQuery extends Omit<ReportFilter, 'organizationIds' | 'mine'> {
  /** What the signed-in person owes (as an enlace) or has to review (as a secretariat). */
  mine?: boolean;
  organizationId?: string;
}

/**
 * Periodic reporting: the secretariat opens a period for a plan and every responsible organisation
 * owes a report; the organisation files activities, indicator values and node statuses, submits,
 * and the secretariat accepts it or sends it back with a comment. Every step is audited.
 */
export function createReportingService(db: Database, actor: Actor) {
  const roles = actor.kind === 'user' ? actor.roles : [];

  const readReport = async (id: string): Promise<ReportView> => {
    const report = await findReportView(db, id);
    if (!report) throw notFound();
    return report;
  };

  /**
   * Moves a report to its next status with a version check, holding the report and its activities
   * so nothing is filed meanwhile; the activities' totals follow acceptance.
   */
  const changeStatus = async (
    id: string,
    version: number,
    action: 'submit' | 'accept' | 'send_back',
    values: { status: ReportStatus; submittedAt?: string; reviewedAt?: string; reviewComment?: string | null },
    authorize: (tx: Database, report: ReportFacts) => Promise<void>,
  ) => {
    await db.transaction(async (tx) => {
      const report = await findReportFacts(tx, id, 'update');
      if (!report) throw notFound();
      await authorize(tx, report);
      const activityIds = await listActivityIdsOfReport(tx, id);
      await lockActivities(tx, activityIds);
      await applyActivityTotals(tx, activityIds, -1);
      await writeVersionedUpdate(tx, actor, { entity: 'report', id, version, values, action, find: findReport, write: (t, rowId, v) => updateReport(t, rowId, v, values) });
      await applyActivityTotals(tx, activityIds, 1);
    });
    return readReport(id);
  };

  return {
    async listPeriods(filter: { planId?: string }, page: PageRequest) {
      requireSignedIn(actor);
      return { ...(await listReportingPeriods(db, filter, page)), ...page };
    },

    async getPeriod(id: string): Promise<ReportingPeriodDetailView> {
      requireSignedIn(actor);
      const period = await findReportingPeriodView(db, id);
      if (!period) throw notFound();
      const [{ items }, scope] = await Promise.all([listReports(db, { reportingPeriodId: id }, { page: 1, pageSize: 5000 }), findPlanScope(db, period.plan.id)]);
      return { ...period, reports: items, abilities: { edit: !!scope && canManageBody(actor, scope) } };
    },

    async openPeriod({ organizationIds, ...data }: z.output<typeof ReportingPeriodCreateSchema>) {
      requireBodyManager(actor, await findPlanScope(db, data.planId));
      const id = await db.transaction(async (tx) => {
        const owing = organizationIds ?? (await listResponsibleOrganizationIds(tx, data.planId));
        if (!owing.length) throw invalidField('organizationIds', 'El plan no tiene organizaciones responsables: indique qué organizaciones deben reportar.');
        await requireExisting(tx, 'organizations', owing, 'organizationIds', 'Una de las organizaciones no existe.');
        const period = await insertReportingPeriod(tx, data);
        await insertReports(tx, period.id, [...new Set(owing)]);
        await auditCreate(tx, actor, 'reporting_period', period.id, { ...data, organizationIds: owing });
        return period.id;
      });
      return this.getPeriod(id);
    },

    /** Moves the deadline of an open period (never before the period starts); a closed period keeps its own. */
    async updatePeriod(id: string, { dueDate, version }: z.output<typeof ReportingPeriodUpdateSchema>) {
      const period = await findReportingPeriod(db, id);
      if (!period) throw notFound();
      requireBodyManager(actor, await findPlanScope(db, period.planId));
      if (period.closedAt) throw new DomainError('period_closed');
      if (dueDate < period.periodFrom) throw invalidField('dueDate', REPORTING_DUE_DATE_MESSAGE);
      await db.transaction((tx) =>
        writeVersionedUpdate(tx, actor, {
          entity: 'reporting_period',
          id,
          version,
          values: { dueDate },
          find: findReportingPeriod,
          // Closing and editing race on the version: an edit based on the open period fails once it is closed.
          write: (t, rowId, v, values) => updateReportingPeriod(t, rowId, v, values),
        }),
      );
      return this.getPeriod(id);
    },

    async closePeriod(id: string, version: number) {
      const period = await findReportingPeriod(db, id);
      if (!period) throw notFound();
      requireBodyManager(actor, await findPlanScope(db, period.planId));
      await db.transaction((tx) =>
        writeVersionedUpdate(tx, actor, {
          entity: 'reporting_period',
          id,
          version,
          action: 'close',
          values: { closedAt: new Date().toISOString() },
          find: findReportingPeriod,
          write: (t, rowId, v, values) => updateReportingPeriod(t, rowId, v, values),
        }),
      );
    },

    async listReports({ mine, organizationId, ...filter }: ReportQuery, page: PageRequest) {
      requireSignedIn(actor);
      if (!mine) return { ...(await listReports(db, { ...filter, organizationIds: organizationId ? [organizationId] : undefined }, page)), ...page };
      const owed = roles.flatMap((r) => (r.role === 'enlace' && r.organizationId ? [r.organizationId] : []));
      const reviewed = roles.flatMap((r) => (r.role === 'secretariat' && r.bodyId ? [r.bodyId] : []));
      return { ...(await listReports(db, { ...filter, mine: { organizationIds: owed, bodyIds: isAdmin(actor) ? 'all' : reviewed } }, page)), ...page };
    },

    async getReport(id: string): Promise<ReportDetailView> {
      requireSignedIn(actor);
      const report = await readReport(id);
      const [{ items: activities }, indicatorValues, nodeStatuses, responsibleNodes, scope] = await Promise.all([
        listActivities(db, { reportId: id }, { page: 1, pageSize: 500 }),
        listValuesOfReport(db, id),
        listStatusChangesOfReport(db, id),
        listNodesOfOrganization(db, report.organization.id, report.plan.id),
        findReportScope(db, id),
      ]);
      if (!scope) throw notFound();
      const abilities = {
        file: canManageBodyOrEnlace(actor, scope) && isOpenForFiling(report.status, report.reportingPeriod.isClosed),
        review: canManageBody(actor, scope) && report.status === 'submitted',
      };
      const nodeRefs = responsibleNodes.map(({ id, planId, code, title }) => ({ id, planId, code, title }));
      return { ...report, activities, indicatorValues, nodeStatuses, responsibleNodes: nodeRefs, abilities };
    },

    async submit(id: string, version: number) {
      return changeStatus(id, version, 'submit', { status: 'submitted', submittedAt: new Date().toISOString() }, async (tx) => {
        await requireEditableReport(tx, actor, id, 'id');
      });
    },

    async review(id: string, { decision, comment, version }: z.output<typeof ReportReviewSchema>) {
      const status = decision === 'accept' ? 'accepted' : 'sent_back';
      return changeStatus(id, version, decision, { status, reviewComment: comment, reviewedAt: new Date().toISOString() }, async (tx, report) => {
        requireBodyManager(actor, await findReportScope(tx, id));
        if (report.status !== 'submitted') throw new DomainError('report_not_submitted');
      });
    },

    /** An organisation reports the status of a node it is responsible for; the node's history keeps it with the report. */
    async reportNodeStatus(id: string, input: z.output<typeof NodeStatusReportSchema>) {
      await db.transaction(async (tx) => {
        const report = await requireEditableReport(tx, actor, id, 'id');
        const node = await findPlanNode(tx, input.planNodeId);
        if (!node || node.planId !== report.planId || node.archivedAt) throw invalidField('planNodeId', 'La línea no pertenece al plan de este reporte.');
        const responsible = (await listNodesOfOrganization(tx, report.organizationId, report.planId)).some((n) => n.id === node.id);
        if (!responsible) throw invalidField('planNodeId', 'La organización no es responsable de esta línea del plan.');
        const statuses = (await findPlan(tx, report.planId))!.statuses as PlanStatus[];
        if (!statuses.some((s) => s.key === input.status)) throw invalidField('status', 'Estado no válido para este plan.');
        if (!(await updatePlanNode(tx, node.id, node.version, { status: input.status, progress: input.progress }))) throw staleVersion();
        await recordStatusChange(tx, actor, node, input, { comment: input.comment, reportId: id });
        await insertAuditEntry(tx, {
          actor: describeActor(actor),
          action: 'update',
          entity: 'plan_node',
          entityId: node.id,
          changes: { status: [node.status, input.status], progress: [node.progress, input.progress], reportId: [null, id] },
        });
      });
      return this.getReport(id);
    },
  };
}
