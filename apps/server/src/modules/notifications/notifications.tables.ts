import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.js';
import { id } from '../../platform/db/columns.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const createdAt = () => instant('created_at').notNull().default(sql`clock_timestamp()`);

/**
 * Every e-mail Telar writes, queued in the transaction that decided to write it. The sender reads
 * what is queued; without SMTP it stays here for administrators to read («Correos enviados»).
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: id(),
    /** The account it is for; null for an address that has no account yet. */
    recipientUserId: uuid('recipient_user_id').references(() => users.id),
    toAddress: text('to_address').notNull(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    /** Where a person switches this kind of mail off (List-Unsubscribe); null for mail they cannot refuse. */
    unsubscribeUrl: text('unsubscribe_url'),
    /** Whoever queues a mail names it; the same name again queues nothing. */
    dedupeKey: text('dedupe_key').notNull(),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** When the sender may try again after a failure (backoff). */
    nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
    createdAt: createdAt(),
    sentAt: instant('sent_at'),
  },
  (t) => [
    uniqueIndex('mail_outbox_dedupe_idx').on(t.dedupeKey),
    index('mail_outbox_queued_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'queued'`),
    index('mail_outbox_created_idx').on(t.createdAt),
  ],
);

/**
 * One thing a person is told: (rule, record, occasion) for one recipient, once (`dedupe_key`).
 * It is shown in the app's notification centre and mailed, alone or in the daily digest.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id),
    kind: text('kind').notNull(),
    /** rule:record:occasion:recipient — the unique name of this notice. */
    dedupeKey: text('dedupe_key').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Path inside the app (e.g. /reportes/…), made absolute with TELAR_PUBLIC_URL in mail. */
    linkPath: text('link_path').notNull(),
    isMandatory: boolean('is_mandatory').notNull(),
    createdAt: createdAt(),
    readAt: instant('read_at'),
    /** Set once the notice went out by mail (alone or in a digest); null while waiting for the digest. */
    mailedAt: instant('mailed_at'),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_idx').on(t.dedupeKey),
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unmailed_idx').on(t.userId).where(sql`${t.mailedAt} is null`),
  ],
);

/**
 * How a person wants to be told: daily digest (default) or at once, and which optional kinds they receive
 * (kind → yes/no; a kind not named keeps its default: on, or off for opt-in kinds).
 */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id').primaryKey().references(() => users.id),
  delivery: text('delivery').notNull().default('digest'),
  kindChoices: jsonb('kind_choices').$type<Record<string, boolean>>().notNull().default({}),
  version: integer('version').notNull().default(1),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/**
 * Who may run a job now: a row per job with its holder and the moment the lease expires. Taking it is one
 * conditional upsert, so among several processes exactly one holds it; a holder that dies loses it on expiry.
 */
export const jobLeases = pgTable('job_leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: instant('expires_at').notNull(),
});

/** The days the rules ran for (Mexico City days), so a run after days without one knows where it left off. */
export const notificationRuns = pgTable('notification_runs', {
  runDate: text('run_date').primaryKey(),
  messages: integer('messages').notNull(),
  recipients: integer('recipients').notNull(),
  skipped: integer('skipped').notNull(),
  finishedAt: instant('finished_at').notNull().defaultNow(),
});
