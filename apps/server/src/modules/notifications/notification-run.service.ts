/**
 * A run of the notification rules as of a Mexico City day: every rule's notices recorded once, then mailed —
 * at once to people who chose so, and (in the daily run) one digest per person with everything not yet mailed.
 * Records and people are read in pages, so memory does not grow with the number of obligations.
 */
import { addDays, addWorkingDays, formatSpanishDate, isKindWanted, NOTIFICATION_KINDS, type NotificationKind } from '@telar/domain';
import type { Database } from '../../platform/db/client.js';
import { publicLink, renderMailLayout } from './mail-layout.js';
import {
  findLastRunDay,
  insertNotices,
  type MailRecipient,
  pageOfMailRecipients,
  recordRun,
  takeUnmailedNotices,
  type UnmailedNotice,
} from './notice.repository.js';
import { insertMails } from './outbox.repository.js';
import { plural, RULES, type RunWindow } from './rules.js';
import { firstPage, type RuleRow } from './rules.repository.js';

export interface RunSummary {
  date: string;
  /** Mails queued by this run. */
  messages: number;
  /** People those mails are for. */
  recipients: number;
  /** Notices the rules found that were not recorded: told before, or of a kind the person switched off. */
  skipped: number;
}

const RECORDS_PER_PAGE = 500;
const PEOPLE_PER_PAGE = 200;
const NOTICES_PER_INSERT = 5000;
/** A digest lists this many notices; the rest are counted and waiting in the app. */
const DIGEST_ITEMS = 50;
/** Events older than this are not told after an outage, however long. */
const LONGEST_CATCH_UP_DAYS = 90;
/** Without an earlier run, events of this many days back are told. */
const FIRST_RUN_LOOKBACK_DAYS = 7;
export const PREFERENCES_PATH = '/mi-cuenta/avisos';
export const NOTIFICATIONS_PATH = '/avisos';

function runWindow(today: string, lastRunDay: string | null): RunWindow {
  const catchUpFrom = lastRunDay && lastRunDay <= today ? lastRunDay : addDays(today, -FIRST_RUN_LOOKBACK_DAYS);
  const oldest = addDays(today, -LONGEST_CATCH_UP_DAYS);
  return {
    today,
    deadlines: { today, dueOneBefore: addWorkingDays(today, 2), dueSevenBefore: addWorkingDays(today, 8), escalateBefore: addDays(today, -14) },
    events: { fromDay: catchUpFrom < oldest ? oldest : catchUpFrom, toDay: today },
  };
}

/**
 * Runs the rules as of `date`. The daily run (`isDaily`) reads every rule, sends digests and records the day;
 * between daily runs only event rules are read and only people told at once are mailed.
 */
export async function runNotifications(db: Database, { date, isDaily }: { date: string; isDaily: boolean }): Promise<RunSummary> {
  const window = runWindow(date, await findLastRunDay(db));
  let skipped = 0;
  for (const rule of RULES.filter((r) => isDaily || !r.isDaily)) {
    for (let page = firstPage(RECORDS_PER_PAGE); ; ) {
      const rows = await rule.read(db, window, page);
      const outcome = await recordNotices(db, rows, (row) => rule.notices(row, window));
      skipped += outcome.skipped;
      if (new Set(rows.map((row) => row.recordId)).size < page.limit) break;
      page = { ...page, after: rows.at(-1)!.recordId };
    }
  }
  const mailed = await mailNotices(db, date, isDaily);
  const summary = { date, ...mailed, skipped };
  if (isDaily) await recordRun(db, { runDate: date, ...mailed, skipped });
  return summary;
}

async function recordNotices(db: Database, rows: RuleRow[], draftsOf: (row: RuleRow) => ReturnType<(typeof RULES)[number]['notices']>) {
  const notices: Parameters<typeof insertNotices>[1] = [];
  let skipped = 0;
  for (const row of rows) {
    if (!row.userId) continue;
    const kindChoices: Record<string, boolean> = row.kindChoices ? JSON.parse(row.kindChoices) : {};
    for (const draft of draftsOf(row)) {
      if (!isKindWanted(draft.kind, kindChoices)) {
        skipped++;
        continue;
      }
      notices.push({
        userId: row.userId,
        kind: draft.kind,
        dedupeKey: `${draft.kind}:${row.recordId}:${draft.occasion}:${row.userId}`,
        title: draft.title,
        body: draft.body,
        linkPath: draft.linkPath,
        isMandatory: NOTIFICATION_KINDS[draft.kind].isMandatory,
      });
    }
  }
  for (let start = 0; start < notices.length; start += NOTICES_PER_INSERT) {
    const chunk = notices.slice(start, start + NOTICES_PER_INSERT);
    skipped += chunk.length - (await insertNotices(db, chunk));
  }
  return { skipped };
}

/** Mails the notices not mailed yet, a page of people at a time, each page in one transaction with its mails. */
async function mailNotices(db: Database, date: string, isDaily: boolean) {
  let messages = 0;
  let recipients = 0;
  for (let after = firstPage(0).after; ; ) {
    const people = await pageOfMailRecipients(db, after, PEOPLE_PER_PAGE, !isDaily);
    if (!people.length) break;
    await db.transaction(async (tx) => {
      const notices = await takeUnmailedNotices(tx, people.map((p) => p.userId));
      const byPerson = new Map<string, UnmailedNotice[]>();
      for (const notice of notices) {
        const own = byPerson.get(notice.userId);
        if (own) own.push(notice);
        else byPerson.set(notice.userId, [notice]);
      }
      // People whose notices another run mailed meanwhile have none left here.
      const mails = people.flatMap((person) => {
        const own = byPerson.get(person.userId) ?? [];
        if (!own.length) return [];
        return person.delivery === 'immediate' ? own.map((notice) => noticeMail(person, notice)) : [digestMail(person, own, date)];
      });
      const queued = await insertMails(tx, mails);
      messages += queued.size;
      recipients += new Set(mails.filter((mail) => queued.has(mail.dedupeKey)).map((mail) => mail.toUserId)).size;
    });
    after = people.at(-1)!.userId;
  }
  return { messages, recipients };
}

const isOptional = (notices: UnmailedNotice[]) => notices.every((n) => !NOTIFICATION_KINDS[n.kind as NotificationKind]?.isMandatory);
const greeting = (person: MailRecipient) => `Hola, ${person.name}:`;

function noticeMail(person: MailRecipient, notice: UnmailedNotice) {
  const optional = isOptional([notice]);
  const content = renderMailLayout({
    greeting: greeting(person),
    paragraphs: [notice.title, notice.body],
    action: { label: 'Abrir en Telar', url: notice.linkPath },
    preferencesUrl: optional ? PREFERENCES_PATH : undefined,
  });
  return {
    kind: notice.kind,
    toAddress: person.email,
    toUserId: person.userId,
    subject: `Telar: ${notice.title}`,
    ...content,
    dedupeKey: `notice:${notice.id}`,
    unsubscribeUrl: optional ? publicLink(PREFERENCES_PATH) : null,
  };
}

function digestMail(person: MailRecipient, notices: UnmailedNotice[], date: string) {
  const optional = isOptional(notices);
  const more = notices.length - DIGEST_ITEMS;
  const count = plural(notices.length, 'aviso', 'avisos');
  const content = renderMailLayout({
    greeting: greeting(person),
    paragraphs: [
      `Este es su resumen de Telar del ${formatSpanishDate(date)}: ${count}.`,
      ...(more > 0 ? [`Se muestran los primeros ${DIGEST_ITEMS}; ${more === 1 ? 'el otro espera' : `los otros ${more} esperan`} en Telar.`] : []),
    ],
    items: notices.slice(0, DIGEST_ITEMS).map((n) => ({ title: n.title, detail: n.body, url: n.linkPath })),
    action: { label: 'Ver todos mis avisos', url: NOTIFICATIONS_PATH },
    preferencesUrl: PREFERENCES_PATH,
  });
  return {
    kind: 'digest',
    toAddress: person.email,
    toUserId: person.userId,
    subject: `Telar: resumen del ${formatSpanishDate(date)} (${count})`,
    ...content,
    dedupeKey: `digest:${person.userId}:${date}:${notices[0]!.id}`,
    unsubscribeUrl: optional ? publicLink(PREFERENCES_PATH) : null,
  };
}
