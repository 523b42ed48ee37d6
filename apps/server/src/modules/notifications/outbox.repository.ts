import type { MAIL_STATUSES } from '@telar/domain';
import { desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { isoInstant } from '../../platform/db/views.sql.js';
import { mailOutbox } from './notifications.tables.js';

/** A message ready to queue: the same `dedupeKey` again queues nothing. */
export interface OutgoingMail {
  kind: string;
  toAddress: string;
  toUserId?: string | null;
  subject: string;
  text: string;
  html: string;
  dedupeKey: string;
  /** Where the person switches this kind of mail off; only for mail they may refuse. */
  unsubscribeUrl?: string | null;
}

export type OutboxRow = typeof mailOutbox.$inferSelect;
type MailStatus = (typeof MAIL_STATUSES)[number];

/** Queues the mail in the caller's transaction; true when it was new. */
export async function insertMail(db: Database, mail: OutgoingMail): Promise<boolean> {
  const rows = await db
    .insert(mailOutbox)
    .values({
      kind: mail.kind,
      toAddress: mail.toAddress,
      recipientUserId: mail.toUserId ?? null,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
      dedupeKey: mail.dedupeKey,
      unsubscribeUrl: mail.unsubscribeUrl ?? null,
    })
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
    .returning({ id: mailOutbox.id });
  return rows.length > 0;
}

/** Queues many mails in one statement; returns the dedupe keys that were new. */
export async function insertMails(db: Database, mails: OutgoingMail[]): Promise<Set<string>> {
  if (!mails.length) return new Set();
  const column = (read: (mail: OutgoingMail) => unknown) => sql.param(mails.map(read));
  const rows = await queryRows<{ dedupe_key: string }>(
    db,
    sql`insert into mail_outbox (kind, to_address, recipient_user_id, subject, text_body, html_body, dedupe_key, unsubscribe_url)
        select * from unnest(${column((m) => m.kind)}::text[], ${column((m) => m.toAddress)}::text[], ${column((m) => m.toUserId ?? null)}::uuid[],
          ${column((m) => m.subject)}::text[], ${column((m) => m.text)}::text[], ${column((m) => m.html)}::text[], ${column((m) => m.dedupeKey)}::text[],
          ${column((m) => m.unsubscribeUrl ?? null)}::text[])
        on conflict (dedupe_key) do nothing returning dedupe_key`,
  );
  return new Set(rows.map((row) => row.dedupe_key));
}

/** The newest messages first, without their bodies (the list), and how many there are. */
export async function listMail(db: Database, { limit, offset }: { limit: number; offset: number }) {
  const items = await db
    .select({
      id: mailOutbox.id,
      kind: mailOutbox.kind,
      toAddress: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      status: sql<MailStatus>`${mailOutbox.status}`,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      createdAt: sql<string>`${isoInstant(sql`${mailOutbox.createdAt}`)}`,
      sentAt: sql<string | null>`${isoInstant(sql`${mailOutbox.sentAt}`)}`,
    })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt))
    .limit(limit)
    .offset(offset);
  const [count] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total from mail_outbox`);
  return { items, total: count?.total ?? 0 };
}

export async function findMail(db: Database, id: string): Promise<OutboxRow | undefined> {
  const [row] = await db
    .select({
      ...getTableColumns(mailOutbox),
      createdAt: sql<string>`${isoInstant(sql`${mailOutbox.createdAt}`)}`,
      sentAt: sql<string | null>`${isoInstant(sql`${mailOutbox.sentAt}`)}`,
    })
    .from(mailOutbox)
    .where(eq(mailOutbox.id, id));
  return row;
}

/**
 * Claims up to `limit` queued messages whose time has come, pushing their next attempt past `leaseSeconds`
 * so that no other sender takes them while this one works (skip locked: senders never wait on each other).
 */
export async function claimDueMail(db: Database, limit: number, leaseSeconds: number): Promise<OutboxRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`update mail_outbox set next_attempt_at = now() + make_interval(secs => ${leaseSeconds})
        where id in (select id from mail_outbox where status = 'queued' and next_attempt_at <= now()
                     order by next_attempt_at, created_at limit ${limit} for update skip locked)
        returning id, to_address, recipient_user_id, kind, subject, text_body, html_body, unsubscribe_url, attempts, created_at`,
  );
  // `returning` keeps no order: send in the order the messages were queued.
  rows.sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)));
  return rows.map((r) => ({
    id: r.id as string,
    toAddress: r.to_address as string,
    recipientUserId: r.recipient_user_id as string | null,
    kind: r.kind as string,
    subject: r.subject as string,
    textBody: r.text_body as string,
    htmlBody: r.html_body as string,
    unsubscribeUrl: r.unsubscribe_url as string | null,
    attempts: r.attempts as number,
  })) as OutboxRow[];
}

export async function markMailSent(db: Database, id: string) {
  await db.update(mailOutbox).set({ status: 'sent', sentAt: sql`now()`, attempts: sql`${mailOutbox.attempts} + 1`, lastError: null }).where(eq(mailOutbox.id, id));
}

/** Records a failed attempt: tried again after `retryInSeconds`, or failed for good when that is null. */
export async function markMailAttemptFailed(db: Database, id: string, error: string, retryInSeconds: number | null) {
  await db
    .update(mailOutbox)
    .set({
      attempts: sql`${mailOutbox.attempts} + 1`,
      lastError: error.slice(0, 1000),
      status: retryInSeconds === null ? 'failed' : 'queued',
      nextAttemptAt: sql`now() + make_interval(secs => ${retryInSeconds ?? 0})`,
    })
    .where(eq(mailOutbox.id, id));
}

/** Mail still queued for an account that was deactivated is not sent. */
export async function failMailToInactiveAccounts(db: Database) {
  await queryRows(
    db,
    sql`update mail_outbox m set status = 'failed', last_error = 'La cuenta está desactivada.'
        from users u where u.id = m.recipient_user_id and m.status = 'queued' and (not u.is_active or u.archived_at is not null)`,
  );
}
