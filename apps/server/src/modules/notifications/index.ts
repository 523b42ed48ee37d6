/** What other modules may use of the notifications module. */
import type { Database } from '../../platform/db/client.js';
import { insertMail, insertMails, type OutgoingMail } from './outbox.repository.js';

export { renderMailLayout, publicLink } from './mail-layout.js';
export type { MailContent } from './mail-layout.js';
export type { OutgoingMail } from './outbox.repository.js';
export { registerNotificationRoutes } from './notifications.routes.js';
export { createNotificationService } from './notifications.service.js';
export { runNotifications } from './notification-run.service.js';
export type { RunSummary } from './notification-run.service.js';
export { createNotificationScheduler, parseNotifyAt } from './notification-scheduler.service.js';
export { deliverQueuedMail, transportFromUrl } from './mail-sender.service.js';

/**
 * Queues an e-mail inside the caller's transaction (pass the transaction as `db`), so it goes out only
 * if what it announces was committed. A `dedupeKey` already queued queues nothing; returns whether it was new.
 */
export function queueMail(db: Database, mail: OutgoingMail): Promise<boolean> {
  return insertMail(db, mail);
}

/**
 * Queues many e-mails in one statement inside the caller's transaction (thousands of invitations at
 * once); mails whose `dedupeKey` is already queued are skipped. Returns the keys that were new.
 */
export function queueMails(db: Database, mails: OutgoingMail[]): Promise<Set<string>> {
  return insertMails(db, mails);
}
