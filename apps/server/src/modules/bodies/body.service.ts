import type { BodyCreateSchema, BodyDetailView, BodyUpdateSchema } from '@telar/domain';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { canManageBody, canManageBodyOrEnlace, requireAdmin, requireBodyManager, requireBodyMoveWithinReach, requireSignedIn } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/client.js';
import { findBodyScope } from '../../platform/auth/scope.repository.js';
import { bodies } from './bodies.tables.js';
import { createLifecycle } from '../../platform/records/lifecycle.js';
import { invalidField, notFound } from '../../platform/errors.js';
import { findBody, findBodyView, insertBody, listBodies, listChildBodies, updateBody } from './body.repository.js';
import { listMembershipsOfBody } from '../directory/index.js';
import type { PageRequest } from '../../platform/db/query.js';
import { listSessions } from '../sessions/index.js';
import { auditCreate, writeVersionedUpdate } from '../../platform/records/versioned-write.js';

export function createBodyService(db: Database, actor: Actor) {
  /** A new parent must exist and keep the tree a tree; the move must stay within the actor's reach. */
  const requireMoveWithinReach = async (tx: Database, id: string, fromId: string | null, toId: string | null) => {
    const to = toId ? await findBodyScope(tx, toId) : null;
    if (to && !to.bodyIds.length) throw invalidField('parentId', 'El órgano del que depende no existe.');
    if (to?.bodyIds.includes(id)) throw invalidField('parentId', 'Un órgano no puede depender de sí mismo ni de uno de los órganos que dependen de él.');
    requireBodyMoveWithinReach(actor, fromId ? await findBodyScope(tx, fromId) : null, to);
  };
  const lifecycle = createLifecycle(db, actor, { entity: 'body', table: bodies, authorize: async (id) => requireBodyManager(actor, await findBodyScope(db, id)) });
  return {
    archive: lifecycle.archive,
    restore: lifecycle.restore,

    async list(filter: { q?: string }, page: PageRequest) {
      requireSignedIn(actor);
      return { ...(await listBodies(db, filter, page)), ...page };
    },

    async get(id: string): Promise<BodyDetailView> {
      requireSignedIn(actor);
      const body = await findBodyView(db, id);
      if (!body) throw notFound();
      const [children, memberships, sessions, scope] = await Promise.all([
        listChildBodies(db, id),
        listMembershipsOfBody(db, id),
        listSessions(db, { bodyId: id }, { page: 1, pageSize: 500 }),
        findBodyScope(db, id),
      ]);
      const manages = canManageBody(actor, scope);
      return {
        ...body,
        children,
        memberships: memberships.map((membership) => ({
          ...membership,
          abilities: { addFocalPoint: canManageBodyOrEnlace(actor, { ...scope, organizationIds: [membership.organization.id] }) },
        })),
        sessions: sessions.items,
        abilities: { edit: manages, archive: manages, addRecords: manages },
      };
    },

    async create(data: z.output<typeof BodyCreateSchema>) {
      // A secretariat may open working groups under its body; top-level bodies are the administrators'.
      if (data.parentId) requireBodyManager(actor, await findBodyScope(db, data.parentId));
      else requireAdmin(actor);
      return db.transaction(async (tx) => {
        const row = await insertBody(tx, data);
        await auditCreate(tx, actor, 'body', row.id, data);
        return (await findBodyView(tx, row.id))!;
      });
    },

    async update(id: string, { version, ...values }: z.output<typeof BodyUpdateSchema>) {
      requireBodyManager(actor, await findBodyScope(db, id));
      return db.transaction(async (tx) => {
        const body = await findBody(tx, id);
        if (!body) throw notFound();
        if (values.parentId !== undefined && values.parentId !== body.parentId) await requireMoveWithinReach(tx, id, body.parentId, values.parentId);
        await writeVersionedUpdate(tx, actor, { entity: 'body', id, version, values, find: findBody, write: updateBody });
        return (await findBodyView(tx, id))!;
      });
    },
  };
}
