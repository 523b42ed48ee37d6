import type { RoleGrant, SessionKind } from '@telar/domain';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { queryRows, uuidArray } from '../../platform/db/query.js';
import { isoInstant } from '../../platform/db/views.sql.js';
import { calendarFeeds } from './calendar.tables.js';

export async function saveCalendarFeed(db: Database, userId: string, tokenHash: string) {
  await db
    .insert(calendarFeeds)
    .values({ userId, tokenHash })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: sql`now()` } });
}

export async function deleteCalendarFeed(db: Database, userId: string) {
  const rows = await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).returning({ userId: calendarFeeds.userId });
  return rows.length > 0;
}

export async function findCalendarFeed(db: Database, userId: string) {
  const [row] = await queryRows<{ createdAt: string }>(db, sql`select ${isoInstant(sql`created_at`)} as "createdAt" from calendar_feeds where user_id = ${userId}`);
  return row;
}

/** The active person a feed's secret belongs to, with their current roles. */
export async function findFeedOwner(db: Database, tokenHash: string) {
  const [row] = await queryRows<{ id: string; name: string; roles: RoleGrant[] }>(
    db,
    sql`select u.id, u.name,
          coalesce((select json_agg(json_build_object('role', r.role, 'bodyId', r.body_id, 'organizationId', r.organization_id))
                    from user_roles r where r.user_id = u.id and r.archived_at is null), '[]'::json) as roles
        from calendar_feeds f join users u on u.id = f.user_id
        where f.token_hash = ${tokenHash} and u.is_active and u.archived_at is null`,
  );
  return row;
}

/** Whose dates a feed holds: every body (administrators), the bodies a secretariat manages, the organisations of an enlace. */
export interface CalendarScope {
  allBodies: boolean;
  bodyIds: string[];
  organizationIds: string[];
}

export type CalendarRow =
  | { type: 'session'; id: string; date: string; kind: SessionKind; number: number | null; bodyName: string }
  | { type: 'agreement'; id: string; date: string; code: string | null; text: string; bodyName: string }
  | { type: 'report'; id: string; date: string; periodTitle: string; planName: string; organizationName: string };

/**
 * The sessions of the person's bodies (and of the bodies their organisations sit in), the deadlines of
 * open agreements of those bodies or in their organisations' charge, and the deadlines of the reports
 * their organisations owe or their bodies' plans await, between two days, in date order.
 */
export async function listCalendarRows(db: Database, scope: CalendarScope, window: { from: string; to: string; limit: number }): Promise<CalendarRow[]> {
  const inBodies = (bodyId: ReturnType<typeof sql>) => (scope.allBodies ? sql`true` : sql`${bodyId} = any(${uuidArray(scope.bodyIds)})`);
  const ofOrganizations = uuidArray(scope.organizationIds);
  return queryRows<CalendarRow>(
    db,
    sql`(select 'session' as type, s.id, s.date::text as date, s.kind, s.number, coalesce(b.acronym, b.name) as "bodyName",
           null as code, null as text, null as "periodTitle", null as "planName", null as "organizationName"
         from sessions s join bodies b on b.id = s.body_id
         where s.archived_at is null and s.date between ${window.from}::date and ${window.to}::date
           and (${inBodies(sql`s.body_id`)} or exists (select 1 from memberships m where m.body_id = s.body_id and m.archived_at is null
                and m.organization_id = any(${ofOrganizations}))))
        union all
        (select 'agreement', a.id, a.due_date::text, null, null, coalesce(b.acronym, b.name), a.code, a.text, null, null, null
         from agreements a join sessions s on s.id = a.session_id join bodies b on b.id = s.body_id
         where a.archived_at is null and a.status in ('pending', 'in_progress') and a.due_date between ${window.from}::date and ${window.to}::date
           and (${inBodies(sql`s.body_id`)} or exists (select 1 from agreement_organizations ao where ao.agreement_id = a.id
                and ao.organization_id = any(${ofOrganizations}))))
        union all
        (select 'report', r.id, rp.due_date::text, null, null, null, null, null, rp.title, p.name, coalesce(o.acronym, o.name)
         from reports r join reporting_periods rp on rp.id = r.reporting_period_id join plans p on p.id = rp.plan_id
           join organizations o on o.id = r.organization_id
         where r.archived_at is null and rp.archived_at is null and rp.closed_at is null and r.status in ('due', 'sent_back', 'submitted')
           and rp.due_date between ${window.from}::date and ${window.to}::date
           and (r.organization_id = any(${ofOrganizations}) or (r.status = 'submitted' and ${inBodies(sql`p.body_id`)})))
        order by date, type, id
        limit ${window.limit}`,
  );
}
