import type { BodyCreateSchema, BodyDetailView, BodyUpdateSchema } from '@telar/domain';
import type { z } from 'zod';
import type { Database } from '../db/client.js';
import { notFound } from '../http/errors.js';
import { findBody, findBodyView, insertBody, listBodies, listChildBodies, updateBody } from '../repositories/body.repository.js';
import { listMembershipsOfBody } from '../repositories/membership.repository.js';
import type { PageRequest } from '../repositories/query.js';
import { listSessions } from '../repositories/session.repository.js';
import { auditCreate, writeVersionedUpdate } from './versioned-write.js';

export function createBodyService(db: Database, actor: string) {
  return {
    async list(filter: { q?: string }, page: PageRequest) {
      return { ...(await listBodies(db, filter, page)), ...page };
    },

    async get(id: string): Promise<BodyDetailView> {
      const body = await findBodyView(db, id);
      if (!body) throw notFound();
      const [children, memberships, sessions] = await Promise.all([
        listChildBodies(db, id),
        listMembershipsOfBody(db, id),
        listSessions(db, { bodyId: id }, { page: 1, pageSize: 500 }),
      ]);
      return { ...body, children, memberships, sessions: sessions.items };
    },

    async create(data: z.output<typeof BodyCreateSchema>) {
      return db.transaction(async (tx) => {
        const row = await insertBody(tx, data);
        await auditCreate(tx, actor, 'body', row.id, data);
        return (await findBodyView(tx, row.id))!;
      });
    },

    async update(id: string, { version, ...values }: z.output<typeof BodyUpdateSchema>) {
      return db.transaction(async (tx) => {
        await writeVersionedUpdate(tx, actor, { entity: 'body', id, version, values, find: findBody, write: updateBody });
        return (await findBodyView(tx, id))!;
      });
    },
  };
}
