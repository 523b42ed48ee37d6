import type { PlanNodeDetailView, PlanNodeRef, PlanNodeStatusChangeView, PlanNodeView, PlanStatus, PlanSummaryView } from '@telar/domain';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { planNodeAgreements, planNodeOrganizations, planNodes, planNodeStatusChanges, plans } from './plans.tables.js';
import { indicatorSummaryJson } from '../indicators/index.js';
import { type PageRequest, pageClause, queryRows, updateIfVersion, whereAll } from '../../platform/db/query.js';
import { bodyRefJson, isoInstant, organizationRefsJson } from '../../platform/db/views.sql.js';

export interface PlanFilter {
  q?: string;
  bodyId?: string;
  /** Only what the public may see. */
  isPublished?: boolean;
}

export type PlanRow = typeof plans.$inferSelect;
export type PlanValues = Omit<typeof plans.$inferInsert, 'id'>;
export type PlanNodeRow = typeof planNodes.$inferSelect;
export type PlanNodeValues = Omit<typeof planNodes.$inferInsert, 'id'>;

const planSummaryColumns = sql`p.id, p.name, p.short_name as "shortName", ${bodyRefJson(sql`b`)} as body,
  p.period_from::text as "periodFrom", p.period_to::text as "periodTo",
  (select count(*)::int from plan_nodes n where n.plan_id = p.id and n.archived_at is null) as "nodeCount",
  ${isoInstant(sql`p.published_at`)} as "publishedAt", p.version`;

export async function listPlans(db: Database, filter: PlanFilter, page: PageRequest) {
  const where = whereAll([
    sql`p.archived_at is null`,
    filter.bodyId ? sql`p.body_id = ${filter.bodyId}` : undefined,
    filter.isPublished ? sql`p.published_at is not null` : undefined,
    filter.q ? sql`(p.name ilike ${`%${filter.q}%`} or p.short_name ilike ${`%${filter.q}%`})` : undefined,
  ]);
  const [items, [count]] = await Promise.all([
    queryRows<PlanSummaryView>(db, sql`select ${planSummaryColumns} from plans p join bodies b on b.id = p.body_id where ${where} order by p.name ${pageClause(page)}`),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from plans p where ${where}`),
  ]);
  return { items, total: count?.total ?? 0 };
}

/** A plan's summary; for the public, only while it is published and not archived. */
export async function findPlanSummary(db: Database, id: string, isPublicOnly = false) {
  const [row] = await queryRows<PlanSummaryView & { description: string | null; statuses: PlanStatus[]; flags: string[] }>(
    db,
    sql`select ${planSummaryColumns}, p.description, p.statuses, p.flags from plans p join bodies b on b.id = p.body_id
        where p.id = ${id} ${isPublicOnly ? sql`and p.published_at is not null and p.archived_at is null` : sql``}`,
  );
  return row;
}

export async function findPlan(db: Database, id: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(plans).where(eq(plans.id, id));
  return row;
}

export async function findPlanByName(db: Database, name: string) {
  const [row] = await queryRows<{ id: string }>(db, sql`select id from plans where name = ${name}`);
  return row;
}

export async function insertPlan(db: Database, values: PlanValues) {
  const [row] = await db.insert(plans).values(values).returning();
  return row!;
}

export const updatePlan = (db: Database, id: string, version: number, values: Partial<PlanValues>) => updateIfVersion(db, plans, id, version, values);

const nodeViewColumns = sql`n.id, n.parent_id as "parentId", n.kind, n.code, n.title, n.status, n.progress::float8 as progress,
  n.weight::float8 as weight, n.start_date::text as "startDate", n.due_date::text as "dueDate", n.flags,
  ${organizationRefsJson(sql`plan_node_organizations`, sql`plan_node_id`, sql`n.id`)} as "responsibleOrganizations",
  coalesce((select json_agg(json_build_object('id', a.id, 'code', a.code) order by a.code) from plan_node_agreements na
    join agreements a on a.id = na.agreement_id where na.plan_node_id = n.id), '[]'::json) as agreements,
  coalesce((select t.activities from activity_node_totals t where t.plan_node_id = n.id and t.is_validated), 0) as "activityCount",
  coalesce((select json_agg(${indicatorSummaryJson(sql`i`)} order by i.code nulls last, i.name) from indicators i
    where i.plan_node_id = n.id and i.archived_at is null), '[]'::json) as indicators,
  n.version`;

/** Every live node of a plan, flat, in sibling order (the tree is built by the domain). */
export function listPlanNodes(db: Database, planId: string): Promise<PlanNodeView[]> {
  return queryRows<PlanNodeView>(
    db,
    sql`select ${nodeViewColumns} from plan_nodes n where n.plan_id = ${planId} and n.archived_at is null order by n.position, n.code`,
  );
}

export async function findPlanNodeView(db: Database, id: string): Promise<Omit<PlanNodeDetailView, 'statusHistory'> | undefined> {
  const [row] = await queryRows<Omit<PlanNodeDetailView, 'statusHistory'>>(
    db,
    sql`select ${nodeViewColumns}, json_build_object('id', p.id, 'name', p.name, 'statuses', p.statuses) as plan
        from plan_nodes n join plans p on p.id = n.plan_id where n.id = ${id}`,
  );
  return row;
}

export function listStatusChanges(db: Database, planNodeId: string): Promise<PlanNodeStatusChangeView[]> {
  return queryRows<PlanNodeStatusChangeView>(
    db,
    sql`select status, progress::float8 as progress, comment, report_id as "reportId", actor, ${isoInstant(sql`at`)} as at
        from plan_node_status_changes where plan_node_id = ${planNodeId} order by at`,
  );
}

export async function findPlanNode(db: Database, id: string): Promise<PlanNodeRow | undefined> {
  const [row] = await db.select().from(planNodes).where(eq(planNodes.id, id));
  return row;
}

/** Live nodes of live plans among these ids, as references (to check links). */
export function findPlanNodeRefs(db: Database, ids: string[]): Promise<PlanNodeRef[]> {
  if (!ids.length) return Promise.resolve([]);
  return queryRows<PlanNodeRef>(
    db,
    sql`select n.id, n.plan_id as "planId", n.code, n.title from plan_nodes n join plans p on p.id = n.plan_id
        where n.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) and n.archived_at is null and p.archived_at is null`,
  );
}

export async function countLiveChildren(db: Database, planNodeId: string) {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from plan_nodes where parent_id = ${planNodeId} and archived_at is null`);
  return row?.n ?? 0;
}

export async function nextNodePosition(db: Database, planId: string, parentId: string | null) {
  const [row] = await queryRows<{ next: number }>(
    db,
    sql`select coalesce(max(position), 0) + 1 as next from plan_nodes where plan_id = ${planId} and parent_id is not distinct from ${parentId}::uuid`,
  );
  return row?.next ?? 1;
}

export async function insertPlanNode(db: Database, values: PlanNodeValues) {
  const [row] = await db.insert(planNodes).values(values).returning();
  return row!;
}

export const updatePlanNode = (db: Database, id: string, version: number, values: Partial<PlanNodeValues>) =>
  updateIfVersion(db, planNodes, id, version, values);

export async function replacePlanNodeLinks(db: Database, planNodeId: string, organizationIds?: string[], agreementIds?: string[]) {
  if (organizationIds) {
    await db.delete(planNodeOrganizations).where(eq(planNodeOrganizations.planNodeId, planNodeId));
    const unique = [...new Set(organizationIds)];
    if (unique.length) await db.insert(planNodeOrganizations).values(unique.map((organizationId) => ({ planNodeId, organizationId })));
  }
  if (agreementIds) {
    await db.delete(planNodeAgreements).where(eq(planNodeAgreements.planNodeId, planNodeId));
    const unique = [...new Set(agreementIds)];
    if (unique.length) await db.insert(planNodeAgreements).values(unique.map((agreementId) => ({ planNodeId, agreementId })));
  }
}

export async function insertStatusChange(db: Database, values: typeof planNodeStatusChanges.$inferInsert) {
  await db.insert(planNodeStatusChanges).values(values);
}

/** Organisations responsible for at least one live node of the plan: who must report on it. */
export async function listResponsibleOrganizationIds(db: Database, planId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select distinct no.organization_id as id from plan_node_organizations no join plan_nodes n on n.id = no.plan_node_id
        where n.plan_id = ${planId} and n.archived_at is null`,
  );
  return rows.map((r) => r.id);
}

/** Nodes of the plan an organisation is responsible for. */
export function listNodesOfOrganization(db: Database, organizationId: string, planId?: string) {
  return queryRows<PlanNodeRef & { planName: string; status: string | null }>(
    db,
    sql`select n.id, n.plan_id as "planId", n.code, n.title, n.status, p.name as "planName"
        from plan_node_organizations no join plan_nodes n on n.id = no.plan_node_id join plans p on p.id = n.plan_id
        where no.organization_id = ${organizationId} and n.archived_at is null and p.archived_at is null
          ${planId ? sql`and n.plan_id = ${planId}` : sql``}
        order by p.name, n.position, n.code`,
  );
}
