/**
 * The notifications job inside `telar serve`: every minute (TELAR_NOTIFY_EVERY seconds) each process asks for the
 * lease; the one that holds it runs the daily rules once a day from TELAR_NOTIFY_AT (Mexico City), otherwise the
 * event rules for people told at once, and delivers the outbox when SMTP is configured. The others do nothing until the
 * holder stops renewing (it stopped or died) and the lease expires.
 */
import { randomUUID } from 'node:crypto';
import { MEXICO_CITY_TIME_ZONE, mexicoCityDay } from '@telar/domain';
import type { Database } from '../../platform/db/client.js';
import { releaseLease, takeLease } from './lease.repository.js';
import { deliverQueuedMail, type MailTransport } from './mail-sender.service.js';
import { hasRunFor } from './notice.repository.js';
import { runNotifications } from './notification-run.service.js';

const LEASE_NAME = 'notifications';
/** Long enough to outlast a daily run between renewals; what a new holder waits after a holder dies. */
const LEASE_SECONDS = 300;
const DEFAULT_TICK_SECONDS = 60;
const DEFAULT_NOTIFY_AT = '07:00';

export interface SchedulerOptions {
  /** HH:MM in Mexico City (TELAR_NOTIFY_AT). */
  notifyAt?: string;
  transport: MailTransport | null;
  /** Seconds between turns (TELAR_NOTIFY_EVERY); a minute by default. */
  tickSeconds?: number;
  /** For tests: the clock, and who this process is. */
  now?: () => Date;
  holder?: string;
  log?: (message: string) => void;
}

/** TELAR_NOTIFY_AT as HH:MM, or a Spanish error naming it. */
export function parseNotifyAt(value: string | undefined): string {
  const at = value?.trim() || DEFAULT_NOTIFY_AT;
  const match = /^(\d{1,2}):(\d{2})$/.exec(at);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) throw new Error(`TELAR_NOTIFY_AT debe ser una hora HH:MM (hora de la Ciudad de México); se recibió «${value}».`);
  return `${match[1]!.padStart(2, '0')}:${match[2]}`;
}

const clockFormat = new Intl.DateTimeFormat('en-GB', { timeZone: MEXICO_CITY_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export function createNotificationScheduler(db: Database, options: SchedulerOptions) {
  const notifyAt = parseNotifyAt(options.notifyAt);
  const now = options.now ?? (() => new Date());
  const holder = options.holder ?? `${process.pid}-${randomUUID()}`;
  const log = options.log ?? ((message: string) => console.error(message));
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;

  /** One turn: returns whether this process held the lease. */
  async function tick(): Promise<boolean> {
    if (!(await takeLease(db, LEASE_NAME, holder, LEASE_SECONDS))) return false;
    const moment = now();
    const today = mexicoCityDay(moment.toISOString());
    if (clockFormat.format(moment) >= notifyAt && !(await hasRunFor(db, today))) {
      const summary = await runNotifications(db, { date: today, isDaily: true });
      log(`Avisos del ${today}: correos ${summary.messages}, personas ${summary.recipients}, omitidos ${summary.skipped}.`);
    } else {
      await runNotifications(db, { date: today, isDaily: false });
    }
    if (options.transport) await deliverQueuedMail(db, options.transport);
    return true;
  }

  /** A turn that never overlaps the previous one and never throws (a failed turn is logged and retried next minute). */
  function turn() {
    running ??= tick()
      .then(() => undefined)
      .catch((error: unknown) => log(`Avisos: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (running = null));
    return running;
  }

  return {
    tick,
    start() {
      void turn();
      timer = setInterval(() => void turn(), (options.tickSeconds || DEFAULT_TICK_SECONDS) * 1000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
      await releaseLease(db, LEASE_NAME, holder);
    },
  };
}
