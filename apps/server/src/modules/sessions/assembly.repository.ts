import type { AgendaItemInput, AgendaItemView, OrganizationRef } from '@telar/domain';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { organizationRefsJson } from '../../platform/db/views.sql.js';
import { sessionAgendaItems, sessionAttendance, sessions } from './sessions.tables.js';

type AgendaItemValues = { [K in keyof AgendaItemInput]-?: Exclude<AgendaItemInput[K], undefined> };

export async function listAgendaItems(db: Database, sessionId: string): Promise<AgendaItemView[]> {
  return queryRows<AgendaItemView>(
    db,
    sql`select id, position, starts_at as "startsAt", ends_at as "endsAt", title, presenter, notes
        from session_agenda_items where session_id = ${sessionId} and archived_at is null order by position, id`,
  );
}

/** The programme is replaced as a whole: its items are few and edited together, in order. */
export async function replaceAgendaItems(db: Database, sessionId: string, items: AgendaItemValues[]) {
  await db.delete(sessionAgendaItems).where(eq(sessionAgendaItems.sessionId, sessionId));
  if (items.length) await db.insert(sessionAgendaItems).values(items.map((item, position) => ({ ...item, sessionId, position })));
}

export async function listAttendance(db: Database, sessionId: string): Promise<OrganizationRef[]> {
  const [row] = await queryRows<{ organizations: OrganizationRef[] }>(
    db,
    sql`select ${organizationRefsJson(sql`session_attendance`, sql`session_id`, sql`${sessionId}::uuid`)} as organizations`,
  );
  return row?.organizations ?? [];
}

export async function replaceAttendance(db: Database, sessionId: string, organizationIds: string[]) {
  await db.delete(sessionAttendance).where(eq(sessionAttendance.sessionId, sessionId));
  if (organizationIds.length) await db.insert(sessionAttendance).values(organizationIds.map((organizationId) => ({ sessionId, organizationId })));
}

/**
 * A change to a session's agenda or attendance is a change to the session: its version moves, so
 * open forms see it. With `version`, only if it is still current (undefined: stale, or unknown).
 */
export async function touchSession(db: Database, id: string, version: number | undefined) {
  const [row] = await db
    .update(sessions)
    .set({ version: sql`${sessions.version} + 1`, updatedAt: sql`now()` })
    .where(version === undefined ? eq(sessions.id, id) : sql`${sessions.id} = ${id} and ${sessions.version} = ${version}`)
    .returning({ version: sessions.version });
  return row;
}
