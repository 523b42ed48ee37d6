import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bodies } from '../bodies/bodies.tables.js';
import { organizations } from '../directory/directory.tables.js';
import { id, recordColumns } from '../../platform/db/columns.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** argon2id; null for accounts that only sign in through an external provider. */
    passwordHash: text('password_hash'),
    /** Room for OpenID Connect: the provider and the subject it gives this person. */
    externalProvider: text('external_provider'),
    externalSubject: text('external_subject'),
    isActive: boolean('is_active').notNull().default(true),
    /** Sign-in attempts since the last success, counted before the password is checked (beginLoginAttempt). */
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: instant('locked_until'),
    /** Sessions started before this instant are void ("sign out everywhere", deactivation, password reset). */
    sessionsValidAfter: instant('sessions_valid_after').notNull().defaultNow(),
    /** The password was set by someone else (an administrator, the command line): the person must replace it. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    ...recordColumns(),
  },
  (t) => [
    uniqueIndex('users_email_idx').on(sql`lower(${t.email})`),
    uniqueIndex('users_external_idx').on(t.externalProvider, t.externalSubject),
  ],
);

/**
 * What a person may do, and where: secretariat of a body, enlace of an organisation,
 * reader or administrator everywhere.
 */
export const userRoles = pgTable(
  'user_roles',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id),
    role: text('role').notNull(),
    bodyId: uuid('body_id').references(() => bodies.id),
    organizationId: uuid('organization_id').references(() => organizations.id),
    createdAt: instant('created_at').notNull().defaultNow(),
    archivedAt: instant('archived_at'),
  },
  (t) => [
    index('user_roles_user_idx').on(t.userId),
    // Who is the enlace of an organisation, the secretariat of a body: what notification rules ask per record.
    index('user_roles_organization_idx').on(t.organizationId).where(sql`${t.archivedAt} is null`),
    index('user_roles_body_idx').on(t.bodyId).where(sql`${t.archivedAt} is null`),
  ],
);

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
export const authSessions = pgTable(
  'auth_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    /** How the person names one of their sessions to end it; the token hash never leaves the server. */
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    /** Moved forward at most every few minutes while the session is used (auth.service.ts). */
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
    expiresAt: instant('expires_at').notNull(),
    revokedAt: instant('revoked_at'),
  },
  (t) => [index('auth_sessions_user_idx').on(t.userId), uniqueIndex('auth_sessions_id_idx').on(t.id)],
);

/** A one-time link sent by e-mail: an invitation to choose one's password, or a password reset. Only the token's SHA-256 is kept. */
export const accountLinks = pgTable(
  'account_links',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('account_links_token_idx').on(t.tokenHash), index('account_links_user_idx').on(t.userId, t.purpose)],
);
