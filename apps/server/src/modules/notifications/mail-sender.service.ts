/**
 * Delivery of the outbox through SMTP (nodemailer). Messages are claimed a few at a time (skip locked, so
 * several senders never take the same one), sent, and their outcome recorded: sent, tried again later with
 * a growing wait, or failed for good (a permanent SMTP refusal or too many attempts).
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '../../platform/db/client.js';
import { claimDueMail, failMailToInactiveAccounts, markMailAttemptFailed, markMailSent } from './outbox.repository.js';

/** Waits before each new attempt (seconds): 1 min, 5 min, 30 min, 2 h, 6 h; then the message has failed. */
const RETRY_DELAYS = [60, 300, 1800, 7200, 21600];
const CLAIM_BATCH = 20;
/** A claimed message is left alone by other senders this long (longer than one SMTP exchange). */
const CLAIM_SECONDS = 120;
const DEFAULT_FROM = 'Telar <telar@localhost>';

export interface MailTransport {
  transporter: Transporter;
  from: string;
}

/**
 * TELAR_SMTP_URL: smtp://user:password@host:587 or smtps://…:465, with the sender as `?from=`
 * (e.g. `?from=Telar%20<avisos@ejemplo.gob.mx>`). Null when it is not set: mail stays in the outbox.
 */
export function transportFromUrl(url: string | undefined): MailTransport | null {
  if (!url) return null;
  const parsed = new URL(url);
  const from = parsed.searchParams.get('from') ?? DEFAULT_FROM;
  parsed.searchParams.delete('from');
  return { transporter: nodemailer.createTransport(parsed.toString()), from };
}

export async function deliverQueuedMail(db: Database, { transporter, from }: MailTransport): Promise<{ sent: number; failed: number }> {
  await failMailToInactiveAccounts(db);
  let sent = 0;
  let failed = 0;
  for (;;) {
    const batch = await claimDueMail(db, CLAIM_BATCH, CLAIM_SECONDS);
    if (!batch.length) break;
    for (const mail of batch) {
      try {
        await transporter.sendMail({
          from,
          to: mail.toAddress,
          subject: mail.subject,
          text: mail.textBody,
          html: mail.htmlBody,
          headers: mail.unsubscribeUrl ? { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>` } : {},
        });
        await markMailSent(db, mail.id);
        sent++;
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode ?? 0;
        const isPermanent = code >= 500 && code < 600;
        const retry = isPermanent ? null : (RETRY_DELAYS[mail.attempts] ?? null);
        await markMailAttemptFailed(db, mail.id, error instanceof Error ? error.message : String(error), retry);
        if (retry === null) failed++;
      }
    }
  }
  return { sent, failed };
}
