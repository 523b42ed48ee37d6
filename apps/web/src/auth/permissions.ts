/**
 * What the signed-in person may do, worked out from their roles the way the server decides it, so
 * the interface only offers what will be accepted. The server still checks every write; this file
 * only hides controls. Pure functions, no React: the e2e project tests them directly.
 */
import type { RoleGrant } from '@telar/domain';

/** A body and its parent, enough to walk up the structure. */
export interface BodyLink {
  id: string;
  parentId: string | null;
}

/** A body and every body above it; a loop in bad data stops the walk instead of hanging it. */
export function collectBodyAncestry(bodies: readonly BodyLink[], bodyId: string): string[] {
  const parents = new Map(bodies.map((body) => [body.id, body.parentId]));
  const ancestry: string[] = [];
  for (let id: string | null | undefined = bodyId; id && !ancestry.includes(id); id = parents.get(id)) ancestry.push(id);
  return ancestry;
}

export type Permissions = ReturnType<typeof createPermissions>;

/** The checks every page uses, bound to one person's roles and the current list of bodies. */
export function createPermissions(roles: readonly RoleGrant[], bodies: readonly BodyLink[]) {
  const isAdmin = roles.some((grant) => grant.role === 'admin');
  const secretariatBodyIds = new Set(roles.flatMap((grant) => (grant.role === 'secretariat' && grant.bodyId ? [grant.bodyId] : [])));
  const enlaceOrganizationIds = new Set(roles.flatMap((grant) => (grant.role === 'enlace' && grant.organizationId ? [grant.organizationId] : [])));
  const isSecretariat = secretariatBodyIds.size > 0;

  /** A secretariat manages its body and every body under it. */
  const canManageBody = (bodyId: string) => isAdmin || collectBodyAncestry(bodies, bodyId).some((id) => secretariatBodyIds.has(id));
  const isEnlaceOfAny = (organizationIds: readonly string[]) => organizationIds.some((id) => enlaceOrganizationIds.has(id));

  // A reader has no grant that any check below accepts: they read everything and change nothing.
  return {
    /** Sessions, participations, agreements, memberships, child bodies, imports and reports of the body. */
    canManageBody,
    /** Follow-up of an agreement (its responsibles) or a participation (its participants). */
    canReportFollowUp: (bodyId: string, organizationIds: readonly string[]) => canManageBody(bodyId) || isEnlaceOfAny(organizationIds),
    /** Focal points of a membership: the body's secretariat or the member organisation's enlace. */
    canAddFocalPoint: (bodyId: string, organizationId: string) => canManageBody(bodyId) || enlaceOrganizationIds.has(organizationId),
    canCreateOrganization: isAdmin || isSecretariat,
    canEditOrganization: (organizationId: string) => isAdmin || enlaceOrganizationIds.has(organizationId),
    canArchiveOrganization: isAdmin,
    /** A top-level body (no parent) is for administrators; a child body for its parent's secretariat. */
    canCreateBody: (parentId: string | null) => (parentId === null ? isAdmin : canManageBody(parentId)),
    /** Whether the person manages at least one body (new sessions, imports, new bodies). */
    managesAnyBody: isAdmin || isSecretariat,
    canManageAccounts: isAdmin,
  };
}
