import type { NotificationDelivery, NotificationView } from '@telar/domain';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { isoInstant } from '../../platform/db/views.sql.js';
import { notificationPreferences, notificationRuns, notifications } from './notifications.tables.js';

export type NewNotice = typeof notifications.$inferInsert;

/** One array parameter (a single bind value, not a list of them), for `unnest` and `= any(…)`. */
const arrayParam = (values: unknown[]) => sql.param(values);

/**
 * Records the notices not recorded yet (their dedupe key is new); returns how many were. The rows travel as
 * one array per column through `unnest`: thousands of rows in one statement with seven parameters.
 */
export async function insertNotices(db: Database, notices: Required<Pick<NewNotice, 'userId' | 'kind' | 'dedupeKey' | 'title' | 'body' | 'linkPath' | 'isMandatory'>>[]): Promise<number> {
  if (!notices.length) return 0;
  const column = <K extends keyof (typeof notices)[number]>(key: K) => arrayParam(notices.map((n) => n[key]));
  const rows = await queryRows<{ id: string }>(
    db,
    sql`insert into notifications (user_id, kind, dedupe_key, title, body, link_path, is_mandatory)
        select * from unnest(${column('userId')}::uuid[], ${column('kind')}::text[], ${column('dedupeKey')}::text[], ${column('title')}::text[],
          ${column('body')}::text[], ${column('linkPath')}::text[], ${column('isMandatory')}::boolean[])
        on conflict (dedupe_key) do nothing returning id`,
  );
  return rows.length;
}

export interface Preferences {
  delivery: NotificationDelivery;
  kindChoices: Record<string, boolean>;
  version: number;
}

const DEFAULT_PREFERENCES: Preferences = { delivery: 'digest', kindChoices: {}, version: 1 };

/** The choices of these people; someone who never chose has the defaults. */
export async function findPreferences(db: Database, userIds: string[]): Promise<Map<string, Preferences>> {
  const rows = userIds.length ? await db.select().from(notificationPreferences).where(inArray(notificationPreferences.userId, userIds)) : [];
  const byUser = new Map(rows.map((row) => [row.userId, { delivery: row.delivery as NotificationDelivery, kindChoices: row.kindChoices, version: row.version }]));
  return new Map(userIds.map((id) => [id, byUser.get(id) ?? DEFAULT_PREFERENCES]));
}

/**
 * Saves a person's choices if `version` is the one they read (1 for the defaults of someone who never chose);
 * false when someone changed them meanwhile.
 */
export async function savePreferences(db: Database, userId: string, choices: Omit<Preferences, 'version'>, version: number): Promise<boolean> {
  const updated = await db
    .update(notificationPreferences)
    .set({ ...choices, version: sql`${notificationPreferences.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.version, version)))
    .returning({ version: notificationPreferences.version });
  if (updated.length || version !== 1) return updated.length > 0;
  const inserted = await db
    .insert(notificationPreferences)
    .values({ userId, ...choices, version: 2 })
    .onConflictDoNothing()
    .returning({ version: notificationPreferences.version });
  return inserted.length > 0;
}

const noticeView = sql`n.id, n.kind, n.title, n.body, n.link_path as "linkPath", ${isoInstant(sql`n.created_at`)} as "createdAt", n.read_at is not null as "isRead"`;

export async function listNotices(db: Database, userId: string, { limit, offset, isUnreadOnly }: { limit: number; offset: number; isUnreadOnly: boolean }) {
  const unread = isUnreadOnly ? sql`and n.read_at is null` : sql``;
  const items = await queryRows<NotificationView>(
    db,
    sql`select ${noticeView} from notifications n where n.user_id = ${userId} ${unread} order by n.created_at desc, n.id limit ${limit} offset ${offset}`,
  );
  const [count] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total from notifications n where n.user_id = ${userId} ${unread}`);
  return { items, total: count?.total ?? 0 };
}

export async function countUnread(db: Database, userId: string): Promise<number> {
  const [row] = await queryRows<{ unread: number }>(db, sql`select count(*)::int as unread from notifications where user_id = ${userId} and read_at is null`);
  return row?.unread ?? 0;
}

/** Marks the person's notices read: those named, or all. Another person's notices are never touched. */
export async function markNoticesRead(db: Database, userId: string, ids?: string[]) {
  const named = ids ? inArray(notifications.id, ids) : undefined;
  await db.update(notifications).set({ readAt: sql`now()` }).where(and(eq(notifications.userId, userId), isNull(notifications.readAt), named));
}

export interface MailRecipient {
  userId: string;
  email: string;
  name: string;
  delivery: NotificationDelivery;
}

/**
 * A page of active people with notices not yet mailed (keyset on the user id); with `immediateOnly`, only
 * those who chose to be told at once.
 */
export async function pageOfMailRecipients(db: Database, after: string, limit: number, immediateOnly: boolean): Promise<MailRecipient[]> {
  const delivery = immediateOnly ? sql`and coalesce(p.delivery, 'digest') = 'immediate'` : sql``;
  return queryRows<MailRecipient>(
    db,
    sql`select u.id as "userId", u.email, u.name, coalesce(p.delivery, 'digest') as delivery
        from users u left join notification_preferences p on p.user_id = u.id
        where u.id > ${after} and u.is_active and u.archived_at is null ${delivery}
          and exists (select 1 from notifications n where n.user_id = u.id and n.mailed_at is null)
        order by u.id limit ${limit}`,
  );
}

export interface UnmailedNotice {
  id: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  linkPath: string;
}

/**
 * Marks mailed, and returns, every notice of these people not mailed yet, in the order they were told; one
 * statement for the page of people. It finds them by person through the partial index of unmailed notices:
 * naming thousands of notice ids made PostgreSQL scan the whole table once per page of people.
 * Called in the transaction that queues the mails, so a failure leaves them unmailed.
 */
export async function takeUnmailedNotices(db: Database, userIds: string[]): Promise<UnmailedNotice[]> {
  if (!userIds.length) return [];
  return queryRows<UnmailedNotice>(
    db,
    sql`with taken as (
          update notifications set mailed_at = now() where user_id = any(${arrayParam(userIds)}::uuid[]) and mailed_at is null
          returning id, user_id, kind, title, body, link_path, created_at)
        select id, user_id as "userId", kind, title, body, link_path as "linkPath" from taken order by user_id, created_at, id`,
  );
}

/** The day of the last daily run, if any. */
export async function findLastRunDay(db: Database): Promise<string | null> {
  const [row] = await queryRows<{ day: string | null }>(db, sql`select max(run_date) as day from notification_runs`);
  return row?.day ?? null;
}

export async function hasRunFor(db: Database, day: string): Promise<boolean> {
  const rows = await db.select({ day: notificationRuns.runDate }).from(notificationRuns).where(eq(notificationRuns.runDate, day));
  return rows.length > 0;
}

export async function recordRun(db: Database, run: { runDate: string; messages: number; recipients: number; skipped: number }) {
  await db
    .insert(notificationRuns)
    .values(run)
    .onConflictDoUpdate({ target: notificationRuns.runDate, set: { messages: run.messages, recipients: run.recipients, skipped: run.skipped, finishedAt: sql`now()` } });
}
