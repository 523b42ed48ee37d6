import type { AccountLinkPurpose } from '@telar/domain';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { isoInstant } from '../../platform/db/views.sql.js';
import { accountLinks, users } from './accounts.tables.js';

/** A link that can still be used, and the active account it is for. */
export interface LiveAccountLink {
  id: string;
  userId: string;
  purpose: AccountLinkPurpose;
  email: string;
  name: string;
  expiresAt: string;
}

/** Issues a link; the person's earlier unused links of the same purpose stop working. */
export async function insertAccountLink(db: Database, values: { userId: string; purpose: AccountLinkPurpose; tokenHash: string; hours: number }) {
  await db
    .update(accountLinks)
    .set({ usedAt: sql`now()` })
    .where(and(eq(accountLinks.userId, values.userId), eq(accountLinks.purpose, values.purpose), isNull(accountLinks.usedAt)));
  const [row] = await db
    .insert(accountLinks)
    .values({ userId: values.userId, purpose: values.purpose, tokenHash: values.tokenHash, expiresAt: sql`now() + make_interval(hours => ${values.hours})` })
    .returning({ id: accountLinks.id });
  return row!;
}

export async function findLiveAccountLink(db: Database, tokenHash: string): Promise<LiveAccountLink | undefined> {
  const [row] = await queryRows<LiveAccountLink>(
    db,
    sql`select l.id, l.user_id as "userId", l.purpose, u.email, u.name, ${isoInstant(sql`l.expires_at`)} as "expiresAt"
        from account_links l join users u on u.id = l.user_id
        where l.token_hash = ${tokenHash} and l.used_at is null and l.expires_at > now() and u.is_active and u.archived_at is null`,
  );
  return row;
}

/** Marks a live link used, in one update, so that two requests racing with it cannot both use it. */
export async function useAccountLink(db: Database, tokenHash: string): Promise<LiveAccountLink | undefined> {
  const [row] = await queryRows<LiveAccountLink>(
    db,
    sql`update account_links l set used_at = now() from users u
        where l.token_hash = ${tokenHash} and l.used_at is null and l.expires_at > now()
          and u.id = l.user_id and u.is_active and u.archived_at is null
        returning l.id, l.user_id as "userId", l.purpose, u.email, u.name, ${isoInstant(sql`l.expires_at`)} as "expiresAt"`,
  );
  return row;
}

/** Whether the person was sent a link of this purpose within the last `seconds` (so a form cannot flood their inbox). */
export async function hasRecentAccountLink(db: Database, userId: string, purpose: AccountLinkPurpose, seconds: number): Promise<boolean> {
  const [row] = await queryRows<{ recent: boolean }>(
    db,
    sql`select exists (select 1 from account_links where user_id = ${userId} and purpose = ${purpose}
          and created_at > now() - make_interval(secs => ${seconds}::float8)) as recent`,
  );
  return row?.recent ?? false;
}

/** An active account that signs in with a password (or has yet to choose one), by e-mail. */
export async function findAccountForLink(db: Database, email: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, hasPassword: sql<boolean>`${users.passwordHash} is not null` })
    .from(users)
    .where(and(sql`lower(${users.email}) = lower(${email})`, eq(users.isActive, true), isNull(users.archivedAt), isNull(users.externalProvider)));
  return row;
}

/** A password chosen through a link: the account unlocks, and every session it had ends. */
export async function setPasswordFromLink(db: Database, userId: string, passwordHash: string) {
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword: false, failedLogins: 0, lockedUntil: null, sessionsValidAfter: sql`clock_timestamp()`, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
}
