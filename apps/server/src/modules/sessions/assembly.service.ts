import type { SessionAgendaReplaceSchema, SessionAgendaView, SessionAttendanceReplaceSchema, SessionAttendanceView, SessionKind } from '@telar/domain';
import type { z } from 'zod';
import { type Actor, describeActor } from '../../platform/auth/actor.js';
import { requireBodyManager, requireSignedIn } from '../../platform/auth/policy.js';
import { findSessionScope } from '../../platform/auth/scope.repository.js';
import type { Database } from '../../platform/db/client.js';
import { diffFields, insertAuditEntry } from '../../platform/audit/audit.repository.js';
import { invalidField, notFound, staleVersion } from '../../platform/errors.js';
import { listActivitiesOfBodyOnDay } from '../activities/index.js';
import { listExistingOrganizationIds } from '../directory/index.js';
import { listAgendaItems, listAttendance, replaceAgendaItems, replaceAttendance, touchSession } from './assembly.repository.js';
import { findSession } from './session.repository.js';

/** What the history keeps of an agenda item: what a person wrote, not its row id or position (the list's order says that). */
const auditedItem = ({ startsAt, endsAt, title, presenter, notes }: { startsAt: string | null; endsAt: string | null; title: string; presenter: string | null; notes: string | null }) => ({
  startsAt,
  endsAt,
  title,
  presenter,
  notes,
});

/**
 * A session's programme (agenda) and attendance, and for an assembly what it reported: managed by whoever
 * may edit the session (the secretariat of its body, or of one above it), read by anyone signed in.
 */
export function createSessionAssemblyService(db: Database, actor: Actor) {
  const requireSession = async (id: string) => {
    const session = await findSession(db, id);
    if (!session) throw notFound();
    return session;
  };

  /** Moves the session's version (409 when `version` is stale) and records the change in the session's history. */
  const recordChange = async (tx: Database, id: string, version: number | undefined, changes: Record<string, [unknown, unknown]>) => {
    const touched = await touchSession(tx, id, version);
    if (!touched) throw staleVersion();
    if (Object.keys(changes).length) await insertAuditEntry(tx, { actor: describeActor(actor), action: 'update', entity: 'session', entityId: id, changes });
    return touched.version;
  };

  return {
    /**
     * The agenda, attendance and reported activities the session page shows. An assembly's achievements and
     * plans are its body's activities dated on its day, linked to plan nodes: no table of their own.
     */
    async readAssemblyParts(session: { id: string; bodyId: string; kind: SessionKind; date: string }) {
      const [agenda, attendance, activities] = await Promise.all([
        listAgendaItems(db, session.id),
        listAttendance(db, session.id),
        session.kind === 'assembly' ? listActivitiesOfBodyOnDay(db, session.bodyId, session.date) : Promise.resolve([]),
      ]);
      return { agenda, attendance, activities };
    },

    async getAgenda(id: string): Promise<SessionAgendaView> {
      requireSignedIn(actor);
      const session = await requireSession(id);
      return { sessionId: id, items: await listAgendaItems(db, id), version: session.version };
    },

    async replaceAgenda(id: string, { version, items }: z.output<typeof SessionAgendaReplaceSchema>): Promise<SessionAgendaView> {
      requireBodyManager(actor, await findSessionScope(db, id));
      return db.transaction(async (tx) => {
        if (!(await findSession(tx, id))) throw notFound();
        const before = await listAgendaItems(tx, id);
        await replaceAgendaItems(tx, id, items);
        const after = await listAgendaItems(tx, id);
        const newVersion = await recordChange(tx, id, version, diffFields({ agenda: before.map(auditedItem) }, { agenda: after.map(auditedItem) }));
        return { sessionId: id, items: after, version: newVersion };
      });
    },

    async getAttendance(id: string): Promise<SessionAttendanceView> {
      requireSignedIn(actor);
      const session = await requireSession(id);
      return { sessionId: id, organizations: await listAttendance(db, id), version: session.version };
    },

    async replaceAttendance(id: string, { version, organizationIds }: z.output<typeof SessionAttendanceReplaceSchema>): Promise<SessionAttendanceView> {
      requireBodyManager(actor, await findSessionScope(db, id));
      const unique = [...new Set(organizationIds)];
      const existing = await listExistingOrganizationIds(db, unique);
      const missing = organizationIds.findIndex((organizationId) => !existing.has(organizationId));
      if (missing >= 0) throw invalidField(`organizationIds.${missing}`, 'La organización no existe.');
      return db.transaction(async (tx) => {
        if (!(await findSession(tx, id))) throw notFound();
        const before = (await listAttendance(tx, id)).map((organization) => organization.id).sort();
        await replaceAttendance(tx, id, unique);
        const after = (await listAttendance(tx, id)).map((organization) => organization.id).sort();
        const newVersion = await recordChange(tx, id, version, diffFields({ attendanceOrganizationIds: before }, { attendanceOrganizationIds: after }));
        return { sessionId: id, organizations: await listAttendance(tx, id), version: newVersion };
      });
    },
  };
}
