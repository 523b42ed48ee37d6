import type {
  ParticipationCreateSchema,
  ParticipationUpdateSchema,
  SessionCreateSchema,
  SessionRecordView,
  SessionUpdateSchema,
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
import { invalidField, notFound } from '../../platform/errors.js';
import { listAgreementsOfSession, listFollowUps } from './agreement.repository.js';
import { findBody } from '../bodies/index.js';
import type { PageRequest } from '../../platform/db/query.js';
import {
  findParticipation,
  findParticipationView,
  findSession,
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

export function createSessionService(db: Database, actor: Actor) {
  const lifecycle = createLifecycle(db, actor, { entity: 'session', table: sessions, authorize: async (id) => requireBodyManager(actor, await findSessionScope(db, id)) });
  return {
    ...lifecycle,

    async list(filter: SessionFilter, page: PageRequest) {
      requireSignedIn(actor);
      return { ...(await listSessions(db, filter, page)), ...page };
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
      const followUps = await listFollowUps(db, { participationIds: participations.map((p) => p.id) });
      const manages = canManageBody(actor, scope);
      return {
        ...session,
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
        const minutesEvidenceId = minutes ? (await insertEvidence(tx, { kind: 'minutes', ...minutes, createdById: evidenceCreator(actor) })).id : null;
        const row = await insertSession(tx, { ...data, minutesEvidenceId });
        await auditCreate(tx, actor, 'session', row.id, { ...data, minutes });
        return (await findSessionView(tx, row.id))!;
      });
    },

    async update(id: string, { version, ...values }: z.output<typeof SessionUpdateSchema>) {
      requireBodyManager(actor, await findSessionScope(db, id));
      // The create rule holds for the record as edited: only a permanent session goes without a number.
      const findNumberedSession = async (tx: Database, rowId: string) => {
        const before = await findSession(tx, rowId);
        const number = values.number === undefined ? before?.number : values.number;
        if (before && (values.kind ?? before.kind) !== 'permanent' && number == null) throw invalidField('number', 'Indique el número de la sesión.');
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
