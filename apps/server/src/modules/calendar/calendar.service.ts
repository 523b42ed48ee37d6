import { randomBytes } from 'node:crypto';
import { type CalendarEvent, formatSessionTitle, mexicoCityDay, type RoleGrant, writeCalendar } from '@telar/domain';
import type { Actor } from '../../platform/auth/actor.js';
import { isAdmin, requireSignedIn } from '../../platform/auth/policy.js';
import { listBodiesUnder } from '../../platform/auth/scope.repository.js';
import type { Database } from '../../platform/db/client.js';
import { notFound, unauthenticated } from '../../platform/errors.js';
import { hashSessionToken } from '../accounts/index.js';
import { publicLink } from '../notifications/index.js';
import { findSessionView } from '../sessions/index.js';
import { type CalendarRow, type CalendarScope, deleteCalendarFeed, findCalendarFeed, findFeedOwner, listCalendarRows, saveCalendarFeed } from './calendar.repository.js';

/** A feed holds half a year back and a year and a half ahead, enough for any planning horizon; at most this many events. */
const FEED_WINDOW = { monthsBack: 6, monthsAhead: 18, limit: 5_000 };
const FEED_PATH = '/api/calendar/';

const shiftMonths = (isoDate: string, months: number) => {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCMonth(day.getUTCMonth() + months);
  return day.toISOString().slice(0, 10);
};

/** Each row as the event a calendar shows, with a stable uid and a link back to the record. */
function toEvent(row: CalendarRow): CalendarEvent {
  const uid = `${row.type}-${row.id}@telar`;
  if (row.type === 'session') {
    return { uid, date: row.date, summary: `${formatSessionTitle(row)} · ${row.bodyName}`, url: publicLink(`/sesiones/${row.id}`) };
  }
  if (row.type === 'agreement') {
    const name = row.code ? `Acuerdo ${row.code}` : 'Acuerdo';
    return { uid, date: row.date, summary: `Vence: ${name} · ${row.bodyName}`, description: row.text, url: publicLink(`/acuerdos/${row.id}`) };
  }
  return {
    uid,
    date: row.date,
    summary: `Vence el reporte: ${row.periodTitle} · ${row.organizationName}`,
    description: `Plan: ${row.planName}`,
    url: publicLink(`/reportes/${row.id}`),
  };
}

async function scopeOf(db: Database, roles: RoleGrant[]): Promise<CalendarScope> {
  const secretariatBodies = roles.flatMap((grant) => (grant.role === 'secretariat' && grant.bodyId ? [grant.bodyId] : []));
  return {
    allBodies: roles.some((grant) => grant.role === 'admin'),
    bodyIds: await listBodiesUnder(db, secretariatBodies),
    organizationIds: roles.flatMap((grant) => (grant.role === 'enlace' && grant.organizationId ? [grant.organizationId] : [])),
  };
}

/** Private iCalendar feeds (a secret address per person, revocable) and a session's own .ics. */
export function createCalendarService(db: Database, actor: Actor) {
  const requirePerson = () => {
    requireSignedIn(actor);
    if (actor.kind !== 'user') throw unauthenticated();
    return actor;
  };
  return {
    /** Whether the person has a feed, and since when (its address is shown only when made). */
    async getFeed() {
      const person = requirePerson();
      const feed = await findCalendarFeed(db, person.id);
      return { isActive: Boolean(feed), createdAt: feed?.createdAt ?? null };
    },

    /** A new secret address; the previous one, if any, stops working. */
    async createFeed() {
      const person = requirePerson();
      const token = randomBytes(32).toString('base64url');
      await saveCalendarFeed(db, person.id, hashSessionToken(token));
      return { url: publicLink(`${FEED_PATH}${token}`) };
    },

    async revokeFeed() {
      const person = requirePerson();
      if (!(await deleteCalendarFeed(db, person.id))) throw notFound();
    },

    /** The feed behind a secret address, as of today in Mexico City. */
    async feed(token: string) {
      const owner = await findFeedOwner(db, hashSessionToken(token));
      if (!owner) throw notFound();
      const today = mexicoCityDay(new Date().toISOString());
      const rows = await listCalendarRows(db, await scopeOf(db, owner.roles), {
        from: shiftMonths(today, -FEED_WINDOW.monthsBack),
        to: shiftMonths(today, FEED_WINDOW.monthsAhead),
        limit: FEED_WINDOW.limit,
      });
      return writeCalendar({ name: `Telar · ${owner.name}`, events: rows.map(toEvent), now: new Date() });
    },

    /** One session as an .ics file, to add to any calendar. */
    async sessionFile(sessionId: string) {
      requireSignedIn(actor);
      const session = await findSessionView(db, sessionId);
      if (!session) throw notFound();
      const bodyName = session.body.acronym ?? session.body.name;
      const event = toEvent({ type: 'session', id: session.id, date: session.date, kind: session.kind, number: session.number, bodyName });
      return { body: writeCalendar({ name: `Telar · ${bodyName}`, events: [event], now: new Date() }), fileStem: `${formatSessionTitle(session)} ${bodyName}` };
    },
  };
}
