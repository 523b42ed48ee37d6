import type { AgreementView, FollowUpView } from '@telar/domain';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { agreementOrganizations, agreements, agreementStates, followUpEvidence, followUps, followUpStates } from './sessions.tables.js';
import { countPageTotal, matchesSearch, type PageRequest, pageClause, queryRows, updateIfVersion, uuidArray, whereAll } from '../../platform/db/query.js';
import { evidenceJson, isoInstant, organizationRefsJson, sessionRefJson, stateCodesArray } from '../../platform/db/views.sql.js';
import { isPublicSession } from './session.repository.js';

export interface AgreementFilter {
  status?: string;
  bodyId?: string;
  organizationId?: string;
  /** Agreements any of these organisations is responsible for. */
  responsibleOrganizationIds?: string[];
  stateCode?: string;
  from?: string;
  to?: string;
  q?: string;
  /** Open agreements coming due: from today in Mexico City through this many days ahead (not the overdue ones). */
  dueWithinDays?: number;
  /** Open agreements whose due date has passed in Mexico City («Vencidos»). */
  isOverdue?: boolean;
  /** Only open agreements (pending or in progress), the earliest due first. */
  isOpen?: boolean;
  /** Only what the public may see. */
  isPublished?: boolean;
}

export type AgreementValues = Omit<typeof agreements.$inferInsert, 'id' | 'search'>;
export type AgreementRow = typeof agreements.$inferSelect;

const agreementViewColumns = sql`a.id, a.code, ${sessionRefJson(sql`s`, sql`b`)} as session, a.participation_id as "participationId", a.text,
  ${organizationRefsJson(sql`agreement_organizations`, sql`agreement_id`, sql`a.id`)} as "responsibleOrganizations",
  ${stateCodesArray(sql`agreement_states`, sql`agreement_id`, sql`a.id`)} as "stateCodes",
  a.due_date::text as "dueDate", a.status, ${isoInstant(sql`a.published_at`)} as "publishedAt", a.version`;

const agreementFrom = sql`agreements a join sessions s on s.id = a.session_id join bodies b on b.id = s.body_id`;

/** An agreement the public sees (its session joined as `s`): published, not archived, in a session the public sees. */
const isPublicAgreement = sql`(a.published_at is not null and a.archived_at is null and ${isPublicSession(sql`s`)})`;

/** The count joins the session only when a filter needs it: agreements always have one, so the join cannot change it. */
/** Deadlines are days in Mexico City, whatever the server's clock zone. */
const mexicoToday = sql`(now() at time zone 'America/Mexico_City')::date`;

const countFrom = (filter: AgreementFilter) =>
  filter.bodyId || filter.from || filter.to || filter.isPublished ? sql`agreements a join sessions s on s.id = a.session_id` : sql`agreements a`;

function filterAgreements(filter: AgreementFilter) {
  return whereAll([
    sql`a.archived_at is null`,
    filter.status ? sql`a.status = ${filter.status}` : undefined,
    filter.isPublished ? isPublicAgreement : undefined,
    filter.bodyId ? sql`s.body_id = ${filter.bodyId}` : undefined,
    filter.from ? sql`s.date >= ${filter.from}` : undefined,
    filter.to ? sql`s.date <= ${filter.to}` : undefined,
    filter.organizationId
      ? sql`exists (select 1 from agreement_organizations ao where ao.agreement_id = a.id and ao.organization_id = ${filter.organizationId})`
      : undefined,
    filter.responsibleOrganizationIds
      ? sql`exists (select 1 from agreement_organizations ao where ao.agreement_id = a.id and ao.organization_id = any(${uuidArray(filter.responsibleOrganizationIds)}))`
      : undefined,
    filter.isOpen ? sql`a.status in ('pending', 'in_progress')` : undefined,
    filter.stateCode
      ? sql`exists (select 1 from agreement_states st where st.agreement_id = a.id and st.state_code = ${filter.stateCode})`
      : undefined,
    filter.dueWithinDays !== undefined
      ? sql`a.status in ('pending', 'in_progress') and a.due_date between ${mexicoToday} and ${mexicoToday} + ${filter.dueWithinDays}::int`
      : undefined,
    filter.isOverdue ? sql`a.status in ('pending', 'in_progress') and a.due_date < ${mexicoToday}` : undefined,
    matchesSearch(sql`a.search`, filter.q),
  ]);
}

export async function listAgreements(db: Database, filter: AgreementFilter, page: PageRequest) {
  const where = filterAgreements(filter);
  const order = filter.dueWithinDays !== undefined || filter.isOverdue || filter.isOpen ? sql`a.due_date, a.id` : sql`s.date desc, a.id`;
  const [items, count] = await Promise.all([
    queryRows<AgreementView>(db, sql`select ${agreementViewColumns} from ${agreementFrom} where ${where} order by ${order} ${pageClause(page)}`),
    countPageTotal(db, sql`${countFrom(filter)} where ${where}`, Boolean(filter.q)),
  ]);
  return { items, ...count };
}

export async function listAgreementsOfSession(db: Database, sessionId: string): Promise<AgreementView[]> {
  return queryRows<AgreementView>(
    db,
    sql`select ${agreementViewColumns} from ${agreementFrom} where a.session_id = ${sessionId} and a.archived_at is null order by a.code nulls last, a.created_at`,
  );
}

/** An agreement by id; with `isPublicOnly`, only if the public sees it. */
export async function findAgreementView(db: Database, id: string, isPublicOnly = false): Promise<AgreementView | undefined> {
  const [row] = await queryRows<AgreementView>(
    db,
    sql`select ${agreementViewColumns} from ${agreementFrom} where a.id = ${id} ${isPublicOnly ? sql`and ${isPublicAgreement}` : sql``}`,
  );
  return row;
}

export async function findAgreement(db: Database, id: string): Promise<AgreementRow | undefined> {
  const [row] = await db.select().from(agreements).where(eq(agreements.id, id));
  return row;
}

/** An agreement is the same one when it has the same official code, or the same text in the same session. */
export async function findAgreementByIdentity(db: Database, sessionId: string, code: string | null, text: string) {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select id from agreements where (${code}::text is not null and code = ${code}) or (session_id = ${sessionId} and text = ${text}) limit 1`,
  );
  return row;
}

export async function insertAgreement(db: Database, values: AgreementValues) {
  const [row] = await db.insert(agreements).values(values).returning();
  return row!;
}

export const updateAgreement = (db: Database, id: string, version: number, values: Partial<AgreementValues>) => updateIfVersion(db, agreements, id, version, values);

export async function replaceAgreementLinks(db: Database, agreementId: string, organizationIds?: string[], stateCodes?: string[]) {
  if (organizationIds) {
    await db.delete(agreementOrganizations).where(eq(agreementOrganizations.agreementId, agreementId));
    if (organizationIds.length) {
      await db.insert(agreementOrganizations).values([...new Set(organizationIds)].map((organizationId) => ({ agreementId, organizationId })));
    }
  }
  if (stateCodes) {
    await db.delete(agreementStates).where(eq(agreementStates.agreementId, agreementId));
    if (stateCodes.length) {
      await db.insert(agreementStates).values([...new Set(stateCodes)].map((stateCode) => ({ agreementId, stateCode })));
    }
  }
}

const followUpViewColumns = sql`f.id, f.agreement_id as "agreementId", f.participation_id as "participationId", f.date::text as date, f.text,
  ${stateCodesArray(sql`follow_up_states`, sql`follow_up_id`, sql`f.id`, sql`position`)} as "stateCodes",
  coalesce((select json_agg(${evidenceJson(sql`e`)} order by e.created_at) from follow_up_evidence fe
    join evidence e on e.id = fe.evidence_id where fe.follow_up_id = f.id), '[]'::json) as evidence,
  f.version`;

/** Follow-ups of an agreement or of a participation, oldest first (undated last). */
export async function listFollowUps(db: Database, owner: { agreementId?: string; participationIds?: string[] }): Promise<FollowUpView[]> {
  const ownerCondition = owner.agreementId
    ? sql`f.agreement_id = ${owner.agreementId}`
    : sql`f.participation_id in (${sql.join((owner.participationIds ?? []).map((id) => sql`${id}`), sql`, `)})`;
  if (!owner.agreementId && !owner.participationIds?.length) return [];
  return queryRows<FollowUpView>(
    db,
    sql`select ${followUpViewColumns} from follow_ups f where ${ownerCondition} and f.archived_at is null order by f.date nulls last, f.created_at`,
  );
}

export async function findFollowUpView(db: Database, id: string): Promise<FollowUpView | undefined> {
  const [row] = await queryRows<FollowUpView>(db, sql`select ${followUpViewColumns} from follow_ups f where f.id = ${id}`);
  return row;
}

export async function findFollowUpByIdentity(db: Database, owner: { agreementId: string | null; participationId: string | null }, text: string) {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select id from follow_ups where text = ${text} and (agreement_id = ${owner.agreementId} or participation_id = ${owner.participationId}) limit 1`,
  );
  return row;
}

export async function insertFollowUp(
  db: Database,
  values: Omit<typeof followUps.$inferInsert, 'id' | 'search'>,
  stateCodes: string[],
  evidenceIds: string[],
) {
  const [row] = await db.insert(followUps).values(values).returning();
  const followUpId = row!.id;
  const uniqueStates = [...new Set(stateCodes)];
  if (uniqueStates.length) await db.insert(followUpStates).values(uniqueStates.map((stateCode, position) => ({ followUpId, stateCode, position })));
  if (evidenceIds.length) await db.insert(followUpEvidence).values(evidenceIds.map((evidenceId) => ({ followUpId, evidenceId })));
  return row!;
}
