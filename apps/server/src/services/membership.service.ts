import type { FocalPointCreateSchema, MembershipCreateSchema } from '@telar/domain';
import type { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { requireBodyManager, requireBodyManagerOrEnlace } from '../auth/policy.js';
import type { Database } from '../db/client.js';
import { findBodyScope, findMembershipScope } from '../repositories/scope.repository.js';
import { invalidField } from '../http/errors.js';
import { findBody } from '../repositories/body.repository.js';
import { findMembershipView, insertFocalPoint, insertMembership, insertPerson } from '../repositories/membership.repository.js';
import { findOrganization } from '../repositories/organization.repository.js';
import { auditCreate } from './versioned-write.js';

/** Who sits in each body (memberships) and who speaks for them (focal points, titular and alternate). */
export function createMembershipService(db: Database, actor: Actor) {
  return {
    async create(data: z.output<typeof MembershipCreateSchema>) {
      requireBodyManager(actor, await findBodyScope(db, data.bodyId));
      return db.transaction(async (tx) => {
        if (!(await findBody(tx, data.bodyId))) throw invalidField('bodyId', 'El órgano no existe.');
        if (!(await findOrganization(tx, data.organizationId))) throw invalidField('organizationId', 'La organización no existe.');
        const { id } = await insertMembership(tx, data);
        await auditCreate(tx, actor, 'membership', id, data);
        return (await findMembershipView(tx, id))!;
      });
    },

    async addFocalPoint({ person, membershipId, ...term }: z.output<typeof FocalPointCreateSchema>) {
      // The body's secretariat registers focal points, and so may the member organisation's own enlace.
      requireBodyManagerOrEnlace(actor, await findMembershipScope(db, membershipId));
      return db.transaction(async (tx) => {
        const membership = await findMembershipView(tx, membershipId);
        if (!membership) throw invalidField('membershipId', 'La integración no existe.');
        const personId = (await insertPerson(tx, { ...person, organizationId: membership.organization.id })).id;
        const { id } = await insertFocalPoint(tx, { membershipId, personId, ...term });
        // The audit names the person but keeps contacts out of the trail too.
        await auditCreate(tx, actor, 'focal_point', id, { membershipId, ...term, person: person.name });
        return (await findMembershipView(tx, membershipId))!;
      });
    },
  };
}
