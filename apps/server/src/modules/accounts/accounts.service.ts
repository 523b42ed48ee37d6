import { hash } from '@node-rs/argon2';
import { containsEmailName, PASSWORD_WITH_EMAIL_MESSAGE, type PasswordResetSchema, type RoleGrant, type UserUpdateSchema, type UserView } from '@telar/domain';
import type { z } from 'zod';
import { type Actor, describeActor } from '../../platform/auth/actor.js';
import { requireAdmin, requireSignedIn } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/client.js';
import type { PageRequest } from '../../platform/db/query.js';
import { DomainError, invalidField, notFound, unauthenticated } from '../../platform/errors.js';
import { insertAuditEntry } from '../../platform/audit/audit.repository.js';
import { writeVersionedUpdate } from '../../platform/records/versioned-write.js';
import { hashSessionToken } from './auth.service.js';
import { checkRoleGrants } from './role-grants.js';
import {
  countOtherActiveAdmins,
  findUserView,
  listLiveAuthSessions,
  listUsers,
  lockAdminChanges,
  replaceRoleGrants,
  revokeAllAuthSessions,
  revokeLiveAuthSession,
  setPassword,
  updateUser,
  type UserFilter,
} from './user.repository.js';

type UpdateData = z.output<typeof UserUpdateSchema>;

/**
 * What a person whose password was set by someone else may still do: see who they are, change the
 * password, sign out (or in again), and read the public portal like anyone. The request chain
 * (platform/http/authenticate.ts) refuses the rest with `password_change_required`.
 */
const ALLOWED_WHILE_PASSWORD_CHANGE_REQUIRED = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout', '/api/auth/login']);

export const isAllowedWhilePasswordChangeRequired = (path: string) => ALLOWED_WHILE_PASSWORD_CHANGE_REQUIRED.has(path) || path.startsWith('/api/public/');

const isAdminGrant = (grant: Pick<RoleGrant, 'role'>) => grant.role === 'admin';
const grantsKey = (grants: RoleGrant[]) => JSON.stringify(grants.map(({ role, bodyId, organizationId }) => [role, bodyId, organizationId]).sort());

/** An account as the audit trail records it: the fields an edit can change, roles without names. */
const toAuditedUser = (user: UserView) => ({
  name: user.name,
  isActive: user.isActive,
  roles: user.roles.map(({ role, bodyId, organizationId }) => ({ role, bodyId, organizationId })),
});

/**
 * Administrators manage accounts: list and read them, change names and roles, deactivate and
 * reactivate, end a person's sessions, set a new password. Every person lists and ends their own
 * sessions. Always at least one active administrator remains.
 */
export function createAccountService(db: Database, actor: Actor) {
  /** Refuses a change that would leave no active administrator; call it after lockAdminChanges. */
  async function keepAnAdmin(tx: Database, user: UserView, after: { isActive: boolean; roles: Pick<RoleGrant, 'role'>[] }, field?: string) {
    const isAdminNow = user.isActive && user.roles.some(isAdminGrant);
    const isAdminAfter = after.isActive && after.roles.some(isAdminGrant);
    if (isAdminNow && !isAdminAfter && (await countOtherActiveAdmins(tx, user.id)) === 0) {
      throw new DomainError('last_admin', field ? [{ path: field, message: 'Es la única cuenta de administración activa: conserve su rol de administración.' }] : undefined);
    }
  }

  async function findOrFail(tx: Database, id: string) {
    const user = await findUserView(tx, id);
    if (!user) throw notFound();
    return user;
  }

  /** Activates or deactivates an account like an edit (version, audit); deactivating also ends its sessions. */
  async function setActive(id: string, version: number, isActive: boolean) {
    requireAdmin(actor);
    if (!isActive && actor.kind === 'user' && actor.id === id) throw new DomainError('own_account');
    await db.transaction(async (tx) => {
      await lockAdminChanges(tx);
      const user = await findOrFail(tx, id);
      if (!isActive) await keepAnAdmin(tx, user, { isActive, roles: user.roles });
      await writeVersionedUpdate(tx, actor, {
        entity: 'user',
        id,
        version,
        values: { isActive },
        action: isActive ? 'reactivate' : 'deactivate',
        find: async () => toAuditedUser(user),
        write: (db, id, version, values) => updateUser(db, id, version, values),
      });
      // Reactivating does not bring old sessions back: they end here for good.
      if (!isActive) await revokeAllAuthSessions(tx, id);
    });
  }

  const audit = (tx: Database, action: 'sign_out' | 'password_reset', entityId: string, changes: Record<string, [unknown, unknown]> = {}) =>
    insertAuditEntry(tx, { actor: describeActor(actor), action, entity: 'user', entityId, changes });

  return {
    async list(filter: UserFilter, page: PageRequest) {
      requireAdmin(actor);
      return { ...(await listUsers(db, filter, page)), ...page };
    },

    async get(id: string): Promise<UserView> {
      requireAdmin(actor);
      return findOrFail(db, id);
    },

    /** Changes the name and roles; the roles are replaced as a whole. */
    async update(id: string, { version, roles, name }: UpdateData): Promise<UserView> {
      requireAdmin(actor);
      return db.transaction(async (tx) => {
        if (roles) await checkRoleGrants(tx, roles);
        await lockAdminChanges(tx);
        const user = await findOrFail(tx, id);
        const isRoleChange = roles !== undefined && grantsKey(roles) !== grantsKey(user.roles);
        if (isRoleChange) await keepAnAdmin(tx, user, { isActive: user.isActive, roles }, 'roles');
        await writeVersionedUpdate(tx, actor, {
          entity: 'user',
          id,
          version,
          values: { name, roles: isRoleChange ? roles : undefined },
          find: async () => toAuditedUser(user),
          write: async (db, id, version) => {
            const written = await updateUser(db, id, version, { name });
            if (written && isRoleChange) await replaceRoleGrants(db, id, roles);
            return written;
          },
        });
        return findOrFail(tx, id);
      });
    },

    deactivate: (id: string, version: number) => setActive(id, version, false),
    reactivate: (id: string, version: number) => setActive(id, version, true),

    /** Ends every session of the person (a lost laptop, a role taken away). */
    async signOut(id: string) {
      requireAdmin(actor);
      await db.transaction(async (tx) => {
        await findOrFail(tx, id);
        await revokeAllAuthSessions(tx, id);
        await audit(tx, 'sign_out', id);
      });
    },

    /** An administrator sets a new password: the person's sessions end and they must change it when they sign in. */
    async resetPassword(id: string, { password }: z.output<typeof PasswordResetSchema>) {
      requireAdmin(actor);
      const user = await findOrFail(db, id);
      if (containsEmailName(password, user.email)) throw invalidField('password', PASSWORD_WITH_EMAIL_MESSAGE);
      const passwordHash = await hash(password);
      await db.transaction(async (tx) => {
        await setPassword(tx, id, passwordHash, true);
        await revokeAllAuthSessions(tx, id);
        await audit(tx, 'password_reset', id, user.mustChangePassword ? {} : { mustChangePassword: [false, true] });
      });
    },

    /** The signed-in person's live sessions; `token` is this request's, marked as current. */
    async listOwnSessions(token: string | undefined) {
      requireSignedIn(actor);
      if (actor.kind !== 'user' || !token) throw unauthenticated();
      return listLiveAuthSessions(db, actor.id, hashSessionToken(token));
    },

    /** Ends one of the signed-in person's own sessions (another person's is "not found"). */
    async endOwnSession(sessionId: string) {
      requireSignedIn(actor);
      if (actor.kind !== 'user') throw unauthenticated();
      const userId = actor.id;
      await db.transaction(async (tx) => {
        if (!(await revokeLiveAuthSession(tx, userId, sessionId))) throw notFound();
        await audit(tx, 'sign_out', userId, { session: [sessionId, null] });
      });
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
