import type { ActivityView, SessionActivityView } from '@telar/domain';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { activities, activityOrganizations } from './activities.tables.js';
import { matchesSearch, type PageRequest, pageClause, queryRows, updateIfVersion, whereAll } from '../../platform/db/query.js';
import { bodyRefJson, evidenceJson, organizationRefsJson, stateCodesArray } from '../../platform/db/views.sql.js';

export interface ActivityFilter {
  q?: string;
  kind?: string;
  stateCode?: string;
  organizationId?: string;
  planId?: string;
  planNodeId?: string;
  reportId?: string;
  /** Activities that started on or after / on or before these dates. */
  from?: string;
  to?: string;
}

export type ActivityRow = typeof activities.$inferSelect;
export type ActivityValues = Omit<typeof activities.$inferInsert, 'id' | 'search'>;

export interface ActivityLinks {
  leadOrganizationIds?: string[];
  partnerOrganizationIds?: string[];
  stateCodes?: string[];
  municipalityCodes?: string[];
  planNodeIds?: string[];
  agreementIds?: string[];
  evidenceIds?: string[];
}

/** Activities count on the dashboards once validated: recorded by a secretariat, or in a report it accepted. */
export const isValidatedActivity = (a: SQL) =>
  sql`(${a}.report_id is null or exists (select 1 from reports r where r.id = ${a}.report_id and r.status = 'accepted'))`;

const idList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);

/** The plan nodes an activity `a` serves, as PlanNodeRef json. */
const planNodeRefsJson = sql`coalesce((select json_agg(json_build_object('id', n.id, 'planId', n.plan_id, 'code', n.code, 'title', n.title) order by n.code)
    from activity_plan_nodes an join plan_nodes n on n.id = an.plan_node_id where an.activity_id = a.id), '[]'::json)`;

const activityViewColumns = sql`a.id, (select ${bodyRefJson(sql`b`)} from bodies b where b.id = a.body_id) as body, a.kind, a.title, a.description, a.start_date::text as "startDate", a.end_date::text as "endDate",
  a.date_precision as "datePrecision", a.audience, a.events, a.participants, a.people_reached as "peopleReached",
  a.reach_breakdown as "reachBreakdown",
  ${organizationRefsJson(sql`(select * from activity_organizations where role = 'lead')`, sql`activity_id`, sql`a.id`, sql`j.position`)} as "leadOrganizations",
  ${organizationRefsJson(sql`(select * from activity_organizations where role = 'partner')`, sql`activity_id`, sql`a.id`, sql`j.position`)} as "partnerOrganizations",
  ${stateCodesArray(sql`activity_states`, sql`activity_id`, sql`a.id`)} as "stateCodes",
  coalesce((select json_agg(json_build_object('cvegeo', m.cvegeo, 'name', m.name) order by m.cvegeo) from activity_municipalities am
    join municipalities m on m.cvegeo = am.cvegeo where am.activity_id = a.id), '[]'::json) as municipalities,
  ${planNodeRefsJson} as "planNodes",
  coalesce((select json_agg(json_build_object('id', g.id, 'code', g.code) order by g.code) from activity_agreements ag
    join agreements g on g.id = ag.agreement_id where ag.activity_id = a.id), '[]'::json) as agreements,
  coalesce((select json_agg(${evidenceJson(sql`e`)} order by e.created_at) from activity_evidence ae
    join evidence e on e.id = ae.evidence_id where ae.activity_id = a.id), '[]'::json) as evidence,
  (select json_build_object('id', r.id, 'status', r.status) from reports r where r.id = a.report_id) as report,
  ${isValidatedActivity(sql`a`)} as "isValidated", a.source, a.flags, a.version`;

function filterActivities(filter: ActivityFilter) {
  return whereAll([
    sql`a.archived_at is null`,
    filter.kind ? sql`a.kind = ${filter.kind}` : undefined,
    filter.reportId ? sql`a.report_id = ${filter.reportId}` : undefined,
    filter.from ? sql`a.start_date >= ${filter.from}` : undefined,
    filter.to ? sql`a.start_date <= ${filter.to}` : undefined,
    filter.stateCode ? sql`exists (select 1 from activity_states s where s.activity_id = a.id and s.state_code = ${filter.stateCode})` : undefined,
    filter.organizationId
      ? sql`exists (select 1 from activity_organizations o where o.activity_id = a.id and o.organization_id = ${filter.organizationId})`
      : undefined,
    filter.planNodeId ? sql`exists (select 1 from activity_plan_nodes an where an.activity_id = a.id and an.plan_node_id = ${filter.planNodeId})` : undefined,
    filter.planId
      ? sql`exists (select 1 from activity_plan_nodes an join plan_nodes n on n.id = an.plan_node_id where an.activity_id = a.id and n.plan_id = ${filter.planId})`
      : undefined,
    matchesSearch(sql`a.search`, filter.q),
  ]);
}

export async function listActivities(db: Database, filter: ActivityFilter, page: PageRequest) {
  const where = filterActivities(filter);
  const [items, [count]] = await Promise.all([
    queryRows<ActivityView>(db, sql`select ${activityViewColumns} from activities a where ${where} order by a.start_date desc, a.id ${pageClause(page)}`),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from activities a where ${where}`),
  ]);
  return { items, total: count?.total ?? 0 };
}

export async function findActivityView(db: Database, id: string): Promise<ActivityView | undefined> {
  const [row] = await queryRows<ActivityView>(db, sql`select ${activityViewColumns} from activities a where a.id = ${id}`);
  return row;
}

export async function findActivity(db: Database, id: string): Promise<ActivityRow | undefined> {
  const [row] = await db.select().from(activities).where(eq(activities.id, id));
  return row;
}

export async function insertActivity(db: Database, values: ActivityValues) {
  const [row] = await db.insert(activities).values(values).returning();
  return row!;
}

export const updateActivity = (db: Database, id: string, version: number, values: Partial<ActivityValues>) =>
  updateIfVersion(db, activities, id, version, values);

/** Join tables of an activity's plain links: input field → [table, column, column type]. */
const LINK_TABLES = {
  stateCodes: ['activity_states', 'state_code', 'text'],
  municipalityCodes: ['activity_municipalities', 'cvegeo', 'text'],
  planNodeIds: ['activity_plan_nodes', 'plan_node_id', 'uuid'],
  agreementIds: ['activity_agreements', 'agreement_id', 'uuid'],
  evidenceIds: ['activity_evidence', 'evidence_id', 'uuid'],
} as const;

/** Replaces the links that are given; links left out stay as they are. */
export async function replaceActivityLinks(db: Database, activityId: string, links: ActivityLinks) {
  const { leadOrganizationIds, partnerOrganizationIds } = links;
  if (leadOrganizationIds || partnerOrganizationIds) {
    const current = await queryRows<{ organizationId: string; role: string }>(
      db,
      sql`select organization_id as "organizationId", role from activity_organizations where activity_id = ${activityId} order by position`,
    );
    const leads = leadOrganizationIds ?? current.filter((o) => o.role === 'lead').map((o) => o.organizationId);
    const partners = (partnerOrganizationIds ?? current.filter((o) => o.role === 'partner').map((o) => o.organizationId)).filter((id) => !leads.includes(id));
    await db.delete(activityOrganizations).where(eq(activityOrganizations.activityId, activityId));
    const rows = [...new Set(leads)].map((organizationId) => ({ organizationId, role: 'lead' }));
    rows.push(...[...new Set(partners)].map((organizationId) => ({ organizationId, role: 'partner' })));
    if (rows.length) await db.insert(activityOrganizations).values(rows.map((row, position) => ({ ...row, activityId, position })));
  }
  for (const [key, [table, column, type]] of Object.entries(LINK_TABLES)) {
    const values = links[key as keyof typeof LINK_TABLES];
    if (!values) continue;
    await db.execute(sql`delete from ${sql.identifier(table)} where activity_id = ${activityId}`);
    const unique = [...new Set(values)];
    if (unique.length) {
      await db.execute(sql`insert into ${sql.identifier(table)} (activity_id, ${sql.identifier(column)})
        select ${activityId}::uuid, value from unnest(array[${idList(unique)}]::${sql.raw(type)}[]) as value`);
    }
  }
}

/**
 * Locks the activities' rows until the transaction ends, in id order: their totals are subtracted and
 * added back around a change, and a concurrent change in between would be counted twice.
 */
export async function lockActivities(db: Database, ids: string[]) {
  if (ids.length) await db.execute(sql`select id from activities where id in (${idList(ids)}) order by id for update`);
}

/** Plan nodes an activity is linked to now. */
export async function listLinkedPlanNodeIds(db: Database, activityId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(db, sql`select plan_node_id as id from activity_plan_nodes where activity_id = ${activityId}`);
  return rows.map((r) => r.id);
}

/** Activity ids of a report, to move their totals when the report's status changes. */
export async function listActivityIdsOfReport(db: Database, reportId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(db, sql`select id from activities where report_id = ${reportId} and archived_at is null`);
  return rows.map((r) => r.id);
}

/**
 * Adds (sign 1) or removes (sign -1) what the live activities matching `scope` contribute to the totals
 * the dashboards read: by month × state × kind × validation, and by plan node. Rows are written in key
 * order so concurrent writers lock them in the same order.
 */
async function addToTotals(db: Database, scope: SQL, sign: 1 | -1) {
  await db.execute(sql`insert into activity_totals (month, state_code, kind, is_validated, activities, events, participants, people_reached)
    select date_trunc('month', a.start_date)::date, place.state_code, a.kind, ${isValidatedActivity(sql`a`)},
      ${sign} * count(*), ${sign} * coalesce(sum(a.events), 0), ${sign} * coalesce(sum(a.participants), 0), ${sign} * coalesce(sum(a.people_reached), 0)
    from activities a
    cross join lateral (select '' as state_code union all select state_code from activity_states s where s.activity_id = a.id) place
    where ${scope} and a.archived_at is null
    group by 1, 2, 3, 4 order by 1, 2, 3, 4
    on conflict (month, state_code, kind, is_validated) do update set
      activities = activity_totals.activities + excluded.activities, events = activity_totals.events + excluded.events,
      participants = activity_totals.participants + excluded.participants, people_reached = activity_totals.people_reached + excluded.people_reached`);
  await db.execute(sql`insert into activity_node_totals (plan_node_id, is_validated, activities, participants)
    select an.plan_node_id, ${isValidatedActivity(sql`a`)}, ${sign} * count(*), ${sign} * coalesce(sum(a.participants), 0)
    from activities a join activity_plan_nodes an on an.activity_id = a.id
    where ${scope} and a.archived_at is null
    group by 1, 2 order by 1, 2
    on conflict (plan_node_id, is_validated) do update set
      activities = activity_node_totals.activities + excluded.activities, participants = activity_node_totals.participants + excluded.participants`);
}

/**
 * Keeps the dashboard totals exact: call with -1 before changing activities (or their report's status)
 * and with 1 after, in the same transaction.
 */
export async function applyActivityTotals(db: Database, activityIds: string[], sign: 1 | -1) {
  if (activityIds.length) await addToTotals(db, sql`a.id in (${idList(activityIds)})`, sign);
}

/** Recomputes every total from the activities (after a bulk load, or to check them). */
export async function rebuildActivityTotals(db: Database) {
  await db.execute(sql`delete from activity_totals`);
  await db.execute(sql`delete from activity_node_totals`);
  await addToTotals(db, sql`true`, 1);
}

/**
 * A body's live activities under way on a day (started on or before it, ended on or after it or
 * undated), with the plan nodes they serve: what an assembly of that body reported as achieved or planned.
 */
export async function listActivitiesOfBodyOnDay(db: Database, bodyId: string, day: string): Promise<SessionActivityView[]> {
  return queryRows<SessionActivityView>(
    db,
    sql`select a.id, a.kind, a.title, a.start_date::text as "startDate", a.end_date::text as "endDate",
          ${planNodeRefsJson} as "planNodes"
        from activities a
        where a.body_id = ${bodyId} and a.archived_at is null and a.start_date <= ${day} and coalesce(a.end_date, a.start_date) >= ${day}
        order by a.start_date, a.title, a.id limit 200`,
  );
}
