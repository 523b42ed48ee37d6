import type { AuthSessionView, RoleGrant, UserView } from '@telar/domain';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { authSessions, userRoles, users } from './accounts.tables.js';
import { type PageRequest, pageClause, queryRows, updateIfVersion, whereAll } from '../../platform/db/query.js';
import { bodyRefJson, isoInstant } from '../../platform/db/views.sql.js';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Database, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

export async function insertUser(db: Database, values: { email: string; name: string; passwordHash: string | null; mustChangePassword: boolean }) {
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
  mustChangePassword: boolean;
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
        returning id, email, name, password_hash as "passwordHash", must_change_password as "mustChangePassword",
          failed_logins <= ${maxFailures} as "isAdmitted"`,
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
  mustChangePassword: boolean;
  /** The session's last-seen time is old enough to be moved forward (see touchAuthSession). */
  isLastSeenStale: boolean;
}

/** How precisely a session's last use is kept: finer would mean a write on every request. */
const LAST_SEEN_RESOLUTION_MINUTES = 5;

/** A session (s) of its user (u) that still counts: not revoked, not expired, not older than a "sign out everywhere". */
const isLiveSession = sql`s.revoked_at is null and s.expires_at > now() and s.created_at >= u.sessions_valid_after`;

/** The person behind a live session: not expired, not revoked, not older than a "sign out everywhere", account active. */
export async function findSessionUser(db: Database, tokenHash: string): Promise<SessionUser | undefined> {
  const [row] = await queryRows<SessionUser>(
    db,
    // One round trip with the roles: this runs before every signed-in request.
    sql`select u.id as "userId", u.email, u.name, s.csrf_token as "csrfToken", u.must_change_password as "mustChangePassword",
          s.last_seen_at < now() - make_interval(mins => ${LAST_SEEN_RESOLUTION_MINUTES}) as "isLastSeenStale",
          coalesce((select json_agg(json_build_object('role', r.role, 'bodyId', r.body_id, 'organizationId', r.organization_id))
                    from user_roles r where r.user_id = u.id and r.archived_at is null), '[]'::json) as roles
        from auth_sessions s join users u on u.id = s.user_id
        where s.token_hash = ${tokenHash} and ${isLiveSession} and u.is_active and u.archived_at is null`,
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


// Account management (accounts.service.ts).

export interface UserFilter {
  q?: string;
  isActive?: boolean;
}

/** Roles in a fixed order (broadest first), then by the name of what they are scoped to. */
const userViewColumns = sql`u.id, u.email, u.name, u.is_active as "isActive", u.must_change_password as "mustChangePassword", u.version,
  (u.password_hash is null and u.external_provider is null) as "isInvitationPending",
  ${isoInstant(sql`u.created_at`)} as "createdAt",
  coalesce((select json_agg(json_build_object('role', r.role, 'bodyId', r.body_id, 'organizationId', r.organization_id,
              'body', case when b.id is null then null else ${bodyRefJson(sql`b`)} end,
              'organization', case when o.id is null then null else json_build_object('id', o.id, 'name', o.name, 'acronym', o.acronym) end)
            order by array_position(array['admin', 'secretariat', 'enlace', 'reader'], r.role), b.name, o.name_key)
          from user_roles r left join bodies b on b.id = r.body_id left join organizations o on o.id = r.organization_id
          where r.user_id = u.id and r.archived_at is null), '[]'::json) as roles`;

/** A LIKE pattern matching the text anywhere, with its own % and _ taken literally. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

function filterUsers({ q, isActive }: UserFilter): SQL {
  const pattern = q ? containsPattern(q) : undefined;
  return whereAll([
    sql`u.archived_at is null`,
    // Names match without accents ("maria" finds "María"); e-mails as typed.
    // Accents go first: in the C collation PGlite uses, lower() leaves "Á" as it is.
    pattern ? sql`(lower(unaccent(u.name)) like lower(unaccent(${pattern})) or lower(u.email) like lower(${pattern}))` : undefined,
    isActive === undefined ? undefined : sql`u.is_active = ${isActive}`,
  ]);
}

export async function listUsers(db: Database, filter: UserFilter, page: PageRequest) {
  const where = filterUsers(filter);
  const [items, [count]] = await Promise.all([
    queryRows<UserView>(db, sql`select ${userViewColumns} from users u where ${where} order by lower(unaccent(u.name)), u.email ${pageClause(page)}`),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from users u where ${where}`),
  ]);
  return { items, total: count?.total ?? 0 };
}

export async function findUserView(db: Database, id: string): Promise<UserView | undefined> {
  const [row] = await queryRows<UserView>(db, sql`select ${userViewColumns} from users u where u.id = ${id} and u.archived_at is null`);
  return row;
}

export async function findUserById(db: Database, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(and(eq(users.id, id), isNull(users.archivedAt)));
  return row;
}

export const updateUser = (db: Database, id: string, version: number, values: { name?: string; isActive?: boolean }) => updateIfVersion(db, users, id, version, values);

/** The person's roles become exactly these; the ones they lose are archived, not deleted. */
export async function replaceRoleGrants(db: Database, userId: string, grants: RoleGrant[]) {
  await db.update(userRoles).set({ archivedAt: sql`now()` }).where(and(eq(userRoles.userId, userId), isNull(userRoles.archivedAt)));
  await insertRoleGrants(db, userId, grants);
}

/**
 * Serialises the changes that can take away an administrator (deactivation, role edits) until the
 * end of the transaction, so two administrators removing each other at once cannot leave none.
 */
export async function lockAdminChanges(db: Database) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('telar.admin-accounts'))`);
}

/** Active administrators other than this person. */
export async function countOtherActiveAdmins(db: Database, userId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(distinct u.id)::int as n from users u join user_roles r on r.user_id = u.id
        where r.role = 'admin' and r.archived_at is null and u.is_active and u.archived_at is null and u.id <> ${userId}`,
  );
  return row?.n ?? 0;
}

/** Bodies or organisations among `ids` that exist and are not archived. */
export async function listLiveIds(db: Database, table: 'bodies' | 'organizations', ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id::text as id from ${sql.identifier(table)} where archived_at is null and id::text in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`,
  );
  return new Set(rows.map((row) => row.id));
}

export async function setPassword(db: Database, userId: string, passwordHash: string, mustChangePassword: boolean) {
  await db.update(users).set({ passwordHash, mustChangePassword, updatedAt: sql`now()` }).where(eq(users.id, userId));
}

/** Ends every session of the person but the one they are using. */
export async function revokeOtherAuthSessions(db: Database, userId: string, keptTokenHash: string) {
  await db.execute(sql`update auth_sessions set revoked_at = now() where user_id = ${userId} and token_hash <> ${keptTokenHash} and revoked_at is null`);
}

/** The person's live sessions, most recently used first; `isCurrent` marks the one with this token hash. */
export async function listLiveAuthSessions(db: Database, userId: string, currentTokenHash: string): Promise<AuthSessionView[]> {
  return queryRows<AuthSessionView>(
    db,
    sql`select s.id, ${isoInstant(sql`s.created_at`)} as "createdAt", ${isoInstant(sql`s.last_seen_at`)} as "lastSeenAt",
          ${isoInstant(sql`s.expires_at`)} as "expiresAt", s.token_hash = ${currentTokenHash} as "isCurrent"
        from auth_sessions s join users u on u.id = s.user_id
        where s.user_id = ${userId} and ${isLiveSession}
        order by s.last_seen_at desc, s.created_at desc limit 100`,
  );
}

/** Ends one live session of the person; false when they have no such session. */
export async function revokeLiveAuthSession(db: Database, userId: string, sessionId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update auth_sessions s set revoked_at = now() from users u
        where u.id = s.user_id and s.id = ${sessionId} and s.user_id = ${userId} and ${isLiveSession} returning s.id`,
  );
  return rows.length > 0;
}

export async function touchAuthSession(db: Database, tokenHash: string) {
  await db.update(authSessions).set({ lastSeenAt: sql`now()` }).where(eq(authSessions.tokenHash, tokenHash));
}
