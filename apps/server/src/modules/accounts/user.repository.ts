import type { RoleGrant } from '@telar/domain';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { authSessions, userRoles, users } from './accounts.tables.js';
import { queryRows } from '../../platform/db/query.js';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Database, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

export async function insertUser(db: Database, values: { email: string; name: string; passwordHash: string }) {
  const [row] = await db.insert(users).values(values).returning({ id: users.id });
  return row!;
}

export async function insertRoleGrants(db: Database, userId: string, grants: RoleGrant[]) {
  if (grants.length) await db.insert(userRoles).values(grants.map((grant) => ({ userId, ...grant })));
}

export async function listRoleGrants(db: Database, userId: string): Promise<RoleGrant[]> {
  return db
    .select({ role: userRoles.role, bodyId: userRoles.bodyId, organizationId: userRoles.organizationId })
    .from(userRoles)
    .where(and(eq(userRoles.userId, userId), isNull(userRoles.archivedAt))) as Promise<RoleGrant[]>;
}

/** How many sign-ins without a success lock an account, and for how long. */
export interface LockoutPolicy {
  maxFailures: number;
  lockSeconds: number;
}

/** The account a sign-in names, and whether this attempt may be admitted at all. */
export interface LoginAttempt {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  isAdmitted: boolean;
}

/**
 * Counts a sign-in attempt on an active account with a password before its password is checked, in
 * one atomic update, so attempts sent in parallel are each counted on the row the previous one left.
 * The attempt that reaches `maxFailures` locks the account; while locked, every attempt is counted
 * and not admitted, and the first one after the lock expires starts the count again.
 */
export async function beginLoginAttempt(db: Database, email: string, { maxFailures, lockSeconds }: LockoutPolicy): Promise<LoginAttempt | undefined> {
  const [row] = await queryRows<LoginAttempt>(
    db,
    sql`update users set
          failed_logins = case when locked_until <= now() then 1 else failed_logins + 1 end,
          locked_until = case
            when locked_until > now() then locked_until
            when (case when locked_until <= now() then 1 else failed_logins + 1 end) >= ${maxFailures}
              then now() + make_interval(secs => ${lockSeconds}::float8)
          end
        where lower(email) = lower(${email}) and is_active and archived_at is null and password_hash is not null
        returning id, email, name, password_hash as "passwordHash", failed_logins <= ${maxFailures} as "isAdmitted"`,
  );
  return row;
}

export async function clearFailedLogins(db: Database, userId: string) {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export async function insertAuthSession(db: Database, values: { tokenHash: string; userId: string; csrfToken: string; expiresAt: string }) {
  await db.insert(authSessions).values(values);
}

export interface SessionUser {
  userId: string;
  email: string;
  name: string;
  csrfToken: string;
  roles: RoleGrant[];
}

/** The person behind a live session: not expired, not revoked, not older than a "sign out everywhere", account active. */
export async function findSessionUser(db: Database, tokenHash: string): Promise<SessionUser | undefined> {
  const [row] = await queryRows<SessionUser>(
    db,
    // One round trip with the roles: this runs before every signed-in request.
    sql`select u.id as "userId", u.email, u.name, s.csrf_token as "csrfToken",
          coalesce((select json_agg(json_build_object('role', r.role, 'bodyId', r.body_id, 'organizationId', r.organization_id))
                    from user_roles r where r.user_id = u.id and r.archived_at is null), '[]'::json) as roles
        from auth_sessions s join users u on u.id = s.user_id
        where s.token_hash = ${tokenHash} and s.revoked_at is null and s.expires_at > now()
          and s.created_at >= u.sessions_valid_after and u.is_active and u.archived_at is null`,
  );
  return row;
}

export async function revokeAuthSession(db: Database, tokenHash: string) {
  await db.update(authSessions).set({ revokedAt: sql`now()` }).where(eq(authSessions.tokenHash, tokenHash));
}

/** Voids every session of the person, wherever it was opened. */
export async function revokeAllAuthSessions(db: Database, userId: string) {
  await db.update(users).set({ sessionsValidAfter: sql`clock_timestamp()` }).where(eq(users.id, userId));
}

