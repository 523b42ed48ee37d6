import type { ParticipationView, SessionKind, SessionView } from '@telar/domain';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { participationOrganizations, participations, sessions } from './sessions.tables.js';
import { countPageTotal, matchesSearch, type PageRequest, pageClause, queryRows, updateIfVersion, whereAll } from '../../platform/db/query.js';
import { bodyRefJson, evidenceJson, isoInstant, organizationRefsJson, sessionRefJson } from '../../platform/db/views.sql.js';

export interface SessionFilter {
  bodyId?: string;
  kind?: string;
  from?: string;
  to?: string;
  organizationId?: string;
  q?: string;
  /** Only what the public may see. */
  isPublished?: boolean;
}

export type SessionValues = Omit<typeof sessions.$inferInsert, 'id'>;
export type SessionRow = typeof sessions.$inferSelect;

/** A session the public sees: published and not archived (archiving takes it off the portal, whatever it was). */
export const isPublicSession = (s: SQL) => sql`(${s}.published_at is not null and ${s}.archived_at is null)`;

/** The public view of a public session counts only the agreements the public sees. */
const sessionViewColumns = (isPublicView = false) => sql`s.id, ${bodyRefJson(sql`b`)} as body, s.kind, s.number, s.date::text as date, s.modality,
  (select ${evidenceJson(sql`e`)} from evidence e where e.id = s.minutes_evidence_id) as minutes,
  (select count(*)::int from participations p where p.session_id = s.id and p.archived_at is null) as "participationCount",
  (select count(*)::int from agreements a where a.session_id = s.id and a.archived_at is null
     ${isPublicView ? sql`and a.published_at is not null` : sql``}) as "agreementCount",
  ${isoInstant(sql`s.published_at`)} as "publishedAt", s.version`;

function filterSessions(filter: SessionFilter) {
  const search = matchesSearch(sql`search`, filter.q);
  return whereAll([
    sql`s.archived_at is null`,
    filter.bodyId ? sql`s.body_id = ${filter.bodyId}` : undefined,
    filter.kind ? sql`s.kind = ${filter.kind}` : undefined,
    filter.isPublished ? isPublicSession(sql`s`) : undefined,
    filter.from ? sql`s.date >= ${filter.from}` : undefined,
    filter.to ? sql`s.date <= ${filter.to}` : undefined,
    filter.organizationId
      ? sql`exists (select 1 from participations p join participation_organizations po on po.participation_id = p.id
                    where p.session_id = s.id and po.organization_id = ${filter.organizationId})`
      : undefined,
    // Text search looks at what was presented; the body has its own filter (its name would match almost every session).
    search ? sql`s.id in (select session_id from participations where ${search})` : undefined,
  ]);
}

export async function listSessions(db: Database, filter: SessionFilter, page: PageRequest) {
  const where = filterSessions(filter);
  const [items, count] = await Promise.all([
    queryRows<SessionView>(
      db,
      sql`select ${sessionViewColumns(filter.isPublished)} from sessions s join bodies b on b.id = s.body_id where ${where}
          order by s.date desc, s.id ${pageClause(page)}`,
    ),
    countPageTotal(db, sql`sessions s where ${where}`, Boolean(filter.q)),
  ]);
  return { items, ...count };
}

/** A session by id; with `isPublicOnly`, only if the public sees it, as the public sees it. */
export async function findSessionView(db: Database, id: string, isPublicOnly = false): Promise<SessionView | undefined> {
  const [row] = await queryRows<SessionView>(
    db,
    sql`select ${sessionViewColumns(isPublicOnly)} from sessions s join bodies b on b.id = s.body_id
        where s.id = ${id} ${isPublicOnly ? sql`and ${isPublicSession(sql`s`)}` : sql``}`,
  );
  return row;
}

export async function findSession(db: Database, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  return row;
}

/** The session a body held with this kind, number and date (its identity). */
export async function findSessionByIdentity(db: Database, bodyId: string, kind: string, number: number | null, date: string) {
  const [row] = await queryRows<{ id: string; minutesEvidenceId: string | null }>(
    db,
    sql`select id, minutes_evidence_id as "minutesEvidenceId" from sessions
        where body_id = ${bodyId} and kind = ${kind} and coalesce(number, 0) = ${number ?? 0} and date = ${date}`,
  );
  return row;
}

/** The live session a body held with this kind and ordinal, other than `exceptId` (ordinals are unique per body and kind). */
export async function findSessionByOrdinal(db: Database, bodyId: string, kind: string, number: number, exceptId: string | null) {
  const [row] = await queryRows<{ id: string; kind: SessionKind; number: number; date: string }>(
    db,
    sql`select id, kind, number, date::text as date from sessions
        where body_id = ${bodyId} and kind = ${kind} and number = ${number} and archived_at is null
          ${exceptId ? sql`and id <> ${exceptId}` : sql``}`,
  );
  return row;
}

/** The date of the session an agreement, a participation or a session itself belongs to. */
export async function findSessionDateOf(db: Database, record: { sessionId?: string | null; agreementId?: string | null; participationId?: string | null }) {
  const [row] = await queryRows<{ date: string }>(
    db,
    sql`select date::text as date from sessions where id = coalesce(${record.sessionId ?? null}::uuid,
          (select session_id from agreements where id = ${record.agreementId ?? null}::uuid),
          (select session_id from participations where id = ${record.participationId ?? null}::uuid))`,
  );
  return row?.date;
}

/** The earliest date among a session's agreements' deadlines and its follow-ups, which the session may not pass. */
export async function findEarliestDateAfterSession(db: Database, sessionId: string): Promise<string | null> {
  const [row] = await queryRows<{ earliest: string | null }>(
    db,
    sql`select min(d)::text as earliest from (
          select due_date as d from agreements where session_id = ${sessionId} and archived_at is null
          union all
          select f.date from follow_ups f join agreements a on a.id = f.agreement_id where a.session_id = ${sessionId} and f.archived_at is null and a.archived_at is null
          union all
          select f.date from follow_ups f join participations p on p.id = f.participation_id where p.session_id = ${sessionId} and f.archived_at is null and p.archived_at is null
        ) dates`,
  );
  return row?.earliest ?? null;
}

export async function insertSession(db: Database, values: SessionValues): Promise<SessionRow> {
  const [row] = await db.insert(sessions).values(values).returning();
  return row!;
}

export const updateSession = (db: Database, id: string, version: number, values: Partial<SessionValues>) => updateIfVersion(db, sessions, id, version, values);

const participationViewColumns = sql`p.id, ${sessionRefJson(sql`s`, sql`b`)} as session,
  ${organizationRefsJson(sql`participation_organizations`, sql`participation_id`, sql`p.id`, sql`j.position`)} as organizations,
  p.description, p.version`;

const participationFrom = sql`participations p join sessions s on s.id = p.session_id join bodies b on b.id = s.body_id`;

export async function listParticipationsOfSession(db: Database, sessionId: string): Promise<ParticipationView[]> {
  return queryRows<ParticipationView>(
    db,
    sql`select ${participationViewColumns} from ${participationFrom}
        where p.session_id = ${sessionId} and p.archived_at is null order by p.created_at, p.id`,
  );
}

export async function listParticipationsOfOrganization(db: Database, organizationId: string): Promise<ParticipationView[]> {
  return queryRows<ParticipationView>(
    db,
    sql`select ${participationViewColumns} from ${participationFrom}
        where p.archived_at is null and exists (select 1 from participation_organizations po
          where po.participation_id = p.id and po.organization_id = ${organizationId})
        order by s.date desc, p.id limit 500`,
  );
}

export async function findParticipationView(db: Database, id: string): Promise<ParticipationView | undefined> {
  const [row] = await queryRows<ParticipationView>(db, sql`select ${participationViewColumns} from ${participationFrom} where p.id = ${id}`);
  return row;
}

export async function findParticipation(db: Database, id: string) {
  const [row] = await db.select().from(participations).where(eq(participations.id, id));
  return row;
}

/** The participation of a session with the same description and the same first organisation. */
export async function findParticipationByIdentity(db: Database, sessionId: string, description: string, firstOrganizationId: string) {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select p.id from participations p join participation_organizations po on po.participation_id = p.id and po.position = 0
        where p.session_id = ${sessionId} and p.description = ${description} and po.organization_id = ${firstOrganizationId}`,
  );
  return row;
}

/** `namesAsWritten[i]`, when given, is how an imported document named `organizationIds[i]`. */
export async function insertParticipation(db: Database, sessionId: string, description: string, organizationIds: string[], namesAsWritten: string[] = []) {
  const [row] = await db.insert(participations).values({ sessionId, description }).returning();
  await replaceParticipationOrganizations(db, row!.id, organizationIds, namesAsWritten);
  return row!;
}

/** An organisation that stays keeps the name a document wrote for it. */
export async function replaceParticipationOrganizations(db: Database, participationId: string, organizationIds: string[], namesAsWritten: string[] = []) {
  const deleted = await db
    .delete(participationOrganizations)
    .where(eq(participationOrganizations.participationId, participationId))
    .returning({ organizationId: participationOrganizations.organizationId, nameAsWritten: participationOrganizations.nameAsWritten });
  const writtenBefore = new Map(deleted.map((row) => [row.organizationId, row.nameAsWritten]));
  if (organizationIds.length) {
    await db.insert(participationOrganizations).values(
      organizationIds.map((organizationId, position) => ({
        participationId,
        organizationId,
        position,
        nameAsWritten: namesAsWritten[position] ?? writtenBefore.get(organizationId) ?? null,
      })),
    );
  }
}

export const updateParticipation = (db: Database, id: string, version: number, values: { description?: string }) =>
  updateIfVersion(db, participations, id, version, values);

/** Attaches minutes found by an import; bumps the version so open edit forms see the change. */
export async function setSessionMinutes(db: Database, id: string, minutesEvidenceId: string) {
  await db.update(sessions).set({ minutesEvidenceId, version: sql`${sessions.version} + 1`, updatedAt: sql`now()` }).where(eq(sessions.id, id));
}
