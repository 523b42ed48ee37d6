import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';

/**
 * What the notification rules read. Each query returns a page of records (keyset on the record id, so a run
 * reads any number of records in bounded memory) joined with their recipients: one row per record and
 * person, a record without any recipient once with `userId` null so the page still advances.
 * Recipients are live role grants of active accounts only; each row carries the recipient's choice of kinds
 * (`kindChoices`, JSON, null for someone who never chose), so a run asks nothing else per page.
 */

export interface DeadlineWindow {
  /** The run's day (Mexico City). */
  today: string;
  /** Deadlines before this day are at most 1 working day away (the working day after the next one). */
  dueOneBefore: string;
  /** Deadlines before this day are at most 7 working days away. */
  dueSevenBefore: string;
  /** Deadlines before this day are overdue by more than 14 days (escalated). */
  escalateBefore: string;
}

/** Events (a report submitted, a session published…) of these Mexico City days are notified. */
export interface EventWindow {
  fromDay: string;
  toDay: string;
}

export interface PageRequest {
  after: string;
  limit: number;
}

export interface RuleRow {
  recordId: string;
  userId: string | null;
  /** Why this person is told: 'enlace' of a responsible organisation, 'secretariat' of the body, 'member' of the body. */
  audience: string | null;
  [fact: string]: string | null;
}

const FIRST_ID = '00000000-0000-0000-0000-000000000000';
export const firstPage = (limit: number): PageRequest => ({ after: FIRST_ID, limit });

const activeGrant = (role: string) =>
  sql`select ur.user_id from user_roles ur join users u on u.id = ur.user_id and u.is_active and u.archived_at is null
      where ur.archived_at is null and ur.role = ${role}`;
const enlacesOf = (organizationIds: SQL) => sql`${activeGrant('enlace')} and ur.organization_id in (${organizationIds})`;
const secretariatOf = (bodyId: SQL) => sql`${activeGrant('secretariat')} and ur.body_id = ${bodyId}`;
const inMexicoCity = (instant: SQL) => sql`(${instant} at time zone 'America/Mexico_City')::date`;

async function pageWithRecipients(db: Database, records: SQL, recipients: SQL): Promise<RuleRow[]> {
  return queryRows<RuleRow>(
    db,
    sql`with recs as (${records})
        select recs.*, who.user_id as "userId", who.audience, np.kind_choices::text as "kindChoices" from recs
        left join lateral (${recipients}) who on true
        left join notification_preferences np on np.user_id = who.user_id
        order by recs."recordId", who.user_id`,
  );
}

/** Open agreements whose deadline is at most 7 working days away or past → enlaces of the responsible organisations and the body's secretariat. */
export function agreementDeadlines(db: Database, window: DeadlineWindow, page: PageRequest) {
  return pageWithRecipients(
    db,
    sql`select a.id as "recordId", a.code, a.text, a.due_date::text as "dueDate", s.body_id as "bodyId",
          coalesce(b.acronym, b.name) as "bodyName", (a.due_date < ${window.escalateBefore}::date)::text as "isEscalated"
        from agreements a join sessions s on s.id = a.session_id join bodies b on b.id = s.body_id
        where a.id > ${page.after} and a.archived_at is null and s.archived_at is null and b.archived_at is null
          and a.status in ('pending', 'in_progress') and a.due_date < ${window.dueSevenBefore}::date
        order by a.id limit ${page.limit}`,
    sql`select user_id, 'enlace' as audience from (${enlacesOf(sql`select ao.organization_id from agreement_organizations ao where ao.agreement_id = recs."recordId"`)}) e
        union select user_id, 'secretariat' from (${secretariatOf(sql`recs."bodyId"`)}) s`,
  );
}

/** Reports due or sent back whose deadline is at most 7 working days away or past → enlaces of the owing organisation; past 14 days also the plan body's secretariat. */
export function reportDeadlines(db: Database, window: DeadlineWindow, page: PageRequest) {
  return pageWithRecipients(
    db,
    sql`select r.id as "recordId", r.organization_id as "organizationId", rp.title as "periodTitle", p.name as "planName",
          rp.due_date::text as "dueDate", p.body_id as "bodyId", coalesce(o.acronym, o.name) as "organizationName",
          (rp.due_date < ${window.escalateBefore}::date)::text as "isEscalated"
        from reports r join reporting_periods rp on rp.id = r.reporting_period_id join plans p on p.id = rp.plan_id
          join organizations o on o.id = r.organization_id
        where r.id > ${page.after} and r.archived_at is null and rp.archived_at is null and rp.closed_at is null and p.archived_at is null
          and r.status in ('due', 'sent_back') and rp.due_date < ${window.dueSevenBefore}::date
        order by r.id limit ${page.limit}`,
    sql`select user_id, 'enlace' as audience from (${enlacesOf(sql`recs."organizationId"`)}) e
        union select user_id, 'secretariat' from (${secretariatOf(sql`recs."bodyId"`)}) s where recs."isEscalated" = 'true'`,
  );
}

/** Reports submitted in the window and still waiting for review → the secretariat of the plan's body. */
export function submittedReports(db: Database, window: EventWindow, page: PageRequest) {
  return pageWithRecipients(
    db,
    sql`select r.id as "recordId", r.submitted_at::text as "eventAt", rp.title as "periodTitle", p.name as "planName",
          p.body_id as "bodyId", coalesce(o.acronym, o.name) as "organizationName"
        from reports r join reporting_periods rp on rp.id = r.reporting_period_id join plans p on p.id = rp.plan_id
          join organizations o on o.id = r.organization_id
        where r.id > ${page.after} and r.archived_at is null and r.status = 'submitted'
          and ${inMexicoCity(sql`r.submitted_at`)} between ${window.fromDay}::date and ${window.toDay}::date
        order by r.id limit ${page.limit}`,
    sql`select user_id, 'secretariat' as audience from (${secretariatOf(sql`recs."bodyId"`)}) s`,
  );
}

/** Reports sent back or accepted in the window → enlaces of the organisation that filed them. */
export function reviewedReports(db: Database, window: EventWindow, page: PageRequest) {
  return pageWithRecipients(
    db,
    sql`select r.id as "recordId", r.status, r.reviewed_at::text as "eventAt", rp.title as "periodTitle", p.name as "planName",
          r.organization_id as "organizationId"
        from reports r join reporting_periods rp on rp.id = r.reporting_period_id join plans p on p.id = rp.plan_id
        where r.id > ${page.after} and r.archived_at is null and r.status in ('sent_back', 'accepted')
          and ${inMexicoCity(sql`r.reviewed_at`)} between ${window.fromDay}::date and ${window.toDay}::date
        order by r.id limit ${page.limit}`,
    sql`select user_id, 'enlace' as audience from (${enlacesOf(sql`recs."organizationId"`)}) e`,
  );
}

/** Sessions published in the window → enlaces of the body's member organisations and its secretariat. */
export function publishedSessions(db: Database, window: EventWindow, page: PageRequest) {
  return pageWithRecipients(
    db,
    sql`select s.id as "recordId", s.published_at::text as "eventAt", s.kind, s.number::text as number, s.date::text as date,
          s.body_id as "bodyId", coalesce(b.acronym, b.name) as "bodyName"
        from sessions s join bodies b on b.id = s.body_id
        where s.id > ${page.after} and s.archived_at is null and s.published_at is not null
          and ${inMexicoCity(sql`s.published_at`)} between ${window.fromDay}::date and ${window.toDay}::date
        order by s.id limit ${page.limit}`,
    sql`select user_id, 'member' as audience from (${enlacesOf(
      sql`select m.organization_id from memberships m where m.body_id = recs."bodyId" and m.archived_at is null
          and (m.end_date is null or m.end_date >= ${window.toDay}::date)`,
    )}) e
        union select user_id, 'secretariat' from (${secretariatOf(sql`recs."bodyId"`)}) s`,
  );
}

/** Questionnaire contributions still with their organisation, in open exercises, whose due date is at most 7 working days away or past → the organisation's enlaces. */
export function contributionDeadlines(db: Database, window: DeadlineWindow, page: PageRequest) {
  return pageWithRecipients(
    db,
    sql`select c.id as "recordId", c.organization_id as "organizationId", c.due_on::text as "dueDate", e.title as "exerciseTitle", q.number as "questionNumber"
        from questionnaire_contributions c join questionnaire_exercises e on e.id = c.exercise_id join exercise_questions q on q.id = c.question_id
        where c.id > ${page.after} and c.archived_at is null and e.archived_at is null and e.status = 'open'
          and c.status in ('pending', 'draft', 'sent_back') and c.due_on < ${window.dueSevenBefore}::date
        order by c.id limit ${page.limit}`,
    sql`select user_id, 'enlace' as audience from (${enlacesOf(sql`recs."organizationId"`)}) e`,
  );
}

/** Questionnaire contributions sent back in the window (and not yet sent again) → the organisation's enlaces. */
export function sentBackContributions(db: Database, window: EventWindow, page: PageRequest) {
  return pageWithRecipients(
    db,
    sql`select c.id as "recordId", c.reviewed_at::text as "eventAt", c.organization_id as "organizationId", e.title as "exerciseTitle", q.number as "questionNumber"
        from questionnaire_contributions c join questionnaire_exercises e on e.id = c.exercise_id join exercise_questions q on q.id = c.question_id
        where c.id > ${page.after} and c.archived_at is null and c.status in ('sent_back', 'draft') and c.reviewed_at is not null and e.status = 'open' and e.archived_at is null
          and ${inMexicoCity(sql`c.reviewed_at`)} between ${window.fromDay}::date and ${window.toDay}::date
        order by c.id limit ${page.limit}`,
    sql`select user_id, 'enlace' as audience from (${enlacesOf(sql`recs."organizationId"`)}) e`,
  );
}
