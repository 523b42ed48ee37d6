import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { containsEmailName, PASSWORD_WITH_EMAIL_MESSAGE, type LoginSchema, type MeView, type PasswordChangeSchema, type UserCreateSchema } from '@telar/domain';
import type { z } from 'zod';
import { type Actor, describeActor, type SessionPerson } from '../../platform/auth/actor.js';
import { isAdmin, isAnySecretariat, requireAdmin } from '../../platform/auth/policy.js';
import { listBodiesUnder } from '../../platform/auth/scope.repository.js';
import type { Database } from '../../platform/db/client.js';
import { DomainError, invalidField, unauthenticated } from '../../platform/errors.js';
import { insertAuditEntry } from '../../platform/audit/audit.repository.js';
import {
  beginLoginAttempt,
  clearFailedLogins,
  findSessionUser,
  findUserByEmail,
  findUserById,
  insertAuthSession,
  insertRoleGrants,
  insertUser,
  listRoleGrants,
  type LockoutPolicy,
  revokeAllAuthSessions,
  revokeAuthSession,
  revokeOtherAuthSessions,
  setPassword,
  touchAuthSession,
} from './user.repository.js';
import { checkRoleGrants } from './role-grants.js';
import { sendAccountLink } from './account-links.service.js';

/** Five sign-ins without a success lock the account for 15 minutes. */
const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockSeconds: 15 * 60 };
const SESSION_HOURS = 12;

/** Compared against when the e-mail is unknown, so timing does not reveal which accounts exist. */
const decoyHash = hash('telar-decoy-password-0');

/** A random 24-character password of letters and digits (with at least one of each). */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  for (;;) {
    const password = [...randomBytes(24)].map((byte) => alphabet[byte % alphabet.length]).join('');
    if (/\d/.test(password) && /[a-z]/i.test(password)) return password;
  }
}

export const hashSessionToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function createAuthService(db: Database, lockout: LockoutPolicy = DEFAULT_LOCKOUT) {
  /** Who the signed-in person is, with what they may start: the buttons and pages the web app offers them. */
  const describe = async (person: SessionPerson): Promise<MeView> => {
    const actor: Actor = { kind: 'user', id: person.id, email: person.email, name: person.name, roles: person.roles };
    const manageAllBodies = isAdmin(actor);
    const secretariatBodyIds = person.roles.flatMap((grant) => (grant.role === 'secretariat' && grant.bodyId ? [grant.bodyId] : []));
    const abilities = {
      manageAccounts: manageAllBodies,
      createOrganization: isAnySecretariat(actor),
      createTopLevelBody: manageAllBodies,
      manageAnyBody: isAnySecretariat(actor),
      manageAllBodies,
      managedBodyIds: manageAllBodies ? [] : await listBodiesUnder(db, secretariatBodyIds),
    };
    return { ...person, abilities };
  };

  return {
    /**
     * Checks the password and opens a session; returns the cookie token and who signed in.
     * An unknown e-mail, a wrong password and a locked account get the same error after the same
     * argon2 verification, so the answer tells nobody which accounts exist or are locked.
     */
    async login({ email, password }: z.output<typeof LoginSchema>): Promise<{ token: string; me: MeView }> {
      const attempt = await beginLoginAttempt(db, email, lockout);
      const isValid = await verify(attempt?.passwordHash ?? (await decoyHash), password);
      if (!attempt?.isAdmitted || !isValid) throw new DomainError('login_failed');
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000).toISOString();
      await db.transaction(async (tx) => {
        await clearFailedLogins(tx, attempt.id);
        await insertAuthSession(tx, { tokenHash: hashSessionToken(token), userId: attempt.id, csrfToken, expiresAt });
      });
      const roles = await listRoleGrants(db, attempt.id);
      return { token, me: await describe({ id: attempt.id, email: attempt.email, name: attempt.name, roles, csrfToken, mustChangePassword: attempt.mustChangePassword }) };
    },

    describe,

    /** The actor of a session token, with its CSRF token; anonymous when the token is unknown or void. */
    async resolveSession(token: string | undefined): Promise<{ actor: Actor; csrfToken?: string; me?: SessionPerson }> {
      const tokenHash = token ? hashSessionToken(token) : undefined;
      const found = tokenHash ? await findSessionUser(db, tokenHash) : undefined;
      if (!found) return { actor: { kind: 'anonymous' } };
      if (found.isLastSeenStale) await touchAuthSession(db, tokenHash!);
      const { roles, mustChangePassword } = found;
      const me: SessionPerson = { id: found.userId, email: found.email, name: found.name, roles, csrfToken: found.csrfToken, mustChangePassword };
      return { actor: { kind: 'user', id: found.userId, email: found.email, name: found.name, roles }, csrfToken: found.csrfToken, me };
    },

    async logout(token: string) {
      await revokeAuthSession(db, hashSessionToken(token));
    },

    async logoutEverywhere(userId: string) {
      await revokeAllAuthSessions(db, userId);
    },

    /**
     * Creates an account with its roles (administrators only; the CLI acts as the system). Without a
     * password, the person is invited by e-mail to choose one. A password an administrator chose must be
     * changed at first sign-in; the system's own accounts (tests, demo) need not, unless the caller says
     * so (`telar users create-admin --password`).
     */
    async createUser(actor: Actor, { password, roles, ...data }: z.output<typeof UserCreateSchema>, { mustChangePassword = actor.kind === 'user' } = {}) {
      requireAdmin(actor);
      const passwordHash = password === undefined ? null : await hash(password);
      return db.transaction(async (tx) => {
        if (await findUserByEmail(tx, data.email)) {
          throw new DomainError('duplicate', [{ path: 'email', message: 'Ya existe una cuenta con ese correo.' }]);
        }
        await checkRoleGrants(tx, roles);
        const { id } = await insertUser(tx, { ...data, passwordHash, mustChangePassword: passwordHash !== null && mustChangePassword });
        await insertRoleGrants(tx, id, roles);
        await insertAuditEntry(tx, { actor: describeActor(actor), action: 'create', entity: 'user', entityId: id, changes: { email: [null, data.email], roles: [null, roles] } });
        // Without a password the person chooses their own, through the invitation's one-time link.
        if (passwordHash === null) await sendAccountLink(tx, 'invitation', { id, ...data });
        return { id, ...data, roles, isInvited: passwordHash === null };
      });
    },

    /** The signed-in person replaces their own password: the current one is required; their other sessions end, this one stays. */
    async changePassword(actor: Actor, token: string | undefined, { currentPassword, newPassword }: z.output<typeof PasswordChangeSchema>) {
      if (actor.kind !== 'user' || !token) throw unauthenticated();
      const user = await findUserById(db, actor.id);
      if (!user?.passwordHash || !(await verify(user.passwordHash, currentPassword))) {
        throw invalidField('currentPassword', 'La contraseña actual no es correcta.');
      }
      if (containsEmailName(newPassword, user.email)) throw invalidField('newPassword', PASSWORD_WITH_EMAIL_MESSAGE);
      const passwordHash = await hash(newPassword);
      await db.transaction(async (tx) => {
        await setPassword(tx, user.id, passwordHash, false);
        await revokeOtherAuthSessions(tx, user.id, hashSessionToken(token));
        const changes: Record<string, [unknown, unknown]> = user.mustChangePassword ? { mustChangePassword: [true, false] } : {};
        await insertAuditEntry(tx, { actor: describeActor(actor), action: 'password_change', entity: 'user', entityId: user.id, changes });
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
