import {
  buildPlanTree,
  toFileStem,
  DEFAULT_PLAN_STATUSES,
  parsePlanTable,
  toOrganizationKey,
  flattenTree,
  indicatorProgress,
  type PlanCreateSchema,
  type PlanDetailView,
  type PlanNodeCreateSchema,
  type PlanNodeDetailView,
  type PlanRecordView,
  type PlanNodeUpdateSchema,
  type PlanNodeView,
  planProgress,
  type PlanStatus,
  type PlanUpdateSchema,
} from '@telar/domain';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { describeActor } from '../../platform/auth/actor.js';
import { canManageBody, requireBodyManager, requireSignedIn } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/client.js';
import { planNodes, plans } from './plans.tables.js';
import { DomainError, invalidField, notFound, rethrowDuplicateAs } from '../../platform/errors.js';
import { DOCX_CONTENT_TYPE, type DownloadFile, XLSX_CONTENT_TYPE } from '../../platform/documents/table-file.js';
import { readTableFile, writePlanDocument, writePlanWorkbook } from './plan-files.js';
import { insertAuditEntry } from '../../platform/audit/audit.repository.js';
import { findOrganizationByIdentity } from '../directory/index.js';
import {
  countLiveChildren,
  findPlan,
  findPlanByName,
  findPlanNode,
  findPlanNodeView,
  findPlanSummary,
  insertPlan,
  insertPlanNode,
  insertStatusChange,
  listPlanNodes,
  listPlans,
  listStatusChanges,
  nextNodePosition,
  type PlanFilter,
  replacePlanNodeLinks,
  updatePlan,
  updatePlanNode,
} from './plan.repository.js';
import type { PageRequest } from '../../platform/db/query.js';
import { requireExisting } from '../reporting/index.js';
import { withDatasetLatest } from '../indicators/index.js';
import { findBodyScope, findPlanNodeScope, findPlanScope } from '../../platform/auth/scope.repository.js';
import { createLifecycle } from '../../platform/records/lifecycle.js';
import { auditCreate, writeVersionedUpdate } from '../../platform/records/versioned-write.js';

/** Today in Mexico City, the calendar deadlines are kept in. */
export const todayInMexico = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());

const duplicateName = rethrowDuplicateAs('name', 'Ya existe un plan con ese nombre.');
const duplicateCode = rethrowDuplicateAs('code', 'Ya hay un nodo con esa clave en el plan.');

/** Indicators get their progress from baseline, target and latest value, read live for those backed by a dataset. */
async function withIndicatorProgress<Node extends PlanNodeView>(db: Database, nodes: Node[]): Promise<Node[]> {
  const byId = new Map((await withDatasetLatest(db, nodes.flatMap((node) => node.indicators))).map((i) => [i.id, i]));
  return nodes.map((node) => ({
    ...node,
    indicators: node.indicators.map((summary) => {
      const i = byId.get(summary.id)!;
      return { ...i, progress: indicatorProgress(i.baseline, i.target, i.latest?.value ?? null) };
    }),
  }));
}

/** The plan with its tree, progress rolled up and late nodes counted. */
export async function readPlanDetail(db: Database, id: string, isPublicOnly = false): Promise<PlanDetailView | undefined> {
  const plan = await findPlanSummary(db, id, isPublicOnly);
  if (!plan) return undefined;
  const nodes = buildPlanTree(await withIndicatorProgress(db, await listPlanNodes(db, id)), plan.statuses, todayInMexico());
  return { ...plan, nodes, progress: planProgress(nodes), lateCount: flattenTree(nodes).filter((n) => n.isLate).length };
}

/** A status must be one of the plan's own list. */
function requireKnownStatus(statuses: PlanStatus[], status: string | null | undefined, field = 'status') {
  if (status && !statuses.some((s) => s.key === status)) {
    throw invalidField(field, `Estado no válido para este plan; use uno de: ${statuses.map((s) => s.label).join(', ')}.`);
  }
}

export function createPlanService(db: Database, actor: Actor) {
  const authorizePlan = async (id: string) => requireBodyManager(actor, await findPlanScope(db, id));
  const planLifecycle = createLifecycle(db, actor, { entity: 'plan', table: plans, authorize: authorizePlan });
  const nodeLifecycle = createLifecycle(db, actor, {
    entity: 'plan_node',
    table: planNodes,
    authorize: async (id) => {
      requireBodyManager(actor, await findPlanNodeScope(db, id));
      // A branch's children would drop out of the tree with it: they are archived first, one by one.
      if ((await countLiveChildren(db, id)) > 0) throw new DomainError('has_children');
    },
  });

  const getNode = async (id: string): Promise<PlanNodeDetailView> => {
    const [node, statusHistory, scope] = await Promise.all([findPlanNodeView(db, id), listStatusChanges(db, id), findPlanNodeScope(db, id)]);
    if (!node || !scope) throw notFound();
    const manages = canManageBody(actor, scope);
    const [withProgress] = await withIndicatorProgress(db, [node]);
    return { ...withProgress!, plan: node.plan, statusHistory, abilities: { edit: manages, archive: manages } };
  };

  return {
    ...planLifecycle,
    archiveNode: nodeLifecycle.archive,
    restoreNode: nodeLifecycle.restore,

    async list(filter: PlanFilter, page: PageRequest) {
      requireSignedIn(actor);
      return { ...(await listPlans(db, filter, page)), ...page };
    },

    async get(id: string): Promise<PlanRecordView> {
      requireSignedIn(actor);
      const [plan, scope] = await Promise.all([readPlanDetail(db, id), findPlanScope(db, id)]);
      if (!plan || !scope) throw notFound();
      const manages = canManageBody(actor, scope);
      return { ...plan, abilities: { edit: manages, archive: manages, publish: manages, addRecords: manages } };
    },

    async create(data: z.output<typeof PlanCreateSchema>) {
      requireBodyManager(actor, await findBodyScope(db, data.bodyId));
      const id = await db.transaction(async (tx) => {
        await requireExisting(tx, 'bodies', [data.bodyId], 'bodyId', 'El órgano no existe.');
        const row = await insertPlan(tx, data).catch(duplicateName);
        await auditCreate(tx, actor, 'plan', row.id, data);
        return row.id;
      });
      return (await readPlanDetail(db, id))!;
    },

    async update(id: string, { version, ...values }: z.output<typeof PlanUpdateSchema>) {
      await authorizePlan(id);
      await db.transaction((tx) =>
        writeVersionedUpdate(tx, actor, {
          entity: 'plan',
          id,
          version,
          values,
          find: findPlan,
          write: (t, rowId, v) => updatePlan(t, rowId, v, values).catch(duplicateName),
        }),
      );
      return (await readPlanDetail(db, id))!;
    },

    /**
     * Creates a plan from the template (CSV or Excel): every problem is reported with its line and
     * column, and a file with any problem writes nothing.
     */
    async importPlan(bodyId: string, file: { name: string; bytes: Uint8Array }) {
      requireBodyManager(actor, await findBodyScope(db, bodyId));
      const rows = await readTableFile(file.name, file.bytes).catch((error: Error) => {
        throw new DomainError('import_invalid', [{ path: 'file', message: error.message }]);
      });
      const parsed = parsePlanTable(rows);
      const issues = parsed.issues.map((issue) => ({ line: issue.line, field: issue.field, message: issue.message }));
      const organizationIds = new Map<string, string>();
      for (const node of parsed.plan?.nodes ?? []) {
        for (const name of node.responsible) {
          const found = await findOrganizationByIdentity(db, toOrganizationKey(name), name);
          if (found) organizationIds.set(name, found.id);
          else issues.push({ line: node.line, field: 'responsables', message: `No hay una organización registrada como «${name}».` });
        }
      }
      if (parsed.plan && (await findPlanByName(db, parsed.plan.name))) issues.push({ line: 2, field: 'plan', message: 'Ya existe un plan con ese nombre.' });
      if (issues.length || !parsed.plan) {
        throw new DomainError('import_invalid', issues.map((i) => ({ path: i.line ? `línea ${i.line}${i.field ? ` · ${i.field}` : ''}` : i.field, message: i.message })));
      }
      const plan = parsed.plan;
      const id = await db.transaction(async (tx) => {
        const row = await insertPlan(tx, { name: plan.name, shortName: plan.shortName, bodyId, statuses: DEFAULT_PLAN_STATUSES }).catch(duplicateName);
        const nodeIds = new Map<string, string>();
        const positions = new Map<string | null, number>();
        // Parents first, whatever the file's row order: the template has already refused cycles and unknown parents.
        for (const node of orderParentsFirst(plan.nodes)) {
          const parentId = node.parentCode ? nodeIds.get(node.parentCode)! : null;
          const position = (positions.get(parentId) ?? 0) + 1;
          positions.set(parentId, position);
          const { line: _line, parentCode: _parent, responsible, ...values } = node;
          const inserted = await insertPlanNode(tx, { ...values, planId: row.id, parentId, position });
          nodeIds.set(node.code, inserted.id);
          await replacePlanNodeLinks(tx, inserted.id, responsible.map((name) => organizationIds.get(name)!), []);
          if (node.status || node.progress !== null) {
            await insertStatusChange(tx, { planNodeId: inserted.id, status: node.status, progress: node.progress, actor: describeActor(actor) });
          }
        }
        await insertAuditEntry(tx, {
          actor: describeActor(actor),
          action: 'import',
          entity: 'plan',
          entityId: row.id,
          changes: { name: [null, plan.name], file: [null, file.name], nodes: [null, plan.nodes.length] },
        });
        return row.id;
      });
      return { plan: (await readPlanDetail(db, id))!, nodeCount: plan.nodes.length, warnings: parsed.warnings };
    },

    /** The plan as the Excel template (it imports again as it is) or as a Word document. */
    async exportPlan(id: string, format: 'xlsx' | 'docx'): Promise<DownloadFile> {
      const plan = await this.get(id);
      const fileStem = `plan-${toFileStem(plan.shortName ?? plan.name)}`;
      if (format === 'xlsx') return { body: await writePlanWorkbook(plan), contentType: XLSX_CONTENT_TYPE, fileName: `${fileStem}.xlsx` };
      return { body: await writePlanDocument(plan), contentType: DOCX_CONTENT_TYPE, fileName: `${fileStem}.docx` };
    },

    getNode: async (id: string) => {
      requireSignedIn(actor);
      return getNode(id);
    },

    async createNode({ responsibleOrganizationIds, agreementIds, ...data }: z.output<typeof PlanNodeCreateSchema>) {
      requireBodyManager(actor, await findPlanScope(db, data.planId));
      const id = await db.transaction(async (tx) => {
        const plan = (await findPlan(tx, data.planId))!;
        requireKnownStatus(plan.statuses as PlanStatus[], data.status);
        if (data.parentId && (await findPlanNode(tx, data.parentId))?.planId !== data.planId) {
          throw invalidField('parentId', 'El nodo superior no pertenece a este plan.');
        }
        await requireExisting(tx, 'organizations', responsibleOrganizationIds, 'responsibleOrganizationIds', 'Una de las organizaciones no existe.');
        await requireExisting(tx, 'agreements', agreementIds, 'agreementIds', 'Uno de los acuerdos no existe.');
        const position = await nextNodePosition(tx, data.planId, data.parentId);
        const row = await insertPlanNode(tx, { ...data, position }).catch(duplicateCode);
        await replacePlanNodeLinks(tx, row.id, responsibleOrganizationIds, agreementIds);
        if (data.status || data.progress !== null) {
          await insertStatusChange(tx, { planNodeId: row.id, status: data.status, progress: data.progress, actor: describeActor(actor) });
        }
        await auditCreate(tx, actor, 'plan_node', row.id, { ...data, responsibleOrganizationIds, agreementIds });
        return row.id;
      });
      return getNode(id);
    },

    async updateNode(id: string, { version, comment, responsibleOrganizationIds, agreementIds, ...values }: z.output<typeof PlanNodeUpdateSchema>) {
      requireBodyManager(actor, await findPlanNodeScope(db, id));
      await db.transaction(async (tx) => {
        const node = await findPlanNode(tx, id);
        if (!node) throw notFound();
        const plan = (await findPlan(tx, node.planId))!;
        requireKnownStatus(plan.statuses as PlanStatus[], values.status);
        await requireExisting(tx, 'organizations', responsibleOrganizationIds, 'responsibleOrganizationIds', 'Una de las organizaciones no existe.');
        await requireExisting(tx, 'agreements', agreementIds, 'agreementIds', 'Uno de los acuerdos no existe.');
        await writeVersionedUpdate(tx, actor, {
          entity: 'plan_node',
          id,
          version,
          values: { ...values, responsibleOrganizationIds, agreementIds },
          find: findPlanNode,
          write: async (t, rowId, v) => {
            const row = await updatePlanNode(t, rowId, v, values).catch(duplicateCode);
            if (row) await replacePlanNodeLinks(t, rowId, responsibleOrganizationIds, agreementIds);
            return row;
          },
        });
        await recordStatusChange(tx, actor, node, values, { comment: comment ?? null, reportId: null });
      });
      return getNode(id);
    },
  };
}

/** Nodes ordered so every parent comes before its children. */
function orderParentsFirst<T extends { code: string; parentCode: string | null }>(nodes: T[]): T[] {
  const byParent = new Map<string | null, T[]>();
  for (const node of nodes) byParent.set(node.parentCode, [...(byParent.get(node.parentCode) ?? []), node]);
  const visit = (parentCode: string | null): T[] => (byParent.get(parentCode) ?? []).flatMap((node) => [node, ...visit(node.code)]);
  return visit(null);
}

/**
 * Keeps the node's status history: one entry when the status or the progress changed.
 * `before` is the node as it was; `after` what the edit sets (a field left out did not change).
 */
export async function recordStatusChange(
  db: Database,
  actor: Actor,
  before: { id: string; status: string | null; progress: number | null },
  after: { status?: string | null; progress?: number | null },
  context: { comment: string | null; reportId: string | null },
) {
  const status = after.status === undefined ? before.status : after.status;
  const progress = after.progress === undefined ? before.progress : after.progress;
  if (status === before.status && progress === before.progress) return;
  await insertStatusChange(db, { planNodeId: before.id, status, progress, ...context, actor: describeActor(actor) });
}
