import type { FocalPointCreateSchema, MembershipCreateSchema } from '@telar/domain';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { requireBodyManager, requireBodyManagerOrEnlace } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/client.js';
import { findBodyScope, findMembershipScope } from '../../platform/auth/scope.repository.js';
import { invalidField } from '../../platform/errors.js';
import { findBody } from '../bodies/index.js';
import { findMembershipView, insertFocalPoint, insertMembership, insertPerson } from './membership.repository.js';
import { findOrganization } from './organization.repository.js';
import { auditCreate } from '../../platform/records/versioned-write.js';

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
