import type { PlanNodeStatusChangeView, ReportingPeriodView, ReportView } from '@telar/domain';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { reportingPeriods, reports } from './reporting.tables.js';
import { type PageRequest, pageClause, queryRows, updateIfVersion, uuidArray, whereAll } from '../../platform/db/query.js';
import { isoInstant } from '../../platform/db/views.sql.js';

export interface ReportFilter {
  reportingPeriodId?: string;
  organizationIds?: string[];
  status?: string;
  /** Only periods still open (not closed). */
  isPeriodOpen?: boolean;
  /** Only reports to plans of these bodies. */
  planBodyIds?: string[];
  /** A person's page of pending work: reports their organisations owe, and submitted reports of plans their bodies manage. */
  mine?: { organizationIds: string[]; bodyIds: string[] | 'all' };
}

export type ReportingPeriodRow = typeof reportingPeriods.$inferSelect;
export type ReportRow = typeof reports.$inferSelect;

/** Due or sent back past the deadline (Mexico City's calendar day). */
const isOverdue = (r: SQL, rp: SQL) => sql`(${r}.status in ('due', 'sent_back') and ${rp}.due_date < (now() at time zone 'America/Mexico_City')::date)`;

const reportViewColumns = sql`r.id,
  json_build_object('id', rp.id, 'title', rp.title, 'periodFrom', rp.period_from::text, 'periodTo', rp.period_to::text,
    'dueDate', rp.due_date::text, 'isClosed', rp.closed_at is not null) as "reportingPeriod",
  json_build_object('id', p.id, 'name', p.name) as plan,
  json_build_object('id', o.id, 'name', o.name, 'acronym', o.acronym) as organization,
  r.status, ${isOverdue(sql`r`, sql`rp`)} as "isOverdue",
  ${isoInstant(sql`r.submitted_at`)} as "submittedAt", ${isoInstant(sql`r.reviewed_at`)} as "reviewedAt", r.review_comment as "reviewComment",
  (select count(*)::int from activities a where a.report_id = r.id and a.archived_at is null) as "activityCount", r.version`;

const reportFrom = sql`reports r join reporting_periods rp on rp.id = r.reporting_period_id join plans p on p.id = rp.plan_id
  join organizations o on o.id = r.organization_id`;

function mineCondition({ organizationIds, bodyIds }: NonNullable<ReportFilter['mine']>) {
  const toReview = bodyIds === 'all' ? sql`true` : bodyIds.length ? sql`p.body_id = any(${uuidArray(bodyIds)})` : sql`false`;
  const owed = organizationIds.length ? sql`r.organization_id = any(${uuidArray(organizationIds)})` : sql`false`;
  return sql`(${owed} or (r.status = 'submitted' and ${toReview}))`;
}

export async function listReports(db: Database, filter: ReportFilter, page: PageRequest) {
  const where = whereAll([
    sql`rp.archived_at is null`,
    filter.reportingPeriodId ? sql`r.reporting_period_id = ${filter.reportingPeriodId}` : undefined,
    filter.organizationIds ? sql`r.organization_id = any(${uuidArray(filter.organizationIds)})` : undefined,
    filter.status ? sql`r.status = ${filter.status}` : undefined,
    filter.isPeriodOpen ? sql`rp.closed_at is null` : undefined,
    filter.planBodyIds ? sql`p.body_id = any(${uuidArray(filter.planBodyIds)})` : undefined,
    filter.mine ? mineCondition(filter.mine) : undefined,
  ]);
  const [items, [count]] = await Promise.all([
    queryRows<ReportView>(db, sql`select ${reportViewColumns} from ${reportFrom} where ${where} order by rp.due_date, o.name_key ${pageClause(page)}`),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from ${reportFrom} where ${where}`),
  ]);
  return { items, total: count?.total ?? 0 };
}

export async function findReportView(db: Database, id: string): Promise<ReportView | undefined> {
  const [row] = await queryRows<ReportView>(db, sql`select ${reportViewColumns} from ${reportFrom} where r.id = ${id}`);
  return row;
}

/** A report with what its rules need: its status, the plan's body and the reporting organisation. */
export interface ReportFacts {
  id: string;
  status: string;
  version: number;
  organizationId: string;
  reportingPeriodId: string;
  planId: string;
  bodyId: string;
  isPeriodClosed: boolean;
}

/**
 * The report's facts, optionally locking its row until the transaction ends: `share` while filing into
 * it (many may file at once), `update` while changing its status (alone), so a report cannot be
 * submitted halfway through a filing, nor its totals moved while an activity in it changes.
 */
export async function findReportFacts(db: Database, id: string, lock?: 'share' | 'update'): Promise<ReportFacts | undefined> {
  const [row] = await queryRows<ReportFacts>(
    db,
    sql`select r.id, r.status, r.version, r.organization_id as "organizationId", r.reporting_period_id as "reportingPeriodId",
          p.id as "planId", p.body_id as "bodyId", rp.closed_at is not null as "isPeriodClosed"
        from reports r join reporting_periods rp on rp.id = r.reporting_period_id join plans p on p.id = rp.plan_id where r.id = ${id}
        ${lock ? sql.raw(`for ${lock} of r`) : sql``}`,
  );
  return row;
}

export async function findReport(db: Database, id: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(reports).where(eq(reports.id, id));
  return row;
}

export const updateReport = (db: Database, id: string, version: number, values: Partial<typeof reports.$inferInsert>) =>
  updateIfVersion(db, reports, id, version, values);

export async function insertReports(db: Database, reportingPeriodId: string, organizationIds: string[]) {
  if (organizationIds.length) await db.insert(reports).values(organizationIds.map((organizationId) => ({ reportingPeriodId, organizationId })));
}

const periodViewColumns = sql`rp.id, json_build_object('id', p.id, 'name', p.name) as plan, rp.title, rp.period_from::text as "periodFrom",
  rp.period_to::text as "periodTo", rp.due_date::text as "dueDate", ${isoInstant(sql`rp.closed_at`)} as "closedAt",
  (select json_build_object('due', count(*) filter (where r.status = 'due'), 'submitted', count(*) filter (where r.status = 'submitted'),
      'accepted', count(*) filter (where r.status = 'accepted'), 'sent_back', count(*) filter (where r.status = 'sent_back'),
      'overdue', count(*) filter (where ${isOverdue(sql`r`, sql`rp`)}))
    from reports r where r.reporting_period_id = rp.id) as counts,
  rp.version`;

export async function listReportingPeriods(db: Database, filter: { planId?: string }, page: PageRequest) {
  const where = whereAll([sql`rp.archived_at is null`, filter.planId ? sql`rp.plan_id = ${filter.planId}` : undefined]);
  const [items, [count]] = await Promise.all([
    queryRows<Omit<ReportingPeriodView, 'reports'>>(
      db,
      sql`select ${periodViewColumns} from reporting_periods rp join plans p on p.id = rp.plan_id where ${where} order by rp.due_date desc ${pageClause(page)}`,
    ),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from reporting_periods rp where ${where}`),
  ]);
  return { items: items.map((item): ReportingPeriodView => ({ ...item, reports: [] })), total: count?.total ?? 0 };
}

export async function findReportingPeriodView(db: Database, id: string) {
  const [row] = await queryRows<Omit<ReportingPeriodView, 'reports'>>(
    db,
    sql`select ${periodViewColumns} from reporting_periods rp join plans p on p.id = rp.plan_id where rp.id = ${id}`,
  );
  return row;
}

export async function findReportingPeriod(db: Database, id: string): Promise<ReportingPeriodRow | undefined> {
  const [row] = await db.select().from(reportingPeriods).where(eq(reportingPeriods.id, id));
  return row;
}

export async function insertReportingPeriod(db: Database, values: Omit<typeof reportingPeriods.$inferInsert, 'id'>) {
  const [row] = await db.insert(reportingPeriods).values(values).returning();
  return row!;
}

export const updateReportingPeriod = (db: Database, id: string, version: number, values: Partial<typeof reportingPeriods.$inferInsert>) =>
  updateIfVersion(db, reportingPeriods, id, version, values);

/** Node statuses filed in a report, with the node's code and title. */
export function listStatusChangesOfReport(db: Database, reportId: string) {
  return queryRows<PlanNodeStatusChangeView & { planNodeId: string; code: string; title: string }>(
    db,
    sql`select c.plan_node_id as "planNodeId", n.code, n.title, c.status, c.progress::float8 as progress, c.comment, c.report_id as "reportId",
          c.actor, ${isoInstant(sql`c.at`)} as at
        from plan_node_status_changes c join plan_nodes n on n.id = c.plan_node_id where c.report_id = ${reportId} order by c.at`,
  );
}
