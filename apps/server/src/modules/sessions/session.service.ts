import {
  formatSessionTitle,
  formatSpanishDate,
  isDatedBeforeSession,
  type ParticipationCreateSchema,
  type ParticipationUpdateSchema,
  type SessionCreateSchema,
  type SessionKind,
  type SessionRecordView,
  type SessionUpdateSchema,
  sessionDateOrderMessages,
  LIST_EXPORT_CAP,
} from '@telar/domain';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { canManageBody, canManageBodyOrEnlace, requireBodyManager, requireSignedIn } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/client.js';
import { findBodyScope, findParticipationScope, findSessionScope } from '../../platform/auth/scope.repository.js';
import { sessions } from './sessions.tables.js';
import { createLifecycle } from '../../platform/records/lifecycle.js';
import { insertEvidence } from './evidence.repository.js';
import { evidenceCreator } from './evidence.service.js';
import { DomainError, invalidField, notFound } from '../../platform/errors.js';
import { listAgreementsOfSession, listFollowUps } from './agreement.repository.js';
import { findBody } from '../bodies/index.js';
import type { PageRequest } from '../../platform/db/query.js';
import { renderListFile } from '../../platform/documents/table-file.js';
import { SESSION_EXPORT_COLUMNS, toSessionExportRow } from './list-files.js';
import {
  findEarliestDateAfterSession,
  findParticipation,
  findParticipationView,
  findSession,
  findSessionByOrdinal,
  findSessionView,
  insertParticipation,
  insertSession,
  listParticipationsOfSession,
  listSessions,
  replaceParticipationOrganizations,
  type SessionFilter,
  updateParticipation,
  updateSession,
} from './session.repository.js';
import { auditCreate, writeVersionedUpdate } from '../../platform/records/versioned-write.js';
import { createSessionAssemblyService } from './assembly.service.js';

/**
 * A body holds each ordinal of a kind once: a second "Vigésima Cuarta Sesión Ordinaria" is refused
 * with 409, naming the session already recorded and giving its id so it can be opened.
 */
export async function requireFreeOrdinal(db: Database, session: { bodyId: string; kind: SessionKind; number: number | null }, exceptId: string | null = null) {
  if (session.number === null) return;
  const existing = await findSessionByOrdinal(db, session.bodyId, session.kind, session.number, exceptId);
  if (!existing) return;
  const message = `Este órgano ya registró la ${formatSessionTitle(existing)} (${formatSpanishDate(existing.date)}).`;
  throw new DomainError('duplicate', [{ path: 'number', message }], message, { entity: 'session', id: existing.id });
}

export function createSessionService(db: Database, actor: Actor) {
  const lifecycle = createLifecycle(db, actor, { entity: 'session', table: sessions, authorize: async (id) => requireBodyManager(actor, await findSessionScope(db, id)) });
  const { readAssemblyParts, ...assembly } = createSessionAssemblyService(db, actor);
  return {
    ...lifecycle,
    ...assembly,

    async list(filter: SessionFilter, page: PageRequest) {
      requireSignedIn(actor);
      return { ...(await listSessions(db, filter, page)), ...page };
    },

    async exportFile(filter: SessionFilter, format: 'xlsx' | 'csv') {
      requireSignedIn(actor);
      const { items } = await listSessions(db, filter, { page: 1, pageSize: LIST_EXPORT_CAP + 1 });
      return renderListFile({ title: 'Sesiones', columns: SESSION_EXPORT_COLUMNS, rows: items.map(toSessionExportRow) }, format);
    },

    async get(id: string): Promise<SessionRecordView> {
      requireSignedIn(actor);
      const [session, participations, agreements, scope] = await Promise.all([
        findSessionView(db, id),
        listParticipationsOfSession(db, id),
        listAgreementsOfSession(db, id),
        findSessionScope(db, id),
      ]);
      if (!session || !scope) throw notFound();
      const [followUps, assemblyParts] = await Promise.all([
        listFollowUps(db, { participationIds: participations.map((p) => p.id) }),
        readAssemblyParts({ id, bodyId: session.body.id, kind: session.kind, date: session.date }),
      ]);
      const manages = canManageBody(actor, scope);
      return {
        ...session,
        ...assemblyParts,
        participations: participations.map((p) => ({
          ...p,
          followUps: followUps.filter((f) => f.participationId === p.id),
          abilities: { edit: manages, reportFollowUp: canManageBodyOrEnlace(actor, { ...scope, organizationIds: p.organizations.map((o) => o.id) }) },
        })),
        agreements,
        abilities: { edit: manages, archive: manages, publish: manages, addRecords: manages },
      };
    },

    async create({ minutes, ...data }: z.output<typeof SessionCreateSchema>) {
      requireBodyManager(actor, await findBodyScope(db, data.bodyId));
      return db.transaction(async (tx) => {
        if (!(await findBody(tx, data.bodyId))) throw invalidField('bodyId', 'El órgano no existe.');
        await requireFreeOrdinal(tx, data);
        const minutesEvidenceId = minutes ? (await insertEvidence(tx, { kind: 'minutes', ...minutes, createdById: evidenceCreator(actor) })).id : null;
        const row = await insertSession(tx, { ...data, minutesEvidenceId });
        await auditCreate(tx, actor, 'session', row.id, { ...data, minutes });
        return (await findSessionView(tx, row.id))!;
      });
    },

    async update(id: string, { version, ...values }: z.output<typeof SessionUpdateSchema>) {
      requireBodyManager(actor, await findSessionScope(db, id));
      // The create rules hold for the record as edited: only a permanent session goes without a number, an
      // ordinal is the body's only one of its kind, and the session comes before its agreements' deadlines and follow-ups.
      const findNumberedSession = async (tx: Database, rowId: string) => {
        const before = await findSession(tx, rowId);
        if (!before) return before;
        const edited = { bodyId: before.bodyId, kind: (values.kind ?? before.kind) as SessionKind, number: values.number === undefined ? before.number : values.number };
        if (edited.kind !== 'permanent' && edited.number == null) throw invalidField('number', 'Indique el número de la sesión.');
        await requireFreeOrdinal(tx, { ...edited, number: edited.number ?? null }, rowId);
        const earliest = values.date ? await findEarliestDateAfterSession(tx, rowId) : null;
        if (earliest && isDatedBeforeSession(earliest, values.date!)) throw invalidField('date', sessionDateOrderMessages.sessionDate(earliest));
        return before;
      };
      return db.transaction(async (tx) => {
        await writeVersionedUpdate(tx, actor, { entity: 'session', id, version, values, find: findNumberedSession, write: updateSession });
        return (await findSessionView(tx, id))!;
      });
    },

    async addParticipation(data: z.output<typeof ParticipationCreateSchema>) {
      requireBodyManager(actor, await findSessionScope(db, data.sessionId));
      return db.transaction(async (tx) => {
        if (!(await findSession(tx, data.sessionId))) throw invalidField('sessionId', 'La sesión no existe.');
        const row = await insertParticipation(tx, data.sessionId, data.description, [...new Set(data.organizationIds)]);
        await auditCreate(tx, actor, 'participation', row.id, data);
        return (await findParticipationView(tx, row.id))!;
      });
    },

    async updateParticipation(id: string, { version, organizationIds, ...values }: z.output<typeof ParticipationUpdateSchema>) {
      requireBodyManager(actor, await findParticipationScope(db, id));
      return db.transaction(async (tx) => {
        const update = { entity: 'participation', id, version, values: { ...values, organizationIds }, find: findParticipation };
        await writeVersionedUpdate(tx, actor, {
          ...update,
          write: async (t, rowId, v) => {
            const row = await updateParticipation(t, rowId, v, values);
            if (row && organizationIds) await replaceParticipationOrganizations(t, rowId, [...new Set(organizationIds)]);
            return row;
          },
        });
        return (await findParticipationView(tx, id))!;
      });
    },
  };
}
