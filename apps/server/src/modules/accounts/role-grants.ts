import type { FieldIssue, RoleGrant } from '@telar/domain';
import type { Database } from '../../platform/db/client.js';
import { DomainError } from '../../platform/errors.js';
import { listLiveIds } from './user.repository.js';

/**
 * Refuses roles scoped to a body or organisation that does not exist (or was archived), naming the
 * field of each: `roles.1.bodyId`. Creating and editing an account both check this.
 */
export async function checkRoleGrants(db: Database, grants: RoleGrant[]): Promise<void> {
  const bodyIds = grants.flatMap((grant) => (grant.bodyId ? [grant.bodyId] : []));
  const organizationIds = grants.flatMap((grant) => (grant.organizationId ? [grant.organizationId] : []));
  const [bodies, organizations] = await Promise.all([listLiveIds(db, 'bodies', bodyIds), listLiveIds(db, 'organizations', organizationIds)]);
  const issues: FieldIssue[] = grants.flatMap((grant, index) => [
    ...(grant.bodyId && !bodies.has(grant.bodyId) ? [{ path: `roles.${index}.bodyId`, message: 'El órgano no existe o está archivado.' }] : []),
    ...(grant.organizationId && !organizations.has(grant.organizationId)
      ? [{ path: `roles.${index}.organizationId`, message: 'La organización no existe o está archivada.' }]
      : []),
  ]);
  if (issues.length) throw new DomainError('validation', issues);
}
